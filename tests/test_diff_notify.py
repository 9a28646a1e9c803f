"""Who a revision tells, and what: ``notify`` in ``matrix diff``, renumbering, probable renames.

The plans are invented: a county plan of nine tasks in three sections (清河县), revised one way per
test, compared without settings unless a test writes some.  The checks read the JSON report, the
terminal report and the change notices written by ``diff -o``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook

from matrix.api import diff_files
from matrix.build.changes import write_change_notices
from matrix.diff import PlanDiff
from matrix.render.diff_json import diff_dict
from matrix.render.diff_terminal import print_diff
from matrix.settings import load_settings
from matrix.views.changes import notice_names
from matrix.views.document import resolve_options

PLAN = """清河县2026年优化营商环境行动方案

一、总体要求
坚持问题导向，持续优化营商环境。

二、重点任务
（一）提升政务服务效能
1.推进“一网通办”。整合部门业务系统，实现高频事项全程网办（由县数据局牵头，县政务服务中心、县司法局等参与，2026年6月底前完成）。
2.推行“一件事一次办”。梳理企业和群众关注的集成办事项，年内推出20个“一件事”套餐（由县政务服务中心牵头，县数据局、县市场监管局等参与，2026年9月底前完成）。
3.深化工程建设项目审批改革。压减审批时间至80个工作日以内（由县住建局牵头，县自然资源局、县发改局等参与，2026年12月底前完成）。
（二）优化文旅消费环境
1.打造文旅消费新场景。建设夜间文化和旅游消费集聚区3个（由县文广旅局牵头，县商务局、县财政局等参与，2026年10月底前完成）。
2.规范旅游市场秩序。开展旅游市场专项整治，处理投诉办结率达到100%（由县市场监管局会同县文广旅局牵头，县公安局等参与，2026年8月底前完成）。
3.推进公共文化服务提质。新建城市书房5个，开展送戏下乡200场（由县文广旅局牵头，县财政局、县教育局等参与，2026年12月底前完成）。
（三）强化法治保障
1.规范涉企行政执法。推行包容审慎监管，制定不予处罚事项清单（由县司法局牵头，县市场监管局、县应急管理局等参与，2026年6月底前完成）。
2.加强企业合规指导。为500家企业提供合规体检服务（由县司法局牵头，市生态环境局青山分局、县应急管理局等参与，2026年11月底前完成）。
3.畅通企业诉求渠道。建立企业诉求“接诉即办”机制，办结率达到95%（由县工商联牵头，县信访局、县司法局等参与，2026年7月底前完成）。
"""

LEAD_CHANGE = ("（由县司法局牵头，市生态环境局青山分局", "（由县市场监管局牵头，市生态环境局青山分局")
DELETED = (
    "2.推行“一件事一次办”。梳理企业和群众关注的集成办事项，年内推出20个“一件事”套餐"
    "（由县政务服务中心牵头，县数据局、县市场监管局等参与，2026年9月底前完成）。\n",
    "",
)
RENUMBERED = ("3.深化工程", "2.深化工程")
INSERTED = (
    "3.畅通企业诉求渠道",
    "3.优化企业开办服务。企业开办时间压缩至1个工作日以内（由县市场监管局牵头，县税务局、县人社局等参与，"
    "2026年6月底前完成）。\n4.畅通企业诉求渠道",
)
DEADLINE = ("县应急管理局等参与，2026年6月底前完成", "县应急管理局等参与，2026年9月底前完成")
FIGURE = ("建设夜间文化和旅游消费集聚区3个", "建设夜间文化和旅游消费集聚区5个")
EMPTY = {"renamed_from": None, "added": [], "removed": [], "role_changed": [], "changed": []}


def edit(text: str, *edits: tuple[str, str]) -> str:
    """``text`` with each (old, new) replacement made, each old string occurring exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def renamed(text: str) -> str:
    """The plan with 县文广旅局 renamed 县文化和旅游局 wherever it is named."""
    return text.replace("县文广旅局", "县文化和旅游局")


def files(tmp_path: Path, new_text: str, old_text: str = PLAN) -> tuple[Path, Path]:
    old, new = tmp_path / "县-原.txt", tmp_path / "县-修订.txt"
    old.write_text(old_text, encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return old, new


def compare(tmp_path: Path, new_text: str, old_text: str = PLAN) -> PlanDiff:
    return diff_files(*files(tmp_path, new_text, old_text))


def entries(diff: PlanDiff) -> dict[str, dict[str, Any]]:
    """The JSON report's department entries by name."""
    return {d["name"]: d for d in diff_dict(diff)["departments"]}


def told(entry: dict[str, Any]) -> list[tuple[str, str]]:
    """A department entry's notices as (task, kind) pairs."""
    return [(n["task"], n["kind"]) for n in entry["notify"]]


def write_notices(tmp_path: Path, diff: PlanDiff) -> dict[str, str]:
    """Write ``out/changes/`` and return each notice's text (paragraphs, then table cells) by file name."""
    settings = load_settings(tmp_path / "县-修订.txt")
    write_change_notices(diff, settings, tmp_path / "out", resolve_options(settings.letter))
    out: dict[str, str] = {}
    for path in sorted((tmp_path / "out" / "changes").glob("*.docx")):
        document = docx.Document(str(path))
        lines = [p.text for p in document.paragraphs]
        lines += [c.text for t in document.tables for r in t.rows for c in r.cells]
        out[path.name] = "\n".join(lines)
    return out


def test_after_a_lead_change_the_participants_are_told_of_the_new_lead(tmp_path: Path) -> None:
    diff = compare(tmp_path, edit(PLAN, LEAD_CHANGE))
    got = entries(diff)
    assert list(got) == ["县司法局", "县市场监管局", "县应急管理局", "市生态环境局青山分局"]
    lead_changed = {
        "task": "二.三.2",
        "old_task": "二.三.2",
        "kind": "lead_changed",
        "before": ["县司法局"],
        "after": ["县市场监管局"],
    }
    # The participants' own role did not change: entries with the old fields empty, and one notice.
    for name in ("县应急管理局", "市生态环境局青山分局"):
        assert got[name] == {"name": name, **EMPTY, "notify": [lead_changed]}
    old_lead, new_lead = got["县司法局"], got["县市场监管局"]
    assert old_lead["removed"] == ["二.三.2"] and told(old_lead) == [("二.三.2", "removed")]
    assert old_lead["notify"][0]["before"] == "primary_lead" and old_lead["notify"][0]["after"] is None
    assert new_lead["added"] == ["二.三.2"] and new_lead["notify"][0]["after"] == "primary_lead"
    assert diff_dict(diff)["probable_renames"] == []

    notices = write_notices(tmp_path, diff)
    names = notice_names(diff)
    assert sorted(notices) == sorted(names[n] for n in got)
    participant = notices[names["市生态环境局青山分局"]]
    assert "牵头单位由县司法局调整为县市场监管局" in participant
    assert "你单位：参与" in participant and "内容或分工调整（共1项）" in participant


def test_swapped_leads_are_told_their_roles_and_the_participant_the_new_lead(tmp_path: Path) -> None:
    diff = compare(
        tmp_path,
        edit(
            PLAN,
            ("县市场监管局会同县文广旅局牵头", "县文广旅局会同县市场监管局牵头"),
            # a participant takes over from the only lead, who leaves the task
            ("（由县住建局牵头，县自然资源局、县发改局", "（由县自然资源局牵头，县发改局"),
        ),
    )
    got = entries(diff)
    assert [(n["kind"], n["before"], n["after"]) for n in got["县文广旅局"]["notify"]] == [
        ("role", "lead", "primary_lead")
    ]
    assert told(got["县市场监管局"]) == [("二.二.2", "role")]
    assert got["县公安局"]["notify"] == [
        {
            "task": "二.二.2",
            "old_task": "二.二.2",
            "kind": "lead_changed",
            "before": ["县市场监管局", "县文广旅局"],
            "after": ["县文广旅局", "县市场监管局"],
        }
    ]
    assert told(got["县自然资源局"]) == [("二.一.3", "role")]  # not also "co-lead 县住建局 left"
    assert told(got["县住建局"]) == [("二.一.3", "removed")]
    assert told(got["县发改局"]) == [("二.一.3", "lead_changed"), ("二.一.3", "participants")]


def test_a_renumbering_is_told_only_to_the_bureaus_of_the_renumbered_task(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    diff = compare(tmp_path, edit(PLAN, DELETED, RENUMBERED))
    got = entries(diff)
    renumbered = {"task": "二.一.2", "old_task": "二.一.3", "kind": "renumbered"}
    for name in ("县住建局", "县自然资源局", "县发改局"):
        assert got[name] == {
            "name": name,
            **EMPTY,
            "notify": [{**renumbered, "before": "二.一.3", "after": "二.一.2"}],
        }
    # The deleted task's bureaus learn of the deletion, not of a renumbering that is not theirs.
    assert told(got["县政务服务中心"]) == [("二.一.2", "removed")]
    assert told(got["县数据局"]) == [("二.一.2", "removed")]
    assert got["县数据局"]["notify"][0]["old_task"] == "二.一.2"
    assert set(got) == {"县住建局", "县自然资源局", "县发改局", "县政务服务中心", "县数据局", "县市场监管局"}

    monkeypatch.setenv("COLUMNS", "200")
    print_diff(diff)
    out = capsys.readouterr().out
    assert "编号变化" in out and out.count("二.一.3→二.一.2") == 3  # one per department

    notices = write_notices(tmp_path, diff)
    with_section = sorted(name for name, text in notices.items() if "任务编号调整" in text)
    assert with_section == ["04-县住建局.docx", "05-县自然资源局.docx", "06-县发改局.docx"]
    assert "二.一.3 → 二.一.2（深化工程建设项目审批改革）" in notices["04-县住建局.docx"]
    assert "一、任务编号调整（共1项）" in notices["04-县住建局.docx"]


def test_a_rename_without_settings_is_a_probable_rename_with_one_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    diff = compare(tmp_path, renamed(PLAN))
    data = diff_dict(diff)
    assert data["probable_renames"] == [
        {"from": "县文广旅局", "to": "县文化和旅游局", "shared_tasks": 3, "of": 3}
    ]
    got = entries(diff)
    # The existing fields keep saying what the texts say; only the settings set renamed_from.
    assert got["县文广旅局"]["removed"] == ["二.二.1", "二.二.2", "二.二.3"]
    assert got["县文化和旅游局"]["added"] == ["二.二.1", "二.二.2", "二.二.3"]
    assert got["县文化和旅游局"]["renamed_from"] is None
    # Read literally, 县市场监管局 has a new co-lead on 二.二.2; but nobody is told anything beyond
    # the rename: not the others on those tasks, not the old name.
    assert got["县市场监管局"]["changed"] == ["二.二.2"]
    assert {name: e["notify"] for name, e in got.items()} == {
        "县文化和旅游局": [],
        "县市场监管局": [],
        "县文广旅局": [],
    }
    assert [d.name for d in diff.told] == ["县文化和旅游局"]

    monkeypatch.setenv("COLUMNS", "200")
    print_diff(diff)
    out = capsys.readouterr().out
    assert "县文广旅局 → 县文化和旅游局 (疑似更名, 3 项任务相同)" in out
    assert '[departments."县文化和旅游局"]' in out and 'former_names = ["县文广旅局"]' in out
    assert "县-修订.toml" in out and "疑似原 县文广旅局" in out

    notices = write_notices(tmp_path, diff)
    # The revision workbook's department sheet lists the new name alone, naming the old one.
    sheet = load_workbook(tmp_path / "out" / "changes" / "县-修订-修订对照.xlsx")["单位对照"]
    headings = [r[0].value for r in sheet.iter_rows(min_row=3) if r[0].style == "mx-section"]
    assert headings == ["县文化和旅游局(疑似原 县文广旅局, 未在设置中确认)"]
    culture = notice_names(diff)["县文化和旅游局"]
    assert list(notices) == [culture]
    text = notices[culture]
    assert "原列“县文广旅局”的任务改列“县文化和旅游局”，由你单位继续承担" in text
    assert "新增任务" not in text and "不再承担" not in text

    # The settings line it gives confirms the rename: then it is a rename, and no longer probable.
    settings = tmp_path / "县-修订.toml"
    settings.write_text("\n".join(diff.probable_renames[0].settings_lines) + "\n", encoding="utf-8")
    confirmed = diff_files(tmp_path / "县-原.txt", tmp_path / "县-修订.txt")
    assert confirmed.probable_renames == []
    assert [(d.name, d.renamed_from, d.added, d.removed) for d in confirmed.departments] == [
        ("县文化和旅游局", "县文广旅局", [], [])
    ]


def test_a_rename_among_other_edits(tmp_path: Path) -> None:
    revised = renamed(edit(PLAN, DELETED, RENUMBERED, LEAD_CHANGE, DEADLINE, FIGURE, INSERTED))
    diff = compare(tmp_path, revised)
    assert diff_dict(diff)["probable_renames"] == [
        {"from": "县文广旅局", "to": "县文化和旅游局", "shared_tasks": 3, "of": 3}
    ]
    got = entries(diff)
    # The renamed bureau is told only of its changed figure; its partners on 二.二.1 likewise.
    for name in ("县文化和旅游局", "县商务局", "县财政局"):
        assert told(got[name]) == [("二.二.1", "text")], name
    text = got["县商务局"]["notify"][0]
    assert "集聚区3个" in text["before"] and "集聚区5个" in text["after"]
    assert "县公安局" not in got and "县教育局" not in got  # a renamed co-lead changes nothing for them
    assert told(got["县应急管理局"]) == [("二.三.1", "deadline"), ("二.三.2", "lead_changed")]
    assert got["县应急管理局"]["notify"][0]["before"] == "2026年6月底前"
    assert told(got["县司法局"]) == [
        ("二.三.1", "deadline"),
        ("二.三.2", "removed"),
        ("二.三.4", "renumbered"),
    ]
    assert told(got["县市场监管局"]) == [
        ("二.三.1", "deadline"),
        ("二.三.2", "added"),
        ("二.三.3", "added"),
        ("二.一.2", "removed"),  # the deleted task, under its old number, last
    ]
    assert [n["old_task"] for n in got["县市场监管局"]["notify"]] == ["二.三.1", "二.三.2", None, "二.一.2"]
    assert told(got["县工商联"]) == [("二.三.4", "renumbered")]

    notices = write_notices(tmp_path, diff)
    assert "县文广旅局" not in "".join(n.removesuffix(".docx") for n in notices)
    culture = notices[notice_names(diff)["县文化和旅游局"]]
    assert "原列“县文广旅局”的任务改列“县文化和旅游局”" in culture
    assert "集聚区3个" in culture and "集聚区5个" in culture
    assert "牵头单位：县文广旅局" not in culture  # the rename is no change of team
    petition = notices[notice_names(diff)["县信访局"]]
    assert "二.三.3 → 二.三.4（畅通企业诉求渠道）" in petition and "内容或分工调整" not in petition


def test_a_department_whose_tasks_went_to_several_others_is_removed_not_renamed(tmp_path: Path) -> None:
    revised = edit(
        PLAN,
        ("（由县文广旅局牵头，县商务局、县财政局", "（由县文化局牵头，县商务局、县财政局"),
        ("（由县市场监管局会同县文广旅局牵头", "（由县市场监管局会同县旅游局牵头"),
        ("（由县文广旅局牵头，县财政局、县教育局", "（由县文化局牵头，县财政局、县教育局"),
    )
    diff = compare(tmp_path, revised)
    assert diff_dict(diff)["probable_renames"] == []
    got = entries(diff)
    assert got["县文广旅局"]["removed"] == ["二.二.1", "二.二.2", "二.二.3"]
    assert told(got["县文广旅局"]) == [("二.二.1", "removed"), ("二.二.2", "removed"), ("二.二.3", "removed")]
    assert told(got["县文化局"]) == [("二.二.1", "added"), ("二.二.3", "added")]
    # The partners learn of their new lead.
    assert ("二.二.1", "lead_changed") in told(got["县商务局"])
    notices = write_notices(tmp_path, diff)
    gone = notice_names(diff)["县文广旅局"]
    assert gone in notices and "不再承担的任务（共3项）" in notices[gone]


@pytest.mark.parametrize(
    ("edits", "why"),
    [
        (
            (
                ("（由县文广旅局牵头，县商务局、县财政局", "（由县文化和旅游局牵头，县商务局、县财政局"),
                ("（由县市场监管局会同县文广旅局牵头", "（由县市场监管局会同县文化和旅游局牵头"),
                ("（由县文广旅局牵头，县财政局、县教育局", "（由县财政局牵头，县文化和旅游局、县教育局"),
            ),
            "one task in another role",
        ),
        (
            (
                ("（由县文广旅局牵头，县商务局、县财政局", "（由县文化和旅游局牵头，县商务局、县财政局"),
                ("（由县市场监管局会同县文广旅局牵头", "（由县市场监管局牵头"),
                ("（由县文广旅局牵头，县财政局、县教育局", "（由县教育局牵头，县财政局"),
            ),
            "one task in three",
        ),
    ],
)
def test_no_rename_below_the_share_or_in_another_role(tmp_path: Path, edits: Any, why: str) -> None:
    diff = compare(tmp_path, edit(PLAN, *edits))
    assert diff.probable_renames == [], why
    assert entries(diff)["县文广旅局"]["removed"]


def test_four_tasks_in_five_is_enough(tmp_path: Path) -> None:
    more = PLAN.replace(
        "（三）强化法治保障",
        "4.繁荣文艺创作。推出精品剧目2部（由县文广旅局牵头，县财政局等参与）。\n"
        "5.保护文化遗产。完成文物普查（由县文广旅局牵头，县自然资源局等参与）。\n（三）强化法治保障",
    )
    # Of its five tasks, four go to the new name; the fifth is deleted.
    revised = renamed(
        edit(more, ("5.保护文化遗产。完成文物普查（由县文广旅局牵头，县自然资源局等参与）。\n", ""))
    )
    diff = compare(tmp_path, revised, more)
    assert [(r.old, r.new, r.shared, r.of) for r in diff.probable_renames] == [
        ("县文广旅局", "县文化和旅游局", 4, 5)
    ]
    assert diff.probable_renames[0].label == "县文广旅局 → 县文化和旅游局 (疑似更名, 4 项任务相同, 原有 5 项)"
    assert told(entries(diff)["县文化和旅游局"]) == [("二.二.5", "removed")]


def test_persons_are_never_told(tmp_path: Path) -> None:
    lines = (
        "一、产业发展\n1.建设产业园区。推进园区扩容。\n牵头单位：市发改委\n配合单位：市财政局、市自然资源局\n"
        "分管领导：张三\n完成时限：2026年底前\n"
        "2.培育龙头企业。\n牵头单位：市经信局\n配合单位：市商务局\n分管领导：李四\n"
    )
    revised = edit(lines, ("2026年底前", "2027年底前"), ("牵头单位：市经信局", "牵头单位：市商务局"))
    diff = compare(tmp_path, revised, lines)
    # 张三 and 李四 stand on the changed tasks (分管领导), and are persons: never told.
    assert {d.name for d in diff.new.departments(people=True) if d.is_person} == {"张三", "李四"}
    assert set(entries(diff)) == {"市发改委", "市财政局", "市自然资源局", "市经信局", "市商务局"}
    assert told(entries(diff)["市财政局"]) == [("一.1", "deadline")]
    assert sorted(write_notices(tmp_path, diff)) == sorted(notice_names(diff)[n] for n in entries(diff))


def test_cli_json_carries_the_additions(tmp_path: Path) -> None:
    old, new = files(tmp_path, renamed(edit(PLAN, LEAD_CHANGE)))
    done = subprocess.run(
        [sys.executable, "-m", "matrix", "diff", str(old), str(new), "-f", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 0 and done.stderr == ""
    data = json.loads(done.stdout)
    assert data["probable_renames"][0]["to"] == "县文化和旅游局"
    assert all(set(d) == {"name", *EMPTY, "notify"} for d in data["departments"])
    kinds = {n["kind"] for d in data["departments"] for n in d["notify"]}
    assert kinds == {"added", "removed", "lead_changed"}
