"""Start-up: ``matrix parse`` and ``matrix --help`` never import the Word and Excel writers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HEAVY = ("docx", "docxtpl", "openpyxl", "lxml", "matrix.views.letters", "matrix.render.xlsx.workbook")
_PROBE = """
import sys
from matrix.cli import main
try:
    main({args!r})
except SystemExit:
    pass
print("imported:" + ",".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def _imported(args: list[str]) -> list[str]:
    # A fresh interpreter: in this one, other tests have long since imported the writers.
    run = subprocess.run(
        [sys.executable, "-c", _PROBE.format(args=args, heavy=HEAVY)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    line = run.stderr.splitlines()[-1]
    assert line.startswith("imported:"), run.stderr
    return [m for m in line.removeprefix("imported:").split(",") if m]


def test_parse_imports_no_writer(default_plan: Path) -> None:
    assert _imported(["parse", str(default_plan), "--format", "json"]) == []


def test_help_imports_no_writer() -> None:
    assert _imported(["--help"]) == []
