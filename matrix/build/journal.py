"""The commit of a build into ``out/`` as one step: a journal of moves, done all or not at all.

A build stages its new files in ``out/.matrix-staging/new/``, then writes a journal listing every
move, and only then moves anything.  There are two kinds of move:

* **aside**: an existing file leaves its place, for ``.matrix-staging/old/`` (a file replaced or
  removed; deleted once the commit is done) or for its dated copy (a file edited by hand);
* **place**: a staged file takes its place.

Every file goes aside first: that is the check that each one can be moved (on Windows a letter
open in Word cannot), and if one cannot, those already moved come back and nothing else happens.
Then every staged file is placed, the manifest last.  Each move has a side that did not exist
before the commit (a staged file, an ``old/`` slot, a dated copy), so whether it was done can be
read from the disk alone.  A build that finds a journal (its predecessor was killed) finishes the
moves, or, when staged files are missing, undoes those that were done, before it does anything else.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from matrix.errors import MatrixError

STAGING = ".matrix-staging"
"""The one hidden folder inside ``out/`` where a build stages its files (removed when it ends)."""
JOURNAL = "journal.json"
_LEGACY_STAGING = ".matrix-stage-"  # earlier versions staged in out/.matrix-stage-XXXX


@dataclass(frozen=True)
class Move:
    """One move of a commit, paths relative to ``out/`` with ``/``.

    ``aside``: ``target`` → ``fresh``; ``place``: ``fresh`` → ``target``.  ``fresh`` is the side
    that did not exist before the commit.
    """

    kind: str  # "aside" | "place"
    target: str
    fresh: str


class CommitRefused(MatrixError):
    """A file in ``out/`` could not be moved; ``out/`` was left as it was."""


def staging(out_dir: Path) -> Path:
    """The staging folder of ``out_dir``."""
    return out_dir / STAGING


def _path(out_dir: Path, rel: str) -> Path:
    return out_dir.joinpath(*rel.split("/"))


def _done(out_dir: Path, move: Move) -> bool:
    fresh = _path(out_dir, move.fresh)
    if move.kind == "aside":
        return fresh.exists()
    return not fresh.exists() and _path(out_dir, move.target).exists()


def _do(out_dir: Path, move: Move) -> None:
    target, fresh = _path(out_dir, move.target), _path(out_dir, move.fresh)
    if move.kind == "aside":
        if not target.exists():
            return  # gone already (deleted by hand): nothing to keep
        fresh.parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, fresh)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(fresh, target)


def _undo(out_dir: Path, move: Move) -> None:
    target, fresh = _path(out_dir, move.target), _path(out_dir, move.fresh)
    if move.kind == "aside":
        os.replace(fresh, target)
    else:
        fresh.parent.mkdir(parents=True, exist_ok=True)
        os.replace(target, fresh)


def _ordered(moves: Sequence[Move]) -> list[Move]:
    return [m for m in moves if m.kind == "aside"] + [m for m in moves if m.kind == "place"]


def commit(out_dir: Path, moves: Sequence[Move]) -> None:
    """Perform ``moves`` (all asides, then all places) as one step.

    A move that fails, or Ctrl-C, undoes the moves done so far: ``out/`` is as it was.  A file that
    cannot be moved aside is named in a :class:`CommitRefused`.
    """
    ordered = _ordered(moves)
    journal = staging(out_dir) / JOURNAL
    temp = journal.with_suffix(".tmp")
    temp.write_text(
        json.dumps([[m.kind, m.target, m.fresh] for m in ordered], ensure_ascii=False), encoding="utf-8"
    )
    os.replace(temp, journal)
    done: list[Move] = []
    try:
        for move in ordered:
            try:
                _do(out_dir, move)
            except OSError as exc:
                hint = "文件可能正在 Word、WPS 或 Excel 中打开; " if isinstance(exc, PermissionError) else ""
                raise CommitRefused(
                    f"无法写入 {move.target} ({exc.strerror or exc})。{hint}输出目录保持原样, 未做任何改动",
                    path=str(out_dir),
                ) from exc
            done.append(move)
    except BaseException:
        _roll_back(out_dir, done)  # on failure here the journal stays for the next build
        journal.unlink()
        raise
    journal.unlink()


def _roll_back(out_dir: Path, moves: Sequence[Move]) -> None:
    for move in reversed(moves):
        if _done(out_dir, move):
            _undo(out_dir, move)


def recover(out_dir: Path) -> str | None:
    """Finish or undo a commit a killed build left in ``out_dir``; what was done, or None.

    Then clear the staging folder (and earlier versions' staging folders) of any leftovers.
    """
    message = None
    journal = staging(out_dir) / JOURNAL
    if journal.exists():
        try:
            moves = [Move(*entry) for entry in json.loads(journal.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            moves = None
        if moves is None:
            message = f"发现无法读取的写入记录 {journal}, 已忽略"
        elif all(_done(out_dir, m) or _path(out_dir, m.fresh).exists() for m in moves if m.kind == "place"):
            for move in moves:
                if not _done(out_dir, move):
                    try:
                        _do(out_dir, move)
                    except OSError as exc:
                        raise CommitRefused(
                            f"上次中断的写入无法完成: 无法移动 {move.target} ({exc.strerror or exc})。"
                            "请关闭该文件后再试",
                            path=str(out_dir),
                        ) from exc
            message = "上次写入在中途被中断, 已把它完成 (输出目录现在是那次写入的结果)"
        else:
            _roll_back(out_dir, moves)
            message = "上次写入在中途被中断且暂存文件已缺失, 已还原到那次写入之前的文件"
        journal.unlink()
    clear(out_dir)
    return message


def clear(out_dir: Path) -> None:
    """Remove the staging folder and earlier versions' ``.matrix-stage-*`` folders, unless a
    journal there still waits for the next build to finish its commit."""
    if (staging(out_dir) / JOURNAL).exists():
        return
    shutil.rmtree(staging(out_dir), ignore_errors=True)
    with contextlib.suppress(OSError):
        for leftover in out_dir.iterdir():
            if leftover.name.startswith(_LEGACY_STAGING) and leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
