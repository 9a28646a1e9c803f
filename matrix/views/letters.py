"""What goes into the letters: the context of each bureau's letter and of the master notice.

Pure functions of a :class:`PlanGraph` and the letter settings; nothing here touches files or Word.
A bureau's letter lists the tasks it leads (with co-leads and participants), the tasks it joins
(with their leads), and the tasks where it has another role (指导, 落实 ...), each part numbered
一、二、三 in turn and present only when it has tasks, then 工作要求.  The master notice is addressed
to every bureau and carries the whole 分工表 as its attachment.  Task texts are never shortened.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from matrix.errors import UsageError
from matrix.graph import Assignment, PlanGraph
from matrix.model import Role, Task
from matrix.settings import LetterSettings, Settings
from matrix.views.memo import MemoGraph

_DIGITS = "零一二三四五六七八九"
# what XML cannot hold (the non-characters too: a command-line option never went through cleaning)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[\t\r\n]+")
# what either of the two above would change
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
NONE = "—"
"""What an empty cell shows (no co-lead, no participant, no deadline)."""


def numeral(n: int) -> str:
    """The Chinese numeral of ``n`` (1-99) as in 一、二、…十一、二十: ``numeral(12) == "十二"``."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def format_date(day: dt.date) -> str:
    """A date as GB/T 9704 writes it: Arabic numerals, no leading zeros (``2026年12月1日``)."""
    return f"{day.year}年{day.month}月{day.day}日"


def clean(text: str) -> str:
    """Text safe for a Word run: control characters dropped, tabs and line breaks as one space."""
    if _ANY_CONTROL.search(text) is None:  # as a rule: one scan instead of two substitutions
        return text.strip()
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def outline_label(outline: tuple[str, ...]) -> str:
    """A task's outline number as a clerk writes it: ``("二", "一", "1")`` → ``二、（一）1.``."""
    out = []
    for level, marker in enumerate(outline):
        if level == 0:
            out.append(f"{marker}、")
        elif level == 2:
            out.append(f"{marker}.")
        else:
            out.append(f"（{marker}）")
    return "".join(out)


def joined(names: list[str]) -> str:
    """Names joined with 、, or — when there are none."""
    return "、".join(names) if names else NONE


@dataclass(frozen=True)
class Row:
    """One task as a table row or a numbered item of a letter; every field is display text."""

    no: int
    id: str
    task: str
    """The outline number and title, e.g. ``二、（一）1. 着力提升工业自主创新能力``."""
    text: str
    leads: str
    co_leads: str
    participants: str
    others: str
    role: str
    deadline: str
    title: str = ""
    """The task's heading alone (着力提升工业自主创新能力)."""
    body: str = ""
    """The task's text without its heading when the text starts with it, so it is not printed twice."""
    lead_names: tuple[str, ...] = ()
    """The leads one by one (— when none), for a cell that puts each on a line of its own."""
    participant_names: tuple[str, ...] = ()
    """The participants and other roles one by one (— when none)."""
    partners: str = ""
    """配合单位 as a letter lists them: the participants, then other roles with their word."""
    label: str = ""
    """The item's number in a letter: （一）… （九十九）, then （100）."""


def item_label(no: int) -> str:
    """A task's number in a letter's list: ``（一）`` … ``（九十九）``, then ``（100）``."""
    return f"（{numeral(no)}）" if 0 < no < 100 else f"（{no}）"


@dataclass(frozen=True)
class Part:
    """A numbered part of a letter (一、牵头任务（共3项）) and its rows."""

    kind: str
    name: str
    """The role as a word: 牵头, 参与, 指导 ..."""
    heading: str
    rows: list[Row]

    @property
    def count(self) -> int:
        """How many tasks the part lists."""
        return len(self.rows)


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
class Attachment:
    """The notice's attachment: label (附件), title, every task as a row, and the table's column
    widths in twips (序号, 任务, 具体内容, 牵头单位, 参与单位, 完成时限), made from the content."""

    label: str
    title: str
    rows: list[Row]
    widths: tuple[int, ...] = ()


WIDE_TEXT = 12756
"""The text width of a landscape A4 page (225 mm), in twips."""
_CELL_CHAR = 240  # a character of the tables' 小四 (12 pt)
_CELL_PAD = 170 + 60  # the cell's left and right margins (85 each), and a little slack
NAME_CHARS = 10
"""A unit name of up to this many characters always fits on one line of its cell."""


def display_chars(text: str) -> float:
    """How many full-width characters ``text`` takes (Latin letters and digits count half)."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def _column(chars: float, low: float, high: float) -> int:
    return round(min(max(chars, low), high) * _CELL_CHAR) + _CELL_PAD


def attachment_widths(rows: list[Row]) -> tuple[int, ...]:
    """Column widths for the 分工表 from its content: each unit column as wide as its longest name
    (up to :data:`NAME_CHARS` characters, so such a name never breaks), the number and deadline
    columns as wide as their longest entry, the task column a fixed share, the text the rest."""

    def widest(values: list[str]) -> float:
        return max((display_chars(v) for v in values), default=0.0)

    number = _column(widest([str(r.no) for r in rows]), 2, 3)
    leads = _column(widest([n for r in rows for n in r.lead_names]), 4, NAME_CHARS)
    partners = _column(widest([n for r in rows for n in r.participant_names]), 4, NAME_CHARS)
    deadline = _column(widest([r.deadline for r in rows]), 4, 7)
    task = _column(8, 8, 8)
    text = WIDE_TEXT - number - task - leads - partners - deadline
    return (number, task, text, leads, partners, deadline)


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


def _extra_str(letter: LetterSettings, key: str) -> str | None:
    value = letter.extra.get(key)
    if value is None or isinstance(value, str):
        return value
    raise UsageError(f"设置项 letter.{key} 应为文字")


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
    mark = (None if issuer else _extra_str(letter, "mark")) or name + "文件"
    return Options(
        issuer=name,
        mark=mark,
        doc_number=doc_number if doc_number is not None else (letter.doc_number or ""),
        date=date or letter.date or today or dt.date.today(),
        signature=(None if issuer else _extra_str(letter, "signature")) or name,
        print_office=(None if issuer else _extra_str(letter, "print_office")) or name,
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


def row(graph: PlanGraph, task: Task, no: int, department: str | None = None, role: str = "") -> Row:
    """A task as a table row; ``department`` (the letter's bureau) is left out of the co-leads."""
    base, leads = _task_row(graph, task)
    co_leads = base.leads if department not in leads else joined([n for n in leads if n != department])
    # A copy of the task's shared row with the letter's own fields: a frozen dataclass's fields
    # live in its __dict__, and filling it directly costs a third of the checked __init__
    # (a thousand-task plan makes thousands of rows per batch).
    out = object.__new__(Row)
    fields = out.__dict__
    fields.update(base.__dict__)
    fields["no"], fields["co_leads"], fields["role"] = no, co_leads, role
    fields["label"] = item_label(no)
    return out


def _task_row(graph: PlanGraph, task: Task) -> tuple[Row, list[str]]:
    """What every letter's row of ``task`` shares, and its leads; made once per build when the
    graph is a :class:`MemoGraph` (each task appears in the letter of every bureau on it)."""
    if not isinstance(graph, MemoGraph):
        return _make_task_row(graph, task)
    store = graph.store("letter-row")
    found: tuple[Row, list[str]] | None = store.get(task.id)
    if found is None:
        found = store[task.id] = _make_task_row(graph, task)
    return found


def task_row(graph: PlanGraph, task: Task) -> tuple[str, ...]:
    """What any row of ``task`` shows whatever letter it is in (no number, no role, all leads)."""
    base = _task_row(graph, task)[0]
    return (base.id, base.task, base.text, base.leads, base.participants, base.others, base.deadline)


def _make_task_row(graph: PlanGraph, task: Task) -> tuple[Row, list[str]]:
    leads = graph.leads(task)
    title = clean(task.title)
    label = outline_label(task.outline)
    text = clean(task.text)
    participants = graph.participants(task)
    others = [f"{o.name}（{o.role}）" for o in graph.others(task)]
    base = Row(
        no=0,
        id=task.id,
        task=f"{label} {title}".strip() if title else label,
        text=text,
        leads=joined(leads),
        co_leads=joined(leads),
        participants=joined(participants),
        others=joined(others),
        role="",
        deadline=clean(task.deadline) if task.deadline else NONE,
        title=title,
        body=without_heading(text, title),
        lead_names=tuple(leads) or (NONE,),
        participant_names=tuple(participants + others) or (NONE,),
        partners="、".join(participants + others) or NONE,
    )
    return base, leads


_AFTER_HEADING = "。：:；;，,、 　"


def without_heading(text: str, title: str) -> str:
    """``text`` without ``title`` and the punctuation after it when it starts with the title (the
    plan writes a task's heading as its first sentence); otherwise ``text`` as it is."""
    if not title or not text.startswith(title):
        return text
    rest = text[len(title) :].lstrip(_AFTER_HEADING)
    return rest or text


def parts(graph: PlanGraph, department: str) -> list[Part]:
    """A bureau's parts in order (lead, participant, other), numbered and only when not empty."""
    duties = graph.duties(department)
    groups: list[tuple[str, list[Assignment]]] = [
        ("lead", [a for a in duties if a.role is Role.LEAD]),
        ("participant", [a for a in duties if a.role is Role.PARTICIPANT]),
        ("other", [a for a in duties if a.role is Role.OTHER]),
    ]
    out: list[Part] = []
    for kind, group in groups:
        if not group:
            continue
        if kind == "lead":
            name = "牵头"
        elif kind == "participant":
            name = "参与"
        else:
            words = sorted({a.word for a in group})
            name = words[0] if len(words) == 1 else "其他"
        rows = [row(graph, a.task, i, department, a.word) for i, a in enumerate(group, 1)]
        out.append(Part(kind, name, f"{numeral(len(out) + 1)}、{name}任务（共{len(rows)}项）", rows))
    return out


def _feedback(options: Options) -> str:
    if options.feedback_deadline:
        return f"请于{clean(options.feedback_deadline)}前将任务落实情况书面报送{options.issuer}。"
    return f"请按要求及时将任务落实情况书面报送{options.issuer}。"


def _contact(options: Options) -> Item | None:
    bits = []
    if options.contact:
        bits.append(f"联系人：{clean(options.contact)}")
    if options.phone:
        bits.append(f"联系电话：{clean(options.phone)}")
    return Item("联系方式。", "，".join(bits) + "。") if bits else None


def _numbered(items: list[Item]) -> list[Item]:
    return [Item(f"（{numeral(i)}）{item.label}", item.text) for i, item in enumerate(items, 1)]


def department_contact(graph: PlanGraph, settings: Settings, name: str) -> tuple[str | None, str | None]:
    """A bureau's contact and phone: from the plan's department, else from its settings."""
    dept = graph.department(name)
    contact, phone = (dept.contact, dept.phone) if dept else (None, None)
    for ds in settings.departments:
        if ds.name == name:
            contact, phone = contact or ds.contact, phone or ds.phone
    return contact, phone


def letter_context(graph: PlanGraph, settings: Settings, options: Options, department: str) -> dict[str, Any]:
    """Everything one bureau's letter shows, as the template's fields."""
    plan = plan_name(graph)
    found = parts(graph, department)
    by_kind = {p.kind: p for p in found}
    counts = "、".join(f"{p.name}{p.count}项" for p in found)
    opening = (
        f"为推动《{plan}》各项重点任务落到实处，现将你单位承担的任务通知如下。"
        f"你单位共承担任务{sum(p.count for p in found)}项，其中{counts}。请认真抓好落实。"
    )
    duty = []
    if "lead" in by_kind:
        duty.append(
            "对牵头任务，你单位要负总责，细化工作措施，明确责任人和时间节点，主动协调参与单位共同推进"
        )
    if "participant" in by_kind:
        duty.append("对参与任务，要按照职责分工积极配合牵头单位，及时提供工作支持")
    if "other" in by_kind:
        duty.append("对其他任务，要按照所列职责认真履职")
    feedback = _feedback(options)
    contact, phone = department_contact(graph, settings, department)
    if contact or phone:
        own = "，".join(
            x for x in (contact and f"联系人{clean(contact)}", phone and f"电话{clean(phone)}") if x
        )
        feedback += f"你单位联系人信息为：{own}，如有变动请及时告知。"
    items = [Item("压实工作责任。", "；".join(duty) + "。"), Item("按时报送进展。", feedback)]
    if (item := _contact(options)) is not None:
        items.append(item)
    return {
        **common_fields(options),
        "department": department,
        "title": f"关于落实《{plan}》重点任务分工的通知",
        "addressee": department,
        "opening": opening,
        "lead": by_kind.get("lead"),
        "participant": by_kind.get("participant"),
        "other": by_kind.get("other"),
        "requirements": Requirements(f"{numeral(len(found) + 1)}、工作要求", _numbered(items)),
    }


def notice_context(graph: PlanGraph, options: Options) -> dict[str, Any]:
    """Everything the master notice shows: all bureaus, a short body and the whole 分工表."""
    plan = plan_name(graph)
    bureaus = [d.name for d in graph.departments()]
    rows = []
    for i, task in enumerate(graph.tasks(), 1):
        r = row(graph, task, i)
        if r.others != NONE:  # other roles go with the participants, so nothing is hidden
            both = r.others if r.participants == NONE else f"{r.participants}；{r.others}"
            r = replace(r, participants=both)
        rows.append(r)
    items = [
        Item(
            "压实工作责任。",
            "各牵头单位对牵头任务负总责，要细化工作措施，明确责任人和时间节点；"
            "各参与单位要按照职责分工积极配合，形成工作合力。",
        ),
        Item("按时报送进展。", _feedback(options)),
    ]
    if (item := _contact(options)) is not None:
        items.append(item)
    return {
        **common_fields(options),
        "title": f"关于印发《{plan}》重点任务分工的通知",
        "addressee": "、".join(bureaus),
        "body": [
            f"为推动《{plan}》各项重点任务落到实处，经研究，现将《{plan}》重点任务分工印发给你们，"
            "请结合实际认真抓好落实。"
        ],
        "requirements": Requirements("", _numbered(items)),
        "attachment": Attachment("附件", f"《{plan}》重点任务分工表", rows, attachment_widths(rows)),
    }


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


LETTER_FIELDS = frozenset(
    {"mark", "issuer", "doc_number", "signature", "date", "cc", "print_office", "print_date"}
    | {"department", "title", "addressee", "opening", "lead", "participant", "other", "requirements"}
)
"""The fields a letter template may use."""
NOTICE_FIELDS = frozenset(
    {"mark", "issuer", "doc_number", "signature", "date", "cc", "print_office", "print_date"}
    | {"title", "addressee", "body", "requirements", "attachment"}
)
"""The fields a notice template may use."""
