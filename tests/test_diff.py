"""``matrix diff``: hand-made revisions of the default plan, each with exactly the expected report.

Each test edits the default plan's text in memory, writes old and new versions to a scratch
folder (with a copy of the default settings file beside each, unless the test says otherwise) and
checks the whole JSON report, per task and per department.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from matrix.diff import PlanDiff, diff_files
from matrix.render.diff_json import diff_dict

# The default plan (the one tests/conftest.py serves as a fixture), named here for module constants.
DEFAULT_PLAN = Path(__file__).resolve().parent.parent / "plan_source" / "00_zizhu_chuangxin_2008.txt"
SETTINGS = DEFAULT_PLAN.with_suffix(".toml")
TEXT = DEFAULT_PLAN.read_text(encoding="utf-8")

# Task 二.三.2 as one whole line of the plan.
TASK_232 = next(line for line in TEXT.splitlines() if line.startswith("2.加强集成创新"))
NO_TASKS: dict[str, Any] = {"added": [], "removed": [], "renumbered": [], "moved": [], "changed": []}


def edit(text: str, *edits: tuple[str, str]) -> str:
    """``text`` with each (old, new) replacement made, each old string occurring exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def write(folder: Path, name: str, text: str, *, settings: bool = True) -> Path:
    """A plan file ``name``.txt in ``folder``, with the default settings beside it when asked."""
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    if settings:
        shutil.copyfile(SETTINGS, path.with_suffix(".toml"))
    return path


def compare(tmp_path: Path, new_text: str, old_text: str = TEXT, **kw: bool) -> PlanDiff:
    """The diff of the default plan (or ``old_text``) against ``new_text``."""
    old = write(tmp_path, "old", old_text, settings=kw.get("old_settings", True))
    new = write(tmp_path, "new", new_text, settings=kw.get("new_settings", True))
    return diff_files(old, new)


def dept(name: str, **lists: Any) -> dict[str, Any]:
    """A department entry of the JSON report, with empty lists for what is not given."""
    entry: dict[str, Any] = {"name": name, "renamed_from": None}
    entry.update({"added": [], "removed": [], "role_changed": [], "changed": []})
    entry.update(lists)
    return entry


EXISTING = ("added", "removed", "role_changed", "changed")
"""The department fields the report had before ``notify``: what these tests check."""


def report(diff: PlanDiff) -> dict[str, Any]:
    """The report's tasks and department entries without ``notify``, leaving out the entries of
    departments that are only told (tests/test_diff_notify.py checks those and ``notify``)."""
    data = diff_dict(diff)
    assert data["old"].endswith("old.txt") and data["new"].endswith("new.txt")
    assert data["probable_renames"] == []
    departments = [
        {k: v for k, v in d.items() if k != "notify"}
        for d in data["departments"]
        if d["renamed_from"] or any(d[k] for k in EXISTING)
    ]
    return {"tasks": data["tasks"], "departments": departments}


def test_a_revision_that_changes_nothing_gives_an_empty_report(tmp_path: Path) -> None:
    # Layout and punctuation width are no change: blank lines, CRLF, full-width brackets and commas.
    new_text = TEXT.replace("\n\n", "\n\n\n").replace("(", "（").replace(")", "）").replace(",", "，")
    diff = compare(tmp_path, new_text.replace("\n", "\r\n"))
    assert report(diff) == {"tasks": NO_TASKS, "departments": []}
    assert not diff.has_changes
    assert len(diff.matched) == 25 and all(c.similarity == 1.0 for c in diff.matched)


def test_an_inserted_task_renumbers_the_tasks_after_it(tmp_path: Path) -> None:
    new_text = edit(
        TEXT,
        (
            "2.着力提升农业农村",
            "2.着力推进数字经济创新发展。建设数字经济示范区3个(由市经委牵头,市发改委、市统计局参与)。\n\n3.着力提升农业农村",
        ),
        ("3.着力提升服务业", "4.着力提升服务业"),
    )
    assert report(compare(tmp_path, new_text)) == {
        "tasks": {
            **NO_TASKS,
            "added": ["二.一.2"],
            "renumbered": [{"old": "二.一.2", "new": "二.一.3"}, {"old": "二.一.3", "new": "二.一.4"}],
        },
        # In the settings file's display order; a renumbering alone concerns nobody.
        "departments": [
            dept("市发改委", added=["二.一.2"]),
            dept("市经委", added=["二.一.2"]),
            dept("市统计局", added=["二.一.2"]),
        ],
    }


def test_a_deleted_task_is_removed_for_each_of_its_departments(tmp_path: Path) -> None:
    new_text = edit(
        TEXT,
        (TASK_232 + "\n\n", ""),
        ("3.加强引进消化", "2.加强引进消化"),
        ("4.加强创新成果", "3.加强创新成果"),
    )
    assert report(compare(tmp_path, new_text)) == {
        "tasks": {
            **NO_TASKS,
            "removed": ["二.三.2"],
            "renumbered": [{"old": "二.三.3", "new": "二.三.2"}, {"old": "二.三.4", "new": "二.三.3"}],
        },
        "departments": [
            dept(name, removed=["二.三.2"])
            for name in ("市科技局", "市发改委", "市经委", "市信息化办", "市外经贸局", "市农业局")
        ],
    }


def test_a_new_lead_added_with_huitong(tmp_path: Path) -> None:
    new_text = edit(
        TEXT,
        (
            "(由市科技局牵头,市发改委、市经委、市外经贸局等参与)",
            "(由市科技局会同市教育局牵头,市发改委、市经委、市外经贸局等参与)",
        ),
    )
    assert report(compare(tmp_path, new_text)) == {
        "tasks": {
            **NO_TASKS,
            "changed": [{"old": "二.三.3", "new": "二.三.3", "fields": ["leads"], "similarity": 1.0}],
        },
        # The primary lead hears of its new co-lead; participants do not, their task is the same.
        "departments": [dept("市科技局", changed=["二.三.3"]), dept("市教育局", added=["二.三.3"])],
    }


def test_a_participant_raised_to_lead_is_a_role_change(tmp_path: Path) -> None:
    new_text = edit(
        TEXT,
        (
            "(市科技局牵头,市发改委、市经委、市教育局、市财政局、市质量技监局等参与)",
            "(市科技局会同市财政局牵头,市发改委、市经委、市教育局、市质量技监局等参与)",
        ),
    )
    assert report(compare(tmp_path, new_text)) == {
        "tasks": {
            **NO_TASKS,
            "changed": [
                {"old": "二.五.1", "new": "二.五.1", "fields": ["leads", "participants"], "similarity": 1.0}
            ],
        },
        "departments": [
            dept("市科技局", changed=["二.五.1"]),
            dept("市财政局", role_changed=[{"task": "二.五.1", "old": "participant", "new": "lead"}]),
        ],
    }


def test_swapping_the_primary_lead_is_a_role_change_for_both_leads(tmp_path: Path) -> None:
    new_text = edit(TEXT, ("(由市经委会同市发改委牵头", "(由市发改委会同市经委牵头"))
    assert report(compare(tmp_path, new_text)) == {
        "tasks": {
            **NO_TASKS,
            "changed": [{"old": "二.二.1", "new": "二.二.1", "fields": ["leads"], "similarity": 1.0}],
        },
        "departments": [
            dept("市发改委", role_changed=[{"task": "二.二.1", "old": "lead", "new": "primary_lead"}]),
            dept("市经委", role_changed=[{"task": "二.二.1", "old": "primary_lead", "new": "lead"}]),
        ],
    }


def test_a_participant_added_and_one_removed(tmp_path: Path) -> None:
    new_text = edit(
        TEXT,
        (
            "(由市科技局牵头,市卫生局、市食品药品监管局、市公安局、市气象局等参与)",
            "(由市科技局牵头,市卫生局、市食品药品监管局、市气象局、市环保局等参与)",
        ),
    )
    assert report(compare(tmp_path, new_text)) == {
        "tasks": {
            **NO_TASKS,
            "changed": [{"old": "二.二.3", "new": "二.二.3", "fields": ["participants"], "similarity": 1.0}],
        },
        "departments": [
            dept("市科技局", changed=["二.二.3"]),
            dept("市环保局", added=["二.二.3"]),
            dept("市公安局", removed=["二.二.3"]),
        ],
    }


def test_a_target_number_changed_in_a_task_text(tmp_path: Path) -> None:
    diff = compare(tmp_path, edit(TEXT, ("培育知识产权优势企业200家", "培育知识产权优势企业300家")))
    data = report(diff)
    (changed,) = data["tasks"]["changed"]
    assert changed["fields"] == ["text"] and 0.98 < changed["similarity"] < 1.0
    assert data == {
        "tasks": {**NO_TASKS, "changed": [changed]},
        # Everyone in the task hears of its new text, whatever its role.
        "departments": [
            dept(name, changed=["二.四.1"])
            for name in ("市科技局", "市经委", "市工商局", "市公安局", "市贸粮局")
        ],
    }


def test_a_deadline_added_to_a_task(tmp_path: Path) -> None:
    new_text = edit(
        TEXT,
        (
            "**蚕桑科技创新服务平台等行业和区域创新平台(由市科技局牵头,",
            "**蚕桑科技创新服务平台等行业和区域创新平台(2012年底前完成;由市科技局牵头,",
        ),
    )
    diff = compare(tmp_path, new_text)
    assert diff.new.task("二.五.2").deadline == "2012年底前"
    assert report(diff) == {
        "tasks": {
            **NO_TASKS,
            "changed": [{"old": "二.五.2", "new": "二.五.2", "fields": ["deadline"], "similarity": 1.0}],
        },
        "departments": [
            dept(name, changed=["二.五.2"])
            for name in (
                "市科技局",
                "市发改委",
                "市经委",
                "**开发区管委会",
                "市农业局",
                "市林业局",
                "市教育局",
                "市财政局",
            )
        ],
    }


def _old_name(text: str) -> str:
    # The old version calls 市科技局 by its former name in every assignment; the one mention in a
    # task's own text stays, so that only the rename differs.
    return text.replace("市科技局", "市科学技术委员会").replace(
        "探索建立市科学技术委员会与", "探索建立市科技局与"
    )


@pytest.mark.parametrize("old_settings", [True, False], ids=["old-has-settings", "old-uses-new-settings"])
def test_a_department_renamed_through_the_settings_file(tmp_path: Path, old_settings: bool) -> None:
    diff = compare(tmp_path, TEXT, old_text=_old_name(TEXT), old_settings=old_settings)
    # The renamed bureau appears, with nothing else changing, because its clerk must be told.
    assert report(diff) == {
        "tasks": NO_TASKS,
        "departments": [dept("市科技局", renamed_from="市科学技术委员会")],
    }
    assert diff.has_changes
    assert diff.names["市科学技术委员会"] == "市科技局"
    assert diff.department("市科学技术委员会") is diff.departments[0]


def test_a_rename_and_a_change_in_one_revision(tmp_path: Path) -> None:
    new_text = edit(TEXT, ("培育知识产权优势企业200家", "培育知识产权优势企业300家"))
    diff = compare(tmp_path, new_text, old_text=_old_name(TEXT))
    assert report(diff)["departments"][0] == dept(
        "市科技局", renamed_from="市科学技术委员会", changed=["二.四.1"]
    )


def test_without_the_former_name_a_rename_is_a_loss_and_a_gain(tmp_path: Path) -> None:
    diff = compare(tmp_path, TEXT, old_text=_old_name(TEXT), old_settings=False, new_settings=False)
    names = {d.name: d for d in diff.departments}
    # Every task of the bureau is lost under the old name and gained under the new one.
    ids = [t.id for t in diff.new.tasks() if t.role_of("市科技局")]
    assert len(ids) == 23
    assert names["市科技局"].renamed_from is None and [t.id for t in names["市科技局"].added] == ids
    assert [t.id for t in names["市科学技术委员会"].removed] == ids
    assert [d.name for d in diff.departments][-1] == "市科学技术委员会"  # gone from the new version: last
    # Every task went to 市科技局 in the same role: reported as a probable rename, one notice.
    assert diff_dict(diff)["probable_renames"] == [
        {"from": "市科学技术委员会", "to": "市科技局", "shared_tasks": 23, "of": 23}
    ]
    assert [d.name for d in diff.told] == ["市科技局"] and names["市科技局"].notify == []


def test_a_task_moved_to_another_section_is_a_move_not_a_renumbering(tmp_path: Path) -> None:
    moved = TASK_232.replace("2.加强集成创新", "3.加强集成创新")
    anchor = next(line for line in TEXT.splitlines() if line.startswith("2.加快重大公共创新平台建设")) + "\n"
    new_text = edit(
        TEXT,
        (TASK_232 + "\n\n", ""),
        ("3.加强引进消化", "2.加强引进消化"),
        ("4.加强创新成果", "3.加强创新成果"),
        (anchor, anchor + "\n" + moved + "\n"),
    )
    diff = compare(tmp_path, new_text)
    assert report(diff) == {
        "tasks": {
            **NO_TASKS,
            "renumbered": [{"old": "二.三.3", "new": "二.三.2"}, {"old": "二.三.4", "new": "二.三.3"}],
            "moved": [{"old": "二.三.2", "new": "二.五.3"}],
        },
        "departments": [],
    }


def test_a_section_inserted_before_others_renumbers_their_tasks_without_moving_them(tmp_path: Path) -> None:
    new_text = edit(
        TEXT,
        (
            "(二)大力提升节能减排",
            "(二)大力发展数字经济\n\n1.建设数字经济示范区。建成示范区3个(由市经委牵头,市统计局参与)。\n\n(三)大力提升节能减排",
        ),
        ("(三)大力提升原始创新", "(四)大力提升原始创新"),
        ("(四)大力提升知识产权", "(五)大力提升知识产权"),
        ("(五)大力提升科技创新平台", "(六)大力提升科技创新平台"),
        ("(六)大力提升科技人才", "(七)大力提升科技人才"),
    )
    data = report(compare(tmp_path, new_text))
    assert data["tasks"]["added"] == ["二.二.1"] and data["tasks"]["moved"] == []
    assert len(data["tasks"]["renumbered"]) == 16
    assert data["tasks"]["renumbered"][0] == {"old": "二.二.1", "new": "二.三.1"}
    assert data["departments"] == [dept("市经委", added=["二.二.1"]), dept("市统计局", added=["二.二.1"])]


def test_a_reworded_task_is_the_same_task_and_a_new_one_is_not(tmp_path: Path) -> None:
    reworded = TASK_232.replace(
        "鼓励多学科交叉研究,充分利用国内外现有单项和分散技术,", "支持跨学科研究,"
    ).replace("提高科技项目的集成度和关联度", "提升科技项目的集成水平")
    other = next(line for line in TEXT.splitlines() if line.startswith("3.加强引进消化"))
    replacement = "3.加强海外科技合作。支持企业在海外设立研发机构5家(由市外经贸局牵头,市科技局参与)。"
    diff = compare(tmp_path, edit(TEXT, (TASK_232, reworded), (other, replacement)))
    data = report(diff)
    (changed,) = data["tasks"]["changed"]
    assert (
        changed["new"] == "二.三.2" and changed["fields"] == ["text"] and 0.5 < changed["similarity"] < 0.95
    )
    assert data["tasks"]["added"] == ["二.三.3"] and data["tasks"]["removed"] == ["二.三.3"]
    names = {d["name"]: d for d in data["departments"]}
    assert names["市科技局"] == dept("市科技局", added=["二.三.3"], removed=["二.三.3"], changed=["二.三.2"])
    assert names["市外经贸局"] == dept(
        "市外经贸局", added=["二.三.3"], removed=["二.三.3"], changed=["二.三.2"]
    )
