"""The JSON API: what the page's scripts call, and scripts of the office's own.

Contract (kept; see the README):

* ``POST /api/plans`` (multipart ``file``) → 201 ``{"id", "title", "tasks", "departments", "warnings"}``,
  the last four as ``matrix parse --format json`` gives them; ``GET /api/plans/{id}`` → the same.
* ``PUT /api/plans/{id}/tasks/{task_id}`` with ``{"leads", "participants", "deadline", "reason"}``
  → 200 with the corrected task (``"corrected": true`` from then on).
* ``POST /api/plans/{id}/build`` → 200 ``application/zip`` of everything ``matrix build`` writes.
* ``POST /api/plans/{id}/diff`` (multipart ``file``, the new version) → 200, ``matrix diff --format json``.
* ``POST /api/plans/{id}/builds`` → 202, a queued build's ticket; ``GET /api/builds/{n}`` → the ticket;
  ``GET /api/plans/{id}/builds`` → the plan's queue (the page's progress and queue).

Errors are ``{"error": "…"}`` with 400, 403, 404 or 413.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from matrix.errors import UsageError
from matrix.web import actions
from matrix.web.state import Server
from matrix.web.uploads import read_plan
from matrix.web.workspace import NotFoundError


def _server(request: Request) -> Server:
    server: Server = request.app.state.server
    return server


async def create_plan(request: Request) -> Response:
    upload = await read_plan(request)
    server = _server(request)
    plan, loaded = await run_in_threadpool(actions.add_plan, server, upload)
    return JSONResponse(loaded.api(plan.id), status_code=201)


async def get_plan(request: Request) -> Response:
    server = _server(request)
    plan = server.workspace.get(request.path_params["plan_id"])
    loaded = await run_in_threadpool(server.load, plan)
    return JSONResponse(loaded.api(plan.id))


async def _json_object(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError as exc:
        raise UsageError("请求体应为 JSON 对象") from exc
    if not isinstance(body, dict):
        raise UsageError("请求体应为 JSON 对象")
    return body


async def correct_task(request: Request) -> Response:
    server = _server(request)
    plan = server.workspace.get(request.path_params["plan_id"])
    edit = actions.TaskEdit.from_json(await _json_object(request))
    task = await run_in_threadpool(actions.correct, server, plan, request.path_params["task_id"], edit)
    return JSONResponse(task)


async def build_zip(request: Request) -> Response:
    server = _server(request)
    plan = server.workspace.get(request.path_params["plan_id"])
    ticket = await run_in_threadpool(server.queue.run, plan)
    data = await run_in_threadpool(actions.build_archive, plan, ticket)
    name = actions.archive_name(plan)
    return Response(data, media_type="application/zip", headers=actions.attachment(name))


async def diff(request: Request) -> Response:
    server = _server(request)
    plan = server.workspace.get(request.path_params["plan_id"])
    upload = await read_plan(request)
    result = await run_in_threadpool(actions.revision, server, plan, upload)
    from matrix.render.diff_json import diff_dict

    return JSONResponse(diff_dict(result.diff))


async def queue_build(request: Request) -> Response:
    server = _server(request)
    plan = server.workspace.get(request.path_params["plan_id"])
    ticket = server.queue.submit(plan)
    return JSONResponse(ticket.as_dict(server.queue.position(ticket)), status_code=202)


async def build_status(request: Request) -> Response:
    server = _server(request)
    try:
        number = int(request.path_params["number"])
    except ValueError:
        number = -1
    ticket = server.queue.ticket(number)
    if ticket is None:
        raise NotFoundError(f"没有编号为 {request.path_params['number']} 的生成任务")
    return JSONResponse(ticket.as_dict(server.queue.position(ticket)))


async def plan_queue(request: Request) -> Response:
    server = _server(request)
    plan = server.workspace.get(request.path_params["plan_id"])
    tickets = server.queue.pending(plan.id)
    return JSONResponse({"builds": [t.as_dict(server.queue.position(t)) for t in tickets]})


async def not_found(request: Request) -> Response:
    raise NotFoundError("没有这个接口")


routes = [
    Route("/api/plans", create_plan, methods=["POST"]),
    Route("/api/plans/{plan_id}", get_plan, methods=["GET"]),
    Route("/api/plans/{plan_id}/tasks/{task_id}", correct_task, methods=["PUT"]),
    Route("/api/plans/{plan_id}/build", build_zip, methods=["POST"]),
    Route("/api/plans/{plan_id}/diff", diff, methods=["POST"]),
    Route("/api/plans/{plan_id}/builds", queue_build, methods=["POST"]),
    Route("/api/plans/{plan_id}/builds", plan_queue, methods=["GET"]),
    Route("/api/builds/{number}", build_status, methods=["GET"]),
    Route("/api/{rest:path}", not_found, methods=["GET", "POST", "PUT", "DELETE", "PATCH"]),
]
