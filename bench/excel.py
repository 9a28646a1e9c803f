"""``python -m bench.excel``: reading Excel task tables, .xlsx and .xls, each way, time and memory.

A task table of N rows (title row, two-row merged header, a section row merged across every 20
rows, units one per line in every other cell) is written as .xlsx, and as .xls by LibreOffice.
Each reading runs in a fresh process; the table shows the median seconds of the read alone and
the process's peak memory (``ru_maxrss``), which includes Python and the imports (~60 MB).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

ROWS = (25, 500, 5000)
REPEATS = 3
WAYS = {
    "xlsx: openpyxl": "from matrix.readers.xlsx import read_xlsx as read",
    "xls: calamine": "from matrix.readers.xls import read_xls as read",
    "xls: LibreOffice → xlsx → openpyxl": (
        "from matrix.readers.convert import convert_file\n"
        "from matrix.readers.xlsx import read_xlsx\n"
        "import tempfile\n"
        "def read(p):\n"
        "    with tempfile.TemporaryDirectory() as t:\n"
        "        return read_xlsx(convert_file(p, 'xlsx', Path(t)))"
    ),
}
_CHILD = """
import json, sys, time
from pathlib import Path
{imports}
path = Path(sys.argv[1])
start = time.perf_counter()
lines = read(path).lines
print(json.dumps({{"seconds": time.perf_counter() - start, "lines": len(lines)}}))
"""
UNITS = ["市发改委", "市科技局", "市财政局", "市经信局", "市商务局", "市统计局"]


def write_table(path: Path, rows: int) -> None:
    """A task table of ``rows`` task rows, laid out as offices lay them out."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "任务分解表"
    ws.append(["重点任务分工表"])
    ws.append(["序号", "重点任务", "责任单位", None, "完成时限"])
    ws.append([None, None, "牵头单位", "配合单位", None])
    for cells in ("A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"):
        ws.merge_cells(cells)
    for i in range(1, rows + 1):
        if i % 20 == 1:
            ws.append([f"第{i // 20 + 1}部分"])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=5)
        sep = "\n" if i % 2 else "、"
        text = f"推进第{i}项重点工作, 完善工作机制, 加强统筹协调, 确保按期完成各项目标任务。"
        ws.append([i, text, UNITS[i % 6], sep.join(UNITS[(i + 1) % 6 :][:3]), f"{2026 + i % 3}年底前"])
    wb.save(path)


def _measure(code: str, path: Path) -> tuple[float, float]:
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out = proc.stdout.read() if proc.stdout else ""
    err = proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(err[-2000:])
    return json.loads(out)["seconds"], usage.ru_maxrss / 1024


def main() -> None:
    """Write the tables, read each one every way, print a Markdown table."""
    from matrix.readers.convert import convert_file

    print("| rows | way | seconds (median) | peak RSS MB |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="matrix-bench-excel-") as tmp:
        work = Path(tmp)
        for rows in ROWS:
            xlsx = work / f"t{rows}.xlsx"
            write_table(xlsx, rows)
            started = time.perf_counter()
            xls = convert_file(xlsx, "xls", work / f"xls{rows}")
            print(f"<!-- writing .xls through LibreOffice took {time.perf_counter() - started:.1f} s -->")
            for way, imports in WAYS.items():
                path = xlsx if way.startswith("xlsx") else xls
                code = _CHILD.format(imports=imports)
                runs = [_measure(code, path) for _ in range(REPEATS)]
                seconds = statistics.median(r[0] for r in runs)
                rss = max(r[1] for r in runs)
                print(f"| {rows} | {way} | {seconds:.4f} | {rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
