"""Objects: properties → :class:`~generator.ir.types.Field`; ``allOf`` merged into one object."""

from __future__ import annotations

from typing import Any
from urllib.parse import urldefrag

from generator.ir import naming
from generator.ir.context import Context, Scope
from generator.ir.nodes import ANY, examples_of, text, types_of
from generator.ir.references import full_uri, resolve
from generator.ir.types import MISSING, Field, TypeExpr, strip_null
from generator.spec.pointer import escape

#: Keywords :func:`field` reads; a member schema without any takes the defaults.
_FIELD_ANNOTATIONS = frozenset({"default", "examples", "example", "description", "title"})


def object_parts(
    cx: Context, schema: dict[str, Any], scope: Scope, owner: str, pointer: str
) -> tuple[tuple[Field, ...], TypeExpr | None]:
    """The fields of an object schema and the type of its other members (``None``: forbidden)."""
    properties = schema.get("properties") or {}
    required = set(schema.get("required") or [])
    py_names = naming.unique([naming.snake_name(wire) for wire in properties])
    fields = []
    for (wire, sub), py_name in zip(properties.items(), py_names, strict=True):
        hint = owner + naming.class_name(wire, fallback="Field")
        outer = cx.doc_uri
        cx.doc_uri, sub_pointer = cx.origins.get(
            id(sub), (outer, f"{pointer}/properties/{escape(wire)}")
        )
        try:
            expr = cx.convert(sub, cx.scopes.get(id(sub), scope), hint, sub_pointer)
        finally:
            cx.doc_uri = outer
        fields.append(_field(wire, sub, expr, wire in required, py_name))
    additional_schema = schema.get("additionalProperties", True)
    if schema.get("unevaluatedProperties") is False and "additionalProperties" not in schema:
        additional_schema = False
    additional: TypeExpr | None
    if additional_schema is False:
        additional = None
    elif additional_schema is True or additional_schema == {} or "patternProperties" in schema:
        additional = ANY
    else:
        additional = cx.convert(
            additional_schema, scope, f"{owner}Value", f"{pointer}/additionalProperties"
        )
    return tuple(fields), additional


def _field(wire: str, sub: Any, expr: TypeExpr, required: bool, py_name: str) -> Field:
    target, nullable = strip_null(expr)
    if not isinstance(sub, dict) or _FIELD_ANNOTATIONS.isdisjoint(sub):
        return Field(
            wire_name=wire, py_name=py_name, type=target, required=required, nullable=nullable
        )
    return Field(
        wire_name=wire,
        py_name=py_name,
        type=target,
        required=required,
        nullable=nullable,
        default=sub.get("default", MISSING),
        description=text(sub.get("description")),
        examples=examples_of(sub),
        title=text(sub.get("title")),
    )


def merge_all_of(
    cx: Context,
    schema: dict[str, Any],
    scope: Scope,
    pointer: str,
    document: str | None = None,
) -> dict[str, Any] | None:
    """Merge ``allOf`` members that are all objects into one object schema, or give up.

    ``schema`` lives at ``pointer`` in ``document`` (the document being converted when
    ``None``); each merged property remembers where it came from in ``cx.origins``, and the
    scope of its member in ``cx.scopes``.
    """
    merged: dict[str, Any] = {"properties": {}, "required": []}
    home = cx.doc_uri if document is None else document
    members = schema["allOf"] if isinstance(schema["allOf"], list) else []
    parts = [{k: v for k, v in schema.items() if k != "allOf"}, *members]
    for index, part in enumerate(parts):
        current, current_scope = part, scope
        where = (home, pointer if index == 0 else f"{pointer}/allOf/{index - 1}")
        depth = 0
        while isinstance(current, dict) and "$ref" in current and depth < 50:
            ref = current["$ref"]
            if not isinstance(ref, str):
                return None
            full = full_uri(current_scope, ref)
            current, current_scope = resolve(cx, current, current_scope, where[1])
            where = urldefrag(full)
            depth += 1
        if not isinstance(current, dict):
            if current is True:
                continue
            return None
        if "allOf" in current:
            inner = merge_all_of(cx, current, current_scope, where[1], where[0])
            if inner is None:
                return None
            current = inner
        for name, sub in (current.get("properties") or {}).items():
            if isinstance(sub, dict) and id(sub) not in cx.origins:
                cx.origins[id(sub)] = (where[0], f"{where[1]}/properties/{escape(name)}")
        types = types_of(current)
        if types and "object" not in types:
            return None
        if types:
            known = merged.get("type")
            merged["type"] = [t for t in types if known is None or t in known]
        for key in ("anyOf", "oneOf", "not", "if"):
            if key in current:
                return None
        for sub in (current.get("properties") or {}).values():
            cx.scopes[id(sub)] = current_scope
        merged["properties"].update(current.get("properties") or {})
        merged["required"].extend(
            r for r in current.get("required") or [] if r not in merged["required"]
        )
        if "additionalProperties" in current and index > 0:
            merged["additionalProperties"] = current["additionalProperties"]
        for annotation in ("title", "description"):
            if annotation in current and annotation not in merged:
                merged[annotation] = current[annotation]
    if merged.get("type") in (None, ["object"]):
        merged["type"] = "object"
    return merged
