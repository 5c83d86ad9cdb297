"""Naming rules: every JSON key becomes a safe, unique, deterministic Python or file name."""

from __future__ import annotations

import keyword

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.ir import naming


@pytest.mark.parametrize(
    ("text", "cls", "snake"),
    [
        ("CreateOpenAIConversation", "CreateOpenAIConversation", "create_open_ai_conversation"),
        ("externalId", "ExternalId", "external_id"),
        ("tool_calls", "ToolCalls", "tool_calls"),
        ("URLValue", "URLValue", "url_value"),
        ("class", "Class", "class_"),
        ("match", "Match", "match_"),
        ("1st", "Model1st", "field_1st"),
        ("", "Model", "field"),
        ("a-b c", "ABC", "a_b_c"),
        ("\u540d\u524d", "Model", "field"),
    ],
)
def test_names(text: str, cls: str, snake: str) -> None:
    assert naming.class_name(text) == cls
    assert naming.snake_name(text) == snake


def test_collisions_are_numbered_in_order() -> None:
    names = [naming.snake_name(n) for n in ("fooBar", "foo_bar", "FooBar")]
    assert naming.unique(names) == ["foo_bar", "foo_bar_2", "foo_bar_3"]
    assert naming.unique(["from_dict", "x"], taken=["from_dict"]) == ["from_dict_2", "x"]


def test_file_names_are_safe_and_unique_ignoring_case() -> None:
    stems = [naming.file_stem(n) for n in ("Type", "TYPE", "../x", "a/b", ".", "CON", "x" * 300)]
    unique = naming.unique(stems, fold_case=True)
    assert unique[:2] == ["type", "type_2"]
    assert unique[2] == "x" and unique[3] == "a_b" and unique[5] == "con_"
    assert len(unique[6]) <= naming.MAX_FILE_STEM
    assert len({u.lower() for u in unique}) == len(unique)


@given(st.text())
def test_any_text_gives_valid_identifiers(text: str) -> None:
    for name in (naming.class_name(text), naming.snake_name(text), naming.constant_name(text)):
        assert name.isidentifier() and name.isascii()
        assert not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
        assert len(name) <= naming.MAX_IDENTIFIER + 1
    stem = naming.file_stem(text)
    assert stem and "/" not in stem and stem not in (".", "..")
    assert set(stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789_.-")


def test_types_named_inside_merged_all_of_members_keep_their_real_location() -> None:
    # An enum declared in an allOf member (inline or behind a $ref) is named by the merged
    # object, but lives where it was written: the validators look its schema up there.
    from generator import pipeline
    from generator.ir import build_ir
    from generator.load import load_contents
    from generator.spec.pointer import pointer_target

    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Base": {"type": "object", "properties": {"mode": {"enum": ["a", "b"]}}},
                "Request": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Base"},
                        {"type": "object", "properties": {"kind": {"enum": ["x", "y"]}}},
                    ]
                },
            }
        },
    }
    loaded = load_contents(document)
    types = build_ir(loaded).types
    for named in types:
        assert pointer_target(loaded.contents, named.pointer) is not None, named.pointer
    pointers = {named.pointer for named in types}
    assert "/components/schemas/Request/allOf/1/properties/kind" in pointers
    files = pipeline.render_all(loaded, ["validators"], jobs=1)
    namespace: dict[str, object] = {}
    exec(compile(files["validators.py"], "validators.py", "exec"), namespace)  # noqa: S102
    snakes = {named.pointer: named.names.snake for named in types}
    is_kind = namespace["is_valid_" + snakes["/components/schemas/Request/allOf/1/properties/kind"]]
    assert callable(is_kind) and is_kind("x") and not is_kind("z")
