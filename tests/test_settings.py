"""The settings file beside a plan: names, aliases, former names, order, contacts."""

from __future__ import annotations

from pathlib import Path

import pytest

from matrix import load_plan
from matrix.checks import check_plan
from matrix.errors import InputError
from matrix.settings import load_settings

PLAN = "一、任务\n1.甲。（市科学技术局牵头，市财政局参与）\n2.乙。（市财政局负责）\n"


def test_settings_fix_names_and_set_order(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    (tmp_path / "plan.toml").write_text(
        '[departments."市财政局"]\ncontact = "王五"\nphone = "0572-1234"\n'
        '[departments."市科技局"]\naliases = ["市科学技术局"]\nformer_names = ["市科委"]\n'
        '[letter]\nissuer = "**市人民政府办公室"\ndate = 2026-12-01\ncc = ["市委办公室"]\n',
        encoding="utf-8",
    )
    settings = load_settings(plan)
    graph = load_plan(plan)
    # listing departments in the settings does not order them: first appearance in the plan does
    assert [d.name for d in graph.departments()] == ["市科技局", "市财政局"]
    assert graph.leads(graph.task("一.1")) == ["市科技局"]
    fin = graph.department("市财政局")
    assert fin is not None and fin.contact == "王五" and fin.phone == "0572-1234"
    assert graph.department("市科委") is graph.department("市科技局")
    assert settings.letter.issuer == "**市人民政府办公室" and str(settings.letter.date) == "2026-12-01"
    assert check_plan(graph, settings) == []


def names(plan: Path) -> list[str]:
    return [d.name for d in load_plan(plan).departments()]


ORDERED = "一、任务\n1.甲。（市科技局牵头，市财政局、市教育局参与）\n2.乙。（市统计局负责）\n"


def test_order_places_a_department_and_the_others_keep_first_appearance(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(ORDERED, encoding="utf-8")
    assert names(plan) == ["市科技局", "市财政局", "市教育局", "市统计局"]
    settings = tmp_path / "plan.toml"
    # a contact or a former name for a department, without order, moves nothing
    settings.write_text(
        '[departments."市统计局"]\ncontact = "王五"\nformer_names = ["市统计处"]\n', encoding="utf-8"
    )
    assert names(plan) == ["市科技局", "市财政局", "市教育局", "市统计局"]
    settings.write_text(
        '[departments."市统计局"]\norder = 1\n[departments."市教育局"]\norder = 9\n', encoding="utf-8"
    )
    assert names(plan) == ["市统计局", "市科技局", "市财政局", "市教育局"]  # 9 is past the end: last
    settings.write_text('[departments."市财政局"]\norder = 0\n', encoding="utf-8")
    with pytest.raises(InputError, match="order 应为正整数"):
        load_settings(plan)


def test_unknown_name_is_a_warning_only_when_settings_list_departments(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    assert check_plan(load_plan(plan), load_settings(plan)) == []
    (tmp_path / "plan.toml").write_text('[departments."市财政局"]\n', encoding="utf-8")
    messages = [f.message for f in check_plan(load_plan(plan), load_settings(plan))]
    assert messages == ['设置文件中没有单位 "市科学技术局"']


@pytest.mark.parametrize("text", ["[departments\n", 'departments = "x"\n', '[letter]\ndate = "明天"\n'])
def test_bad_settings_are_input_errors(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    (tmp_path / "plan.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"plan\.toml"):
        load_settings(plan)


def test_an_alias_merging_two_departments_renumbers_and_the_build_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from matrix.cli import main

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "一、任务\n1.甲。（市科技局牵头，市科委、市财政局参与）\n2.乙。（市统计局负责）\n", encoding="utf-8"
    )

    def build() -> tuple[list[str], str]:
        with pytest.raises(SystemExit) as done:
            main(["build", str(plan), "-o", str(tmp_path / "out")])
        assert done.value.code in (0, None)
        return sorted(p.name for p in (tmp_path / "out" / "letters").glob("0*.docx")), capsys.readouterr().err

    letters, _ = build()
    assert letters == ["01-市科技局.docx", "02-市科委.docx", "03-市财政局.docx", "04-市统计局.docx"]
    settings = tmp_path / "plan.toml"
    settings.write_text('[departments."市财政局"]\ncontact = "王五"\n', encoding="utf-8")
    letters, err = build()  # a contact renumbers nothing, and nothing is said
    assert letters == ["01-市科技局.docx", "02-市科委.docx", "03-市财政局.docx", "04-市统计局.docx"]
    assert "编号有变化" not in err
    settings.write_text('[departments."市科技局"]\naliases = ["市科委"]\n', encoding="utf-8")
    letters, err = build()
    assert letters == ["01-市科技局.docx", "02-市财政局.docx", "03-市统计局.docx"]
    assert "单位编号有变化" in err and "市财政局 03→02" in err and "市统计局 04→03" in err
