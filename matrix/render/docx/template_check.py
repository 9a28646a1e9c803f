"""``matrix template check``: the fields a Word template uses, unknown fields and split tags."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from matrix.render.docx.compile import CompiledTemplate
from matrix.render.docx.template_scan import describe_part
from matrix.views.changes import CHANGE_FIELDS
from matrix.views.letters import LETTER_FIELDS, NOTICE_FIELDS

KINDS = {"letter": LETTER_FIELDS, "notice": NOTICE_FIELDS, "change": CHANGE_FIELDS}
LABELS = {"letter": "交办通知", "notice": "分工通知", "change": "变更通知"}
"""Each kind of template as a clerk calls it."""


@dataclass
class TemplateReport:
    """What a template uses and what is wrong with it."""

    path: Path
    kind: str
    fields: list[str]
    unknown: list[str] = field(default_factory=list)
    """Unknown fields, each with where it is used."""
    split: list[str] = field(default_factory=list)
    """Tags Word cut into several runs, each with where it is."""

    @property
    def ok(self) -> bool:
        """True when nothing needs fixing."""
        return not self.unknown and not self.split


def guess_kind(fields: set[str]) -> str:
    """``change`` or ``notice`` for a template using that kind's own fields, else ``letter``."""
    if fields & (CHANGE_FIELDS - LETTER_FIELDS - NOTICE_FIELDS):
        return "change"
    return "notice" if fields & (NOTICE_FIELDS - LETTER_FIELDS) else "letter"


def check_template(path: Path, kind: str | None = None) -> TemplateReport:
    """Read ``path`` as a template and report on it; a syntax error raises :class:`InputError`."""
    template = CompiledTemplate(path)
    kind = kind or guess_kind(template.fields)
    report = TemplateReport(path, kind, sorted(template.fields))
    known = KINDS[kind]
    for name, scan in template.scans.items():
        for tag in scan.tags:
            if tag.split:
                report.split.append(f"{describe_part(name)}{tag.paragraph.where()}的 “{tag.text}”")
    for unknown in sorted(template.fields - known):
        where = ""
        for name, scan in template.scans.items():
            hits = [t for t in scan.tags if unknown in t.text]
            if hits:
                where = f"{describe_part(name)}{hits[0].paragraph.where()}的 “{hits[0].text}”"
                break
        report.unknown.append(f"{unknown}（{where}）" if where else unknown)
    return report
