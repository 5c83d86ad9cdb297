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
    """An OpenAPI 3.0 document whose schemas are plain draft-4 JSON Schema.

    The rewrite is copy-on-write: every changed schema is a new object, so ``document`` keeps
    its raw shape (the docs target reads it) and unchanged subtrees are shared, not copied.
    ``copy`` is kept for callers of the older signature; both answers are the same.
    """
    del copy
    components = document.get("components")
    if not isinstance(components, dict) or not isinstance(components.get("schemas"), dict):
        return document
    schemas: dict[str, Any] = components["schemas"]
    memo: dict[int, Any] = {}
    rewritten = {name: _normalise(schema, memo) for name, schema in schemas.items()}
    return {**document, "components": {**components, "schemas": rewritten}}


def _normalise(schema: Any, memo: dict[int, Any]) -> Any:
    if not isinstance(schema, dict):
        return schema
    key = id(schema)
    if key in memo:  # the same object twice (YAML anchors): one rewritten object too
        return memo[key]
    memo[key] = result = _rewrite(schema, memo)
    return result


def _rewrite(schema: dict[str, Any], memo: dict[int, Any]) -> Any:
    if "$ref" in schema:
        if schema.get("nullable") is True:
            rest = {k: v for k, v in schema.items() if k != "nullable"}
            return {"anyOf": [rest, {"type": "null"}]}
        return schema
    changed: dict[str, Any] = {}
    if not _SUBSCHEMA_KEYWORDS.isdisjoint(schema):
        for key in _SCHEMA_MAPS:
            value = schema.get(key)
            if isinstance(value, dict):
                new = {name: _normalise(sub, memo) for name, sub in value.items()}
                if any(new[name] is not value[name] for name in value):
                    changed[key] = new
        for key in _SCHEMA_VALUES:
            value = schema.get(key)
            if isinstance(value, list):
                items = [_normalise(sub, memo) for sub in value]
                if any(a is not b for a, b in zip(items, value, strict=True)):
                    changed[key] = items
            elif isinstance(value, dict):
                sub = _normalise(value, memo)
                if sub is not value:
                    changed[key] = sub
    result = {**schema, **changed} if changed else schema
    if result.get("nullable") is True and "type" not in result and "allOf" in result:
        rest = {k: v for k, v in result.items() if k != "nullable"}
        return {"anyOf": [rest, {"type": "null"}]}
    if result.get("nullable") is True and "type" in result:
        declared = result["type"]
        types = declared if isinstance(declared, list) else [declared]
        enum = result.get("enum")
        extra: dict[str, Any] = {}
        if "null" not in types:
            extra["type"] = [*types, "null"]
        if isinstance(enum, list) and None not in enum:
            extra["enum"] = [*enum, None]
        if extra:
            result = {**result, **extra}
    return result


def _either(*alternatives: dict[str, Any]) -> dict[str, Any]:
    """A Schema Object or a Reference Object (or one of ``alternatives``)."""
    choices = [{"$ref": "#/definitions/Schema"}, {"$ref": "#/definitions/Reference"}]
    return {"oneOf": [*choices, *alternatives]}


_SCHEMA_OR_REF = _either()

#: The Schema Object of OpenAPI 3.0, as its official JSON Schema states it
#: (https://spec.openapis.org/oas/3.0/schema/2021-09-28, ``definitions/Schema``): a draft-4
#: variant where ``exclusiveMinimum``/``exclusiveMaximum`` are booleans needing no
#: ``minimum``/``maximum``, ``enum`` items need not be unique, ``type`` is one name, and
#: ``nullable``, ``discriminator``, ``example``, ``readOnly``/``writeOnly``, ``xml``,
#: ``externalDocs``, ``deprecated`` and ``x-`` extensions are allowed. Beside ``$ref`` anything
#: goes (a Reference Object's siblings are ignored).
OAS30_SCHEMA_OBJECT: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "$ref": "#/definitions/SchemaOrReference",
    "definitions": {
        "SchemaOrReference": _SCHEMA_OR_REF,
        "Reference": {
            "type": "object",
            "required": ["$ref"],
            "patternProperties": {"^\\$ref$": {"type": "string"}},
        },
        "Schema": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "multipleOf": {"type": "number", "minimum": 0, "exclusiveMinimum": True},
                "maximum": {"type": "number"},
                "exclusiveMaximum": {"type": "boolean"},
                "minimum": {"type": "number"},
                "exclusiveMinimum": {"type": "boolean"},
                "maxLength": {"type": "integer", "minimum": 0},
                "minLength": {"type": "integer", "minimum": 0},
                "pattern": {"type": "string"},
                "maxItems": {"type": "integer", "minimum": 0},
                "minItems": {"type": "integer", "minimum": 0},
                "uniqueItems": {"type": "boolean"},
                "maxProperties": {"type": "integer", "minimum": 0},
                "minProperties": {"type": "integer", "minimum": 0},
                "required": {
                    "type": "array",
                    "items": {"type": "string"},
                    "minItems": 1,
                    "uniqueItems": True,
                },
                "enum": {"type": "array", "items": {}, "minItems": 1},
                "type": {
                    "type": "string",
                    "enum": ["array", "boolean", "integer", "number", "object", "string"],
                },
                "not": _SCHEMA_OR_REF,
                "allOf": {"type": "array", "items": _SCHEMA_OR_REF},
                "oneOf": {"type": "array", "items": _SCHEMA_OR_REF},
                "anyOf": {"type": "array", "items": _SCHEMA_OR_REF},
                "items": _SCHEMA_OR_REF,
                "properties": {"type": "object", "additionalProperties": _SCHEMA_OR_REF},
                "additionalProperties": _either({"type": "boolean"}),
                "description": {"type": "string"},
                "format": {"type": "string"},
                "default": {},
                "nullable": {"type": "boolean"},
                "discriminator": {"$ref": "#/definitions/Discriminator"},
                "readOnly": {"type": "boolean"},
                "writeOnly": {"type": "boolean"},
                "example": {},
                "externalDocs": {"type": "object", "required": ["url"]},
                "deprecated": {"type": "boolean"},
                "xml": {"type": "object"},
            },
            "patternProperties": {"^x-": {}},
            "additionalProperties": False,
        },
        "Discriminator": {
            "type": "object",
            "required": ["propertyName"],
            "properties": {
                "propertyName": {"type": "string"},
                "mapping": {"type": "object", "additionalProperties": {"type": "string"}},
            },
        },
    },
}
