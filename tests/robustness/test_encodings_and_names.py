"""Issue 14, items 9 and 12: encoding and settings errors, names that make bad file names, Ctrl-C.

A damaged UTF-16 file and a settings file nested 5,000 deep get a plain message (exit 2); a
right-to-left override never reaches a file name; a name of 120 characters outside the BMP gives
file names every file system takes; Ctrl-C says 已中止 and exits 130.  The parser's own cases of
item 12 (a name longer than 30 characters) and item 10 are the parser's, tested with it.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest

from matrix.paths import safe_filename

PLAN = "一、任务\n1.甲。（市财政局牵头，市商务局参与）\n"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + PLAN.encode("utf-16-le") + b"A",  # an odd trailing byte
        codecs.BOM_UTF16_LE + (PLAN + "\ud800").encode("utf-16-le", "surrogatepass"),  # a lone surrogate
        codecs.BOM_UTF8 + PLAN.encode("utf-8") + b"\xff\xfe\xfd",  # UTF-8 with a BOM and bad bytes
    ],
    ids=["utf16-odd-byte", "utf16-lone-surrogate", "utf8-bom-bad-bytes"],
)
def test_a_damaged_encoding_is_a_message(tmp_path: Path, data: bytes) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_bytes(data)
    run = _run("check", str(plan))
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert "plan.txt" in run.stderr and "编码" in run.stderr, run.stderr


def test_settings_nested_5000_deep_is_a_message(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    plan.with_suffix(".toml").write_text("[letter]\ncc = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    run = _run("check", str(plan))
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert "plan.toml" in run.stderr, run.stderr


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_a_right_to_left_override_never_reaches_a_file_name(tmp_path: Path) -> None:
    assert safe_filename("市财政局\u202excod.exe") == "市财政局xcod.exe"
    plan = tmp_path / "plan.txt"
    plan.write_text("一、任务\n1.甲。（市财\u202e政局牵头，市商务局参与）\n", encoding="utf-8")
    out = tmp_path / "out"
    run = _run("build", str(plan), "-o", str(out))
    assert run.returncode == 0, run.stderr
    names = [p.name for p in out.rglob("*")]
    assert any("市财" in n for n in names)
    assert not [n for n in names if set(n) & set(BIDI)]


def test_a_settings_name_of_120_characters_beyond_the_bmp_gives_names_every_system_takes(
    tmp_path: Path,
) -> None:
    long_name = "\U00020000" * 120
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    plan.with_suffix(".toml").write_text(
        f'[departments."{long_name}"]\naliases = ["市财政局"]\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    run = _run("build", str(plan), "-o", str(out))
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    letters = [p.name for p in (out / "letters").iterdir() if "\U00020000" in p.name]
    assert letters
    for name in letters:
        assert len(name.encode("utf-8")) <= 200  # 255 bytes on Linux, leaving room for a dated copy
        assert len(name.encode("utf-16-le")) // 2 <= 200  # 255 UTF-16 units on Windows


_INTERRUPTED = """
import os, signal, sys
import matrix.build.sync
def interrupted(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C in the middle of the build
    signal.pause() if hasattr(signal, "pause") else None
matrix.build.sync.write_build = interrupted
import matrix.build.plan
matrix.build.plan.write_build = interrupted
from matrix.cli import main
main(sys.argv[1:])
"""


def test_ctrl_c_says_aborted_and_exits_130(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED, "build", str(plan), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ},
    )
    assert run.returncode == 130, run.stderr
    assert "已中止" in run.stderr and "Traceback" not in run.stderr, run.stderr
