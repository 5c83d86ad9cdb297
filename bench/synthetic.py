"""Deterministic synthetic schemas of N definitions, for the generation benchmarks."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any


def synthetic_schema(definitions: int, *, seed: int = 7) -> dict[str, Any]:
    """A draft 2020-12 schema whose ``$defs`` hold ``definitions`` types of every kind.

    Every fifth definition is an enum, every seventh a union; the rest are objects with six to
    ten properties mixing strings, nullable strings, integers, arrays, maps and references to
    earlier definitions (so the reference graph is as large as the schema).
    """
    rng = random.Random(seed)
    defs: dict[str, Any] = {}
    for index in range(definitions):
        name = f"Type{index:05d}"
        if index % 5 == 4:
            defs[name] = {"type": "string", "enum": [f"v{index}_{k}" for k in range(4)]}
            continue
        if index % 7 == 6 and index > 1:
            defs[name] = {
                "anyOf": [{"$ref": f"#/$defs/Type{rng.randrange(index):05d}"}, {"type": "string"}]
            }
            continue
        properties: dict[str, Any] = {}
        for field in range(rng.randrange(6, 11)):
            kind = rng.randrange(6)
            key = f"field{field}{['Name', 'Count', 'Items', 'Ref', 'Map', 'Note'][kind]}"
            if kind == 0:
                properties[key] = {"type": "string", "description": f"Field {field} of {name}."}
            elif kind == 1:
                properties[key] = {"type": "integer", "minimum": 0}
            elif kind == 2:
                properties[key] = {"type": ["array", "null"], "items": {"type": "string"}}
            elif kind == 3 and index > 0:
                target = f"#/$defs/Type{rng.randrange(index):05d}"
                properties[key] = {"anyOf": [{"$ref": target}, {"type": "null"}]}
            elif kind == 4:
                properties[key] = {"type": "object", "additionalProperties": {"type": "number"}}
            else:
                properties[key] = {"type": ["string", "null"], "maxLength": 200}
        defs[name] = {
            "type": "object",
            "description": f"Synthetic definition {index}.",
            "properties": properties,
            "required": sorted(properties)[:2],
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Synthetic",
        "type": "object",
        "properties": {"root": {"$ref": "#/$defs/Type00000"}},
        "$defs": defs,
    }


def write_synthetic(folder: Path, definitions: int) -> Path:
    path = folder / f"synthetic-{definitions}.schema.json"
    path.write_text(json.dumps(synthetic_schema(definitions), indent=1), encoding="utf-8")
    return path


# -- other shapes: the generation benchmark's ``--shapes`` ------------------------------------


def _draft(defs: dict[str, Any], root: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Shape",
        "$ref": f"#/$defs/{root}",
        "$defs": defs,
    }


def refs_schema(definitions: int, *, seed: int = 11) -> dict[str, Any]:
    """Objects of 5-15 fields; 15% of fields a ``$ref`` to a random earlier definition, 10% a
    nullable ``anyOf`` of such a ``$ref``; enums, string arrays, integer maps; the root a
    ``$ref`` to the last definition (the shape of issue 14)."""
    rng = random.Random(seed)
    defs: dict[str, Any] = {}
    for index in range(definitions):
        properties: dict[str, Any] = {}
        for field in range(rng.randrange(5, 16)):
            roll = rng.random()
            key = f"f{field}"
            if index and roll < 0.15:
                properties[key] = {"$ref": f"#/$defs/D{rng.randrange(index)}"}
            elif index and roll < 0.25:
                target = {"$ref": f"#/$defs/D{rng.randrange(index)}"}
                properties[key] = {"anyOf": [target, {"type": "null"}]}
            elif roll < 0.4:
                properties[key] = {"enum": [f"e{index}_{field}_{k}" for k in range(5)]}
            elif roll < 0.55:
                properties[key] = {"type": "array", "items": {"type": "string"}}
            elif roll < 0.7:
                properties[key] = {"type": "object", "additionalProperties": {"type": "integer"}}
            elif roll < 0.85:
                properties[key] = {"type": "integer", "minimum": 0}
            else:
                properties[key] = {"type": "string", "description": f"Field {field}."}
        defs[f"D{index}"] = {
            "type": "object",
            "properties": properties,
            "required": sorted(properties)[: rng.randrange(0, 3)],
        }
    return _draft(defs, f"D{definitions - 1}")


def deep_chain_schema(definitions: int) -> dict[str, Any]:
    """A reference chain as deep as the schema: each definition holds the next one."""
    defs: dict[str, Any] = {}
    for index in range(definitions):
        properties: dict[str, Any] = {"id": {"type": "string"}, "depth": {"type": "integer"}}
        if index + 1 < definitions:
            properties["next"] = {"$ref": f"#/$defs/Link{index + 1}"}
        defs[f"Link{index}"] = {"type": "object", "properties": properties, "required": ["id"]}
    return _draft(defs, "Link0")


def wide_schema(definitions: int) -> dict[str, Any]:
    """Few, very wide objects: ``definitions // 50`` objects of 50 to 500 fields each."""
    rng = random.Random(13)
    defs: dict[str, Any] = {}
    count = max(1, definitions // 50)
    for index in range(count):
        kinds = (
            {"type": "string"},
            {"type": ["integer", "null"]},
            {"type": "array", "items": {"type": "number"}},
            {"type": "boolean", "default": False},
        )
        properties = {
            f"column{field:03d}": dict(kinds[rng.randrange(4)])
            for field in range(rng.randrange(50, 501))
        }
        defs[f"Wide{index}"] = {"type": "object", "properties": properties}
    defs["Root"] = {
        "type": "object",
        "properties": {f"w{i}": {"$ref": f"#/$defs/Wide{i}"} for i in range(count)},
    }
    return _draft(defs, "Root")


def enums_schema(definitions: int) -> dict[str, Any]:
    """Mostly enums (10-60 string values each), used by objects of enum fields."""
    rng = random.Random(17)
    defs: dict[str, Any] = {}
    enum_count = definitions * 4 // 5
    for index in range(enum_count):
        values = [f"value_{index}_{k}" for k in range(rng.randrange(10, 61))]
        defs[f"Choice{index}"] = {"type": "string", "enum": values}
    for index in range(definitions - enum_count):
        properties = {
            f"pick{k}": {"$ref": f"#/$defs/Choice{rng.randrange(enum_count)}"} for k in range(8)
        }
        defs[f"Form{index}"] = {"type": "object", "properties": properties}
    defs["Root"] = {"type": "array", "items": {"$ref": f"#/$defs/Form{0}"}}
    return _draft(defs, "Root")


def unions_schema(definitions: int) -> dict[str, Any]:
    """Big unions: a fifth of the definitions are ``oneOf`` 20 objects told apart by a tag."""
    rng = random.Random(19)
    defs: dict[str, Any] = {}
    object_count = definitions * 4 // 5
    for index in range(object_count):
        defs[f"Variant{index}"] = {
            "type": "object",
            "required": ["kind"],
            "properties": {
                "kind": {"const": f"variant{index}"},
                "payload": {"type": "string"},
                "size": {"type": "integer"},
            },
        }
    for index in range(definitions - object_count):
        members = rng.sample(range(object_count), min(20, object_count))
        defs[f"Union{index}"] = {"oneOf": [{"$ref": f"#/$defs/Variant{m}"} for m in members]}
    defs["Root"] = {
        "type": "object",
        "properties": {
            f"u{i}": {"$ref": f"#/$defs/Union{i}"} for i in range(definitions - object_count)
        },
    }
    return _draft(defs, "Root")


def openapi_document(definitions: int) -> dict[str, Any]:
    """An OpenAPI 3.0 document: ``definitions`` component schemas (``nullable``, ``$ref`` to
    earlier ones, enums, arrays) and one path per ten schemas."""
    rng = random.Random(23)
    schemas: dict[str, Any] = {}
    for index in range(definitions):
        properties: dict[str, Any] = {}
        for field in range(rng.randrange(4, 12)):
            roll = rng.random()
            if index and roll < 0.2:
                properties[f"p{field}"] = {"$ref": f"#/components/schemas/S{rng.randrange(index)}"}
            elif roll < 0.35:
                properties[f"p{field}"] = {"type": "string", "nullable": True}
            elif roll < 0.5:
                properties[f"p{field}"] = {"type": "string", "enum": ["a", "b", f"c{index}"]}
            elif roll < 0.7:
                properties[f"p{field}"] = {"type": "array", "items": {"type": "integer"}}
            else:
                properties[f"p{field}"] = {"type": "number", "format": "double"}
        schemas[f"S{index}"] = {
            "type": "object",
            "description": f"Schema {index}.",
            "properties": properties,
        }
    paths = {
        f"/items{index}": {
            "get": {
                "operationId": f"getItems{index}",
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/S{index * 10}"}
                            }
                        },
                    }
                },
            }
        }
        for index in range(max(1, definitions // 10))
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Shape", "version": "1.0.0"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


SHAPES = {
    "refs": refs_schema,
    "deep-chain": deep_chain_schema,
    "wide": wide_schema,
    "enums": enums_schema,
    "unions": unions_schema,
    "openapi": openapi_document,
}


def write_shape(folder: Path, shape: str, definitions: int) -> Path:
    suffix = "openapi.json" if shape == "openapi" else "schema.json"
    path = folder / f"{shape}-{definitions}.{suffix}"
    path.write_text(json.dumps(SHAPES[shape](definitions), indent=1), encoding="utf-8")
    return path
