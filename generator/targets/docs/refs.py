"""The OpenAPI document as the docs walk reads it: as written (``LoadedSchema.raw``), its
component schemas, and ``$ref`` followed by JSON Pointer locally, through the loader's
registry otherwise. Siblings of ``$ref`` are ignored, as Speakeasy ignores them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from generator.load import LoadedSchema
from generator.spec.pointer import join_reference

_COMPONENT = "#/components/schemas/"


class Document:
    def __init__(self, loaded: LoadedSchema) -> None:
        self.loaded = loaded
        self.raw: Any = loaded.raw
        components = self.raw.get("components") or {}
        self.schemas: dict[str, Any] = components.get("schemas") or {}

    def resolve(self, ref: str) -> tuple[str | None, Any]:
        """The component key (if any) and the raw schema ``ref`` points to."""
        if ref.startswith(_COMPONENT) and "/" not in ref[len(_COMPONENT) :]:
            key = unquote(ref[len(_COMPONENT) :]).replace("~1", "/").replace("~0", "~")
            if key in self.schemas:
                return key, self.schemas[key]
        if ref.startswith("#/"):
            node: Any = self.raw
            for token in unquote(ref[2:]).split("/"):
                token = token.replace("~1", "/").replace("~0", "~")
                if isinstance(node, dict) and token in node:
                    node = node[token]
                elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                    node = node[int(token)]
                else:
                    return None, {}
            return None, node
        uri = join_reference(self.loaded.uri, ref)
        resolved = self.loaded.registry.resolver(self.loaded.uri).lookup(uri)
        return None, resolved.contents

    def deref(self, schema: Any) -> Any:
        """``schema`` with ``$ref`` chains followed (siblings of ``$ref`` are ignored)."""
        seen = 0
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 64:
            schema = self.resolve(schema["$ref"])[1]
            seen += 1
        return schema

    def is_string(self, schema: Any) -> bool:
        """Whether ``schema`` (after ``$ref``) is a plain string: no enum, const or date-time."""
        schema = self.deref(schema)
        if not isinstance(schema, dict):
            return False
        if schema.get("type") == "string" and "enum" not in schema and "const" not in schema:
            return schema.get("format") != "date-time"
        return False


def is_null(schema: Any) -> bool:
    return isinstance(schema, dict) and (
        schema.get("type") == "null" or (schema.get("enum") == [None])
    )
