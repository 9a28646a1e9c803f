"""The package's shape: imports flow one way (readers → parsers → model → views → render → build).

Every ``import`` of every module is counted, at any depth (inside functions too), except those
under ``if TYPE_CHECKING:``, which never run and so cannot make a cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "matrix"

# The lower layers never reach up: a reader knows files, not plans; a renderer returns bytes and
# never writes (the build does); nothing below the build starts a build or prints a CLI message.
FORBIDDEN = {
    "matrix.readers": ("matrix.parsers", "matrix.views", "matrix.render", "matrix.build", "matrix.diff"),
    "matrix.parsers": ("matrix.views", "matrix.render", "matrix.build"),
    "matrix.diff": ("matrix.views", "matrix.render", "matrix.build", "matrix.readers"),
    "matrix.progress": ("matrix.views", "matrix.render", "matrix.build", "matrix.readers"),
    "matrix.views": ("matrix.render", "matrix.build"),
    "matrix.render": ("matrix.build",),
    "matrix.text": ("matrix.readers", "matrix.parsers", "matrix.views", "matrix.render", "matrix.build"),
}
TOP = ("matrix.build", "matrix.cli", "matrix.web", "matrix.api")
"""What only the outer layers may import."""
OUTER = ("matrix.build", "matrix.cli", "matrix.web", "matrix.api", "matrix.__main__")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """The ids of every node under an ``if TYPE_CHECKING:`` block."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for child in node.body:
                skipped.update(id(n) for n in ast.walk(child))
    return skipped


def imports_in(source: str, package: str, known: Iterable[str]) -> set[str]:
    """The project's modules a module of ``package`` with this ``source`` imports, at any depth."""
    tree = ast.parse(source)
    skipped = _type_checking_nodes(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "matrix")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            if module.split(".")[0] != "matrix":
                continue
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.add(sub if sub in known else module)
    return found


def imports_of(name: str) -> set[str]:
    """The project's modules that module ``name`` imports, at any depth."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package, MODULES) - {name}


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for name in MODULES:
        graph.add_node(name)
        for target in imports_of(name):
            assert target in MODULES, f"{name} imports {target}, which does not exist"
            graph.add_edge(name, target)
    return graph


def test_there_is_no_import_cycle() -> None:
    graph = import_graph()
    cycles = [" → ".join([*c, c[0]]) for c in nx.simple_cycles(graph)]
    assert not cycles, "import cycles:\n" + "\n".join(sorted(cycles)[:20])


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above(layer: str) -> None:
    graph = import_graph()
    wrong = [
        f"{a} imports {b}"
        for a, b in graph.edges
        if _within(a, layer) and any(_within(b, p) for p in (*FORBIDDEN[layer], *TOP))
    ]
    assert not wrong, "\n".join(wrong)


def test_only_the_outer_layers_import_the_build() -> None:
    graph = import_graph()
    wrong = [
        f"{a} imports {b}"
        for a, b in graph.edges
        if _within(b, "matrix.build") and not any(_within(a, p) for p in OUTER)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_checker_sees_imports_inside_functions_and_not_under_type_checking() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from matrix.graph import PlanGraph\n"
        "if TYPE_CHECKING:\n"
        "    from matrix.settings import Settings\n"
        "def write() -> None:\n"
        "    if True:\n"
        "        from matrix.build import sync\n"
        "        import matrix.cli\n"
        "    from . import letters\n"
    )
    known = {"matrix.graph", "matrix.settings", "matrix.build.sync", "matrix.cli", "matrix.views.letters"}
    found = imports_in(source, "matrix.views", known)
    assert found == {"matrix.graph", "matrix.build.sync", "matrix.cli", "matrix.views.letters"}


def test_every_package_says_what_it_may_import() -> None:
    for name, path in MODULES.items():
        if path.name == "__init__.py" and name.count(".") >= 1:
            doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            assert "import" in doc, f"{name}: its docstring does not say what it may import"


PURE = ("matrix.text", "matrix.parsers", "matrix.diff", "matrix.progress", "matrix.views", "matrix.render")
"""The packages that turn data into data or bytes and leave every write to the build."""
WRITES = {"write_bytes", "write_text", "mkdir", "unlink", "rmdir", "rmtree", "rename", "touch", "open"}
"""Methods that write (``path.write_bytes``, ``shutil.rmtree``), and the builtin ``open``."""


@pytest.mark.parametrize("package", PURE)
def test_the_pure_layers_never_touch_the_file_system_for_writing(package: str) -> None:
    found = []
    for name, path in MODULES.items():
        if not _within(name, package):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Attribute):
                    called = func.attr
                elif isinstance(func, ast.Name) and func.id == "open":
                    called = "open"  # a function of the project's own named like a method is no write
                else:
                    continue
                if called in WRITES:
                    found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} calls {called}")
    assert not found, "\n".join(found)
