"""The Word templates shipped with matrix (``matrix/resources/*.docx``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def default_template(name: str) -> Path:
    """A template shipped with matrix: ``letter.docx`` or ``notice.docx``."""
    return Path(str(resources.files("matrix") / "resources" / name))
