"""Incremental, atomic builds: only changed files are rewritten; nothing else in out/ is touched."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from matrix.build.sync import LOCK, MANIFEST, Job, build_lock, key_of, write_build
from matrix.errors import MatrixError


def _jobs(contents: dict[str, str], calls: list[str] | None = None) -> list[Job]:
    def render(path: str, text: str) -> bytes:
        if calls is not None:
            calls.append(path)
        return text.encode()

    return [
        Job(path, key_of(path, text), lambda p=path, t=text: render(p, t), department=path.split("/")[-1])
        for path, text in contents.items()
    ]


def test_first_build_writes_files_and_manifest(tmp_path: Path) -> None:
    report = write_build(tmp_path, _jobs({"letters/01-甲.docx": "a", "book.xlsx": "b"}), {"plan": "p.txt"})
    assert sorted(report.written) == ["book.xlsx", "letters/01-甲.docx"]
    assert (tmp_path / "letters" / "01-甲.docx").read_text() == "a"
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["plan"] == "p.txt" and set(manifest["files"]) == {"book.xlsx", "letters/01-甲.docx"}
    assert not any(p.name.startswith(".matrix-stage") for p in tmp_path.iterdir())


def test_rebuild_renders_and_rewrites_only_what_changed(tmp_path: Path) -> None:
    write_build(tmp_path, _jobs({"a.txt": "1", "b.txt": "2", "c.txt": "3"}), {})
    before = {p: (tmp_path / p).stat().st_mtime_ns for p in ("a.txt", "b.txt")}
    time.sleep(0.01)
    calls: list[str] = []
    report = write_build(tmp_path, _jobs({"a.txt": "1", "b.txt": "2*"}, calls), {})
    assert calls == ["b.txt"]  # a.txt's key and file are unchanged: not even rendered
    assert report.written == ["b.txt"] and report.unchanged == ["a.txt"] and report.removed == ["c.txt"]
    assert report.departments == ["b.txt", "c.txt"]
    assert (tmp_path / "a.txt").stat().st_mtime_ns == before["a.txt"]
    assert not (tmp_path / "c.txt").exists()


def test_files_matrix_did_not_write_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("clerk's notes")
    write_build(tmp_path, _jobs({"a.txt": "1"}), {})
    write_build(tmp_path, _jobs({}), {})
    assert (tmp_path / "notes.txt").read_text() == "clerk's notes"


def test_hand_edited_file_is_kept_as_a_dated_copy(tmp_path: Path) -> None:
    write_build(tmp_path, _jobs({"a.txt": "1", "b.txt": "2"}), {})
    (tmp_path / "a.txt").write_text("edited by the clerk")
    (tmp_path / "b.txt").write_text("edited too")
    report = write_build(tmp_path, _jobs({"a.txt": "1"}), {})
    assert (tmp_path / "a.txt").read_text() == "1"
    kept = dict(report.kept_edits)
    assert set(kept) == {"a.txt", "b.txt"}
    assert (tmp_path / kept["a.txt"]).read_text() == "edited by the clerk"
    assert (tmp_path / kept["b.txt"]).read_text() == "edited too"
    assert "手改" in kept["a.txt"]


def test_a_failing_render_leaves_out_exactly_as_it_was(tmp_path: Path) -> None:
    write_build(tmp_path, _jobs({"a.txt": "1", "b.txt": "2"}), {})
    snapshot = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}

    def boom() -> bytes:
        raise RuntimeError("template error at the 20th letter")

    jobs = [*_jobs({"a.txt": "changed"}), Job("b.txt", "new-key", boom)]
    with pytest.raises(RuntimeError):
        write_build(tmp_path, jobs, {})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == snapshot
    assert not (tmp_path / LOCK).exists()


def test_paths_outside_the_output_folder_are_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(MatrixError):
        write_build(out, _jobs({"../escape.txt": "x"}), {})
    assert not (tmp_path / "escape.txt").exists()


def test_a_second_build_waits_for_the_lock_or_refuses(tmp_path: Path) -> None:
    order: list[str] = []
    with build_lock(tmp_path):

        def second() -> None:
            with build_lock(tmp_path, wait=5):
                order.append("second")

        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.3)
        order.append("first done")
    thread.join()
    assert order == ["first done", "second"]
    with (
        build_lock(tmp_path),
        pytest.raises(MatrixError, match="另一个 matrix"),
        build_lock(tmp_path, wait=0.2),
    ):
        pass


def test_a_stale_lock_is_taken_over(tmp_path: Path) -> None:
    (tmp_path / LOCK).write_text("999999999")
    if os.name != "posix":
        pytest.skip("stale-process detection is POSIX-only; Windows waits for the hour-old rule")
    with build_lock(tmp_path, wait=0.2):
        pass


def test_kept_prefixes_survive_a_build_that_does_not_write_them(tmp_path: Path) -> None:
    write_build(tmp_path, _jobs({"changes/01-甲.docx": "n"}), {}, scope=("changes/",))
    report = write_build(tmp_path, _jobs({"a.txt": "1"}), {}, keep=("changes/",))
    assert report.removed == [] and (tmp_path / "changes" / "01-甲.docx").read_text() == "n"
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {"a.txt", "changes/01-甲.docx"}


def test_a_partial_build_keeps_the_full_builds_record(tmp_path: Path) -> None:
    write_build(tmp_path, _jobs({"a.txt": "1"}), {"plan": "p.txt", "plan_sha256": "abc"})
    write_build(tmp_path, _jobs({"progress/x.docx": "x"}), {}, scope=("progress/",))
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["plan"] == "p.txt" and manifest["plan_sha256"] == "abc"
    assert set(manifest["files"]) == {"a.txt", "progress/x.docx"}
