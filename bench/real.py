"""Speed on a real plan, the speed users feel: the default plan's full build and a no-change
rebuild, side by side with the floor (a bare ``import matrix`` process, and writing the same bytes).

Every figure is the median wall time of a fresh process, so start-up (Python, the imports) counts
as it does for a clerk typing ``matrix build``.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "plan_source" / "00_zizhu_chuangxin_2008.txt"
REPEATS = 5

_COPY = """
import matrix
import sys
from pathlib import Path
src, dst = Path(sys.argv[1]), Path(sys.argv[2])
for path in sorted(src.rglob("*")):
    if path.is_file():
        target = dst / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
"""


def _timed(args: list[str], before: Callable[[], None] | None = None) -> float:
    runs = []
    if before is not None:
        before()
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)  # a warm-up run, not counted
    for _ in range(REPEATS):
        if before is not None:
            before()
        start = time.perf_counter()
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plan = work / PLAN.name
        shutil.copy(PLAN, plan)
        shutil.copy(PLAN.with_suffix(".toml"), plan.with_suffix(".toml"))
        out = work / "out"
        build = [sys.executable, "-m", "matrix", "build", str(plan), "-o", str(out), "--date", "2026-12-01"]

        def fresh() -> None:
            shutil.rmtree(out, ignore_errors=True)

        python = _timed([sys.executable, "-c", "pass"])
        bare = _timed([sys.executable, "-c", "import matrix"])
        helped = _timed([sys.executable, "-m", "matrix", "--help"])
        full = _timed(build, fresh)
        rebuild = _timed(build)
        copy = work / "copy"

        def clear() -> None:
            shutil.rmtree(copy, ignore_errors=True)

        write = _timed([sys.executable, "-c", _COPY, str(out), str(copy)], clear)
        files = sum(1 for p in out.rglob("*") if p.is_file())
    floor = write  # one process: import matrix, then write the same bytes
    print(f"default plan ({files} files), median of {REPEATS} fresh processes:\n")
    print("| run | s | ÷ floor |")
    print("|---|---|---|")
    for label, value in (
        ("python -c pass", python),
        ("python -c 'import matrix'", bare),
        ("matrix --help", helped),
        ("floor: import matrix, write the same bytes", floor),
        ("matrix build (full)", full),
        ("matrix build (nothing changed)", rebuild),
    ):
        print(f"| {label} | {value:.3f} | {value / floor:.2f} |")
    print(f"\nrebuild ÷ full build: {rebuild / full:.2f}")


if __name__ == "__main__":
    main()
