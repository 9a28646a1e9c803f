"""What the server keeps between requests: the workspace, the build queue, the parsed plans."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from matrix.api import load_plan
from matrix.graph import PlanGraph
from matrix.render.json import plan_dict
from matrix.settings import Settings, load_settings
from matrix.web.builds import BuildQueue
from matrix.web.workspace import PlanFolder, Workspace

CONTRACT = ("title", "tasks", "departments", "warnings")
"""The keys of ``matrix parse --format json`` that the API's plan object repeats."""


@dataclass(frozen=True)
class Loaded:
    """A plan as read now: its settings, its graph and its JSON (``matrix parse --format json``)."""

    settings: Settings
    graph: PlanGraph
    data: dict[str, Any]

    def api(self, plan_id: str) -> dict[str, Any]:
        """The API's plan object: the id, then the parse JSON's title, tasks, departments, warnings."""
        return {"id": plan_id, **{key: self.data[key] for key in CONTRACT}}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@dataclass
class Server:
    """The state of one ``matrix serve``."""

    workspace: Workspace
    queue: BuildQueue = field(default_factory=BuildQueue)
    _cache: dict[str, tuple[Any, Loaded]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def load(self, plan: PlanFolder) -> Loaded:
        """The plan read with its settings; read again only when the plan or its settings changed."""
        key = (plan.plan, _stamp(plan.plan), _stamp(plan.settings))
        with self._lock:
            cached = self._cache.get(plan.id)
        if cached is not None and cached[0] == key:
            return cached[1]
        settings = load_settings(plan.plan)
        graph = load_plan(plan.plan, settings)
        loaded = Loaded(settings, graph, plan_dict(graph))
        with self._lock:
            self._cache[plan.id] = (key, loaded)
        return loaded
