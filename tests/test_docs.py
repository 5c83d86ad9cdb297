"""The docs target: the seed page byte for byte, the spec's layout rules, safe tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.load import load_schema
from generator.pipeline import generate, render_all
from generator.targets import docs as docs_target
from tests.conftest import GENERATED, SCHEMA, render_case, shared_path

ROOT_PAGE = "docs/models/components/createopenaiconversation.md"
LINK = re.compile(r"\]\((\.\./\.\./models/components/[^)]+\.md)\)")


def test_committed_root_page_is_the_seed_byte_for_byte() -> None:
    seed = shared_path("seed", "createopenaiconversation.md").read_bytes()
    assert (GENERATED / ROOT_PAGE).read_bytes() == seed


def test_regenerated_root_page_is_the_seed_byte_for_byte(tmp_path: Path) -> None:
    seed = shared_path("seed", "createopenaiconversation.md").read_bytes()
    generate(SCHEMA, tmp_path, ["docs"])
    assert (tmp_path / ROOT_PAGE).read_bytes() == seed


def test_every_component_of_the_spec_has_a_page(tmp_path: Path) -> None:
    spec = shared_path("spec", "conversation-components.md").read_text(encoding="utf-8")
    names = re.findall(r"^\| (\w+) \| (?:object|string enum|union)", spec, re.MULTILINE)
    assert len(names) == 20
    generate(SCHEMA, tmp_path, ["docs"])
    for name in names:
        page = tmp_path / "docs/models/components" / f"{name.lower()}.md"
        assert page.is_file(), name
        assert page.read_text(encoding="utf-8").startswith(f"# {name}\n")


def test_every_link_points_at_a_page_that_exists() -> None:
    pages = sorted((GENERATED / "docs/models/components").glob("*.md"))
    assert len(pages) == 20
    links = 0
    for page in pages:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            links += 1
            assert (page.parent / target).resolve().is_file(), f"{page.name} links to {target}"
    assert links >= 15


def _pages(schema: dict[str, object]) -> dict[str, str]:
    return {Path(k).name: v for k, v in render_case(schema, "docs").items()}


def _table_rows(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.startswith("| ")]


def test_object_page_layout_rules() -> None:
    pages = _pages(
        {
            "title": "Thing",
            "type": "object",
            "properties": {
                "when": {"type": "string", "format": "date-time"},
                "count": {"type": "integer"},
                "flag": {"type": "boolean"},
                "kind": {"const": "thing"},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                "anything": {},
            },
            "required": ["count"],
        }
    )
    page = pages["thing.md"]
    rows = _table_rows(page)
    widths = {len(cell) for row in rows for cell in row[2:-2].split(" | ")}
    assert len(widths) == 1, "every cell is padded to one common width"
    assert not page.endswith("\n")
    cells = [row.split(" | ")[1].strip() for row in rows[2:]]
    assert cells == [
        "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)",
        "*number*",
        "*boolean*",
        '*"thing"*',
        "Record<string, *string*>",
        "*any*",
    ]
    assert "let value: Thing = {\n  count: 0,\n};" in page


def test_enum_page_layout() -> None:
    # Like all 252 enum pages of the Speakeasy corpus, the page ends without a newline.
    page = _pages({"$defs": {"Color": {"enum": ["red", "green"]}}})["color.md"]
    assert page == (
        "# Color\n\n## Example Usage\n\n```typescript\n"
        'import { Color } from "@inkeep/inkeep-analytics/models/components";\n\n'
        'let value: Color = "red";\n```\n\n## Values\n\n```typescript\n"red" | "green"\n```'
    )


HOSTILE = (
    "a | b\nline two `code` <script>alert(1)</script> {{ 7*7 }} {% raw %} "
    "[x](javascript:alert(1)) \\"
)


def test_hostile_text_never_breaks_a_table_or_runs_as_a_template() -> None:
    pages = _pages(
        {
            "title": "Evil",
            "type": "object",
            "properties": {
                "pipe|name`x": {"type": "string", "description": HOSTILE},
                "{{ name }}": {"const": "a|b", "description": "{% if %}"},
            },
        }
    )
    page = pages["evil.md"]
    rows = _table_rows(page)
    assert len(rows) == 4
    for row in rows:
        # Unescaped pipes are exactly the five column borders.
        assert len(re.findall(r"(?<!\\)\|", row)) == 5, row
    assert "<script>" not in page
    assert "&lt;script>" in page
    assert "{{ 7*7 }}" in page and "49" not in page
    assert "{% if %}" in page
    assert "](javascript:" not in page
    assert "line two" in rows[2]


def test_union_page_layout() -> None:
    page = _pages(
        {
            "$defs": {
                "U": {
                    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "integer"}}]
                }
            }
        }
    )["u.md"]
    assert page == (
        "# U\n\n\n## Supported Types\n\n### `string`\n\n```typescript\n"
        'const value: string = "<value>";\n```\n\n### `number[]`\n\n```typescript\n'
        "const value: number[] = [\n  0,\n];\n```\n\n"
    )


def test_pages_are_deterministic() -> None:
    loaded = load_schema(SCHEMA)
    first = render_all(loaded, ["docs"])
    second = render_all(load_schema(SCHEMA), ["docs"])
    assert first == second


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a|b", "a\\|b"),
        ("a\\|b", "a\\\\\\|b"),
        ("one\ntwo\r\nthree", "one<br/>two<br/>three"),
        ("<b>", "&lt;b>"),
    ],
)
def test_cell_escaping(text: str, expected: str) -> None:
    assert docs_target.cell(text) == expected
