"""Corrections: a clerk's fix of one task's reading, kept in the settings file, never in the plan.

```toml
[corrections."二.一.3"]
text = "3d9f1c2a"                  # short hash of the task's text when the correction was made
excerpt = "着力提升服务业创新能力"    # its first words then (for the message when it goes stale)
leads = ["市发改委", "市科技局"]
participants = ["市经委", "市统计局"]
others = [{name = "市审计局", role = "监督"}]
deadline = "2026年6月底前"           # "" clears a deadline the text gives
reason = "原文括号缺失, 按市政府办公室意见补充"
```

A correction belongs to a task **by content**: the task whose text has that hash, wherever it
now is, and only failing that the task with that id.  A correction whose task is gone, or whose
task's text changed, is **stale**: it is reported as an error and never applied.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from matrix.errors import InputError
from matrix.model import Department, Finding, OtherRole, Plan, Severity, Task

if TYPE_CHECKING:
    from matrix.settings import Settings

STALE = "更正已失效"
"""How every stale correction's message begins (``build`` exits 1 on these after writing)."""

_KEYS = {"text", "excerpt", "leads", "participants", "others", "deadline", "reason"}
_EXCERPT = 16


@dataclass(frozen=True)
class Correction:
    """One entry ``[corrections."<task id>"]`` of a settings file; ``None`` keeps what the text
    gives, and a ``deadline`` of ``""`` clears the text's deadline."""

    task: str
    text: str
    leads: tuple[str, ...] | None = None
    participants: tuple[str, ...] | None = None
    others: tuple[OtherRole, ...] | None = None
    deadline: str | None = None
    reason: str | None = None
    excerpt: str | None = None
    where: str = ""
    """The settings file and line of the entry, for messages."""


def text_hash(text: str) -> str:
    """The short hash a correction keeps of its task's text: 8 hex digits of the SHA-256 of the
    text with full-width forms folded and white space removed (a .txt and a .docx agree)."""
    normal = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


def excerpt(text: str) -> str:
    """A task's first words, as a message quotes them."""
    first = " ".join(text.split())
    return first[:_EXCERPT] + ("…" if len(first) > _EXCERPT else "")


# --- reading ------------------------------------------------------------------------------------


def _names(value: Any, where: str, path: Path) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value] if value.strip() else []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise InputError(f'设置项 {where} 应为单位名称的列表, 例如 ["市发改委", "市科技局"]', path=str(path))


def _others(value: Any, where: str, path: Path) -> tuple[OtherRole, ...] | None:
    if value is None:
        return None
    ok = isinstance(value, list) and all(
        isinstance(v, dict) and isinstance(v.get("name"), str) and isinstance(v.get("role"), str)
        for v in value
    )
    if not ok:
        raise InputError(
            f'设置项 {where} 应为列表, 例如 [{{name = "市审计局", role = "监督"}}]', path=str(path)
        )
    return tuple(OtherRole(v["name"].strip(), v["role"].strip()) for v in value)


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("[corrections.") and key in line:
            return number
    return None


def parse_corrections(
    data: Any, path: Path, text: str = "", canonical: dict[str, str] | None = None
) -> list[Correction]:
    """The corrections of a settings file's ``[corrections]`` part; names go through ``canonical``
    (the settings' aliases).  A wrong value or an unknown key is an :class:`InputError`."""
    if data is None:
        return []
    if not isinstance(data, dict):
        raise InputError('[corrections] 应为表, 例如 [corrections."二.一.3"]', path=str(path))
    canonical = canonical or {}
    out: list[Correction] = []
    for key, body in data.items():
        where = f'corrections."{key}"'
        if not isinstance(body, dict):
            raise InputError(f"[{where}] 应为表", path=str(path))
        extra = sorted(str(k) for k in body if k not in _KEYS)
        if extra:
            raise InputError(
                f"设置文件中有不认识的项 (在 [{where}] 中): {'、'.join(extra)} "
                f"(可用: {'、'.join(sorted(_KEYS))})",
                path=str(path),
            )
        digest = body.get("text")
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-fA-F]{4,64}", digest.strip()):
            raise InputError(
                f"[{where}] 缺少 text (任务原文的摘要值); 请用 matrix correct 写入更正", path=str(path)
            )
        for field_name in ("deadline", "reason", "excerpt"):
            if body.get(field_name) is not None and not isinstance(body[field_name], str):
                raise InputError(f"设置项 {where}.{field_name} 应为文字", path=str(path))

        def names(value: Any, field_name: str, where: str = where) -> tuple[str, ...] | None:
            found = _names(value, f"{where}.{field_name}", path)
            return None if found is None else tuple(dict.fromkeys(canonical.get(n, n) for n in found))

        others = _others(body.get("others"), f"{where}.others", path)
        line = _line_of(text, key)
        out.append(
            Correction(
                task=key,
                text=digest.strip().lower(),
                leads=names(body.get("leads"), "leads"),
                participants=names(body.get("participants"), "participants"),
                others=None
                if others is None
                else tuple(OtherRole(canonical.get(o.name, o.name), o.role) for o in others),
                deadline=body.get("deadline"),
                reason=body.get("reason"),
                excerpt=body.get("excerpt"),
                where=f"{path.name}" + (f" 第{line}行" if line else ""),
            )
        )
    return out


# --- matching and applying ------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """What became of one correction on a plan: the task it applies to, or why it is stale."""

    correction: Correction
    task: Task | None
    finding: Finding | None = None


def match_corrections(tasks: Sequence[Task], corrections: Sequence[Correction]) -> list[Match]:
    """Each correction's task among ``tasks``: by text hash first, then by id; else a stale finding."""
    by_hash: dict[str, list[int]] = {}
    by_id: dict[str, int] = {}
    for i, task in enumerate(tasks):
        by_hash.setdefault(text_hash(task.text), []).append(i)
        by_id.setdefault(task.id, i)
    claimed: set[int] = set()
    out: list[Match] = []
    for c in corrections:
        candidates = [i for i in by_hash.get(c.text, []) if i not in claimed]
        # several tasks with the same text: the one that kept its number, else the first
        same_id = [i for i in candidates if tasks[i].id == c.task]
        if same_id or candidates:
            chosen = (same_id or candidates)[0]
            claimed.add(chosen)
            out.append(Match(c, tasks[chosen]))
            continue
        entry = f'{c.where} [corrections."{c.task}"]'
        was = f'原任务开头 "{c.excerpt}"' if c.excerpt else "原任务开头不详"
        index = by_id.get(c.task)
        if index is None:
            message = f"{STALE}: {entry} 的任务已不存在 ({was}); 请删去这条更正, 或按新编号重新更正"
            out.append(Match(c, None, Finding(0, message, Severity.ERROR)))
        elif index in claimed:
            message = f"{STALE}: {entry} 所指的任务 {c.task} 已有另一条更正; 请删去其中一条"
            out.append(Match(c, None, Finding(tasks[index].line, message, Severity.ERROR)))
        else:
            now = tasks[index]
            if c.excerpt == excerpt(now.text):
                was = f'开头 "{c.excerpt}" 未变, 改动在其后'
            else:
                was += f', 现为 "{excerpt(now.text)}"'
            message = (
                f"{STALE}: {entry} 的任务 {now.id} 内容已改变 ({was}); "
                f"请核对后用 matrix correct 重新更正, 或删去这条更正"
            )
            out.append(Match(c, None, Finding(now.line, message, Severity.ERROR)))
    return out


def _corrected(task: Task, c: Correction) -> Task:
    leads = list(c.leads) if c.leads is not None else list(task.leads)
    participants = list(c.participants) if c.participants is not None else list(task.participants)
    others = list(c.others) if c.others is not None else list(task.others)
    participants = [p for p in dict.fromkeys(participants) if p not in leads]
    deadline = task.deadline if c.deadline is None else (c.deadline.strip() or None)
    return replace(
        task,
        leads=list(dict.fromkeys(leads)),
        participants=participants,
        others=others,
        deadline=deadline,
        corrected=True,
    )


def apply_corrections(
    plan: Plan, corrections: Sequence[Correction], settings: Settings | None = None
) -> tuple[Plan, list[Finding]]:
    """``plan`` with each correction applied to its task, and a finding for each stale one.

    The plan itself is not changed.  Departments no task names any more leave the plan (a name
    read wrongly gets no letter); new ones join it in the settings' order, else after the others.
    """
    if not corrections:
        return plan, []
    matches = match_corrections(plan.tasks, corrections)
    fixed = {id(m.task): m.correction for m in matches if m.task is not None}
    tasks = [_corrected(t, fixed[id(t)]) if id(t) in fixed else t for t in plan.tasks]
    findings = [m.finding for m in matches if m.finding is not None]
    return replace(plan, tasks=tasks, departments=_departments(plan, tasks, settings)), findings


def _departments(plan: Plan, tasks: list[Task], settings: Settings | None) -> list[Department]:
    appearance: dict[str, int] = {}
    for task in tasks:
        for name in (*task.leads, *task.participants, *(o.name for o in task.others)):
            appearance.setdefault(name, len(appearance))
    known = {d.name: (i, d) for i, d in enumerate(plan.departments)}
    listed = {
        ds.name: (i, ds) for i, ds in reversed(list(enumerate(settings.departments if settings else [])))
    }
    out: list[tuple[tuple[int, int], Department]] = []
    for name, seen in appearance.items():
        if name in listed:
            i, ds = listed[name]
            dept = (
                known[name][1]
                if name in known
                else Department(ds.name, list(ds.aliases), list(ds.former_names), ds.contact, ds.phone)
            )
            out.append(((0, i), dept))
        elif name in known:
            out.append(((1, known[name][0]), known[name][1]))
        else:
            out.append(((2, seen), Department(name)))
    return [d for _, d in sorted(out, key=lambda pair: pair[0])]


def corrected_plan(plan: Plan, settings: Settings) -> Plan:
    """``plan`` with the settings' corrections applied and their stale findings added."""
    fixed, findings = apply_corrections(plan, settings.corrections, settings)
    if findings:
        fixed = replace(fixed, findings=[*fixed.findings, *findings])
    return fixed


def stale_findings(findings: Sequence[Finding]) -> list[Finding]:
    """The findings that are stale corrections."""
    return [f for f in findings if f.message.startswith(STALE)]


# --- writing --------------------------------------------------------------------------------------


def write_correction(
    settings_path: Path,
    task: Task,
    leads: Sequence[str] | None,
    participants: Sequence[str] | None,
    deadline: str | None,
    reason: str | None,
    others: Sequence[OtherRole] | None = None,
) -> None:
    """Write (or replace) the correction of ``task`` in the settings file at ``settings_path``.

    ``None`` leaves a part as the text gives it; ``deadline=""`` clears the text's deadline.  The
    rest of the file stays byte for byte as it was, comments and order included; a file that does
    not exist is created.  The file is replaced in one step, never left half written.
    """
    raw = settings_path.read_bytes() if settings_path.exists() else b""
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("设置文件不是 UTF-8 编码", path=str(settings_path)) from exc
    entry = _entry(task, leads, participants, deadline, reason, others)
    out = _with_entry(text, task.id, entry, settings_path)
    data = (b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8")
    settings_path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".matrix-", suffix=".toml", dir=settings_path.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(temp, settings_path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _entry(
    task: Task,
    leads: Sequence[str] | None,
    participants: Sequence[str] | None,
    deadline: str | None,
    reason: str | None,
    others: Sequence[OtherRole] | None,
) -> dict[str, Any]:
    entry: dict[str, Any] = {"text": text_hash(task.text), "excerpt": excerpt(task.text)}
    if leads is not None:
        entry["leads"] = list(leads)
    if participants is not None:
        entry["participants"] = list(participants)
    if others is not None:
        entry["others"] = [{"name": o.name, "role": o.role} for o in others]
    if deadline is not None:
        entry["deadline"] = deadline
    if reason:
        entry["reason"] = reason
    return entry


def _entry_text(key: str, entry: dict[str, Any], newline: str) -> str:
    """``[corrections."<key>"]`` and its values as TOML, written by tomlkit (quoting and escapes)."""
    import tomlkit

    table = tomlkit.table()
    for name, value in entry.items():
        if name == "others":
            array = tomlkit.array()
            for other in value:
                item = tomlkit.inline_table()
                item.update(other)
                array.append(item)
            value = array
        table.add(name, value)
    part = tomlkit.table(is_super_table=True)
    part.add(key, table)
    doc = tomlkit.document()
    doc.add("corrections", part)
    return tomlkit.dumps(doc).replace("\n", newline)


_HEADER = re.compile(r"^[ \t]*\[[^\[\]\n]*\][ \t]*(#.*)?$|^[ \t]*\[\[", re.MULTILINE)


def _with_entry(text: str, key: str, entry: dict[str, Any], path: Path) -> str:
    """``text`` with the entry of ``key`` replaced where it stands, or added at the end.

    The entry is spliced into the text, not re-serialised with the whole file: comments a TOML
    library files under the entry before it (the next table's heading comment) stay where the
    clerk wrote them.  The result is parsed back and must hold exactly the old settings with the
    new entry, else the file is left alone.
    """
    import tomllib

    newline = "\r\n" if "\r\n" in text else "\n"
    block = _entry_text(key, entry, newline)
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError("设置文件格式有误, 请先用 matrix check 检查并改正", path=str(path)) from exc
    span = _entry_span(text, key, before)
    if span is not None:
        start, end = span
        out = text[:start] + block + text[end:]
    else:
        # one blank line between the file as it was and the new entry
        gap = 0 if not text or text.endswith(("\n\n", "\n\r\n")) else 1 if text.endswith("\n") else 2
        out = text + newline * gap + block
    expected = dict(before)
    expected["corrections"] = {**before.get("corrections", {}), key: entry}
    try:
        ok = tomllib.loads(out) == expected
    except tomllib.TOMLDecodeError:
        ok = False
    if not ok:
        raise InputError(
            f'无法在设置文件中写入 [corrections."{key}"] 而不改动其余内容; 请手工添加这条更正',
            path=str(path),
        )
    return out


def _entry_span(text: str, key: str, data: dict[str, Any]) -> tuple[int, int] | None:
    """Where the existing ``[corrections."<key>"]`` table stands in ``text``: from its heading to
    the next heading, less the blank and comment lines just before that heading."""
    if key not in data.get("corrections", {}):
        return None
    headers = list(_HEADER.finditer(text))
    for i, header in enumerate(headers):
        name = header.group(0).strip()
        try:
            parsed = _tomllib_header(name)
        except ValueError:
            continue
        if parsed != ["corrections", key]:
            continue
        end = headers[i + 1].start() if i + 1 < len(headers) else len(text)
        body = text[header.start() : end]
        lines = body.splitlines(keepends=True)
        while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            lines.pop()
        if not lines[-1].endswith("\n"):
            return None
        return header.start(), header.start() + sum(len(line) for line in lines)
    return None


def _tomllib_header(header: str) -> list[str]:
    """The key path of a table heading such as ``[corrections."二.一.3"]``."""
    import tomllib

    probe = tomllib.loads(header.split("#", 1)[0].strip() + "\n")
    path: list[str] = []
    while isinstance(probe, dict) and len(probe) == 1:
        ((name, probe),) = probe.items()
        path.append(name)
    return path
