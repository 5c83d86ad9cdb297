"""Error paths built where an error is made, required properties read at once, and the error
class written for mypyc: the code is shaped for speed, the answers are python-jsonschema's."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import jsonschema
import pytest

from generator.compiler import compile as compile_validator
from generator.compiler import render_module

DRAFT = "https://json-schema.org/draft/2020-12/schema"
LONG = "a_property_name_long_enough_to_matter"


def _pointer(path: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def _theirs(schema: dict[str, Any], instance: Any) -> list[tuple[str, str]]:
    validator = jsonschema.Draft202012Validator(schema)
    found = [(_pointer(e.absolute_path), e.validator) for e in validator.iter_errors(instance)]
    return sorted(found, key=str)


def _ours(schema: dict[str, Any], instance: Any) -> list[tuple[str, str]]:
    validator = compile_validator(schema)
    return sorted(((e.path, e.keyword) for e in validator.iter_errors(instance)), key=str)


def _nested(depth: int, name: str) -> dict[str, Any]:
    """Objects ``depth`` deep, each with a property ``name`` and an array of them."""
    leaf: dict[str, Any] = {"type": "string", "enum": ["ok"]}
    schema: dict[str, Any] = leaf
    for _ in range(depth):
        schema = {
            "type": "object",
            "required": [name],
            "properties": {name: schema, "items": {"type": "array", "items": schema}},
        }
    return {"$schema": DRAFT, **schema}


def _instance(depth: int, name: str, bad: Any) -> Any:
    value: Any = bad
    for _ in range(depth):
        value = {name: value, "items": [value, value]}
    return value


@pytest.mark.parametrize("name", ["a", "a/b~c", LONG])
@pytest.mark.parametrize("depth", [1, 3, 6])
def test_nested_error_paths_match_jsonschema(depth: int, name: str) -> None:
    schema = _nested(depth, name)
    instance = _instance(depth, name, 42)
    ours = _ours(schema, instance)
    assert ours  # (the leaves are invalid)
    assert ours == _theirs(schema, instance)
    assert compile_validator(schema).is_valid(_instance(depth, name, "ok"))


def test_paths_are_built_where_errors_are_made() -> None:
    source = render_module(_nested(2, "a"))
    # near the top of a function no path is assigned on the way: the tuple is written in the
    # failing statement (deeper, where lines are shorter, long ones are assigned first)
    assert '(*p, "a", "a")' in source
    assert not re.search(r"^ {4,12}p\d+ = ", source, re.MULTILINE)


def test_long_paths_are_assigned_first_and_lines_fit() -> None:
    source = render_module(_nested(6, LONG))
    assert re.search(r"^\s*p\d+ = \(\*p\d*, ", source, re.MULTILINE)
    assert max(len(line) for line in source.splitlines()) <= 100
    instance = _instance(6, LONG, None)
    assert _ours(_nested(6, LONG), instance) == _theirs(_nested(6, LONG), instance)


CASES = [
    ({"a": "x", "b": 1}, True),
    ({"a": "x"}, False),  # b missing
    ({"b": 1}, False),  # a missing
    ({"a": 1, "b": 1}, False),  # a of the wrong type
    ({"a": "x", "b": "y"}, False),
    ({}, False),
    ("not an object", True),
]


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"minProperties": 1},
        # keywords between required and properties that call functions: nothing moves
        {"dependentSchemas": {"a": {"required": ["b"]}}},
        {"propertyNames": {"maxLength": 3}},
    ],
)
@pytest.mark.parametrize(("instance", "valid"), CASES)
def test_required_properties_read_at_once(
    extra: dict[str, Any], instance: Any, valid: bool
) -> None:
    schema = {
        "$schema": DRAFT,
        "required": ["a", "b", "c"][:2],
        "properties": {"a": {"type": "string"}, "b": {"type": "integer"}},
        **extra,
    }
    validator = compile_validator(schema)
    assert validator.is_valid(instance) is valid
    assert (not list(validator.iter_errors(instance))) is valid
    expected = jsonschema.Draft202012Validator(schema).is_valid(instance)
    assert expected is valid
    source = render_module(schema)
    moved = "dependentSchemas" not in extra and "propertyNames" not in extra
    assert ("except KeyError:" in source) is moved


def test_required_properties_without_checks_are_only_looked_up() -> None:
    schema = {
        "$schema": DRAFT,
        "required": ["a", "b"],
        "properties": {"a": {"description": "annotations only"}, "b": {"type": "string"}},
    }
    source = render_module(schema)
    assert 'if "a" not in x:' in source  # its value is never read
    validator = compile_validator(schema)
    assert validator.is_valid({"a": 1, "b": "x"})
    assert not validator.is_valid({"b": "x"})
    assert not validator.is_valid({"a": 1})
    assert not validator.is_valid({"a": 1, "b": 2})


def test_error_class_is_still_a_frozen_dataclass() -> None:
    validator = compile_validator({"type": "object", "properties": {"a/~b": {"type": "string"}}})
    error = next(iter(validator.iter_errors({"a/~b": 1})))
    assert error.path == "/a~1~0b"
    assert [f.name for f in dataclasses.fields(error)] == [
        "path",
        "schema_path",
        "keyword",
        "message",
    ]
    assert error == dataclasses.replace(error)
    assert hash(error) == hash(dataclasses.replace(error))
    assert repr(error).startswith("SchemaValidationError(path='/a~1~0b', schema_path=")
    with pytest.raises(dataclasses.FrozenInstanceError):
        error.path = "/other"  # type: ignore[misc]
    by_keyword = validator.SchemaValidationError(
        path="/x", schema_path="/s", keyword="type", message="m"
    )
    assert (by_keyword.path, by_keyword.schema_path, by_keyword.keyword) == ("/x", "/s", "type")
