"""The pages, in the order of the clerk's work: 打开计划, 核对, 更正, 生成, 修订, 进展, and a bureau's page.

Each handler reads the request, calls :mod:`matrix.web.actions` or the library, and renders one
template; a form that changes something answers with a redirect (303) to the page that shows it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from matrix.errors import MatrixError, UsageError
from matrix.web import actions, views
from matrix.web.state import Server
from matrix.web.uploads import read_plan, read_returns
from matrix.web.workspace import NotFoundError, PlanFolder

STEPS = [
    ("review", "核对"),
    ("departments", "单位"),
    ("generate", "生成"),
    ("revise", "修订"),
    ("progress", "进展"),
]


def _server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


def _plan(request: Request) -> PlanFolder:
    return _server(request).workspace.get(request.path_params["plan_id"])


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """One page from its template."""
    env = request.app.state.templates
    html = env.get_template(template).render(request=request, steps=STEPS, **context)
    return HTMLResponse(html, status_code=status)


def _back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


async def _form(request: Request) -> dict[str, str]:
    async with request.form(max_files=0, max_fields=100) as form:
        return {k: v for k, v in form.items() if isinstance(v, str)}


async def home(request: Request) -> Response:
    server = _server(request)
    recent = []
    for plan in server.workspace.plans()[:20]:
        recent.append({"id": plan.id, "file": plan.plan.name, "versions": len(plan.history) + 1})
    return render(request, "home.html", recent=recent)


async def upload(request: Request) -> Response:
    server = _server(request)
    file = await read_plan(request)
    plan, _loaded = await run_in_threadpool(actions.add_plan, server, file)
    return _back(f"/plans/{plan.id}")


async def review(request: Request) -> Response:
    server = _server(request)
    plan = _plan(request)
    loaded = await run_in_threadpool(server.load, plan)
    dept = request.query_params.get("dept") or None
    if dept is not None and loaded.graph.department(dept) is None:
        raise UsageError(f'计划中没有单位 "{dept}"')
    from matrix.readers import read_document

    document = await run_in_threadpool(read_document, plan.plan)
    found = await run_in_threadpool(views.findings, loaded.graph, loaded.settings)
    by_task: dict[str, list[views.FindingView]] = {}
    for f in found:
        if f.task:
            by_task.setdefault(f.task, []).append(f)
    tasks = views.task_rows(loaded.data, dept)
    return render(
        request,
        "review.html",
        plan=plan,
        data=loaded.data,
        step="review",
        tasks=tasks,
        findings=found,
        by_task=by_task,
        counts=views.finding_counts(found),
        sources=views.sources(loaded.graph, document),
        departments=[d["name"] for d in loaded.data["departments"]],
        dept=dept,
    )


async def departments(request: Request) -> Response:
    server = _server(request)
    plan = _plan(request)
    loaded = await run_in_threadpool(server.load, plan)
    rows = views.departments(loaded.data)
    return render(
        request,
        "departments.html",
        plan=plan,
        data=loaded.data,
        step="departments",
        rows=rows,
        merges=views.merge_suggestions(rows),
    )


async def merge(request: Request) -> Response:
    plan = _plan(request)
    form = await _form(request)
    await run_in_threadpool(
        actions.merge_names, _server(request), plan, form.get("keep", ""), form.get("alias", "")
    )
    return _back(f"/plans/{plan.id}/departments")


async def edit_task(request: Request) -> Response:
    server = _server(request)
    plan = _plan(request)
    loaded = await run_in_threadpool(server.load, plan)
    task_id = request.path_params["task_id"]
    task = next((t for t in loaded.data["tasks"] if t["id"] == task_id), None)
    if task is None:
        raise NotFoundError(f"计划中没有编号为 {task_id} 的任务")
    return render(request, "correct.html", plan=plan, data=loaded.data, step="review", task=task)


async def save_task(request: Request) -> Response:
    plan = _plan(request)
    form = await _form(request)
    edit = actions.TaskEdit.from_form(
        form.get("leads", ""), form.get("participants", ""), form.get("deadline", ""), form.get("reason", "")
    )
    task_id = request.path_params["task_id"]
    await run_in_threadpool(actions.correct, _server(request), plan, task_id, edit)
    return _back(f"/plans/{plan.id}#task-{quote(task_id)}")


async def generate(request: Request) -> Response:
    server = _server(request)
    plan = _plan(request)
    loaded = await run_in_threadpool(server.load, plan)
    from matrix.readers.soffice import find_soffice
    from matrix.views.document import department_contact

    contacts = [
        (d.name, *department_contact(loaded.graph, loaded.settings, d.name))
        for d in loaded.graph.departments()
    ]
    letter = loaded.settings.letter
    return render(
        request,
        "generate.html",
        plan=plan,
        data=loaded.data,
        step="generate",
        letter={
            "issuer": letter.issuer or "",
            "doc_number": letter.doc_number or "",
            "date": letter.date.isoformat() if letter.date else "",
            "feedback_deadline": letter.feedback_deadline or "",
            "contact": letter.contact or "",
            "phone": letter.phone or "",
        },
        contacts=contacts,
        files=actions.file_groups(actions.built_files(plan)),
        queue=[t.as_dict(server.queue.position(t)) for t in server.queue.pending(plan.id)],
        can_preview=find_soffice() is not None,
    )


async def save_letter(request: Request) -> Response:
    plan = _plan(request)
    form = await _form(request)
    await run_in_threadpool(actions.save_letter, plan, form)
    return _back(f"/plans/{plan.id}/generate#letter")


async def save_contact(request: Request) -> Response:
    plan = _plan(request)
    form = await _form(request)
    await run_in_threadpool(
        actions.save_contact,
        _server(request),
        plan,
        form.get("name", ""),
        form.get("contact", ""),
        form.get("phone", ""),
    )
    return _back(f"/plans/{plan.id}/generate#contacts")


async def download(request: Request) -> Response:
    plan = _plan(request)
    path = plan.output(request.path_params["path"])
    return Response(path.read_bytes(), media_type=_media(path.suffix), headers=actions.attachment(path.name))


async def download_all(request: Request) -> Response:
    plan = _plan(request)
    data = await run_in_threadpool(actions.outputs_archive, plan)
    name = actions.archive_name(plan)
    return Response(data, media_type="application/zip", headers=actions.attachment(name))


async def preview(request: Request) -> Response:
    plan = _plan(request)
    data = await run_in_threadpool(actions.pdf_preview, plan, request.path_params["path"])
    return Response(data, media_type="application/pdf")


def _media(suffix: str) -> str:
    return {
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".json": "application/json",
        ".pdf": "application/pdf",
    }.get(suffix.lower(), "application/octet-stream")


async def revise(request: Request) -> Response:
    server = _server(request)
    plan = _plan(request)
    result = None
    if (plan.incoming / actions.REVISION).is_dir():
        try:
            result = await run_in_threadpool(actions.revision, server, plan)
        except MatrixError as exc:
            return render(request, "revise.html", plan=plan, step="revise", result=None, error=str(exc))
    return _revise_page(request, plan, result)


def _revise_page(
    request: Request, plan: PlanFolder, result: actions.Revision | None, **extra: Any
) -> Response:
    return render(
        request,
        "revise.html",
        plan=plan,
        step="revise",
        result=result,
        notices=[f for f in plan.output_files() if f.startswith("changes/")],
        **extra,
    )


async def upload_revision(request: Request) -> Response:
    server = _server(request)
    plan = _plan(request)
    file = await read_plan(request)
    result = await run_in_threadpool(actions.revision, server, plan, file)
    return _revise_page(request, plan, result)


async def write_notices(request: Request) -> Response:
    plan = _plan(request)
    await run_in_threadpool(actions.change_notices, _server(request), plan)
    return _back(f"/plans/{plan.id}/revise#notices")


async def adopt(request: Request) -> Response:
    plan = _plan(request)
    await run_in_threadpool(actions.adopt, plan)
    return _back(f"/plans/{plan.id}")


async def progress(request: Request) -> Response:
    plan = _plan(request)
    files = [f for f in plan.output_files() if f.startswith("progress/") and "/returns/" not in f]
    return render(request, "progress.html", plan=plan, step="progress", progress=None, files=files)


async def upload_returns(request: Request) -> Response:
    plan = _plan(request)
    uploads = await read_returns(request)
    result = await run_in_threadpool(actions.collect, plan, uploads)
    files = [f for f in plan.output_files() if f.startswith("progress/") and "/returns/" not in f]
    return render(request, "progress.html", plan=plan, step="progress", progress=result, files=files)


async def bureau(request: Request) -> Response:
    server = _server(request)
    plan = _plan(request)
    loaded = await run_in_threadpool(server.load, plan)
    name = request.path_params["name"]
    dept = loaded.graph.department(name)
    if dept is None:
        raise NotFoundError(f'计划中没有单位 "{name}"')
    from matrix.views.document import department_contact, plan_name
    from matrix.views.letters import parts

    contact, phone = department_contact(loaded.graph, loaded.settings, dept.name)
    return render(
        request,
        "bureau.html",
        plan=plan,
        data=loaded.data,
        name=dept.name,
        plan_title=plan_name(loaded.graph),
        parts=parts(loaded.graph, dept.name),
        contact=contact,
        phone=phone,
    )


async def guide(request: Request) -> Response:
    """The user guide (使用说明) as one page, rendered from its Markdown."""
    from matrix.guide import render_html

    return HTMLResponse(await run_in_threadpool(render_html))


routes = [
    Route("/", home, methods=["GET"]),
    Route("/guide", guide, methods=["GET"]),
    Route("/plans", upload, methods=["POST"]),
    Route("/plans/{plan_id}", review, methods=["GET"]),
    Route("/plans/{plan_id}/departments", departments, methods=["GET"]),
    Route("/plans/{plan_id}/aliases", merge, methods=["POST"]),
    Route("/plans/{plan_id}/tasks/{task_id}", edit_task, methods=["GET"]),
    Route("/plans/{plan_id}/tasks/{task_id}", save_task, methods=["POST"]),
    Route("/plans/{plan_id}/generate", generate, methods=["GET"]),
    Route("/plans/{plan_id}/letter", save_letter, methods=["POST"]),
    Route("/plans/{plan_id}/contact", save_contact, methods=["POST"]),
    Route("/plans/{plan_id}/files/{path:path}", download, methods=["GET"]),
    Route("/plans/{plan_id}/outputs.zip", download_all, methods=["GET"]),
    Route("/plans/{plan_id}/preview/{path:path}", preview, methods=["GET"]),
    Route("/plans/{plan_id}/revise", revise, methods=["GET"]),
    Route("/plans/{plan_id}/revise", upload_revision, methods=["POST"]),
    Route("/plans/{plan_id}/revise/notices", write_notices, methods=["POST"]),
    Route("/plans/{plan_id}/revise/adopt", adopt, methods=["POST"]),
    Route("/plans/{plan_id}/progress", progress, methods=["GET"]),
    Route("/plans/{plan_id}/progress", upload_returns, methods=["POST"]),
    Route("/plans/{plan_id}/dept/{name}", bureau, methods=["GET"]),
]
