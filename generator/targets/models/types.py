"""Type expressions as Python: annotation strings, JSON shapes, inline checks.

:class:`TypeView` looks type expressions up among the module's named types and says what
each is in Python: its annotation, the JSON types its values can have, and the inline
condition under which a value loads unchanged. It also notes what the module so far uses
(``typing`` names, aliases of shadowed builtins, the validators), for the module's head.

Every dispatch over the IR's kinds in this target ends in ``assert_never``, so ``mypy
--strict`` names each place a new kind must be handled. The per-expression ones (here, in
:mod:`.loading` and :mod:`.dumping`) are ``isinstance`` chains, the most frequent kinds
first; the others are ``match`` statements.
"""

from __future__ import annotations

from typing import Any, Literal, assert_never

from generator.errors import GeneratorError
from generator.ir import (
    AliasType,
    AnyType,
    ArrayType,
    ConstType,
    EnumType,
    InlineUnion,
    MapType,
    NamedType,
    ObjectType,
    Primitive,
    Ref,
    TypeExpr,
    UnionType,
)
from generator.targets.models.literals import Literals, is_short_int, json_type_name, tupled

#: ``typing`` names the module uses (no class takes them: :mod:`.names` reserves the
#: capitalised ones, and class names are never lower-case).
TYPING_NAMES = (
    "Any",
    "ClassVar",
    "Final",
    "Literal",
    "NoReturn",
    "Self",
    "TypeAlias",
    "TypeGuard",
    "TypeVar",
    "cast",
)

_PRIMITIVE_ANNOTATION = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
}

_PRIMITIVE_CHECK = {
    "string": "isinstance({var}, str)",
    "integer": "_is_int({var})",
    "number": "_is_number({var})",
    "boolean": "isinstance({var}, bool)",
    "null": "{var} is None",
}

#: Bounds on annotations, beyond which a type widens (honestly: the validator, which
#: ``from_dict`` runs first, still checks the full schema). A union of thousands of members
#: is a chain of ``|`` that overflows ruff's stack; a ``Literal`` of a megabyte is no help.
MAX_UNION_MEMBERS = 256
MAX_LITERAL_CHARS = 200

#: Kinds of type expression whose values load unchanged, and the containers, as tuples for
#: ``isinstance``.
PLAIN_EXPRS = (Primitive, AnyType, ConstType)
CONTAINER_EXPRS = (ArrayType, MapType)

Shape = frozenset[str]
_ALL: Shape = frozenset({"object", "array", "string", "number", "boolean", "null"})

EnumKind = Literal["str", "literal", "int", "float", "any"]


def enum_kind(enum: EnumType) -> EnumKind:
    """How an enum is written: a StrEnum, a ``Literal`` alias, ``int``/``float``, ``Any``."""
    values = enum.values
    if all(isinstance(v, str) for v in values):
        return "str"
    if all(v is None or isinstance(v, str) or is_short_int(v) for v in values):
        return "literal"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "float"
    return "any"


def is_plain(alias: AliasType) -> bool:
    """An alias of a primitive/const/Any: values load unchanged."""
    return isinstance(alias.target, PLAIN_EXPRS)


def describe(named: NamedType) -> str:
    """The docstring text of a named type: its description and where its schema is."""
    text = named.description or f"The ``{named.names.schema}`` schema."
    where = named.pointer or "/"
    return f"{text}\n\nSchema location: ``{where}``."


class TypeView:
    """The module's named types, and type expressions as annotations, shapes and checks."""

    def __init__(self, types: tuple[NamedType, ...]) -> None:
        self.types = types
        self.by_name: dict[str, NamedType] = {t.names.schema: t for t in types}
        self.lit = Literals()
        #: What the module uses so far: ``typing`` names, builtins a field shadows (written
        #: as ``_str`` and so on), and whether generated code calls the validators module.
        self.used_typing: set[str] = set()
        self.builtin_aliases: set[str] = set()
        self.validators_used = False

    def t(self, name: str) -> str:
        """A ``typing`` name, noted as used (for the module's imports)."""
        self.used_typing.add(name)
        return name

    def named(self, ref: Ref) -> NamedType:
        try:
            return self.by_name[ref.name]
        except KeyError:
            raise GeneratorError(f"the IR refers to an unknown type {ref.name!r}") from None

    # -- shapes and checks ------------------------------------------------------------------

    def shape(self, expr: TypeExpr, seen: frozenset[str] = frozenset()) -> Shape:
        """The JSON types a value of ``expr`` can have."""
        if isinstance(expr, Primitive):
            return frozenset({"number" if expr.kind == "integer" else expr.kind})
        if isinstance(expr, Ref):
            if expr.name in seen:
                return _ALL
            return self.named_shape(self.named(expr), seen | {expr.name})
        if isinstance(expr, AnyType):
            return _ALL
        if isinstance(expr, ConstType):
            kind = json_type_name(expr.value)
            return frozenset({"number" if kind == "integer" else kind})
        if isinstance(expr, ArrayType):
            return frozenset({"array"})
        if isinstance(expr, MapType):
            return frozenset({"object"})
        if isinstance(expr, InlineUnion):
            return frozenset().union(*(self.shape(m, seen) for m in expr.members))
        assert_never(expr)

    def named_shape(self, named: NamedType, seen: frozenset[str]) -> Shape:
        if isinstance(named, ObjectType):
            return frozenset({"object"})
        if isinstance(named, EnumType):
            if not named.closed:
                return frozenset({"string"}) if enum_kind(named) == "str" else _ALL
            kinds = (json_type_name(v) for v in named.values)
            return frozenset("number" if k == "integer" else k for k in kinds)
        if isinstance(named, UnionType):
            return frozenset().union(*(self.shape(m, seen) for m in named.members))
        if isinstance(named, AliasType):
            base = self.shape(named.target, seen)
            return base | {"null"} if named.nullable else base
        assert_never(named)

    def check(self, expr: TypeExpr, var: str) -> str | None:
        """A condition true when ``var`` is a value of ``expr`` that loads unchanged.

        ``None`` when ``expr`` needs conversion (classes, enums, containers, unions).
        ``"True"`` for :class:`AnyType`.
        """
        if isinstance(expr, Primitive):
            return _PRIMITIVE_CHECK[expr.kind].format(var=var)
        if isinstance(expr, AnyType):
            return "True"
        if isinstance(expr, ConstType):
            value = expr.value
            if isinstance(value, str):
                return f"{var} == {self.lit.string(value)}"
            if value is None or isinstance(value, bool):
                return f"{var} is {value!r}"
            return f"_json_equal({var}, {self.lit.flat(tupled(value))})"
        if isinstance(expr, Ref):
            named = self.named(expr)
            if isinstance(named, EnumType) and enum_kind(named) != "str":
                return f"_is_{named.names.snake}({var})" if named.closed else "True"
            if isinstance(named, AliasType) and is_plain(named):
                inner = self.check(named.target, var)
                assert inner is not None
                if named.nullable and inner != "True":
                    return f"({var} is None or {inner})"
                return inner
            return None
        if isinstance(expr, CONTAINER_EXPRS) or isinstance(expr, InlineUnion):
            return None
        assert_never(expr)

    # -- annotations ------------------------------------------------------------------------

    def annotation(self, expr: TypeExpr, shadow: frozenset[str] = frozenset()) -> str:
        """The annotation for ``expr``; builtins a field shadows use module aliases."""
        return " | ".join(self.annotation_parts(expr, shadow))

    def builtin(self, name: str, shadow: frozenset[str]) -> str:
        if name in shadow:
            self.builtin_aliases.add(name)
            return f"_{name}"
        return name

    def annotation_parts(self, expr: TypeExpr, shadow: frozenset[str]) -> list[str]:
        if isinstance(expr, Primitive):
            text = _PRIMITIVE_ANNOTATION[expr.kind]
            return [text if text == "None" else self.builtin(text, shadow)]
        if isinstance(expr, Ref):
            named = self.named(expr)
            if isinstance(named, EnumType) and not named.closed and enum_kind(named) == "str":
                return [named.names.cls, self.builtin("str", shadow)]
            return [named.names.cls]
        if isinstance(expr, AnyType):
            return [self.t("Any")]
        if isinstance(expr, ConstType):
            return [self.const_annotation(expr.value, shadow)]
        if isinstance(expr, ArrayType):
            return [f"{self.builtin('list', shadow)}[{self.annotation(expr.items, shadow)}]"]
        if isinstance(expr, MapType):
            key = self.builtin("str", shadow)
            value = self.annotation(expr.values, shadow)
            return [f"{self.builtin('dict', shadow)}[{key}, {value}]"]
        if isinstance(expr, InlineUnion):
            parts: list[str] = []
            for member in expr.members:
                for part in self.annotation_parts(member, shadow):
                    if part not in parts:
                        parts.append(part)
            if len(parts) > MAX_UNION_MEMBERS:
                return [self.t("Any")]  # (the validator still says which members are valid)
            if "None" in parts:
                parts.remove("None")
                parts.append("None")
            return parts
        assert_never(expr)

    def const_annotation(self, value: Any, shadow: frozenset[str]) -> str:
        if value is None:
            return "None"
        if isinstance(value, str) and len(value) > MAX_LITERAL_CHARS:
            return self.builtin("str", shadow)
        if isinstance(value, str | bool) or is_short_int(value):
            return f"{self.t('Literal')}[{self.lit.flat(value)}]"
        if isinstance(value, int):
            return self.builtin("int", shadow)
        if isinstance(value, float):
            return self.builtin("float", shadow)
        if isinstance(value, list):
            return f"{self.builtin('list', shadow)}[{self.t('Any')}]"
        return f"{self.builtin('dict', shadow)}[{self.builtin('str', shadow)}, {self.t('Any')}]"
