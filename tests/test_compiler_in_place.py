"""The compiler's in-place keywords: boolean schemas, ``type``, ``enum``/``const`` (JSON
equality), and which keywords apply in which dialect."""

from __future__ import annotations

from typing import Any

import pytest

from generator.compiler import compile
from generator.errors import SchemaError
from tests.compiler_support import assert_consistent


@pytest.mark.parametrize("schema", [True, False, {"not": True}, {"not": False}])
def test_boolean_schemas(schema: Any) -> None:
    valid = schema is True or schema == {"not": False}
    validator = compile(schema)
    for instance in (None, 0, "", [], {}):
        assert_consistent(validator, instance, valid)


def test_boolean_subschemas_everywhere() -> None:
    schema = {
        "properties": {"yes": True, "no": False},
        "items": False,
        "additionalProperties": True,
        "propertyNames": True,
    }
    validator = compile(schema)
    assert_consistent(validator, {"yes": 1}, True)
    assert_consistent(validator, {"no": 1}, False)
    assert_consistent(validator, [], True)
    assert_consistent(validator, [1], False)
    contains = compile({"contains": True})
    assert_consistent(contains, [], False)
    assert_consistent(contains, [None], True)


@pytest.mark.parametrize(
    ("schema", "instance", "valid"),
    [
        ({"const": 1}, 1.0, True),
        ({"const": 1}, True, False),
        ({"const": True}, 1, False),
        ({"const": 0}, False, False),
        ({"const": False}, False, True),
        ({"const": None}, False, False),
        ({"const": [1, {"a": 1.0}]}, [1.0, {"a": 1}], True),
        ({"const": [1, {"a": 1.0}]}, [True, {"a": 1}], False),
        ({"const": {"a": [0]}}, {"a": [False]}, False),
        ({"enum": [1, "a"]}, 1.0, True),
        ({"enum": [1, "a"]}, True, False),
        ({"enum": [[0], {"x": None}]}, [0.0], True),
        ({"enum": [[0], {"x": None}]}, [False], False),
        ({"enum": ["a", "b"]}, ["a"], False),
        ({"enum": [False]}, 0, False),
        ({"uniqueItems": True}, [1, 1.0], False),
        ({"uniqueItems": True}, [1, True], True),
        ({"uniqueItems": True}, [0, False, None, "", [], {}], True),
        ({"uniqueItems": True}, [{"a": [1]}, {"a": [1.0]}], False),
        ({"uniqueItems": True}, [[1, True], [True, 1]], True),
        ({"uniqueItems": True}, [{"a": 1, "b": 2}, {"b": 2, "a": 1}], False),
    ],
)
def test_json_equality(schema: Any, instance: Any, valid: bool) -> None:
    assert_consistent(compile(schema), instance, valid)


@pytest.mark.parametrize(
    ("schema", "instance", "valid"),
    [
        ({"minLength": 2}, "😀", False),  # one code point, two UTF-16 units
        ({"maxLength": 1}, "😀", True),
        ({"maxLength": 2}, "😀😀", True),
        ({"minLength": 3}, "e\u0301e", True),  # combining mark counts
        ({"type": "integer"}, True, False),  # bool is not an integer
        ({"type": "number"}, False, False),
        ({"type": "integer"}, 1.0, True),
        ({"type": ["object", "boolean"], "required": ["a"]}, True, True),
        ({"type": ["object", "boolean"], "required": ["a"]}, {}, False),
        ({"type": ["array", "null"], "minItems": 1}, None, True),
        ({"type": ["string", "integer"], "minLength": 2}, 5, True),
        ({"type": ["number", "integer"], "minimum": 2}, 1, False),
        ({"type": "integer", "$schema": "http://json-schema.org/draft-04/schema#"}, 1.0, False),
        ({"minimum": 10**30}, 10**30 - 1, False),
        ({"maximum": 1e308}, 10**400, False),
        ({"exclusiveMaximum": 0}, -(10**400), True),
    ],
)
def test_lengths_and_types(schema: Any, instance: Any, valid: bool) -> None:
    assert_consistent(compile(schema), instance, valid)


def test_unknown_keywords_and_dialects() -> None:
    assert compile({"frobnicate": 1, "type": "string"}).is_valid("x")
    with pytest.raises(SchemaError):
        compile({"type": "strnig"})
    with pytest.raises(SchemaError):
        compile({"minLength": "3"})


@pytest.mark.parametrize(
    "draft",
    [
        "https://json-schema.org/draft/2019-09/schema",
        "https://json-schema.org/draft/2020-12/schema",
    ],
)
def test_dependencies_is_not_a_2019_or_2020_keyword(draft: str) -> None:
    validator = compile({"$schema": draft, "dependencies": {"a": ["b"], "c": {"type": "null"}}})
    assert validator.is_valid({"a": 1}) and validator.is_valid({"c": 1})
