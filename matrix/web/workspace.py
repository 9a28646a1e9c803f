"""The workspace folder of ``matrix serve``: one folder per plan, laid out as the CLI expects.

::

    matrix-work/
      0001/
        <plan>.txt           the current version, under its uploaded name (made safe)
        <plan>.toml          its settings file, beside it as always
        out/                 what ``matrix build <plan>.txt -o out`` writes
        history/1-<old>.txt  earlier versions and their settings, oldest first
        incoming/            a new version or returned forms, uploaded and not yet used
        plan.json            the folder's own record: the current file and its history

So the page and the command line see the same files: a plan corrected on the page builds the
same way with ``matrix build matrix-work/0001/<plan>.txt -o matrix-work/0001/out``.  Every name
from a request reaches the disk through :func:`matrix.paths.safe_filename` and
:func:`matrix.paths.output_path`, never as given.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from matrix.errors import MatrixError, UsageError
from matrix.paths import output_path, safe_filename
from matrix.settings import settings_path

PLAN_SUFFIXES = (".txt", ".text", ".docx", ".doc", ".wps", ".pdf", ".xlsx", ".xlsm", ".xls", ".et")
"""What may be uploaded as a plan; the readers refuse, with their own message, what they cannot read."""
RETURN_SUFFIXES = (".xlsx", ".xlsm")
"""What may be uploaded as a returned progress form."""
RECORD = "plan.json"
_ID = re.compile(r"^[0-9]{4,}$")


class NotFoundError(MatrixError):
    """A plan, task, department or file the request names does not exist."""


@dataclass(frozen=True)
class PlanFolder:
    """One plan's folder in the workspace."""

    id: str
    folder: Path

    @property
    def record(self) -> dict[str, Any]:
        """The folder's ``plan.json``: ``plan`` (the current file's name) and ``history``."""
        data: dict[str, Any] = json.loads((self.folder / RECORD).read_text(encoding="utf-8"))
        return data

    @property
    def plan(self) -> Path:
        """The current version of the plan."""
        return output_path(self.folder, str(self.record["plan"]))

    @property
    def settings(self) -> Path:
        """The plan's settings file (it need not exist)."""
        return settings_path(self.plan)

    @property
    def out(self) -> Path:
        """The build's output folder."""
        return self.folder / "out"

    @property
    def incoming(self) -> Path:
        """Where uploads wait that are not the current plan: a revision, returned forms."""
        return self.folder / "incoming"

    @property
    def history(self) -> list[dict[str, str]]:
        """Earlier versions, oldest first: ``plan``, ``settings`` (paths under the folder), ``replaced``."""
        return list(self.record.get("history", []))

    @property
    def modified(self) -> float:
        """When the plan or its settings last changed (for the recent list)."""
        times = [p.stat().st_mtime for p in (self.folder / RECORD, self.plan, self.settings) if p.exists()]
        return max(times, default=0.0)

    def output(self, relative: str) -> Path:
        """A file under ``out/`` named by a request (``letters/01-市科技局.docx``), checked to stay there."""
        parts = [p for p in relative.replace("\\", "/").split("/") if p]
        if not parts or any(p in {".", ".."} for p in parts):
            raise NotFoundError(f"没有这个文件: {relative}")
        try:
            path = output_path(self.out, *parts)
        except UsageError as exc:
            raise NotFoundError(f"没有这个文件: {relative}") from exc
        if not path.is_file():
            raise NotFoundError(f"没有这个文件: {relative}")
        return path

    def output_files(self) -> list[str]:
        """Every file under ``out/`` (the build's and diff's and collect's), as ``/``-paths, sorted."""
        if not self.out.is_dir():
            return []
        return sorted(
            p.relative_to(self.out).as_posix()
            for p in self.out.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(self.out).parts)
        )

    def save_incoming(self, name: str, data: bytes, kind: str) -> Path:
        """Keep an upload under ``incoming/<kind>/`` by its sanitised name, replacing a file of that name."""
        folder = output_path(self.incoming, safe_filename(kind))
        folder.mkdir(parents=True, exist_ok=True)
        path = output_path(folder, upload_name(name))
        _write_atomic(path, data)
        return path

    def clear_incoming(self, kind: str) -> None:
        """Forget the uploads of one kind."""
        shutil.rmtree(output_path(self.incoming, safe_filename(kind)), ignore_errors=True)

    def adopt(self, new_version: Path) -> None:
        """Make ``new_version`` (an upload under ``incoming/``) the current plan.

        The current plan and its settings go to ``history/``; the new version gets a copy of the
        settings (corrections, contacts, letter) beside it under its own stem.
        """
        record = self.record
        history = record.setdefault("history", [])
        n = len(history) + 1
        old_plan, old_settings = self.plan, self.settings
        folder = self.folder / "history"
        folder.mkdir(exist_ok=True)
        entry = {"plan": "", "settings": "", "replaced": dt.datetime.now().isoformat(timespec="seconds")}
        kept_plan = output_path(folder, safe_filename(f"{n}-{old_plan.name}"))
        shutil.copy2(old_plan, kept_plan)
        entry["plan"] = kept_plan.relative_to(self.folder).as_posix()
        settings_text = old_settings.read_bytes() if old_settings.exists() else None
        if settings_text is not None:
            kept = output_path(folder, safe_filename(f"{n}-{old_settings.name}"))
            shutil.copy2(old_settings, kept)
            entry["settings"] = kept.relative_to(self.folder).as_posix()
        name = _free_name(self.folder, safe_filename(new_version.name), old_plan.name)
        target = output_path(self.folder, name)
        shutil.copyfile(new_version, target)
        if settings_text is not None:
            _write_atomic(settings_path(target), settings_text)
        history.append(entry)
        record["plan"] = name
        _write_record(self.folder, record)
        if old_plan != target:
            old_plan.unlink(missing_ok=True)
            if old_settings != settings_path(target):
                old_settings.unlink(missing_ok=True)


def upload_name(name: str) -> str:
    """The file name of an upload, safe: the last part of what the browser sent (an old browser on
    Windows sends ``C:\\fakepath\\plan.docx``), through :func:`matrix.paths.safe_filename`."""
    return safe_filename(re.split(r"[\\/]", name)[-1])


def _free_name(folder: Path, name: str, current: str) -> str:
    """``name``, or ``name`` with a number when another file (not the current plan) has it."""
    stem, suffix = os.path.splitext(name)
    candidate, n = name, 2
    while candidate in {RECORD, "out", "history", "incoming"} or (
        candidate != current and (folder / candidate).exists()
    ):
        candidate, n = f"{stem}-{n}{suffix}", n + 1
    return candidate


def _write_atomic(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.part")
    temp.write_bytes(data)
    os.replace(temp, path)


def _write_record(folder: Path, record: dict[str, Any]) -> None:
    _write_atomic(folder / RECORD, (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


class Workspace:
    """The folder that holds every plan the page has been given."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def plans(self) -> list[PlanFolder]:
        """Every plan in the workspace, the most recently changed first."""
        found = [
            PlanFolder(p.name, p) for p in self.root.iterdir() if _ID.match(p.name) and (p / RECORD).is_file()
        ]
        return sorted(found, key=lambda p: (p.modified, p.id), reverse=True)

    def get(self, plan_id: str) -> PlanFolder:
        """The plan with this id, or :class:`NotFoundError`."""
        if not _ID.match(plan_id) or not (self.root / plan_id / RECORD).is_file():
            raise NotFoundError(f"工作区中没有编号为 {plan_id} 的计划")
        return PlanFolder(plan_id, self.root / plan_id)

    def add(self, name: str, data: bytes) -> PlanFolder:
        """A new plan folder holding ``data`` under the sanitised ``name``."""
        filename = upload_name(name)
        if not filename.lower().endswith(PLAN_SUFFIXES):
            raise UsageError(
                f"不支持的文件类型: {filename}。请提供 "
                + "、".join(s for s in PLAN_SUFFIXES if s != ".text")
                + " 文件"
            )
        with self._lock:
            taken = [int(p.name) for p in self.root.iterdir() if _ID.match(p.name)]
            plan_id = f"{max(taken, default=0) + 1:04d}"
            folder = self.root / plan_id
            folder.mkdir()
        path = output_path(folder, _free_name(folder, filename, ""))
        _write_atomic(path, data)
        _write_record(folder, {"plan": path.name, "history": []})
        return PlanFolder(plan_id, folder)

    def discard(self, plan: PlanFolder) -> None:
        """Remove a plan folder (an upload that could not be read)."""
        shutil.rmtree(plan.folder, ignore_errors=True)
