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


#: Keywords by which a subschema has a URI of its own (a base or an anchor), in some draft
#: from 6 on (draft 4 spells ``$id`` as ``id``).
RESOURCE_KEYWORDS = frozenset({"$id", "$anchor", "$dynamicAnchor", "$recursiveAnchor"})


def may_embed_resources(contents: Any, id_keyword: str = "$id") -> bool:
    """Whether crawling ``contents`` for ``$id`` and anchors could find any: ``False`` only when
    no object in it has a key of :data:`RESOURCE_KEYWORDS` (or ``id_keyword``), and none below
    the top declares a ``$schema`` of its own (another draft may spell them otherwise).

    Every object is looked at, data included, so a ``$id`` inside an ``enum`` makes it
    ``True`` too: a crawl that finds nothing costs time, not correctness.
    """
    keys = RESOURCE_KEYWORDS | {id_keyword}
    if isinstance(contents, dict) and not keys.isdisjoint(contents):
        return True
    below = keys | {"$schema"}
    stack: list[Any] = [contents]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node is not contents and not below.isdisjoint(node):
                return True
            stack.extend([v for v in node.values() if isinstance(v, (dict, list))])
        elif isinstance(node, list):
            stack.extend([v for v in node if isinstance(v, (dict, list))])
    return False
