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
    assert [d.name for d in graph.departments()] == ["市财政局", "市科技局"]
    assert graph.leads(graph.task("一.1")) == ["市科技局"]
    fin = graph.department("市财政局")
    assert fin is not None and fin.contact == "王五" and fin.phone == "0572-1234"
    assert graph.department("市科委") is graph.department("市科技局")
    assert settings.letter.issuer == "**市人民政府办公室" and str(settings.letter.date) == "2026-12-01"
    assert check_plan(graph, settings) == []


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
