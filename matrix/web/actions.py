"""What the page and the API do, each a few calls into the library: no HTTP, no HTML here.

Every function takes the server state and a plan folder and either returns plain data or raises
a :class:`matrix.errors.MatrixError` with a sentence for the clerk.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from matrix.build.sync import MANIFEST
from matrix.diff import PlanDiff
from matrix.errors import MatrixError, UsageError
from matrix.model import Task
from matrix.paths import safe_filename
from matrix.progress.model import Progress
from matrix.web.builds import DONE, Ticket
from matrix.web.state import Loaded, Server
from matrix.web.uploads import Upload
from matrix.web.workspace import NotFoundError, PlanFolder, upload_name

REVISION = "revision"
"""The ``incoming/`` folder of a new version waiting to be compared and adopted."""
RETURNS = "returns"
"""The ``incoming/`` folder of returned forms waiting to be collected."""
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def add_plan(server: Server, upload: Upload) -> tuple[PlanFolder, Loaded]:
    """Keep an uploaded plan in a new folder and read it; a plan that cannot be read is not kept."""
    plan = server.workspace.add(upload.name, upload.data)
    try:
        return plan, server.load(plan)
    except MatrixError as exc:
        server.workspace.discard(plan)
        raise UsageError(f"{upload.name}: {exc.message}") from exc


# --- corrections ---------------------------------------------------------------------------------


def _names(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f'"{key}" 应为单位名称的列表, 例如 ["市科技局", "市财政局"]')
    names = [v.strip() for v in value if v.strip()]
    if len(set(names)) != len(names):
        raise UsageError(f'"{key}" 中有重复的单位')
    return names


@dataclass(frozen=True)
class TaskEdit:
    """A clerk's correction of one task: leads in order, participants, deadline, and why."""

    leads: list[str]
    participants: list[str]
    deadline: str | None
    reason: str

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> TaskEdit:
        """The edit in a request's JSON; a missing or wrong field is a :class:`UsageError`."""
        unknown = sorted(set(body) - {"leads", "participants", "deadline", "reason"})
        if unknown:
            raise UsageError("不认识的字段: " + "、".join(unknown))
        missing = [k for k in ("leads", "participants", "reason") if k not in body]
        if missing:
            raise UsageError("缺少字段: " + "、".join(missing))
        deadline = body.get("deadline")
        if deadline is not None and not isinstance(deadline, str):
            raise UsageError('"deadline" 应为文字或 null')
        reason = body["reason"]
        if not isinstance(reason, str):
            raise UsageError('"reason" 应为文字')
        return cls.checked(
            _names(body["leads"], "leads"), _names(body["participants"], "participants"), deadline, reason
        )

    @classmethod
    def from_form(cls, leads: str, participants: str, deadline: str, reason: str) -> TaskEdit:
        """The edit from the page's form: names one a line (or separated by 、,;)."""

        def split(text: str) -> list[str]:
            for sep in "、,，;；":
                text = text.replace(sep, "\n")
            return [n.strip() for n in text.splitlines() if n.strip()]

        return cls.checked(split(leads), split(participants), deadline.strip() or None, reason)

    @classmethod
    def checked(
        cls, leads: list[str], participants: list[str], deadline: str | None, reason: str
    ) -> TaskEdit:
        """An edit after the checks every way in shares."""
        if not reason.strip():
            raise UsageError("请写明更正的理由 (reason)")
        both = sorted(set(leads) & set(participants))
        if both:
            raise UsageError("同一单位不能既牵头又参与: " + "、".join(both))
        return cls(leads, participants, deadline.strip() if deadline else None, reason.strip())


def correct(server: Server, plan: PlanFolder, task_id: str, edit: TaskEdit) -> dict[str, Any]:
    """Save ``edit`` as the task's ``[corrections]`` entry in the plan's settings file (as
    ``matrix correct`` does) and return the task as the plan's JSON now shows it."""
    from matrix.corrections import write_correction

    loaded = server.load(plan)
    task = _task(loaded, task_id)
    # null: no deadline; "" clears the one the text gives, and says nothing when it gives none
    deadline = edit.deadline if edit.deadline is not None else ("" if task.deadline else None)
    write_correction(plan.settings, task, edit.leads, edit.participants, deadline, edit.reason)
    now = server.load(plan)
    return next(t for t in now.data["tasks"] if t["id"] == task_id)


def _task(loaded: Loaded, task_id: str) -> Task:
    for task in loaded.graph.tasks():
        if task.id == task_id:
            return task
    raise NotFoundError(f"计划中没有编号为 {task_id} 的任务")


# --- builds and downloads --------------------------------------------------------------------------


def archive_name(plan: PlanFolder, suffix: str = "输出") -> str:
    """The zip's file name: ``<plan stem>-输出.zip``."""
    return safe_filename(f"{plan.plan.stem}-{suffix}") + ".zip"


def attachment(name: str) -> dict[str, str]:
    """The Content-Disposition of a download named ``name`` (UTF-8 names, RFC 6266)."""
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_")
    return {"content-disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"}


def _zip(out: Path, files: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel in sorted(files):
            info = zipfile.ZipInfo(rel, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.flag_bits |= 0x800  # UTF-8 names: Windows' zip shows 中文 names as written
            zf.writestr(info, (out / rel).read_bytes())
    return buffer.getvalue()


def build_archive(plan: PlanFolder, ticket: Ticket) -> bytes:
    """Everything the finished build wrote or kept (its files and the manifest) as one zip."""
    if ticket.state != DONE:
        raise MatrixError(ticket.error or "生成没有完成")
    return _zip(plan.out, [*ticket.written, *ticket.unchanged, MANIFEST])


def outputs_archive(plan: PlanFolder) -> bytes:
    """Every file of the plan's ``out/`` as one zip."""
    files = plan.output_files()
    if not files:
        raise NotFoundError("还没有生成任何文件")
    return _zip(plan.out, files)


def built_files(plan: PlanFolder) -> list[str]:
    """The files the last build wrote, from its manifest (letters, notice, print file, workbook, forms)."""
    try:
        manifest = json.loads((plan.out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    files = manifest.get("files", {})
    keep = ("changes/", "progress/")
    return [p for p in sorted(files) if not p.startswith(keep) and (plan.out / p).is_file()]


def file_groups(files: list[str]) -> list[tuple[str, list[str]]]:
    """A build's files as the page lists them: the letters (each bureau's, then the notice and the
    print file), the workbook, the forms; an empty group is left out."""
    letters = [f for f in files if f.startswith("letters/")]
    forms = [f for f in files if f.startswith("forms/")]
    rest = [f for f in files if f not in letters and f not in forms]
    # each bureau's letter is numbered (01-市科技局.docx); the notice and the print file follow them
    letters.sort(key=lambda f: (not f.split("/")[-1][:1].isdigit(), f))
    groups = [("交办通知、分工通知与打印合订本", letters), ("Excel 分工表", rest), ("进展反馈表", forms)]
    return [(label, group) for label, group in groups if group]


def pdf_preview(plan: PlanFolder, relative: str) -> bytes:
    """A PDF of one .docx under ``out/``, made by LibreOffice in a scratch folder."""
    from matrix.readers.soffice import find_soffice
    from matrix.render.pdf import convert

    source = plan.output(relative)
    if source.suffix.lower() != ".docx":
        raise UsageError("只能预览 Word 文件 (.docx)")
    if find_soffice() is None:
        raise UsageError("没有安装 LibreOffice, 无法预览 PDF")
    with tempfile.TemporaryDirectory(prefix="matrix-preview-") as tmp:
        copy = Path(tmp) / "preview.docx"
        shutil.copyfile(source, copy)
        try:
            (pdf,) = convert([copy], Path(tmp) / "pdf", timeout=120)
            return pdf.read_bytes()
        except (OSError, ValueError, subprocess.SubprocessError) as exc:
            raise UsageError(f"PDF 转换失败: {exc}") from exc


# --- settings ------------------------------------------------------------------------------------


def save_letter(plan: PlanFolder, values: dict[str, str]) -> None:
    """Save the letter settings form into the settings file's ``[letter]``."""
    from matrix.settings_edit import LETTER_FIELDS, set_letter

    set_letter(plan.settings, {k: values.get(k, "") for k in LETTER_FIELDS})


def save_contact(server: Server, plan: PlanFolder, name: str, contact: str, phone: str) -> None:
    """Save one bureau's contact into its ``[departments."X"]`` table."""
    from matrix.settings_edit import set_contact

    if server.load(plan).graph.department(name) is None:
        raise NotFoundError(f'计划中没有单位 "{name}"')
    set_contact(plan.settings, name, contact, phone)


def merge_names(server: Server, plan: PlanFolder, keep: str, alias: str) -> None:
    """File ``alias`` under ``keep`` in the settings file (a merge suggestion taken)."""
    from matrix.settings_edit import add_aliases

    graph = server.load(plan).graph
    for name in (keep, alias):
        if graph.department(name) is None:
            raise NotFoundError(f'计划中没有单位 "{name}"')
    if keep == alias:
        raise UsageError("请选择两个不同的单位")
    add_aliases(plan.settings, keep, [alias])


# --- revisions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Revision:
    """A new version compared with the current one."""

    file: Path
    diff: PlanDiff
    carried: list[tuple[str, str]]
    """The current settings' corrections that apply to the new version: (old task id, new task id)."""
    stale: list[str]
    """The messages of those that do not (their task is gone or its text changed)."""


def revision(server: Server, plan: PlanFolder, upload: Upload | None = None) -> Revision:
    """Compare the current plan with a new version (``upload``, else the one waiting in ``incoming/``)."""
    from matrix.api import load_versions
    from matrix.diff import diff_plans
    from matrix.web.workspace import PLAN_SUFFIXES

    if upload is not None:
        if not upload_name(upload.name).lower().endswith(PLAN_SUFFIXES):
            raise UsageError(f"不支持的文件类型: {upload_name(upload.name)}")
        plan.clear_incoming(REVISION)
        new = plan.save_incoming(upload.name, upload.data, REVISION)
    else:
        new = pending_revision(plan)
    from matrix.corrections import match_corrections

    explicit = plan.settings if plan.settings.exists() else None
    old_graph, new_graph, settings = load_versions(plan.plan, new, explicit)
    # the new version is read with the current settings, as it will be once adopted
    matches = match_corrections(new_graph.tasks(), settings.corrections)
    carried = [(m.correction.task, m.task.id) for m in matches if m.task is not None]
    stale = [m.finding.message for m in matches if m.finding is not None]
    return Revision(new, diff_plans(old_graph, new_graph, settings), carried, stale)


def pending_revision(plan: PlanFolder) -> Path:
    """The new version waiting in ``incoming/``, or a 404."""
    folder = plan.incoming / REVISION
    found = sorted(p for p in folder.glob("*") if p.is_file()) if folder.is_dir() else []
    if not found:
        raise NotFoundError("还没有上传新版本")
    return found[0]


def change_notices(server: Server, plan: PlanFolder) -> list[str]:
    """Write the revision's change notices into ``out/changes/``; the files written or unchanged."""
    from matrix.build.changes import write_change_notices
    from matrix.settings import load_settings
    from matrix.views.changes import FOLDER
    from matrix.views.document import resolve_options

    result = revision(server, plan)
    explicit = plan.settings if plan.settings.exists() else None
    settings = load_settings(result.file, explicit)
    options = resolve_options(settings.letter, title=result.diff.new.title)
    report = write_change_notices(result.diff, settings, plan.out, options)
    return sorted(p for p in report.written + report.unchanged if p.startswith(FOLDER + "/"))


def adopt(plan: PlanFolder) -> None:
    """Make the waiting new version the current plan (the old one goes to the history)."""
    new = pending_revision(plan)
    plan.adopt(new)
    plan.clear_incoming(REVISION)


# --- progress ------------------------------------------------------------------------------------


def collect(plan: PlanFolder, uploads: list[Upload], as_of: dt.date | None = None) -> Progress:
    """Keep the returned forms and collect them as ``matrix collect`` does; the round's progress."""
    from matrix.api import collect_returns
    from matrix.web.workspace import RETURN_SUFFIXES

    plan.clear_incoming(RETURNS)
    kept = []
    for upload in uploads:
        if not upload_name(upload.name).lower().endswith(RETURN_SUFFIXES):
            raise UsageError(f"进展反馈表应为 Excel 文件 (.xlsx): {upload_name(upload.name)}")
        kept.append(plan.save_incoming(upload.name, upload.data, RETURNS))
    try:
        progress, _written = collect_returns(plan.plan, kept, plan.out, as_of or dt.date.today())
    finally:
        plan.clear_incoming(RETURNS)
    return progress
