"""The docs target: one Speakeasy-style Markdown page per named type.

Pages go to ``docs/models/components/<file>.md``. Everything that needs a decision (table
widths, type cells, TypeScript example literals, escaping of schema text) is computed here;
the templates under ``templates/docs/`` only lay the pieces out.

Schema text reaches Markdown only through :func:`cell` (table cells: pipes escaped, newlines
folded, raw HTML neutralised) or inside a code fence longer than any backtick run it holds.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import chain
from json.encoder import encode_basestring
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

PAGE_DIR = "docs/models/components"
LINK_DIR = "../../models/components"
DEFAULT_PACKAGE = "@inkeep/inkeep-analytics"
DATE_LINK = (
    "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"
)
MIN_WIDTH = len("Description")
CHECK = ":heavy_check_mark:"
MINUS = ":heavy_minus_sign:"
_UNSAFE_LINK = re.compile(r"\]\(\s*(?=(?:javascript|vbscript|data):)", re.IGNORECASE)
_NEWLINES = re.compile(r"\s*(?:\r\n|\r|\n|\u2028|\u2029)\s*")
_BACKTICKS = re.compile(r"`+")


def render(job: RenderJob) -> Mapping[str, str]:
    package = str(job.options.get("docs_package", DEFAULT_PACKAGE))
    pages = _Pages(job.ir, package)
    out: dict[str, str] = {}
    for named in job.ir.types:
        page = pages.page(named)
        if page is not None:
            out[f"{PAGE_DIR}/{named.names.file}.md"] = page
    return out


# -- Markdown escaping ---------------------------------------------------------------------


def cell(text: str) -> str:
    """Schema text made safe for one table cell: one line, no raw pipe, no raw HTML."""
    text = text.strip()
    if text.isprintable():  # the common case: no line break, no NUL
        escaped = _escape_cell_line(text)
    else:
        lines = _NEWLINES.split(text.replace("\x00", "\ufffd"))
        escaped = "<br/>".join(_escape_cell_line(line) for line in lines)
    return _UNSAFE_LINK.sub("]\\(", escaped) if "](" in escaped else escaped


def _escape_cell_line(line: str) -> str:
    return line.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def code_span(text: str) -> str:
    """``text`` as an inline code span that survives backticks and pipes in it."""
    longest = _longest_backtick_run(text)
    fence = "`" * (longest + 1)
    inner = text if text.isprintable() else _NEWLINES.sub(" ", text)
    inner = inner.replace("|", "\\|")
    if not inner or inner.startswith("`") or inner.endswith("`") or longest:
        inner = f" {inner} "
    return f"{fence}{inner}{fence}"


def heading(text: str) -> str:
    return cell(text).replace("#", "\\#") or "\\_"


def fence_for(*blocks: str) -> str:
    longest = max((_longest_backtick_run(block) for block in blocks), default=0)
    return "`" * max(3, longest + 1)


def _longest_backtick_run(text: str) -> int:
    if "`" not in text:
        return 0
    return max(len(run) for run in _BACKTICKS.findall(text))


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """The spec's table: every cell padded to the longest cell of the whole table."""
    width = max(MIN_WIDTH, *map(len, header), *map(len, chain.from_iterable(rows)))
    padded = f"{{:<{width}}}"  # a cell, padded with spaces to the width
    row = "| " + " | ".join([padded] * len(header)) + " |"
    rule = ["-" * width] * len(header)
    return [row.format(*header), row.format(*rule), *(row.format(*r) for r in rows)]


# -- TypeScript literals -------------------------------------------------------------------


@dataclass(frozen=True)
class _Raw:
    """TypeScript source that is not a JSON value (``new Date(...)``)."""

    code: str


_TS_KEY = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def ts_literal(value: Any, indent: str = "") -> str:
    """A JSON value in TypeScript object syntax: unquoted keys, trailing commas, 2 spaces."""
    inner = indent + "  "
    if isinstance(value, _Raw):
        return value.code
    if isinstance(value, dict):
        if not value:
            return "{}"
        body = "".join(
            [f"{inner}{_ts_key(str(k))}: {ts_literal(v, inner)},\n" for k, v in value.items()]
        )
        return "{\n" + body + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        body = "".join([f"{inner}{ts_literal(v, inner)},\n" for v in value])
        return "[\n" + body + indent + "]"
    return _json_scalar(value)


def _ts_key(key: str) -> str:
    return key if _TS_KEY.match(key) else _json_scalar(key)


def _json_scalar(value: Any) -> str:
    if isinstance(value, str):
        text = encode_basestring(value)  # what json.dumps(value, ensure_ascii=False) returns
    elif isinstance(value, float) and not math.isfinite(value):
        return "null"
    else:
        text = json.dumps(value, ensure_ascii=False)
    # Characters that end a line in JavaScript source must stay escaped.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# -- pages ---------------------------------------------------------------------------------


class _Pages:
    def __init__(self, ir: SchemaIR, package: str) -> None:
        self.ir = ir
        self.by_name = ir.by_name
        self.import_from = _json_scalar(f"{package}/models/components")
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
            fence=fence_for(literal),
            table="\n".join(table(header, rows)),
        )

    def enum_page(self, enum: EnumType) -> str:
        values = " | ".join(_json_scalar(v) for v in enum.values)
        example = _json_scalar(enum.values[0])
        return render_template(
            "docs",
            "enum.md.jinja",
            title=heading(enum.names.cls),
            name=enum.names.cls,
            package=self.import_from,
            example=example,
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
            "docs", "union.md.jinja", title=heading(union.names.cls), sections=sections
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
            return "*" + cell(_json_scalar(expr.value)).replace("*", "\\*") + "*"
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
            return _json_scalar(expr.value)
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
                    return _Raw('new Date("2025-01-01T00:00:00.000Z")')
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
