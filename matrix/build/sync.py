"""Writing a build into ``out/``: staged, atomic, incremental, and never touching others' files.

A writer describes each file it would write as a :class:`Job`: its path under the output folder,
a key that changes whenever its content would (a hash of what goes into it), and a function that
renders its bytes.  :func:`write_build` then

* renders only the jobs whose key or file changed since the last build (``manifest.json``),
* stages the new bytes in ``out/.matrix-staging/`` and, once every job has rendered, commits them
  in one step through a journal (:mod:`matrix.build.journal`), the manifest last, so a failure, Ctrl-C,
  a kill or a file open in Word leaves ``out/`` all old or all new, never a mix,
* removes files it generated earlier that no longer belong (a bureau that left the plan),
* keeps a file the clerk edited by hand as a dated copy instead of overwriting it silently,
* never touches a file it did not generate, and
* holds a lock so two builds into one folder never interleave.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matrix.build import journal
from matrix.build.journal import STAGING
from matrix.build.lock import LOCK, build_lock
from matrix.paths import output_path

MANIFEST = "manifest.json"
__all__ = ["LOCK", "MANIFEST", "STAGING", "BuildReport", "Job", "build_lock", "key_of", "write_build"]


@dataclass(frozen=True)
class Job:
    """One file a build writes: where, the key of its inputs, and how to render its bytes."""

    path: str
    """The path under the output folder, with ``/`` between folders (letters/01-市科技局.docx)."""
    key: str
    render: Callable[[], bytes]
    department: str | None = None


@dataclass
class BuildReport:
    """What a build did, file by file."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_edits: list[tuple[str, str]] = field(default_factory=list)
    """Files edited by hand since the last build: (path, the dated copy they were kept as)."""
    departments: list[str] = field(default_factory=list)
    """Departments whose own files changed."""
    recovered: str | None = None
    """What was done with a commit an interrupted build left unfinished, if there was one."""


def digest(data: bytes) -> str:
    """The SHA-256 of some bytes, in hex."""
    return hashlib.sha256(data).hexdigest()


def key_of(*parts: Any) -> str:
    """A key for a job from the plain data that goes into it (dicts, lists, strings, bytes)."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            h.update(part)
        else:
            h.update(json.dumps(part, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest of the last build into ``out_dir``, or an empty one."""
    path = out_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": {}}
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return {"files": {}}
    return data


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None


def _file_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


def _dated_copy(path: Path, now: dt.datetime, taken: set[Path]) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}-手改-{stamp}{path.suffix}")
    n = 2
    while candidate.exists() or candidate in taken:
        candidate = path.with_name(f"{path.stem}-手改-{stamp}-{n}{path.suffix}")
        n += 1
    return candidate


def write_build(
    out_dir: Path,
    jobs: Sequence[Job],
    meta: dict[str, Any],
    scope: Sequence[str] | None = None,
    keep: Sequence[str] = (),
) -> BuildReport:
    """Bring ``out_dir`` up to date with ``jobs`` (see the module docstring); ``meta`` goes into the
    manifest (plan path, its hash, settings).

    With ``scope`` (path prefixes such as ``letters/``), only generated files under those paths may
    be removed; the manifest keeps its other entries as they were.  Generated files under a
    ``keep`` prefix (another command's outputs, such as ``changes/``) are never removed either.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    given, out_dir = out_dir, out_dir.resolve()  # every path below from the one absolute folder
    report = BuildReport()
    with build_lock(given):  # named as the clerk gave it in a refusal
        report.recovered = journal.recover(out_dir)
        previous = read_manifest(out_dir)
        old: dict[str, Any] = previous["files"]
        staged: dict[str, str] = {}
        new_files: dict[str, Any] = {}
        if scope is not None:
            new_files = {p: r for p, r in old.items() if not p.startswith(tuple(scope))}
        new_files.update({p: r for p, r in old.items() if keep and p.startswith(tuple(keep))})
        stage = journal.staging(out_dir) / "new"
        stage.mkdir(parents=True)
        try:
            for job in jobs:
                target = output_path(out_dir, *job.path.split("/"))
                record = old.get(job.path)
                on_disk = _file_digest(target)
                if record and record.get("key") == job.key and on_disk == record.get("sha256"):
                    report.unchanged.append(job.path)
                    new_files[job.path] = record
                    continue
                data = job.render()
                sha = digest(data)
                new_files[job.path] = {"sha256": sha, "key": job.key, "department": job.department}
                if on_disk == sha:
                    report.unchanged.append(job.path)
                    continue
                name = f"{len(staged):06d}"
                (stage / name).write_bytes(data)
                staged[job.path] = f"{journal.STAGING}/new/{name}"
            moves = _moves(out_dir, staged, old, new_files, report)
            # a partial build (diff's notices, collect's report) keeps what the full build recorded
            kept = {k: v for k, v in previous.items() if k != "files"} if scope is not None else {}
            manifest = {**kept, **meta, "generator": "matrix", "files": dict(sorted(new_files.items()))}
            text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
            if moves or _read_text(out_dir / MANIFEST) != text:
                (stage / MANIFEST).write_text(text, encoding="utf-8")
                if (out_dir / MANIFEST).exists():
                    moves.append(journal.Move("aside", MANIFEST, f"{journal.STAGING}/old/{MANIFEST}"))
                moves.append(journal.Move("place", MANIFEST, f"{journal.STAGING}/new/{MANIFEST}"))
                journal.commit(out_dir, moves)
        finally:
            journal.clear(out_dir)
    changed = set(report.written) | set(report.removed)
    depts = {new_files.get(p, old.get(p, {})).get("department") for p in changed}
    report.departments = sorted(d for d in depts if d)
    return report


def _moves(
    out_dir: Path,
    staged: dict[str, str],
    old: dict[str, Any],
    new_files: dict[str, Any],
    report: BuildReport,
) -> list[journal.Move]:
    """The moves that put staged files into place and take away generated files that no longer
    belong; a file edited by hand goes to a dated copy instead of away."""
    now = dt.datetime.now()
    moves: list[journal.Move] = []
    taken: set[Path] = set()

    def aside(rel: str, target: Path, on_disk: str) -> bool:
        """Move ``target`` out of the way; True when it was edited by hand (and kept)."""
        kept: bool = on_disk != old.get(rel, {}).get("sha256")
        if kept:
            # edited by hand since the last build, or a file matrix never wrote: keep it
            copy = _dated_copy(target, now, taken)
            taken.add(copy)
            fresh = copy.relative_to(out_dir).as_posix()
            report.kept_edits.append((rel, fresh))
        else:
            fresh = f"{journal.STAGING}/old/{len(moves):06d}"
        moves.append(journal.Move("aside", rel, fresh))
        return kept

    for rel, temp in staged.items():
        target = output_path(out_dir, *rel.split("/"))
        on_disk = _file_digest(target)
        if on_disk is not None:
            aside(rel, target, on_disk)
        moves.append(journal.Move("place", rel, temp))
        report.written.append(rel)
    for rel in old:
        if rel in new_files:
            continue
        target = output_path(out_dir, *rel.split("/"))
        on_disk = _file_digest(target)
        if on_disk is None:
            continue
        if not aside(rel, target, on_disk):
            report.removed.append(rel)
    return moves
