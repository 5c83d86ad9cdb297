"""The compiled module's API: error records, ``validate``, named definitions, and tracebacks
that show the generated lines."""

from __future__ import annotations

import pytest

from generator.compiler import compile
from generator.errors import SchemaError


def test_error_records_and_validate() -> None:
    schema = {
        "type": "object",
        "properties": {
            "messages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"role": {"enum": ["system", "user", "assistant"]}},
                },
            }
        },
    }
    validator = compile(schema)
    instance = {"messages": [{"role": "user"}, {"role": "robot"}, {"role": 7}]}
    found = list(validator.iter_errors(instance))
    assert [str(e) for e in found] == [
        "/messages/1/role: 'robot' is not one of 'system', 'user', 'assistant'",
        "/messages/2/role: 7 is not one of 'system', 'user', 'assistant'",
    ]
    assert found[0].schema_path == "/properties/messages/items/properties/role/enum"
    assert found[0].keyword == "enum"
    with pytest.raises(ValueError) as caught:
        validator.validate(instance)
    assert isinstance(caught.value, validator.ValidationError)
    assert caught.value.errors == found  # type: ignore[attr-defined]


def test_tracebacks_show_generated_lines() -> None:
    import linecache

    validator = compile({"type": "string"})
    filename = validator.filename
    assert linecache.getline(filename, 1).startswith('"""JSON Schema validators')


def test_named_definitions_api() -> None:
    schema = {
        "$defs": {"Messages": {"type": "array", "items": {"type": "string"}}},
        "properties": {"messages": {"$ref": "#/$defs/Messages"}},
    }
    validator = compile(schema, definitions={"messages": "/$defs/Messages"})
    assert validator.function("is_valid_messages")(["a"])
    assert not validator.function("is_valid_messages")([1])
    assert [e.path for e in validator.function("iter_errors_messages")([1])] == ["/0"]
    with pytest.raises(ValueError):
        compile(schema, definitions={"Bad-Name": "/$defs/Messages"})
    by_uri = compile(
        schema,
        base_uri="file:///schemas/conversation.json",
        definitions={"messages": "file:///schemas/conversation.json#/$defs/Messages"},
    )
    assert not by_uri.function("is_valid_messages")([1])
    with pytest.raises(SchemaError):
        compile(schema, definitions={"missing": "/$defs/Nope"})
    odd = {"$defs": {"per%cent": {"type": "boolean"}, "a/b": {"type": "null"}}}
    raw = compile(
        odd,
        base_uri="file:///s.json",
        definitions={"pct": "file:///s.json#/$defs/per%cent", "slash": "#/$defs/a~1b"},
    )
    assert raw.function("is_valid_pct")(True) and not raw.function("is_valid_pct")(1)
    assert raw.function("is_valid_slash")(None) and not raw.function("is_valid_slash")(1)
