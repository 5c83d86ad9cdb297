"""The docs model's data: the types of Type cells, rows and models, and schema helpers.

:mod:`.spec` and :mod:`.shapes` build these from an OpenAPI document; :mod:`.openapi`,
:mod:`.tables` and :mod:`.usage` turn them into pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Literal, assert_never

from generator.targets.docs import names

# -- types of Type cells -------------------------------------------------------------------


@dataclass(frozen=True)
class Prim:
    """``string``, ``number``, ``boolean``, ``any``, ``Date``, ``RFCDate``, ``Uint8Array``,
    ``File`` (a multipart file) or ``ReadableStream``."""

    name: str


@dataclass(frozen=True)
class Const:
    value: Any


@dataclass(frozen=True)
class Arr:
    items: Type


@dataclass(frozen=True)
class MapOf:
    values: Type


@dataclass(frozen=True, eq=False)
class Ref:
    model: Model


Type = Prim | Const | Arr | MapOf | Ref
#: What page a model gets.
ModelKind = Literal["object", "enum", "union"]
ANY = Prim("any")
STRING = Prim("string")


@dataclass(eq=False)
class Row:
    wire: str
    schema: Any
    type: Type
    required: bool
    has_default: bool
    description: str | None
    #: The Example column's values (``None``: no example).
    examples: list[Any] | None
    deprecated: bool
    ts_name: str = ""
    #: The example a usage literal takes for this field, if any (``example``, ``examples[0]``,
    #: ``const``, ``default``).
    value: Any = None
    has_value: bool = False


@dataclass(eq=False)
class Model:
    kind: ModelKind
    name: str
    schema: Any
    description: str | None
    component: str | None = None
    deprecated: bool = False
    rows: list[Row] = field(default_factory=list)
    additional: Type | None = None
    values: list[Any] = field(default_factory=list)
    members: list[Type] = field(default_factory=list)
    #: An inline member's own example, by member position (literals of unnamed members).
    member_examples: dict[int, Any] = field(default_factory=dict)
    #: Schema-level example object (``example`` or ``examples[0]``), if any.
    example: Any = None
    has_example: bool = False
    #: Discriminator property → value, for a model that is a member of discriminated unions.
    discriminators: dict[str, Any] = field(default_factory=dict)
    #: Used somewhere other than as a discriminated union's member.
    plain_use: bool = False
    #: An enum used as a member's discriminator property: no page, ``*string*`` elsewhere.
    hidden: bool = False
    open: bool = False
    no_example: bool = False
    children: list[Model] = field(default_factory=list)
    #: False for models of an operation's inline schemas (named, but documented elsewhere).
    page: bool = True
    #: False while a deferred model's rows are still to come.
    filled: bool = True
    #: The short name an inline model wanted (lower-cased), before clashes were resolved.
    wanted: str = ""
    #: Whether the model's subtree carries ``example``/``examples`` (for withExample usage).
    carries_example: bool = False


@dataclass(frozen=True)
class Context:
    """Where an inline schema sits: its short name and the nearest enclosing component."""

    short: str
    enclosing: str
    multipart: bool = False
    #: False inside an operation's own schemas: their models take names but get no page.
    page: bool = True
    #: The name a component that is an array gives its items' model (its own class name).
    own_name: str | None = None
    #: Short names of the inline models between the enclosing component and here.
    path: tuple[str, ...] = ()
    #: Inside an anonymous union member: the union's short name and the member's position.
    union: str | None = None
    member: int | None = None
    #: How many models enclose this one inside its component (names go shallow ones first).
    depth: int = 0
    #: For an anonymous union member's own model: the union (it names the member).
    member_of: Any = None

    def sub(self, short: str, enclosing: str | None = None) -> Context:
        enclosing = self.enclosing if enclosing is None else enclosing
        return replace(self, short=short, enclosing=enclosing, own_name=None, member_of=None)

    def inside(self, component: str | None, enclosing: str) -> Context:
        """The context of the properties of the model this context names."""
        if component is not None:
            return replace(self, enclosing=enclosing, path=(), union=None, member=None, depth=1)
        deeper = self.depth + 1
        if self.member is not None and self.union is not None:
            return replace(self, member_of=None, depth=deeper)
        return replace(
            self, path=(*self.path, names.class_name(self.short)), member_of=None, depth=deeper
        )


def extra_example(model: Model) -> dict[str, Any] | None:
    """The members of the model's example that are no properties: the example of its
    ``additionalProperties`` (``None`` without such a row or such members)."""
    if model.additional is None or not model.has_example or not isinstance(model.example, dict):
        return None
    wires = {row.wire for row in model.rows}
    extra = {k: v for k, v in model.example.items() if k not in wires}
    return extra or None


def shows_required(model: Model, row: Row) -> bool:
    """The Required column: required without a default; discriminators of models used only
    as discriminated union members always."""
    if row.wire in model.discriminators and not model.plain_use:
        return True
    return row.required and not row.has_default


def model_of(typ: Type | None) -> Model | None:
    """The model ``typ`` names, through arrays and maps (``None`` for none)."""
    match typ:
        case Arr():
            return model_of(typ.items)
        case MapOf():
            return model_of(typ.values)
        case Ref():
            return typ.model
        case Prim() | Const() | None:
            return None
        case _:
            assert_never(typ)


def makes_model(schema: dict[str, Any]) -> bool:
    """Whether an anonymous union member becomes a model (and so takes a member name)."""
    types = types_of(schema)
    if "enum" in schema and not all(isinstance(v, bool) for v in schema["enum"] if v is not None):
        return True
    if "properties" in schema or "allOf" in schema or "oneOf" in schema or "anyOf" in schema:
        return True
    if types == ["object"] and not is_map(schema):
        return True
    if types == ["array"] or "items" in schema:
        items = schema.get("items")
        return isinstance(items, dict) and "$ref" not in items and makes_model(items)
    return False


def unique(values: list[Any]) -> list[Any]:
    """Enum values without repeats (JSON equality, first occurrence kept)."""
    seen: set[str] = set()
    out = []
    for value in values:
        key = json.dumps(value, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out


def types_of(schema: dict[str, Any]) -> list[str]:
    declared = schema.get("type")
    if isinstance(declared, str):
        return [] if declared == "null" else [declared]
    if isinstance(declared, list):
        return [t for t in declared if isinstance(t, str) and t != "null"]
    return []


def map_values(schema: dict[str, Any]) -> Any:
    """``additionalProperties`` when it makes a map (``True``, ``{}`` or a schema), else None."""
    value = schema.get("additionalProperties")
    if value is None or value is False:
        return None
    return value


def is_map(schema: dict[str, Any]) -> bool:
    return map_values(schema) is not None


def schema_example(schema: Any) -> tuple[bool, Any]:
    if not isinstance(schema, dict):
        return False, None
    if "example" in schema:
        return True, schema["example"]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return True, examples[0]
    return False, None


def examples_of(schema: Any) -> list[Any] | None:
    if not isinstance(schema, dict):
        return None
    if "example" in schema:
        return [schema["example"]]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return list(examples)
    if isinstance(examples, dict) and examples:  # OpenAPI Example Objects
        return [e.get("value") for e in examples.values() if isinstance(e, dict)] or None
    return None
