"""Public APIs only: no module of matrix touches a library's private names, ``__globals__`` or ``gc``.

The package's source is read as syntax trees, so every module counts, including the ones a test
run never imports, and every line is checked, including the ones no test runs.  A finding names
its file and line.  What counts as the project's own:

- ``self`` and ``cls``;
- a name bound by an import from ``matrix`` (``from matrix.graph import PlanGraph``,
  ``import matrix.views.letters as letters``, relative imports);
- a name the module itself binds at its top level: a class, a function, an assigned name.

A library's private hook that a class of ours overrides (a method named ``_x`` that a base class
from outside matrix defines) is found by importing the package and reading the classes' bases.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import matrix

PACKAGE = Path(matrix.__file__).resolve().parent

ALLOWED: frozenset[tuple[str, str]] = frozenset(
    {
        # openpyxl's Cell._style and Worksheet._cells, in the one module that copies a named
        # style's array and a merged row's cells instead of asking openpyxl for every cell:
        # without it the workbook takes 38% longer at M (make bench), and openpyxl has no public
        # way to copy a style.  tests/test_fast_styles.py fails when openpyxl changes them.
        ("render/xlsx/fast_styles.py", "_style"),
        ("render/xlsx/fast_styles.py", "_cells"),
    }
)
"""(module path relative to matrix/, attribute name) pairs let through, each with its reason."""

_OWN_RECEIVERS = {"self", "cls"}
_ATTRIBUTE_CALLS = {"getattr", "setattr", "hasattr", "delattr"}


def _private(name: str) -> bool:
    """A name a library keeps to itself: a leading underscore, and not a dunder like ``__init__``."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _own_module(module: str | None, level: int) -> bool:
    return level > 0 or module == "matrix" or (module or "").startswith("matrix.")


def _own_names(tree: ast.Module) -> set[str]:
    """The names the module binds at its top level or imports from matrix, at any depth."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _own_module(node.module, node.level):
            names |= {alias.asname or alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _own_module(alias.name, 0):
                    names.add(alias.asname or alias.name.split(".")[0])
    return names


def _own_modules(tree: ast.Module) -> set[str]:
    """The names ``import matrix.…`` binds: a chain from one of them is a path to our own module."""
    return {
        alias.asname or alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
        if _own_module(alias.name, 0)
    }


def _owner(node: ast.expr, own: set[str], modules: set[str]) -> bool:
    """Whether ``node``, the object an attribute is read from, is the project's own: one of
    ``own`` itself (not something reached through it, as ``self.graph``), or a dotted path from
    an imported module of matrix (``matrix.views.letters``)."""
    if isinstance(node, ast.Name):
        return node.id in own
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id in modules


def _findings(path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, attribute or module name, what is wrong) for every internal ``path`` touches."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    own, modules = _own_names(tree) | _OWN_RECEIVERS, _own_modules(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if node.attr == "__globals__":
                yield node.lineno, node.attr, "reads a function's __globals__"
            elif _private(node.attr) and not _owner(node.value, own, modules):
                yield node.lineno, node.attr, f"touches the private attribute .{node.attr} of another library"
            if isinstance(node.value, ast.Name) and node.value.id == "gc":
                yield node.lineno, "gc", f"calls gc.{node.attr}"
        elif isinstance(node, ast.Call):
            func, args = node.func, node.args
            if isinstance(func, ast.Name) and func.id in _ATTRIBUTE_CALLS and len(args) >= 2:
                name = args[1].value if isinstance(args[1], ast.Constant) else None
                if name == "__globals__":
                    yield node.lineno, name, "reads a function's __globals__"
                elif isinstance(name, str) and _private(name) and not _owner(args[0], own, modules):
                    yield node.lineno, name, f"{func.id}() of the private attribute {name} of another library"
            if (
                isinstance(func, ast.Name | ast.Attribute)
                and (func.id if isinstance(func, ast.Name) else func.attr) in ("__import__", "import_module")
                and args
                and isinstance(args[0], ast.Constant)
                and args[0].value == "gc"
            ):
                yield node.lineno, "gc", "imports gc"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "gc":
                    yield node.lineno, "gc", "imports gc"
                elif not _own_module(alias.name, 0) and any(_private(p) for p in alias.name.split(".")):
                    yield node.lineno, alias.name, f"imports the private module {alias.name}"
        elif isinstance(node, ast.ImportFrom) and not _own_module(node.module, node.level):
            if node.module == "gc":
                yield node.lineno, "gc", "imports from gc"
            elif any(_private(p) for p in (node.module or "").split(".")):
                yield node.lineno, node.module or "", f"imports from the private module {node.module}"
            for alias in node.names:
                if _private(alias.name):
                    yield node.lineno, alias.name, f"imports the private name {alias.name} from {node.module}"


def _report(found: list[str]) -> str:
    return f"{len(found)} use(s) of library internals (see tests/test_no_internals.py):\n" + "\n".join(found)


def test_no_module_touches_library_internals() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        for line, name, what in sorted(_findings(path)):
            if (relative, name) not in ALLOWED:
                found.append(f"matrix/{relative}:{line}: {what}")
    assert not found, _report(found)


def _classes() -> Iterator[type]:
    for info in pkgutil.walk_packages([str(PACKAGE)], "matrix."):
        if info.name.endswith(".__main__"):  # runs the CLI when imported
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                yield cls


def _body_names(cls: type) -> set[str]:
    """The names the body of ``cls`` defines in its source (not those a metaclass adds)."""
    node = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
    assert isinstance(node, ast.ClassDef)
    names: set[str] = set()
    for item in node.body:
        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(item.name)
        elif isinstance(item, ast.Assign | ast.AnnAssign):
            targets = item.targets if isinstance(item, ast.Assign) else [item.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _overrides(cls: type) -> Iterator[str]:
    """The private names ``cls`` defines that a base class from outside matrix defines too."""
    foreign = [base for base in cls.__mro__[1:] if not base.__module__.startswith("matrix")]
    for name in sorted(_body_names(cls)):
        if _private(name):
            for base in foreign:
                if name in vars(base):
                    yield f"{cls.__name__}.{name} overrides {base.__module__}.{base.__name__}.{name}"
                    break


def test_no_class_overrides_a_library_private_hook() -> None:
    found = []
    for cls in _classes():
        for what in _overrides(cls):
            found.append(f"{inspect.getsourcefile(cls)}:{inspect.getsourcelines(cls)[1]}: {what}")
    assert not found, _report(found)


# The checks themselves, on small sources: each must find what it is meant to find.


def _check(source: str, tmp_path: Path) -> list[tuple[int, str, str]]:
    path = tmp_path / "module.py"
    path.write_text(source, encoding="utf-8")
    return list(_findings(path))


def test_finds_private_attributes_of_libraries(tmp_path: Path) -> None:
    source = (
        "import networkx as nx\n"
        "g = nx.DiGraph()\n"
        "def f(cell, tpl):\n"
        "    cell._value = 1\n"
        "    return g._succ, tpl.root_render_func.__globals__, getattr(cell, '_style')\n"
        "class Memo:\n"
        "    def f(self):\n"
        "        return self.g._node\n"
    )
    found = {(line, name) for line, name, _ in _check(source, tmp_path)}
    assert found == {(4, "_value"), (5, "__globals__"), (5, "_style"), (8, "_node")}


def test_finds_gc_and_private_imports(tmp_path: Path) -> None:
    source = (
        "import gc\n"
        "from jinja2.compiler import _private\n"
        "import importlib\n"
        "importlib.import_module('gc')\n"
        "gc.freeze()\n"
    )
    found = {(line, name) for line, name, _ in _check(source, tmp_path)}
    assert found == {(1, "gc"), (2, "_private"), (4, "gc"), (5, "gc")}


def test_lets_the_projects_own_names_through(tmp_path: Path) -> None:
    source = (
        "from matrix.graph import PlanGraph\n"
        "from . import sibling\n"
        "import matrix.views.letters\n"
        "_CACHE = {}\n"
        "class Memo:\n"
        "    def f(self, other):\n"
        "        return (self._a, cls._b, PlanGraph._c, sibling._d, _CACHE, Memo._e, other.__class__,\n"
        "            matrix.views.letters._f)\n"
    )
    assert _check(source, tmp_path) == []


def test_finds_an_override_of_a_library_private_hook() -> None:
    import jinja2

    class Environment(jinja2.Environment):
        def _generate(self, *args: object, **kwargs: object) -> str:
            return ""

        def _ours(self) -> None:
            pass

    assert list(_overrides(Environment)) == [
        "Environment._generate overrides jinja2.environment.Environment._generate"
    ]
