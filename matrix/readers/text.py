"""Plain-text plans in UTF-8 (with or without BOM), GB18030/GBK, or UTF-16 with a BOM."""

from __future__ import annotations

import codecs
from pathlib import Path

from matrix.errors import InputError
from matrix.model import Document, Line

_BINARY_MARKERS = (b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"\x7fELF", b"MZ")


def decode(data: bytes, source: str) -> str:
    """The text of a plan file's bytes, its encoding detected without the user saying which.

    UTF-8 is tried first (it almost never decodes text written in another encoding), then
    GB18030, which covers GBK and GB2312; charset-normalizer settles anything else.
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:  # an odd trailing byte, a lone surrogate, a bad byte
                name = "UTF-8" if enc == "utf-8-sig" else "UTF-16"
                raise InputError(
                    f"文件的文字编码有误 ({name}, 第 {exc.start} 字节附近):"
                    " 请用记事本打开后另存为 UTF-8 再试",
                    path=source,
                ) from exc
    if data.startswith(_BINARY_MARKERS):
        kind, suffix = {
            b"PK": (".docx", ".docx"),
            b"%P": ("PDF", ".pdf"),
            b"\xd0\xcf": (".doc (旧版 Word)", ".doc"),
        }.get(data[:2], ("二进制", ""))
        hint = f"; 请把文件扩展名改为 {suffix} 再试" if suffix else ""
        raise InputError(f"这不是文本文件 (看起来是{kind}文件{hint})", path=source)
    if b"\x00" in data[:4096]:
        raise InputError("这不是文本文件 (含有二进制内容)", path=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("无法识别文件的文字编码 (试过 UTF-8 与 GB18030)", path=source)
    return str(best)


def split_lines(text: str) -> list[Line]:
    """Numbered lines of ``text``, whatever its line endings (\\r\\n, \\r or \\n)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Line(i, line) for i, line in enumerate(text.split("\n"), 1)]


def read_text(path: Path) -> Document:
    """The lines of a .txt plan."""
    data = path.read_bytes()
    text = decode(data, str(path))
    if not text.strip():
        raise InputError("文件里没有文字", path=str(path))
    return Document(source=str(path), lines=split_lines(text), kind="txt")
