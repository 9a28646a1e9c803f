"""What every request must pass before the page answers it: its Host, its Origin and its size.

* ``Host`` must be the address the server was started on (127.0.0.1:<port>, localhost:<port>, or
  the ``--host`` address): a page of another site that points its own name at 127.0.0.1 (DNS
  rebinding) is refused.
* A request that changes something (POST, PUT, DELETE, PATCH) with an ``Origin`` must come from
  the page itself: another site's form or script is refused (CSRF).
* A body larger than the largest upload allowed is refused before it is read to the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from matrix.errors import MatrixError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class ForbiddenError(MatrixError):
    """A request from somewhere the page does not serve."""


class TooLargeError(MatrixError):
    """An upload over the size limit."""


def allowed_hosts(host: str, port: int) -> set[str]:
    """The ``Host`` values the server answers: loopback names, and ``host`` when it is another."""
    names = {"127.0.0.1", "localhost", host}
    return {f"{name}:{port}" for name in names} | ({f"[{host}]:{port}"} if ":" in host else set())


def allowed_origins(hosts: Iterable[str]) -> set[str]:
    """The page's own origins for those hosts."""
    return {f"http://{h}" for h in hosts}


def refusal(scope: Scope, status: int, message: str) -> tuple[bytes, bytes]:
    """The body and content type of a refusal: JSON for the API, a plain Chinese page otherwise."""
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        return body, b"application/json"
    page = (
        '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>无法打开</title>'
        f"<p>{escape(message)}</p></html>"
    )
    return page.encode("utf-8"), b"text/html; charset=utf-8"


class Guard:
    """ASGI middleware: refuse a wrong Host (403), a foreign Origin (403), an oversize body (413)."""

    def __init__(self, app: ASGIApp, hosts: set[str], max_body: int) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        self.origins = allowed_origins(self.hosts)
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            await self._refuse(scope, send, 403, f"拒绝访问: 本页面只在 {sorted(self.hosts)[0]} 提供服务")
            return
        origin = headers.get("origin")
        if scope["method"] not in SAFE_METHODS and origin is not None and origin.lower() not in self.origins:
            await self._refuse(scope, send, 403, "拒绝来自其他网站的请求")
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await self._refuse(scope, send, 413, _too_large(self.max_body))
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise TooLargeError(_too_large(self.max_body))
            return message

        return counted

    @staticmethod
    async def _refuse(scope: Scope, send: Send, status: int, message: str) -> None:
        body, kind = refusal(scope, status, message)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _too_large(limit: int) -> str:
    return f"上传的内容过大, 超过 {limit // 1024 // 1024} MB 的上限"
