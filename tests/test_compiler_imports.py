"""No import circle anywhere in generator/: an AST walk of the imports each module runs when
it is imported (``TYPE_CHECKING`` ones included, which mypy follows); imports inside functions
run late by design and are not edges. The compiler's keyword emitters never import the queue."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_time_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """The imports of the module's body, of its classes and of its ``if``/``try`` blocks."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child
            elif not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                stack.append(child)


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the modules of ``package`` it imports. ``from pkg import name`` imports the
    submodule ``pkg.name`` if there is one, else the package ``pkg`` (whose ``__init__``
    defines ``name``)."""
    root = package.parent
    modules = {_module_name(path, root): path for path in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        targets: set[str] = set()
        for node in _import_time_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                targets.add(submodule if submodule in modules else base)
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Import circles of ``graph``, each as a path back to its start (depth-first)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if start in state:
            continue
        path = [start]
        state[start] = 1
        work = [iter(sorted(graph[start]))]
        while work:
            child = next(work[-1], None)
            if child is None:
                state[path.pop()] = 2
                work.pop()
            elif state.get(child) == 1:
                found.append([*path[path.index(child) :], child])
            elif child not in state:
                state[child] = 1
                path.append(child)
                work.append(iter(sorted(graph[child])))
    return found


def test_the_walk_finds_a_circle_when_there_is_one(tmp_path: Path) -> None:
    package = tmp_path / "generator"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from generator.sub.a import f\nVALUE = 1\n")
    (package / "sub" / "a.py").write_text(
        "from generator.sub import b\n\n\ndef f():\n    from generator.sub.c import late\n"
    )
    (package / "sub" / "b.py").write_text(
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from . import VALUE\n"
    )
    (package / "sub" / "c.py").write_text("from .a import f\n")
    graph = import_graph(package)
    assert graph["generator.sub.a"] == {"generator.sub.b"}  # the late import is no edge
    assert graph["generator.sub.b"] == {"generator.sub"}  # VALUE: the package itself
    assert graph["generator.sub.c"] == {"generator.sub.a"}
    assert cycles(graph) == [
        ["generator.sub", "generator.sub.a", "generator.sub.b", "generator.sub"]
    ]


def test_no_import_circle_in_generator() -> None:
    graph = import_graph()
    assert "generator.compiler.keywords.in_place" in graph  # the walk sees the packages
    assert list(cycles(graph)) == []


def test_keyword_emitters_see_the_compiler_only_through_the_context() -> None:
    graph = import_graph()
    for name, imported in graph.items():
        if name.startswith("generator.compiler.keywords"):
            assert "generator.compiler.core" not in imported, name
            assert "generator.compiler.api" not in imported, name
            assert "generator.compiler" not in imported, name
