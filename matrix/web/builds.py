"""The server's build queue: one build per plan at a time, the others waiting their turn.

A build asked for from a second tab waits in the queue instead of meeting the output folder's
lock (which refuses after 10 s).  Builds of different plans run side by side.  A build from the
command line is not in this queue: it and the page's build meet at the lock as two CLI builds do,
and the one that waits too long gets the lock's message.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from matrix.api import build_plan
from matrix.errors import MatrixError
from matrix.web.workspace import PlanFolder

WAITING, RUNNING, DONE, FAILED = "waiting", "running", "done", "failed"
LABELS = {WAITING: "排队等候", RUNNING: "正在生成", DONE: "已完成", FAILED: "失败"}


@dataclass
class Ticket:
    """One build asked for: where it stands and, once done, what it wrote."""

    number: int
    plan: str
    state: str = WAITING
    done: int = 0
    total: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_edits: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    finished: threading.Event = field(default_factory=threading.Event, repr=False)

    def as_dict(self, position: int | None = None) -> dict[str, Any]:
        """The ticket as the page's JSON; ``position``: builds ahead of it in its plan's queue."""
        return {
            "ticket": self.number,
            "state": self.state,
            "label": LABELS[self.state],
            "position": position,
            "done": self.done,
            "total": self.total,
            "written": self.written,
            "unchanged": len(self.unchanged),
            "removed": self.removed,
            "kept_edits": [list(pair) for pair in self.kept_edits],
            "warnings": self.warnings,
            "error": self.error,
        }


class BuildQueue:
    """Builds by plan, first come first served within a plan; a worker thread per busy plan."""

    def __init__(self, keep: int = 50) -> None:
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self._queues: dict[str, deque[tuple[Ticket, PlanFolder]]] = {}
        self._running: dict[str, Ticket] = {}
        self._tickets: dict[int, Ticket] = {}
        self._keep = keep

    def submit(self, plan: PlanFolder) -> Ticket:
        """Queue a build of ``plan`` and return its ticket at once."""
        with self._lock:
            ticket = Ticket(next(self._numbers), plan.id)
            self._tickets[ticket.number] = ticket
            for old in sorted(self._tickets)[: max(0, len(self._tickets) - self._keep)]:
                if self._tickets[old].finished.is_set():
                    del self._tickets[old]
            queue = self._queues.setdefault(plan.id, deque())
            queue.append((ticket, plan))
            if plan.id not in self._running:
                self._start(plan.id)
        return ticket

    def run(self, plan: PlanFolder) -> Ticket:
        """Queue a build and wait for it to finish."""
        ticket = self.submit(plan)
        ticket.finished.wait()
        return ticket

    def ticket(self, number: int) -> Ticket | None:
        """A ticket by its number (recent ones only)."""
        return self._tickets.get(number)

    def position(self, ticket: Ticket) -> int:
        """How many builds of the same plan run or wait before ``ticket`` (0: it is running)."""
        with self._lock:
            if ticket.state != WAITING:
                return 0
            queue = [t for t, _ in self._queues.get(ticket.plan, deque())]
            ahead = queue.index(ticket) if ticket in queue else 0
            return ahead + (1 if ticket.plan in self._running else 0)

    def pending(self, plan_id: str) -> list[Ticket]:
        """The running build of a plan, then those waiting, in order."""
        with self._lock:
            running = [self._running[plan_id]] if plan_id in self._running else []
            return running + [t for t, _ in self._queues.get(plan_id, deque())]

    def _start(self, plan_id: str) -> None:
        # called with the lock held; marks the plan busy before the thread runs
        first, plan = self._queues[plan_id].popleft()
        self._running[plan_id] = first
        threading.Thread(target=self._work, args=(plan_id, first, plan), daemon=True).start()

    def _work(self, plan_id: str, ticket: Ticket, plan: PlanFolder) -> None:
        while True:
            _build(ticket, plan)
            with self._lock:
                queue = self._queues.get(plan_id)
                if not queue:
                    self._running.pop(plan_id, None)
                    self._queues.pop(plan_id, None)
                    return
                ticket, plan = queue.popleft()
                self._running[plan_id] = ticket


def _build(ticket: Ticket, plan: PlanFolder) -> None:
    ticket.state = RUNNING

    def progress(done: int, total: int) -> None:
        ticket.done, ticket.total = done, total

    try:
        report = build_plan(plan.plan, plan.out, warn=ticket.warnings.append, progress=progress)
    except MatrixError as exc:
        ticket.error, ticket.state = str(exc), FAILED
    except OSError as exc:
        ticket.error, ticket.state = f"无法写入输出文件: {exc.strerror or exc}: {exc.filename or ''}", FAILED
    except Exception as exc:  # a bug: said on the page, never a silent dead worker
        ticket.error, ticket.state = f"生成时出现内部错误 ({type(exc).__name__}): {exc}", FAILED
    else:
        ticket.written, ticket.unchanged = report.written, report.unchanged
        ticket.removed, ticket.kept_edits = report.removed, report.kept_edits
        ticket.state = DONE
    finally:
        ticket.finished.set()
