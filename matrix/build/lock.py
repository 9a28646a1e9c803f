"""The output folder's lock: a file ``out/.matrix.build.lock`` holding the PID of the build that writes.

A lock appears with its PID in one step (written aside, then linked into place, which fails if a
lock is there), so there is never a lock without its owner.  A lock whose process has ended, that
names no process, or that is an hour old is stale: it is renamed aside before anything else, and
removed only when what was renamed is the very lock judged stale; a lock another build took in
between is put back, never deleted.  A live holder is waited for, then named in the refusal.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from matrix.errors import MatrixError

LOCK = ".matrix.build.lock"
_STALE_AGE = 3600.0  # seconds: no build takes an hour; an older lock is a leftover even if its PID lives


@dataclass(frozen=True)
class _Holder:
    """What a lock file said when it was read: its text, PID and identity on disk."""

    text: str
    pid: int | None
    identity: tuple[int, int, int]  # device, inode, modification time (ns)
    age: float


@contextlib.contextmanager
def build_lock(out_dir: Path, wait: float = 10.0) -> Iterator[None]:
    """Hold ``out_dir``'s lock; wait up to ``wait`` seconds for a live build, then refuse naming it."""
    lock = out_dir / LOCK
    token = secrets.token_hex(8)
    deadline = time.monotonic() + wait
    while not _create(lock, f"{os.getpid()}\n{token}\n"):
        holder = _read(lock)
        if holder is None:  # released between our attempt and the read
            continue
        if _stale(holder):
            _break(lock, holder)
            continue
        if time.monotonic() > deadline:
            who = f"进程 {holder.pid}, " if holder.pid else ""
            raise MatrixError(
                f"另一个 matrix 正在写入 {out_dir} ({who}锁文件 {lock})。请等它完成后再试; "
                "若确认没有其他 matrix 在运行, 可删除该锁文件。"
            )
        time.sleep(0.02)
    try:
        yield
    finally:
        mine = _read(lock)
        if mine is not None and token in mine.text.split():
            with contextlib.suppress(OSError):
                lock.unlink()


def _create(lock: Path, text: str) -> bool:
    """Create ``lock`` holding ``text`` in one step; False when a lock is already there."""
    temp = lock.with_name(f"{LOCK}.{os.getpid()}.{secrets.token_hex(4)}")
    temp.write_text(text, encoding="ascii")
    try:
        return _move_no_replace(temp, lock)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _move_no_replace(src: Path, dst: Path) -> bool:
    """Give ``src`` the name ``dst`` unless ``dst`` exists, atomically; False when it exists."""
    try:
        if os.name == "nt":
            os.rename(src, dst)  # Windows' rename never replaces
        else:
            os.link(src, dst)  # POSIX rename would replace; a hard link does not
        return True
    except FileExistsError:
        return False
    except OSError:
        if os.name == "nt":
            raise
    # a file system without hard links (FAT, some network shares): create, then write at once
    try:
        fd = os.open(dst, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return False
    try:
        os.write(fd, src.read_bytes())
    finally:
        os.close(fd)
    return True


def _read(lock: Path) -> _Holder | None:
    try:
        st = os.stat(lock)
        text = lock.read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        return None
    except OSError:  # unreadable: judged by its PID-less content, as an empty lock
        return _Holder("", None, (0, 0, 0), 0.0)
    words = text.split()
    pid = int(words[0]) if words and words[0].isascii() and words[0].isdigit() else None
    if pid is not None and not 0 < pid < 2**31:
        pid = None
    return _Holder(text, pid, (st.st_dev, st.st_ino, st.st_mtime_ns), time.time() - st.st_mtime)


def _stale(holder: _Holder) -> bool:
    """True when the build that took the lock is gone: no PID, an ended process, or an hour old."""
    if holder.pid is None or holder.age > _STALE_AGE:
        return True
    return not _alive(holder.pid)


def _alive(pid: int) -> bool:
    if os.name == "nt":
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    except OSError:
        return False
    return True


def _alive_windows(pid: int) -> bool:  # pragma: no cover - exercised on Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(kernel32.GetLastError() == 5)  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _break(lock: Path, holder: _Holder) -> None:
    """Remove the stale lock ``holder`` was read from, and nothing else.

    Breakers take turns through a second lock (``.matrix.build.lock.break``): under it, a lock still the
    one judged stale can only be removed by us (its owner is gone), so what we rename aside is it.
    """
    guard = lock.with_name(LOCK + ".break")
    token = secrets.token_hex(8)
    if not _create(guard, f"{os.getpid()}\n{token}\n"):
        other = _read(guard)
        if other is not None and _stale(other):  # a breaker killed while breaking
            _rename_aside(guard, other)
        else:
            time.sleep(0.01)
        return
    try:
        _rename_aside(lock, holder)
    finally:
        mine = _read(guard)
        if mine is not None and token in mine.text.split():
            with contextlib.suppress(OSError):
                guard.unlink()


def _rename_aside(lock: Path, holder: _Holder) -> None:
    """Rename ``lock`` aside and delete it if it is the one ``holder`` was read from; a lock taken
    since is put back, never deleted."""
    now = _read(lock)
    if now is None or now.identity != holder.identity or now.text != holder.text:
        return  # it changed since it was judged: judge again
    aside = lock.with_name(f"{lock.name}.stale.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        os.rename(lock, aside)
    except FileNotFoundError:
        return  # another build broke it first
    taken = _read(aside)
    try:
        if taken is None or taken.identity != holder.identity or taken.text != holder.text:
            _move_no_replace(aside, lock)
    finally:
        with contextlib.suppress(OSError):
            aside.unlink()
