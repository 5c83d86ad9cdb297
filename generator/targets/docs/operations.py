"""The operations' side of the docs walk: which component schemas an API uses, in the order
Speakeasy meets them (paths in document order; per operation its parameters, request body and
responses), which bodies are errors (no page), and the security page.
"""

from __future__ import annotations

from typing import Any

from generator.spec.keywords import subschemas
from generator.targets.docs import names
from generator.targets.docs.model import STRING, Context, Model, Row, Type, model_of
from generator.targets.docs.spec import DocsModel

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def walk(docs: DocsModel) -> None:
    paths = docs.document.raw.get("paths") or {}
    for item in paths.values():
        item = docs.document.deref(item)
        if not isinstance(item, dict):
            continue
        shared = item.get("parameters") or []
        for method in item:
            operation = item[method]
            if method not in METHODS or not isinstance(operation, dict):
                continue
            _operation(docs, operation, shared)
    # A document without operations (schemas only) documents every component.
    every = not any(isinstance(item, dict) and item for item in paths.values())
    for key, schema in docs.document.schemas.items():
        if every or (isinstance(schema, dict) and schema.get("x-speakeasy-include") is True):
            docs.component(key)
    _security(docs)


def _operation(docs: DocsModel, operation: dict[str, Any], shared: list[Any]) -> None:
    op_name = names.pascal(str(operation.get("operationId") or "")) or "Operation"
    _parameters(docs, operation, shared, op_name)
    _body(docs, operation, op_name)
    _responses(docs, operation, op_name)


def _parameters(
    docs: DocsModel, operation: dict[str, Any], shared: list[Any], op_name: str
) -> None:
    for parameter in [*shared, *(operation.get("parameters") or [])]:
        parameter = docs.document.deref(parameter)
        if isinstance(parameter, dict):
            short = names.pascal(str(parameter.get("name") or "")) or "Parameter"
            ctx = Context(short, f"{op_name}Request", page=False)
            _operation_schema(docs, parameter.get("schema"), ctx)


def _body(docs: DocsModel, operation: dict[str, Any], op_name: str) -> None:
    body = docs.document.deref(operation.get("requestBody"))
    if isinstance(body, dict):
        for media, content in (body.get("content") or {}).items():
            if isinstance(content, dict):
                short = f"{op_name}RequestBody"
                ctx = Context(short, short, media.startswith("multipart/"), page=False)
                _operation_schema(docs, content.get("schema"), ctx)


def _responses(docs: DocsModel, operation: dict[str, Any], op_name: str) -> None:
    for status, response in (operation.get("responses") or {}).items():
        response = docs.document.deref(response)
        if not isinstance(response, dict):
            continue
        error = str(status)[:1] in ("4", "5")
        for content in (response.get("content") or {}).values():
            if isinstance(content, dict):
                short = f"{op_name}ResponseBody"
                ctx = Context(short, short, page=False)
                _operation_schema(docs, content.get("schema"), ctx, error=error, response=not error)


def _operation_schema(
    docs: DocsModel, schema: Any, ctx: Context, *, error: bool = False, response: bool = False
) -> None:
    """Walk a schema owned by an operation: its components get pages, it gets none."""
    if not isinstance(schema, dict):
        return
    if isinstance(schema.get("$ref"), str):
        key, _ = docs.document.resolve(schema["$ref"])
        if key is None:
            return
        if error:
            docs.errors.add(key)
            _scan(docs, docs.document.schemas[key], set())
            return
        typ = docs.component(key, multipart=ctx.multipart)
        model = model_of(typ)
        if model is not None:
            model.plain_use = True
        if response:
            _note_response(docs, typ)
        return
    if error:  # inline error bodies are named in their own namespace
        _scan(docs, schema, set())
        return
    typ = docs.type_of(schema, ctx)
    if response:
        _note_response(docs, typ)


def _scan(docs: DocsModel, schema: Any, seen: set[int]) -> None:
    """Visit the components an error body refers to (the body itself has no page)."""
    if not isinstance(schema, dict) or id(schema) in seen:
        return
    seen.add(id(schema))
    if isinstance(schema.get("$ref"), str):
        key, target = docs.document.resolve(schema["$ref"])
        if key is not None and key in docs.errors:
            _scan(docs, target, seen)
        elif key is not None:
            _note_response(docs, docs.component(key))
        return
    for _, sub in subschemas(schema):
        _scan(docs, sub, seen)


def _note_response(docs: DocsModel, typ: Type) -> None:
    model = model_of(typ)
    if model is not None:
        docs.response_roots.append(model)


def _security(docs: DocsModel) -> None:
    schemes = (docs.document.raw.get("components") or {}).get("securitySchemes") or {}
    if not isinstance(schemes, dict) or not schemes:
        return
    model = Model(kind="object", name="Security", schema={}, description=None)
    for key, scheme in schemes.items():
        scheme = docs.document.deref(scheme)
        if not isinstance(scheme, dict):
            continue
        example = scheme.get("x-speakeasy-example")
        model.rows.append(
            Row(
                wire=key,
                schema={},
                type=STRING,
                required=example is not None,
                has_default=False,
                description=None,
                examples=[example] if example is not None else None,
                deprecated=False,
                ts_name=names.camel(key),
                value=example,
                has_value=example is not None,
            )
        )
    docs.security = model
