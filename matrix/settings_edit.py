"""Changing a plan's settings file in place: ``[letter]``, one department's contact, aliases.

The clerk's own file is edited, not rewritten: comments, order and every other key stay byte for
byte (tomlkit).  Each change is checked by reading the result back as settings before it replaces
the file, atomically, so a wrong value never leaves a half-written or unreadable file behind.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import Table

from matrix.errors import InputError, UsageError
from matrix.settings import Settings, parse_settings

LETTER_FIELDS = ("issuer", "doc_number", "date", "feedback_deadline", "contact", "phone")
"""The ``[letter]`` keys a form may set; an empty value removes the key (the default applies)."""


def _read(path: Path) -> tomlkit.TOMLDocument:
    if not path.exists():
        return tomlkit.document()
    try:
        return tomlkit.parse(path.read_text(encoding="utf-8-sig"))
    except Exception as exc:  # tomlkit raises its own ParseError family
        raise InputError(f"设置文件格式有误, 无法修改: {exc}", path=str(path)) from exc


def _write(path: Path, doc: tomlkit.TOMLDocument) -> Settings:
    text = tomlkit.dumps(doc)
    settings = parse_settings(tomlkit.parse(text).unwrap(), path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".settings-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return settings


def _table(doc: tomlkit.TOMLDocument | Table, key: str, *, super_table: bool = False) -> Table:
    found = doc.get(key)
    if found is None:
        table = tomlkit.table(is_super_table=super_table)
        doc[key] = table
        return table
    if not isinstance(found, Table):
        raise InputError(f"设置文件中的 {key} 应为表")
    return found


def set_letter(path: Path, values: Mapping[str, str | None]) -> Settings:
    """Set the ``[letter]`` keys in ``values`` (see :data:`LETTER_FIELDS`); ``date`` is ``2026-12-01``."""
    doc = _read(path)
    letter = _table(doc, "letter")
    for key, raw in values.items():
        if key not in LETTER_FIELDS:
            raise UsageError(f"[letter] 中没有可设置的项 {key}")
        value = (raw or "").strip()
        if not value:
            if key in letter:
                del letter[key]
            continue
        item: Any = value
        if key == "date":
            try:
                item = dt.date.fromisoformat(value)
            except ValueError as exc:
                raise UsageError(f"成文日期应为日期, 例如 2026-12-01, 而不是 {value!r}") from exc
        letter[key] = item
    return _write(path, doc)


def _department(doc: tomlkit.TOMLDocument, name: str) -> Table:
    name = name.strip()
    if not name:
        raise UsageError("单位名称不能为空")
    return _table(_table(doc, "departments", super_table=True), name)


def set_contact(path: Path, name: str, contact: str | None, phone: str | None) -> Settings:
    """Set one department's contact and phone (an empty value removes it).

    The department's table holds only what is given, so it does not list the department
    (see :func:`matrix.checks.check_plan`): other departments are not reported as unknown.
    """
    doc = _read(path)
    table = _department(doc, name)
    for key, raw in (("contact", contact), ("phone", phone)):
        value = (raw or "").strip()
        if value:
            table[key] = value
        elif key in table:
            del table[key]
    return _write(path, doc)


def add_aliases(path: Path, name: str, aliases: list[str]) -> Settings:
    """File ``aliases`` (names as the plan writes them) under the department ``name``."""
    doc = _read(path)
    table = _department(doc, name)
    current = [str(a) for a in table.get("aliases", [])]
    for alias in aliases:
        alias = alias.strip()
        if alias and alias != name.strip() and alias not in current:
            current.append(alias)
    table["aliases"] = current
    return _write(path, doc)
