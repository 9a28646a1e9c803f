"""Old Word (.doc) and WPS (.wps) plans, read by converting them with LibreOffice to .docx.

matrix does not parse the binary Word format itself: LibreOffice already does, well.  A
conversion runs one headless ``soffice`` process with a throw-away profile (so it works while the
user has LibreOffice open, and leaves no settings behind) and a time limit, on a copy of the file
in a temporary folder (so no lock file appears beside the user's file).  The .docx it writes is
read by :func:`matrix.readers.docx.read_docx`; line numbers are that .docx's paragraph numbers.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from matrix.errors import InputError
from matrix.model import Document

CONVERT_TIMEOUT = 120.0
"""Seconds one conversion may take; a first run with a fresh profile takes a few seconds."""

SOFFICE_ENV = "MATRIX_SOFFICE"
"""Environment variable naming the LibreOffice program, for a portable or unusual install."""

_NO_LIBREOFFICE = (
    "读取 {suffix} 文件需要 LibreOffice, 但本机没有找到它。请安装 LibreOffice "
    "(https://www.libreoffice.org, 安装后无需打开), 或在 {save_as}后再试"
)
_SAVE_AS = {"xlsx": "Excel / WPS 中把文件另存为 .xlsx "}
"""How a clerk makes the file readable without LibreOffice, by the format it is converted to."""
_SAVE_AS_DOCX = "Word / WPS 中把文件另存为 .docx "


def _windows_candidates() -> list[Path]:
    """Where the LibreOffice installer puts soffice on Windows, 64- and 32-bit."""
    out: list[Path] = []
    for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
        base = os.environ.get(var)
        if base:
            for folder in ("LibreOffice", "LibreOffice 7", "LibreOffice 24", "LibreOffice 25"):
                out.append(Path(base) / folder / "program" / "soffice.exe")
    return out


def default_candidates() -> list[Path]:
    """Install locations to look in when soffice is not on PATH, for the running OS."""
    if sys.platform == "win32":
        return _windows_candidates()
    if sys.platform == "darwin":
        return [Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")]
    return [Path("/usr/lib/libreoffice/program/soffice"), Path("/opt/libreoffice/program/soffice")]


def find_soffice(*, search_path: str | None = None, candidates: Iterable[Path] | None = None) -> Path | None:
    """The LibreOffice program to run, or None when it is not installed.

    Looks at ``$MATRIX_SOFFICE``, then ``soffice`` and ``libreoffice`` on ``search_path`` (PATH by
    default), then the usual install folders (``C:\\Program Files\\LibreOffice\\program`` ...).
    """
    named = os.environ.get(SOFFICE_ENV)
    if named and Path(named).is_file():
        return Path(named)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name, path=search_path)
        if found:
            return Path(found)
    for candidate in default_candidates() if candidates is None else candidates:
        if candidate.is_file():
            return candidate
    return None


def _kill_tree(proc: subprocess.Popen[bytes]) -> None:
    # soffice is a launcher: the work happens in a child (soffice.bin), which must die too.
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
    else:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    proc.kill()
    proc.wait()


def _run(command: Sequence[str], timeout: float) -> tuple[int, str]:
    """Run ``command`` in its own process group; its exit code and output, or TimeoutError."""
    if sys.platform == "win32":
        proc = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            creationflags=subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW,
        )
    else:
        proc = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_tree(proc)
        raise TimeoutError from None
    return proc.returncode, out.decode("utf-8", "replace")


def convert_file(
    source: Path,
    target: str,
    outdir: Path,
    *,
    timeout: float = CONVERT_TIMEOUT,
    soffice: Path | None = None,
) -> Path:
    """Convert ``source`` with LibreOffice to format ``target`` (docx, pdf, odt ...) in ``outdir``.

    Returns the written file.  Raises :class:`InputError` when LibreOffice is not installed, takes
    longer than ``timeout`` seconds, or writes nothing (the file is damaged or not a document).
    """
    program = soffice or find_soffice()
    save_as = _SAVE_AS.get(target, _SAVE_AS_DOCX)
    if program is None:
        suffix = source.suffix.lower() or "此类"
        raise InputError(_NO_LIBREOFFICE.format(suffix=suffix, save_as=save_as), path=str(source))
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="matrix-soffice-") as scratch:
        work = Path(scratch)
        # A plain ASCII name: no option-like or odd names reach soffice, and no lock file appears
        # beside the user's file.
        copy = work / ("input" + source.suffix.lower())
        shutil.copyfile(source, copy)
        profile = work / "profile"
        command = [
            str(program),
            f"-env:UserInstallation={profile.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(work / "out"),
            str(copy),
        ]
        try:
            code, output = _run(command, timeout)
        except TimeoutError:
            raise InputError(
                f"LibreOffice 转换超时 (超过 {timeout:.0f} 秒), 请在 {save_as}后再试",
                path=str(source),
            ) from None
        except OSError as exc:
            raise InputError(f"无法启动 LibreOffice ({program}): {exc}", path=str(source)) from exc
        written = work / "out" / f"input.{target.split(':', 1)[0]}"
        if not written.is_file() or written.stat().st_size == 0:
            said = [line for line in output.splitlines() if line.strip() and "javaldx" not in line]
            detail = said[-1].strip() if said else f"退出码 {code}"
            raise InputError(
                f"LibreOffice 未能转换此文件 ({detail}); 文件可能已损坏, 请在 {save_as}后再试",
                path=str(source),
            )
        final = outdir / (source.stem + written.suffix)
        shutil.move(str(written), final)
    return final


def read_converted(path: Path, *, timeout: float = CONVERT_TIMEOUT) -> Document:
    """The lines of a .doc or .wps plan, converted to .docx by LibreOffice and read as one.

    Line numbers are paragraph numbers of the converted document, as for a .docx.
    """
    from matrix.readers.docx import read_docx

    kind = path.suffix.lower().lstrip(".") or "doc"
    with path.open("rb") as fh:
        head = fh.read(4)
    with tempfile.TemporaryDirectory(prefix="matrix-convert-") as tmp:
        if head == b"PK\x03\x04":
            # A .docx saved under an old name: no conversion needed.
            docx_path = Path(tmp) / "plan.docx"
            shutil.copyfile(path, docx_path)
        else:
            docx_path = convert_file(path, "docx", Path(tmp), timeout=timeout)
        try:
            document = read_docx(docx_path)
        except InputError as exc:
            raise InputError(exc.message, line=exc.line, path=str(path)) from exc
    return Document(source=str(path), lines=document.lines, kind=kind)
