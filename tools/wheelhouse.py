"""Build the offline installer: ``dist/matrix-offline-<version>.zip``.

The zip holds wheels of matrix and of every package it needs, for Windows (win_amd64) and Linux
(manylinux x86_64, glibc 2.17 to 2.28, which covers RHEL/CentOS 8, Kylin and UOS desktops), for
Python 3.11 and 3.12, with ``install.bat`` and ``install.sh`` that make a virtual environment and
install from the zip's ``wheels`` folder without the network, and the user guide as
``使用说明.pdf`` (docs/使用说明.md rendered by markdown-it-py, converted by LibreOffice).  The
matrix wheel carries the guide too (``matrix/resources/guide``), for ``matrix.guide.render_html``.
Pure-Python packages have one wheel for all; packages with compiled code have one per platform
and Python version.

Building needs the network (pip downloads the wheels) and LibreOffice (for the PDF); installing
needs neither.

Usage: ``python tools/wheelhouse.py [--out dist] [--python 3.11 3.12] [--platform windows linux]``
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GUIDE = "使用说明"

PLATFORMS: dict[str, list[str]] = {
    "windows": ["win_amd64"],
    # pip takes every tag listed; a wheel built for glibc 2.28 still runs on later Linux.
    "linux": ["manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"],
}
PYTHONS = ["3.11", "3.12"]

INSTALL_SH = """#!/bin/sh
# Install matrix without the network: a virtual environment, then the wheels beside this script.
# Usage: sh install.sh [folder for the environment, default: ./venv]   (Python 3.11 or 3.12)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
VENV=${1:-"$HERE/venv"}
PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for candidate in python3.12 python3.11 python3 python; do
    # A name on PATH may be a shim for a version that is not installed: ask it to run.
    if "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] not in ((3, 11), (3, 12)))' \
        >/dev/null 2>&1; then PY=$candidate; break; fi
  done
fi
[ -n "$PY" ] || { echo "找不到 Python 3.11 或 3.12, 请先安装 (或用 PYTHON=... 指定)" >&2; exit 1; }
"$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install --no-index --find-links "$HERE/wheels" matrix
echo
echo "安装完成。运行: $VENV/bin/matrix --help"
"""

INSTALL_BAT = r"""@echo off
rem Install matrix without the network: a virtual environment, then the wheels beside this script.
rem Usage: install.bat [folder for the environment, default: .\venv]   (Python 3.11 or 3.12, 64-bit)
setlocal
set "HERE=%~dp0"
set "VENV=%~1"
if "%VENV%"=="" set "VENV=%HERE%venv"
set "PY="
py -3.12 -c "" >nul 2>nul && set "PY=py -3.12"
if not defined PY py -3.11 -c "" >nul 2>nul && set "PY=py -3.11"
if not defined PY set "PY=python"
%PY% -m venv "%VENV%"
if errorlevel 1 goto failed
"%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%wheels" matrix
if errorlevel 1 goto failed
echo.
echo Installed. Run: "%VENV%\Scripts\matrix.exe" --help
exit /b 0
:failed
echo Install failed: Python 3.11 or 3.12 (64-bit) is needed, from python.org. 1>&2
exit /b 1
"""

README = """matrix {version} 离线安装包 (offline installer)

Windows: 安装 Python 3.11 或 3.12 (64 位, python.org), 然后双击 install.bat,
         或在命令提示符中运行 install.bat [安装目录]。
Linux:   sh install.sh [安装目录]   (需要 Python 3.11 或 3.12)

安装后运行 venv\\Scripts\\matrix.exe (Windows) 或 venv/bin/matrix (Linux)。
详细的安装步骤和用法见 使用说明.pdf。
读取 .doc / .wps 文件需要另外安装 LibreOffice; .txt、.docx、.pdf 不需要。
"""


def project() -> tuple[str, list[str]]:
    """The project's version and its dependency list, from pyproject.toml."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"]), list(data["project"]["dependencies"])


def pip(*args: str) -> None:
    """Run pip of the running Python, quietly, failing loudly."""
    subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args], check=True)


def copy_guide(package: Path) -> None:
    """The guide's Markdown and pictures into ``package/resources/guide`` of a source copy."""
    target = package / "resources" / "guide"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(DOCS / f"{GUIDE}.md", target / f"{GUIDE}.md")
    shutil.copytree(DOCS / "img", target / "img", dirs_exist_ok=True)


def guide_pdf(out: Path) -> Path:
    """``out/使用说明.pdf``: the guide rendered to HTML, converted by LibreOffice (its HTML import
    into Writer, then Writer's PDF export), with matrix's font aliases so Chinese text embeds a
    CJK font."""
    sys.path.insert(0, str(ROOT))
    from matrix.errors import MatrixError
    from matrix.guide import render_html
    from matrix.readers import soffice
    from matrix.render.pdf import PDF_FILTER, fonts_conf

    program = soffice.find_soffice()
    if program is None:
        raise SystemExit("LibreOffice (soffice) is needed to build 使用说明.pdf")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="matrix-guide-") as tmp:
        page = Path(tmp) / f"{GUIDE}.html"
        page.write_text(render_html(DOCS / f"{GUIDE}.md"), encoding="utf-8")
        try:
            (pdf,) = soffice.convert(
                [page],
                PDF_FILTER,
                Path(tmp) / "pdf",
                program=program,
                timeout=300,
                options=["--infilter=HTML (StarWriter)"],
                env={"FONTCONFIG_FILE": str(fonts_conf())},
            )
        except MatrixError as exc:
            raise SystemExit(f"LibreOffice did not make {GUIDE}.pdf: {exc}") from exc
        target = out / pdf.name
        shutil.move(pdf, target)
    return target


def build(out: Path, pythons: list[str], platforms: list[str]) -> Path:
    """Build the zip in ``out`` and return its path."""
    version, dependencies = project()
    name = f"matrix-offline-{version}"
    with tempfile.TemporaryDirectory(prefix="matrix-wheelhouse-") as tmp:
        stage = Path(tmp) / name
        wheels = stage / "wheels"
        wheels.mkdir(parents=True)
        with tempfile.TemporaryDirectory(prefix="matrix-build-") as build_dir:
            # Build from a copy: setuptools leaves build/ and egg-info behind in the tree it builds.
            source = Path(build_dir) / "src"
            shutil.copytree(
                ROOT,
                source,
                ignore=shutil.ignore_patterns(
                    ".git", ".venv", "dist", "build", "*.egg-info", "__pycache__", ".*_cache", "out"
                ),
            )
            copy_guide(source / "matrix")
            pip("wheel", "--no-deps", "--wheel-dir", str(wheels), str(source))
        requirements = Path(tmp) / "requirements.txt"
        requirements.write_text("\n".join(dependencies) + "\n", encoding="utf-8")
        for python in pythons:
            for platform in platforms:
                tags = [arg for tag in PLATFORMS[platform] for arg in ("--platform", tag)]
                print(f"  wheels for Python {python}, {platform}", flush=True)
                pip(
                    "download",
                    "--only-binary=:all:",
                    "--implementation",
                    "cp",
                    "--python-version",
                    python,
                    *tags,
                    "--dest",
                    str(wheels),
                    "-r",
                    str(requirements),
                )
        guide_pdf(stage)
        (stage / "install.sh").write_text(INSTALL_SH, encoding="utf-8", newline="\n")
        (stage / "install.bat").write_text(INSTALL_BAT, encoding="utf-8", newline="\r\n")
        (stage / "README.txt").write_text(README.format(version=version), encoding="utf-8", newline="\r\n")
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(stage.rglob("*")):
                info = zipfile.ZipInfo.from_file(path, Path(name) / path.relative_to(stage))
                if path.name == "install.sh":
                    info.external_attr = 0o100755 << 16
                if path.is_file():
                    zf.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    return target


def main(argv: list[str] | None = None) -> int:
    """Build the offline zip from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="folder for the zip (default: dist)")
    parser.add_argument("--python", nargs="+", default=PYTHONS, help="Python versions (default: 3.11 3.12)")
    parser.add_argument("--platform", nargs="+", default=list(PLATFORMS), choices=list(PLATFORMS))
    args = parser.parse_args(argv)
    target = build(args.out, args.python, args.platform)
    count = len([n for n in zipfile.ZipFile(target).namelist() if n.endswith(".whl")])
    print(f"{target} ({target.stat().st_size // 1024 // 1024} MB, {count} wheels)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
