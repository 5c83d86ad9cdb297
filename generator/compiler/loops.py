"""Functions applied to their own instance without end, and chains of them too long to run.

The compiler records an edge ``caller -> callee`` whenever a generated function applies another
to its own instance (not to a child of it: ``$ref``, ``allOf``, ``anyOf``, ``not``, ...). A cycle
of such edges (``{"$ref": "#"}``) has no answer; a chain longer than :data:`MAX_CHAIN` would need
as many Python frames.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from generator.compiler.constants import ConstantPools
from generator.compiler.scope import Scope
from generator.errors import SchemaError

#: Functions applied to one instance one inside the other, at most (see :func:`check_chains`).
MAX_CHAIN = 250

Edges = Mapping[str, set[str]]


def loop_members(edges: Edges) -> set[str]:
    """Functions on a cycle of in-place applications (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    members: set[str] = set()
    counter = 0
    for start in list(edges):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(edges.get(start, ())))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, ()):
                    members.update(component)
    return members


def check_chains(edges: Edges, loops: set[str], scopes: Mapping[str, Scope]) -> None:
    """Refuse a chain of more than ``MAX_CHAIN`` functions applied to one instance (each
    calls the next, through ``$ref``, ``allOf``, ``anyOf``, ...): validation would need
    as many Python frames, and answer "nested too deeply" where it has an answer.

    ``scopes`` maps each function to the scope of the schema it checks (for the error)."""
    depth: dict[str, int] = {}
    for start in list(edges):
        if start in depth or start in loops:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(edges.get(start, ())))]
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in depth and child not in loops:
                    work.append((child, iter(edges.get(child, ()))))
                continue
            work.pop()
            below = [depth[c] for c in edges.get(node, ()) if c in depth]
            depth[node] = 1 + max(below, default=0)
            if depth[node] > MAX_CHAIN:
                raise SchemaError(
                    f"more than {MAX_CHAIN} subschemas apply to one value in a chain "
                    "(each through the next: $ref, allOf, anyOf, ...); schemagen compiles "
                    "at most that many, as validation would need a Python frame for each",
                    pointer=scopes[node].schema_path(),
                )


def break_loops(
    names: list[str],
    functions: list[list[str]],
    edges: Edges,
    scopes: Mapping[str, Scope],
    constants: ConstantPools,
) -> set[str]:
    """Make functions on an infinite in-place loop raise ``SchemaLoopError`` when reached;
    return their names.

    Such a schema (``{"$ref": "#"}``, or a -> b -> a through ``anyOf``) applies itself to the
    same instance without end; no answer exists, so validation that reaches it stops with a
    clear error instead of exhausting the stack. Unreached loops cost nothing. ``names`` and
    ``functions`` are the generated functions' names and lines (replaced in place).
    """
    members = loop_members(edges)
    check_chains(edges, members, scopes)
    if not members:
        return members
    for position, name in enumerate(names):
        if name not in members:
            continue
        lines = functions[position]
        where = constants.path_const(scopes[name].schema_path())
        functions[position] = [lines[0], f"    raise SchemaLoopError({where})"]
    return members
