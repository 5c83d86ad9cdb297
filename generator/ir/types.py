"""The intermediate representation: the named types every target renders from.

Target-neutral and immutable. It holds no Python or Markdown strings of any target; it holds
the facts (wire names, types, requiredness, nullability, defaults, descriptions, examples)
and the names decided by :mod:`generator.ir.naming` (class, attribute, function and file names),
which every target shares so that links and imports between targets agree.

Type expressions (:data:`TypeExpr`) describe the shape of one value; named types
(:data:`NamedType`) are the units that get a class, a page and a validator function.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal, TypeAlias

#: A JSON value as Python holds it (dict/list/str/int/float/bool/None).
JSON: TypeAlias = Any

PrimitiveKind = Literal["string", "integer", "number", "boolean", "null"]


class _Missing:
    """The absence of a default (distinct from a default of ``null``)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Primitive:
    kind: PrimitiveKind
    format: str | None = None


@dataclass(frozen=True)
class AnyType:
    """Any JSON value (an empty or ``true`` schema, or a construct no type can express)."""

    reason: str | None = None


@dataclass(frozen=True)
class ConstType:
    value: JSON


@dataclass(frozen=True)
class ArrayType:
    items: TypeExpr


@dataclass(frozen=True)
class MapType:
    """An object whose members are all of one type, with no declared fields."""

    values: TypeExpr


@dataclass(frozen=True)
class Ref:
    """A reference to a named type, by its IR name."""

    name: str


@dataclass(frozen=True)
class InlineUnion:
    """A union that has no name of its own (``string | components.Foo``)."""

    members: tuple[TypeExpr, ...]


TypeExpr: TypeAlias = Primitive | AnyType | ConstType | ArrayType | MapType | Ref | InlineUnion

_NULL = Primitive("null")


@dataclass(frozen=True)
class Names:
    """Every name the targets derive from one schema name, decided together."""

    #: The schema's own name for the type (``$defs`` key or title), shown in docs.
    schema: str
    #: Class-like name, unique among the types (neutral: the models target numbers its own
    #: clashes with the names models.py reserves, targets/models/names.py).
    cls: str
    #: snake_case name, unique, for functions such as ``is_valid_<snake>``.
    snake: str
    #: Lower-case file stem, unique case-insensitively, for doc pages.
    file: str


@dataclass(frozen=True)
class Field:
    wire_name: str
    py_name: str
    type: TypeExpr
    required: bool
    nullable: bool
    default: JSON = MISSING
    description: str | None = None
    examples: tuple[JSON, ...] = ()
    title: str | None = None

    @property
    def has_default(self) -> bool:
        return self.default is not MISSING


@dataclass(frozen=True)
class _Named:
    names: Names
    #: Where the type's schema lives: the document's URI (no fragment) and the fragment in it,
    #: a JSON Pointer (``/$defs/Foo``; empty for the whole document) or a plain-name anchor.
    uri: str
    pointer: str

    @property
    def location(self) -> str:
        """``uri#fragment``: what a ``$ref`` to this type would say."""
        return f"{self.uri}#{self.pointer}"

    description: str | None
    examples: tuple[JSON, ...]


@dataclass(frozen=True)
class ObjectType(_Named):
    fields: tuple[Field, ...]
    #: Type of members beyond ``fields``; ``None`` when they are forbidden.
    additional: TypeExpr | None = field(default_factory=AnyType)


@dataclass(frozen=True)
class EnumType(_Named):
    values: tuple[JSON, ...]
    #: Member names (UPPER_SNAKE), unique, one per value.
    member_names: tuple[str, ...]
    #: ``False`` for open enums, which accept values beyond ``values``.
    closed: bool = True


@dataclass(frozen=True)
class Discriminator:
    property: str
    #: Wire value → IR name of the member type.
    mapping: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class UnionType(_Named):
    members: tuple[TypeExpr, ...]
    discriminator: Discriminator | None = None


@dataclass(frozen=True)
class AliasType(_Named):
    """A named type that is not an object, enum or union: an array, map, primitive or const."""

    target: TypeExpr
    nullable: bool = False


NamedType: TypeAlias = ObjectType | EnumType | UnionType | AliasType


@dataclass(frozen=True)
class SchemaIR:
    """All named types of one schema, in a deterministic order (root first)."""

    root: str | None
    types: tuple[NamedType, ...]
    dialect: str
    source: str

    def get(self, name: str) -> NamedType:
        return self.by_name[name]

    @cached_property
    def by_name(self) -> dict[str, NamedType]:
        return {named.names.schema: named for named in self.types}


def strip_null(expr: TypeExpr) -> tuple[TypeExpr, bool]:
    """Split ``T | null`` into ``(T, True)``; anything else into ``(expr, False)``."""
    if isinstance(expr, InlineUnion):
        rest = tuple([m for m in expr.members if m != _NULL])
        if len(rest) != len(expr.members):
            if not rest:
                return _NULL, False
            return (rest[0] if len(rest) == 1 else InlineUnion(rest)), True
    return expr, False
