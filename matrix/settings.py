"""The settings file of a plan: ``<plan stem>.toml`` beside the plan.

``[departments."市科技局"]`` tables fix names (``aliases``: names as written that mean this
department), record former names (``former_names``, 曾用名), give a contact and phone, and may
place the department (``order = 3``); the others are numbered by first appearance in the plan.
``[letter]`` sets what the letters print (issuing office, 文号, date, feedback deadline, contact,
cc list).  Every part is optional.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matrix.cleaning import clean, removed
from matrix.corrections import Correction, parse_corrections
from matrix.errors import InputError
from matrix.text.roles import SETTINGS_KINDS, LabelKind


@dataclass
class DepartmentSettings:
    """What the clerk says of one department: its name, aliases, former names and contact."""

    name: str
    aliases: list[str] = field(default_factory=list)
    former_names: list[str] = field(default_factory=list)
    contact: str | None = None
    phone: str | None = None
    order: int | None = None
    """Where its letter and form are numbered (1 = first); None: by first appearance in the plan."""


@dataclass
class LetterSettings:
    """What the letters print: issuing office, document number, date, deadline, contact, cc."""

    issuer: str | None = None
    """发文机关; None: derived from the plan's title (清河县… → 清河县人民政府办公室)."""
    doc_number: str | None = None
    date: dt.date | None = None
    feedback_deadline: str | None = None
    contact: str | None = None
    phone: str | None = None
    cc: list[str] = field(default_factory=list)
    mark: str | None = None
    """发文机关标志 (the red masthead); None: 发文机关 + 文件."""
    signature: str | None = None
    """落款 (the signing office); None: 发文机关."""
    print_office: str | None = None
    """印发机关 in the 版记; None: 发文机关."""
    progress_deadline: str | None = None
    """When the reminders ask for the progress forms back (请于…前); None: within 3 working days."""


@dataclass
class Settings:
    """A plan's settings, read from its settings file or all defaults when there is none."""

    path: Path | None = None
    departments: list[DepartmentSettings] = field(default_factory=list)
    letter: LetterSettings = field(default_factory=LetterSettings)
    labels: dict[str, LabelKind] = field(default_factory=dict)
    """Labels the grammar of role words does not cover, with their role ([labels])."""
    raw: dict[str, Any] = field(default_factory=dict)
    corrections: list[Correction] = field(default_factory=list)
    text: str = ""
    """The settings file's text as read ("" without one); a duty workbook keeps it in its stamp."""
    warnings: list[str] = field(default_factory=list)
    """What reading the file changed (characters no document can hold), each naming the file."""

    def canonical(self) -> dict[str, str]:
        """Every alias and former name mapped to its department's name."""
        out: dict[str, str] = {}
        for d in self.departments:
            for alias in [*d.aliases, *d.former_names]:
                out[alias] = d.name
        return out


def settings_path(plan: Path) -> Path:
    """Where a plan's settings file lives: ``<plan stem>.toml`` beside the plan."""
    return plan.with_suffix(".toml")


def _str_list(value: Any, where: str, path: Path) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise InputError(f"设置项 {where} 应为文字或文字列表", path=str(path))


def _opt_str(value: Any, where: str, path: Path) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"设置项 {where} 应为文字", path=str(path))


def _order(value: Any, where: str, path: Path) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise InputError(f"设置项 {where}.order 应为正整数 (1 为第一个), 而不是 {value!r}", path=str(path))


def _date(value: Any, path: Path) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError("设置项 letter.date 应为日期, 例如 2026-12-01", path=str(path))


_PARTS = {"corrections", "departments", "letter", "labels"}
_DEPARTMENT_KEYS = {"aliases", "former_names", "contact", "phone", "order"}
_LETTER_KEYS = {
    "issuer",
    "doc_number",
    "date",
    "feedback_deadline",
    "contact",
    "phone",
    "cc",
    "mark",
    "signature",
    "print_office",
    "progress_deadline",
}


def _unknown(keys: Any, known: set[str], where: str, path: Path) -> None:
    # a misspelt key would otherwise be ignored and the letters go out with defaults
    extra = sorted(str(k) for k in keys if k not in known)
    if extra:
        raise InputError(
            f"设置文件中有不认识的{where}: {'、'.join(extra)} (可用: {'、'.join(sorted(known))})",
            path=str(path),
        )


def _cleaned(value: Any, where: str, path: Path, warnings: list[str]) -> Any:
    """``value`` with every string (keys too) through :func:`matrix.cleaning.clean`."""
    if isinstance(value, str):
        text, count = clean(value)
        if count:
            warnings.append(f"{path}: {where or '设置'}: {removed(count)}")
        return text
    if isinstance(value, list):
        return [_cleaned(v, f"{where}[{i}]", path, warnings) for i, v in enumerate(value)]
    if isinstance(value, dict):
        out = {}
        for key, v in value.items():
            name = _cleaned(key, where, path, warnings)
            out[name] = _cleaned(v, f"{where}.{name}" if where else name, path, warnings)
        return out
    return value


def parse_settings(data: dict[str, Any], path: Path, text: str = "") -> Settings:
    """Settings from the parsed TOML of ``path`` (whose ``text`` it is); a wrong value type or an
    unknown key is an :class:`InputError`.  Characters no document can hold are removed, with a
    warning."""
    warnings: list[str] = []
    data = _cleaned(data, "", path, warnings)
    _unknown(data, _PARTS, "部分", path)
    depts: list[DepartmentSettings] = []
    raw_depts = data.get("departments", {})
    if not isinstance(raw_depts, dict):
        raise InputError('[departments] 应为表, 例如 [departments."市科技局"]', path=str(path))
    for name, body in raw_depts.items():
        if not isinstance(body, dict):
            raise InputError(f'[departments."{name}"] 应为表', path=str(path))
        where = f"departments.{name}"
        _unknown(body, _DEPARTMENT_KEYS, f'项 (在 [departments."{name}"] 中)', path)
        depts.append(
            DepartmentSettings(
                name=name,
                aliases=_str_list(body.get("aliases"), where + ".aliases", path),
                former_names=_str_list(body.get("former_names"), where + ".former_names", path),
                contact=_opt_str(body.get("contact"), where + ".contact", path),
                phone=_opt_str(body.get("phone"), where + ".phone", path),
                order=_order(body.get("order"), where, path),
            )
        )
    raw_letter = data.get("letter", {})
    if not isinstance(raw_letter, dict):
        raise InputError("[letter] 应为表", path=str(path))
    _unknown(raw_letter, _LETTER_KEYS, "项 (在 [letter] 中)", path)
    letter = LetterSettings(
        issuer=_opt_str(raw_letter.get("issuer"), "letter.issuer", path),
        doc_number=_opt_str(raw_letter.get("doc_number"), "letter.doc_number", path),
        date=_date(raw_letter.get("date"), path),
        feedback_deadline=_opt_str(raw_letter.get("feedback_deadline"), "letter.feedback_deadline", path),
        contact=_opt_str(raw_letter.get("contact"), "letter.contact", path),
        phone=_opt_str(raw_letter.get("phone"), "letter.phone", path),
        cc=_str_list(raw_letter.get("cc"), "letter.cc", path),
        mark=_opt_str(raw_letter.get("mark"), "letter.mark", path),
        signature=_opt_str(raw_letter.get("signature"), "letter.signature", path),
        print_office=_opt_str(raw_letter.get("print_office"), "letter.print_office", path),
        progress_deadline=_opt_str(raw_letter.get("progress_deadline"), "letter.progress_deadline", path),
    )
    labels = _labels(data, path)
    settings = Settings(
        path=path, departments=depts, letter=letter, labels=labels, raw=data, text=text, warnings=warnings
    )
    settings.corrections = parse_corrections(data.get("corrections"), path, text, settings.canonical())
    return settings


def _labels(data: dict[str, Any], path: Path) -> dict[str, LabelKind]:
    raw = data.get("labels", {})
    if not isinstance(raw, dict):
        raise InputError('[labels] 应为表, 例如 "督查单位" = "other"', path=str(path))
    out: dict[str, LabelKind] = {}
    for word, value in raw.items():
        kind = SETTINGS_KINDS.get(value) if isinstance(value, str) else None
        if kind is None:
            raise InputError(
                f'[labels] 中 "{word}" 的值应为 {"、".join(SETTINGS_KINDS)} 之一', path=str(path)
            )
        out[re.sub(r"\s+", "", word).replace("（", "(").replace("）", ")")] = kind
    return out


def load_settings(plan: Path, explicit: Path | None = None) -> Settings:
    """The settings for ``plan``: ``explicit`` if given, else ``<plan stem>.toml`` if it exists."""
    path = explicit or settings_path(plan)
    if not path.exists():
        if explicit is not None:
            raise InputError("找不到设置文件", path=str(path))
        return stamped_settings(plan) or Settings()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("设置文件不是 UTF-8 编码", path=str(path)) from exc
    return settings_from_text(text, path)


def settings_from_text(text: str, path: Path) -> Settings:
    """The settings in ``text``, the TOML of the settings file at ``path``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        detail = f"第{where.group(1)}行第{where.group(2)}列附近" if where else str(exc)
        raise InputError(f"设置文件格式有误 ({detail}): 请检查引号、方括号和等号", path=str(path)) from exc
    except RecursionError as exc:  # arrays nested thousands deep
        raise InputError("设置文件的方括号嵌套过深, 无法读取", path=str(path)) from exc
    try:
        return parse_settings(data, path, text)
    except RecursionError as exc:
        raise InputError("设置文件的方括号嵌套过深, 无法读取", path=str(path)) from exc


def stamped_settings(plan: Path) -> Settings | None:
    """The settings a duty workbook matrix wrote keeps in its stamp, or None for any other file.

    They are used when the workbook has no settings file of its own beside it, so that 文号,
    dates, contacts and corrections survive a clerk's round through Excel."""
    if plan.suffix.lower() not in {".xlsx", ".xlsm"} or not plan.is_file():
        return None
    from matrix.readers.workbook_stamp import read_stamp

    stamp = read_stamp(plan)
    if stamp is None or not stamp.settings:
        return None
    settings = settings_from_text(stamp.settings, plan)
    settings.path = None  # no file of their own: the manifest and the 说明 sheet say so
    return settings
