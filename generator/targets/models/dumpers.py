"""Code that turns a loaded value of one type expression back into JSON data."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.ir import (
    AliasType,
    AnyType,
    ArrayType,
    EnumType,
    InlineUnion,
    MapType,
    ObjectType,
    Ref,
    SchemaIR,
    TypeExpr,
    UnionType,
)
from generator.targets.models.annotations import (
    CONTAINER_EXPRS,
    PLAIN_EXPRS,
    Annotations,
    Function,
)
from generator.targets.models.layout import STEP, wrap_def


class Dumpers(Annotations):
    """Dumper expressions, and the module-level ``_dump_<n>`` helpers they register."""

    def __init__(self, ir: SchemaIR, *, with_validators: bool) -> None:
        super().__init__(ir, with_validators=with_validators)
        self.dump_helpers: dict[str, Function] = {}
        self.dump_order: list[str] = []

    # -- dumpers ----------------------------------------------------------------------------

    def dump(self, expr: TypeExpr, var: str) -> str:
        """An expression for ``var`` (a loaded ``expr``) as JSON data."""
        if isinstance(expr, PLAIN_EXPRS):
            return var
        if isinstance(expr, CONTAINER_EXPRS):
            sub = expr.items if isinstance(expr, ArrayType) else expr.values
            inner = self.dump(sub, "x")
            if isinstance(expr, ArrayType):
                return f"list({var})" if inner == "x" else f"[{inner} for x in {var}]"
            return f"dict({var})" if inner == "x" else f"{{k: {inner} for k, x in {var}.items()}}"
        if isinstance(expr, InlineUnion):
            return f"{self.dump_helper(expr)}({var})"
        named = self.named(expr)
        if isinstance(named, ObjectType):
            return f"{var}.to_dict()"
        if isinstance(named, EnumType):
            if self.enum_kind(named) != "str":
                return var
            if named.closed:
                return f"{var}.value"
            return f"_dump_{named.names.snake}({var})"
        if isinstance(named, AliasType) and self.is_plain(named):
            return var
        return f"_dump_{named.names.snake}({var})"

    def dump_helper(self, expr: TypeExpr) -> str:
        key = repr(expr)
        if key not in self.dump_helpers:
            ident = str(len(self.dump_helpers) + 1)
            function = Function(ident, expr)
            self.dump_helpers[key] = function
            function.lines = self.dumper_function(f"_dump_{ident}", expr)
            self.dump_order.append(key)
        return f"_dump_{self.dump_helpers[key].ident}"

    def dumper_function(self, name: str, expr: TypeExpr, *, nullable: bool = False) -> list[str]:
        params = ["v: " + self.annotation(expr) + (" | None" if nullable else "")]
        lines = wrap_def("", name, params, self.t("Any"))
        members = list(expr.members) if isinstance(expr, InlineUnion) else [expr]
        return lines + self.dump_body(members, STEP)

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
                named = self.named(member)
                if isinstance(named, ObjectType):
                    lines += [f"{indent}if isinstance(v, {named.names.cls}):"]
                    lines += [f"{inner}return v.to_dict()"]
                elif isinstance(named, EnumType) and self.enum_kind(named) == "str":
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
            if isinstance(member, InlineUnion):
                parts = self.flatten(member.members, seen)
            elif isinstance(member, Ref) and isinstance(self.named(member), UnionType | AliasType):
                if member.name in seen:
                    return None
                named = self.named(member)
                inner = (
                    named.members
                    if isinstance(named, UnionType)
                    else (named.target,)
                    if isinstance(named, AliasType)
                    else ()
                )
                parts = self.flatten(inner, seen | {member.name})
            else:
                parts = [member]
            if parts is None:
                return None
            out.extend(p for p in parts if p not in out)
        return out
