"""What one schema node says, read without resolving anything, and the shared type expressions.

Pure functions over a schema dict (its types, declared or implied; its enum values; whether it
is an object; its annotations) and the constructors of the type expressions every module of
the stage builds (primitives, flattened unions). No state, no ``$ref`` following.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from generator.ir.types import AnyType, InlineUnion, Primitive, PrimitiveKind, TypeExpr
from generator.spec.keywords import ANNOTATION_KEYWORDS

PRIMITIVES: tuple[PrimitiveKind, ...] = ("string", "integer", "number", "boolean", "null")
PRIMITIVE_SET = frozenset(PRIMITIVES)
#: Type expressions are immutable: the common ones are built once and shared.
ANY = AnyType()
NULL = Primitive("null")

#: Keywords that leave a schema's type as it is: the annotations, identifiers, the
#: containers of definitions, and OpenAPI's ``example`` and ``nullable`` (rewritten already).
_ANNOTATIONS = ANNOTATION_KEYWORDS | {
    "$id",
    "$schema",
    "$anchor",
    "$defs",
    "definitions",
    "nullable",
    "example",
}
_ANNOTATIONS_AND_REF = _ANNOTATIONS | {"$ref"}


def only_annotations(schema: dict[str, Any], keep: str) -> bool:
    """Whether ``schema`` holds nothing but annotations and the keyword ``keep``."""
    allowed = _ANNOTATIONS_AND_REF if keep == "$ref" else _ANNOTATIONS | {keep}
    return allowed.issuperset(schema)


def ref_of(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref if isinstance(ref, str) else None


def enum_values(schema: dict[str, Any]) -> tuple[Any, ...] | None:
    values = schema.get("enum")
    if isinstance(values, list) and values:
        return tuple(values)
    return None


def types_of(schema: dict[str, Any]) -> list[str]:
    """The schema's ``type`` as a list, or the type its keywords imply (``properties`` → object)."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return [declared]
    if isinstance(declared, list):
        return [t for t in declared if isinstance(t, str)]
    if any(k in schema for k in ("properties", "additionalProperties", "required")):
        return ["object"]
    if any(k in schema for k in ("items", "prefixItems", "minItems", "maxItems")):
        return ["array"]
    return []


def is_object(schema: dict[str, Any]) -> bool:
    non_null = [t for t in types_of(schema) if t != "null"]
    return non_null == ["object"]


def format_of(schema: dict[str, Any]) -> str | None:
    fmt = schema.get("format")
    return fmt if isinstance(fmt, str) else None


def text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def examples_of(schema: dict[str, Any]) -> tuple[Any, ...]:
    """``examples``, or OpenAPI's single ``example``, as a tuple."""
    examples = schema.get("examples")
    if not isinstance(examples, list):
        examples = [schema["example"]] if "example" in schema else []
    return tuple(examples)


def union(members: list[TypeExpr]) -> TypeExpr:
    """The flattened union of ``members``; ``Any`` (nullable or not) absorbs the rest."""
    if len(members) == 1 and not isinstance(members[0], (InlineUnion, AnyType)):
        return members[0]  # the common case, as the loop below would answer it
    flat: list[TypeExpr] = []
    for member in members:
        for part in member.members if isinstance(member, InlineUnion) else (member,):
            if part not in flat:
                flat.append(part)
    if any(isinstance(m, AnyType) for m in flat):
        nullable = NULL in flat
        return InlineUnion((ANY, NULL)) if nullable else ANY
    return flat[0] if len(flat) == 1 else InlineUnion(tuple(flat))


@lru_cache(maxsize=1024)
def primitives(kinds: tuple[str, ...], fmt: str | None) -> TypeExpr:
    """The union of the primitive types ``kinds``, ``fmt`` the format of a string."""
    return union([primitive(kind, fmt if kind == "string" else None) for kind in kinds])


@lru_cache(maxsize=1024)
def primitive(kind: str, fmt: str | None = None) -> TypeExpr:
    for known in PRIMITIVES:
        if kind == known:
            return Primitive(known, fmt)
    return AnyType(f"unknown type {kind!r}")


def union_branches(schema: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """The first of ``oneOf``/``anyOf`` that holds a non-empty list, with its keyword."""
    for keyword in ("oneOf", "anyOf"):
        branches = schema.get(keyword)
        if isinstance(branches, list) and branches:
            return keyword, branches
    return None
