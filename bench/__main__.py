"""``make bench``: speed and memory of matrix at three plan sizes, beside the naive way and the floor.

Every measured step runs in a fresh process (:mod:`bench.step`, or the ``matrix build`` command
itself); its peak memory is that whole process's (``wait4``'s ``ru_maxrss``).  Each step repeats
and the table shows medians; the targets are read as ratios within this one run.
``python -m bench --quick`` measures S and M only, with fewer repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.gen import SIZES, Size, change_one_task, plan_text
from matrix.readers.soffice import find_soffice

ROOT = Path(__file__).resolve().parent.parent
STEPS = (
    "parse",
    "letters",
    "letters-matrix",
    "letters-naive",
    "letters-floor",
    "workbook",
    "xlsx-openpyxl",
    "xlsx-xlsxwriter",
)
LABELS = {
    "parse": "parse (per task)",
    "letters": "build of letters (per letter)",
    "letters-matrix": "letters in memory: matrix (per letter)",
    "letters-naive": "letters: docxtpl, template per letter (per letter)",
    "letters-floor": "letters: zipfile of final parts, floor (per letter)",
    "workbook": "build of the workbook (per task)",
    "xlsx-openpyxl": "matrix sheet: openpyxl, every cell styled (per task)",
    "xlsx-xlsxwriter": "matrix sheet: XlsxWriter constant_memory (per task)",
    "build": "full `matrix build` (per task)",
    "rebuild": "rebuild after a one-task change (per task)",
    "pdf": "PDF of all letters, one soffice run (per letter)",
}


@dataclass
class Samples:
    """The runs of one step at one size: timed seconds, items made, peak RSS in MB."""

    seconds: list[float] = field(default_factory=list)
    rss: list[float] = field(default_factory=list)
    count: int = 0

    def median(self) -> float:
        """The median of the timed seconds."""
        return statistics.median(self.seconds)


def _child(args: list[str], cwd: Path) -> tuple[str, float, float]:
    """Run ``args`` to the end; its standard output, wall seconds and peak RSS in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.stdout.read() if proc.stdout else "", proc.stderr.read() if proc.stderr else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err[-2000:]}")
    return out, wall, usage.ru_maxrss / 1024


def _step(step: str, plan: Path, work: Path, results: dict[str, Samples]) -> None:
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    out, _wall, rss = _child([sys.executable, "-m", "bench.step", step, str(plan), str(work)], ROOT)
    data = json.loads(out.strip().splitlines()[-1])
    samples = results.setdefault(step, Samples())
    samples.seconds.append(data["seconds"])
    samples.rss.append(rss)
    samples.count = data["count"]


def _cli_build(plan: Path, out: Path) -> tuple[float, float]:
    args = [sys.executable, "-m", "matrix", "build", str(plan), "-o", str(out), "--date", "2026-12-01"]
    _, wall, rss = _child(args, ROOT)
    return wall, rss


def _record(results: dict[str, Samples], step: str, size: Size, wall: float, rss: float) -> None:
    samples = results.setdefault(step, Samples())
    samples.seconds.append(wall)
    samples.rss.append(rss)
    samples.count = size.tasks


def measure(size: Size, repeats: int, root: Path, pdf: bool) -> dict[str, Samples]:
    """Every step at ``size``, ``repeats`` times each; PDFs too with ``pdf``."""
    text = plan_text(size)
    plan, changed = root / size.label / "plan.txt", root / size.label / "changed" / "plan.txt"
    changed.parent.mkdir(parents=True, exist_ok=True)
    plan.write_text(text, encoding="utf-8")
    changed.write_text(change_one_task(text), encoding="utf-8")
    results: dict[str, Samples] = {}
    for _ in range(repeats):
        for step in STEPS:
            _step(step, plan, root / size.label / "work", results)
        out = root / size.label / "out"
        shutil.rmtree(out, ignore_errors=True)
        _record(results, "build", size, *_cli_build(plan, out))
        shutil.copy(changed, plan)  # the same file changed, as a clerk edits it
        _record(results, "rebuild", size, *_cli_build(plan, out))
        plan.write_text(text, encoding="utf-8")
        print(f"  {size.label}: round done", file=sys.stderr, flush=True)
    if pdf:
        _step("pdf", plan, root / size.label / "work", results)
    return results


def machine() -> str:
    """The machine the numbers come from: cores, CPU model, Python and LibreOffice versions."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    office = "not installed"
    soffice = find_soffice()
    if soffice:
        run = subprocess.run([soffice, "--version"], capture_output=True, text=True, check=False)
        office = run.stdout.strip() or office
    return (
        f"{os.cpu_count()} cores (nproc), {model}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, LibreOffice: {office}"
    )


def _per(samples: Samples) -> str:
    per = samples.median() / max(samples.count, 1) * 1000
    return f"{per:.3f} ms" if per < 10 else f"{per:.1f} ms"


def table(all_results: dict[str, dict[str, Samples]], repeats: dict[str, int]) -> str:
    """The results as one Markdown table: per step and size, median time, per item, peak RSS."""
    sizes = list(all_results)
    head = "| step | " + " | ".join(f"{s}: s · per item · MB" for s in sizes) + " |"
    lines = [head, "|---|" + "---|" * len(sizes)]
    for step in (*STEPS, "build", "rebuild", "pdf"):
        cells = []
        for label in sizes:
            samples = all_results[label].get(step)
            if samples is None or not samples.seconds:
                cells.append("–")
                continue
            cells.append(f"{samples.median():.3f} · {_per(samples)} · {max(samples.rss):.0f}")
        if any(c != "–" for c in cells):
            lines.append(f"| {LABELS[step]} | " + " | ".join(cells) + " |")
    sizes_line = ", ".join(
        f"{s} = {SIZES[s].tasks} tasks / {SIZES[s].departments} departments ({repeats[s]} runs)"
        for s in sizes
    )
    return "\n".join([*lines, "", f"Sizes: {sizes_line}. Times are medians; MB is the peak RSS."])


def _ratio(results: dict[str, Samples], top: str, bottom: str) -> float | None:
    if top not in results or bottom not in results:
        return None
    a, b = results[top], results[bottom]
    return (a.median() / max(a.count, 1)) / (b.median() / max(b.count, 1))


def ratios(all_results: dict[str, dict[str, Samples]]) -> str:
    """The targets' ratios, each with its limit."""
    lines = ["", "| ratio (target) | " + " | ".join(all_results) + " |", "|---|" + "---|" * len(all_results)]
    checks = (
        ("letters: matrix ÷ floor, per letter (≤ 1.5)", "letters-matrix", "letters-floor"),
        ("letters: naive ÷ matrix, per letter (≥ 4)", "letters-naive", "letters-matrix"),
        ("workbook: openpyxl every cell ÷ matrix workbook (≥ 1.5 at M)", "xlsx-openpyxl", "workbook"),
        ("workbook: matrix workbook ÷ XlsxWriter constant_memory", "workbook", "xlsx-xlsxwriter"),
        ("rebuild ÷ full build (≤ 0.15 at M)", "rebuild", "build"),
    )
    for label, top, bottom in checks:
        cells = []
        for results in all_results.values():
            value = _ratio(results, top, bottom)
            cells.append("–" if value is None else f"{value:.2f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    if "M" in all_results and "L" in all_results:
        m, big = all_results["M"]["parse"], all_results["L"]["parse"]
        value = (big.median() / big.count) / (m.median() / m.count)
        lines.append(f"| parse: per task, L ÷ M (≤ 1.3) | – | {value:.2f} | |")
    if "L" in all_results:
        lines.append(f"| full build at L: peak MB (< 300) | | | {max(all_results['L']['build'].rss):.0f} |")
    return "\n".join(lines)


def main() -> None:
    """Measure, then print the machine, the table and the ratios."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="S and M only, fewer repeats")
    args = parser.parse_args()
    repeats = {"S": 3, "M": 2} if args.quick else {"S": 5, "M": 3, "L": 1}
    has_office = find_soffice() is not None
    all_results: dict[str, dict[str, Samples]] = {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="matrix-bench-") as tmp:
        for label, count in repeats.items():
            print(f"measuring {label} ({count} runs)…", file=sys.stderr, flush=True)
            all_results[label] = measure(SIZES[label], count, Path(tmp), pdf=has_office and label == "S")
    print(f"Machine: {machine()}")
    print(f"Run took {time.perf_counter() - started:.0f} s.\n")
    print(table(all_results, repeats))
    print(ratios(all_results))


if __name__ == "__main__":
    main()
