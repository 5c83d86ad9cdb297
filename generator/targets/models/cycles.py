"""Alias reference cycles that pass through no class and no container, widened to ``Any``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.ir import AliasType, AnyType, InlineUnion, NamedType, Ref, TypeExpr, UnionType


def break_alias_cycles(types: Sequence[NamedType]) -> tuple[NamedType, ...]:
    """``types`` with every alias on a class-less reference cycle made an alias of ``Any``.

    ``Loop1 = Loop2`` with ``Loop2 = Loop1 | int`` has no Python type (mypy: "invalid
    recursive alias"), and loading it would recurse forever. A cycle through a class
    (``Node.next: Node``) or a container (``Tree = list[Tree] | int``) is fine; only cycles
    whose every step is an alias or a union member are broken. The schema's validator still
    decides what such a value may be (it reports the loop when it reaches one).
    """
    named = {t.names.schema: t for t in types}
    edges: dict[str, set[str]] = {}
    for t in types:
        if isinstance(t, UnionType | AliasType):
            members = t.members if isinstance(t, UnionType) else (t.target,)
            edges[t.names.schema] = {
                r for r in _direct_refs(members) if isinstance(named.get(r), UnionType | AliasType)
            }
    cyclic = {name for name in edges if name in _reachable(name, edges)}
    return tuple(
        AliasType(
            names=t.names,
            uri=t.uri,
            pointer=t.pointer,
            description=t.description,
            examples=t.examples,
            target=AnyType("a reference cycle through aliases only"),
        )
        if t.names.schema in cyclic
        else t
        for t in types
    )


def _direct_refs(members: Iterable[TypeExpr]) -> set[str]:
    """Names referred to by ``members`` outside any container (union members, alias targets)."""
    out: set[str] = set()
    for member in members:
        if isinstance(member, Ref):
            out.add(member.name)
        elif isinstance(member, InlineUnion):
            out |= _direct_refs(member.members)
    return out


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    """Names reachable from ``start`` in one or more steps."""
    seen: set[str] = set()
    stack = list(edges.get(start, ()))
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(edges.get(name, ()))
    return seen
