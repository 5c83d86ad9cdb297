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
