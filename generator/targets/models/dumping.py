"""Code that turns a loaded value of one type expression back into JSON data."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import assert_never

from generator.ir import (
    AliasType,
    AnyType,
    ArrayType,
    ConstType,
    EnumType,
    InlineUnion,
    MapType,
    ObjectType,
    Primitive,
    Ref,
    TypeExpr,
    UnionType,
)
from generator.targets.models.helpers import Helpers
from generator.targets.models.layout import STEP, wrap_def
from generator.targets.models.types import PLAIN_EXPRS, TypeView, enum_kind, is_plain


class Dumping:
    """Dumper expressions, and the module-level ``_dump_<n>`` helpers they register."""

    def __init__(self, view: TypeView, helpers: Helpers) -> None:
        self.view = view
        self.helpers = helpers

    def dump(self, expr: TypeExpr, var: str) -> str:
        """An expression for ``var`` (a loaded ``expr``) as JSON data."""
        # (isinstance, not match: this runs for every member of every type, and class
        # patterns cost more; assert_never keeps the dispatch exhaustive all the same)
        if isinstance(expr, PLAIN_EXPRS):
            return var
        if isinstance(expr, Ref):
            return self.dump_named(expr, var)
        if isinstance(expr, ArrayType):
            inner = self.dump(expr.items, "x")
            return f"list({var})" if inner == "x" else f"[{inner} for x in {var}]"
        if isinstance(expr, MapType):
            inner = self.dump(expr.values, "x")
            if inner == "x":
                return f"dict({var})"
            return f"{{k: {inner} for k, x in {var}.items()}}"
        if isinstance(expr, InlineUnion):
            return f"{self.helpers.get('dump', expr, self.dumper)}({var})"
        assert_never(expr)

    def dump_named(self, ref: Ref, var: str) -> str:
        named = self.view.named(ref)
        if isinstance(named, ObjectType):
            return f"{var}.to_dict()"
        if isinstance(named, EnumType):
            if enum_kind(named) != "str":
                return var
            if named.closed:
                return f"{var}.value"
            return f"_dump_{named.names.snake}({var})"
        if isinstance(named, AliasType) and is_plain(named):
            return var
        if isinstance(named, AliasType | UnionType):
            return f"_dump_{named.names.snake}({var})"
        assert_never(named)

    def dumper(self, name: str, expr: InlineUnion) -> list[str]:
        params = ["v: " + self.view.annotation(expr)]
        lines = wrap_def("", name, params, self.view.t("Any"))
        return lines + self.dump_body(list(expr.members), STEP)

    def dump_body(self, members: Sequence[TypeExpr], indent: str) -> list[str]:
        """Dispatch on the Python type of a union's value: models, enums, containers, rest."""
        flat = self.flatten(members)
        if flat is None:
            return [f"{indent}return _to_json(v)"]
        inner = indent + STEP
        lines: list[str] = []
        lists = [m for m in flat if isinstance(m, ArrayType)]
        maps = [m for m in flat if isinstance(m, MapType)]
        has_any = any(isinstance(m, AnyType) for m in flat)
        for member in flat:
            if isinstance(member, Ref):
                named = self.view.named(member)
                if isinstance(named, ObjectType):
                    lines += [f"{indent}if isinstance(v, {named.names.cls}):"]
                    lines += [f"{inner}return v.to_dict()"]
                elif isinstance(named, EnumType) and enum_kind(named) == "str":
                    lines += [f"{indent}if isinstance(v, {named.names.cls}):"]
                    lines += [f"{inner}return v.value"]
        for kind, group in (("list", lists), ("dict", maps)):
            if not group:
                continue
            lines.append(f"{indent}if isinstance(v, {kind}):")
            dumped = self.dump(group[0], "v")
            if len(group) > 1 or has_any:
                dumped = "v" if dumped == "v" else "_to_json(v)"
            lines.append(f"{inner}return {dumped}")
        lines.append(f"{indent}return v")
        return lines

    def flatten(
        self, members: Iterable[TypeExpr], seen: frozenset[str] = frozenset()
    ) -> list[TypeExpr] | None:
        """Union members with aliases and nested unions expanded; ``None`` on a cycle."""
        out: list[TypeExpr] = []
        for member in members:
            parts = self.expanded(member, seen)
            if parts is None:
                return None
            out.extend(p for p in parts if p not in out)
        return out

    def expanded(self, member: TypeExpr, seen: frozenset[str]) -> list[TypeExpr] | None:
        match member:
            case InlineUnion():
                return self.flatten(member.members, seen)
            case Ref():
                named = self.view.named(member)
                match named:
                    case UnionType() | AliasType() if member.name in seen:
                        return None
                    case UnionType():
                        return self.flatten(named.members, seen | {member.name})
                    case AliasType():
                        return self.flatten((named.target,), seen | {member.name})
                    case ObjectType() | EnumType():
                        return [member]
                    case _:
                        assert_never(named)
            case Primitive() | AnyType() | ConstType() | ArrayType() | MapType():
                return [member]
            case _:
                assert_never(member)
