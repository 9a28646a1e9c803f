"""Issue 14, item 8: the output folder's lock is taken and broken atomically.

Four contenders racing for a stale lock never hold it at once; a lock without a PID or whose
process has ended is stale at once; a live holder is waited for, then named with the lock file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from matrix.build.sync import LOCK, build_lock
from matrix.errors import MatrixError


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(child.stdout)


def _race(folder: Path, contenders: int) -> int:
    """How many contenders held ``folder``'s lock at once, at most."""
    holders = most = 0
    count = threading.Lock()
    start = threading.Barrier(contenders)

    def contend() -> None:
        nonlocal holders, most
        start.wait()
        with build_lock(folder, wait=20):
            with count:
                holders += 1
                most = max(most, holders)
            time.sleep(0.002)
            with count:
                holders -= 1

    threads = [threading.Thread(target=contend) for _ in range(contenders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return most


def test_four_contenders_for_a_stale_lock_never_hold_it_at_once(tmp_path: Path) -> None:
    dead = _dead_pid()
    overlaps = 0
    for trial in range(100):
        folder = tmp_path / str(trial)
        folder.mkdir()
        (folder / LOCK).write_text(str(dead))
        overlaps += _race(folder, 4) > 1
        assert [p.name for p in folder.iterdir()] == []  # no lock, nothing left aside
    assert overlaps == 0


@pytest.mark.parametrize("content", ["", "not a pid", "{dead}"])
def test_a_lock_without_a_live_process_is_stale_at_once(tmp_path: Path, content: str) -> None:
    lock = tmp_path / LOCK
    lock.write_text(content.format(dead=_dead_pid()))  # fresh: seconds old, not an hour
    began = time.monotonic()
    with build_lock(tmp_path, wait=5):
        assert lock.exists()
    assert time.monotonic() - began < 2
    assert not lock.exists()


def test_a_live_holder_is_waited_for_then_named(tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (tmp_path / LOCK).write_text(str(holder.pid))
        began = time.monotonic()
        with pytest.raises(MatrixError) as caught, build_lock(tmp_path, wait=0.5):
            pass
        assert time.monotonic() - began >= 0.5
        message = str(caught.value)
        assert str(holder.pid) in message and str(tmp_path / LOCK) in message
        assert (tmp_path / LOCK).read_text() == str(holder.pid)  # a live holder's lock is never broken
    finally:
        holder.kill()
        holder.wait()


def test_the_default_wait_for_a_live_holder_is_ten_seconds() -> None:
    import inspect

    assert inspect.signature(build_lock).parameters["wait"].default == 10.0


def test_a_lock_never_exists_without_its_pid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a build killed between creating the lock and writing its PID must not leave an empty lock:
    # the lock appears with its PID in one step
    seen: list[str] = []
    real_write = os.write

    def write(fd: int, data: bytes) -> int:
        if (tmp_path / LOCK).exists():
            seen.append((tmp_path / LOCK).read_text())
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    with build_lock(tmp_path):
        assert (tmp_path / LOCK).read_text().split()[0] == str(os.getpid())
    assert all(s.strip() for s in seen)
