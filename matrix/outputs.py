"""Writing a build into ``out/``: staged, atomic, incremental, and never touching others' files.

A writer describes each file it would write as a :class:`Job`: its path under the output folder,
a key that changes whenever its content would (a hash of what goes into it), and a function that
renders its bytes.  :func:`write_build` then

* renders only the jobs whose key or file changed since the last build (``manifest.json``),
* stages the new bytes in a temporary folder beside ``out/`` and moves them into place only when
  every job has rendered, writing the manifest last, so a failure leaves ``out/`` as it was,
* removes files it generated earlier that no longer belong (a bureau that left the plan),
* keeps a file the clerk edited by hand as a dated copy instead of overwriting it silently,
* never touches a file it did not generate, and
* holds a lock so two builds into one folder never interleave.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matrix.errors import MatrixError
from matrix.paths import output_path

MANIFEST = "manifest.json"
LOCK = ".matrix.lock"


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


@contextlib.contextmanager
def build_lock(out_dir: Path, wait: float = 10.0) -> Iterator[None]:
    """Hold the output folder's lock; wait up to ``wait`` seconds for another build, then refuse."""
    lock = out_dir / LOCK
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            if _stale(lock):
                with contextlib.suppress(OSError):
                    lock.unlink()
                continue
            if time.monotonic() > deadline:
                raise MatrixError(
                    f"另一个 matrix 正在写入 {out_dir} (锁文件 {lock})。请等它完成后再试; "
                    "若确认没有其他 matrix 在运行, 可删除该锁文件。"
                ) from None
            time.sleep(0.2)
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()


def _stale(lock: Path) -> bool:
    """True when the build that holds the lock is gone (its process ended, or it is an hour old)."""
    try:
        pid = int(lock.read_text() or "0")
        age = time.time() - lock.stat().st_mtime
    except (OSError, ValueError):
        return True
    if age > 3600:
        return True
    if os.name == "posix" and pid > 0:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
    return False


def _dated_copy(path: Path, now: dt.datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}-手改-{stamp}{path.suffix}")
    n = 2
    while candidate.exists():
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
    report = BuildReport()
    with build_lock(out_dir):
        previous = read_manifest(out_dir)
        old: dict[str, Any] = previous["files"]
        staged: dict[str, tuple[Path, str]] = {}
        new_files: dict[str, Any] = {}
        if scope is not None:
            new_files = {p: r for p, r in old.items() if not p.startswith(tuple(scope))}
        new_files.update({p: r for p, r in old.items() if keep and p.startswith(tuple(keep))})
        stage = Path(tempfile.mkdtemp(prefix=".matrix-stage-", dir=out_dir))
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
                temp = stage / f"{len(staged):06d}"
                temp.write_bytes(data)
                staged[job.path] = (temp, sha)
            _commit(out_dir, staged, old, new_files, report)
            # a partial build (diff's notices, collect's report) keeps what the full build recorded
            kept = {k: v for k, v in previous.items() if k != "files"} if scope is not None else {}
            manifest = {**kept, **meta, "generator": "matrix", "files": dict(sorted(new_files.items()))}
            text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
            if staged or report.removed or report.kept_edits or _read_text(out_dir / MANIFEST) != text:
                temp = stage / MANIFEST
                temp.write_text(text, encoding="utf-8")
                os.replace(temp, out_dir / MANIFEST)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    changed = set(report.written) | set(report.removed)
    depts = {new_files.get(p, old.get(p, {})).get("department") for p in changed}
    report.departments = sorted(d for d in depts if d)
    return report


def _commit(
    out_dir: Path,
    staged: dict[str, tuple[Path, str]],
    old: dict[str, Any],
    new_files: dict[str, Any],
    report: BuildReport,
) -> None:
    """Move staged files into place and remove generated files that no longer belong."""
    now = dt.datetime.now()
    for rel, (temp, _sha) in staged.items():
        target = output_path(out_dir, *rel.split("/"))
        on_disk = _file_digest(target)
        recorded = old.get(rel, {}).get("sha256")
        if on_disk is not None and on_disk != recorded:
            # edited by hand since the last build, or a file matrix never wrote: keep it
            copy = _dated_copy(target, now)
            os.replace(target, copy)
            report.kept_edits.append((rel, copy.relative_to(out_dir).as_posix()))
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(temp, target)
        report.written.append(rel)
    for rel, record in old.items():
        if rel in new_files:
            continue
        target = output_path(out_dir, *rel.split("/"))
        on_disk = _file_digest(target)
        if on_disk is None:
            continue
        if on_disk == record.get("sha256"):
            target.unlink()
            report.removed.append(rel)
        else:
            copy = _dated_copy(target, now)
            os.replace(target, copy)
            report.kept_edits.append((rel, copy.relative_to(out_dir).as_posix()))
