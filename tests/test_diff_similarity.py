"""The text-similarity measure and the task matcher, and their cost on a 1,000-task plan."""

from __future__ import annotations

import random
import time

from matrix.diff import diff_plans
from matrix.diff.match import match_tasks
from matrix.diff.similarity import MAX_DIFFERENT, dice, grams, normalise, similarity
from matrix.graph import PlanGraph
from matrix.model import Department, Plan, Section, Task

TEXT = "加快实施标准化战略,提高标准化水平。到2012年,争取为主制订、修订国家标准20项。"


def test_identical_and_layout_only_differences_score_one() -> None:
    assert similarity(TEXT, TEXT) == 1.0
    spaced = TEXT.replace(",", "，").replace("。", "。\n ") + "  "
    assert normalise(spaced) == normalise(TEXT) and similarity(TEXT, spaced) == 1.0


def test_different_texts_score_below_one_even_with_the_same_bigrams() -> None:
    # "abab" and "baba" share bigrams {ab, ba} but are different texts.
    assert dice(grams("abab"), grams("abab")) == 1.0
    assert similarity("甲乙甲乙甲", "乙甲乙甲乙") <= MAX_DIFFERENT


def test_a_changed_figure_costs_only_the_bigrams_it_touches() -> None:
    changed = TEXT.replace("20项", "30项")
    value = similarity(TEXT, changed)
    assert 0.95 < value < 1.0
    # 2 of the 40 bigrams on each side differ ("0项" stays, "20" → "30", ",2"... see below).
    a, b = grams(normalise(TEXT)), grams(normalise(changed))
    assert value == 2 * sum((a & b).values()) / (a.total() + b.total())


def test_the_measure_is_symmetric_and_bounded() -> None:
    rng = random.Random(7)
    alphabet = "科技创新加强推进企业平台人才建设发展"
    for _ in range(200):
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        b = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert similarity(a, b) == similarity(b, a)
        assert 0.0 <= similarity(a, b) <= 1.0
        assert (similarity(a, b) == 1.0) == (normalise(a) == normalise(b))


def test_disjoint_and_empty_texts() -> None:
    assert similarity("科技局", "财政厅") == 0.0
    assert similarity("", "") == 1.0 and similarity("", "科技") == 0.0


def test_matcher_pairs_identical_copies_in_order_and_rewordings_by_score() -> None:
    old = [
        ("甲", "加强集成创新。鼓励多学科交叉研究。"),
        ("乙", "加强集成创新。鼓励多学科交叉研究。"),
        ("丙", "完善经费拨款方式"),
    ]
    new = [("丙", "完善经费拨款方式,加强预算管理"), ("甲", "加强集成创新。鼓励多学科交叉研究。")]
    pairs = [(m.old, m.new, m.similarity) for m in match_tasks(old, new)]
    assert pairs[1] == (0, 1, 1.0)
    assert pairs[0][:2] == (2, 0) and 0.5 < pairs[0][2] < 1.0


def _synthetic(n: int, seed: int) -> list[str]:
    """``n`` distinct task texts of 80–200 characters, built from the default plan's vocabulary."""
    rng = random.Random(seed)
    words = [
        "加快",
        "推进",
        "科技",
        "创新",
        "平台",
        "建设",
        "企业",
        "人才",
        "培育",
        "实施",
        "重点",
        "项目",
        "产业",
        "技术",
        "服务",
        "体系",
        "机制",
        "完善",
        "提升",
        "能力",
        "示范",
        "基地",
        "转化",
        "成果",
        "知识产权",
        "标准化",
        "品牌",
        "农业",
        "节能",
        "环保",
        "信息化",
        "金融",
        "投资",
        "孵化器",
    ]
    texts = []
    for k in range(n):
        body = "".join(rng.choice(words) for _ in range(rng.randint(40, 100)))
        texts.append(f"第{k}项任务。{body}。到2012年达到{rng.randint(1, 999)}家。")
    return texts


def _graph(items: list[tuple[int, str]], source: str) -> PlanGraph:
    """A plan of ``(origin, text)`` tasks, 20 to a section; a task's departments follow its origin."""
    sections = [Section(f"二.{s}", ("二", str(s)), f"第{s}部分", s) for s in range(1, 51)]
    tasks = [
        Task(
            id=f"二.{k // 20 + 1}.{k % 20 + 1}",
            outline=("二", str(k // 20 + 1), str(k % 20 + 1)),
            title=text.split("。")[0],
            text=text,
            line=k,
            leads=[f"局{origin % 40}"],
            participants=[f"局{(origin + 7) % 40}"],
            section=f"二.{k // 20 + 1}",
        )
        for k, (origin, text) in enumerate(items)
    ]
    depts = [Department(f"局{d}") for d in range(40)]
    return PlanGraph(Plan("合成计划", source, sections, tasks, depts))


def test_a_thousand_task_revision_is_matched_fast_and_right() -> None:
    old_texts = _synthetic(1000, seed=1)
    rng = random.Random(2)
    new_items = list(enumerate(old_texts))
    reworded = sorted(rng.sample(range(1000), 100))
    for k in reworded:  # one task in ten reworded: a figure changed and a phrase added
        new_items[k] = (k, old_texts[k].replace("2012年", "2025年") + "加强考核。")
    # A deletion in the middle and an insertion at the top shift every number in between.
    del new_items[500]
    new_items.insert(0, (0, "新增任务。建设数字经济示范区3个。"))
    old, new = _graph(list(enumerate(old_texts)), "old.txt"), _graph(new_items, "new.txt")
    start = time.perf_counter()
    diff = diff_plans(old, new)
    elapsed = time.perf_counter() - start
    assert [t.text for t in diff.added] == [new_items[0][1]]
    assert [t.text for t in diff.removed] == [old_texts[500]]
    changed = sorted(c.old.line for c in diff.changed)
    assert changed == [k for k in reworded if k != 500]
    assert all(c.fields == ("text",) and 0.9 < c.similarity < 1.0 for c in diff.changed)
    # Tasks moved across section boundaries by the shift are moves; all others are renumberings.
    assert len(diff.renumbered) + len(diff.moved) == 999 - sum(c.old.id == c.new.id for c in diff.matched)
    # Generous for slow CI machines; about 0.3 s on a laptop (see the report in the README).
    assert elapsed < 10, f"diff of 1,000 tasks took {elapsed:.1f} s"


def test_changed_passages_keep_a_little_context() -> None:
    from matrix.diff.passages import changed_passages

    changed = TEXT.replace("20项", "30项").replace("提高标准化水平", "提升标准化水平")
    # Six characters of context on each side of each change.
    assert changed_passages(TEXT, changed) == [
        ("…准化战略,提高标准化水平。…", "…准化战略,提升标准化水平。…"),
        ("…修订国家标准20项。", "…修订国家标准30项。"),
    ]
    assert changed_passages(TEXT, TEXT) == []
    assert changed_passages("", "新文字") == [("", "新文字")]
