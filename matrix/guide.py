"""The user guide (使用说明) as one self-contained HTML page, for the local web page and the PDF.

The guide is written once, in Markdown (``docs/使用说明.md`` with its pictures in ``docs/img``);
markdown-it-py (already installed with rich) renders it.  Pictures are inlined as ``data:`` URIs
and headings get the anchors the guide's own links use, so the page needs nothing beside it.
An installed matrix reads the copy the offline wheel carries in ``matrix/resources/guide``; a
source checkout reads ``docs/``.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import re
from importlib import resources
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

GUIDE_NAME = "使用说明.md"
TITLE = "matrix 使用说明"

_STYLE = """
body { font-family: "Noto Serif CJK SC", "SimSun", "宋体", serif; font-size: 11pt; line-height: 1.6;
       max-width: 52em; margin: 2em auto; padding: 0 1em; color: #222; }
h1, h2, h3 { font-family: "Noto Sans CJK SC", "SimHei", "黑体", sans-serif; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
code, pre { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", "SimSun", monospace; font-size: 9pt; }
/* a terminal table wider than the page scrolls in its own box */
pre { background: #f4f4f4; padding: .6em; white-space: pre-wrap; overflow-x: auto; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { border: 1px solid #bbb; padding: .2em .5em; vertical-align: top; }
img { max-width: 100%; border: 1px solid #ddd; }
"""


def guide_path() -> Path:
    """The guide's Markdown file: the installed copy, else the source tree's ``docs/``."""
    installed = Path(str(resources.files("matrix") / "resources" / "guide" / GUIDE_NAME))
    if installed.is_file():
        return installed
    return Path(__file__).resolve().parent.parent / "docs" / GUIDE_NAME


def slug(text: str) -> str:
    """A heading's anchor as GitHub writes it (``1. 安装`` → ``1-安装``), so the guide's links work
    both on the code host and in the rendered page."""
    kept = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return kept.replace(" ", "-")


def _inline_image(src: str, folder: Path) -> str:
    if re.match(r"^[a-z]+:", src):
        return src
    path = folder / src
    if not path.is_file():
        return src
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _prepare(tokens: list[Any], folder: Path) -> None:
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            token.attrSet("id", slug(tokens[index + 1].content))
        elif token.type == "table_open":
            # Ruled as well when the CSS is not read (LibreOffice's HTML import, for the PDF).
            token.attrSet("border", "1")
            token.attrSet("cellpadding", "4")
        for child in token.children or []:
            if child.type == "image":
                child.attrSet("src", _inline_image(str(child.attrGet("src") or ""), folder))


def render_html(path: Path | None = None) -> str:
    """The guide as a complete HTML page (UTF-8, pictures inlined, anchors on every heading)."""
    source = path or guide_path()
    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = markdown.parse(source.read_text(encoding="utf-8"))
    _prepare(tokens, source.parent)
    body = markdown.renderer.render(tokens, markdown.options, {})
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(TITLE)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
