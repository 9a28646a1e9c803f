"""The progress documents in Word: the 进展通报 to every bureau and a 催办通知 to each bureau that
did not report (or whose form was unusable) or has overdue tasks; and :func:`write_progress`, which
writes them with the summary workbook into ``progress/``.

The documents use the letters' template machinery (:class:`CompiledTemplate`) and their layout
(the templates are built from the letters' template parts); contexts are pure functions of the
:class:`~matrix.progress.model.Progress`, the plan graph and the letter options.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from matrix.graph import PlanGraph
from matrix.paths import safe_filename
from matrix.progress.layout import role_text
from matrix.progress.model import STATUS_ORDER, DepartmentReturn, Progress, ReturnState, TaskProgress
from matrix.settings import Settings
from matrix.text.chinese import numeral
from matrix.views.document import (
    Item,
    Options,
    Requirements,
    clean,
    common_fields,
    format_date,
    office_contact,
)
from matrix.views.letters import row

REMINDERS_FOLDER = "催办"
COMMON_FIELDS = frozenset(
    {"mark", "issuer", "doc_number", "signature", "date", "cc", "print_office", "print_date"}
)
BULLETIN_FIELDS = COMMON_FIELDS | {
    "title",
    "addressee",
    "opening",
    "counts",
    "lagging",
    "missing",
    "requirements",
}
"""The fields the 进展通报 template may use."""
REMINDER_FIELDS = COMMON_FIELDS | {"title", "addressee", "body", "overdue", "closing"}
"""The fields the 催办通知 template may use."""


@dataclass(frozen=True)
class Block:
    """An optional part of a document: its heading, an intro sentence and its table rows."""

    heading: str
    text: str
    rows: list[Any] = field(default_factory=list)


def bulletin_name(progress: Progress) -> str:
    """The bulletin's file name: ``<plan stem>-进展通报.docx``."""
    return safe_filename(f"{progress.plan_stem}-进展通报") + ".docx"


def _flag(tp: TaskProgress) -> str:
    return "、".join(x for x in ("滞后" if tp.lagging else "", "逾期" if tp.overdue else "") if x)


def _deadline_phrase(settings: Settings) -> str:
    value = settings.letter.progress_deadline
    if value and value.strip():
        return f"请于{clean(value)}前"
    return "请于收到本通知后3个工作日内"


def bulletin_context(graph: PlanGraph, progress: Progress, options: Options) -> dict[str, Any]:
    """Everything the 进展通报 shows: counts by status, lagging and overdue tasks, silent bureaus."""
    plan, date = progress.plan_title, format_date(progress.as_of)
    counts = progress.counts()
    n_tasks, n_depts = len(progress.tasks), len(progress.departments)
    returned, missing, invalid = (len(progress.by_state(s)) for s in ReturnState)
    by_status = "，".join(f"{k}{v}项" for k, v in counts.items() if k != STATUS_ORDER[-1])
    opening = [
        f"根据《{plan}》任务分工，现将截至{date}各单位重点任务进展情况通报如下。",
        f"{n_depts}个责任单位中，{returned}个已按要求报送进展，{missing}个未报送，{invalid}个报送的表有误未能汇总。"
        f"{n_tasks}项任务中，{by_status}，尚无单位报送{counts[STATUS_ORDER[-1]]}项；"
        f"已过完成时限尚未完成{len(progress.overdue)}项。",
    ]
    share = [
        {"status": k, "count": v, "share": f"{100 * v / n_tasks:.1f}%" if n_tasks else "—"}
        for k, v in counts.items()
    ]
    parts: list[str] = []

    def heading(text: str) -> str:
        parts.append(text)
        return f"{numeral(len(parts))}、{text}"

    count_block = Block(heading("总体进展"), "各项任务的状态按牵头单位报送的情况统计。", share)
    flagged = [tp for tp in progress.tasks if tp.lagging or tp.overdue]
    lagging = None
    if flagged:
        rows = []
        for i, tp in enumerate(flagged, 1):
            r = row(graph, tp.task, i)
            rows.append({**asdict(r), "status": tp.status, "flag": _flag(tp)})
        lagging = Block(
            heading("滞后和逾期任务"),
            f"以下{len(flagged)}项任务进展滞后或已过完成时限尚未完成，请牵头单位加快推进。",
            rows,
        )
    silent = [d for d in progress.departments if d.state is not ReturnState.RETURNED]
    missing_block = None
    if silent:
        rows = [
            {"no": i, "department": d.name, "state": d.state.value, "reason": _reason(d)}
            for i, d in enumerate(silent, 1)
        ]
        missing_block = Block(
            heading("未按要求报送的单位"), f"以下{len(silent)}个单位未报送进展或报送的表有误。", rows
        )
    items = [
        Item("加快推进滞后任务。", "各牵头单位要对滞后和逾期任务逐项分析原因，明确整改措施和完成时间。"),
        Item("按时报送进展。", "未报送和报送有误的单位要按催办通知要求尽快报送。"),
    ]
    if (contact := office_contact(options)) is not None:
        items.append(contact)
    numbered = [Item(f"（{numeral(i)}）{x.label}", x.text) for i, x in enumerate(items, 1)]
    return {
        **common_fields(options),
        "title": f"关于《{plan}》重点任务进展情况的通报",
        "addressee": "、".join(d.name for d in progress.departments),
        "opening": opening,
        "counts": count_block,
        "lagging": lagging,
        "missing": missing_block,
        "requirements": Requirements(heading("工作要求"), numbered),
    }


def _reason(dept: DepartmentReturn) -> str:
    if dept.state is ReturnState.MISSING:
        return "未报送"
    return "；".join(clean(r) for r in dept.reasons) or "报送的表有误"


def reminder_context(
    graph: PlanGraph, progress: Progress, settings: Settings, options: Options, dept: DepartmentReturn
) -> dict[str, Any]:
    """Everything one bureau's 催办通知 shows: why it is reminded, its overdue tasks, whom to call."""
    plan, date = progress.plan_title, format_date(progress.as_of)
    body = []
    if dept.state is ReturnState.MISSING:
        body.append(f"截至{date}，你单位尚未报送《{plan}》重点任务进展情况（你单位承担任务{dept.tasks}项）。")
    elif dept.state is ReturnState.INVALID:
        body.append(
            f"你单位报送的《{plan}》重点任务进展反馈表有误，未能汇总：{_reason(dept)}。"
            "请使用原表修改后重新报送，勿改动灰色单元格。"
        )
    by_id = {tp.task.id: tp for tp in progress.tasks}
    overdue = None
    if dept.overdue:
        duties = {a.task.id: a for a in graph.duties(dept.name)}
        rows = []
        for i, task_id in enumerate(dept.overdue, 1):
            tp = by_id[task_id]
            r = row(graph, tp.task, i)
            rows.append({**asdict(r), "role": role_text(duties[task_id]), "status": tp.status})
        overdue = Block(
            f"逾期未完成任务（共{len(rows)}项）",
            f"截至{date}，你单位承担的以下{len(rows)}项任务已过完成时限，尚未完成，请加快推进。",
            rows,
        )
    closing = [f"{_deadline_phrase(settings)}将进展反馈表报送{options.issuer}。"]
    own = "，".join(
        x
        for x in (dept.contact and f"联系人{clean(dept.contact)}", dept.phone and f"电话{clean(dept.phone)}")
        if x
    )
    if own:
        closing.append(f"你单位联系人信息为：{own}，如有变动请及时告知。")
    if (contact := office_contact(options)) is not None:
        closing.append(contact.text)
    return {
        **common_fields(options),
        "title": f"关于催报《{plan}》重点任务进展情况的通知",
        "addressee": dept.name,
        "body": body,
        "overdue": overdue,
        "closing": closing,
    }
