"""OpenAPI documents as schema sets: each ``components/schemas`` entry is a named type.

OpenAPI 3.1 schemas are JSON Schema 2020-12 and need nothing. OpenAPI 3.0 schemas are a
draft-4 dialect with extras; :func:`normalise_30` rewrites them into plain draft-4 JSON Schema
so every later stage (IR, validators) sees standard keywords:

* ``nullable: true`` → ``null`` added to ``type`` (and to ``enum`` when there is one); beside a
  ``$ref`` or an ``allOf`` with no ``type``, the schema becomes ``anyOf: [schema, {type: null}]``,
  which is what authors mean by it (OpenAPI 3.0.3 itself would ignore it).
* ``discriminator``, ``example``, ``xml``, ``externalDocs``, ``readOnly``/``writeOnly`` and
  ``x-`` extensions are annotations and stay as they are (validators ignore them; the IR reads
  ``discriminator``).
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

#: Keywords whose values are maps of name → schema.
_SCHEMA_MAPS = ("properties", "patternProperties", "definitions", "$defs", "dependentSchemas")
#: Keywords whose values are a schema or a list of schemas.
_SCHEMA_VALUES = (
    "items",
    "additionalProperties",
    "not",
    "allOf",
    "anyOf",
    "oneOf",
    "additionalItems",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
    "prefixItems",
    "unevaluatedItems",
    "unevaluatedProperties",
)

_SUBSCHEMA_KEYWORDS = frozenset(_SCHEMA_MAPS + _SCHEMA_VALUES)


def normalise_30(document: dict[str, Any], *, copy: bool = True) -> dict[str, Any]:
    """A copy of an OpenAPI 3.0 document whose schemas are plain draft-4 JSON Schema
    (``document`` itself, rewritten in place, when ``copy`` is false)."""
    result = deepcopy(document) if copy else document
    schemas = result.get("components", {}).get("schemas", {})
    for name in list(schemas):
        schemas[name] = _normalise(schemas[name])
    return result


def _normalise(schema: Any) -> Any:
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        if schema.get("nullable") is True:
            rest = {k: v for k, v in schema.items() if k != "nullable"}
            return {"anyOf": [rest, {"type": "null"}]}
        return schema
    if not _SUBSCHEMA_KEYWORDS.isdisjoint(schema):
        for key in _SCHEMA_MAPS:
            value = schema.get(key)
            if isinstance(value, dict):
                schema[key] = {name: _normalise(sub) for name, sub in value.items()}
        for key in _SCHEMA_VALUES:
            value = schema.get(key)
            if isinstance(value, list):
                schema[key] = [_normalise(sub) for sub in value]
            elif isinstance(value, dict):
                schema[key] = _normalise(value)
    if schema.get("nullable") is True and "type" not in schema and "allOf" in schema:
        rest = {k: v for k, v in schema.items() if k != "nullable"}
        return {"anyOf": [rest, {"type": "null"}]}
    if schema.get("nullable") is True and "type" in schema:
        declared = schema["type"]
        types = declared if isinstance(declared, list) else [declared]
        if "null" not in types:
            schema["type"] = [*types, "null"]
        enum = schema.get("enum")
        if isinstance(enum, list) and None not in enum:
            schema["enum"] = [*enum, None]
    return schema
