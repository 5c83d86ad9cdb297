"""generator.spec (dialects, keywords, pointers) and the $ref lookup of generator.load.refs."""

from __future__ import annotations

import sys

import pytest

from generator.errors import SchemaError
from generator.load import load_contents
from generator.load.openapi import normalise_30
from generator.load.refs import References
from generator.spec.dialects import DIALECTS, DRAFT4, DRAFT7, DRAFT2020, known_dialect
from generator.spec.keywords import may_embed_resources, subschemas
from generator.spec.numbers import check_numbers
from generator.spec.pointer import NOWHERE, escape, join_reference, to_pointer, unescape


@pytest.mark.parametrize(
    ("spelling", "uri"),
    [
        ("http://json-schema.org/draft-04/schema#", DRAFT4),
        ("https://json-schema.org/draft-07/schema", DRAFT7),
        ("http://json-schema.org/draft/2020-12/schema", DRAFT2020),
        ("http://json-schema.org/schema", DRAFT2020),
    ],
)
def test_one_table_of_dialect_spellings(spelling: str, uri: str) -> None:
    found = known_dialect(spelling)
    assert found is DIALECTS[uri]


def test_unknown_dialect_is_none() -> None:
    assert known_dialect("https://example.com/my-meta") is None


def test_dialect_facts_replace_uri_tests() -> None:
    assert DIALECTS[DRAFT4].id_keyword == "id"
    assert DIALECTS[DRAFT7].id_keyword == "$id"
    assert DIALECTS[DRAFT7].ref_overrides_siblings
    assert not DIALECTS[DRAFT2020].ref_overrides_siblings


def test_narrowed_dialects_are_interned() -> None:
    vocabularies = {"https://json-schema.org/draft/2020-12/vocab/core": True}
    a = DIALECTS[DRAFT2020].with_vocabularies(vocabularies)
    b = DIALECTS[DRAFT2020].with_vocabularies(dict(vocabularies))
    assert a is b
    assert "properties" not in a.keywords and "$ref" in a.keywords


@pytest.mark.parametrize("token", ["a", "a/b", "~", "~1", "a~/b", ""])
def test_pointer_tokens_round_trip(token: str) -> None:
    assert unescape(escape(token)) == token
    assert to_pointer([token, 0]) == f"/{escape(token)}/0"


def test_fragment_references_keep_a_urn_base() -> None:
    assert join_reference("urn:example:root", "#/$defs/a") == "urn:example:root#/$defs/a"
    assert join_reference("https://x.test/a/b.json", "c.json") == "https://x.test/a/c.json"


def test_subschemas_include_content_schema_and_schema_dependencies() -> None:
    schema = {"contentSchema": {}, "dependencies": {"a": ["b"], "c": {"type": "string"}}}
    assert [path for path, _ in subschemas(schema)] == [("contentSchema",), ("dependencies", "c")]


def test_openapi_30_rewrite_reaches_every_subschema_keyword() -> None:
    """The OpenAPI rewrite walks with spec.keywords: ``nullable`` under ``dependencies`` and
    ``contentSchema`` is rewritten too (its own table had drifted and missed them)."""
    nullable = {"type": "string", "nullable": True}
    document = {
        "openapi": "3.0.3",
        "components": {
            "schemas": {
                "A": {"dependencies": {"x": nullable, "y": ["z"]}, "contentSchema": nullable}
            }
        },
    }
    out = normalise_30(document)["components"]["schemas"]["A"]
    assert out["dependencies"]["x"]["type"] == ["string", "null"]
    assert out["dependencies"]["y"] == ["z"]
    assert out["contentSchema"]["type"] == ["string", "null"]
    assert document["components"]["schemas"]["A"]["contentSchema"] is nullable  # copy-on-write


def test_lookup_answers_the_target_and_its_base() -> None:
    root = {
        "$defs": {
            "moved": {"$id": "https://x.test/other/m.json", "$defs": {"in": {"type": "string"}}},
            "plain": {"type": "integer"},
        }
    }
    loaded = load_contents(root, uri="https://x.test/root.json")
    refs = References(loaded.registry, root=root, root_uri=loaded.uri)
    # the in-document fast path
    assert refs.lookup(loaded.uri, "#/$defs/plain") == ({"type": "integer"}, loaded.uri)
    # through an $id: referencing answers, and the base moves into the subresource
    contents, base = refs.lookup(loaded.uri, "#/$defs/moved/$defs/in")
    assert contents == {"type": "string"}
    assert base == "https://x.test/other/m.json"
    # by the $id itself
    contents, base = refs.lookup(loaded.uri, "other/m.json#/$defs/in")
    assert (contents, base) == ({"type": "string"}, "https://x.test/other/m.json")


def test_lookup_failure_is_a_schema_error_at_the_pointer() -> None:
    from generator.errors import SchemaError

    loaded = load_contents({"type": "object"}, uri="https://x.test/root.json")
    refs = References(loaded.registry, root=loaded.contents, root_uri=loaded.uri)
    with pytest.raises(SchemaError) as info:
        refs.lookup(loaded.uri, "#/$defs/missing", pointer="/properties/a/$ref")
    assert info.value.pointer == "/properties/a/$ref"
    assert "points to nothing" in str(info.value)


def test_enter_moves_the_base_into_a_registered_subresource() -> None:
    root = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {"a": {"$id": "sub/a.json", "type": "string"}, "b": {"$id": "#frag"}},
    }
    loaded = load_contents(root, uri="https://x.test/root.json")
    refs = References(loaded.registry, root=root, root_uri=loaded.uri)
    a, b = root["definitions"]["a"], root["definitions"]["b"]
    assert refs.enter(loaded.uri, a, "$id") == "https://x.test/sub/a.json"
    assert refs.enter(loaded.uri, b, "$id") == loaded.uri  # a plain-name fragment: an anchor
    assert refs.enter(loaded.uri, {"id": "elsewhere.json"}, "$id") == loaded.uri


def test_root_pointers_are_read_directly_under_the_roots_id_too() -> None:
    root = {"$id": "https://x.test/named.json", "$defs": {"a": {"type": "string"}}}
    loaded = load_contents(root, uri="https://x.test/file.json")
    refs = References(loaded.registry, root=root, root_uri=loaded.uri)
    assert refs.root_pointer("https://x.test/named.json", "#/$defs/a") is root["$defs"]["a"]
    assert refs.root_pointer("https://x.test/other.json", "#/$defs/a") is NOWHERE


@pytest.mark.parametrize(
    ("contents", "pointer"),
    [
        ({"a": [1, 2.5, float("nan")], "b": float("inf")}, "/b"),  # (the first one walked)
        ({"a": {"b~/c": [float("-inf")]}}, "/a/b~0~1c/0"),
        ({"enum": [10**4300]}, "/enum/0"),
        ({"x": {"y": 1}, 1: float("nan")}, "/1"),  # (a key JSON cannot write: walked slowly)
    ],
)
def test_numbers_json_cannot_write_are_refused_at_their_pointer(
    contents: object, pointer: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        check_numbers(contents)
    assert caught.value.pointer == pointer


def test_integers_as_long_as_python_prints_pass_whatever_the_process_allows() -> None:
    check_numbers({"const": 10**4299, "maximum": -(10**4299)})
    check_numbers({"const": 10**4300}, integers=False)
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # (unbounded here; a generated module's reader is not)
    try:
        with pytest.raises(SchemaError, match="4,300 digits"):
            check_numbers({"const": 10**4300})
    finally:
        sys.set_int_max_str_digits(previous)


@pytest.mark.parametrize(
    ("contents", "id_keyword", "expected"),
    [
        ({"properties": {"id": {"type": "string"}}, "$defs": {"a": {"enum": [1]}}}, "$id", False),
        ({"$id": "https://example.com/s"}, "$id", True),
        ({"$defs": {"a": {"items": [{"$anchor": "here"}]}}}, "$id", True),
        ({"$defs": {"a": {"$dynamicAnchor": "node"}}}, "$id", True),
        ({"$defs": {"a": {"$recursiveAnchor": True}}}, "$id", True),
        ({"definitions": {"a": {"id": "#a"}}}, "id", True),  # (draft 4 spells it id)
        ({"definitions": {"a": {"id": "#a"}}}, "$id", False),  # (a property name otherwise)
        ({"$defs": {"a": {"$schema": "http://json-schema.org/draft-04/schema#"}}}, "$id", True),
        (
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"},
            "$id",
            False,
        ),
        ({"enum": [{"$id": "data, but looked at"}]}, "$id", True),
    ],
)
def test_may_embed_resources(contents: object, id_keyword: str, expected: bool) -> None:
    assert may_embed_resources(contents, id_keyword) is expected


def test_a_document_with_no_ids_is_not_crawled_yet_every_reference_resolves() -> None:
    loaded = load_contents(
        {
            "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"type": "string"}},
            "properties": {"x": {"$ref": "#/$defs/a"}},
        }
    )
    resolver = loaded.registry.resolver(loaded.uri)
    assert resolver.lookup("#/$defs/b").contents == {"type": "string"}
    with_anchor = load_contents({"$defs": {"b": {"$anchor": "bee", "type": "integer"}}})
    found = with_anchor.registry.resolver(with_anchor.uri).lookup("#bee")
    assert found.contents == {"$anchor": "bee", "type": "integer"}
