"""Reading uploaded files from a request, within the CLI's input limits.

A plan may be as large as the readers accept (:data:`matrix.readers.MAX_PLAN_BYTES`), a returned
form as large as ``collect`` reads (:data:`matrix.readers.returns.MAX_BYTES`); a larger
upload is refused (413) before it is kept anywhere.  The zip checks (a .docx or .xlsx that would
unpack too far) are the readers' own and run when the kept file is read.  The name a browser
sends is only a suggestion: :mod:`matrix.web.workspace` passes it through the path sanitiser.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.datastructures import UploadFile
from starlette.requests import Request

from matrix.errors import UsageError
from matrix.readers import MAX_PLAN_BYTES
from matrix.readers.returns import MAX_BYTES as MAX_RETURN_BYTES
from matrix.web.guard import TooLargeError

MAX_RETURNS = 200
"""At most this many returned forms in one upload."""
MAX_BODY = MAX_PLAN_BYTES + 1024 * 1024
"""The largest request body the server reads: one plan and the form's own bytes."""


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser gave and its bytes."""

    name: str
    data: bytes


async def _read(item: UploadFile, limit: int) -> Upload:
    data = await item.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(f"文件 {item.filename} 过大, 超过 {limit // 1024 // 1024} MB 的上限")
    if not data:
        raise UsageError(f"文件 {item.filename} 是空的")
    return Upload(item.filename or "", data)


async def read_files(request: Request, field: str, limit: int, most: int) -> list[Upload]:
    """The files of a multipart ``field`` (at least one, at most ``most``), each within ``limit`` bytes."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UsageError(f'请以 multipart/form-data 上传文件 (字段 "{field}")')
    async with request.form(max_files=most, max_fields=50) as form:
        items = [item for item in form.getlist(field) if isinstance(item, UploadFile) and item.filename]
        if not items:
            raise UsageError(f'请求中没有上传的文件 (字段 "{field}")')
        return [await _read(item, limit) for item in items]


async def read_plan(request: Request, field: str = "file") -> Upload:
    """The one plan file of the request."""
    return (await read_files(request, field, MAX_PLAN_BYTES, 1))[0]


async def read_returns(request: Request, field: str = "file") -> list[Upload]:
    """The returned forms of the request."""
    return await read_files(request, field, MAX_RETURN_BYTES, MAX_RETURNS)
