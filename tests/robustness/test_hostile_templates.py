"""Issue 14, items 6 (templates) and 7: a user's template is contained.

A runaway template is stopped by the sandbox's own budget of loop iterations and output size (no
signal, so it works on Windows too); every kind of template error (arithmetic, recursion, include,
encoding, encryption, an unknown compression, a zip bomb) is one plain message naming the
template, exit 2, never a traceback.  The runs are under a 1 GB address-space limit; the timeout is
only a safety net for a test that would otherwise hang.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LETTER = ROOT / "templates" / "letter.docx"
PLAN = "一、任务\n1.甲。（市财政局牵头，市商务局参与）\n"
_LIMITED = (
    "import resource, sys; from matrix.cli import main;"
    "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30));"
    "main(sys.argv[1:])"
)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LIMITED, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )


def _template(folder: Path, payload: str = "", *, document: bytes | None = None, extra: bytes = b"") -> Path:
    path = folder / "mine.docx"
    with zipfile.ZipFile(LETTER) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = (
                    document
                    if document is not None
                    else data.replace(b"{{ addressee }}", b"{{ addressee }}" + payload.encode("utf-8"), 1)
                )
            dst.writestr(item.filename, data)
        if extra:
            dst.writestr("word/media/image1.bin", extra)
    return path


def _patch_central(path: Path, name: str, *, flags: int = 0, method: int | None = None) -> None:
    """Set bits of ``name``'s general-purpose flags and its compression method in the central directory."""
    data = bytearray(path.read_bytes())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        size = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + size] == name.encode():
            old_flags, old_method = struct.unpack_from("<HH", data, at + 8)
            struct.pack_into("<HH", data, at + 8, old_flags | flags, old_method if method is None else method)
        at += 4
    path.write_bytes(bytes(data))


def _letters(tmp_path: Path, template: Path) -> subprocess.CompletedProcess[str]:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    return _run("letters", str(plan), "-o", str(tmp_path / "out"), "--template", str(template))


RUNAWAY = {
    "nested ranges": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "lipsum": "{{ lipsum(n=2000000) }}",
    "string times": "{{ 'x' * 2000000000 }}",
    "a wide filter": "{{ 'x'|center(2000000000) }}",
}
ERRORS = {
    "1/0": "{{ 1/0 }}",
    "10**5000": "{{ 10**5000 }}",
    "recursive macro": "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "include": '{% include "/etc/passwd" %}',
}


@pytest.mark.parametrize("payload", list(RUNAWAY.values()) + list(ERRORS.values()), ids=[*RUNAWAY, *ERRORS])
def test_a_hostile_template_is_one_message_naming_it(tmp_path: Path, payload: str) -> None:
    run = _letters(tmp_path, _template(tmp_path, payload))
    assert run.returncode == 2, run.stderr[-2000:]
    assert "Traceback" not in run.stderr and "mine.docx" in run.stderr and "模板" in run.stderr, run.stderr
    assert not (tmp_path / "out" / "letters").exists()


def test_template_check_of_a_huge_power_is_a_message(tmp_path: Path) -> None:
    run = _run("template", "check", str(_template(tmp_path, ERRORS["10**5000"])))
    assert run.returncode in (0, 1, 2) and "Traceback" not in run.stderr, run.stderr
    assert "mine.docx" in run.stdout + run.stderr


def _utf16(tmp_path: Path) -> Path:
    with zipfile.ZipFile(LETTER) as src:
        xml = src.read("word/document.xml").decode("utf-8")
    return _template(tmp_path, document=xml.encode("utf-16"))


def _encrypted(tmp_path: Path) -> Path:
    path = _template(tmp_path)
    _patch_central(path, "word/styles.xml", flags=0x1)
    return path


def _unknown_method(tmp_path: Path) -> Path:
    path = _template(tmp_path)
    _patch_central(path, "word/styles.xml", method=99)
    return path


def _bomb(tmp_path: Path) -> Path:
    return _template(tmp_path, extra=b"\x00" * (300 * 1024 * 1024))


@pytest.mark.parametrize("make", [_utf16, _encrypted, _unknown_method, _bomb])
def test_a_broken_template_file_is_one_message_naming_it(tmp_path: Path, make: object) -> None:
    template = make(tmp_path)  # type: ignore[operator]
    assert template.stat().st_size < 2 * 1024 * 1024
    for run in (_letters(tmp_path, template), _run("template", "check", str(template))):
        assert run.returncode == 2, run.stderr[-2000:]
        assert "Traceback" not in run.stderr and "mine.docx" in run.stderr, run.stderr


# -- item 6: a plan .docx within the size limits that would need gigabytes once loaded ---------------


def _plan_docx(path: Path, body: bytes) -> Path:
    from docx import Document

    Document().save(str(path))
    data = path.read_bytes()
    with zipfile.ZipFile(path) as src:
        parts = [(i.filename, src.read(i)) for i in src.infolist()]
    del data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, part in parts:
            if name == "word/document.xml":
                part = part.replace(b"<w:sectPr", body + b"<w:sectPr", 1)
            dst.writestr(name, part)
    return path


@pytest.mark.parametrize("kind", ["elements", "bytes"])
def test_a_plan_docx_that_would_need_gigabytes_is_refused_within_1_gb(tmp_path: Path, kind: str) -> None:
    head = "<w:p><w:r><w:t>一、任务</w:t></w:r></w:p><w:p><w:r><w:t>1.甲。（市财政局牵头）".encode()
    tail = b"</w:t></w:r></w:p>"
    if kind == "elements":  # 3 million short runs: 80 MB of XML (ratio 9), 6 million elements
        runs = b"".join(b"<w:r><w:t>%d</w:t></w:r>" % (i * 7919 % 100003) for i in range(3_000_000))
        body = head + tail + b"<w:p>" + runs + b"</w:p>"
    else:  # one paragraph of 120 MB of text (ratio 12)
        body = head + b"".join("第%d项加强科技创新".encode() % i for i in range(4_000_000)) + tail
    plan = _plan_docx(tmp_path / "plan.docx", body)
    assert plan.stat().st_size < 20 * 1024 * 1024  # within the documented limit for a plan
    run = _run("check", str(plan))
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert "plan.docx" in run.stderr and "上限" in run.stderr, run.stderr
