"""``$ref``, ``$dynamicRef`` and ``$recursiveRef`` to named types.

A reference to a schema that deserves a name (an object with properties or a title, an enum,
a union) becomes a :class:`~generator.ir.types.Ref` to a named type registered at the
target's own location; a reference to anything else is converted in place. Lookups go
through :func:`resolve`, whose in-document fast path is :func:`in_document`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin

import referencing.exceptions

from generator.errors import SchemaError
from generator.ir import naming
from generator.ir.context import Context, Scope
from generator.ir.nodes import enum_values, is_object, ref_of, union_branches
from generator.ir.types import AnyType, Ref, TypeExpr
from generator.spec.pointer import NOWHERE, join_reference

#: Keywords a named type that is only a ``$ref`` may hold besides it.
_PURE_REF = frozenset({"$ref", "title", "description", "examples", "default", "$id"})


def root_scope(cx: Context) -> Scope:
    """The scope of the root document, at the URI it was loaded from."""
    loaded = cx.loaded
    resolver = loaded.registry.resolver(base_uri=loaded.uri)
    return Scope(resolver, loaded.uri)


def resolve(cx: Context, schema: dict[str, Any], scope: Scope, pointer: str) -> tuple[Any, Scope]:
    """The target of ``schema["$ref"]`` and the scope to go on with there (the target's own
    ``$id`` entered, as :mod:`referencing` enters it)."""
    ref = schema["$ref"]
    found = in_document(cx, ref, scope)
    if found is not NOWHERE:
        return found, scope
    try:
        return _look_up(cx, ref, scope)
    except (referencing.exceptions.Unresolvable, LookupError, TypeError, ValueError):
        pass
    try:  # referencing's own answer, and its words for what is wrong
        resolved = scope.resolver.lookup(ref)
    except referencing.exceptions.Unresolvable as exc:
        raise SchemaError(
            f"cannot resolve $ref {ref!r}: {exc}",
            file=cx.loaded.display_name,
            pointer=f"{pointer}/$ref",
        ) from None
    document = urldefrag(join_reference(scope.base, ref))[0]
    return resolved.contents, Scope(resolved.resolver, document)


def in_document(cx: Context, ref: str, scope: Scope) -> Any:
    """The target of a JSON Pointer ``ref`` into the root document, read directly by the one
    fast path (:meth:`generator.load.refs.References.root_pointer`); ``NOWHERE`` when the base
    is another document or the walk meets an ``$id``. The scope stays as it is: a pointer that
    meets no ``$id`` keeps the base URI."""
    return cx.references.root_pointer(scope.base, ref)


def _look_up(cx: Context, ref: str, scope: Scope) -> tuple[Any, Scope]:
    """``ref`` from ``scope``: its document by URI, then its fragment, entering each ``$id``
    met on the way with ``in_subresource`` as the base URI moves."""
    uri, fragment = urldefrag(join_reference(scope.base, ref))
    document = scope.resolver.lookup(uri)
    node, resolver, base = document.contents, document.resolver, uri
    if fragment.startswith("/"):
        for token in unquote(fragment[1:]).split("/"):
            step = token.replace("~1", "/").replace("~0", "~")
            node = node[int(step)] if isinstance(node, list) else node[step]
            own = _own_id(cx, node)
            if own is not None:
                resolver = resolver.in_subresource(own[0])
                base = urljoin(base, own[1])
    elif fragment:  # a plain-name anchor
        node = scope.resolver.lookup(ref).contents
        own = _own_id(cx, node)
        if own is not None:
            resolver = resolver.in_subresource(own[0])
            base = urljoin(base, own[1])
    else:
        return node, Scope(resolver, base)
    return node, Scope(resolver, base, at=id(node))


def _own_id(cx: Context, schema: Any) -> tuple[referencing.Resource[Any], str] | None:
    """The resource of a schema that declares its own ``$id`` (``id`` in draft 4), and the id."""
    if not isinstance(schema, dict) or cx.id_keyword not in schema:
        return None
    resource = cx.specification.create_resource(schema)
    own = resource.id()
    if not isinstance(own, str) or own.startswith("#"):
        return None
    return resource, own


def entered(cx: Context, schema: Any, scope: Scope) -> Scope:
    """Enter a subschema's ``$id`` (``id`` in draft 4) so relative refs resolve right."""
    if scope.at == id(schema):
        return scope
    own = _own_id(cx, schema)
    if own is None:
        return scope
    base = urljoin(scope.base, own[1])
    return Scope(scope.resolver.in_subresource(own[0]), base, at=id(schema))


def full_uri(scope: Scope, ref: str) -> str:
    """``ref`` resolved against the scope's base URI."""
    return join_reference(scope.base, ref)


def follow_pure_ref(cx: Context, schema: Any, scope: Scope, pointer: str) -> tuple[Any, Scope]:
    """A named type that is only a ``$ref`` to an unnamed schema takes that schema's shape."""
    seen: set[int] = set()
    while isinstance(schema, dict) and ref_of(schema) is not None:
        if not _PURE_REF.issuperset(schema):
            break
        target, target_scope = resolve(cx, schema, scope, pointer)
        if (isinstance(target, dict) and id(target) in cx.named_ids) or id(target) in seen:
            break
        seen.add(id(target))
        schema, scope = target, target_scope
    return schema, scope


def convert_ref(
    cx: Context, schema: dict[str, Any], scope: Scope, hint: str, pointer: str
) -> TypeExpr:
    """The type a ``$ref`` stands for: a named type's :class:`Ref`, or its target converted."""
    target, target_scope = resolve(cx, schema, scope, pointer)
    if isinstance(target, dict) and id(target) in cx.named_ids:
        return Ref(cx.named_ids[id(target)])
    if target is True or target is False or not isinstance(target, dict):
        return cx.convert(target, target_scope, hint, pointer)
    full = full_uri(scope, schema["$ref"])
    document, fragment = urldefrag(full)
    if _is_nameable(target):
        name = _name_from_uri(full, target)
        key = cx.register(name, target, target_scope, document, fragment)
        return Ref(key)
    if id(target) in cx.inline_stack:
        return AnyType("recursive reference to an unnamed schema")
    cx.inline_stack.append(id(target))
    outer = cx.doc_uri
    cx.doc_uri = document
    try:
        return cx.convert(target, target_scope, hint, fragment)
    finally:
        cx.inline_stack.pop()
        cx.doc_uri = outer


def dynamic_target(cx: Context, schema: dict[str, Any]) -> TypeExpr | None:
    """``$dynamicRef``/``$recursiveRef`` as a type: the document root when it holds the
    matching dynamic anchor (the meta-schema extension pattern), else ``Any``. The
    validators target honours the dynamic scope exactly."""
    root = cx.loaded.contents
    root_key = cx.order[0] if cx.order else None
    dynamic = schema.get("$dynamicRef")
    if isinstance(dynamic, str):
        anchor = urldefrag(dynamic)[1]
        if root_key and isinstance(root, dict) and root.get("$dynamicAnchor") == anchor:
            return Ref(root_key)
        return AnyType("dynamic reference")
    recursive = schema.get("$recursiveRef")
    if isinstance(recursive, str):
        if root_key and isinstance(root, dict) and root.get("$recursiveAnchor") is True:
            return Ref(root_key)
        return AnyType("recursive reference")
    return None


def _is_nameable(schema: dict[str, Any]) -> bool:
    if enum_values(schema) is not None:
        return True
    if is_object(schema) and ("properties" in schema or "title" in schema):
        return True
    branches = union_branches(schema)
    return branches is not None and len(branches[1]) >= 2


def _name_from_uri(uri: str, target: dict[str, Any]) -> str:
    if isinstance(target.get("title"), str) and target["title"].strip():
        return str(target["title"])
    base, fragment = urldefrag(uri)
    if fragment:
        token = fragment.rstrip("/").rsplit("/", 1)[-1]
        return token.replace("~1", "/").replace("~0", "~") or "Model"
    stem = Path(base.rstrip("/")).name.split(".")[0]
    return naming.class_name(stem)
