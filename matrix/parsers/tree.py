"""The outline tree and the tasks in it: which unit of text each assignment closes.

A task is a numbered item whose text carries an assignment, an un-numbered paragraph ending in its
own assignment (``p3``; several assignments in one paragraph give ``p3.s1``, ``p3.s2``), or a whole
section whose assignment stands alone after its paragraphs.  Sub-items (1)(2)… that share one
assignment written after them make one task: the item that holds them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from matrix.parsers.assignment import AssignmentText
from matrix.parsers.lines import Para, own_text
from matrix.parsers.prose import charges_anew


@dataclass
class Node:
    """An outline node: a numbered line with the paragraphs under it, before the next numbered line."""

    para: Para | None
    outline: tuple[str, ...]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    is_task: bool = False
    heading: str | None = None

    @property
    def level(self) -> int:
        """The marker's level; -1 for the root."""
        return self.para.marker.level if self.para and self.para.marker else -1

    @property
    def line(self) -> int:
        """The node's line number (0 for the root)."""
        return self.para.line if self.para else 0

    def has_assignment(self) -> bool:
        """True when the node or anything under it carries an assignment (a heading that names who
        leads all under it counts)."""
        return any(_assigned(p) or p.heads is not None for p in self.paras()) or self.assigned_below()

    def assigned_below(self) -> bool:
        """True when the node's body or children carry an assignment of their own."""
        return any(_assigned(p) for p in self.body) or any(c.has_assignment() for c in self.children)

    def paras(self) -> list[Para]:
        """The node's own line (if any) and its body."""
        return ([self.para] if self.para else []) + self.body

    def text(self, *, as_written: bool = False) -> str:
        """The node's own text and everything under it, one line a paragraph; assignment brackets
        taken out unless ``as_written`` (lines that are only an assignment are left out either way)."""
        parts = [own_text(p, as_written=as_written) for p in self.paras() if p.kind not in ("pure", "note")]
        parts += [c.full_text(as_written=as_written) for c in self.children]
        return "\n".join(p for p in parts if p)

    def full_text(self, *, as_written: bool = False) -> str:
        """The node's text with its own marker, as a sub-item reads inside its parent's text."""
        marker = self.para.text[: self.para.body_start].strip() if self.para else ""
        return marker + self.text(as_written=as_written)


@dataclass
class RawTask:
    """A task before names are canonicalised and the lead rule applied."""

    outline: tuple[str, ...]
    text: str
    written: str
    """The task's text as the plan writes it, its assignment brackets included."""
    line: int
    assignment: AssignmentText
    assign_line: int
    section: Node | None


def _charges_others(before: AssignmentText, said: AssignmentText) -> bool:
    """True when a paragraph's first stretch ``said`` charges other bodies than the stretch
    ``before`` it (区绿化市容局、区建设管理委负责… / 区建设管理委负责…): a paragraph of its own; one
    that charges the very same bodies again goes on the stretch before."""

    def charged(a: AssignmentText) -> set[str]:
        return {n.text for n in (*a.leads, *a.responsible)}

    return charged(said) != charged(before)


def _duty_entry(para: Para) -> bool:
    """True for an item that names its body before a colon and goes on with that body's duties
    (2.各居民区:居委党组织承担…): its one assignment opens the line, right after the colon."""
    if len(para.inlines) != 1 or not (para.inlines[0].leading or para.inlines[0].assignment.labelled):
        return False
    at = para.inlines[0].group.start
    return at > para.body_start and para.folded[at - 1] == ":" and bool(para.folded[at:].strip())


def _prose_item(node: Node) -> bool:
    """True for an item whose heading names no one, over paragraphs of which two or more hold text
    and those that assign do so in prose (区财政局负责…), with no sub-items."""
    if node.para is None or _assigned(node.para) or node.children or len(node.body) < 2:
        return False
    said = [p for p in node.body if _assigned(p)]
    return bool(said) and all(p.prose and p.pure is None for p in said)


def _assigned(para: Para) -> bool:
    return bool(para.inlines) or (para.pure is not None and not para.pure.rule_only)


def _units(assigned: list[Para], paras: list[Para]) -> list[Para]:
    """Assigned lines, with a run of consecutive assignment lines (牵头单位:A / 配合单位:B / 抄送单位:C)
    counted once."""
    chosen = {id(p) for p in assigned}
    out: list[Para] = []
    in_run = False  # the previous line was an assignment line of the unit last added
    for para in paras:
        if para.pure is None:
            in_run = False
            if id(para) in chosen:
                out.append(para)
            continue
        if id(para) in chosen:
            if in_run and out and out[-1].pure is not None:
                out[-1] = para
            else:
                out.append(para)
            in_run = True
        # an assignment line that names nobody (抄送单位: ignored) neither starts nor breaks a run
    return out


def build_tree(paras: list[Para]) -> Node:
    """The outline tree of classified lines: numbered lines nest by marker level."""
    root = Node(None, ())
    stack = [root]
    for para in paras:
        if para.kind in ("item", "row") and para.marker is not None:
            while stack[-1].level >= para.marker.level:
                stack.pop()
            parent = stack[-1]
            node = Node(para, (*parent.outline, para.marker.label), parent)
            parent.children.append(node)
            stack.append(node)
        else:
            if para.kind == "para" and _ANNEX.match(para.folded.strip()):
                del stack[1:]  # 附件1: an annex numbers its items afresh, under no section of the text
            # a line after a table's rows (a title, the next table's heading) is no row's text
            while stack[-1].para is not None and stack[-1].para.kind == "row" and para.kind == "para":
                stack.pop()
            stack[-1].body.append(para)
    _close(root)
    return root


def _close(root: Node) -> None:
    """Move the document's closing paragraphs off its last item: after an item whose assignment
    stands in a paragraph of its own (2、…问题。 / 整改措施:由县住建局负责…), paragraphs that name
    nobody at the end of the text (请各责任单位…尽快整改) speak to every item, not to the last."""
    last = root
    while last.children:
        last = last.children[-1]
    if last is root or last.para is None or _assigned(last.para):
        return
    body = last.body
    ends = [i for i, p in enumerate(body) if _assigned(p)]
    if len(ends) != 1 or ends[0] == len(body) - 1:
        return
    if any(p.pure is not None for p in body[ends[0] + 1 :]):
        return  # 完成时限:长期坚持 under the assignment is still the item's
    root.body += body[ends[0] + 1 :]
    del body[ends[0] + 1 :]


_ANNEX = re.compile(r"^附件\s*[0-9一二三四五六七八九十]{0,2}\s*[:：.、]?.{0,40}$")
"""An annex's heading on a line of its own (附件, 附件2:任务分解表)."""


def _merged(paras: list[Para]) -> tuple[AssignmentText, int]:
    total = AssignmentText()
    line = 0
    for p in paras:
        if p.heads is not None:
            total.merge(p.heads)
            line = max(line, p.line)
        for inline in p.inlines:
            total.merge(inline.assignment)
            line = max(line, p.line)
        if p.pure is not None:
            total.merge(p.pure)
            line = max(line, p.line)
    return total, line


@dataclass
class _Stretch:
    """A stretch of a line that ends in its own assignment bracket."""

    text: str
    written: str
    assignment: AssignmentText


_STOPS = "。;, "
"""Stops that close a stretch of a line (as folded: full-width ，； read as , ;)."""


def _split_stretches(para: Para, start: int, *, tail: bool = True) -> list[_Stretch]:
    """A line's stretches from ``start``, each ending in its own assignment bracket; the last takes
    whatever trails its bracket, but without ``tail``."""
    out: list[_Stretch] = []
    pos = start
    inlines = [i for i in para.inlines if i.group.start >= start]
    for k, inline in enumerate(inlines):
        # the text up to this bracket and the stop right after it (。 ; ,), and after the last
        # bracket whatever trails it
        end = len(para.text)
        if k + 1 < len(inlines) or not tail:
            end = _after_stops(
                para, inline.group.end, inlines[k + 1].group.start if k + 1 < len(inlines) else end
            )
        # a stretch cut at a comma reads as a clause of its own, without the comma
        plain = own_text(para, pos, end).rstrip(",;，；")
        out.append(_Stretch(plain, own_text(para, pos, end, as_written=True), inline.assignment))
        pos = end
    return out


def _after_stops(para: Para, at: int, limit: int) -> int:
    """Where the stops (。 ; ,) right after ``at`` end, up to ``limit``."""
    while at < limit and para.folded[at] in _STOPS:
        at += 1
    return at


_MIN_TAIL = 8


def _assigned_tail(para: Para, following: Para | None) -> int | None:
    """Where the words after a line's last assignment start when a labelled line right after the
    line assigns them (…牵头单位:区财金局,配合单位:…等强化信用建设应用。…机制。 / 牵头单位:区经发局发改处…):
    those words are a stretch of their own; None otherwise."""
    if following is None or following.pure is None or not para.inlines:
        return None
    said = following.pure
    if said.rule_only or not (said.leads or said.responsible or said.participants):
        return None
    at = _after_stops(para, para.inlines[-1].group.end, len(para.folded))
    return at if len(own_text(para, at).strip()) >= _MIN_TAIL else None


def _heading_end(para: Para) -> int | None:
    """Where a numbered line's heading sentence ends, when it shares its line with a paragraph."""
    first_bracket = para.inlines[0].group.start if para.inlines else len(para.folded)
    cut = para.folded.find("。", para.body_start)
    # the rest must hold words of its own: 加快建设基地。(牵头单位:…) is one sentence and its bracket
    if 0 <= cut < first_bracket and own_text(para, cut + 1):
        return cut + 1
    return None


class TaskCollector:
    """Walks the outline tree and collects its tasks in document order."""

    def __init__(self) -> None:
        self.tasks: list[RawTask] = []
        self.rule_lines: list[int] = []
        self.covered: set[int] = set()
        """The lines (by ``id`` of their Para) that belong to a task with an assignment."""

    def collect(self, root: Node) -> list[RawTask]:
        """Every task under ``root``, ordered by line."""
        for para in _all_paras(root):
            rule_line = para.pure is not None and para.pure.rule_only and para.pure.states_rule
            if para.states_rule or rule_line:
                self.rule_lines.append(para.rule_from or para.line)
        self._sectioned(root)
        for child in root.children:
            self._visit(child)
        for task in self.tasks:
            heads = _heads_above(task.section)
            if heads is not None and not (task.assignment.leads or task.assignment.responsible):
                inherited = AssignmentText()
                inherited.merge(heads)
                inherited.merge(task.assignment)
                task.assignment = inherited
            elif heads is not None:
                # an item naming its own lead under 一、…(省发改委总牵头): the heading's body leads the
                # whole section, so it is told of the item too, unless the item names it already
                a = task.assignment
                named = {
                    n.text for n in [*a.leads, *a.participants, *a.responsible, *(o for o, _ in a.others)]
                }
                a.others += [(n, "总牵头") for n in [*heads.leads, *heads.responsible] if n.text not in named]
        # by line, and within a line (a collapsed page cut into pieces) in the order they were found
        return sorted(self.tasks, key=lambda t: t.line)

    def _visit(self, node: Node) -> None:
        if _facets(node):
            # (一)"互联网+"现代农业 over 1.行动目标。… 2.主要任务…牵头单位:X: the items are the parts of
            # one task, not tasks of their own
            self._whole(node)
            return
        if node.para is not None and node.para.heads is not None and not node.assigned_below():
            if node.children and _named_only(node.para) and _goes_on(node):
                # (一)虹口区绿化和市容管理局 / 区绿化市容局…主要履行以下职责: / 1.…; 2.…: the duties go on
                # one sentence of the body's, so its section is one task
                self._whole(node)
            elif node.children:  # 一、县示范区管委会牵头工作(8项) over items 1. 2. …: each item is a task
                for child in node.children:
                    self._whole(child)
            else:  # (一)省监察厅牵头的工作 over a paragraph that names nobody: the section is the task
                self._whole(node)
            return
        assigned = _units([p for p in node.paras() if _assigned(p)], node.paras())
        if assigned == [node.para] and node.para is not None and node.children and _duty_entry(node.para):
            # 2.各居民区:居委党组织承担… over (1)…(7): the body's own words are a task, and each duty
            # it lists under them another, the body leading each
            heads = AssignmentText()
            heads.merge(node.para.inlines[0].assignment)
            node.para.heads = heads
            self._own_lines(node)
            self._items_below(node)
            return
        if _prose_item(node):
            self._prose_stretches(node)
            return
        if (
            assigned == [node.para]
            and node.para is not None
            and _heads_items(node)
            and not _titled(node.para)
        ):
            # (一)研究将…制度化,落实…。(财政部…负责)具体措施: over 1.…(财政部牵头) 2.…: the item's own
            # sentences are a task, and each measure under it another
            self._own_lines(node)
            self._items_below(node)
            return
        if assigned == [node.para] and node.para is not None and _heads_items(node):
            # 一、加快调整能源结构(省发改委总牵头) over items with brackets of their own: the heading's
            # bracket leads what under it names no lead; it is no task of its own
            node.para.heads, node.para.inlines = _merged([node.para])[0], []
            self.covered.add(id(node.para))
            self._items_below(node)  # an item that names nobody is the heading's to lead
            return
        if not assigned:
            for i, child in enumerate(node.children):
                if self._shares_parent_assignment(node, i):
                    self._whole(node)
                    return
                self._visit(child)
            return
        # a paragraph opened by its own assignment (由X承办,Y协办。…) is a task of its own, not the
        # assignment of the whole section
        opened = all(i.leading for i in assigned[0].inlines) and bool(assigned[0].inlines)
        # … unless it is all the item holds (1、设立试验区事宜 / 由X副市长负责,Y牵头,…): the item is the task
        alone = node.para is not None and node.body == [assigned[0]] and not node.children
        if len(assigned) == 1 and (
            assigned[0] is node.para
            # (a paragraph whose brackets each close a stretch of it gives a task per stretch)
            or (
                assigned[0] is node.body[-1]
                and (not opened or alone)
                # (a heading's one paragraph whose sentences charge one body after another is the
                # heading's, a task per stretch)
                and (len(assigned[0].inlines) <= 1 or alone)
                # a paragraph over sub-sections that name their own bodies is a task of its own
                and not any(c.has_assignment() for c in node.children)
            )
            or assigned[0].pure is not None
        ):
            if assigned[0].pure is not None and any(c.has_assignment() for c in node.children):
                # 一、…工程 / 任务分工:省农委总牵头 over items naming their own bodies: the section's
                # own lines are its task, and each item is one of its own
                self._own_lines(node)
            else:
                self._whole(node)
        else:
            self._sectioned(node)
        for child in node.children:
            self._visit(child)

    def _items_below(self, node: Node) -> None:
        """Each item under ``node`` a task: read as its own assignment says, or whole."""
        for child in node.children:
            if child.has_assignment():
                self._visit(child)
            else:
                self._whole(child)

    def _shares_parent_assignment(self, node: Node, index: int) -> bool:
        """True when children ``0..index`` carry no assignment but the last of them ends in a lone one."""
        child = node.children[index]
        own = [p for p in child.paras() if _assigned(p)]
        if index == 0 or child.children or len(own) != 1:
            return False
        before = node.children[:index]
        if own[0].pure is None:
            last = index == len(node.children) - 1 and index >= 1 and _closes(own[0])
            # items that each end in a bracket the reader did not take (…(区属国企)) are each a task
            if not last or any(c.paras()[-1].folded.rstrip(" 。.;").endswith(")") for c in before):
                return False
        return not any(c.has_assignment() for c in before)

    def _whole(self, node: Node) -> None:
        node.is_task = True
        paras = [p for p in node.paras()] + [p for c in node.children for p in _all_paras(c)]
        self.covered.update(map(id, paras))
        assignment, line = _merged(paras)
        plain_body = not any(_assigned(p) for p in node.body)
        said = [p for p in paras if _assigned(p)]
        if (
            node.children
            and len(said) == 1
            and len(said[0].inlines) > 1
            and said[0] is node.children[-1].para
        ):
            self._parts_in_stretches(node, said[0])
            return
        body = node.body[0] if len(node.body) == 1 and not node.children else None
        if node.para is not None and body is not None and len(body.inlines) > 1 and not _assigned(node.para):
            # (二)培育绿色低碳产业集群 / 市经济信息化委支持…。市生态环境局推进…。: the heading's one
            # paragraph cut stretch by stretch, the first holding the heading
            stretches = _split_stretches(body, body.body_start)
            stretches[0].text = "\n".join([own_text(node.para), stretches[0].text])
            stretches[0].written = "\n".join([own_text(node.para, as_written=True), stretches[0].written])
            self._stretch_tasks(node, stretches, body.line)
            return
        if node.para is not None and len(node.para.inlines) > 1 and plain_body and not node.children:
            # one numbered item whose brackets each close a stretch of it: a task per stretch, so
            # each bureau sees the sentences it is named for (一.s1, 一.s2); paragraphs under it
            # that name nobody go on from its last stretch
            stretches = _split_stretches(node.para, node.para.body_start)
            last = stretches[-1]
            last.text = "\n".join([last.text, *(own_text(p) for p in node.body)])
            last.written = "\n".join([last.written, *(own_text(p, as_written=True) for p in node.body)])
            self._stretch_tasks(node, stretches, node.line)
            return
        self.tasks.append(
            RawTask(
                node.outline,
                node.text(),
                node.text(as_written=True),
                node.line,
                assignment,
                line,
                node.parent,
            )
        )

    def _parts_in_stretches(self, node: Node, last: Para) -> None:
        """A task of parts (1.行动目标 / 2.主要任务) whose last part names bodies stretch by stretch
        (“互联网+”便民服务:…。牵头单位:A “互联网+”教育:…。牵头单位:B): a task per stretch, the first
        holding the heading and the parts before it."""
        stretches = _split_stretches(last, last.body_start)
        marker = last.text[: last.body_start].strip()
        head = [own_text(p) for p in node.paras() if p.kind not in ("pure", "note")]
        head += [c.full_text() for c in node.children[:-1]]
        written = [own_text(p, as_written=True) for p in node.paras() if p.kind not in ("pure", "note")]
        written += [c.full_text(as_written=True) for c in node.children[:-1]]
        stretches[0].text = "\n".join([*head, marker + stretches[0].text])
        stretches[0].written = "\n".join([*written, marker + stretches[0].written])
        self._stretch_tasks(node, stretches, last.line)

    def _prose_stretches(self, node: Node) -> None:
        """An item whose paragraphs say in prose who does what: a task per stretch across them
        (``…sK``), a stretch going on while its words charge the same bodies again, or none; the
        first holds the heading."""
        node.is_task = True
        self.covered.update(map(id, node.paras()))
        assert node.para is not None
        head = _Stretch(own_text(node.para), own_text(node.para, as_written=True), AssignmentText())
        stretches: list[_Stretch] = []
        line = node.line
        for para in node.body:
            if not para.inlines:
                last = stretches[-1] if stretches else head
                last.text = "\n".join(t for t in (last.text, own_text(para)) if t)
                last.written = "\n".join(t for t in (last.written, own_text(para, as_written=True)) if t)
                continue
            line = para.line if not stretches else line
            for k, stretch in enumerate(_split_stretches(para, para.body_start)):
                if stretches and not (charges_anew if k else _charges_others)(
                    stretches[-1].assignment, stretch.assignment
                ):
                    last = stretches[-1]
                    joint = "" if k else "\n"  # a paragraph's own sentences run on, the next starts a line
                    last.text, last.written = (
                        last.text + joint + stretch.text,
                        last.written + joint + stretch.written,
                    )
                    last.assignment.merge(stretch.assignment)
                else:
                    stretches.append(stretch)
        stretches[0].text = "\n".join(t for t in (head.text, stretches[0].text) if t)
        stretches[0].written = "\n".join(t for t in (head.written, stretches[0].written) if t)
        if len(stretches) == 1:
            self.tasks.append(
                RawTask(
                    node.outline,
                    stretches[0].text,
                    stretches[0].written,
                    node.line,
                    stretches[0].assignment,
                    line,
                    node.parent,
                )
            )
            return
        self._stretch_tasks(node, stretches, line)

    def _stretch_tasks(self, node: Node, stretches: list[_Stretch], line: int) -> None:
        """A task a stretch of ``node``, outline ``…sK``; ``line`` is where their assignments stand."""
        for k, s in enumerate(stretches, 1):
            outline = (*node.outline, f"s{k}")
            self.tasks.append(RawTask(outline, s.text, s.written, node.line, s.assignment, line, node.parent))

    def _own_lines(self, node: Node) -> None:
        """``node``'s own line and body as one task, the items under it left to be tasks of their own."""
        node.is_task = True
        paras = node.paras()
        self.covered.update(map(id, paras))
        assignment, line = _merged(paras)
        texts = [p for p in paras if p.kind not in ("pure", "note")]
        self.tasks.append(
            RawTask(
                node.outline,
                "\n".join(t for t in (own_text(p) for p in texts) if t),
                "\n".join(t for t in (own_text(p, as_written=True) for p in texts) if t),
                node.line,
                assignment,
                line,
                node.parent,
            )
        )

    def _sectioned(self, node: Node) -> None:
        """A node whose paragraphs carry their own assignments: each paragraph is a task ``pN``."""
        count = 0
        run: list[Para] = []
        ahead = AssignmentText()  # labelled lines met before the section's first task, for that task
        segments: list[tuple[Para, int]] = []
        if node.para is not None:
            cut = _heading_end(node.para) if node.para.inlines else None
            if cut is not None:
                node.heading = node.para.text[node.para.body_start : cut].strip()
                segments.append((node.para, cut))
            elif node.para.inlines:
                segments.append((node.para, node.para.body_start))
        segments += [(p, 0) for p in node.body]
        if (
            node.para is not None
            and not node.para.inlines
            and "。" in node.para.folded[node.para.body_start :]
        ):
            # 1.推进环保信息化。… / 牵头单位:A / “互联网+”林业。… / 牵头单位:B: the item's own sentences
            # are the first stretch its first labelled line closes
            run = [node.para]
        trailing: tuple[str, str, int] | None = None  # words after a line's last bracket, unassigned
        for n, (para, start) in enumerate(segments):
            if para.inlines:
                self.covered.add(id(para))
                count += 1
                following = segments[n + 1][0] if n + 1 < len(segments) else None
                tail = _assigned_tail(para, following)
                stretches = _split_stretches(para, start, tail=tail is None)
                if tail is not None:
                    trailing = (
                        own_text(para, tail),
                        own_text(para, tail, as_written=True),
                        len(stretches) + 1,
                    )
                run = []  # unassigned paragraphs before an assigned one stand on their own
                if para is node.para and start and (len(stretches) > 1 or trailing is not None):
                    # (四)营造积极发展环境构建开放包容环境。全面放宽…牵头单位:…: an item its line cuts
                    # into stretches opens its first with its heading (one stretch is a paragraph
                    # under the heading, p1)
                    head = own_text(para, para.body_start, start)
                    stretches[0].text = head + stretches[0].text
                    stretches[0].written = (
                        own_text(para, para.body_start, start, as_written=True) + stretches[0].written
                    )
                for k, s in enumerate(stretches, 1):
                    outline = (*node.outline, f"p{count}")
                    if len(stretches) > 1:
                        outline = (*outline, f"s{k}")
                    s.assignment.merge(ahead)
                    ahead = AssignmentText()
                    self.tasks.append(
                        RawTask(outline, s.text, s.written, para.line, s.assignment, para.line, node)
                    )
            elif para.pure is not None and not para.pure.rule_only and trailing is not None:
                text, written, k = trailing
                outline = (*node.outline, f"p{count}", f"s{k}")
                self.tasks.append(RawTask(outline, text, written, para.line, para.pure, para.line, node))
                self.covered.add(id(para))
                trailing = None
            elif para.pure is not None and not para.pure.rule_only:
                if run == [node.para] and not (
                    para.pure.leads or para.pure.responsible or para.pure.participants
                ):
                    run = []  # 组长:李文学 after the item's line: the people of the section's first task
                if run and not count and run[-1].line == para.line and run[0].line < para.line:
                    # a page that stored its items on one line after a few lines of its own (近日 /
                    # 广东省人民政府印发 / … / 粮食产量…以上 部门分工:…): the first task is of that line
                    run = [p for p in run if p.line == para.line]
                if run:
                    count += 1
                    text = "\n".join(own_text(p) for p in run)
                    written = "\n".join(own_text(p, as_written=True) for p in run)
                    self.covered.update(map(id, run))
                    outline = (*node.outline, f"p{count}")
                    self.tasks.append(
                        RawTask(outline, text, written, run[0].line, para.pure, para.line, node)
                    )
                    run = []
                elif self.tasks and self.tasks[-1].section is node:
                    self.tasks[-1].assignment.merge(para.pure)
                else:  # 组长:李文学 before the section's first task: that task's people
                    ahead.merge(para.pure)
            elif para.pure is not None and para.pure.deadline and not run:
                if self.tasks and self.tasks[-1].section is node:  # 完成时限: under the task's labels
                    self.tasks[-1].assignment.merge(para.pure)
            elif para.kind == "para":
                run.append(para)


_FACET = re.compile(
    r"^(行动|工作|发展|主要|总体)?目标|^(主要|重点|工作|具体)?(任务|内容|措施)"
    r"|^(保障|推进)措施|^(实施|工作)步骤|^进度安排|^(责任|职责)分工"
)
"""How an item that is a part of a task opens (行动目标, 主要任务, 保障措施), not a task's own words."""
_GROUP_PART = re.compile(r"^[\u4e00-\u9fff]{0,8}(领导小组|工作小组|工作专班|指挥部)$")
"""A part naming the group set up to see to the task (2、项目攻坚领导小组), its roster below it."""


def _closes(para: Para) -> bool:
    """True when ``para``'s one bracket ends it (…来岚投资建设。(责任单位:A、B)): the last item's
    bracket that closes its section's run of items, none of which names anyone."""
    if len(para.inlines) != 1 or para.inlines[0].leading:
        return False
    return not para.folded[para.inlines[0].group.end :].strip(" 。.;")


def _facets(node: Node) -> bool:
    """True when ``node``'s items are each a part of one task (1.行动目标 / 2.主要任务): two or more,
    every one opening with a part's name and none with items of its own, one assignment among them
    all and none on the node's own line."""
    if node.para is None or len(node.children) < 2 or _assigned(node.para):
        return False
    said = [p for c in node.children for p in c.paras() if _assigned(p)]
    last = node.children[-1].para
    roster = [c for c in node.children if any(_assigned(p) for p in c.paras())]
    grouped = len(roster) == 1 and roster[0].para is not None and _GROUP_PART.match(_own(roster[0].para))
    if grouped and len(said) > 1 and all(p.pure is not None for p in said):
        said = said[:1]  # 2、项目攻坚领导小组 / 组长:… / 成员单位:…: one part's labelled lines
    if len(said) != 1 or (len(said[0].inlines) > 1 and said[0] is not last):
        return False  # parts that name bodies stretch by stretch are tasks stretch by stretch
    return all(
        c.para is not None
        and not c.children
        and (_FACET.match(_own(c.para)) or _GROUP_PART.match(_own(c.para)))
        for c in node.children
    )


def _own(para: Para) -> str:
    return para.folded[para.body_start :].strip()


def _named_only(para: Para) -> bool:
    """True when a heading is only the name of the body it puts over its items (三、区城管执法局)."""
    heads = para.heads
    if heads is None:
        return False
    names = [n.text for n in (*heads.leads, *heads.responsible)]
    return para.folded[para.body_start :].strip(" 。.:") in ("".join(names), "、".join(names))


def _goes_on(node: Node) -> bool:
    """True when ``node``'s items go on one sentence: its body ends in a colon (…履行以下职责:), or
    its items end in semicolons (1.组织制定…; 2.开展…;)."""
    if node.body and node.body[-1].folded.rstrip().endswith(":"):
        return True
    ends = [c.para.folded.rstrip()[-1:] for c in node.children if c.para is not None]
    return sum(1 for e in ends if e == ";") * 2 > len(ends)


def _heads_items(node: Node) -> bool:
    """True when ``node``'s heading carries a bracket and items under it carry brackets of their own."""
    if node.body or len(node.para.inlines if node.para else []) != 1:
        return False
    return any(p.inlines for c in node.children for p in _all_paras(c))


def _titled(para: Para) -> bool:
    """True when an item's text before its bracket is a title (加快调整能源结构), not sentences."""
    before = para.folded[para.body_start : para.inlines[0].group.start] if para.inlines else ""
    return not any(stop in before.rstrip("。 ") for stop in "。,;")


def _heads_above(node: Node | None) -> AssignmentText | None:
    """The assignment of the nearest heading at or above ``node`` that names who leads all under it."""
    while node is not None:
        if node.para is not None and node.para.heads is not None:
            return node.para.heads
        node = node.parent
    return None


def _all_paras(node: Node) -> list[Para]:
    out = node.paras()
    for child in node.children:
        out += _all_paras(child)
    return out
