"""``compile()`` checks what it is given before walking it (issue 10, items 1 and 4).

Every schema that is not valid under its draft's metaschema, every registry resource and
every ``$ref`` target that is not, and every non-finite number is refused with a
:class:`SchemaError` naming the JSON Pointer; everything valid compiles and agrees with
python-jsonschema.
"""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
import referencing
import referencing.jsonschema

from generator.compiler import compile
from generator.errors import SchemaError

D4 = "http://json-schema.org/draft-04/schema#"
D6 = "http://json-schema.org/draft-06/schema#"
D7 = "http://json-schema.org/draft-07/schema#"
D2019 = "https://json-schema.org/draft/2019-09/schema"


@pytest.mark.parametrize(
    ("schema", "pointer"),
    [
        (None, ""),
        (5, ""),
        ("schema", ""),
        ([{}], ""),
        ({"properties": []}, "/properties"),
        ({"allOf": True}, "/allOf"),
        ({"allOf": []}, "/allOf"),
        ({"$id": 5}, "/$id"),
        ({"items": [{}]}, "/items"),  # 2020-12: items is one schema
        ({"$schema": D7, "patternProperties": False}, "/patternProperties"),
        ({"$schema": D4, "properties": {"a": False}}, "/properties/a"),
        ({"$defs": {"a": {"$anchor": 5}}}, "/$defs/a/$anchor"),
        ({"properties": {"a": {"type": "strin"}}}, "/properties/a/type"),
        ({"$schema": 5}, "/$schema"),
        ({"required": "a"}, "/required"),
    ],
)
def test_invalid_schemas_are_refused_with_their_pointer(schema: Any, pointer: str) -> None:
    with pytest.raises(SchemaError) as caught:
        compile(schema)
    assert caught.value.pointer == pointer
    assert "not a valid schema" in str(caught.value)
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize("draft", [D4, D6, D7])
def test_dependencies_mixing_schemas_and_arrays_compiles(draft: str) -> None:
    schema = {"$schema": draft, "dependencies": {"a": {"required": ["c"]}, "b": ["a"]}}
    validator = compile(schema)
    reference = jsonschema.validators.validator_for(schema)(schema)
    for instance in ({}, {"a": 1}, {"a": 1, "c": 2}, {"b": 1}, {"a": 1, "b": 1, "c": 1}):
        assert validator.is_valid(instance) == reference.is_valid(instance), instance


@pytest.mark.parametrize(
    "contents",
    [[1, 2], {"properties": {"a": False}}, {"$id": 5}, {"$anchor": []}, {"properties": 4}],
)
def test_a_user_registry_is_only_checked_where_referenced(contents: Any) -> None:
    registry = referencing.Registry().with_resource(
        "urn:x", referencing.jsonschema.DRAFT4.create_resource(contents)
    )
    assert compile({"type": "string"}, registry=registry).is_valid("x")
    try:
        validator = compile({"$ref": "urn:x"}, registry=registry)
    except SchemaError as exc:
        assert str(exc).startswith("urn:x#")
    else:  # valid under the referring draft (2020-12): booleans are schemas there
        assert contents == {"properties": {"a": False}}
        assert validator.is_valid({"b": 1}) and not validator.is_valid({"a": 1})


def test_an_invalid_subresource_of_a_registry_resource_is_refused_when_reached() -> None:
    registry = referencing.Registry().with_resource(
        "urn:x",
        referencing.jsonschema.DRAFT202012.create_resource(
            {"$defs": {"a": {"$id": "urn:y", "properties": 4}}}
        ),
    )
    assert compile(True, registry=registry).is_valid(1)
    for ref in ("urn:y", "urn:x#/$defs/a"):
        with pytest.raises(SchemaError, match="properties: not a valid schema"):
            compile({"$ref": ref}, registry=registry)


@pytest.mark.parametrize(
    ("schema", "pointer"),
    [
        ({"unknown": {"properties": []}, "$ref": "#/unknown"}, "/unknown/properties"),
        ({"unknown": [1, {"allOf": {}}], "$ref": "#/unknown/1"}, "/unknown/1/allOf"),
        ({"$schema": D7, "$defs": {"a": {"type": 5}}, "$ref": "#/$defs/a"}, "/$defs/a/type"),
    ],
)
def test_reference_targets_outside_the_metaschemas_view_are_checked(
    schema: Any, pointer: str
) -> None:
    with pytest.raises(SchemaError) as caught:
        compile(schema)
    assert caught.value.pointer == pointer


def test_a_pointer_through_data_does_not_resolve() -> None:
    with pytest.raises(SchemaError, match="points to nothing") as caught:
        compile({"enum": [1, 2], "$ref": "#/enum/0/x"})
    assert caught.value.pointer == "/$ref"


def test_refusals_stay_short_however_big_the_document() -> None:
    big = {"description": "z" * 10_000}
    for schema in (
        {**big, "$ref": "#/nowhere" + "y" * 5000},
        {**big, "$ref": "#nope"},
        {**big, "properties": {"a": {"minLength": "z" * 5000}}},
    ):
        with pytest.raises(SchemaError) as caught:
            compile(schema)
        assert len(str(caught.value)) < 300, str(caught.value)[:300]


@pytest.mark.parametrize(
    ("schema", "pointer"),
    [
        ({"multipleOf": float("inf")}, "/multipleOf"),
        ({"maximum": float("-inf")}, "/maximum"),
        ({"const": float("nan")}, "/const"),
        ({"enum": [1, [float("inf")]]}, "/enum/1/0"),
        ({"default": {"a": float("nan")}}, "/default/a"),
        ({"unknown": float("inf")}, "/unknown"),
        ({"const": 10**5000}, "/const"),
    ],
)
def test_numbers_json_cannot_spell_are_refused(schema: Any, pointer: str) -> None:
    with pytest.raises(SchemaError) as caught:
        compile(schema)
    assert caught.value.pointer == pointer


def test_schemas_deeper_than_the_metaschema_validator_recurses_are_checked_in_slices() -> None:
    nested: Any = {"type": "integer"}
    for _ in range(1500):
        nested = {"allOf": [{"properties": {"a": nested}}]}
    assert compile(nested).is_valid({"a": 1})
    bad: Any = {"type": 5}
    for _ in range(1500):
        bad = {"allOf": [{"properties": {"a": bad}}]}
    with pytest.raises(SchemaError) as caught:
        compile(bad)
    assert caught.value.pointer == "/allOf/0/properties/a" * 1500 + "/type"


def test_a_root_the_loader_checked_is_not_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.compiler import scope
    from generator.load import load_contents
    from tests.conftest import render_case

    seen: list[object] = []
    real = scope.check_schema

    def counting(contents: object, *args: object, **kwargs: object) -> None:
        seen.append(contents)
        real(contents, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scope, "check_schema", counting)
    schema = {"$defs": {"A": {"type": "object", "properties": {"n": {"minimum": 1}}}}}
    assert load_contents(schema).metaschema_checked
    render_case(schema, "validators")
    assert all(contents is not schema for contents in seen)
    # a schema the loader was told not to check is checked by the compiler, and refused
    bad = {"$defs": {"A": {"type": "object", "minProperties": -1}}}
    unchecked = load_contents(bad, check_metaschema=False)
    assert not unchecked.metaschema_checked
    from generator.ir import build_ir
    from generator.targets import RenderJob, renderer

    job = RenderJob(ir=build_ir(unchecked), loaded=unchecked, targets=frozenset({"validators"}))
    with pytest.raises(SchemaError) as refused:
        renderer("validators")(job)
    assert refused.value.pointer == "/$defs/A/minProperties"
