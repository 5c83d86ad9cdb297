"""The Schema Object of OpenAPI 3.0, which checks that version's schemas in place of a
draft's metaschema (OpenAPI 3.1 schemas are 2020-12 and need none of their own)."""

from __future__ import annotations

from typing import Any

#: Where :data:`OAS30_SCHEMA_OBJECT` is filed: the metaschema check of an OpenAPI 3.0
#: document's schemas names it as their dialect.
OAS30_SCHEMA_URI = "https://spec.openapis.org/oas/3.0/schema/2021-09-28#/definitions/Schema"


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
