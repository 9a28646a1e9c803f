"""``matrix diff`` on the command line, its terminal table, its rows and its revision workbook."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from matrix.cli import main
from matrix.diff import diff_files
from matrix.diff.rows import department_rows, task_rows
from matrix.render.diff_terminal import print_diff
from matrix.render.xlsx.revisions import SHEETS, changes_bytes, changes_name

# The default plan (the one tests/conftest.py serves as a fixture), named here for module constants.
DEFAULT_PLAN = Path(__file__).resolve().parent.parent / "plan_source" / "00_zizhu_chuangxin_2008.txt"
TEXT = DEFAULT_PLAN.read_text(encoding="utf-8")
LEAD_CLAUSE = "(市科技局牵头,市发改委、市经委、市教育局、市财政局、市质量技监局等参与)"
NEW_CLAUSE = "(市科技局会同市财政局牵头,市发改委、市经委、市教育局、市质量技监局等参与)"


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """The default plan (old, under its former name for 市科技局) and a revision of it (new)."""
    old = tmp_path / "计划-旧.txt"
    old.write_text(
        TEXT.replace("市科技局(知识产权局)牵头,市经委", "市科学技术委员会(知识产权局)牵头,市经委"), "utf-8"
    )
    new = tmp_path / "计划-新.txt"
    new.write_text(TEXT.replace(LEAD_CLAUSE, NEW_CLAUSE).replace("200家", "300家"), "utf-8")
    shutil.copyfile(DEFAULT_PLAN.with_suffix(".toml"), new.with_suffix(".toml"))
    return old, new


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "matrix", "diff", *args], capture_output=True, text=True, encoding="utf-8"
    )


def test_json_alone_on_stdout_and_exit_0_with_changes(versions: tuple[Path, Path]) -> None:
    done = run(str(versions[0]), str(versions[1]), "--format", "json")
    assert done.returncode == 0 and done.stderr == ""
    data = json.loads(done.stdout)
    assert set(data) == {"old", "new", "tasks", "departments", "probable_renames"}
    assert [c["new"] for c in data["tasks"]["changed"]] == ["二.四.1", "二.五.1"]
    assert data["departments"][0]["renamed_from"] is None  # 市科技局 is still in the old text elsewhere


def test_exit_code_option_gives_1_with_changes_and_0_without(versions: tuple[Path, Path]) -> None:
    old, new = versions
    assert run(str(old), str(new), "--exit-code", "-f", "json").returncode == 1
    same = run(str(DEFAULT_PLAN), str(DEFAULT_PLAN), "--exit-code", "-f", "json")
    assert same.returncode == 0
    assert json.loads(same.stdout)["tasks"]["changed"] == [] and json.loads(same.stdout)["departments"] == []


@pytest.mark.parametrize(
    "case", ["missing file", "not a plan", "bad format", "missing settings", "output is a file"]
)
def test_user_errors_exit_2_with_one_plain_line(case: str, tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    args = {
        "missing file": [str(tmp_path / "没有.txt"), str(DEFAULT_PLAN)],
        "not a plan": [str(DEFAULT_PLAN), str(junk)],
        "bad format": [str(DEFAULT_PLAN), str(DEFAULT_PLAN), "--format", "xml"],
        "missing settings": [str(DEFAULT_PLAN), str(DEFAULT_PLAN), "--settings", str(tmp_path / "没有.toml")],
        "output is a file": [str(DEFAULT_PLAN), str(DEFAULT_PLAN), "-o", str(junk)],
    }[case]
    done = run(*args, "--exit-code")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("错误: ") and "Traceback" not in done.stderr


def test_table_names_each_change(
    versions: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: no cell wraps
    diff = diff_files(*versions)
    print_diff(diff)
    out = capsys.readouterr().out
    assert "内容变化" in out and "二.五.1" in out and "参与→牵头" in out
    assert "0.988" in out and "增 市财政局" not in out and "减 市财政局" in out
    assert len(diff.told) == 9 and "涉及 9 个单位" in out and "编号变化" in out and "疑似更名" not in out


def test_table_of_an_unchanged_plan_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    print_diff(diff_files(DEFAULT_PLAN, DEFAULT_PLAN))
    assert "没有变化" in capsys.readouterr().out


def test_department_rows_put_old_and_new_side_by_side(versions: tuple[Path, Path]) -> None:
    diff = diff_files(*versions)
    finance = diff.department("市财政局")
    assert finance is not None
    (row,) = department_rows(diff, finance)
    assert row.kind_label == "角色变化" and (row.old.id, row.new.id) == ("二.五.1", "二.五.1")
    assert (row.old.role, row.new.role) == ("参与", "牵头")
    assert (row.old.leads, row.new.leads) == ("市科技局", "市科技局、市财政局")
    assert row.field_label == "牵头单位、参与单位"
    assert [r.kind_label for r in task_rows(diff)] == ["内容变化", "内容变化"]


def test_renamed_department_rows_show_its_old_name_and_role(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text(TEXT.replace("市科技局", "市科学技术委员会").replace("200家", "300家"), "utf-8")
    new = tmp_path / "new.txt"
    new.write_text(TEXT, "utf-8")
    shutil.copyfile(DEFAULT_PLAN.with_suffix(".toml"), new.with_suffix(".toml"))
    diff = diff_files(old, new)
    science = diff.departments[0]
    assert (science.name, science.renamed_from) == ("市科技局", "市科学技术委员会")
    rows = department_rows(diff, science)
    # The text of 三.三 names the bureau too, so it changed with the rename.
    assert [r.new.id for r in rows] == ["二.四.1", "三.三"]
    assert rows[0].old.role == rows[0].new.role == "第一牵头"
    assert rows[0].old.leads == "市科学技术委员会" and rows[0].new.leads == "市科技局"


def test_table_of_a_rename_alone_names_the_old_name_and_no_task(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    old = tmp_path / "old.txt"
    old.write_text(
        TEXT.replace("市科技局", "市科学技术委员会").replace("建立市科学技术委员会与", "建立市科技局与"),
        "utf-8",
    )
    new = tmp_path / "new.txt"
    new.write_text(TEXT, "utf-8")
    shutil.copyfile(DEFAULT_PLAN.with_suffix(".toml"), new.with_suffix(".toml"))
    print_diff(diff_files(old, new))
    out = capsys.readouterr().out
    assert "(原 市科学技术委员会)" in out and "任务变化" not in out and "涉及 1 个单位" in out


def test_workbook_is_byte_identical_and_holds_both_sheets(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    diff = diff_files(*versions)
    assert changes_bytes(diff) == changes_bytes(diff_files(*versions))
    assert changes_name(diff) == "计划-新-修订对照.xlsx"
    path = tmp_path / changes_name(diff)
    path.write_bytes(changes_bytes(diff))
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    wb = load_workbook(path)
    assert wb.sheetnames == list(SHEETS)
    tasks = wb[SHEETS[0]]
    headers = [c.value for c in tasks[2]]
    assert headers[:4] == ["变化", "原编号", "新编号", "任务"]
    row = {h: c.value for h, c in zip(headers, tasks[4], strict=True)}
    assert (row["原编号"], row["原牵头单位"], row["新牵头单位"]) == (
        "二.五.1",
        "市科技局",
        "市科技局、市财政局",
    )
    assert tasks.cell(4, headers.index("新牵头单位") + 1).style == "mx-changed"
    depts = wb[SHEETS[1]]
    assert [r[0].value for r in depts.iter_rows(min_row=3) if r[0].style == "mx-section"] == [
        d.name for d in diff.told
    ]


def test_cli_writes_the_workbook_and_keeps_json_alone_on_stdout(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done = run(str(versions[0]), str(versions[1]), "-f", "json", "-o", str(out))
    assert done.returncode == 0
    json.loads(done.stdout)
    path = out / "changes" / "计划-新-修订对照.xlsx"
    assert path.exists() and str(path.name) in done.stderr
    assert path.read_bytes() == changes_bytes(diff_files(*versions))


def test_in_process_main_exits_with_the_diff_codes(versions: tuple[Path, Path]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["diff", str(versions[0]), str(versions[1]), "--exit-code", "-f", "json"])
    assert done.value.code == 1


def test_a_docx_and_a_txt_of_the_same_plan_compare_equal(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in TEXT.splitlines():
        if line.strip():
            document.add_paragraph(line)
    path = tmp_path / "计划.docx"
    document.save(str(path))
    done = run(str(DEFAULT_PLAN), str(path), "--exit-code", "-f", "json")
    assert done.returncode == 0, done.stdout
    data = json.loads(done.stdout)
    assert data["new"].endswith("计划.docx") and data["departments"] == []


def test_rows_say_where_a_text_changed(versions: tuple[Path, Path]) -> None:
    diff = diff_files(*versions)
    row = task_rows(diff)[0]
    assert row.passages == (("…产权优势企业200家。在创…", "…产权优势企业300家。在创…"),)
    assert row.passage_label == "原: …产权优势企业200家。在创…\n新: …产权优势企业300家。在创…"
