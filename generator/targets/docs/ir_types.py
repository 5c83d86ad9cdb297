"""What IR type expressions look like on a docs page: Type cells, TypeScript type names and
example values (the values :func:`~generator.targets.docs.markdown.ts_literal` writes).

Each function matches over every kind of :data:`~generator.ir.TypeExpr` and
:data:`~generator.ir.NamedType`, so ``mypy --strict`` names each place a new kind needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, assert_never

from generator.ir import (
    AliasType,
    AnyType,
    ArrayType,
    ConstType,
    EnumType,
    Field,
    InlineUnion,
    MapType,
    NamedType,
    ObjectType,
    Primitive,
    Ref,
    TypeExpr,
    UnionType,
)
from generator.targets.docs.markdown import Raw, cell, json_scalar

LINK_DIR = "../../models/components"
DATE_LINK = (
    "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
)
_PRIMITIVE_TS = {
    "string": "string",
    "integer": "number",
    "number": "number",
    "boolean": "boolean",
    "null": "null",
}


class TypeNames:
    """Type cells (Markdown) and TypeScript type names of type expressions."""

    def __init__(self, by_name: Mapping[str, NamedType]) -> None:
        self.by_name = by_name

    def type_cell(self, expr: TypeExpr) -> str:
        match expr:
            case Primitive():
                if expr.kind == "string" and expr.format == "date-time":
                    return DATE_LINK
                return f"*{_PRIMITIVE_TS[expr.kind]}*"
            case AnyType():
                return "*any*"
            case ConstType():
                return "*" + cell(json_scalar(expr.value)).replace("*", "\\*") + "*"
            case ArrayType():
                return self.type_cell(expr.items) + "[]"
            case MapType():
                return f"Record<string, {self.type_cell(expr.values)}>"
            case InlineUnion():
                return " \\| ".join(self.type_cell(m) for m in expr.members)
            case Ref():
                return self.named_cell(self.by_name[expr.name])
            case _:
                assert_never(expr)

    def named_cell(self, named: NamedType) -> str:
        label = f"components.{named.names.cls}"
        match named:
            case UnionType():
                return f"*{label}*"
            case AliasType():
                return self.type_cell(named.target)
            case ObjectType() | EnumType():
                return f"[{label}]({LINK_DIR}/{named.names.file}.md)"
            case _:
                assert_never(named)

    def ts_type(self, expr: TypeExpr) -> str:
        match expr:
            case Primitive():
                if expr.kind == "string" and expr.format == "date-time":
                    return "Date"
                return _PRIMITIVE_TS[expr.kind]
            case AnyType():
                return "any"
            case ConstType():
                return json_scalar(expr.value)
            case ArrayType():
                inner = self.ts_type(expr.items)
                return f"({inner})[]" if isinstance(expr.items, InlineUnion) else f"{inner}[]"
            case MapType():
                return f"Record<string, {self.ts_type(expr.values)}>"
            case InlineUnion():
                return " | ".join(self.ts_type(m) for m in expr.members)
            case Ref():
                named = self.by_name[expr.name]
                if isinstance(named, AliasType):
                    return self.ts_type(named.target)
                return f"components.{named.names.cls}"
            case _:
                assert_never(expr)


class Examples:
    """Example values of type expressions: a named type's own example first, else one built
    from its shape (required fields only; a type met again inside itself is ``{}``)."""

    def __init__(self, by_name: Mapping[str, NamedType]) -> None:
        self.by_name = by_name

    def example(self, expr: TypeExpr, seen: set[str]) -> Any:
        match expr:
            case Primitive():
                if expr.kind == "string":
                    if expr.format == "date-time":
                        return Raw('new Date("2025-01-01T00:00:00.000Z")')
                    return "<value>"
                return {"integer": 0, "number": 0, "boolean": False, "null": None}[expr.kind]
            case AnyType():
                return "<value>"
            case ConstType():
                return expr.value
            case ArrayType():
                return [self.example(expr.items, seen)]
            case MapType():
                return {"key": self.example(expr.values, seen)}
            case InlineUnion():
                return self.example(expr.members[0], seen)
            case Ref():
                return self.named_example(self.by_name[expr.name], seen)
            case _:
                assert_never(expr)

    def named_example(self, named: NamedType, seen: set[str]) -> Any:
        if named.examples:
            return named.examples[0]
        if isinstance(named, EnumType):
            return named.values[0]
        if named.names.schema in seen:
            return {}
        seen = seen | {named.names.schema}
        match named:
            case ObjectType():
                return self.example_object(named, seen)
            case UnionType():
                return self.example(named.members[0], seen)
            case AliasType():
                return self.example(named.target, seen)
            case _:
                assert_never(named)

    def example_object(self, obj: ObjectType, seen: set[str]) -> dict[str, Any]:
        seen = seen | {obj.names.schema}
        return {f.wire_name: self.field_example(f, seen) for f in obj.fields if f.required}

    def field_example(self, f: Field, seen: set[str]) -> Any:
        if f.examples:
            return f.examples[0]
        if f.has_default:
            return f.default
        return self.example(f.type, seen)
