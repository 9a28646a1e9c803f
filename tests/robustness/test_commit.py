"""Issue 14, items 1, 2 and 11: the commit into out/ is one step.

A hand edit survives a relative ``-o``; a file that cannot be replaced (a letter open in Word,
simulated with a mocked ``os.replace``) stops the build with out/ untouched; Ctrl-C or a kill in the
middle of the moves never leaves out/ half old and half new; a killed build's staging is cleaned.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from matrix.build.sync import MANIFEST, Job, key_of, write_build
from matrix.errors import MatrixError

STAGING = ".matrix-staging"
ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "matrix", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
        env=env,
    )


def _jobs(contents: dict[str, str]) -> list[Job]:
    return [
        Job(path, key_of(path, text), lambda t=text: t.encode(), department=path)
        for path, text in contents.items()
    ]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and STAGING not in p.parts and not p.name.startswith(".matrix")
    }


# -- item 1: a hand edit plus a relative -o -------------------------------------------------------


def test_a_hand_edit_survives_a_rebuild_into_a_relative_out(tmp_path: Path, default_plan: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_bytes(default_plan.read_bytes())
    assert _run("build", "plan.txt", "-o", "out", cwd=tmp_path).returncode == 0
    letter = sorted((tmp_path / "out" / "letters").glob("05-*.docx"))[0]
    edited = letter.read_bytes() + b"x"
    letter.write_bytes(edited)
    run = _run("build", "plan.txt", "-o", "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert letter.exists() and letter.read_bytes() != edited  # the generated letter is back in place
    (copy,) = letter.parent.glob("05-*-手改-*.docx")
    assert copy.read_bytes() == edited and copy.name in run.stderr
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["files"][f"letters/{letter.name}"]["sha256"] != ""
    again = _run("build", "plan.txt", "-o", "out", cwd=tmp_path)
    assert again.returncode == 0 and "写入 0 个文件" in again.stderr


@pytest.mark.parametrize("folder", ["progress/", "changes/"])
def test_a_partial_build_into_a_relative_out_keeps_a_hand_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    # collect -o o (进展汇总.xlsx) and diff -o o (a change notice) commit through the same step
    monkeypatch.chdir(tmp_path)
    write_build(Path("o"), _jobs({folder + "x.xlsx": "1"}), {}, scope=(folder,))
    (tmp_path / "o" / folder / "x.xlsx").write_text("1 edited")
    report = write_build(Path("o"), _jobs({folder + "x.xlsx": "2"}), {}, scope=(folder,))
    ((path, copy),) = report.kept_edits
    assert path == folder + "x.xlsx" and copy.startswith(folder) and "手改" in copy
    assert (tmp_path / "o" / copy).read_text() == "1 edited"
    assert (tmp_path / "o" / folder / "x.xlsx").read_text() == "2"


# -- item 2: one step ------------------------------------------------------------------------------


def _failing_replace(monkeypatch: pytest.MonkeyPatch, fails: Callable[[Path, Path], bool]) -> None:
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if fails(Path(src), Path(dst)):
            raise PermissionError(13, "另一个程序正在使用此文件", str(src))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def _first_and_second(tmp_path: Path) -> tuple[dict[str, str], dict[str, str]]:
    first = {f"letters/{i:02d}-局.docx": f"old {i}" for i in range(1, 21)}
    first["gone.docx"] = "a bureau that leaves"
    second = {f"letters/{i:02d}-局.docx": f"new {i}" for i in range(1, 21)}
    write_build(tmp_path, _jobs(first), {"plan": "v1"})
    return first, second


@pytest.mark.parametrize("locked", ["letters/05-局.docx", "letters/20-局.docx", "gone.docx"])
def test_a_file_that_cannot_be_replaced_leaves_out_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, locked: str
) -> None:
    _first, second = _first_and_second(tmp_path)
    before = _snapshot(tmp_path)
    _failing_replace(monkeypatch, lambda src, dst: src == tmp_path / locked)
    with pytest.raises(MatrixError) as caught:
        write_build(tmp_path, _jobs(second), {"plan": "v2"})
    assert locked.split("/")[-1] in str(caught.value)
    assert _snapshot(tmp_path) == before
    assert not (tmp_path / STAGING).exists()
    monkeypatch.undo()
    report = write_build(tmp_path, _jobs(second), {"plan": "v2"})  # once the file is closed
    assert len(report.written) == 20 and report.kept_edits == []


def test_ctrl_c_during_the_moves_leaves_the_old_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _first_and_second(tmp_path)
    before = _snapshot(tmp_path)
    real = os.replace
    calls = 0

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        nonlocal calls
        calls += 1
        if calls == 30:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_build(tmp_path, _jobs(second), {"plan": "v2"})
    monkeypatch.undo()
    assert calls >= 30
    assert _snapshot(tmp_path) == before
    report = write_build(tmp_path, _jobs(first), {"plan": "v1"})  # the previous plan again
    assert report.kept_edits == [] and report.written == []


_KILLED = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from matrix.build.sync import Job, key_of, write_build
    out, kill_at = Path(sys.argv[1]), int(sys.argv[2])
    real, calls = os.replace, 0
    def replace(src, dst):
        global calls
        calls += 1
        if calls == kill_at:
            os._exit(9)  # as SIGKILL: nothing runs after this
        real(src, dst)
    os.replace = replace
    jobs = [Job(f"letters/{i:02d}-局.docx", key_of(i, "new"), lambda i=i: f"new {i}".encode())
            for i in range(1, 21)]
    write_build(out, jobs, {"plan": "v2"})
    """
)


@pytest.mark.parametrize("kill_at", [3, 25, 41])
def test_a_build_killed_during_the_moves_is_rolled_forward_by_the_next(tmp_path: Path, kill_at: int) -> None:
    first, _second = _first_and_second(tmp_path)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED, str(tmp_path), str(kill_at)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert killed.returncode == 9
    # whatever a reader sees now, the next build (even of the previous plan) finishes the commit first
    report = write_build(tmp_path, _jobs(first), {"plan": "v1"})
    assert report.recovered and "中断" in report.recovered
    assert report.kept_edits == []  # no untouched letter is taken for a hand edit
    assert _snapshot(tmp_path) == {**{p: t.encode() for p, t in first.items()}, MANIFEST: ANY_BYTES}
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["plan"] == "v1" and set(manifest["files"]) == set(first)
    assert not (tmp_path / STAGING).exists()


class _AnyBytes(bytes):
    def __eq__(self, other: object) -> bool:
        return isinstance(other, bytes)

    __hash__ = bytes.__hash__


ANY_BYTES = _AnyBytes()


def test_a_journal_whose_staged_files_are_lost_is_rolled_back(tmp_path: Path) -> None:
    first, _second = _first_and_second(tmp_path)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED, str(tmp_path), "25"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert killed.returncode == 9
    for staged in (tmp_path / STAGING / "new").iterdir():  # lost: the rest cannot be moved in
        staged.unlink()
    report = write_build(tmp_path, [], {"plan": "none"}, scope=("nothing/",))
    assert report.recovered and "还原" in report.recovered
    assert _snapshot(tmp_path) == {**{p: t.encode() for p, t in first.items()}, MANIFEST: ANY_BYTES}


# -- item 11: staging leftovers ----------------------------------------------------------------------


def test_staging_is_one_hidden_folder_inside_out_and_leftovers_are_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old_style = out / ".matrix-stage-abc123"  # left by a build killed before this version
    old_style.mkdir(parents=True)
    (old_style / "000001").write_bytes(b"x")
    leftover = out / STAGING / "new"
    leftover.mkdir(parents=True)
    (leftover / "000007").write_bytes(b"y")
    write_build(out, _jobs({"a.txt": "1"}), {})
    assert STAGING.startswith(".")
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", MANIFEST]
