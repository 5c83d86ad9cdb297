"""OpenAPI documents are checked by their own rules: 3.0 Schema Objects by OpenAPI 3.0's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.errors import SchemaError
from generator.load import load_schema


def _document(tmp_path: Path, schemas: dict[str, Any], version: str = "3.0.3") -> Path:
    path = tmp_path / "api.json"
    doc = {"openapi": version, "info": {"title": "t", "version": "1"}, "paths": {}}
    path.write_text(json.dumps(doc | {"components": {"schemas": schemas}}), encoding="utf-8")
    return path


def test_oas30_accepts_what_its_schema_object_allows(tmp_path: Path) -> None:
    schemas = {
        # boolean exclusiveMinimum without minimum (draft 4 wants minimum beside it)
        "Count": {"type": "integer", "exclusiveMinimum": True, "x-speakeasy-name-override": "N"},
        # repeated enum items (draft 4 wants them unique)
        "Status": {"type": "string", "enum": ["a", "b", "a"], "nullable": True},
        "Pet": {
            "oneOf": [{"$ref": "#/components/schemas/Count"}],
            "discriminator": {
                "propertyName": "kind",
                "mapping": {"n": "#/components/schemas/Count"},
            },
            "example": {"kind": "n"},
        },
    }
    loaded = load_schema(_document(tmp_path, schemas))
    # the validators see draft 4; the raw shape stays readable for the docs target
    assert loaded.contents["components"]["schemas"]["Status"]["type"] == ["string", "null"]
    assert loaded.raw["components"]["schemas"]["Status"] == schemas["Status"]


def test_oas30_refuses_what_its_schema_object_refuses(tmp_path: Path) -> None:
    path = _document(tmp_path, {"A": {"type": ["string", "null"]}})
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(info.value).startswith(f"{path}#/components/schemas/A")
    assert "not a valid schema" in str(info.value)


def test_oas30_refuses_unknown_keywords_with_their_pointer(tmp_path: Path) -> None:
    path = _document(tmp_path, {"A": {"properties": {"b": {"type": "string", "minimum": "1"}}}})
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert "#/components/schemas/A/properties/b" in str(info.value)


def test_oas31_is_read_as_2020_12(tmp_path: Path) -> None:
    schemas = {"A": {"type": ["string", "null"], "exclusiveMinimum": 1, "examples": ["x"]}}
    loaded = load_schema(_document(tmp_path, schemas, version="3.1.0"))
    assert loaded.raw is loaded.contents


def test_types_inside_a_merged_allof_member_point_where_they_live(tmp_path: Path) -> None:
    # novu's TriggerOverrides.channels: allOf [$ref ChannelOverrides] whose property `email` is
    # an allOf wrapper; its named type must point into ChannelOverrides, where it exists.
    from generator.pipeline import render_all

    schemas = {
        "Overrides": {
            "type": "object",
            "properties": {
                "channels": {
                    "description": "d",
                    "example": {"email": {"layout": "x"}},
                    "allOf": [{"$ref": "#/components/schemas/ChannelOverrides"}],
                }
            },
        },
        "ChannelOverrides": {
            "type": "object",
            "properties": {
                "email": {
                    "description": "e",
                    "allOf": [{"$ref": "#/components/schemas/EmailOverrides"}],
                }
            },
        },
        "EmailOverrides": {"type": "object", "properties": {"layout": {"type": "string"}}},
    }
    loaded = load_schema(_document(tmp_path, schemas))
    files = render_all(loaded, ["validators"], jobs=1)
    assert "def is_valid_" in files["validators.py"]
