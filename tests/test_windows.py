"""Windows on any OS: a GBK console never breaks the output, and file names stay valid on Windows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEFAULT_PLAN
from hypothesis import given
from hypothesis import strategies as st

from matrix.paths import numbered_names, safe_filename

# --- a GBK console (cmd.exe on a Chinese Windows) ---------------------------------------------


def _run_gbk(*args: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m matrix ARGS`` as on a console whose encoding is GBK; output left as bytes."""
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONUTF8": "0"}
    return subprocess.run([sys.executable, "-m", "matrix", *args], capture_output=True, env=env, check=False)


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_parse_on_a_gbk_console(fmt: str) -> None:
    run = _run_gbk("parse", str(DEFAULT_PLAN), "--format", fmt)
    assert run.returncode == 0, run.stderr.decode("gbk", "replace")
    text = run.stdout.decode("gbk")  # strict: every byte is GBK
    assert "市科技局" in text and "市发改委" in text
    assert b"Traceback" not in run.stderr


def test_a_character_gbk_lacks_is_replaced_not_fatal(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("一、任务\n1.推进改革✅落实。（市财政局牵头，市税务局参与）\n", encoding="utf-8")
    run = _run_gbk("parse", str(plan))
    assert run.returncode == 0, run.stderr.decode("gbk", "replace")
    text = run.stdout.decode("gbk")
    assert "市财政局" in text and "推进改革?落实" in text


def test_an_error_on_a_gbk_console_is_readable(tmp_path: Path) -> None:
    run = _run_gbk("parse", str(tmp_path / "没有这个计划✅.txt"))
    assert run.returncode == 2
    message = run.stderr.decode("gbk")
    assert "找不到文件" in message and "Traceback" not in message


# --- file names that Windows accepts -----------------------------------------------------------

_WINDOWS_DEVICES = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{d}" for d in "123456789¹²³"),
    *(f"LPT{d}" for d in "123456789¹²³"),
}


def valid_on_windows(name: str) -> bool:
    """Whether Windows accepts ``name`` as a file name, by the rules of its documentation.

    No ``< > : " / \\ | ? *`` or control characters, no trailing dot or space, not a device name
    alone or with an extension (``NUL``, ``nul.txt``), and not too long.
    """
    if not name or len(name) > 255:
        return False
    if any(ch in '<>:"/\\|?*' or ord(ch) < 32 for ch in name):
        return False
    if name[-1] in " .":
        return False
    return name.split(".")[0].upper() not in _WINDOWS_DEVICES


@pytest.mark.parametrize("device", sorted(_WINDOWS_DEVICES))
@pytest.mark.parametrize("form", ["{}", "{}.docx", "{}.tar.gz", "lower", "{} "])
def test_device_names_in_every_form(device: str, form: str) -> None:
    name = device.lower() if form == "lower" else form.format(device)
    cleaned = safe_filename(name)
    assert valid_on_windows(cleaned), cleaned
    assert valid_on_windows(cleaned + ".docx")


@pytest.mark.parametrize(
    "name",
    [
        'A<B>C:D"E/F\\G|H?I*J',
        "市局\x00\x07\x1f办公室",
        "市局...",
        "市局 . . ",
        " . ",
        "",
        "../../etc/passwd",
        "..\\..\\Windows\\System32",
        "C:\\Users\\局",
        "局" * 300,
    ],
)
def test_forbidden_characters_and_shapes(name: str) -> None:
    cleaned = safe_filename(name)
    assert valid_on_windows(cleaned) and len(cleaned) <= 80
    assert "/" not in cleaned and "\\" not in cleaned and ".." not in cleaned


def test_full_width_punctuation_is_kept() -> None:
    # Full-width ： ？ ＊ ＂ are ordinary characters on Windows: the department's name stays as written.
    assert safe_filename("市委办：督查室？") == "市委办：督查室？"


@pytest.mark.parametrize("name", ["CONIN$", "conout$.docx"])
def test_console_device_names(name: str) -> None:
    cleaned = safe_filename(name)
    assert cleaned.split(".")[0].upper() not in {"CONIN$", "CONOUT$"}


@given(st.text(max_size=120))
def test_any_name_becomes_a_valid_windows_file_name(name: str) -> None:
    cleaned = safe_filename(name)
    assert valid_on_windows(cleaned), repr(cleaned)
    assert valid_on_windows(cleaned + ".docx")


@given(st.lists(st.text(max_size=20), max_size=12))
def test_numbered_names_never_collide_on_a_case_blind_file_system(names: list[str]) -> None:
    out = numbered_names(names, ".docx")
    assert len({n.casefold() for n in out}) == len(out)
    assert all(valid_on_windows(n) for n in out)


def test_names_that_differ_only_in_case_get_different_files() -> None:
    out = numbered_names(["ABC局", "abc局"], ".docx")
    assert out[0].casefold() != out[1].casefold()
