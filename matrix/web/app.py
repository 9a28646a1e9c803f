"""The web application of ``matrix serve``: routes, the request guard, and errors as plain Chinese.

Every error a request can cause is a plain sentence: on a page, an error page; on the JSON API,
``{"error": "…"}`` with 400 (the input was wrong), 403 (refused), 404 (no such thing) or 413 (too
large).  A bug is 500 with a sentence too; its traceback goes to the server's console only.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from matrix.errors import MatrixError
from matrix.web import api_routes, pages
from matrix.web.guard import ForbiddenError, Guard, TooLargeError, allowed_hosts
from matrix.web.state import Server
from matrix.web.uploads import MAX_BODY
from matrix.web.workspace import NotFoundError, Workspace

STATIC = Path(__file__).parent / "static"

_HTTP_MESSAGES = {
    400: "请求无法读取 (上传的内容格式有误)",
    404: "没有这个页面",
    405: "不支持这种请求方式",
}


def templates() -> Environment:
    """The pages' Jinja2 environment: templates from the package, HTML escaped."""
    env = Environment(
        loader=PackageLoader("matrix.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["role_label"] = {"lead": "牵头", "participant": "参与", "other": "其他"}
    return env


def _status(exc: Exception) -> int:
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, TooLargeError):
        return 413
    if isinstance(exc, ForbiddenError):
        return 403
    return 400


def error_response(request: Request, status: int, message: str) -> Response:
    """The answer to a failed request: JSON on the API, a page otherwise."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    env: Environment = request.app.state.templates
    html = env.get_template("error.html").render(message=message, status=status)
    return HTMLResponse(html, status_code=status)


async def _matrix_error(request: Request, exc: Exception) -> Response:
    return error_response(request, _status(exc), str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = _HTTP_MESSAGES.get(exc.status_code, "请求无法完成")
    return error_response(request, exc.status_code if exc.status_code < 500 else 400, message)


async def _os_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, OSError)
    return error_response(request, 400, f"无法读写文件: {exc.strerror or exc}")


async def _bug(request: Request, exc: Exception) -> Response:
    traceback.print_exception(exc, file=sys.stderr)
    return error_response(
        request, 500, f"服务器内部错误 ({type(exc).__name__}), 请把控制台中的信息告诉维护人员"
    )


def create_app(workspace: Path, host: str = "127.0.0.1", port: int = 8765) -> Starlette:
    """The application serving ``workspace``; it answers only requests addressed to host:port."""
    server = Server(Workspace(workspace))
    routes: list[Any] = [
        *api_routes.routes,
        *pages.routes,
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, hosts=allowed_hosts(host, port), max_body=MAX_BODY)],
        exception_handlers={
            MatrixError: _matrix_error,
            HTTPException: _http_error,
            OSError: _os_error,
            Exception: _bug,
        },
    )
    app.state.server = server
    app.state.templates = templates()
    return app
