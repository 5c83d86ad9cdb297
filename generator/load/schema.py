"""What the load stage hands on: :class:`LoadedSchema` (and :class:`OpenAPI`), in a module of
their own so the loader's parts (:mod:`.refs`) can name the type without importing the stage."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import referencing

from generator.spec.dialects import Dialect
from generator.spec.pointer import escape

#: Base URI of a schema given in memory: hierarchical, so relative references join to it,
#: and never fetched (``.invalid`` is reserved), so a relative file reference fails clearly.
DEFAULT_URI = "https://schemagen.invalid/schema.json"


@dataclass(frozen=True)
class OpenAPI:
    """What an OpenAPI description is: its version (``3.0.x``: schemas read as draft 4, after
    :func:`~generator.load.openapi.normalise_30`; ``3.1.x``: 2020-12)."""

    version: str

    @property
    def is_30(self) -> bool:
        return self.version.startswith("3.0")


@dataclass(frozen=True)
class LoadedSchema:
    """A schema document ready for the later stages."""

    path: Path | None
    uri: str
    contents: Any
    dialect: Dialect
    registry: referencing.Registry[Any]
    #: Set when the document is an OpenAPI description (its schemas live under
    #: ``/components/schemas``); ``None`` for a JSON Schema document.
    openapi: OpenAPI | None = None
    ref_map: Mapping[str, Path] = field(default_factory=dict)
    #: The document as read, before OpenAPI 3.0 schemas were rewritten to draft 4 (the docs
    #: target follows its raw shape); ``contents`` itself for every other document.
    source: Any = None
    #: Its schemas passed their metaschema here (``load_contents(check_metaschema=True)``), so
    #: the compiler need not check them again.
    metaschema_checked: bool = False
    #: What :func:`generator.spec.keywords.may_embed_resources` says of ``contents`` (asked
    #: once: the loader's crawl and the compiler's both go by it).
    embeds_resources: bool = True

    @property
    def raw(self) -> Any:
        return self.contents if self.source is None else self.source

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path is not None else self.uri

    @property
    def definition_places(self) -> tuple[str, ...]:
        """Where the document keeps its named schemas, as JSON Pointers."""
        return ("/components/schemas",) if self.openapi is not None else ("/$defs", "/definitions")

    def definitions(self) -> Iterator[tuple[str, str, Any]]:
        """``(name, JSON Pointer, schema)`` of every named schema the document declares, place
        by place (:attr:`definition_places`), in document order."""
        for place in self.definition_places:
            node = self.contents
            for token in place[1:].split("/"):
                node = node.get(token) if isinstance(node, dict) else None
            if isinstance(node, dict):
                for name, schema in node.items():
                    yield name, f"{place}/{escape(name)}", schema
