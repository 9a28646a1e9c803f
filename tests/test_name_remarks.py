"""What stands beside a name but is not part of it, and words that only end like a body."""

from __future__ import annotations

from helpers import parse_text

from matrix.parsers.names import is_organisation, parse_names


def _texts(cell: str) -> list[str]:
    return [n.text for n in parse_names(cell)]


def test_the_scope_of_a_group_in_angle_brackets_is_no_part_of_its_name() -> None:
    plan = parse_text("1.建设算力中心(各县人民政府〈含高新区、经开区,下同〉牵头,市数据局配合)\n")
    assert [(t.leads, t.participants) for t in plan.tasks] == [(["各县人民政府"], ["市数据局"])]
    assert _texts("各区政府(包括功能区)、市财政局") == ["各区政府", "市财政局"]


def test_a_group_of_some_districts_and_cities_stays_one_addressee() -> None:
    assert _texts("各有关区、县级市政府,市发改委") == ["各有关区、县级市政府", "市发改委"]
    assert _texts("各相关县、市(区)政府") == ["各相关县、市（区）政府"]


def test_a_title_marked_as_trial_names_no_body() -> None:
    plan = parse_text("某市促进数字经济发展若干措施\n(试行)\n一、重点任务\n1.建设数据中心(市数据局牵头)\n")
    assert [t.leads for t in plan.tasks] == [["市数据局"]]
    assert not is_organisation("暂行") and not is_organisation("试行")
    assert is_organisation("人行") and is_organisation("某某银行")


def test_an_item_of_several_brackets_stays_a_task_per_stretch_above_a_plain_paragraph() -> None:
    plan = parse_text(
        "一、重点任务\n"
        "1.举办品牌活动。举办创新大会。(责任单位:市科技局)支持企业参赛。(责任单位:市科技局、市人社局)\n"
        "本措施自发布之日起施行。\n"
    )
    assert [(t.id, t.leads) for t in plan.tasks] == [
        ("一.1.s1", ["市科技局"]),
        ("一.1.s2", ["市科技局", "市人社局"]),
    ]
    assert plan.tasks[1].text.startswith("支持企业参赛") and "本措施自发布之日起施行" in plan.tasks[1].text
