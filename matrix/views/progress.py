"""The progress documents in Word: the 进展通报 to every bureau and a 催办通知 to each bureau that
did not report (or whose form was unusable) or has overdue tasks; and :func:`write_progress`, which
writes them with the summary workbook into ``progress/``.

The documents use the letters' template machinery (:class:`CompiledTemplate`) and their layout
(the templates are built from the letters' template parts); contexts are pure functions of the
:class:`~matrix.progress.model.Progress`, the plan graph and the letter options.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from matrix.graph import PlanGraph
from matrix.paths import numbered_names, output_path, safe_filename
from matrix.progress.layout import role_text
from matrix.progress.model import STATUS_ORDER, DepartmentReturn, Progress, ReturnState, TaskProgress
from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.letters import default_template
from matrix.render.xlsx.progress import render_summary, summary_name
from matrix.settings import Settings
from matrix.views.letters import (
    Item,
    Options,
    Requirements,
    clean,
    common_fields,
    format_date,
    numeral,
    row,
)

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
    value = settings.letter.extra.get("progress_deadline")
    if isinstance(value, str) and value.strip():
        return f"请于{clean(value)}前"
    return "请于收到本通知后3个工作日内"


def _office_contact(options: Options) -> Item | None:
    bits = [f"联系人：{clean(x)}" for x in [options.contact] if x]
    bits += [f"联系电话：{clean(x)}" for x in [options.phone] if x]
    return Item("联系方式。", "，".join(bits) + "。") if bits else None


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
    if (contact := _office_contact(options)) is not None:
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
    if (contact := _office_contact(options)) is not None:
        closing.append(contact.text)
    return {
        **common_fields(options),
        "title": f"关于催报《{plan}》重点任务进展情况的通知",
        "addressee": dept.name,
        "body": body,
        "overdue": overdue,
        "closing": closing,
    }


def render_documents(
    graph: PlanGraph, progress: Progress, settings: Settings, options: Options
) -> tuple[bytes, dict[str, bytes]]:
    """The bulletin's bytes and each reminder's (file name ``NN-<department>.docx`` → bytes)."""
    bulletin_tpl = CompiledTemplate(default_template("progress.docx"), BULLETIN_FIELDS)
    reminder_tpl = CompiledTemplate(default_template("reminder.docx"), REMINDER_FIELDS)
    bulletin = bulletin_tpl.render(bulletin_context(graph, progress, options), options.date)
    names = dict(
        zip(
            [d.name for d in progress.departments],
            numbered_names([d.name for d in progress.departments], ".docx"),
            strict=True,
        )
    )
    reminders = {
        names[d.name]: reminder_tpl.render(
            reminder_context(graph, progress, settings, options, d), options.date
        )
        for d in progress.to_remind()
    }
    return bulletin, reminders


def write_progress(
    graph: PlanGraph, progress: Progress, settings: Settings, progress_dir: Path, options: Options
) -> list[Path]:
    """Write the summary, the bulletin and ``催办/`` into ``progress_dir``; return the paths written.

    Everything renders in memory first, then goes through :func:`matrix.build.sync.write_build`.
    """
    from matrix.build.sync import Job, digest, write_build

    summary = render_summary(progress)
    bulletin, reminders = render_documents(graph, progress, settings, options)
    files = {summary_name(progress): summary, bulletin_name(progress): bulletin}
    files.update({f"{REMINDERS_FOLDER}/{name}": data for name, data in reminders.items()})
    # One staged, atomic write, recorded in the manifest: a 催办 notice of a bureau that has since
    # reported is removed, one the clerk edited is kept as a dated copy, returns/ is never touched.
    folder = progress_dir.name + "/"
    jobs = [Job(folder + rel, digest(data), functools.partial(bytes, data)) for rel, data in files.items()]
    write_build(progress_dir.parent, jobs, {}, scope=(folder,))
    return [output_path(progress_dir, *rel.split("/")) for rel in files]
