"""Make the Word templates ``progress.docx`` (进展通报) and ``reminder.docx`` (催办通知).

    .venv/bin/python templates/make_progress_templates.py

Built from the letters' own template parts (:mod:`make_templates`: styles, letterhead, tables,
signature, 版记, footers), so both documents have the letters' GB/T 9704 layout exactly; only the
body differs.  Each template is written to ``templates/`` and copied to ``matrix/resources/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_templates as mt  # noqa: E402


def _paragraphs(name: str, keep_last: bool = False) -> str:
    """One paragraph per item of ``name``; with ``keep_last`` the last is kept with the 落款 below."""
    if not keep_last:
        return (
            mt.para(f"{{%p for paragraph in {name} %}}")
            + mt.para("{{ paragraph }}")
            + mt.para("{%p endfor %}")
        )
    return (
        mt.para(f"{{%p for paragraph in {name}[:-1] %}}")
        + mt.para("{{ paragraph }}")
        + mt.para("{%p endfor %}")
        + mt.para(f"{{%p for paragraph in {name}[-1:] %}}")
        + mt.para("{{ paragraph }}", ppr=mt.KEEP_NEXT)
        + mt.para("{%p endfor %}")
    )


def _block(name: str, table: str, intro: bool = False) -> str:
    """An optional part: ``{%p if name %}`` heading, an optional intro paragraph, table ``{%p endif %}``."""
    text = mt.para(f"{{{{ {name}.text }}}}") if intro else ""
    return (
        mt.para(f"{{%p if {name} %}}")
        + mt.para(f"{{{{ {name}.heading }}}}", "Heading1")
        + text
        + table
        + mt.para("{%p endif %}")
    )


def _ending() -> str:
    return (
        mt.signature() + mt.colophon() + mt.sect(mt.PORTRAIT, ("rId4", "rId5"), '<w:pgNumType w:start="1"/>')
    )


def progress_document() -> str:
    counts = mt.table(
        [2948, 2948, 2949],
        ["任务状态", "任务数（项）", "占比"],
        [
            mt.para("{{ row.status }}", "TableCenter"),
            mt.para("{{ row.count }}", "TableCenter"),
            mt.para("{{ row.share }}", "TableCenter"),
        ],
        "counts.rows",
    )
    lagging = mt.table(
        [560, 3585, 1600, 1100, 900, 1100],
        ["序号", "任务", "牵头单位", "完成时限", "状态", "情况"],
        [
            mt.para("{{ row.no }}", "TableCenter"),
            mt.para("{{ row.task }}", "TableText"),
            mt.para("{{ row.leads }}", "TableText"),
            mt.para("{{ row.deadline }}", "TableCenter"),
            mt.para("{{ row.status }}", "TableCenter"),
            mt.para("{{ row.flag }}", "TableCenter"),
        ],
        "lagging.rows",
    )
    missing = mt.table(
        [560, 2600, 1200, 4485],
        ["序号", "单位", "情况", "说明"],
        [
            mt.para("{{ row.no }}", "TableCenter"),
            mt.para("{{ row.department }}", "TableText"),
            mt.para("{{ row.state }}", "TableCenter"),
            mt.para("{{ row.reason }}", "TableText"),
        ],
        "missing.rows",
    )
    body = (
        mt.letterhead()
        + mt.para("{{ addressee }}：", "Addressee")
        + _paragraphs("opening")
        + _block("counts", counts, intro=True)
        + _block("lagging", lagging, intro=True)
        + _block("missing", missing, intro=True)
        + mt.para("{{ requirements.heading }}", "Heading1")
        + mt.requirement_items()
        + _ending()
    )
    return mt.document(body)


def reminder_document() -> str:
    overdue = mt.table(
        [560, 4585, 900, 1400, 1400],
        ["序号", "任务", "本单位角色", "完成时限", "当前状态"],
        [
            mt.para("{{ row.no }}", "TableCenter"),
            mt.para("{{ row.task }}", "TableStrong") + mt.para("{{ row.text }}", "TableText"),
            mt.para("{{ row.role }}", "TableCenter"),
            mt.para("{{ row.deadline }}", "TableCenter"),
            mt.para("{{ row.status }}", "TableCenter"),
        ],
        "overdue.rows",
    )
    body = (
        mt.letterhead()
        + mt.para("{{ addressee }}：", "Addressee")
        + _paragraphs("body")
        + _block("overdue", overdue, intro=True)
        + _paragraphs("closing", keep_last=True)
        + _ending()
    )
    return mt.document(body)


def main() -> None:
    portrait = [mt.footer("right"), mt.footer("left")]
    made = {
        "progress.docx": mt.package(progress_document(), portrait, "任务进展通报模板"),
        "reminder.docx": mt.package(reminder_document(), portrait, "任务催办通知模板"),
    }
    for name, data in made.items():
        for folder in (HERE, HERE.parent / "matrix" / "resources"):
            (folder / name).write_bytes(data)
            print(f"wrote {folder / name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
