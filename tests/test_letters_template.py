"""Templates: broken tags fail with their place and leave earlier output alone; template check."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from letters_helpers import files_bytes, sample_graph, sample_settings

from matrix.build.commands import write_letters
from matrix.cli import main
from matrix.errors import InputError
from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.shipped import default_template
from matrix.render.docx.template_check import check_template
from matrix.views.document import resolve_options
from matrix.views.letters import LETTER_FIELDS

ROOT = Path(__file__).resolve().parent.parent
TITLE = '<w:t xml:space="preserve">{{ title }}</w:t>'


def edited(tmp_path: Path, old: str, new: str, name: str = "edited.docx") -> Path:
    """A copy of the shipped letter template with one piece of document.xml replaced."""
    source = default_template("letter.docx")
    out = tmp_path / name
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new, 1).encode("utf-8")
            zout.writestr(info, data)
    return out


def test_shipped_templates_are_the_committed_ones() -> None:
    for name in ("letter.docx", "notice.docx"):
        assert default_template(name).read_bytes() == (ROOT / "templates" / name).read_bytes()


def test_shipped_templates_are_slim_and_clean() -> None:
    for name in ("letter.docx", "notice.docx"):
        path = default_template(name)
        assert path.stat().st_size < 20_000
        assert check_template(path).ok


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("{{ title }}", "{{ title }", "“{{ title }” 缺少结尾 }}"),
        ("{{ title }}", "{{ title | | }}", "“{{ title | | }}” 有误"),
        ("{%p endif %}", "{%p endfor %}", "不配对"),
        ("{%p if lead %}", "{%p if lead %}{%p if lead %}", "没有结束标记 endif"),
    ],
)
def test_broken_tag_names_the_tag_and_its_paragraph(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    path = edited(tmp_path, old, new)
    with pytest.raises(InputError) as caught:
        CompiledTemplate(path, LETTER_FIELDS)
    message = str(caught.value)
    assert expected in message
    assert "正文" in message and "段" in message
    assert str(path) in message


def test_unknown_field_is_an_error_before_anything_renders(tmp_path: Path) -> None:
    path = edited(tmp_path, "{{ title }}", "{{ titel }}")
    with pytest.raises(InputError, match=r"未知字段 'titel'.*第\d+段"):
        CompiledTemplate(path, LETTER_FIELDS)


def test_undefined_attribute_fails_at_render_with_its_place(tmp_path: Path) -> None:
    path = edited(tmp_path, "{{ row.deadline }}", "{{ row.dedline }}")
    template = CompiledTemplate(path, LETTER_FIELDS)
    settings = sample_settings()
    from matrix.views.letters import letter_context

    context = letter_context(sample_graph(), settings, resolve_options(settings.letter), "市科技局")
    with pytest.raises(InputError, match=r"正文第\d+段.*dedline"):
        template.render(context, resolve_options(settings.letter).date)


def test_broken_template_leaves_earlier_output_untouched(tmp_path: Path) -> None:
    settings = sample_settings()
    opts = resolve_options(settings.letter)
    write_letters(sample_graph(), settings, tmp_path / "out", opts)
    before = files_bytes(tmp_path / "out")
    broken = edited(tmp_path, "{{ row.deadline }}", "{{ row.dedline }}")
    with pytest.raises(InputError):
        write_letters(sample_graph(), settings, tmp_path / "out", opts, letter_template=broken)
    assert files_bytes(tmp_path / "out") == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["letters", "manifest.json"]


def test_sandbox_refuses_unsafe_attributes(tmp_path: Path) -> None:
    path = edited(tmp_path, "{{ title }}", "{{ title.__class__.__mro__ }}")
    template = CompiledTemplate(path, LETTER_FIELDS)
    settings = sample_settings()
    from matrix.views.letters import letter_context

    context = letter_context(sample_graph(), settings, resolve_options(settings.letter), "市科技局")
    with pytest.raises(InputError, match=r"unsafe|__class__"):
        template.render(context, resolve_options(settings.letter).date)


def test_template_check_lists_fields_and_flags_split_tags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    split = edited(tmp_path, TITLE, '<w:t xml:space="preserve">{{ ti</w:t></w:r><w:r><w:t>tle }}</w:t>')
    report = check_template(split)
    assert report.kind == "letter"
    assert "title" in report.fields and "lead" in report.fields
    assert len(report.split) == 1 and "{{ title }}" in report.split[0]
    with pytest.raises(SystemExit) as code:
        main(["template", "check", str(split)])
    assert code.value.code == 1
    assert "被 Word 拆开的标记" in capsys.readouterr().out
    unknown = edited(tmp_path, "{{ title }}", "{{ titel }}", "unknown.docx")
    assert check_template(unknown).unknown[0].startswith("titel（正文")
    with pytest.raises(SystemExit) as code:
        main(["template", "check", str(default_template("letter.docx"))])
    assert code.value.code == 0


def test_template_check_exits_2_on_a_broken_tag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = edited(tmp_path, "{{ title }}", "{{ title }")
    with pytest.raises(SystemExit) as code:
        main(["template", "check", str(broken)])
    assert code.value.code == 2
    assert "缺少结尾" in capsys.readouterr().err


def test_split_tag_still_renders(tmp_path: Path) -> None:
    split = edited(tmp_path, TITLE, '<w:t xml:space="preserve">{{ ti</w:t></w:r><w:r><w:t>tle }}</w:t>')
    settings = sample_settings()
    from matrix.views.letters import letter_context

    opts = resolve_options(settings.letter)
    data = CompiledTemplate(split, LETTER_FIELDS).render(
        letter_context(sample_graph(), settings, opts, "市科技局"), opts.date
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "重点任务分工的通知" in archive.read("word/document.xml").decode("utf-8")
