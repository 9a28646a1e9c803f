"""Changing a settings file from the page: [letter], a contact, aliases, keeping everything else."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import DEFAULT_PLAN

from matrix.errors import UsageError
from matrix.settings import load_settings
from matrix.settings_edit import add_aliases, set_contact, set_letter


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    target = tmp_path / "plan.toml"
    shutil.copy(DEFAULT_PLAN.with_suffix(".toml"), target)
    return target


def test_letter_edit_changes_only_its_lines(settings_file: Path) -> None:
    before = settings_file.read_text(encoding="utf-8").splitlines()
    set_letter(settings_file, {"doc_number": "清政办发〔2027〕1号", "date": "2027-01-05", "phone": ""})
    after = settings_file.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=False) if a != b]
    assert [b for _, b in changed[:2]] == ['doc_number = "清政办发〔2027〕1号"', "date = 2027-01-05"]
    assert len(after) == len(before) - 1  # phone removed, every comment kept
    assert [line for line in before if line.startswith("#")] == [
        line for line in after if line.startswith("#")
    ]
    letter = load_settings(settings_file.with_suffix(".txt")).letter
    assert letter.date == dt.date(2027, 1, 5) and letter.phone is None and letter.cc


def test_a_bad_date_leaves_the_file_as_it_was(settings_file: Path) -> None:
    before = settings_file.read_bytes()
    with pytest.raises(UsageError, match="日期"):
        set_letter(settings_file, {"date": "2027年1月5日"})
    with pytest.raises(UsageError):
        set_letter(settings_file, {"signature": "x"})
    assert settings_file.read_bytes() == before


def test_contact_and_aliases_of_a_new_and_a_known_department(tmp_path: Path, settings_file: Path) -> None:
    fresh = tmp_path / "fresh.toml"
    set_contact(fresh, "市财政局", "王芳", "0572-1")
    add_aliases(fresh, "市科技局", ["市科学技术局", "市科学技术局", "市科技局"])
    assert fresh.read_text(encoding="utf-8") == (
        '[departments."市财政局"]\ncontact = "王芳"\nphone = "0572-1"\n\n'
        '[departments."市科技局"]\naliases = ["市科学技术局"]\n'
    )
    set_contact(settings_file, "市科技局", "", "0572-9")
    tech = load_settings(settings_file.with_suffix(".txt")).departments[0]
    assert (tech.name, tech.contact, tech.phone, tech.aliases) == (
        "市科技局",
        None,
        "0572-9",
        ["市知识产权局"],
    )
