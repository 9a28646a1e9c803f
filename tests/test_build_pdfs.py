"""PDFs as part of the build, and the note a build prints about settings it had to default.

The PDF bookkeeping is checked with LibreOffice replaced by a stand-in that records each run
(the conversion itself is checked in test_pagination and test_letters_plan): ``build --pdf``
records every PDF in the manifest, converts in one run exactly the documents whose PDF is missing
or stale, and a build without ``--pdf`` removes the PDFs of the letters that changed or went.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import DEFAULT_PLAN

from matrix.cli import main
from matrix.readers import soffice
from matrix.render import pdf as pdf_writer


class FakeLibreOffice:
    """Stands in for :func:`matrix.render.pdf.convert`: a "PDF" holding its source's bytes."""

    def __init__(self) -> None:
        self.runs: list[list[str]] = []

    def convert(self, files: list[Path], outdir: Path, **_: object) -> list[Path]:
        self.runs.append([f.name for f in files])
        outdir.mkdir(parents=True, exist_ok=True)
        out = []
        for f in files:
            target = outdir / (f.stem + ".pdf")
            target.write_bytes(b"%PDF " + f.read_bytes())
            out.append(target)
        return out


@pytest.fixture
def office(monkeypatch: pytest.MonkeyPatch) -> FakeLibreOffice:
    fake = FakeLibreOffice()
    monkeypatch.setattr(pdf_writer, "convert", fake.convert)
    monkeypatch.setattr(soffice, "find_soffice", lambda: Path("/usr/bin/soffice"))
    return fake


def plan_copy(folder: Path, text: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / DEFAULT_PLAN.name
    plan.write_text(text or DEFAULT_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(DEFAULT_PLAN.with_suffix(".toml"), plan.with_suffix(".toml"))
    return plan


def run(*args: str) -> None:
    with pytest.raises(SystemExit) as done:
        main(list(args))
    assert done.value.code in (0, None)


def pdfs_in_manifest(out: Path) -> dict[str, str]:
    files = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"]
    return {p: r["sha256"] for p, r in files.items() if p.endswith(".pdf")}


REVISION = ("培育知识产权优势企业200家", "培育知识产权优势企业300家")  # 二.四.1: five bureaus and the lists
CHANGED = {"01-市科技局", "03-市经委", "14-市工商局", "24-市公安局", "27-市贸粮局", "分工通知", "打印合订本"}


def test_build_pdf_converts_only_what_changed_in_one_run(
    tmp_path: Path, office: FakeLibreOffice, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, out = plan_copy(tmp_path / "plan"), tmp_path / "out"
    run("build", str(plan), "-o", str(out), "--pdf")
    assert len(office.runs) == 1 and len(office.runs[0]) == 41  # 39 letters, notice, print file
    recorded = pdfs_in_manifest(out)
    assert len(recorded) == 41 and all(p.startswith("letters/pdf/") for p in recorded)
    assert (out / "letters" / "pdf" / "01-市科技局.pdf").read_bytes().startswith(b"%PDF PK")

    run("build", str(plan), "-o", str(out), "--pdf")
    assert len(office.runs) == 1  # nothing changed: nothing converted

    plan.write_text(plan.read_text(encoding="utf-8").replace(*REVISION), encoding="utf-8")
    run("build", str(plan), "-o", str(out), "--pdf")
    assert len(office.runs) == 2
    assert {Path(name).stem for name in office.runs[1]} == CHANGED
    after = pdfs_in_manifest(out)
    assert {Path(p).stem for p in after if after[p] != recorded[p]} == CHANGED
    letter = (out / "letters" / "01-市科技局.docx").read_bytes()
    assert (out / "letters" / "pdf" / "01-市科技局.pdf").read_bytes() == b"%PDF " + letter


def test_build_without_pdf_removes_stale_pdfs_and_says_so(
    tmp_path: Path, office: FakeLibreOffice, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, out = plan_copy(tmp_path / "plan"), tmp_path / "out"
    run("letters", str(plan), "-o", str(out), "--pdf")
    assert len(pdfs_in_manifest(out)) == 41  # `letters --pdf` records its PDFs as the build does
    run("build", str(plan), "-o", str(out))  # unchanged letters keep their PDFs
    assert len(pdfs_in_manifest(out)) == 41
    capsys.readouterr()

    plan.write_text(plan.read_text(encoding="utf-8").replace(*REVISION), encoding="utf-8")
    run("build", str(plan), "-o", str(out))
    left = {p.stem for p in (out / "letters" / "pdf").iterdir()}
    assert len(left) == 41 - len(CHANGED) and not left & CHANGED
    assert {Path(p).stem for p in pdfs_in_manifest(out)} == left
    err = capsys.readouterr().err
    assert f"已删除 {len(CHANGED)} 份过期的 PDF" in err and "01-市科技局.pdf" in err
    assert len(office.runs) == 1


def test_a_letter_that_goes_takes_its_pdf_along(tmp_path: Path, office: FakeLibreOffice) -> None:
    plan, out = plan_copy(tmp_path / "plan"), tmp_path / "out"
    run("build", str(plan), "-o", str(out), "--pdf")
    assert (out / "letters" / "pdf" / "39-各金融机构.pdf").exists()
    text = plan.read_text(encoding="utf-8").replace("、各金融机构", "")
    plan.write_text(text, encoding="utf-8")
    run("build", str(plan), "-o", str(out), "--pdf")
    assert not (out / "letters" / "pdf" / "39-各金融机构.pdf").exists()
    assert "letters/pdf/39-各金融机构.pdf" not in pdfs_in_manifest(out)


def test_note_names_each_default_and_where_to_set_it(
    tmp_path: Path, office: FakeLibreOffice, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bare"
    folder.mkdir()
    plan = folder / "plan.txt"
    shutil.copy(DEFAULT_PLAN, plan)  # no settings file
    for command in ("build", "letters", "build"):  # every time, until it is set
        run(command, str(plan), "-o", str(tmp_path / "out"))
        err = capsys.readouterr().err
        notes = [line for line in err.splitlines() if line.startswith("提示: 通知中以下各项未设置")]
        assert len(notes) == 1, err
        for what in ("发文字号", "doc_number", "成文日期", "[letter] date", "反馈时限", "feedback_deadline"):
            assert what in notes[0]
        assert "办公室联系人" in notes[0] and "39 个单位的联系人" in notes[0]
        assert str(folder / "plan.toml") in notes[0]
    (folder / "plan.toml").write_text(
        '[letter]\ndoc_number = "X政办发〔2026〕1号"\ndate = 2026-12-01\nfeedback_deadline = "12月31日"\n'
        'contact = "张明"\nphone = "1"\n',
        encoding="utf-8",
    )
    run("build", str(plan), "-o", str(tmp_path / "out"))
    err = capsys.readouterr().err
    note = next(line for line in err.splitlines() if "未设置" in line)
    assert "发文字号" not in note and "成文日期" not in note and "反馈时限" not in note
    assert "39 个单位的联系人" in note  # the bureaus' own contacts are still missing
    run("build", str(plan), "-o", str(tmp_path / "out"), "--doc-number", "Y〔2026〕2号")
    assert "发文字号" not in capsys.readouterr().err
