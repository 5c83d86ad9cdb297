"""Which keywords hold subschemas and which hold data; the walk over a schema's subschemas.

One table for every draft: which of these keywords a draft understands is its
:class:`~generator.spec.dialects.Dialect`'s ``keywords``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.spec.pointer import escape

# Keywords whose value is a schema, an array of schemas, or an object of schemas.
IN_VALUE = frozenset(
    {
        "additionalItems",
        "additionalProperties",
        "contains",
        "else",
        "if",
        "not",
        "propertyNames",
        "then",
        "unevaluatedItems",
        "unevaluatedProperties",
        "contentSchema",
    }
)
IN_ARRAY = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
IN_OBJECT = frozenset(
    {"$defs", "definitions", "dependentSchemas", "patternProperties", "properties"}
)


# Every keyword :func:`subschemas` looks into.
SUBSCHEMA_KEYWORDS = IN_VALUE | IN_ARRAY | IN_OBJECT | {"items", "dependencies"}


def subschemas(schema: Any) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Yield ``(path segments, subschema)`` for every direct subschema of ``schema``."""
    if not isinstance(schema, dict):
        return
    for key, value in schema.items():
        if key in IN_VALUE:
            yield (key,), value
        elif key in IN_ARRAY and isinstance(value, list):
            for index, item in enumerate(value):
                yield (key, str(index)), item
        elif key in IN_OBJECT and isinstance(value, dict):
            for name, item in value.items():
                yield (key, name), item
        elif key == "items":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield (key, str(index)), item
            else:
                yield (key,), value
        elif key == "dependencies" and isinstance(value, dict):
            for name, item in value.items():
                if not isinstance(item, list):
                    yield (key, name), item


def subschema_pointers(schema: dict[str, Any]) -> list[tuple[str, Any]]:
    """``(JSON Pointer suffix, subschema)`` for every direct subschema, as :func:`subschemas`.

    The suffix is the escaped ``/segment/...`` that leads from ``schema`` to the subschema.
    """
    found: list[tuple[str, Any]] = []
    if SUBSCHEMA_KEYWORDS.isdisjoint(schema):
        return found
    for key, value in schema.items():
        if key in IN_VALUE:
            found.append(("/" + key, value))
        elif key in IN_ARRAY and isinstance(value, list):
            for index, item in enumerate(value):
                found.append((f"/{key}/{index}", item))
        elif key in IN_OBJECT and isinstance(value, dict):
            prefix = f"/{key}/"
            for name, item in value.items():
                if "~" in name or "/" in name:
                    name = escape(name)
                found.append((prefix + name, item))
        elif key == "items":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    found.append((f"/items/{index}", item))
            else:
                found.append(("/items", value))
        elif key == "dependencies" and isinstance(value, dict):
            for name, item in value.items():
                if not isinstance(item, list):
                    found.append((f"/dependencies/{escape(name)}", item))
    return found


#: Keywords that only annotate: they never change whether an instance is valid (the
#: meta-data vocabulary and ``$comment``).
ANNOTATION_KEYWORDS = frozenset(
    {"title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"}
    | {"$comment"}
)

#: Keywords whose values are data, not schemas: never looked into for ``$ref``.
DATA_KEYWORDS = frozenset({"enum", "const", "examples", "default", "example"})
