"""``oneOf``/``anyOf`` members as type expressions, and the OpenAPI discriminator mapping."""

from __future__ import annotations

from typing import Any

from generator.ir.context import Context, Scope
from generator.ir.nodes import is_object, union_branches
from generator.ir.references import resolve
from generator.ir.types import Discriminator, TypeExpr


def union_members(
    cx: Context, schema: dict[str, Any], scope: Scope, hint: str, pointer: str
) -> list[TypeExpr] | None:
    """The members of the schema's ``oneOf`` (else ``anyOf``), or ``None`` when it has none or
    its branches only refine a typed object (the object shape wins)."""
    found = union_branches(schema)
    if found is None:
        return None
    keyword, branches = found
    if ("properties" in schema or "type" in schema) and is_object(schema):
        return None
    return [
        cx.convert(
            branch,
            scope,
            f"{hint}{index + 1}" if len(branches) > 1 else hint,
            f"{pointer}/{keyword}/{index}",
        )
        for index, branch in enumerate(branches)
    ]


def discriminator(cx: Context, schema: dict[str, Any], scope: Scope) -> Discriminator | None:
    """The schema's ``discriminator``: its property, and each mapped value's named type."""
    spec = schema.get("discriminator")
    if not isinstance(spec, dict) or not isinstance(spec.get("propertyName"), str):
        return None
    mapping: list[tuple[str, str]] = []
    explicit = spec.get("mapping")
    if isinstance(explicit, dict):
        for value, ref in explicit.items():
            if isinstance(ref, str):
                target, _ = resolve(cx, {"$ref": ref}, scope, "/discriminator/mapping")
                if isinstance(target, dict) and id(target) in cx.named_ids:
                    mapping.append((str(value), cx.named_ids[id(target)]))
    return Discriminator(spec["propertyName"], tuple(mapping))
