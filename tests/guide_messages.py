"""Every message matrix can show a user, collected from its source code, as templates.

A template is the constant text of a message with its fields as ``{}``: ``f"找不到模板文件 {path}"`` is
``找不到模板文件 {}``.  Collected, through the AST of every module under ``matrix/``:

- the message of every ``…Error(...)`` of a class matrix defines (MatrixError and its kinds,
  ReturnError), the first argument resolved through module constants, local assignments,
  ``+``, ``.format()`` and conditional expressions;
- the message of every ``Finding(...)`` (errors and warnings: every Finding is one or the other);
- every reason appended to a returned form's ``problems`` (what ``matrix collect`` reports);
- the Chinese sentences the CLI puts in place of click's usage errors (``_MESSAGES``).

A message passed through from another (``InputError(exc.message)``) has no constant text and is
not a template of its own.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "matrix"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|\\\d")
# What is left of a fragment once spaces and punctuation at its ends are set aside.
# The lists a message is appended to: a returned form's problems, a Word template's errors, a
# writer's warnings (shown as 提示: …).
_LISTS = {"problems", "errors", "warnings"}
_EDGE = " \t\n,，.。:：;；!?？、()（）\"'“”‘’-—"


@dataclass(frozen=True)
class Template:
    """A user-facing message with its fields as ``{}``, and where in the code it is."""

    text: str
    where: str

    def fragments(self) -> list[str]:
        """The constant pieces of the message, each long enough to look for."""
        pieces = (p.strip(_EDGE) for p in PLACEHOLDER.split(self.text))
        return [p for p in pieces if len(p) >= 2]


def _module_constants(trees: dict[Path, ast.Module]) -> dict[str, ast.expr]:
    constants: dict[str, ast.expr] = {}
    for tree in trees.values():
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name):
                    constants[target.id] = node.value
    return constants


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    names = {"MatrixError"}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Error"):
                names.add(node.name)
    return names


class _Resolver:
    """The possible texts of an expression: constants kept, everything else a ``{}``."""

    def __init__(self, constants: dict[str, ast.expr], function: ast.AST | None) -> None:
        self.constants = constants
        self.locals: dict[str, list[ast.expr]] = {}
        if function is not None:
            for node in ast.walk(function):
                if isinstance(node, ast.Assign) and len(node.targets) == 1:
                    target = node.targets[0]
                    if isinstance(target, ast.Name):
                        self.locals.setdefault(target.id, []).append(node.value)

    def texts(self, node: ast.expr, depth: int = 0) -> list[str]:
        if depth > 8:
            return ["{}"]
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.JoinedStr):
            out = [""]
            for part in node.values:
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    out = [o + part.value for o in out]
                else:
                    out = [o + "{}" for o in out]
            return out
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.texts(node.left, depth + 1), self.texts(node.right, depth + 1)
            return [a + b for a in left for b in right]
        if isinstance(node, ast.IfExp):
            return self.texts(node.body, depth + 1) + self.texts(node.orelse, depth + 1)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            return self.texts(node.func.value, depth + 1)
        if isinstance(node, ast.Name):
            if node.id in self.locals:
                return [t for value in self.locals[node.id] for t in self.texts(value, depth + 1)]
            if node.id in self.constants:
                return self.texts(self.constants[node.id], depth + 1)
        if isinstance(node, ast.Attribute) and node.attr.isupper() and node.attr in self.constants:
            return self.texts(self.constants[node.attr], depth + 1)
        return ["{}"]


def _functions(tree: ast.Module) -> dict[ast.AST, ast.AST | None]:
    """Each node's innermost enclosing function (None at module level)."""
    owner: dict[ast.AST, ast.AST | None] = {}

    def visit(node: ast.AST, function: ast.AST | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else function
            owner[child] = inner
            visit(child, inner)

    visit(tree, None)
    return owner


def _message_arg(call: ast.Call, name: str) -> ast.expr | None:
    if name == "Finding":
        if len(call.args) >= 2:
            return call.args[1]
        return next((k.value for k in call.keywords if k.arg == "message"), None)
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg == "message"), None)


def collect_templates(package: Path = PACKAGE) -> list[Template]:
    """Every user-facing message template in the package, in file and line order."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(package.rglob("*.py"))}
    constants = _module_constants(trees)
    errors = _error_classes(trees)
    found: list[Template] = []
    for path, tree in trees.items():
        owner = _functions(tree)
        where_file = path.relative_to(package.parent).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                target = func.value if isinstance(func, ast.Attribute) else None
                appends_problem = (
                    name == "append"
                    and target is not None
                    and (
                        (isinstance(target, ast.Name) and target.id in _LISTS)
                        or (isinstance(target, ast.Attribute) and target.attr in _LISTS)
                    )
                )
                if name in errors or name == "Finding":
                    arg = _message_arg(node, name)
                elif appends_problem:
                    arg = node.args[0] if node.args else None
                else:
                    continue
                if arg is None:
                    continue
                resolver = _Resolver(constants, owner.get(node))
                for text in resolver.texts(arg):
                    template = Template(text, f"{where_file}:{node.lineno}")
                    if template.fragments():
                        found.append(template)
            elif (
                isinstance(node, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "_MESSAGES" for t in node.targets)
                and isinstance(node.value, ast.List)
            ):
                for item in node.value.elts:
                    if isinstance(item, ast.Tuple) and len(item.elts) == 2:
                        replacement = item.elts[1]
                        if isinstance(replacement, ast.Constant) and isinstance(replacement.value, str):
                            found.append(Template(replacement.value, f"{where_file}:{item.lineno}"))
    unique: dict[str, Template] = {}
    for template in found:
        unique.setdefault(template.text, template)
    return list(unique.values())


def normalise(text: str) -> str:
    """Text compared as a reader sees it: Markdown's backticks and line breaks do not count."""
    return re.sub(r"\s+", " ", text.replace("`", ""))


def missing_from(templates: list[Template], faq: str) -> list[Template]:
    """The templates some constant fragment of which the FAQ does not contain."""
    text = normalise(faq)
    return [t for t in templates if any(normalise(f) not in text for f in t.fragments())]
