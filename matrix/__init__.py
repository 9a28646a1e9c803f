"""matrix: from a government plan text to its duty table, letters and progress loop.

Use it from Python as the CLI does::

    from matrix import load_plan
    graph = load_plan("plan_source/00_zizhu_chuangxin_2008.txt")
    for task in graph.tasks():
        print(task.id, graph.leads(task))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matrix.api import load_plan, parse_plan

__all__ = ["load_plan", "parse_plan"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # Imported on first use, so that starting the command (python -m matrix) is quick and a
    # Ctrl-C while it starts meets the command's own handler rather than a half-done import.
    if name in __all__:
        from matrix import api

        return getattr(api, name)
    raise AttributeError(f"module 'matrix' has no attribute {name!r}")
