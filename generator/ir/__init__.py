"""Stage 2, loaded schema → :class:`SchemaIR`: the named types every target renders from.

The IR is target-neutral and immutable: it holds the facts (wire names, types, requiredness,
nullability, defaults, descriptions, examples) and the names decided by
:mod:`generator.ir.naming` (class, attribute, function and file names), which every target
shares so that links and imports between targets agree.

Modules: ``types`` (the frozen dataclasses), ``naming`` (identifiers and file stems),
``build`` (discovery queue, drafts, assembly; :func:`build_ir`), ``context`` (the state the
builder's modules share), ``convert`` (one schema node → type expression), ``nodes`` (what a
schema node says, read without resolving), ``references`` (``$ref`` and its dynamic forms),
``objects`` (properties → fields, ``allOf`` merging) and ``unions`` (``oneOf``/``anyOf``,
discriminator).
"""

from __future__ import annotations

from generator.ir.build import build_ir
from generator.ir.types import (
    JSON,
    MISSING,
    AliasType,
    AnyType,
    ArrayType,
    ConstType,
    Discriminator,
    EnumType,
    Field,
    InlineUnion,
    MapType,
    NamedType,
    Names,
    ObjectType,
    Primitive,
    PrimitiveKind,
    Ref,
    SchemaIR,
    TypeExpr,
    UnionType,
    strip_null,
)

__all__ = [
    "JSON",
    "MISSING",
    "AliasType",
    "AnyType",
    "ArrayType",
    "ConstType",
    "Discriminator",
    "EnumType",
    "Field",
    "InlineUnion",
    "MapType",
    "NamedType",
    "Names",
    "ObjectType",
    "Primitive",
    "PrimitiveKind",
    "Ref",
    "SchemaIR",
    "TypeExpr",
    "UnionType",
    "build_ir",
    "strip_null",
]
