"""References and applications in the compiler: loops refused or raised when reached, chains,
unresolvable references, deep schemas and deep instances."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.compiler import compile
from generator.errors import SchemaError
from tests.compiler_support import assert_consistent, errors


@pytest.mark.parametrize(
    ("schema", "pointer"),
    [
        ({"$ref": "#"}, "/$ref"),
        ({"$ref": "#", "additionalProperties": False}, "/$ref"),
        ({"allOf": [{"type": "number"}], "$ref": "#"}, "/$ref"),
        ({"allOf": [{"allOf": [{"$ref": "#/$defs/a"}]}], "$defs": {"a": {"$ref": "#"}}}, "/$ref"),
        (
            {"$schema": "http://json-schema.org/draft-07/schema#", "allOf": [{"$ref": "#"}]},
            "/allOf/0/$ref",
        ),
    ],
)
def test_a_schema_applying_itself_unconditionally_is_refused(schema: Any, pointer: str) -> None:
    # no instance has an answer (every one would be an error): refused at compile time
    with pytest.raises(SchemaError, match="applies itself to the same instance") as caught:
        compile(schema)
    assert caught.value.pointer in (pointer, "/$defs/a/$ref")


def test_a_draft7_ref_overrides_its_looping_allof() -> None:
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "allOf": [{"$ref": "#"}]}
    assert compile({**schema, "$ref": "#/definitions/x", "definitions": {"x": {}}}).is_valid(1)


def test_self_reference_loop_raises_when_reached() -> None:
    validator = compile({"anyOf": [{"$ref": "#"}, {"type": "string"}]})
    with pytest.raises(validator.SchemaLoopError, match="infinite reference loop"):
        validator.is_valid(1)
    with pytest.raises(RuntimeError, match="^#: infinite reference loop"):
        list(validator.iter_errors(1))


def test_mutual_reference_loop_only_matters_when_reached() -> None:
    schema = {
        "properties": {"a": {"$ref": "#/$defs/a"}},
        "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"$ref": "#/$defs/a"}, {}]}},
    }
    validator = compile(schema, definitions={"a": "/$defs/a"})
    assert_consistent(validator, {"b": 1}, True)
    with pytest.raises(validator.SchemaLoopError) as caught:
        validator.is_valid({"a": 1})
    assert caught.value.schema_path in ("/$defs/a", "/$defs/b", "/$defs/b/anyOf/0")  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError):
        validator.function("is_valid_a")(1)


def test_recursion_through_children_is_fine() -> None:
    tree = {
        "type": "object",
        "properties": {"value": {"type": "integer"}, "kids": {"items": {"$ref": "#"}}},
    }
    validator = compile(tree)
    assert "def _v1" in validator.source
    assert_consistent(validator, {"value": 1, "kids": [{"kids": [{"value": 2}]}]}, True)
    assert_consistent(validator, {"kids": [{"kids": [{"value": "x"}]}]}, False)
    assert errors(validator, {"kids": [{"kids": [{"value": "x"}]}]}) == [
        ("/kids/0/kids/0/value", "type")
    ]


def test_unresolvable_ref_is_a_schema_error() -> None:
    with pytest.raises(SchemaError) as caught:
        compile({"properties": {"a": {"$ref": "#/$defs/missing"}}})
    assert caught.value.pointer == "/properties/a/$ref"


def test_deep_instance_does_not_crash() -> None:
    validator = compile({"items": {"$ref": "#"}})
    instance: Any = []
    for _ in range(100_000):
        instance = [instance]
    assert validator.is_valid(instance) is False
    found = list(validator.iter_errors(instance))
    assert [e.keyword for e in found] == ["$depth"]
    with pytest.raises(ValueError, match="nested too deeply"):
        validator.validate(instance)
    assert compile({"type": "array"}).is_valid(instance)


@pytest.mark.parametrize(
    "schema",
    [
        {"items": {"$ref": "#"}},
        # recursive only through a tuple of functions (oneOf, and anyOf of four or more)
        {"oneOf": [{"type": "null"}, {"type": "array", "items": {"$ref": "#"}}]},
        {
            "anyOf": [
                {"type": "null"},
                {"type": "boolean"},
                {"type": "string"},
                {"items": {"$ref": "#"}},
            ]
        },
    ],
)
def test_recursive_modules_refuse_too_deep_instances_when_native(schema: Any) -> None:
    # Compiled by mypyc, recursion has no limit and would overflow the C stack: the module of
    # a recursive schema checks the nesting first when native. Pretend to be native here.
    validator = compile(schema)
    namespace = validator.module.__dict__
    assert "_too_nested" in namespace, "the call graph missed the recursion"
    namespace["_NATIVE"] = True
    instance: Any = []
    for _ in range(2_000):
        instance = [instance]
    assert validator.is_valid(instance) is False
    assert [e.keyword for e in validator.iter_errors(instance)] == ["$depth"]
    assert validator.is_valid([[[]]]) is True  # (shallow ones are validated)


def test_a_schema_that_cannot_recurse_has_no_depth_check() -> None:
    assert "_too_nested" not in compile({"oneOf": [{"type": "null"}, {"items": {}}]}).source


def test_deep_schemas_compile() -> None:
    nested: Any = {"type": "integer"}
    for _ in range(2000):
        nested = {"type": "object", "properties": {"a": nested}}
    validator = compile(nested)
    instance: Any = 1
    for _ in range(2000):
        instance = {"a": instance}
    assert validator.is_valid(instance)
    chained: Any = {"type": "integer"}
    for _ in range(2000):
        chained = {"allOf": [chained]}
    validator = compile(chained)
    assert_consistent(validator, 1, True)
    assert_consistent(validator, "x", False)


def test_absurdly_deep_schema_data_is_a_schema_error() -> None:
    value: Any = 1
    for _ in range(5000):
        value = [value]
    with pytest.raises(SchemaError, match="nested too deeply"):
        compile({"const": value})


def test_metaschema_validates_schemas() -> None:
    validator = compile({"$ref": "https://json-schema.org/draft/2020-12/schema"})
    for schema in (True, False, {}, {"properties": {"a": True, "b": False}}, {"items": True}):
        assert_consistent(validator, schema, True)
    for schema in (1, {"type": "strnig"}, {"minLength": -1}, {"properties": {"a": 1}}):
        assert_consistent(validator, schema, False)


def test_a_chain_of_thousands_of_refs_gets_the_right_answer() -> None:
    links = 3000
    defs: dict[str, Any] = {f"d{i}": {"$ref": f"#/$defs/d{i + 1}"} for i in range(links)}
    defs[f"d{links}"] = {"type": "string"}
    validator = compile({"$defs": defs, "$ref": "#/$defs/d0"})
    assert_consistent(validator, "x", True)
    assert_consistent(validator, 1, False)


def test_a_chain_of_thousands_of_applications_is_refused() -> None:
    links = 3000
    defs: dict[str, Any] = {
        f"d{i}": {"$ref": f"#/$defs/d{i + 1}", "minLength": 0} for i in range(links)
    }
    defs[f"d{links}"] = {"type": "string"}
    with pytest.raises(SchemaError, match="more than 250 subschemas apply to one value"):
        compile({"$defs": defs, "$ref": "#/$defs/d0"})


def test_definitions_of_a_file_with_its_own_id_resolve_under_that_id(tmp_path: Path) -> None:
    # The IR names a definition by the file's URI; inside the file the root's $id is the base,
    # so the definition's relative $id and its $refs resolve under it, not next to the file.
    import builtins
    import json

    from tests.conftest import render_case

    schema = {
        "$id": "https://example.com/root.json",
        "type": "object",
        "properties": {"a": {"$ref": "sub/item.json"}},
        "$defs": {
            "Item": {
                "$id": "sub/item.json",
                "type": "object",
                "properties": {"n": {"$ref": "#/$defs/N"}},
                "$defs": {"N": {"enum": [1, 2]}},
            }
        },
    }
    path = tmp_path / "ids.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    source = render_case(path, "validators")["validators.py"]
    namespace: dict[str, Any] = {}
    exec(builtins.compile(source, "validators.py", "exec"), namespace)  # noqa: S102 - the module under test
    assert namespace["is_valid_item"]({"n": 1})
    assert [e.path for e in namespace["iter_errors_item"]({"n": 3})] == ["/n"]
    assert [e.path for e in namespace["iter_errors"]({"a": {"n": 3}})] == ["/a/n"]
