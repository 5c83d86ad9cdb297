"""The module-level helpers ``_load_<n>``, ``_build_<n>`` and ``_dump_<n>``: one registry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeVar

from generator.ir import TypeExpr

HelperKind = Literal["load", "build", "dump"]
_E = TypeVar("_E", bound=TypeExpr)


class Helpers:
    """Each anonymous type expression's loader, builder and dumper, written once.

    A helper is numbered when first asked for and its lines are kept when written (writing
    it may ask for more helpers, which then come first). Loaders and builders are one list,
    dumpers another, in the module's order. ``_load_<n>`` counts the builders before it as
    well as the loaders; ``_build_<n>`` and ``_dump_<n>`` count their own kind.
    """

    def __init__(self) -> None:
        self.names: dict[tuple[HelperKind, str], str] = {}
        self.counts: dict[HelperKind, int] = {"load": 0, "build": 0, "dump": 0}
        #: The written helpers as lines: loaders and builders, then dumpers.
        self.loaders: list[list[str]] = []
        self.dumpers: list[list[str]] = []

    def get(self, kind: HelperKind, expr: _E, write: Callable[[str, _E], list[str]]) -> str:
        """The name of ``expr``'s helper of ``kind``; ``write(name, expr)`` gives its lines,
        once."""
        key = (kind, repr(expr))
        name = self.names.get(key)
        if name is None:
            self.counts[kind] += 1
            number = self.counts[kind] + (self.counts["build"] if kind == "load" else 0)
            name = self.names[key] = f"_{kind}_{number}"
            lines = write(name, expr)
            (self.dumpers if kind == "dump" else self.loaders).append(lines)
        return name
