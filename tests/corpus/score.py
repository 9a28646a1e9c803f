#!/usr/bin/env python3
"""The project's own copy of the corpus scoring rules (the same rules as the shared scorer).

Score a parser's JSON output against the gold parses (see ANNOTATION.md).

    score.py GOLD_DIR PRED_DIR            # PRED_DIR/<name>.json beside GOLD_DIR/<name>.json
    score.py GOLD_DIR --cmd 'matrix parse {} --format json' --plans PLANS_DIR
    options: --min-f1 0.98 / --min-file-f1 0.95 (exit 1 below), --verbose (list every miss)

A parsed file is {"tasks": [{"text" | "title": str, "leads": [...], "participants": [...], "others": [...]}]};
a name may be a string or an object with "name". Tasks are aligned to gold by the gold `start`
(the first 12 characters of the task's text), then (task, name, role) triples are counted,
role being lead, participant or other.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

VAGUE = re.compile(r"(有关|相关|其他|其它)(部门|单位|方面)|^等部门$|^部门$")


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def names(task: dict, key: str) -> list[str]:
    out = []
    for x in task.get(key) or []:
        name = x.get("name", "") if isinstance(x, dict) else str(x)
        name = norm(name)
        if name and not VAGUE.search(name):
            out.append(name)
    return out


def task_text(task: dict) -> str:
    return norm(task.get("text") or task.get("title") or task.get("start") or "")


def align(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Greedy best-first matching of gold tasks to parsed tasks by their opening text."""
    pairs = []
    texts = [task_text(p) for p in pred]
    for gi, g in enumerate(gold):
        start = norm(g["start"])
        for pi, t in enumerate(texts):
            pos = t.find(start, 0, len(start) + 40) if start else -1
            if pos >= 0:
                sim = 2.0 - pos / 100
            else:
                sim = difflib.SequenceMatcher(None, start, t[: len(start)]).ratio()
            if sim >= 0.6:
                pairs.append((sim, -abs(gi - pi), gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, match = set(), set(), {}
    for _, _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi), used_p.add(pi)
            match[gi] = pi
    return match


def triples(task: dict, tid: int) -> set[tuple[int, str, str]]:
    """(task, name, role) with role lead, participant, or other (指导, 落实 ...).

    The role word itself is not compared."""
    others = names(task, "others") + names(task, "other")
    return (
        {(tid, n, "lead") for n in names(task, "leads")}
        | {(tid, n, "participant") for n in names(task, "participants")}
        | {(tid, n, "other") for n in others}
    )


def score_file(gold: dict, pred: dict, verbose: bool) -> tuple[int, int, int, list[str]]:
    gt, pt = gold["tasks"], pred.get("tasks", [])
    match = align(gt, pt)
    g_set, p_set, log = set(), set(), []
    for gi, g in enumerate(gt):
        g_set |= triples(g, gi)
        if gi in match:
            p_set |= triples(pt[match[gi]], gi)
        elif verbose:
            log.append(f"  no parsed task for gold {g['outline']} {g['start']}")
    matched_p = set(match.values())
    for pi, p in enumerate(pt):
        if pi not in matched_p:
            extra = triples(p, 10_000 + pi)
            p_set |= extra
            if verbose and extra:
                log.append(f"  unmatched parsed task {task_text(p)[:20]} with {len(extra)} names")
    tp = len(g_set & p_set)
    if verbose:
        for t in sorted(g_set - p_set):
            log.append(f"  missed {gt[t[0]]['outline']} {t[1]} as {t[2]}")
        for t in sorted(p_set - g_set):
            where = gt[t[0]]["outline"] if t[0] < 10_000 else "unmatched"
            log.append(f"  wrong  {where} {t[1]} as {t[2]}")
    return tp, len(p_set), len(g_set), log


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("pred_dir", type=Path, nargs="?")
    ap.add_argument("--cmd", help="command with {} for the plan path; prints the parse JSON")
    ap.add_argument("--plans", type=Path, help="folder of plan texts, with --cmd")
    ap.add_argument("--min-f1", type=float, default=None, help="exit 1 if the overall F1 is lower")
    ap.add_argument("--min-file-f1", type=float, default=None, help="exit 1 if any file's F1 is lower")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    total, worst = [0, 0, 0], 1.0
    print(f"{'file':58} {'tasks':>9} {'P':>6} {'R':>6} {'F1':>6}")
    for gf in sorted(a.gold_dir.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        try:
            if a.cmd:
                plan = next(a.plans.glob(gf.stem + ".*"))
                cmd = a.cmd.replace("{}", shlex.quote(str(plan)))
                run = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=120)
                pred = json.loads(run.stdout)
            else:
                pred = json.loads((a.pred_dir / gf.name).read_text(encoding="utf-8"))
        except Exception as e:  # a crash or bad JSON scores zero for that file
            print(f"{gf.stem:58} no parse: {type(e).__name__}: {str(e)[:80]}")
            pred = {"tasks": []}
        tp, np_, ng, log = score_file(gold, pred, a.verbose)
        total = [total[0] + tp, total[1] + np_, total[2] + ng]
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        worst = min(worst, f)
        n_pred = len(pred.get("tasks", []))
        print(f"{gf.stem:58} {n_pred:>4}/{len(gold['tasks']):<4} {p:6.3f} {r:6.3f} {f:6.3f}")
        for line in log:
            print(line)
    tp, np_, ng = total
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"overall micro P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(f"worst file F1={worst:.3f}")
    below = (a.min_f1 is not None and f < a.min_f1) or (a.min_file_f1 is not None and worst < a.min_file_f1)
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
