"""What goes into the letters: the context of each bureau's letter and of the master notice.

Pure functions of a :class:`PlanGraph` and the letter settings; nothing here touches files or Word.
A bureau's letter lists the tasks it leads (with co-leads and participants), the tasks it joins
(with their leads), and the tasks where it has another role (指导, 落实 ...), each part numbered
一、二、三 in turn and present only when it has tasks, then 工作要求.  The master notice is addressed
to every bureau and carries the whole 分工表 as its attachment.  Task texts are never shortened.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from matrix.graph import Assignment, PlanGraph
from matrix.model import Role, Task
from matrix.settings import Settings
from matrix.text.chinese import numeral
from matrix.views.document import (
    NONE,
    Item,
    Options,
    Requirements,
    clean,
    common_fields,
    department_contact,
    feedback,
    joined,
    office_contact,
    plan_name,
)
from matrix.views.memo import MemoGraph, Slot


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


_ROWS: Slot[tuple[Row, list[str]]] = Slot("letter rows")
"""Each task's shared letter row and its leads, made once per build."""


def _task_row(graph: PlanGraph, task: Task) -> tuple[Row, list[str]]:
    """What every letter's row of ``task`` shares, and its leads; made once per build when the
    graph is a :class:`MemoGraph` (each task appears in the letter of every bureau on it)."""
    if not isinstance(graph, MemoGraph):
        return _make_task_row(graph, task)
    store = graph.store(_ROWS)
    found = store.get(task.id)
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
    # a person (分管领导) is nobody's partner: the 配合单位 line names bodies only
    others = [f"{o.name}（{o.role}）" for o in graph.others(task) if not o.person]
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


def _numbered(items: list[Item]) -> list[Item]:
    return [Item(f"（{numeral(i)}）{item.label}", item.text) for i, item in enumerate(items, 1)]


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
    reply = feedback(options)
    contact, phone = department_contact(graph, settings, department)
    if contact or phone:
        own = "，".join(
            x for x in (contact and f"联系人{clean(contact)}", phone and f"电话{clean(phone)}") if x
        )
        reply += f"你单位联系人信息为：{own}，如有变动请及时告知。"
    items = [Item("压实工作责任。", "；".join(duty) + "。"), Item("按时报送进展。", reply)]
    if (item := office_contact(options)) is not None:
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
        Item("按时报送进展。", feedback(options)),
    ]
    if (item := office_contact(options)) is not None:
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
