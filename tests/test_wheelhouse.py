"""The offline installer: build the zip, install from it with no index, and parse the default plan.

Building downloads wheels, so this runs only when MATRIX_TEST_WHEELHOUSE=1 is set (about a
minute with a warm pip cache, a few with a cold one).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import DEFAULT_PLAN, ROOT
from test_guide import cjk_fonts

pytestmark = pytest.mark.skipif(
    os.environ.get("MATRIX_TEST_WHEELHOUSE") != "1",
    reason="set MATRIX_TEST_WHEELHOUSE=1 to build the offline installer (needs the network)",
)

_WHEEL = re.compile(
    r"^(?P<name>[^-]+)-(?P<version>[^-]+)(-\d[^-]*)?-(?P<py>[^-]+)-(?P<abi>[^-]+)-(?P<plat>[^-]+)\.whl$"
)


def _covers(wheels: list[re.Match[str]], python: str, platform: str) -> bool:
    """Whether one of a project's wheels installs on CPython ``python`` (``311``) on ``platform``."""
    for w in wheels:
        plats = w["plat"].split(".")
        if w["plat"] != "any" and not any(p.startswith(platform) or platform in p for p in plats):
            continue
        if w["abi"] == "none" or w["abi"] == f"cp{python}":
            return True
        if w["abi"] == "abi3" and int(w["py"].removeprefix("cp")) <= int(python):
            return True
    return False


_SERVE_CHECK = """
import sys, uvicorn
from matrix.web.app import STATIC, templates
assert (STATIC / "matrix.css").is_file() and (STATIC / "matrix.js").is_file()
sys.stdout.buffer.write(templates().get_template("home.html").render(recent=[], steps=[]).encode("utf-8"))
"""
"""Run by the installed Python: the page's templates and static files came with the wheel."""


def _clean_pip_env() -> dict[str, str]:
    # No index, no extra find-links and no config from this machine: only the zip's wheels.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


def test_offline_zip_installs_and_parses(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, str(ROOT / "tools" / "wheelhouse.py"), "--out", str(dist)], check=True)
    (zip_path,) = dist.glob("matrix-offline-*.zip")
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        zf.extractall(tmp_path / "unpacked")
        bat = zf.read(next(n for n in names if n.endswith("/install.bat")))
    (folder,) = (tmp_path / "unpacked").iterdir()
    assert b"\r\n" in bat and b"--no-index" in bat
    # The user guide, as a PDF whose Chinese text is in an embedded CJK font.
    guide = folder / "使用说明.pdf"
    assert guide.is_file()
    assert cjk_fonts(guide), "no embedded CJK font in 使用说明.pdf"

    by_project: dict[str, list[re.Match[str]]] = defaultdict(list)
    for name in names:
        match = _WHEEL.match(Path(name).name)
        if match:
            by_project[match["name"].lower()].append(match)
    assert "matrix" in by_project and "pdfplumber" in by_project
    missing = [
        (project, python, platform)
        for project, wheels in by_project.items()
        for python in ("311", "312")
        for platform in ("win_amd64", "manylinux")
        if not _covers(wheels, python, platform)
    ]
    assert not missing, f"no wheel for {missing}"
    # matrix serve: plain uvicorn (uvloop and httptools have no Windows wheels), Starlette, multipart
    assert {"starlette", "uvicorn", "python_multipart", "tomlkit"} <= set(by_project)
    assert "uvloop" not in by_project and "httptools" not in by_project

    venv = tmp_path / "venv"
    if sys.platform == "win32":
        install = ["cmd", "/c", str(folder / "install.bat"), str(venv)]
        matrix = venv / "Scripts" / "matrix.exe"
    else:
        install = ["sh", str(folder / "install.sh"), str(venv)]
        matrix = venv / "bin" / "matrix"
    subprocess.run(install, check=True, env=_clean_pip_env())
    run = subprocess.run(
        [str(matrix), "parse", str(DEFAULT_PLAN), "--format", "json"],
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert len(json.loads(run.stdout.decode("utf-8"))["tasks"]) == 25
    python = matrix.with_name("python.exe" if sys.platform == "win32" else "python")
    served = subprocess.run(
        [str(python), "-c", _SERVE_CHECK],
        capture_output=True,
        check=True,
    )
    assert "打开计划" in served.stdout.decode("utf-8")
    # The wheel carries the guide for the web page: it renders from the installed package.
    page = subprocess.run(
        [str(python), "-c", "from matrix.guide import render_html; print(render_html())"],
        capture_output=True,
        check=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    ).stdout.decode("utf-8")
    assert "常见问题" in page and "data:image/png;base64," in page
