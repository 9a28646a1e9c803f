"""What every official document matrix prints shares, as plain data: the run's options (发文机关,
文号, 成文日期, contact), the header and closing fields, the 工作要求 items, and the plan's name.

Letters, the master notice, change notices, the bulletin and the reminders are all built on these.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matrix.graph import PlanGraph
from matrix.settings import LetterSettings, Settings

# what XML cannot hold (the non-characters too: a command-line option never went through cleaning)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[\t\r\n]+")
# what either of the two above would change
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


NONE = "—"
"""What an empty cell shows (no co-lead, no participant, no deadline)."""


def format_date(day: dt.date) -> str:
    """A date as GB/T 9704 writes it: Arabic numerals, no leading zeros (``2026年12月1日``)."""
    return f"{day.year}年{day.month}月{day.day}日"


def clean(text: str) -> str:
    """Text safe for a Word run: control characters dropped, tabs and line breaks as one space."""
    if _ANY_CONTROL.search(text) is None:  # as a rule: one scan instead of two substitutions
        return text.strip()
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def joined(names: list[str]) -> str:
    """Names joined with 、, or — when there are none."""
    return "、".join(names) if names else NONE


@dataclass(frozen=True)
class Item:
    """One point of 工作要求: its 楷体 label (（一）压实工作责任。) and its text."""

    label: str
    text: str


@dataclass(frozen=True)
class Requirements:
    """The 工作要求 part: its heading (empty in the notice) and its points."""

    heading: str
    items: list[Item]


@dataclass(frozen=True)
class Options:
    """The batch's letter settings, resolved: what every letter of one run prints alike."""

    issuer: str
    mark: str
    doc_number: str
    date: dt.date
    signature: str
    print_office: str
    feedback_deadline: str | None = None
    contact: str | None = None
    phone: str | None = None
    cc: list[str] = field(default_factory=list)


_PLACE = re.compile(
    r"^(.{2,8}?(省|自治区|市|自治州|州|盟|县|自治县|旗|区))(?=人民政府|政府|关于|[^市县区省州旗])"
)


_NOT_PLACE = re.compile(r"^(全|本|我|各|关于|加快|加强|推进|促进|深化|进一步|开展|实施|做好|城|农|社|工|商)")


def default_issuer(title: str | None) -> str:
    """The issuing office a plan's title suggests: 清河县…方案 → 清河县人民政府办公室; 国务院关于… →
    国务院办公厅; otherwise 市人民政府办公室 (set ``[letter] issuer`` to say exactly)."""
    if title:
        if title.startswith("国务院"):
            return "国务院办公厅"
        place = _PLACE.match(title)
        if place and "*" not in place.group(1) and not _NOT_PLACE.match(place.group(1)):
            return place.group(1) + "人民政府办公室"
    return "市人民政府办公室"


def resolve_options(
    letter: LetterSettings,
    *,
    date: dt.date | None = None,
    doc_number: str | None = None,
    issuer: str | None = None,
    today: dt.date | None = None,
    title: str | None = None,
) -> Options:
    """The letter settings with the command line's overrides and defaults filled in.

    ``mark`` (发文机关标志, default the issuer + 文件), ``signature`` (署名, default the issuer) and
    ``print_office`` (印发机关, default the issuer) may be set in ``[letter]`` too.
    """
    name = issuer or letter.issuer or default_issuer(title)
    mark = (None if issuer else letter.mark) or name + "文件"
    return Options(
        issuer=name,
        mark=mark,
        doc_number=doc_number if doc_number is not None else (letter.doc_number or ""),
        date=date or letter.date or today or dt.date.today(),
        signature=(None if issuer else letter.signature) or name,
        print_office=(None if issuer else letter.print_office) or name,
        feedback_deadline=letter.feedback_deadline,
        contact=letter.contact,
        phone=letter.phone,
        cc=list(letter.cc),
    )


def missing_settings(
    settings: Settings,
    departments: list[str],
    *,
    date_given: bool = False,
    doc_number_given: bool = False,
) -> list[str]:
    """What the letters print from a default because the settings do not say it, each with where
    to set it: 发文字号, 成文日期, the feedback deadline, the office's and the bureaus' contacts."""
    letter = settings.letter
    missing = []
    if not doc_number_given and not letter.doc_number:
        missing.append("发文字号 ([letter] doc_number 或 --doc-number; 现空着)")
    if not date_given and letter.date is None:
        missing.append("成文日期 ([letter] date 或 --date; 现用生成当天)")
    if not letter.feedback_deadline:
        missing.append("反馈时限 ([letter] feedback_deadline; 现写“按要求及时”)")
    if not letter.contact and not letter.phone:
        missing.append("办公室联系人和电话 ([letter] contact、phone)")
    known = {d.name for d in settings.departments if d.contact or d.phone}
    without = [d for d in departments if d not in known]
    if without:
        missing.append(f'{len(without)} 个单位的联系人 ([departments."{without[0]}"] contact、phone)')
    return missing


def defaults_note(settings: Settings, plan: Path, missing: list[str]) -> str | None:
    """The one note a build prints while the letters still use defaults, or None."""
    if not missing:
        return None
    where = settings.path or plan.with_suffix(".toml")
    return f"提示: 通知中以下各项未设置: {'；'.join(missing)}。请在设置文件 {where} 中填写。"


def plan_name(graph: PlanGraph) -> str:
    """The plan's title without 书名号, or the file's stem when the text has no title."""
    title = graph.title or graph.stem
    return clean(title).strip("《》")


def feedback(options: Options) -> str:
    """The sentence asking for the feedback: by the deadline when there is one, to the issuing office."""
    if options.feedback_deadline:
        return f"请于{clean(options.feedback_deadline)}前将任务落实情况书面报送{options.issuer}。"
    return f"请按要求及时将任务落实情况书面报送{options.issuer}。"


def office_contact(options: Options) -> Item | None:
    """The office's contact and phone as a 工作要求 item, or None when neither is set."""
    bits = []
    if options.contact:
        bits.append(f"联系人：{clean(options.contact)}")
    if options.phone:
        bits.append(f"联系电话：{clean(options.phone)}")
    return Item("联系方式。", "，".join(bits) + "。") if bits else None


def department_contact(graph: PlanGraph, settings: Settings, name: str) -> tuple[str | None, str | None]:
    """A bureau's contact and phone: from the plan's department, else from its settings."""
    dept = graph.department(name)
    contact, phone = (dept.contact, dept.phone) if dept else (None, None)
    for ds in settings.departments:
        if ds.name == name:
            contact, phone = contact or ds.contact, phone or ds.phone
    return contact, phone


def common_fields(options: Options) -> dict[str, Any]:
    """The fields every official document of a batch shares: mark, 文号, signature, dates, 版记."""
    date = format_date(options.date)
    return {
        "mark": options.mark,
        "issuer": options.issuer,
        "doc_number": options.doc_number,
        "signature": options.signature,
        "date": date,
        "cc": "、".join(clean(c) for c in options.cc),
        "print_office": options.print_office,
        "print_date": date,
    }
