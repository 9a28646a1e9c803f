"""matrix: from a government plan text to its duty table, letters and progress loop.

Use it from Python as the CLI does::

    from matrix import load_plan
    graph = load_plan("plan_source/00_zizhu_chuangxin_2008.txt")
    for task in graph.tasks():
        print(task.id, graph.leads(task))
"""

from matrix.api import load_plan, parse_plan

__all__ = ["load_plan", "parse_plan"]
__version__ = "0.1.0"
