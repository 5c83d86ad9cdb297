"""Build the intermediate representation from a loaded schema: discover, draft, assemble.

Named types are the root, every ``$defs``/``definitions`` entry (``components/schemas`` for
OpenAPI), every schema a ``$ref`` reaches in another file, and inline objects and enums that
need a class of their own (named ``<Parent><Field>``). Everything that no type can express
exactly (``not``, ``if``/``then``/``else``, ``patternProperties``, unmergeable ``allOf`` …)
becomes the nearest honest type (:class:`~generator.ir.types.AnyType`, a map of any), while
the validators target still enforces the full schema.

Each discovered type is first built as a draft (its shape, without names), because names are
decided only once every type is known: :func:`_assemble` then names them all together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.ir import naming
from generator.ir.context import Context, Pending
from generator.ir.convert import Converter
from generator.ir.nodes import (
    NULL,
    enum_values,
    examples_of,
    is_object,
    primitive,
    ref_of,
    text,
    types_of,
    union,
)
from generator.ir.objects import merge_all_of, object_parts
from generator.ir.references import entered, follow_pure_ref, root_scope
from generator.ir.types import (
    JSON,
    AliasType,
    Discriminator,
    EnumType,
    Field,
    NamedType,
    Names,
    ObjectType,
    Ref,
    SchemaIR,
    TypeExpr,
    UnionType,
    strip_null,
)
from generator.ir.unions import discriminator, union_members
from generator.load import LoadedSchema


@dataclass(frozen=True, slots=True)
class _Meta:
    """The annotations every named type shows."""

    description: str | None
    examples: tuple[JSON, ...]


@dataclass(frozen=True, slots=True)
class _EnumDraft:
    meta: _Meta
    values: tuple[JSON, ...]


@dataclass(frozen=True, slots=True)
class _ObjectDraft:
    meta: _Meta
    fields: tuple[Field, ...]
    additional: TypeExpr | None


@dataclass(frozen=True, slots=True)
class _UnionDraft:
    meta: _Meta
    members: tuple[TypeExpr, ...]
    discriminator: Discriminator | None


@dataclass(frozen=True, slots=True)
class _AliasDraft:
    meta: _Meta
    target: TypeExpr
    nullable: bool


_Draft = _EnumDraft | _ObjectDraft | _UnionDraft | _AliasDraft


def build_ir(loaded: LoadedSchema, *, root_name: str | None = None) -> SchemaIR:
    """The IR of every named type in ``loaded``."""
    # OpenAPI 3.0 arrives here as draft 4 (generator.load.openapi rewrote ``nullable``).
    cx = Converter(loaded=loaded, legacy_ref=loaded.dialect.ref_overrides_siblings)
    scope = root_scope(cx)
    contents = loaded.contents
    if loaded.openapi is not None:
        for name, pointer, sub in loaded.definitions():
            cx.register(name, sub, scope, loaded.uri, pointer)
    else:
        name = root_name or _root_name(loaded)
        cx.register(name, contents, scope, loaded.uri, "")
        if isinstance(contents, dict):
            inside = entered(cx, contents, scope)  # definitions resolve under the root's $id
            for name, pointer, sub in loaded.definitions():
                cx.register(name, sub, inside, loaded.uri, pointer)
    drafts: dict[str, tuple[Pending, _Draft]] = {}
    while cx.pending:
        item = cx.pending.popleft()
        cx.doc_uri = item.uri
        drafts[item.key] = (item, _draft(cx, item))
    return _assemble(cx, drafts)


def _draft(cx: Context, item: Pending) -> _Draft:
    """The shape of one discovered type: an enum, object, union or alias of a type expression."""
    schema, scope = item.schema, entered(cx, item.schema, item.scope)
    schema, scope = follow_pure_ref(cx, schema, scope, item.pointer)
    meta = _meta(item.schema)
    if isinstance(schema, dict):
        if "allOf" in schema and ref_of(schema) is None:
            schema = merge_all_of(cx, schema, scope, item.pointer) or schema
        enum = enum_values(schema)
        if enum is not None:
            return _EnumDraft(meta, enum)
        if is_object(schema):
            fields, additional = object_parts(cx, schema, scope, item.key, item.pointer)
            return _ObjectDraft(meta, fields, additional)
        types = types_of(schema)
        if "object" in types and schema.get("properties") and "allOf" not in schema:
            # ``type: [object, boolean]`` and the like: a class for the object part.
            object_part = {**schema, "type": "object"}
            key = cx.register(f"{item.key}Object", object_part, scope, item.uri, item.pointer)
            others: list[TypeExpr] = [primitive(t) for t in types if t not in ("object", "null")]
            parts = (Ref(key), *others)
            if "null" in types:
                return _AliasDraft(meta, union(list(parts)), True)
            return _UnionDraft(meta, parts, None)
        members = union_members(cx, schema, scope, item.key, item.pointer)
        if members is not None:
            non_null = tuple(m for m in members if m != NULL)
            if len(non_null) >= 2:
                return _UnionDraft(meta, non_null, discriminator(cx, schema, scope))
    expr = cx.convert(item.schema, item.scope, item.key, item.pointer, top=True)
    target, nullable = strip_null(expr)
    return _AliasDraft(meta, target, nullable)


def _assemble(cx: Context, drafts: dict[str, tuple[Pending, _Draft]]) -> SchemaIR:
    """Name every drafted type, all names decided together, in discovery order."""
    keys = cx.order
    classes = naming.unique([naming.class_name(k) for k in keys])
    snakes = naming.unique([naming.snake_name(k, fallback="type") for k in keys], taken=("root",))
    files = naming.unique([naming.file_stem(k) for k in keys], fold_case=True)
    types: list[NamedType] = []
    for key, cls, snake, file in zip(keys, classes, snakes, files, strict=True):
        item, draft = drafts[key]
        names = Names(schema=key, cls=cls, snake=snake, file=file)
        common: dict[str, Any] = {
            "names": names,
            "uri": item.uri,
            "pointer": item.pointer,
            "description": draft.meta.description,
            "examples": draft.meta.examples,
        }
        match draft:
            case _ObjectDraft(fields=fields, additional=additional):
                types.append(ObjectType(**common, fields=fields, additional=additional))
            case _EnumDraft(values=values):
                members = naming.unique(
                    [naming.constant_name(_enum_label(v)) for v in values], taken=("UNSET",)
                )
                types.append(EnumType(**common, values=values, member_names=tuple(members)))
            case _UnionDraft(members=parts, discriminator=mapping):
                types.append(UnionType(**common, members=parts, discriminator=mapping))
            case _AliasDraft(target=target, nullable=nullable):
                types.append(AliasType(**common, target=target, nullable=nullable))
    loaded = cx.loaded
    return SchemaIR(
        root=keys[0] if keys and loaded.openapi is None else None,
        types=tuple(types),
        dialect=loaded.dialect.uri,
        source=loaded.display_name,
    )


def _root_name(loaded: LoadedSchema) -> str:
    contents = loaded.contents
    if isinstance(contents, dict) and isinstance(contents.get("title"), str):
        title: str = contents["title"]
        if title.strip():
            return title
    if loaded.path is not None:
        stem = loaded.path.name.split(".")[0]
        return naming.class_name(stem)
    return "Root"


def _meta(schema: Any) -> _Meta:
    if not isinstance(schema, dict):
        return _Meta(None, ())
    return _Meta(text(schema.get("description")), examples_of(schema))


def _enum_label(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int) and abs(value) >= 10**40:
        return "VALUE_BIG" if value > 0 else "VALUE_MINUS_BIG"  # no repr: may exceed int limits
    if isinstance(value, (int, float)):
        spelled = repr(value).replace("-", "MINUS_").replace(".", "_").replace("+", "")
        return f"VALUE_{spelled}"
    return "VALUE"
