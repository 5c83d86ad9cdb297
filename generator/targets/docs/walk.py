"""The docs model of an OpenAPI document, from two walks of it (:func:`build`).

Each walk visits every schema once (:mod:`.operations` drives it, :class:`.spec.DocsModel`
holds it); inline models are named once it is done.
"""

from __future__ import annotations

from generator.load import LoadedSchema
from generator.targets.docs import operations
from generator.targets.docs.settings import DocsSettings
from generator.targets.docs.spec import DocsModel


def _walk(
    loaded: LoadedSchema,
    settings: DocsSettings,
    contested: frozenset[str] = frozenset(),
    silent: frozenset[int] = frozenset(),
    op_held: dict[str, str] | None = None,
) -> DocsModel:
    docs = DocsModel(loaded, settings, contested, silent, op_held)
    operations.walk(docs)
    docs.naming.assign_names()
    docs.mark_hidden()
    return docs


def build(loaded: LoadedSchema, settings: DocsSettings) -> DocsModel:
    """The docs model, from two walks of the document . The first shows what
    only a whole walk shows: which enums are discriminator constants (no model, so they take
    no name) and, under ``nameResolutionFeb2025``, which short names several inline models
    want (none of them gets it)."""
    first = _walk(loaded, settings)
    silent = frozenset(id(m.schema) for m in first.models if m.hidden and m.component is None)
    wanted: dict[str, int] = {}
    held = dict(first.naming.op_kinds)
    if settings.singular_items:
        kinds: dict[str, set[str]] = {}
        for model in first.models:
            if model.wanted:  # a discriminator constant wants its name too, as a constant
                wanted[model.wanted] = wanted.get(model.wanted, 0) + 1
                kind = "const" if model.hidden else model.kind
                kinds.setdefault(model.wanted, set()).add(kind)
        # an enum contesting its name with another kind of model is held off it, as by an
        # operation's model (bluesky ReasonEnum beside FeedViewPost's reason union)
        for name, found in kinds.items():
            if wanted[name] > 1 and "enum" in found and len(found) > 1:
                held.setdefault(name, "union" if "union" in found else "object")
    contested = frozenset(name for name, count in wanted.items() if count > 1)
    return _walk(loaded, settings, contested, silent, held)
