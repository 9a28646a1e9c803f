"""``matrix diff -o``: a change notice (变更通知) for each department told of a revision, and no other.

Each test edits the default plan's text in memory, writes the old and the revised version to a
scratch folder (each with a copy of the default settings beside it), writes ``out/changes/`` and
reads the notices back with python-docx: the file names, the parts and their rows, old and new
side by side.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from letters_helpers import W, part
from lxml import etree

from matrix.api import load_versions
from matrix.build.changes import write_change_notices
from matrix.build.letters import jobs as letter_jobs
from matrix.build.options import BuildOptions
from matrix.build.sync import BuildReport, read_manifest
from matrix.cli import main
from matrix.diff import PlanDiff, diff_plans
from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.shipped import default_template
from matrix.render.docx.template_check import check_template
from matrix.render.xlsx.revisions import changes_bytes
from matrix.settings import load_settings
from matrix.views.changes import CHANGE_FIELDS, notice_names
from matrix.views.document import resolve_options

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLAN = ROOT / "plan_source" / "00_zizhu_chuangxin_2008.txt"
SETTINGS = DEFAULT_PLAN.with_suffix(".toml")
TEXT = DEFAULT_PLAN.read_text(encoding="utf-8")

INSERTED = (
    (
        "2.着力提升农业农村",
        "2.着力推进数字经济创新发展。建设数字经济示范区3个(由市经委牵头,市发改委、市统计局参与)。"
        "\n\n3.着力提升农业农村",
    ),
    ("3.着力提升服务业", "4.着力提升服务业"),
)
PARTICIPANTS = (
    (
        "(由市科技局牵头,市卫生局、市食品药品监管局、市公安局、市气象局等参与)",
        "(由市科技局牵头,市卫生局、市食品药品监管局、市气象局、市环保局等参与)",
    ),
)
TARGET = (("培育知识产权优势企业200家", "培育知识产权优势企业300家"),)
RAISED = (
    (
        "(市科技局牵头,市发改委、市经委、市教育局、市财政局、市质量技监局等参与)",
        "(市科技局会同市财政局牵头,市发改委、市经委、市教育局、市质量技监局等参与)",
    ),
)
XLSX = "new-修订对照.xlsx"
HEADS = {
    "added": ("序号", "任务", "角色", "牵头单位", "参与单位", "完成时限"),
    "removed": ("序号", "任务", "原角色", "说明"),
    "role": ("序号", "任务", "角色变化", "修订后牵头单位", "完成时限"),
    "changed": ("序号", "任务", "原内容", "修订后内容"),
}


def edit(text: str, *edits: tuple[str, str]) -> str:
    """``text`` with each (old, new) replacement made, each old string occurring exactly once."""
    for old, new in edits:
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
        text = text.replace(old, new)
    return text


def old_name(text: str) -> str:
    """The plan as it read before 市科技局 was renamed from 市科学技术委员会 (one mention in a task's
    own text stays, so that only the assignments differ)."""
    return text.replace("市科技局", "市科学技术委员会").replace(
        "探索建立市科学技术委员会与", "探索建立市科技局与"
    )


def versions(folder: Path, new_text: str, old_text: str = TEXT) -> tuple[Path, Path]:
    """``old.txt`` and ``new.txt`` in ``folder``, each with the default settings beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in (("old", old_text), ("new", new_text)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        shutil.copyfile(SETTINGS, path.with_suffix(".toml"))
        paths.append(path)
    return paths[0], paths[1]


def write(
    tmp_path: Path, new_text: str, old_text: str = TEXT, out: str = "out"
) -> tuple[PlanDiff, BuildReport]:
    """Compare the two versions and write ``tmp_path/out/changes/`` as ``matrix diff -o`` does."""
    old, new = versions(tmp_path / "plans", new_text, old_text)
    old_graph, new_graph, settings = load_versions(old, new)
    diff = diff_plans(old_graph, new_graph, settings)
    report = write_change_notices(diff, settings, tmp_path / out, resolve_options(settings.letter))
    return diff, report


def notices(tmp_path: Path, out: str = "out") -> list[str]:
    """The Word files in ``out/changes/``, by name."""
    return sorted(p.name for p in (tmp_path / out / "changes").glob("*.docx"))


def cell_text(cell: docx.table._Cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


class Notice:
    """A notice read back: its paragraphs outside tables and its task tables by kind."""

    def __init__(self, path: Path) -> None:
        document = docx.Document(str(path))
        self.paragraphs = [p.text for p in document.paragraphs]
        self.headings = [
            p.text for p in document.paragraphs if p.style and (p.style.name or "").lower() == "heading 1"
        ]
        self.tables: dict[str, list[list[str]]] = {}
        for table in document.tables:
            rows = [[cell_text(c) for c in row.cells] for row in table.rows]
            kind = next((k for k, head in HEADS.items() if tuple(rows[0]) == head), None)
            if kind is not None:
                self.tables[kind] = rows[1:]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def read(tmp_path: Path, name: str, out: str = "out") -> Notice:
    return Notice(tmp_path / out / "changes" / name)


def named_on(diff: PlanDiff, *task_ids: str) -> set[str]:
    """The departments named on the new version's tasks ``task_ids``, in any role."""
    return {a.department for t in task_ids for a in diff.new.assignments(diff.new.task(t))}


def test_an_inserted_task_goes_to_its_departments_and_the_renumbered_learn_their_numbers(
    tmp_path: Path,
) -> None:
    diff, report = write(tmp_path, edit(TEXT, *INSERTED))
    names = notice_names(diff)
    # The new task's three departments, and every department of the two tasks it renumbered.
    assert named_on(diff, "二.一.2") == {"市发改委", "市经委", "市统计局"}
    assert notices(tmp_path) == sorted(names[n] for n in named_on(diff, "二.一.2", "二.一.3", "二.一.4"))
    assert report.written == [f"changes/{n}" for n in notices(tmp_path)] + [f"changes/{XLSX}"]
    # A notice has its bureau's letter's number.
    settings = load_settings(tmp_path / "plans" / "new.txt")
    letters = {j.path.removeprefix("letters/") for j in letter_jobs(diff.new, settings, BuildOptions())}
    assert set(notices(tmp_path)) <= letters
    lead = read(tmp_path, "03-市经委.docx")
    assert lead.headings == ["一、新增任务（共1项）", "二、任务编号调整（共1项）", "三、工作要求"]
    assert "关于《自主创新能力提升行动计划》修订后重点任务分工调整的通知" in lead.paragraphs
    assert "市经委：" in lead.paragraphs
    assert "共涉及任务2项，其中新增任务1项、任务编号调整1项。" in lead.text
    assert "二.一.3 → 二.一.4（着力提升服务业创新能力）" in lead.paragraphs
    (row,) = lead.tables["added"]
    assert row[0] == "1" and row[1].startswith("二、（一）2. 着力推进数字经济创新发展\n")
    assert "建设数字经济示范区3个" in row[1]
    assert row[2:] == ["牵头", "市经委", "市发改委、市统计局", "—"]
    assert set(lead.tables) == {"added"}
    assert read(tmp_path, "02-市发改委.docx").tables["added"][0][2] == "参与"
    # A bureau whose task only moved down one number is told that alone, in a short section.
    farm = read(tmp_path, "09-市农业局.docx")
    assert farm.headings == ["一、任务编号调整（共1项）", "二、工作要求"] and farm.tables == {}
    assert "二.一.2 → 二.一.3（着力提升农业农村科技创新能力）" in farm.paragraphs
    assert "台账、表格和报送材料要改用新编号" in farm.text


def test_a_participant_added_and_one_removed(tmp_path: Path) -> None:
    write(tmp_path, edit(TEXT, *PARTICIPANTS))
    # The lead and the participants who stay are told of the change of team, too.
    assert notices(tmp_path) == [
        "01-市科技局.docx",
        "17-市卫生局.docx",
        "21-市环保局.docx",
        "22-市气象局.docx",
        "23-市食品药品监管局.docx",
        "26-市公安局.docx",  # numbered by its first appearance in the revised plan, further down
    ]
    old = "参与单位：市卫生局、市食品药品监管局、市公安局、市气象局"
    new = "参与单位：市卫生局、市食品药品监管局、市气象局、市环保局"
    lead = read(tmp_path, "01-市科技局.docx")
    assert lead.headings == ["一、内容或分工调整（共1项）", "二、工作要求"]
    (row,) = lead.tables["changed"]  # no 修改处: the text did not change
    assert row[0] == "1" and row[1].startswith("二、（二）3.") and row[1].endswith("你单位：牵头")
    assert row[2:] == [old, new]
    (row,) = read(tmp_path, "22-市气象局.docx").tables["changed"]
    assert row[1].endswith("你单位：参与") and row[2:] == [old, new]
    joined = read(tmp_path, "21-市环保局.docx")
    assert joined.tables["added"][0][2:] == [
        "参与",
        "市科技局",
        "市卫生局、市食品药品监管局、市气象局、市环保局",
        "—",
    ]
    left = read(tmp_path, "26-市公安局.docx")
    assert left.headings == ["一、不再承担的任务（共1项）", "二、工作要求"]
    (row,) = left.tables["removed"]
    assert row[1].startswith("二、（二）3.") and row[2:] == [
        "参与",
        "任务保留，不再列你单位（修订后牵头单位：市科技局）。",
    ]


def test_a_department_the_revision_drops_is_numbered_after_the_new_list(tmp_path: Path) -> None:
    diff, _ = write(
        tmp_path,
        edit(TEXT, ("市人事局、市教育局、市国资委、市质量技监局", "市人事局、市教育局、市质量技监局")),
    )
    assert "市国资委" not in [d.name for d in diff.new.departments()]
    gone = f"{len(diff.new.departments()) + 1:02d}-市国资委.docx"
    # Everyone else on the task learns that a participant left; the one that left, after them all.
    stay = sorted(notice_names(diff)[n] for n in named_on(diff, "三.二"))
    assert len(stay) == 8 and notices(tmp_path) == [*stay, gone]
    (row,) = read(tmp_path, gone).tables["removed"]
    assert row[2:] == ["参与", "任务保留，不再列你单位（修订后牵头单位：市科技局）。"]


def test_a_changed_target_shows_old_and_new_text_side_by_side(tmp_path: Path) -> None:
    write(tmp_path, edit(TEXT, *TARGET))
    assert notices(tmp_path) == [
        "01-市科技局.docx",
        "03-市经委.docx",
        "14-市工商局.docx",
        "24-市公安局.docx",
        "27-市贸粮局.docx",
    ]
    for name, role in (("01-市科技局.docx", "牵头"), ("27-市贸粮局.docx", "参与")):
        notice = read(tmp_path, name)
        (task,) = notice.tables["changed"]
        assert task[1].endswith(f"你单位：{role}")
        assert task[2].startswith("任务内容：") and task[3].startswith("任务内容：")
        assert "培育知识产权优势企业200家" in task[2] and "培育知识产权优势企业300家" in task[3]
        assert task[2].replace("200家", "300家") == task[3]
        # under each text, where it changed, with a little context
        old_passage, new_passage = task[2].split("\n")[-1], task[3].split("\n")[-1]
        assert old_passage.startswith("修改处：…") and "200家" in old_passage and len(old_passage) < 30
        assert new_passage == old_passage.replace("200家", "300家")


def test_a_role_change_reads_old_to_new(tmp_path: Path) -> None:
    diff, _ = write(tmp_path, edit(TEXT, *RAISED))
    assert notices(tmp_path) == sorted(notice_names(diff)[n] for n in named_on(diff, "二.五.1"))
    (row,) = read(tmp_path, "25-市财政局.docx").tables["role"]
    assert row[1].startswith("二、（五）1. 加快创新载体建设") and row[2:] == [
        "参与→牵头",
        "市科技局、市财政局",
        "—",
    ]
    (row,) = read(tmp_path, "01-市科技局.docx").tables["changed"]
    assert row[2:] == [
        "牵头单位：市科技局\n参与单位：市发改委、市经委、市教育局、市财政局、市质量技监局",
        "牵头单位：市科技局、市财政局\n参与单位：市发改委、市经委、市教育局、市质量技监局",
    ]
    assert row[1].endswith("你单位：第一牵头")  # beside a co-lead, the first lead says so
    # A participant learns of the new co-lead and that 市财政局 left the participants.
    (row,) = read(tmp_path, "02-市发改委.docx").tables["changed"]
    assert row[1].endswith("你单位：参与") and row[2].startswith("牵头单位：市科技局\n参与单位：")


def test_a_renamed_department_gets_one_notice_with_its_old_and_new_name(tmp_path: Path) -> None:
    write(tmp_path, TEXT, old_text=old_name(TEXT))
    assert notices(tmp_path) == ["01-市科技局.docx"]
    notice = read(tmp_path, "01-市科技局.docx")
    assert notice.headings == ["一、单位名称变更", "二、工作要求"]
    assert notice.tables == {}
    assert "你单位承担的任务没有调整" in notice.text
    assert "原名称“市科学技术委员会”已改为现名称“市科技局”" in notice.text
    assert "今后报送材料请使用现名称" in notice.text


def test_a_revision_that_changes_nothing_writes_no_notice_and_rewrites_nothing(tmp_path: Path) -> None:
    same = TEXT.replace("\n\n", "\n\n\n").replace("(", "（").replace(")", "）")
    _, first = write(tmp_path, same)
    assert notices(tmp_path) == [] and first.written == [f"changes/{XLSX}"]
    xlsx = tmp_path / "out" / "changes" / XLSX
    before = xlsx.stat().st_mtime_ns
    os.utime(xlsx, ns=(before - 10**9, before - 10**9))  # a rewrite would move it
    _, second = write(tmp_path, same)
    assert second.written == [] and second.removed == [] and second.unchanged == [f"changes/{XLSX}"]
    assert xlsx.stat().st_mtime_ns == before - 10**9


def test_two_runs_give_the_same_bytes(tmp_path: Path) -> None:
    revised = edit(TEXT, *INSERTED, *PARTICIPANTS, *TARGET, *RAISED)
    diff, _ = write(tmp_path / "a", revised)
    write(tmp_path / "b", revised)
    folder_a, folder_b = tmp_path / "a" / "out" / "changes", tmp_path / "b" / "out" / "changes"
    names = sorted(p.name for p in folder_a.iterdir())
    assert names == sorted(p.name for p in folder_b.iterdir())
    told = named_on(diff, "二.一.2", "二.一.3", "二.一.4", "二.二.3", "二.四.1", "二.五.1")
    assert names == [*sorted(notice_names(diff)[n] for n in told | {"市公安局"}), XLSX]
    for name in names:
        assert (folder_a / name).read_bytes() == (folder_b / name).read_bytes(), name
    assert (folder_a / XLSX).read_bytes() == changes_bytes(diff)
    assert [n for n in notice_names(diff).values() if n in names] == names[:-1]


def test_stale_notices_go_while_the_clerks_files_and_edits_stay(tmp_path: Path) -> None:
    write(tmp_path, edit(TEXT, *PARTICIPANTS))
    changes = tmp_path / "out" / "changes"
    (changes / "说明.txt").write_text("clerk's own file", encoding="utf-8")
    edited = changes / "26-市公安局.docx"
    edited.write_bytes(edited.read_bytes() + b"\0")  # opened and saved by hand
    diff, report = write(tmp_path, edit(TEXT, *INSERTED))
    due = sorted(notice_names(diff)[n] for n in named_on(diff, "二.一.2", "二.一.3", "二.一.4"))
    assert "01-市科技局.docx" in due and "17-市卫生局.docx" in due  # rewritten, not removed
    assert sorted(report.removed) == [
        "changes/21-市环保局.docx",
        "changes/22-市气象局.docx",
        "changes/23-市食品药品监管局.docx",
    ]
    ((path, copy),) = report.kept_edits
    assert path == "changes/26-市公安局.docx" and copy.startswith("changes/26-市公安局-手改-")
    assert notices(tmp_path) == sorted([*due, Path(copy).name])
    assert (changes / "说明.txt").read_text(encoding="utf-8") == "clerk's own file"
    manifest = read_manifest(tmp_path / "out")
    assert manifest["plan"] == "new.txt"
    assert sorted(manifest["files"]) == [f"changes/{n}" for n in due] + [f"changes/{XLSX}"]
    assert manifest["files"]["changes/03-市经委.docx"]["department"] == "市经委"


def test_notices_leave_a_builds_other_outputs_alone(tmp_path: Path) -> None:
    from matrix.api import load_plan
    from matrix.build.plan import build

    _, new = versions(tmp_path / "plans", edit(TEXT, *PARTICIPANTS))
    settings = load_settings(new)
    build(load_plan(new, settings), settings, tmp_path / "out", BuildOptions(letters=False, forms=False))
    workbook = tmp_path / "out" / "new-分工表.xlsx"
    assert workbook.exists()
    write(tmp_path, edit(TEXT, *PARTICIPANTS))
    assert workbook.exists() and "01-市科技局.docx" in notices(tmp_path) and len(notices(tmp_path)) == 6
    files = read_manifest(tmp_path / "out")["files"]
    assert "new-分工表.xlsx" in files and "changes/01-市科技局.docx" in files


def test_layout_is_the_letters(tmp_path: Path) -> None:
    write(tmp_path, edit(TEXT, *TARGET))
    data = (tmp_path / "out" / "changes" / "01-市科技局.docx").read_bytes()
    letter = default_template("letter.docx").read_bytes()
    # The letter's styles and footers, byte for byte: fonts, sizes, spacing, page numbers.
    for name in ("word/styles.xml", "word/footer1.xml", "word/footer2.xml", "word/settings.xml"):
        assert etree.tostring(part(data, name)) == etree.tostring(part(letter, name)), name
    root = part(data, "word/document.xml")
    sect = root.find(f"{W}body/{W}sectPr")
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")  # A4 portrait
    assert [margins.get(f"{W}{k}") for k in ("top", "bottom", "left", "right")] == [
        "2098",
        "1984",
        "1587",
        "1474",
    ]
    styles = part(data, "word/styles.xml")
    normal = styles.find(f"{W}style[@{W}styleId='Normal']")
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")
    for style_id, east_asia in (
        ("Normal", "仿宋_GB2312"),
        ("DocTitle", "方正小标宋简体"),
        ("Heading1", "黑体"),
    ):
        fonts = styles.find(f"{W}style[@{W}styleId='{style_id}']/{W}rPr/{W}rFonts")
        assert fonts.get(f"{W}eastAsia") == east_asia
    footer = part(data, "word/footer1.xml")
    assert "PAGE" in "".join(t.text or "" for t in footer.iter(f"{W}instrText"))
    assert part(data, "word/settings.xml").find(f"{W}evenAndOddHeaders") is not None
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    for expected in ("**市人民政府办公室文件", "**政办发〔2026〕12号", "2026年12月1日"):
        assert expected in texts
    assert "**市人民政府办公室2026年12月1日印发" in texts  # 印发机关, a tab, 印发日期
    tables = [t for t in root.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblStyle") is not None]
    for table in tables:
        widths = [int(c.get(f"{W}w")) for c in table.findall(f"{W}tblGrid/{W}gridCol")]
        assert sum(widths) == 8845  # the 156 mm text width
        assert table.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None


def test_the_shipped_change_template_is_the_committed_one_and_checks_clean() -> None:
    shipped = default_template("change.docx")
    assert shipped.read_bytes() == (ROOT / "templates" / "change.docx").read_bytes()
    assert shipped.stat().st_size < 20_000
    report = check_template(shipped)
    assert report.kind == "change" and report.ok
    assert set(report.fields) <= CHANGE_FIELDS
    parts = {"added", "removed", "role_changed", "changed", "renumbered", "renamed"}
    parts |= {"requirements", "opening"}
    assert parts <= set(report.fields)
    CompiledTemplate(shipped, CHANGE_FIELDS)


def test_cli_writes_notices_with_the_options_and_keeps_stdout_for_the_report(tmp_path: Path) -> None:
    old, new = versions(tmp_path / "plans", edit(TEXT, *RAISED))
    out = tmp_path / "out"
    args = [str(old), str(new), "-f", "json", "-o", str(out), "--date", "2027-01-05"]
    args += ["--doc-number", "市政办函〔2027〕3号", "--issuer", "**市人民政府"]
    done = subprocess.run(
        [sys.executable, "-m", "matrix", "diff", *args], capture_output=True, text=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stderr
    json.loads(done.stdout)
    assert "变更通知: 6 份 (市科技局、市发改委、市经委、市教育局、市财政局、市质量技监局)" in done.stderr
    assert XLSX in done.stderr
    notice = read(tmp_path, "25-市财政局.docx")
    for expected in ("**市人民政府文件", "市政办函〔2027〕3号", "2027年1月5日", "**市人民政府"):
        assert expected in notice.paragraphs
    bad = subprocess.run(
        [sys.executable, "-m", "matrix", "diff", str(old), str(new), "-o", str(out), "--date", "明天"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert bad.returncode == 2 and bad.stdout == "" and "--date" in bad.stderr


def test_template_check_names_the_change_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as code:
        main(["template", "check", "--kind", "change", str(default_template("change.docx"))])
    assert code.value.code == 0
    assert "(变更通知)" in capsys.readouterr().out
