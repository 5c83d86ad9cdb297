"""Docs pages for JSON Schema documents: one Speakeasy-style page per named type of the IR.

(OpenAPI documents are rendered from their raw shape by :mod:`.openapi`.) Everything that
needs a decision (table widths, type cells, TypeScript example literals, escaping of schema
text) is computed here; the templates under ``templates/docs/`` only lay the pieces out.

Schema text reaches Markdown only through :func:`cell` (table cells: pipes escaped, newlines
folded, raw HTML neutralised) or inside a code fence longer than any backtick run it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

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
    SchemaIR,
    TypeExpr,
    UnionType,
)
from generator.render import render as render_template
from generator.targets import RenderJob
from generator.targets.docs.markdown import (
    Raw,
    cell,
    code_span,
    fence_for,
    heading,
    json_scalar,
    table,
    ts_literal,
)

PAGE_DIR = "docs/models/components"
LINK_DIR = "../../models/components"
DEFAULT_PACKAGE = "@inkeep/inkeep-analytics"
DATE_LINK = (
    "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
)
CHECK = ":heavy_check_mark:"
MINUS = ":heavy_minus_sign:"


def render(job: RenderJob) -> Mapping[str, str]:
    package = str(job.options.get("docs_package", DEFAULT_PACKAGE))
    pages = _Pages(job.ir, package)
    out: dict[str, str] = {}
    for named in job.ir.types:
        page = pages.page(named)
        if page is not None:
            out[f"{PAGE_DIR}/{named.names.file}.md"] = page
    return out


# -- pages ---------------------------------------------------------------------------------


class _Pages:
    def __init__(self, ir: SchemaIR, package: str) -> None:
        self.ir = ir
        self.by_name = ir.by_name
        self.import_from = json_scalar(f"{package}/models/components")
        #: Member names recur across types (``id``, ``name``, ``type``): each is escaped once.
        self.member_span = cache(code_span)

    def page(self, named: NamedType) -> str | None:
        if isinstance(named, ObjectType):
            return self.object_page(named)
        if isinstance(named, EnumType):
            return self.enum_page(named)
        if isinstance(named, UnionType):
            return self.union_page(named)
        return None  # aliases are shown inline where they are used

    def object_page(self, obj: ObjectType) -> str:
        example = obj.examples[0] if obj.examples else self.example_object(obj, set())
        header = ["Field", "Type", "Required", "Description"]
        rows = [
            [
                self.member_span(f.wire_name),
                self.type_cell(f.type),
                CHECK if f.required else MINUS,
                cell(f.description) if f.description else "N/A",
            ]
            for f in obj.fields
        ]
        literal = ts_literal(example)
        return render_template(
            "docs",
            "object.md.jinja",
            title=heading(obj.names.cls),
            name=obj.names.cls,
            package=self.import_from,
            example=literal,
            head=f"# {heading(obj.names.cls)}\n\n",
            usage=self.usage(obj.names.cls, literal),
            fence=fence_for(literal),
            table="\n".join(table(header, rows)),
        )

    def usage(self, name: str, literal: str) -> str:
        return f"import {{ {name} }} from {self.import_from};\n\nlet value: {name} = {literal};"

    def enum_page(self, enum: EnumType) -> str:
        values = " | ".join(json_scalar(v) for v in enum.values)
        example = json_scalar(enum.values[0])
        return render_template(
            "docs",
            "enum.md.jinja",
            title=heading(enum.names.cls),
            name=enum.names.cls,
            package=self.import_from,
            example=example,
            head=f"# {heading(enum.names.cls)}\n\n",
            usage=self.usage(enum.names.cls, example),
            values=values,
            fence=fence_for(values, example),
        )

    def union_page(self, union: UnionType) -> str:
        sections = []
        for member in union.members:
            literal = ts_literal(self.example(member, set()))
            sections.append(
                {
                    "heading": code_span(self.ts_type(member)),
                    "type": self.ts_type(member),
                    "example": literal,
                    "fence": fence_for(literal, self.ts_type(member)),
                }
            )
        return render_template(
            "docs",
            "union.md.jinja",
            title=heading(union.names.cls),
            head=f"# {heading(union.names.cls)}\n\n",
            sections=sections,
        )

    # -- cells and TypeScript type names ---------------------------------------------------

    def type_cell(self, expr: TypeExpr) -> str:
        if isinstance(expr, Primitive):
            if expr.kind == "string" and expr.format == "date-time":
                return DATE_LINK
            return f"*{_PRIMITIVE_TS[expr.kind]}*"
        if isinstance(expr, AnyType):
            return "*any*"
        if isinstance(expr, ConstType):
            return "*" + cell(json_scalar(expr.value)).replace("*", "\\*") + "*"
        if isinstance(expr, ArrayType):
            return self.type_cell(expr.items) + "[]"
        if isinstance(expr, MapType):
            return f"Record<string, {self.type_cell(expr.values)}>"
        if isinstance(expr, InlineUnion):
            return " \\| ".join(self.type_cell(m) for m in expr.members)
        named = self.by_name[expr.name]
        label = f"components.{named.names.cls}"
        if isinstance(named, UnionType):
            return f"*{label}*"
        if isinstance(named, AliasType):
            return self.type_cell(named.target)
        return f"[{label}]({LINK_DIR}/{named.names.file}.md)"

    def ts_type(self, expr: TypeExpr) -> str:
        if isinstance(expr, Primitive):
            if expr.kind == "string" and expr.format == "date-time":
                return "Date"
            return _PRIMITIVE_TS[expr.kind]
        if isinstance(expr, AnyType):
            return "any"
        if isinstance(expr, ConstType):
            return json_scalar(expr.value)
        if isinstance(expr, ArrayType):
            inner = self.ts_type(expr.items)
            return f"({inner})[]" if isinstance(expr.items, InlineUnion) else f"{inner}[]"
        if isinstance(expr, MapType):
            return f"Record<string, {self.ts_type(expr.values)}>"
        if isinstance(expr, InlineUnion):
            return " | ".join(self.ts_type(m) for m in expr.members)
        named = self.by_name[expr.name]
        if isinstance(named, AliasType):
            return self.ts_type(named.target)
        return f"components.{named.names.cls}"

    # -- examples ----------------------------------------------------------------------------

    def example(self, expr: TypeExpr, seen: set[str]) -> Any:
        if isinstance(expr, Primitive):
            if expr.kind == "string":
                if expr.format == "date-time":
                    return Raw('new Date("2025-01-01T00:00:00.000Z")')
                return "<value>"
            return {"integer": 0, "number": 0, "boolean": False, "null": None}[expr.kind]
        if isinstance(expr, AnyType):
            return "<value>"
        if isinstance(expr, ConstType):
            return expr.value
        if isinstance(expr, ArrayType):
            return [self.example(expr.items, seen)]
        if isinstance(expr, MapType):
            return {"key": self.example(expr.values, seen)}
        if isinstance(expr, InlineUnion):
            return self.example(expr.members[0], seen)
        named = self.by_name[expr.name]
        if named.examples:
            return named.examples[0]
        if isinstance(named, EnumType):
            return named.values[0]
        if expr.name in seen:
            return {}
        seen = seen | {expr.name}
        if isinstance(named, ObjectType):
            return self.example_object(named, seen)
        if isinstance(named, UnionType):
            return self.example(named.members[0], seen)
        return self.example(named.target, seen)

    def example_object(self, obj: ObjectType, seen: set[str]) -> dict[str, Any]:
        seen = seen | {obj.names.schema}
        return {f.wire_name: self.field_example(f, seen) for f in obj.fields if f.required}

    def field_example(self, f: Field, seen: set[str]) -> Any:
        if f.examples:
            return f.examples[0]
        if f.has_default:
            return f.default
        return self.example(f.type, seen)


_PRIMITIVE_TS = {
    "string": "string",
    "integer": "number",
    "number": "number",
    "boolean": "boolean",
    "null": "null",
}
