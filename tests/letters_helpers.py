"""A small plan built by hand for the letter tests, and ways to read a .docx back."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

from matrix.graph import PlanGraph
from matrix.model import Department, OtherRole, Plan, Section, Task
from matrix.settings import DepartmentSettings, LetterSettings, Settings

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LONG = "加快发展高新技术产业，重点发展生物医药、电子信息、环保节能、新材料和新能源等高新技术产业。" * 6


def sample_plan() -> Plan:
    """Three tasks: 市科技局 leads two (one with a co-lead) and joins one; 市农办 only guides one."""
    return Plan(
        title="自主创新能力提升行动计划",
        source="sample.txt",
        sections=[
            Section("二", ("二",), "重点工作任务", 1),
            Section("二.一", ("二", "一"), "大力提升产业自主创新能力", 2, "二"),
        ],
        tasks=[
            Task(
                "二.一.1",
                ("二", "一", "1"),
                "着力提升工业自主创新能力",
                "着力提升工业自主创新能力。" + LONG + ' R&D <投入> "翻番"',
                3,
                ["市科技局", "市发改委"],
                ["市经委", "市统计局"],
                deadline="2026年底前",
                section="二.一",
            ),
            Task(
                "二.一.2",
                ("二", "一", "2"),
                "着力提升农业农村科技创新能力",
                "加快省级社会主义新农村实验示范区建设。" + LONG,
                4,
                ["市发改委"],
                ["市科技局"],
                [OtherRole("市农办", "指导")],
                section="二.一",
            ),
            Task(
                "二.一.3",
                ("二", "一", "3"),
                "着力提升服务业创新能力",
                "组织实施一批服务业科技攻关项目。",
                5,
                ["市科技局"],
                [],
                section="二.一",
            ),
        ],
        departments=[Department(n) for n in ["市科技局", "市发改委", "市经委", "市统计局", "市农办"]],
    )


def sample_graph() -> PlanGraph:
    """The sample plan as a graph."""
    return PlanGraph(sample_plan())


def sample_settings() -> Settings:
    """Letter settings with every field set, and a contact for 市科技局."""
    return Settings(
        departments=[DepartmentSettings("市科技局", contact="李华", phone="0572-2039101")],
        letter=LetterSettings(
            issuer="市人民政府办公室",
            doc_number="市政办发〔2026〕12号",
            date=dt.date(2026, 12, 1),
            feedback_deadline="2026年12月31日",
            contact="张明",
            phone="0572-2039001",
            cc=["市委办公室", "市人大常委会办公室"],
        ),
    )


def part(data: bytes, name: str) -> etree._Element:
    """One XML part of a .docx, parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def document(data: bytes) -> docx.document.Document:
    """A .docx read back with python-docx."""
    return docx.Document(io.BytesIO(data))


def table_rows(table: docx.table.Table) -> list[list[str]]:
    """A table's body rows (after the header) as cell texts."""
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def all_text(data: bytes) -> str:
    """Every paragraph's text, tables included, one per line."""
    doc = document(data)
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.extend(c.text for c in row.cells)
    return "\n".join(lines)


def files_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
