"""Docs pages for JSON Schema documents: one Speakeasy-style page per named type of the IR.

(OpenAPI documents are rendered from their raw shape by :mod:`.openapi`.) Everything that
needs a decision is computed in Python: the pieces of each page here, type cells, TypeScript
names and example values in :mod:`.ir_types`, tables and escaping in :mod:`.markdown`; the
templates under ``templates/docs/`` only lay the pieces out.

Schema text reaches Markdown only through :func:`cell` (table cells: pipes escaped, newlines
folded, raw HTML neutralised) or inside a code fence longer than any backtick run it holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import assert_never

from generator.ir import AliasType, EnumType, NamedType, ObjectType, SchemaIR, UnionType
from generator.render import render as render_template
from generator.targets import RenderJob
from generator.targets.docs.ir_types import Examples, TypeNames
from generator.targets.docs.markdown import (
    cell,
    code_span,
    fence_for,
    heading,
    json_scalar,
    table,
    ts_literal,
)

PAGE_DIR = "docs/models/components"
DEFAULT_PACKAGE = "@inkeep/inkeep-analytics"
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
        self.types = TypeNames(ir.by_name)
        self.examples = Examples(ir.by_name)
        self.import_from = json_scalar(f"{package}/models/components")
        #: Member names recur across types (``id``, ``name``, ``type``): each is escaped once.
        self.member_span = cache(code_span)

    def page(self, named: NamedType) -> str | None:
        match named:
            case ObjectType():
                return self.object_page(named)
            case EnumType():
                return self.enum_page(named)
            case UnionType():
                return self.union_page(named)
            case AliasType():
                return None  # aliases are shown inline where they are used
            case _:
                assert_never(named)

    def object_page(self, obj: ObjectType) -> str:
        example = obj.examples[0] if obj.examples else self.examples.example_object(obj, set())
        header = ["Field", "Type", "Required", "Description"]
        rows = [
            [
                self.member_span(f.wire_name),
                self.types.type_cell(f.type),
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
            literal = ts_literal(self.examples.example(member, set()))
            ts_type = self.types.ts_type(member)
            sections.append(
                {
                    "heading": code_span(ts_type),
                    "type": ts_type,
                    "example": literal,
                    "fence": fence_for(literal, ts_type),
                }
            )
        return render_template(
            "docs",
            "union.md.jinja",
            title=heading(union.names.cls),
            head=f"# {heading(union.names.cls)}\n\n",
            sections=sections,
        )
