"""The four sheets of the duty workbook: 任务分工表, 责任矩阵, 部门汇总 and 说明.

Each function fills one sheet from the plan graph's views only; numbering (序号) is the task's
position in document order and is the same on every sheet.
"""

from __future__ import annotations

from pathlib import PurePath

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from matrix.graph import Assignment, PlanGraph
from matrix.model import Role, Section, Severity, Task
from matrix.render.xlsx.format import (
    FILL,
    LINE_HEIGHT,
    CellWriter,
    column_width,
    line_count,
    print_setup,
)
from matrix.settings import Settings

PRIMARY_MARK = "●牵头"
"""The matrix mark of a task's primary lead (第一牵头单位); other leads read 牵头."""

_CN_DIGITS = set("〇零一二三四五六七八九十百")


def task_label(task: Task) -> str:
    """A task as the sheets name it: its outline number and its heading."""
    return f"{task.id} {task.title}".strip()


def section_label(section: Section) -> str:
    """A section heading with its number decorated as the plan writes it: 一、 / （一） / 1. / （1）."""
    if not section.outline:
        return section.title
    marker, depth = section.outline[-1], len(section.outline)
    if all(ch in _CN_DIGITS for ch in marker):
        number = f"{marker}、" if depth == 1 else f"（{marker}）"
    else:
        number = f"{marker}." if depth <= 3 else f"（{marker}）"
    return number + section.title


def mark(assignment: Assignment) -> tuple[str, str]:
    """What a matrix cell says for an assignment, and the named style that colours it."""
    if assignment.is_primary_lead:
        return PRIMARY_MARK, "mx-primary"
    if assignment.role is Role.LEAD:
        return "牵头", "mx-lead"
    if assignment.role is Role.PARTICIPANT:
        return "参与", "mx-participant"
    return assignment.word or Role.OTHER.label, "mx-other"


def _title_row(cw: CellWriter, ws: Worksheet, text: str, last_col: int) -> None:
    cw.put(ws, 1, 1, text, "mx-title")
    if last_col > 1:
        cw.merge_row(ws, 1, 1, last_col)
    ws.row_dimensions[1].height = 28


def _header_row(cw: CellWriter, ws: Worksheet, headers: list[str]) -> None:
    for col, text in enumerate(headers, 1):
        cw.put(ws, 2, col, text, "mx-header")


def fill_tasks(cw: CellWriter, ws: Worksheet, graph: PlanGraph, title: str) -> None:
    """任务分工表: one row per task under merged rows for its section headings."""
    tasks = graph.tasks()
    with_others = any(graph.others(t) for t in tasks)
    headers = ["序号", "任务", "具体内容", "牵头单位", "参与单位"]
    headers += ["其他单位", "完成时限"] if with_others else ["完成时限"]
    rows: list[list[str]] = []
    for task in tasks:
        row = [task_label(task), task.text, "、".join(graph.leads(task)), "、".join(graph.participants(task))]
        if with_others:
            row.append("、".join(f"{o.name}（{o.role}）" for o in graph.others(task)))
        rows.append([*row, task.deadline or ""])

    bounds = [(16, 30), (30, 60), (12, 24), (14, 36), (12, 24), (10, 16)]
    if not with_others:
        del bounds[4]
    widths = [6.0] + [
        column_width([headers[i + 1], *(r[i] for r in rows)], low, high)
        for i, (low, high) in enumerate(bounds)
    ]
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width

    _title_row(cw, ws, f"{title}任务分工表", len(headers))
    _header_row(cw, ws, headers)
    r = 3
    shown: tuple[str, ...] = ()  # the section ids whose heading rows are already written
    for number, (task, row) in enumerate(zip(tasks, rows, strict=True), 1):
        path = graph.section_path(task)
        ids = tuple(s.id for s in path)
        for depth, section in enumerate(path):
            if ids[: depth + 1] != shown[: depth + 1]:
                cw.put(ws, r, 1, section_label(section), "mx-section", f"任务分工表 第{section.line}行的标题")
                cw.merge_row(ws, r, 1, len(headers))
                r += 1
        shown = ids
        cw.put(ws, r, 1, number, "mx-center")
        for col, text in enumerate(row, 2):
            cw.put(ws, r, col, text, "mx-text", f"任务 {task.id}")
        lines = max(line_count(text, widths[col - 1]) for col, text in enumerate(row, 2))
        ws.row_dimensions[r].height = lines * LINE_HEIGHT + 4
        r += 1
    ws.freeze_panes = "A3"
    print_setup(ws, title_rows="1:2")


def fill_matrix(cw: CellWriter, ws: Worksheet, graph: PlanGraph, title: str) -> None:
    """责任矩阵: a row per task, a column per department, role marks, totals both ways."""
    tasks, depts = graph.tasks(), [d.name for d in graph.departments()]
    column = {name: col for col, name in enumerate(depts, 3)}
    total_col = len(depts) + 3
    _title_row(cw, ws, f"{title}责任矩阵", total_col)
    cw.put(ws, 2, 1, "序号", "mx-header")
    cw.put(ws, 2, 2, "任务", "mx-header")
    for name, col in column.items():
        cw.put(ws, 2, col, name, "mx-vertical", f"部门名称 {name}")
    cw.put(ws, 2, total_col, "合计", "mx-header")
    per_dept = dict.fromkeys(depts, 0)
    r = 2
    for r, task in enumerate(tasks, 3):
        cw.put(ws, r, 1, r - 2, "mx-center")
        cw.put(ws, r, 2, task_label(task), "mx-text", f"任务 {task.id}")
        assignments = graph.assignments(task)
        for a in assignments:
            text, style = mark(a)
            cw.put(ws, r, column[a.department], text, style, f"任务 {task.id} 的角色")
            per_dept[a.department] += 1
        cw.put(ws, r, total_col, len(assignments), "mx-total")
    last_task_row, total_row = r, r + 1
    cw.put(ws, total_row, 2, "合计", "mx-total")
    for name, col in column.items():
        cw.put(ws, total_row, col, per_dept[name], "mx-total")
    cw.put(ws, total_row, total_col, sum(per_dept.values()), "mx-total")

    label_width = column_width(["任务", *(task_label(t) for t in tasks)], 16, 36)
    ws.column_dimensions["A"].width = 5.5
    ws.column_dimensions["B"].width = label_width
    for col in column.values():
        ws.column_dimensions[get_column_letter(col)].width = 6.5
    ws.column_dimensions[get_column_letter(total_col)].width = 6.5
    longest = max((len(name) for name in depts), default=2)
    ws.row_dimensions[2].height = max(40.0, longest * 14.5 + 8)  # vertical names: one line per character
    for row, task in enumerate(tasks, 3):
        ws.row_dimensions[row].height = line_count(task_label(task), label_width) * LINE_HEIGHT + 4

    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(total_col)}{max(last_task_row, 2)}"
    print_setup(ws, title_rows="1:2", paper=Worksheet.PAPERSIZE_A3)
    # Blank cells are never written (that is what keeps a large matrix fast), so the printed grid
    # comes from the sheet's grid lines rather than from a border on every cell.
    ws.print_options.gridLines = True


def fill_summary(cw: CellWriter, ws: Worksheet, graph: PlanGraph, title: str) -> None:
    """部门汇总: each department's count of leads and participations, its task numbers, and a chart."""
    number = {t.id: n for n, t in enumerate(graph.tasks(), 1)}
    depts = [d.name for d in graph.departments()]
    duties = {name: graph.duties(name) for name in depts}
    with_others = any(a.role is Role.OTHER for ds in duties.values() for a in ds)
    roles = [Role.LEAD, Role.PARTICIPANT, *([Role.OTHER] if with_others else [])]
    word = {Role.LEAD: "牵头", Role.PARTICIPANT: "参与", Role.OTHER: "其他"}
    headers = ["序号", "部门", *(word[x] for x in roles), "合计", *(f"{word[x]}任务（序号）" for x in roles)]
    # Widths first: a row's height depends on how its task-number lists wrap.
    lists = {
        name: ["、".join(str(number[a.task.id]) for a in duties[name] if a.role is role) for role in roles]
        for name in depts
    }
    name_width = column_width(["部门", *depts], 12, 30)
    list_width = column_width([*headers[-len(roles) :], *(t for ts in lists.values() for t in ts)], 14, 40)
    widths = [6.0, name_width, *([7.0] * (len(roles) + 1)), *([list_width] * len(roles))]
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width

    _title_row(cw, ws, f"{title}部门任务汇总", len(headers))
    _header_row(cw, ws, headers)
    for r, name in enumerate(depts, 3):
        counts = [sum(a.role is role for a in duties[name]) for role in roles]
        cw.put(ws, r, 1, r - 2, "mx-center")
        cw.put(ws, r, 2, name, "mx-left", f"部门名称 {name}")
        for col, count in enumerate(counts, 3):
            cw.put(ws, r, col, count, "mx-center")
        cw.put(ws, r, 3 + len(roles), len(duties[name]), "mx-total")
        for col, text in enumerate(lists[name], 4 + len(roles)):
            cw.put(ws, r, col, text, "mx-left")
        lines = max([line_count(name, name_width), *(line_count(t, list_width) for t in lists[name])])
        ws.row_dimensions[r].height = lines * LINE_HEIGHT + 4
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(headers))}{len(depts) + 2}"
    print_setup(ws, title_rows="1:2")
    if depts:
        _chart(ws, len(depts), len(roles))


def _chart(ws: Worksheet, count: int, roles: int) -> None:
    chart = BarChart()
    chart.type = "bar"  # horizontal bars: 40 Chinese names read better down the side
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "各部门任务数"
    data = Reference(ws, min_col=3, max_col=2 + roles, min_row=2, max_row=count + 2)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=2, min_row=3, max_row=count + 2))
    chart.x_axis.scaling.orientation = "maxMin"  # the first department at the top, as in the table
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.gapWidth = 40
    chart.x_axis.tickLblSkip = 1  # every department named, even when they are many
    chart.x_axis.txPr = RichText(
        p=[
            Paragraph(
                pPr=ParagraphProperties(defRPr=CharacterProperties(sz=800)), endParaRPr=CharacterProperties()
            )
        ]
    )
    chart.width = 24
    # Up to about 40 departments the chart fits one landscape A4 page below the repeated title
    # rows (about 15.5 cm); a longer list gets a taller chart that runs on over pages.
    chart.height = max(8.0, 0.35 * count + 1.8)
    for series, colour in zip(chart.series, ("lead", "participant", "other"), strict=False):
        series.graphicalProperties.solidFill = FILL[colour]
    ws.row_breaks.append(Break(id=count + 2))  # the chart starts on a page of its own
    ws.add_chart(chart, f"B{count + 3}")


def fill_notes(
    cw: CellWriter, ws: Worksheet, graph: PlanGraph, settings: Settings, digest: str | None
) -> None:
    """说明: where the plan came from, the parse warnings, the settings, and how to read the marks."""
    rows: list[tuple[str, str, str]] = []  # (label, text, style of the label cell)

    def add(label: str, text: str, style: str = "mx-text") -> None:
        rows.append((label, text, style))

    tasks = graph.tasks()
    add("计划", graph.title or "（无标题）")
    # File names, not paths: the workbook goes out to departments and should not carry the
    # clerk's folders, and the same plan built from another folder gives the same bytes.
    add("源文件", PurePath(graph.source).name if graph.source else "（未知）")
    add("SHA-256", digest or "（源文件无法读取, 未计算）")
    add(
        "规模",
        f"任务 {len(tasks)} 项, 部门 {len(graph.departments())} 个, "
        f"分工 {sum(len(graph.assignments(t)) for t in tasks)} 条",
    )
    if settings.path:
        add("设置文件", settings.path.name)
    else:
        add("设置文件", "分工表中保存的设置" if settings.text else "无（部门顺序按计划文本中首次出现）")
    if settings.departments:
        add("部门顺序", f"按设置文件所列 {len(settings.departments)} 个部门的顺序, 未列出的部门排在其后")
    for d in settings.departments:
        extra = [f"别名：{'、'.join(d.aliases)}"] if d.aliases else []
        extra += [f"曾用名：{'、'.join(d.former_names)}"] if d.former_names else []
        if extra:
            add("部门别名", f"{d.name}（{'；'.join(extra)}）")
    if settings.corrections:
        from matrix.corrections import match_corrections

        for found in match_corrections(tasks, settings.corrections):
            if found.task is not None and found.task.corrected:
                reason = found.correction.reason or "（未写理由）"
                add("更正", f"{found.task.id} {found.task.title}：{reason}（{found.correction.where}）")
    add(PRIMARY_MARK, "第一牵头单位（列在首位的牵头单位）", "mx-primary")
    add("牵头", "其他牵头单位", "mx-lead")
    add("参与", "参与（配合、协助）单位", "mx-participant")
    add("指导等", "其他角色, 单元格写明原文用词（指导、落实等）", "mx-other")
    add("合计", "责任矩阵末列为每项任务涉及的部门数, 末行为每个部门承担的任务数", "mx-total")
    add("序号", "各表的序号一致, 为任务在计划中的先后次序")
    if graph.findings:
        for f in graph.findings:
            level = "错误" if f.severity is Severity.ERROR else "提示"
            add(f"解析{level}", f"{f.place}：{f.message}" if f.place else f.message)
    else:
        add("解析提示", "无")

    _title_row(cw, ws, f"{graph.title or '计划'}分工表说明", 2)
    _header_row(cw, ws, ["项目", "内容"])
    ws.column_dimensions["A"].width = column_width([r[0] for r in rows], 10, 20)
    ws.column_dimensions["B"].width = 90
    r = 3
    for r, (label, text, style) in enumerate(rows, 3):
        cw.put(ws, r, 1, label, style if style != "mx-text" else "mx-header", "说明")
        cw.put(ws, r, 2, text, "mx-text", "说明")
        ws.row_dimensions[r].height = line_count(text, 90) * LINE_HEIGHT + 4
    # The writer's own warnings come last, so that they include anything the rows above dropped.
    for row, warning in enumerate(list(cw.warnings) or ["无"], r + 1):
        cw.put(ws, row, 1, "写入提示", "mx-header")
        cw.put(ws, row, 2, warning, "mx-text")
    ws.freeze_panes = "A3"
    print_setup(ws, title_rows="1:2")
