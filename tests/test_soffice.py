"""The one LibreOffice runner (matrix.readers.soffice): finding soffice, running it, ending it.

The Windows branches run here with the platform mocked (there is no Windows machine): the install
folders under a fake %ProgramFiles%, and the process calls captured.  The POSIX branches run real
processes: a shell script stands in for soffice (it prints, writes files, or hangs with a child
that would outlive a careless kill).  One test converts real documents and needs LibreOffice.
"""

from __future__ import annotations

import _thread
import ast
import io
import os
import subprocess
import sys
import threading
import time
from pathlib import Path, PureWindowsPath

import pytest
from conftest import soffice as libreoffice
from docx import Document as WordDocument

from matrix.errors import MatrixError, UsageError
from matrix.readers import soffice
from matrix.render import pdf as pdf_writer

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="uses a shell script as a stand-in soffice")

CREATE_NEW_PROCESS_GROUP = 0x00000200  # the values Windows' subprocess module defines
CREATE_NO_WINDOW = 0x08000000


def _stand_in(tmp_path: Path, script: str, name: str = "fake-soffice") -> Path:
    """An executable that stands in for soffice and runs ``script`` (sh)."""
    program = tmp_path / name
    program.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    program.chmod(0o755)
    return program


# Writes each file named after --outdir as <stem>.pdf in the --outdir folder, as soffice does.
_WRITES_PDFS = (
    "while [ $# -gt 0 ]; do\n"
    'case "$1" in --outdir) out=$2; shift;; /*) files="$files $1";; esac; shift; done\n'
    'for f in $files; do b=$(basename "$f"); echo "convert $f -> $out/${b%.*}.pdf using filter"; '
    'echo pdf > "$out/${b%.*}.pdf"; done\n'
)


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A machine with nothing on PATH, no MATRIX_SOFFICE and no Windows install roots; the empty PATH."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv(soffice.SOFFICE_ENV, raising=False)
    for variable in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        monkeypatch.delenv(variable, raising=False)
    return empty


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python as on Windows, as far as the runner can tell: sys.platform, subprocess's flags, no killpg."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(subprocess, "CREATE_NEW_PROCESS_GROUP", CREATE_NEW_PROCESS_GROUP, raising=False)
    monkeypatch.setattr(subprocess, "CREATE_NO_WINDOW", CREATE_NO_WINDOW, raising=False)
    monkeypatch.delattr(os, "killpg")


def _installed(root: Path, folder: str = "LibreOffice", name: str = "soffice.exe") -> Path:
    program = root / folder / "program" / name
    program.parent.mkdir(parents=True, exist_ok=True)
    program.write_bytes(b"MZ")
    return program


# --- finding LibreOffice ---------------------------------------------------------------------


def test_not_found_anywhere(nothing_installed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(soffice, "install_candidates", list)
    assert soffice.find_soffice() is None


def test_the_environment_variable_wins(
    nothing_installed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    portable = _stand_in(tmp_path, "exit 0\n", "portable-soffice")
    _stand_in(nothing_installed, "exit 0\n", "soffice")
    monkeypatch.setenv(soffice.SOFFICE_ENV, str(portable))
    assert soffice.find_soffice() == portable


@posix_only
def test_libreoffice_on_path_is_found_by_either_name(nothing_installed: Path) -> None:
    program = _stand_in(nothing_installed, "exit 0\n", "libreoffice")
    assert soffice.find_soffice(candidates=[]) == program
    preferred = _stand_in(nothing_installed, "exit 0\n", "soffice")
    assert soffice.find_soffice(candidates=[]) == preferred


def test_windows_program_files(
    windows: None, nothing_installed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    exe = _installed(tmp_path / "Program Files")
    assert soffice.find_soffice() == exe  # the install folders of the running OS: Windows'


def test_windows_32_bit_install_and_the_console_launcher_first(
    windows: None, nothing_installed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "Program Files"))
    monkeypatch.setenv("ProgramFiles(x86)", str(tmp_path / "Program Files (x86)"))
    exe = _installed(tmp_path / "Program Files (x86)", "LibreOffice 7")
    assert soffice.find_soffice() == exe
    console = _installed(tmp_path / "Program Files (x86)", "LibreOffice 7", "soffice.com")
    assert soffice.find_soffice() == console  # soffice.com passes LibreOffice's output on


def test_macos_application_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert soffice.install_candidates() == [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]


# --- the profile -------------------------------------------------------------------------------


def test_the_profile_is_a_file_url_on_windows_too() -> None:
    folder = PureWindowsPath(r"C:\Users\张 三\AppData\Local\Temp\matrix-soffice-x")
    assert soffice.profile_argument(folder) == (
        "-env:UserInstallation=file:///C:/Users/%E5%BC%A0%20%E4%B8%89/AppData/Local/Temp/matrix-soffice-x"
    )


@posix_only
def test_each_run_has_its_own_profile_and_leaves_none_behind(tmp_path: Path) -> None:
    record = tmp_path / "profiles.txt"
    program = _stand_in(tmp_path, f'echo "$1" >> "{record}"\n')
    for _ in range(2):
        soffice.run(program, [], timeout=30, label="PDF")
    first, second = record.read_text(encoding="utf-8").split()
    assert first.startswith("-env:UserInstallation=file:///") and first != second
    assert not Path(first.split("file://", 1)[1]).exists()


# --- Windows: starting and ending a run, with the process calls captured -------------------------


class _FakeProcess:
    """What subprocess.Popen returns, for a soffice that writes its PDFs, or hangs."""

    pid = 4242

    def __init__(self, command: list[str], *, hangs: bool, **kwargs: object) -> None:
        self.command, self.kwargs, self.hangs = command, kwargs, hangs
        self.stdout = io.StringIO(
            "convert C:\\work\\a.docx -> C:\\out\\a.pdf using filter : writer_pdf_Export\n"
        )
        self.killed = False
        self.returncode: int | None = None

    def wait(self, timeout: float | None = None) -> int:
        if self.hangs and not self.killed:
            assert timeout is not None
            raise subprocess.TimeoutExpired(self.command, timeout)
        outdir = Path(self.command[self.command.index("--outdir") + 1])
        for source in self.command[self.command.index("--outdir") + 2 :]:
            (outdir / (Path(source).stem + ".pdf")).write_bytes(b"%PDF")
        self.returncode = 0
        return 0

    def kill(self) -> None:
        self.killed = True


class _Captured:
    def __init__(self, hangs: bool) -> None:
        self.hangs = hangs
        self.started: list[_FakeProcess] = []
        self.ran: list[tuple[list[str], dict[str, object]]] = []

    def popen(self, command: list[str], **kwargs: object) -> _FakeProcess:
        process = _FakeProcess(command, hangs=self.hangs, **kwargs)
        self.started.append(process)
        return process

    def run(self, command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        self.ran.append((command, kwargs))
        for process in self.started:
            process.killed = True
        return subprocess.CompletedProcess(command, 0, b"", b"")


def _capture(monkeypatch: pytest.MonkeyPatch, *, hangs: bool) -> _Captured:
    captured = _Captured(hangs)
    monkeypatch.setattr(subprocess, "Popen", captured.popen)
    monkeypatch.setattr(subprocess, "run", captured.run)
    return captured


def test_windows_run_starts_in_a_new_process_group_without_a_window(
    windows: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    captured = _capture(monkeypatch, hangs=False)
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    told: list[str] = []
    program = Path("C:/Program Files/LibreOffice/program/soffice.com")
    (pdf,) = soffice.convert(
        [source], "pdf", tmp_path / "out", program=program, timeout=60, on_file=told.append
    )
    assert pdf == tmp_path / "out" / "a.pdf" and pdf.read_bytes() == b"%PDF"
    (process,) = captured.started
    assert process.command[0] == str(program)
    assert process.command[1].startswith("-env:UserInstallation=file:///")
    flags = process.kwargs["creationflags"]
    assert isinstance(flags, int)
    assert flags & CREATE_NEW_PROCESS_GROUP and flags & CREATE_NO_WINDOW
    assert "start_new_session" not in process.kwargs  # a POSIX-only option
    assert told == ["a.docx"] and captured.ran == []


def test_windows_timeout_ends_the_tree_with_taskkill(
    windows: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    captured = _capture(monkeypatch, hangs=True)
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    with pytest.raises(soffice.SofficeTimeoutError) as caught:
        soffice.convert([source], "pdf", tmp_path / "out", program=Path("soffice.exe"), timeout=5)
    assert caught.value.message == "LibreOffice 在 5 秒内未完成 PDF 转换, 已中止"
    ((command, kwargs),) = captured.ran
    assert command == ["taskkill", "/PID", "4242", "/T", "/F"]  # /T: soffice.bin, the child, too
    assert kwargs["creationflags"] == CREATE_NO_WINDOW
    assert captured.started[0].killed


# --- POSIX: real processes ------------------------------------------------------------------------


@posix_only
def test_a_run_that_hangs_is_ended_with_its_children(tmp_path: Path) -> None:
    # The stand-in starts a child that would outlive a careless kill, as soffice.bin does.
    marker = tmp_path / "child-still-running"
    program = _stand_in(tmp_path, f'echo started\n(sleep 3; touch "{marker}") &\nsleep 30\n')
    said: list[str] = []
    started = time.monotonic()
    with pytest.raises(soffice.SofficeTimeoutError) as caught:
        soffice.run(program, [], timeout=1, label="PDF", on_line=said.append)
    assert time.monotonic() - started < 10 and caught.value.timeout == 1
    assert said == ["started"]  # lines arrive as they are printed, before the end
    time.sleep(3.5)
    assert not marker.exists(), "the launcher's child was left running"


@posix_only
def test_ctrl_c_ends_the_run_with_its_children(tmp_path: Path) -> None:
    marker = tmp_path / "child-still-running"
    program = _stand_in(tmp_path, f'(sleep 3; touch "{marker}") &\nsleep 30\n')
    timer = threading.Timer(1, _thread.interrupt_main)
    timer.start()
    started = time.monotonic()
    try:
        with pytest.raises(KeyboardInterrupt):
            soffice.run(program, [], timeout=60, label="PDF")
    finally:
        timer.cancel()
    assert time.monotonic() - started < 10
    time.sleep(3.5)
    assert not marker.exists(), "Ctrl+C left LibreOffice running"


@posix_only
def test_files_converted_in_one_run_in_order_with_progress(tmp_path: Path) -> None:
    runs = tmp_path / "runs.txt"
    program = _stand_in(tmp_path, f'echo run >> "{runs}"\n' + _WRITES_PDFS)
    sources = [tmp_path / "b.docx", tmp_path / "a.docx"]
    for source in sources:
        source.write_bytes(b"PK")
    told: list[str] = []
    pdfs = soffice.convert(sources, "pdf", tmp_path / "out", program=program, timeout=30, on_file=told.append)
    assert pdfs == [tmp_path / "out" / "b.pdf", tmp_path / "out" / "a.pdf"]
    assert told == ["b.docx", "a.docx"] and runs.read_text() == "run\n"


@posix_only
def test_a_file_left_unwritten_is_named_with_libreoffices_reason(tmp_path: Path) -> None:
    program = _stand_in(
        tmp_path,
        "echo 'javaldx: Could not find a Java Runtime'\necho 'Error: source file could not be loaded'\n",
    )
    source = tmp_path / "broken.docx"
    source.write_bytes(b"x")
    with pytest.raises(soffice.SofficeOutputError) as caught:
        soffice.convert([source], "pdf", tmp_path / "out", program=program, timeout=30)
    error = caught.value
    assert error.missing == ["broken.pdf"] and error.detail == "Error: source file could not be loaded"
    assert (
        error.message == "LibreOffice 未能转换 broken.pdf (退出码 0): Error: source file could not be loaded"
    )


@posix_only
def test_an_older_result_in_the_folder_does_not_pass_for_this_runs(tmp_path: Path) -> None:
    program = _stand_in(tmp_path, "echo 'Error: source file could not be loaded'\n")
    source = tmp_path / "a.docx"
    source.write_bytes(b"x")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.pdf").write_bytes(b"%PDF of yesterday")
    with pytest.raises(soffice.SofficeOutputError):
        soffice.convert([source], "pdf", tmp_path / "out", program=program, timeout=30)


@posix_only
def test_a_failing_exit_after_every_file_is_written_is_no_failure(tmp_path: Path) -> None:
    # LibreOffice sometimes crashes on its way out; the files it wrote are whole.
    program = _stand_in(tmp_path, _WRITES_PDFS + "exit 139\n")
    source = tmp_path / "a.docx"
    source.write_bytes(b"PK")
    (pdf,) = soffice.convert([source], "pdf", tmp_path / "out", program=program, timeout=30)
    assert pdf.read_text() == "pdf\n"


def test_a_program_that_cannot_start(tmp_path: Path) -> None:
    program = tmp_path / "soffice"
    program.write_text("not a program", encoding="utf-8")  # not executable
    with pytest.raises(soffice.SofficeStartError) as caught:
        soffice.run(program, [], timeout=30, label="PDF")
    assert caught.value.message.startswith(f"无法启动 LibreOffice ({program}): ")


@posix_only
def test_letters_pdfs_go_through_the_runner_with_the_font_aliases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "seen.txt"
    program = _stand_in(
        tmp_path, f'echo "$FONTCONFIG_FILE" > "{seen}"\necho "$@" >> "{seen}"\n' + _WRITES_PDFS
    )
    monkeypatch.setenv(soffice.SOFFICE_ENV, str(program))
    source = tmp_path / "01-市科技局.docx"
    source.write_bytes(b"PK")
    (pdf,) = pdf_writer.convert([source], tmp_path / "pdf", keep_blank_pages=True)
    assert pdf == tmp_path / "pdf" / "01-市科技局.pdf"
    fonts, arguments = seen.read_text(encoding="utf-8").splitlines()
    assert fonts == str(pdf_writer.fonts_conf()) and Path(fonts).is_file()
    assert f"--convert-to {pdf_writer.PDF_FILTER}{pdf_writer.KEEP_BLANK_PAGES} " in arguments


def test_without_libreoffice_pdfs_say_how_to_get_it(
    nothing_installed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(soffice, "install_candidates", list)
    with pytest.raises(UsageError) as caught:
        pdf_writer.convert([tmp_path / "a.docx"], tmp_path / "pdf")
    assert caught.value.message == pdf_writer.INSTALL_HINT


# --- the layer ------------------------------------------------------------------------------------


def test_the_runner_imports_nothing_of_matrix_but_its_errors() -> None:
    tree = ast.parse(Path(soffice.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("matrix")
    }
    imported |= {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    } & {"matrix"}
    assert imported == {"matrix.errors"}
    assert issubclass(soffice.ConversionError, MatrixError)


# --- with LibreOffice ------------------------------------------------------------------------------


def test_real_libreoffice_converts_two_documents_in_one_run(tmp_path: Path) -> None:
    program = Path(libreoffice())
    sources = []
    for name, text in (("甲 通知.docx", "关于推进改革的通知"), ("-乙.docx", "市科技局")):
        word = WordDocument()
        word.add_paragraph(text)
        word.save(str(tmp_path / name))
        sources.append(tmp_path / name)
    told: list[str] = []
    pdfs = soffice.convert(
        sources, pdf_writer.PDF_FILTER, tmp_path / "pdf", program=program, timeout=300, on_file=told.append
    )
    assert [p.name for p in pdfs] == ["甲 通知.pdf", "-乙.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert sorted(told) == sorted(p.name for p in sources)
