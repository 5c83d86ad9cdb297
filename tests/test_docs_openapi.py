"""Docs pages of OpenAPI documents: Speakeasy's rules (``../shared/speakeasy/RULES.md``) on
small documents, and the docs settings (``[tool.schemagen]``, ``--docs-config gen.yaml``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.config import read_docs_config
from generator.errors import GeneratorError
from tests.conftest import render_case
from tests.test_cli import run


def _api(schemas: dict[str, Any], body: str = "Pet", **extra: Any) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{body}"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/pets": {
                "post": {
                    "operationId": "createPet",
                    "requestBody": {"content": {"application/json": {"schema": ref}}},
                    "responses": {"200": {"content": {"application/json": {"schema": ref}}}},
                }
            }
        },
        "components": {"schemas": schemas},
        **extra,
    }


def _pages(document: dict[str, Any], **options: Any) -> dict[str, str]:
    return {Path(k).name: v for k, v in render_case(document, "docs", **options).items()}


def _rows(page: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("|").split(" | ")]
        for line in page.splitlines()
        if line.startswith("| ")
    ][2:]


def test_fields_table_follows_speakeasys_rules() -> None:
    pages = _pages(
        _api(
            {
                "Pet": {
                    "description": "A pet.\nTwo lines.",
                    "type": "object",
                    "required": ["pet_name", "age", "kind"],
                    "properties": {
                        "pet_name": {"type": "string", "examples": ["Rex"]},
                        "age": {"type": "integer", "default": 1},
                        "kind": {"$ref": "#/components/schemas/Kind", "description": "ignored"},
                        "_id": {"type": "string", "deprecated": True, "description": "Old."},
                        "born": {"type": "string", "format": "date-time"},
                        "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                    },
                    "additionalProperties": True,
                },
                "Kind": {"description": "What it is.", "enum": ["cat", "dog"]},
            }
        )
    )
    assert sorted(pages) == ["kind.md", "pet.md"]
    page = pages["pet.md"]
    assert page.startswith("# Pet\n\nA pet.\nTwo lines.\n\n## Example Usage\n")  # verbatim
    assert not page.endswith("\n")
    rows = _rows(page)
    assert rows[0] == ["`petName`", "*string*", ":heavy_check_mark:", "N/A", "Rex"]
    assert rows[1][:3] == ["`age`", "*number*", ":heavy_minus_sign:"]  # required, default
    assert rows[2][1:4] == [
        "[components.Kind](../../models/components/kind.md)",
        ":heavy_check_mark:",
        "What it is.",  # the target's description, not the $ref sibling
    ]
    assert rows[3][0] == "~~`id`~~"
    assert rows[3][3].startswith(": warning: ** DEPRECATED **:") and rows[3][3].endswith(
        "<br/><br/>Old."
    )
    assert rows[4][1].startswith("[Date](")
    assert rows[5][1] == "Record<string, *string*>"
    assert rows[6][:2] == ["`additionalProperties`", "Record<string, *any*>"]
    # every column shares one width
    separators = [line for line in page.splitlines() if line.startswith("| -")]
    widths = {len(cell.strip()) for cell in separators[0].strip("|").split("|")}
    assert len(widths) == 1
    # never: only the required fields (deprecated ones excluded when optional)
    assert "  petName: " in page and "  kind: " in page and "tags:" not in page


def test_enum_and_union_pages() -> None:
    schemas = {
        "Pet": {
            "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": {
                "propertyName": "kind",
                "mapping": {"dog": "#/components/schemas/Dog", "cat": "#/components/schemas/Cat"},
            },
        },
        "Cat": {"type": "object", "properties": {"kind": {"enum": ["cat"]}}},
        "Dog": {
            "type": "object",
            "properties": {
                "kind": {"enum": ["dog"]},
                "size": {"enum": ["s", "l"], "x-speakeasy-unknown-values": "allow"},
            },
        },
    }
    pages = _pages(_api(schemas))
    assert sorted(pages) == ["cat.md", "dog.md", "pet.md", "size.md"]  # no page for kind
    union = pages["pet.md"]
    assert union.startswith("# Pet\n\n\n## Supported Types\n\n### `components.Dog`\n")  # mapping
    assert union.endswith("```\n\n")
    assert _rows(pages["dog.md"])[0][:3] == ["`kind`", '*"dog"*', ":heavy_check_mark:"]
    size = pages["size.md"]
    assert size.endswith('```typescript\n"s" | "l" | Unrecognized<string>\n```')
    assert "// Open enum: unrecognized values are captured as Unrecognized<string>" in size


def test_inline_names_take_the_component_prefix_on_a_clash() -> None:
    inline = {"type": "object", "properties": {"x": {"type": "string"}}}
    schemas = {
        "Pet": {
            "type": "object",
            "properties": {
                "owner": {"$ref": "#/components/schemas/Shop"},
                "info": inline,
            },
        },
        "Shop": {"type": "object", "properties": {"info": {**inline, "required": ["x"]}}},
    }
    pages = _pages(_api(schemas))
    # depth first: Shop, met through Pet's first field, names its inline model first
    assert sorted(pages) == ["info.md", "pet.md", "petinfo.md", "shop.md"]
    assert "[components.Info](../../models/components/info.md)" in pages["shop.md"]
    assert "[components.PetInfo](../../models/components/petinfo.md)" in pages["pet.md"]


def test_settings_change_the_pages() -> None:
    schemas = {
        "Pet": {
            "type": "object",
            "properties": {
                "name": {"type": "string", "example": "Rex"},
                "age": {"type": "integer"},
            },
        }
    }
    never = _pages(_api(schemas))["pet.md"]
    assert "let value: Pet = {};" in never
    assert 'import { Pet } from "@inkeep/inkeep-analytics/models/components";' in never
    shown = _pages(
        _api(schemas),
        docs_optional_property_rendering="withExample",
        docs_package="@acme/sdk",
        docs_use_index_modules=False,
    )["pet.md"]
    assert '  name: "Rex",' in shown and "age:" not in shown
    assert 'import { Pet } from "@acme/sdk/models/components/pet.js";' in shown


def test_gen_yaml_settings_are_read_and_unsupported_ones_named(tmp_path: Path) -> None:
    gen = tmp_path / "gen.yaml"
    gen.write_text(
        "generation:\n  usageSnippets:\n    optionalPropertyRendering: withExample\n"
        "  fixes:\n    nameResolutionFeb2025: true\n"
        "typescript:\n  packageName: '@acme/sdk'\n  forwardCompatibleEnumsByDefault: true\n"
        "  enumFormat: union\n",
        encoding="utf-8",
    )
    assert read_docs_config(gen) == {
        "docs_package": "@acme/sdk",
        "docs_optional_property_rendering": "withExample",
        "docs_name_resolution_feb2025": True,
        "docs_forward_compatible_enums": True,
        "docs_enum_format": "union",
    }
    gen.write_text("typescript:\n  enumFormat: enum\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as info:
        read_docs_config(gen)
    assert str(info.value) == (
        f"{gen}: typescript.enumFormat: docs_enum_format = 'enum' is not supported "
        "(supported: 'union')"
    )


def test_cli_docs_config_and_bad_settings_exit_2(tmp_path: Path) -> None:
    api = tmp_path / "api.json"
    api.write_text(json.dumps(_api({"Pet": {"type": "object", "properties": {}}})), "utf-8")
    gen = tmp_path / "gen.yaml"
    gen.write_text("typescript:\n  packageName: '@acme/sdk'\n", encoding="utf-8")
    out = tmp_path / "out"
    ok = run(
        "generate", str(api), "--out", str(out), "--targets", "docs", "--docs-config", str(gen)
    )
    assert ok.returncode == 0, ok.stderr
    assert "@acme/sdk/models/components" in (out / "docs/models/components/pet.md").read_text()
    gen.write_text("generation:\n  maintainOpenAPIOrder: false\n", encoding="utf-8")
    bad = run(
        "generate", str(api), "--out", str(out), "--targets", "docs", "--docs-config", str(gen)
    )
    assert bad.returncode == 2
    assert bad.stderr.strip() == (
        f"schemagen: error: {gen}: generation.maintainOpenAPIOrder: False is not supported "
        "by the docs target (supported: True)"
    )


def test_table_cells_escape_pipes_and_newlines() -> None:
    schemas = {
        "Pet": {
            "type": "object",
            "properties": {"a": {"type": "string", "description": "x | y\nz"}},
        }
    }
    rows = _rows(_pages(_api(schemas))["pet.md"])
    assert rows[0][3] == "x \\| y<br/>z"


def test_a_long_chain_of_components_is_walked_without_deep_recursion() -> None:
    # each component refers to the next: 600 links would be 4,000 frames deep in one recursion
    count = 600
    schemas = {
        f"M{i}": {
            "type": "object",
            "required": ["next"] if i + 1 < count else [],
            "properties": {"next": {"$ref": f"#/components/schemas/M{i + 1}"}}
            if i + 1 < count
            else {},
        }
        for i in range(count)
    }
    pages = _pages(_api(schemas, body="M0"))
    assert len(pages) == count
    assert "[components.M1](../../models/components/m1.md)" in pages["m0.md"]


def test_component_keys_that_spell_one_class_name_get_two_pages() -> None:
    schemas = {
        "Pet": {
            "type": "object",
            "properties": {
                "a": {"$ref": "#/components/schemas/a-b"},
                "b": {"$ref": "#/components/schemas/a_b"},
            },
        },
        "a-b": {"type": "object", "properties": {"x": {"type": "string"}}},
        "a_b": {"type": "object", "properties": {"y": {"type": "string"}}},
    }
    pages = _pages(_api(schemas))
    assert sorted(pages) == ["ab.md", "ab2.md", "pet.md"]
    assert "`x`" in pages["ab.md"] and "`y`" in pages["ab2.md"]


def test_hostile_text_neither_breaks_a_table_nor_keeps_a_script_link() -> None:
    text = "a | b\n[x](javascript:alert(1)) {{ 7*7 }} `code`"
    schemas = {
        "Pet": {
            "description": text,
            "type": "object",
            "properties": {"p": {"type": "string", "description": text, "example": text}},
        }
    }
    page = _pages(_api(schemas))["pet.md"]
    assert "](javascript:" not in page
    assert "{{ 7*7 }}" in page  # schema text is data, never template source
    row = next(line for line in page.splitlines() if line.startswith("| `p`"))
    assert row.count(" | ") == 4 and "\n" not in row  # five cells, one line
    assert "a \\| b<br/>" in row
