"""Old Word (.doc) and WPS (.wps) plans through LibreOffice: its absence, time limits, what a clerk is told.

Finding LibreOffice and running it (Windows included) are tested with the runner, in test_soffice.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest
from conftest import DEFAULT_PLAN
from conftest import soffice as libreoffice
from docx import Document as WordDocument

from matrix.api import parse_plan
from matrix.errors import InputError
from matrix.readers import read_document, soffice
from matrix.readers.convert import convert_file
from matrix.settings import load_settings

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="uses a shell script as a stand-in soffice")


@pytest.fixture
def no_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine without LibreOffice: nothing on PATH, nothing in the install folders."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv(soffice.SOFFICE_ENV, raising=False)
    monkeypatch.setattr(soffice, "install_candidates", list)


def _stand_in(tmp_path: Path, script: str) -> Path:
    """An executable that stands in for soffice and runs ``script`` (sh)."""
    program = tmp_path / "fake-soffice"
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(0o755)
    return program


def _word_plan(path: Path, text: str) -> None:
    word = WordDocument()
    for line in text.splitlines():
        word.add_paragraph(line)
    word.save(str(path))


# --- without LibreOffice, or when it misbehaves -----------------------------------------------


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_without_libreoffice_the_message_names_the_fix(
    no_libreoffice: None, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"计划{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(InputError) as caught:
        read_document(path)
    message = caught.value.message
    assert "LibreOffice" in message and "安装" in message and "另存为 .docx" in message
    assert suffix in message and caught.value.path == str(path)


def test_a_docx_saved_as_doc_needs_no_libreoffice(no_libreoffice: None, tmp_path: Path) -> None:
    path = tmp_path / "plan.doc"
    _word_plan(path, "一、重点任务\n1.推进改革（市财政局牵头，市税务局参与）。")
    document = read_document(path)
    assert document.kind == "doc" and document.source == str(path)
    assert [line.text for line in document.lines] == [
        "一、重点任务",
        "1.推进改革（市财政局牵头，市税务局参与）。",
    ]


@posix_only
def test_a_conversion_that_hangs_is_stopped(tmp_path: Path) -> None:
    # The stand-in starts a child that would outlive a careless kill, as soffice.bin does.
    marker = tmp_path / "child-still-running"
    program = _stand_in(tmp_path, f'(sleep 3; touch "{marker}") &\nsleep 30\n')
    source = tmp_path / "plan.doc"
    source.write_bytes(b"x" * 100)
    started = time.monotonic()
    with pytest.raises(InputError, match="超时"):
        convert_file(source, "docx", tmp_path / "out", timeout=1, soffice=program)
    assert time.monotonic() - started < 10
    time.sleep(3.5)
    assert not marker.exists(), "the launcher's child was left running"


@posix_only
def test_a_conversion_that_writes_nothing_is_an_input_error(tmp_path: Path) -> None:
    program = _stand_in(tmp_path, 'echo "Error: source file could not be loaded"\n')
    source = tmp_path / "plan.wps"
    source.write_bytes(b"x" * 100)
    with pytest.raises(InputError, match="could not be loaded"):
        convert_file(source, "docx", tmp_path / "out", soffice=program)


@posix_only
def test_soffice_gets_a_private_profile_and_a_plain_file_name(tmp_path: Path) -> None:
    args_file = tmp_path / "args.txt"
    # Records its arguments, then writes the output where --outdir says, as soffice does.
    program = _stand_in(
        tmp_path,
        f'printf "%s\\n" "$@" > "{args_file}"\n'
        'while [ $# -gt 1 ]; do [ "$1" = --outdir ] && out=$2; shift; done\n'
        'mkdir -p "$out" && echo converted > "$out/input.docx"\n',
    )
    source = tmp_path / "-odd name 计划.doc"
    source.write_bytes(b"x" * 100)
    written = convert_file(source, "docx", tmp_path / "out", soffice=program)
    assert written == tmp_path / "out" / "-odd name 计划.docx" and written.read_text() == "converted\n"
    args = args_file.read_text(encoding="utf-8").splitlines()
    assert args[0].startswith("-env:UserInstallation=file:///") and "--headless" in args
    assert args[-1].endswith("input.doc")
    assert not list(tmp_path.glob(".~lock*")), "no lock file beside the user's file"


# --- with LibreOffice: the default plan as .doc and .wps --------------------------------------


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_the_default_plan_as_doc_parses_like_the_text(tmp_path: Path, suffix: str) -> None:
    program = Path(libreoffice())
    docx = tmp_path / "plan.docx"
    _word_plan(docx, DEFAULT_PLAN.read_text(encoding="utf-8"))
    doc = convert_file(docx, "doc", tmp_path / "doc", soffice=program)
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # a real binary Word file
    # Kingsoft WPS files are read by LibreOffice by their content; a .doc renamed is one such.
    plan_file = doc if suffix == ".doc" else Path(shutil.copyfile(doc, tmp_path / "plan.wps"))

    def roles(path: Path) -> list[tuple[tuple[str, ...], list[str], list[str]]]:
        plan = parse_plan(path, load_settings(DEFAULT_PLAN))
        return [(t.outline, t.leads, t.participants) for t in plan.tasks]

    expected = roles(DEFAULT_PLAN)
    assert len(expected) == 25
    assert roles(plan_file) == expected
    assert read_document(plan_file).kind == suffix[1:]
