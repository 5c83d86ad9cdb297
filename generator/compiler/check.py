"""The compiler's gate: every schema is checked before anything walks it.

The compiler and :mod:`referencing` read schemas by their keywords (``properties`` is an
object of schemas, ``$id`` a string, ...); handed anything else they would fail in their own
code. So each document they see is first checked here, and refused with a
:class:`~generator.errors.SchemaError` naming the JSON Pointer and what was expected:

* against the metaschema of its draft (the validators precompiled in
  :mod:`generator.metaschemas`, so the check costs one fast pass);
* for numbers JSON cannot spell (``inf``, ``nan``: a YAML ``.inf`` or a JSON ``1e400``),
  anywhere, annotations included;
* for integers too long to print as Python source (more than Python's digit limit): the
  compiler writes every number as a literal;
* for a schema that applies itself to the same instance without end through what must pass
  (``$ref``, ``allOf``): it errors on every instance (:func:`check_self_application`).

:func:`check_schema` checks one document (or subschema): the root, each document retrieved
(:func:`checked_retrieve`) and each ``$ref`` target (by :mod:`generator.compiler.scope`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import referencing

from generator.errors import SchemaError
from generator.spec.dialects import resource_dialect
from generator.spec.keywords import subschemas
from generator.spec.numbers import check_numbers
from generator.spec.pointer import escape


def check_schema(contents: Any, dialect_uri: str, *, file: str | None = None, at: str = "") -> None:
    """Refuse ``contents`` (at JSON Pointer ``at`` of ``file``) unless it is a valid schema of
    the dialect ``dialect_uri`` (a base draft URI) holding only numbers JSON can spell."""
    from generator.metaschemas import validator

    check_numbers(contents, file=file, at=at)
    metaschema = validator(dialect_uri)
    if metaschema.is_valid(contents):
        return
    errors = list(metaschema.iter_errors(contents))
    if any(error.keyword == "$depth" for error in errors):
        # deeper than the metaschema validator's recursion can go: checked in slices
        errors = []
        for pointer, piece in _slices(contents, at):
            if not metaschema.is_valid(piece):
                errors = [_Moved(e, pointer) for e in metaschema.iter_errors(piece)]
                break
    else:
        errors = [_Moved(e, at) for e in errors]
    if not errors:  # pragma: no cover - is_valid and iter_errors agree (tested)
        return
    error = max(errors, key=lambda e: len(e.path))  # the most specific
    raise SchemaError(
        f"not a valid schema: {error.message} (keyword {error.keyword!r})",
        file=file,
        pointer=error.path,
    )


class _Moved:
    """A metaschema error with its path made absolute (``at`` + the piece's path)."""

    def __init__(self, error: Any, at: str) -> None:
        self.path: str = at + error.path
        self.message: str = error.message
        self.keyword: str = error.keyword


#: Levels of subschemas in one slice of a deep schema (each level takes a few Python frames
#: of the metaschema validator, which recurses; the recursion limit is 1,000 frames).
SLICE_LEVELS = 40


def _slices(contents: Any, at: str) -> Iterator[tuple[str, Any]]:
    """``(pointer, piece)`` covering ``contents``: each piece a copy of ``SLICE_LEVELS`` levels
    of subschemas, those further down replaced by ``{}`` (any draft's empty schema) and
    yielded as pieces of their own. Every subschema position is cut, whatever the draft; a
    value there that is not a schema is then refused (deep schemas only)."""
    queue: list[tuple[Any, str]] = [(contents, at)]
    while queue:
        top, pointer = queue.pop()
        yield pointer, _cut(top, pointer, 0, queue)


def _cut(node: Any, pointer: str, level: int, queue: list[tuple[Any, str]]) -> Any:
    if not isinstance(node, dict):
        return node
    if level == SLICE_LEVELS:
        queue.append((node, pointer))
        return {}
    out = dict(node)
    copied: set[str] = set()
    for segments, child in subschemas(node):
        below = pointer + "".join("/" + escape(str(segment)) for segment in segments)
        piece = _cut(child, below, level + 1, queue)
        key = segments[0]
        if len(segments) == 1:
            out[key] = piece
            continue
        if key not in copied:
            out[key] = list(node[key]) if isinstance(node[key], list) else dict(node[key])
            copied.add(key)
        container = out[key]
        if isinstance(container, list):
            container[int(segments[1])] = piece
        else:
            container[segments[1]] = piece
    return out


def checked_retrieve(
    retrieve: Callable[[str], referencing.Resource[Any]],
) -> Callable[[str], referencing.Resource[Any]]:
    """``retrieve`` whose resources are checked on arrival (by the metaschema of the draft
    their specification names)."""

    seen: set[int] = set()

    def checked(uri: str) -> referencing.Resource[Any]:
        resource = retrieve(uri)
        if id(resource.contents) in seen:
            return resource
        dialect = resource_dialect(resource)[0]
        if dialect is not None:
            check_schema(resource.contents, dialect.uri, file=uri)
        seen.add(id(resource.contents))
        return resource

    return checked


def check_self_application(resolver: Any, schema: Any, scope: Any, safe: set[int]) -> None:
    """Refuse ``schema`` if applying it means applying it again to the same instance through
    ``$ref`` and ``allOf`` alone (``{"$ref": "#", ...}``, ``a -> b -> a``): no instance has an
    answer then. Loops through conditional keywords (``anyOf``, ``not``, ...) are the
    validator's to report when an instance reaches them. ``resolver`` is the compiler's
    :class:`~generator.compiler.scope.Resolver`; ``safe`` collects the subschemas known to
    end, so checking many entry points costs one walk."""
    path: set[int] = set()
    work: list[tuple[Any, Any, Iterator[tuple[Any, Any, str]] | None]] = [(schema, scope, None)]
    while work:
        node, where, children = work[-1]
        if children is None:
            if id(node) in safe or not isinstance(node, dict):
                work.pop()
                continue
            path.add(id(node))
            children = _must_pass(resolver, node, where)
            work[-1] = (node, where, children)
        child = next(children, None)
        if child is None:
            work.pop()
            path.discard(id(node))
            safe.add(id(node))
            continue
        target, target_scope, keyword = child
        if id(target) in path:
            raise SchemaError(
                "the schema applies itself to the same instance without end (through "
                "$ref and allOf), so no instance could ever be valid",
                pointer=where.schema_path(keyword),
            )
        work.append((target, target_scope, None))


def _must_pass(resolver: Any, node: dict[str, Any], scope: Any) -> Iterator[tuple[Any, Any, str]]:
    """``(subschema, its scope, keyword)`` for each subschema ``node`` applies to its own
    instance unconditionally."""
    dialect = scope.dialect
    if "$ref" in node and "$ref" in dialect.keywords and isinstance(node["$ref"], str):
        target, target_scope = resolver.ref(scope, node["$ref"])
        yield target, target_scope, "$ref"
        if dialect.ref_overrides_siblings:
            return
    members = node.get("allOf") if "allOf" in dialect.keywords else None
    if isinstance(members, list):
        for index, member in enumerate(members):
            yield member, resolver.descend(scope, member, ("allOf", str(index))), "allOf"
