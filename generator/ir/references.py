"""``$ref``, ``$dynamicRef`` and ``$recursiveRef`` to named types.

A reference to a schema that deserves a name (an object with properties or a title, an enum,
a union) becomes a :class:`~generator.ir.types.Ref` to a named type registered at the
target's own location; a reference to anything else is converted in place. Lookups go
through :func:`resolve`, whose in-document fast path is :func:`in_document`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import referencing.exceptions

from generator.errors import SchemaError
from generator.ir import naming
from generator.ir.context import Context, Resolver
from generator.ir.nodes import enum_values, is_object, ref_of, union_branches
from generator.ir.types import AnyType, Ref, TypeExpr
from generator.load import NOWHERE, join_reference, pointer_target

#: Keywords a named type that is only a ``$ref`` may hold besides it.
_PURE_REF = frozenset({"$ref", "title", "description", "examples", "default", "$id"})


def resolve(
    cx: Context, schema: dict[str, Any], resolver: Resolver, pointer: str
) -> tuple[Any, Resolver]:
    """The target of ``schema["$ref"]`` and the resolver to go on with there."""
    ref = schema["$ref"]
    if ref.startswith("#/"):
        found = in_document(cx, ref, resolver)
        if found is not NOWHERE:
            return found, resolver
    try:
        resolved = resolver.lookup(ref)
    except referencing.exceptions.Unresolvable as exc:
        raise SchemaError(
            f"cannot resolve $ref {ref!r}: {exc}",
            file=cx.loaded.display_name,
            pointer=f"{pointer}/$ref",
        ) from None
    return resolved.contents, resolved.resolver


def in_document(cx: Context, ref: str, resolver: Resolver) -> Any:
    """What ``resolver.lookup(ref)`` finds for a JSON Pointer ``ref`` into the root document,
    read directly; ``NOWHERE`` when the base is another document or the walk meets anything
    :mod:`referencing` would treat specially (an ``$id`` moving the base, a missing member).

    :func:`generator.load.check_references` has resolved every ``$ref`` in the root document
    with :mod:`referencing` itself; this only skips its machinery the second time. The
    resolver stays as it is: looking up a pointer that meets no ``$id`` keeps the base URI
    and the registry.
    """
    base = resolver._base_uri  # noqa: SLF001
    if not base or base.endswith("#"):
        return NOWHERE
    resource = resolver._registry.get(base)  # noqa: SLF001
    if resource is None or resource.contents is not cx.loaded.contents:
        return NOWHERE
    return pointer_target(cx.loaded.contents, ref[1:])


def entered(cx: Context, schema: Any, resolver: Resolver) -> Resolver:
    """Enter a subschema's ``$id`` (``id`` in draft 4) so relative refs resolve right."""
    if not isinstance(schema, dict):
        return resolver
    own = schema.get(cx.id_keyword)
    if isinstance(own, str) and not own.startswith("#"):
        uri = urldefrag(urljoin(resolver._base_uri, own))[0]  # noqa: SLF001
        try:
            return resolver.lookup(uri).resolver
        except referencing.exceptions.Unresolvable:
            return resolver
    return resolver


def full_uri(resolver: Resolver, ref: str) -> str:
    """``ref`` resolved against the resolver's base URI."""
    return join_reference(resolver._base_uri, ref)  # noqa: SLF001


def follow_pure_ref(
    cx: Context, schema: Any, resolver: Resolver, pointer: str
) -> tuple[Any, Resolver]:
    """A named type that is only a ``$ref`` to an unnamed schema takes that schema's shape."""
    seen: set[int] = set()
    while isinstance(schema, dict) and ref_of(schema) is not None:
        if not _PURE_REF.issuperset(schema):
            break
        target, target_resolver = resolve(cx, schema, resolver, pointer)
        if (isinstance(target, dict) and id(target) in cx.named_ids) or id(target) in seen:
            break
        seen.add(id(target))
        schema, resolver = target, target_resolver
    return schema, resolver


def convert_ref(
    cx: Context, schema: dict[str, Any], resolver: Resolver, hint: str, pointer: str
) -> TypeExpr:
    """The type a ``$ref`` stands for: a named type's :class:`Ref`, or its target converted."""
    target, target_resolver = resolve(cx, schema, resolver, pointer)
    if isinstance(target, dict) and id(target) in cx.named_ids:
        return Ref(cx.named_ids[id(target)])
    if target is True or target is False or not isinstance(target, dict):
        return cx.convert(target, target_resolver, hint, pointer)
    full = full_uri(resolver, schema["$ref"])
    document, fragment = urldefrag(full)
    if _is_nameable(target):
        name = _name_from_uri(full, target)
        key = cx.register(name, target, target_resolver, document, fragment)
        return Ref(key)
    if id(target) in cx.inline_stack:
        return AnyType("recursive reference to an unnamed schema")
    cx.inline_stack.append(id(target))
    outer = cx.doc_uri
    cx.doc_uri = document
    try:
        return cx.convert(target, target_resolver, hint, fragment)
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
