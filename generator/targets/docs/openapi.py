"""Docs pages for OpenAPI documents, laid out as Speakeasy's TypeScript generator lays them out.

The pages come from :class:`~generator.targets.docs.spec.DocsModel` (which pages, their names
and rows); this module turns each model into a page: its head, ``## Values``,
``## Supported Types``, the Fields table (:mod:`.tables`) and the Example Usage block
(:mod:`.usage`). The rules are those of ``../shared/speakeasy/RULES.md``.

Schema text is written as Speakeasy writes it: description paragraphs verbatim, table cells
with newlines as ``<br/>`` and pipes escaped (so no text breaks a table); ``javascript:``-like
links are neutralised.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import assert_never

from generator.render import render as render_template
from generator.targets import RenderJob
from generator.targets.docs import settings as docs_settings
from generator.targets.docs.markdown import fence_for, json_scalar, neutralise_links
from generator.targets.docs.model import Model
from generator.targets.docs.spec import DocsModel
from generator.targets.docs.tables import Fields
from generator.targets.docs.usage import NO_EXAMPLE, Usage
from generator.targets.docs.walk import build

PAGE_DIR = "docs/models/components"


def render(job: RenderJob) -> Mapping[str, str]:
    settings = docs_settings.from_options(job.options)
    model = build(job.loaded, settings)
    return Pages(model).render()


class Pages:
    def __init__(self, model: DocsModel) -> None:
        self.model = model
        self.settings = model.settings
        self.usage = Usage(model)
        self.fields = Fields(model)
        self._mark()

    def _mark(self) -> None:
        """Open enums: what a response reaches, under ``forwardCompatibleEnumsByDefault``."""
        if self.settings.open_enums:
            seen: set[int] = set()
            stack = list(self.model.response_roots)
            while stack:
                current = stack.pop()
                if id(current) in seen:
                    continue
                seen.add(id(current))
                if current.kind == "enum":
                    current.open = True
                stack.extend(current.children)

    def render(self) -> dict[str, str]:
        out: dict[str, str] = {}
        models = list(self.model.models)
        if self.model.security is not None:
            models.append(self.model.security)
        for model in models:
            if not model.page or model.hidden:  # (error bodies make no model at all)
                continue
            path = f"{PAGE_DIR}/{model.name.lower()}.md"
            if path in out:
                continue
            out[path] = self.page(model)
        return out

    def page(self, model: Model) -> str:
        head = self.head(model)
        match model.kind:
            case "enum":
                return self.enum_page(model, head)
            case "union":
                return self.union_page(model, head)
            case "object":
                return self.object_page(model, head)
            case _:
                assert_never(model.kind)

    def head(self, model: Model) -> str:
        title = f"~~{model.name}~~" if model.deprecated else model.name
        text = f"# {title}\n\n"
        if model.description:
            text += neutralise_links(model.description) + "\n\n"
        if model.deprecated:
            text += (
                "> :warning: **DEPRECATED**: This will be removed in a future release, "
                "please migrate away from it as soon as possible.\n\n"
            )
        return text

    # -- pages ---------------------------------------------------------------------------

    def object_page(self, model: Model, head: str) -> str:
        usage = self.usage.block(model)
        return render_template(
            "docs",
            "object.md.jinja",
            **self.names(model),
            head=head,
            usage=usage,
            fence=fence_for(usage),
            table=self.fields.table(model),
        )

    def enum_page(self, model: Model, head: str) -> str:
        values = " | ".join(json_scalar(v) for v in model.values)
        if model.open:
            kind = "number" if all(isinstance(v, (int, float)) for v in model.values) else "string"
            values += f" | Unrecognized<{kind}>"
        usage = self.usage.block(model)
        return render_template(
            "docs",
            "enum.md.jinja",
            **self.names(model),
            head=head,
            usage=usage,
            values=values,
            fence=fence_for(usage, values),
        )

    def union_page(self, model: Model, head: str) -> str:
        sections = []
        for index, member in enumerate(model.members):
            ts_type = self.fields.ts_type(member)
            literal = self.usage.literal(member, model.member_examples.get(index, NO_EXAMPLE))
            sections.append(
                {
                    "heading": f"`{ts_type}`",
                    "type": ts_type,
                    "example": literal,
                    "fence": fence_for(literal, ts_type),
                }
            )
        return render_template(
            "docs", "union.md.jinja", title=model.name, head=head, sections=sections
        )

    def names(self, model: Model) -> dict[str, str]:
        """Variables of earlier templates, kept for users' copies of them."""
        where = json_scalar(f"{self.settings.package}/models/components")
        return {
            "title": model.name,
            "name": model.name,
            "package": where,
            "example": self.usage.model_literal(model),
        }
