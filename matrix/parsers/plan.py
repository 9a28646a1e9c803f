"""Placeholder while the parser is written."""

from __future__ import annotations

from matrix.model import Document, Plan
from matrix.settings import Settings


def parse_document(document: Document, settings: Settings) -> Plan:
    return Plan(title=None, source=document.source)
