"""The one LibreOffice runner: find ``soffice`` and convert files with it, on Linux, macOS and Windows.

Every conversion matrix makes (an old .doc or .wps plan to .docx, an .xls calamine cannot open to
.xlsx, letters to PDF, a preview, the guide's PDF) is one headless ``soffice`` run made here:

- with a throwaway user profile (``-env:UserInstallation=file:///…``), so it works while the user
  has LibreOffice open, two runs never share a profile, and no settings are left behind;
- with a time limit, after which the whole process tree ends: ``soffice`` is a launcher and the
  work happens in its child ``soffice.bin``, which a plain kill would leave running.  On POSIX the
  run gets its own session and its process group is killed; Windows has no process groups of that
  kind (nor ``os.killpg``), so there the run gets a new process group and ``taskkill /T /F`` ends
  the tree.  Ctrl+C ends the tree as well.

Failures are :class:`ConversionError` kinds with a plain sentence.  The absence of LibreOffice is
worded by the caller, who knows what the user was doing (reading a plan, making PDFs).

This module knows files and programs only; it imports nothing of matrix but its errors.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from matrix.errors import MatrixError

SOFFICE_ENV = "MATRIX_SOFFICE"
"""Environment variable naming the LibreOffice program, for a portable or unusual install."""

PROGRAM_NAMES = ("soffice", "libreoffice")
"""The names LibreOffice's program goes by on PATH (Windows adds .com/.exe through PATHEXT)."""

_WINDOWS_FOLDERS = ("LibreOffice", "LibreOffice 7", "LibreOffice 24", "LibreOffice 25")
_WINDOWS_ROOTS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA")
# soffice.com first: the console launcher passes LibreOffice's output on (its progress and its
# reason for failing); soffice.exe, the GUI launcher, says nothing.
_WINDOWS_PROGRAMS = ("soffice.com", "soffice.exe")
_MACOS_PROGRAM = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
_POSIX_PROGRAMS = (Path("/usr/lib/libreoffice/program/soffice"), Path("/opt/libreoffice/program/soffice"))


class ConversionError(MatrixError):
    """LibreOffice was there but did not convert: it would not start, ran out of time, or wrote no file."""


class SofficeStartError(ConversionError):
    """The LibreOffice program could not be started (not executable, gone, blocked)."""


class SofficeTimeoutError(ConversionError):
    """A run took longer than its time limit; its whole process tree was ended."""

    def __init__(self, message: str, *, timeout: float) -> None:
        super().__init__(message)
        self.timeout = timeout


class SofficeOutputError(ConversionError):
    """A run ended without writing every file asked for (a damaged file, or not a document)."""

    def __init__(self, message: str, *, missing: list[str], code: int, detail: str) -> None:
        super().__init__(message)
        self.missing, self.code, self.detail = missing, code, detail


@dataclass(frozen=True)
class Finished:
    """A run that ended by itself: its exit code and what it printed, line by line."""

    code: int
    output: list[str]

    def detail(self) -> str:
        """LibreOffice's last words, without the Java warning it prints on every run; or the exit code."""
        said = [line.strip() for line in self.output if line.strip() and "javaldx" not in line]
        return said[-1] if said else f"退出码 {self.code}"


# --- finding LibreOffice ---------------------------------------------------------------------------


def windows_candidates() -> list[Path]:
    """Where LibreOffice's installers put the program on Windows, 64- and 32-bit, machine or user."""
    out: list[Path] = []
    for variable in _WINDOWS_ROOTS:
        root = os.environ.get(variable)
        if root:
            for folder in _WINDOWS_FOLDERS:
                out.extend(Path(root) / folder / "program" / name for name in _WINDOWS_PROGRAMS)
    return out


def install_candidates() -> list[Path]:
    """The install locations to look in when soffice is not on PATH, for the running OS."""
    if sys.platform == "win32":
        return windows_candidates()
    if sys.platform == "darwin":
        return [_MACOS_PROGRAM]
    return list(_POSIX_PROGRAMS)


def find_soffice(*, search_path: str | None = None, candidates: Iterable[Path] | None = None) -> Path | None:
    """The LibreOffice program to run, or None when it is not installed.

    Looks at ``$MATRIX_SOFFICE``, then ``soffice`` and ``libreoffice`` on ``search_path`` (PATH by
    default), then the usual install folders (``C:\\Program Files\\LibreOffice\\program`` …).
    """
    named = os.environ.get(SOFFICE_ENV)
    if named and Path(named).is_file():
        return Path(named)
    for name in PROGRAM_NAMES:
        found = shutil.which(name, path=search_path)
        if found:
            return Path(found)
    for candidate in install_candidates() if candidates is None else candidates:
        if candidate.is_file():
            return candidate
    return None


# --- running it ----------------------------------------------------------------------------------


def profile_argument(folder: PurePath) -> str:
    """The option that gives a run its own user profile in ``folder`` (an absolute path).

    LibreOffice wants a file URL: ``file:///tmp/x`` on POSIX, ``file:///C:/Users/…`` on Windows,
    with spaces and Chinese letters percent-encoded, which is what :meth:`PurePath.as_uri` makes.
    """
    return f"-env:UserInstallation={folder.as_uri()}"


def _start(command: list[str], env: Mapping[str, str] | None) -> subprocess.Popen[str]:
    """``command`` started in a process group of its own, so that its whole tree can be ended."""
    environment = None if env is None else {**os.environ, **env}
    # Windows has no sessions: a new process group there, ended by taskkill /T (see end_tree)
    group: dict[str, Any] = {"start_new_session": True}
    if sys.platform == "win32":
        group = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW}
    return subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        env=environment,
        **group,
    )


def end_tree(process: subprocess.Popen[str]) -> None:
    """End ``process`` and every process it started (soffice.bin), then reap it."""
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/PID", str(process.pid), "/T", "/F"],
            capture_output=True,
            check=False,
            creationflags=subprocess.CREATE_NO_WINDOW,
        )
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()
    process.wait()


def run(
    program: Path,
    arguments: Sequence[str],
    *,
    timeout: float,
    label: str,
    env: Mapping[str, str] | None = None,
    on_line: Callable[[str], None] | None = None,
) -> Finished:
    """Run LibreOffice headless with ``arguments``, a throwaway profile and a time limit.

    ``label`` names what the run makes (``PDF``) in the message of a timeout; ``env`` adds
    variables to the environment; ``on_line`` is told each line LibreOffice prints, as it prints it.
    Raises :class:`SofficeStartError` when the program cannot start and :class:`SofficeTimeoutError`
    (after ending the process tree) when it runs out of time.
    """
    with tempfile.TemporaryDirectory(prefix="matrix-soffice-", ignore_cleanup_errors=True) as profile:
        command = [
            str(program),
            profile_argument(Path(profile).resolve()),
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            *arguments,
        ]
        try:
            process = _start(command, env)
        except OSError as exc:
            raise SofficeStartError(f"无法启动 LibreOffice ({program}): {exc}") from exc
        output: list[str] = []

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                output.append(line.rstrip("\r\n"))
                if on_line is not None:
                    on_line(output[-1])

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            end_tree(process)
            reader.join(timeout=5)
            raise SofficeTimeoutError(
                f"LibreOffice 在 {timeout:.0f} 秒内未完成 {label} 转换, 已中止", timeout=timeout
            ) from None
        except BaseException:  # Ctrl+C, or the caller's thread stopped: leave nothing running
            end_tree(process)
            raise
        reader.join(timeout=5)
    return Finished(code, output)


def converted_name(source: PurePath, target: str) -> str:
    """The name LibreOffice gives ``source`` converted to ``target`` (``pdf:writer_pdf_Export`` → .pdf)."""
    return f"{source.stem}.{target.split(':', 1)[0]}"


def convert(
    files: Sequence[Path],
    target: str,
    outdir: Path,
    *,
    program: Path,
    timeout: float,
    options: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    on_file: Callable[[str], None] | None = None,
) -> list[Path]:
    """Convert ``files`` to ``target`` (``docx``, ``xlsx``, ``pdf:writer_pdf_Export`` …) in ``outdir``,
    all in one run; the written files, in the same order.

    ``options`` go before ``--convert-to`` (an ``--infilter=…``); ``on_file`` is told each source
    file's name as LibreOffice reports it done.  Files must have distinct names.  Raises a
    :class:`ConversionError` kind when LibreOffice will not start, runs out of time, or leaves a
    file unwritten or empty (it ran; the exit code alone decides nothing, since LibreOffice
    sometimes fails on its way out after writing everything).
    """
    outdir.mkdir(parents=True, exist_ok=True)

    def line(text: str) -> None:
        if on_file is not None and text.startswith("convert "):
            source = text[len("convert ") :].split(" -> ")[0]
            on_file((PureWindowsPath if sys.platform == "win32" else PurePosixPath)(source).name)

    written = [outdir / converted_name(f, target) for f in files]
    for source, result in zip(files, written, strict=True):
        if result.absolute() != source.absolute():  # an older result must not pass for this run's
            result.unlink(missing_ok=True)
    # absolute paths: a file name starting with "-" is then never read as an option
    sources = [str(f.absolute()) for f in files]
    finished = run(
        program,
        [*options, "--convert-to", target, "--outdir", str(outdir.absolute()), *sources],
        timeout=timeout,
        label=target.split(":", 1)[0].upper(),
        env=env,
        on_line=line,
    )
    missing = [p.name for p in written if not p.is_file() or p.stat().st_size == 0]
    if missing:
        detail = finished.detail()
        raise SofficeOutputError(
            f"LibreOffice 未能转换 {', '.join(missing)} (退出码 {finished.code}): {detail}",
            missing=missing,
            code=finished.code,
            detail=detail,
        )
    return written
