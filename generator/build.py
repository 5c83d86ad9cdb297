"""Build the intermediate representation from a loaded schema.

Named types are the root, every ``$defs``/``definitions`` entry (``components/schemas`` for
OpenAPI), every schema a ``$ref`` reaches in another file, and inline objects and enums that
need a class of their own (named ``<Parent><Field>``). Everything that no type can express
exactly (``not``, ``if``/``then``/``else``, ``patternProperties``, unmergeable ``allOf`` …)
becomes the nearest honest type (:class:`~generator.ir.AnyType`, a map of any), while the
validators target still enforces the full schema.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import referencing.exceptions
from referencing._core import Resolver as _Resolver

from generator import naming
from generator.errors import SchemaError
from generator.ir import (
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
from generator.load import NOWHERE, LoadedSchema, escape, join_reference, pointer_target

Resolver = _Resolver[Any]
_PRIMITIVES: tuple[PrimitiveKind, ...] = ("string", "integer", "number", "boolean", "null")
_PRIMITIVE_SET = frozenset(_PRIMITIVES)
#: Keywords that make a schema more than its ``type``: :meth:`_Builder.convert` looks for
#: them one by one only in the schemas that hold any.
_SPECIAL_KEYWORDS = frozenset(
    {
        "$id",
        "id",
        "$ref",
        "$dynamicRef",
        "$recursiveRef",
        "const",
        "enum",
        "oneOf",
        "anyOf",
        "allOf",
    }
)
#: Keywords :meth:`_Builder.field` reads; a member schema without any takes the defaults.
_FIELD_ANNOTATIONS = frozenset({"default", "examples", "example", "description", "title"})
#: Type expressions are immutable: the common ones are built once and shared.
_ANY = AnyType()
_NULL = Primitive("null")
_LEGACY_DRAFTS = ("draft-04", "draft-06", "draft-07")


@dataclass
class _Pending:
    """A named type discovered but not yet built."""

    key: str
    schema: Any
    resolver: Resolver
    uri: str
    pointer: str
    hint: str


@dataclass
class _Builder:
    loaded: LoadedSchema
    legacy_ref: bool
    named_ids: dict[int, str] = field(default_factory=dict)
    pending: deque[_Pending] = field(default_factory=deque)
    built: dict[str, tuple[_Pending, Any]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    keys: naming.UniqueNames = field(default_factory=naming.UniqueNames)
    inline_stack: list[int] = field(default_factory=list)
    #: Document URI of the schema being converted (named types record where they live).
    doc_uri: str = ""
    #: Resolvers of subschemas that ``allOf`` merging moved out of their own resource.
    resolvers: dict[int, Resolver] = field(default_factory=dict)
    #: Where such a moved subschema really lives (document URI, JSON Pointer): types named
    #: there must be found again by that location (the validators target looks them up).
    origins: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: The keyword that moves the base URI: ``id`` in draft 4, else ``$id``.
    id_keyword: str = "$id"

    def __post_init__(self) -> None:
        if self.loaded.dialect.startswith("http://json-schema.org/draft-04"):
            self.id_keyword = "id"

    # -- discovery --------------------------------------------------------------------------

    def register(
        self,
        name: str,
        schema: Any,
        resolver: Resolver,
        uri: str,
        pointer: str,
    ) -> str:
        if isinstance(schema, dict) and id(schema) in self.named_ids:
            return self.named_ids[id(schema)]
        key = self.keys.add(name or "Model")
        if isinstance(schema, dict):
            self.named_ids[id(schema)] = key
        self.order.append(key)
        self.pending.append(_Pending(key, schema, resolver, uri, pointer, name))
        return key

    def run(self) -> None:
        while self.pending:
            item = self.pending.popleft()
            self.doc_uri = item.uri
            self.built[item.key] = (item, self.named(item))

    # -- conversion -------------------------------------------------------------------------

    def named(self, item: _Pending) -> Any:
        schema, resolver = item.schema, self.scoped(item.schema, item.resolver)
        schema, resolver = self.follow_pure_ref(schema, resolver, item.pointer)
        meta = _meta(item.schema)
        if isinstance(schema, dict):
            if "allOf" in schema and self.ref_of(schema) is None:
                schema = self.merge_all_of(schema, resolver, item.pointer) or schema
            enum = self.enum_values(schema)
            if enum is not None:
                return ("enum", meta, enum)
            if self.is_object(schema):
                fields, additional = self.object_parts(schema, resolver, item.key, item.pointer)
                return ("object", meta, fields, additional)
            types = self.types_of(schema)
            if "object" in types and schema.get("properties") and "allOf" not in schema:
                # ``type: [object, boolean]`` and the like: a class for the object part.
                object_part = {**schema, "type": "object"}
                key = self.register(
                    f"{item.key}Object", object_part, resolver, item.uri, item.pointer
                )
                others: list[TypeExpr] = [
                    _primitive(t) for t in types if t not in ("object", "null")
                ]
                parts = (Ref(key), *others)
                if "null" in types:
                    return ("alias", meta, _union(list(parts)), True)
                return ("union", meta, parts, None)
            members = self.union_members(schema, resolver, item.key, item.pointer)
            if members is not None:
                non_null = tuple(m for m in members if m != _NULL)
                if len(non_null) >= 2:
                    return ("union", meta, non_null, self.discriminator(schema, resolver))
        expr = self.convert(item.schema, item.resolver, item.key, item.pointer, top=True)
        target, nullable = strip_null(expr)
        return ("alias", meta, target, nullable)

    def follow_pure_ref(
        self, schema: Any, resolver: Resolver, pointer: str
    ) -> tuple[Any, Resolver]:
        """A named type that is only a ``$ref`` to an unnamed schema takes that schema's shape."""
        seen: set[int] = set()
        while isinstance(schema, dict) and self.ref_of(schema) is not None:
            if not set(schema) <= {"$ref", "title", "description", "examples", "default", "$id"}:
                break
            target, target_resolver = self.resolve(schema, resolver, pointer)
            if (isinstance(target, dict) and id(target) in self.named_ids) or id(target) in seen:
                break
            seen.add(id(target))
            schema, resolver = target, target_resolver
        return schema, resolver

    def ref_of(self, schema: dict[str, Any]) -> str | None:
        ref = schema.get("$ref")
        return ref if isinstance(ref, str) else None

    def resolve(
        self, schema: dict[str, Any], resolver: Resolver, pointer: str
    ) -> tuple[Any, Resolver]:
        ref = schema["$ref"]
        if ref.startswith("#/"):
            found = self.in_root(ref, resolver)
            if found is not NOWHERE:
                return found, resolver
        try:
            resolved = resolver.lookup(ref)
        except referencing.exceptions.Unresolvable as exc:
            raise SchemaError(
                f"cannot resolve $ref {ref!r}: {exc}",
                file=self.loaded.display_name,
                pointer=f"{pointer}/$ref",
            ) from None
        return resolved.contents, resolved.resolver

    def in_root(self, ref: str, resolver: Resolver) -> Any:
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
        if resource is None or resource.contents is not self.loaded.contents:
            return NOWHERE
        return pointer_target(self.loaded.contents, ref[1:])

    def scoped(self, schema: Any, resolver: Resolver) -> Resolver:
        """Enter a subschema's ``$id`` (``id`` in draft 4) so relative refs resolve right."""
        if not isinstance(schema, dict):
            return resolver
        own = schema.get(self.id_keyword)
        if isinstance(own, str) and not own.startswith("#"):
            uri = urldefrag(urljoin(resolver._base_uri, own))[0]  # noqa: SLF001
            try:
                return resolver.lookup(uri).resolver
            except referencing.exceptions.Unresolvable:
                return resolver
        return resolver

    def convert(
        self,
        schema: Any,
        resolver: Resolver,
        hint: str,
        pointer: str,
        *,
        top: bool = False,
    ) -> TypeExpr:
        """The type expression for one schema node."""
        if schema is True or schema == {}:
            return _ANY
        if schema is False:
            return AnyType("the schema 'false' accepts no value")
        if not isinstance(schema, dict):
            return _ANY
        if not top and id(schema) in self.named_ids:
            return Ref(self.named_ids[id(schema)])
        if _SPECIAL_KEYWORDS.isdisjoint(schema):
            return self.convert_types(schema, resolver, hint, pointer, top=top)
        if self.id_keyword in schema:
            resolver = self.scoped(schema, resolver)
        ref = self.ref_of(schema)
        if ref is not None and (self.legacy_ref or _only_annotations(schema, "$ref")):
            return self.convert_ref(schema, resolver, hint, pointer)
        if "$dynamicRef" in schema or "$recursiveRef" in schema:
            dynamic = self.dynamic_target(schema)
            if dynamic is not None:
                return dynamic
        if "const" in schema:
            return ConstType(schema["const"])
        values = self.enum_values(schema)
        if values is not None:
            if all(v is None for v in values):
                return _NULL
            if not top:
                key = self.register(
                    naming.class_name(hint), schema, resolver, self.doc_uri, pointer
                )
                expr: TypeExpr = Ref(key)
            else:
                expr = _ANY
            if None in values:
                return InlineUnion((expr, _NULL))
            return expr
        if "oneOf" in schema or "anyOf" in schema:
            members = self.union_members(schema, resolver, hint, pointer)
            if members is not None:
                return _union(members)
        if "allOf" in schema:
            merged = self.merge_all_of(schema, resolver, pointer)
            if merged is None:
                return AnyType("allOf that does not merge into one object")
            if not top:
                key = self.register(
                    naming.class_name(hint), merged, resolver, self.doc_uri, pointer
                )
                return Ref(key)
            return _ANY
        return self.convert_types(schema, resolver, hint, pointer, top=top)

    def convert_types(
        self, schema: dict[str, Any], resolver: Resolver, hint: str, pointer: str, *, top: bool
    ) -> TypeExpr:
        """The type expression of a schema by its ``type`` (declared or implied)."""
        declared = schema.get("type")
        if isinstance(declared, str) and declared in _PRIMITIVES:  # the most common case
            return _primitive(declared, _format(schema) if declared == "string" else None)
        types = self.types_of(schema)
        if types and _PRIMITIVE_SET.issuperset(types):  # ["string", "null"] …
            return _primitives(tuple(types), _format(schema) if "string" in types else None)
        exprs: list[TypeExpr] = []
        for kind in types:
            if kind == "object":
                exprs.append(self.object_expr(schema, resolver, hint, pointer, top=top))
            elif kind == "array":
                exprs.append(self.array_expr(schema, resolver, hint, pointer))
            elif kind in _PRIMITIVES:
                exprs.append(_primitive(kind, _format(schema) if kind == "string" else None))
        if not exprs:
            return _ANY
        return _union(exprs)

    def convert_ref(
        self, schema: dict[str, Any], resolver: Resolver, hint: str, pointer: str
    ) -> TypeExpr:
        target, target_resolver = self.resolve(schema, resolver, pointer)
        if isinstance(target, dict) and id(target) in self.named_ids:
            return Ref(self.named_ids[id(target)])
        if target is True or target is False or not isinstance(target, dict):
            return self.convert(target, target_resolver, hint, pointer)
        full = join_reference(resolver._base_uri, schema["$ref"])  # noqa: SLF001
        document, fragment = urldefrag(full)
        if self.is_nameable(target):
            name = _name_from_uri(full, target)
            key = self.register(name, target, target_resolver, document, fragment)
            return Ref(key)
        if id(target) in self.inline_stack:
            return AnyType("recursive reference to an unnamed schema")
        self.inline_stack.append(id(target))
        outer = self.doc_uri
        self.doc_uri = document
        try:
            return self.convert(target, target_resolver, hint, fragment)
        finally:
            self.inline_stack.pop()
            self.doc_uri = outer

    def dynamic_target(self, schema: dict[str, Any]) -> TypeExpr | None:
        """``$dynamicRef``/``$recursiveRef`` as a type: the document root when it holds the
        matching dynamic anchor (the meta-schema extension pattern), else ``Any``. The
        validators target honours the dynamic scope exactly."""
        root = self.loaded.contents
        root_key = self.order[0] if self.order else None
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

    def is_nameable(self, schema: dict[str, Any]) -> bool:
        if self.enum_values(schema) is not None:
            return True
        if self.is_object(schema) and ("properties" in schema or "title" in schema):
            return True
        members = self.union_members(schema, None, "", "", probe=True)
        return members is not None and len(members) >= 2

    def enum_values(self, schema: dict[str, Any]) -> tuple[Any, ...] | None:
        values = schema.get("enum")
        if isinstance(values, list) and values:
            return tuple(values)
        return None

    def types_of(self, schema: dict[str, Any]) -> list[str]:
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

    def is_object(self, schema: dict[str, Any]) -> bool:
        types = self.types_of(schema)
        non_null = [t for t in types if t != "null"]
        return non_null == ["object"]

    def union_members(
        self,
        schema: dict[str, Any],
        resolver: Resolver | None,
        hint: str,
        pointer: str,
        *,
        probe: bool = False,
    ) -> list[TypeExpr] | None:
        for keyword in ("oneOf", "anyOf"):
            branches = schema.get(keyword)
            if isinstance(branches, list) and branches:
                if probe:
                    return [_ANY] * len(branches)
                assert resolver is not None
                if "properties" in schema or "type" in schema:
                    # Branches that only refine a typed object: the object shape wins.
                    if self.is_object(schema):
                        return None
                return [
                    self.convert(
                        branch,
                        resolver,
                        f"{hint}{index + 1}" if len(branches) > 1 else hint,
                        f"{pointer}/{keyword}/{index}",
                    )
                    for index, branch in enumerate(branches)
                ]
        return None

    def discriminator(self, schema: dict[str, Any], resolver: Resolver) -> Discriminator | None:
        spec = schema.get("discriminator")
        if not isinstance(spec, dict) or not isinstance(spec.get("propertyName"), str):
            return None
        mapping: list[tuple[str, str]] = []
        explicit = spec.get("mapping")
        if isinstance(explicit, dict):
            for value, ref in explicit.items():
                if isinstance(ref, str):
                    target, _ = self.resolve({"$ref": ref}, resolver, "/discriminator/mapping")
                    if isinstance(target, dict) and id(target) in self.named_ids:
                        mapping.append((str(value), self.named_ids[id(target)]))
        return Discriminator(spec["propertyName"], tuple(mapping))

    def object_expr(
        self,
        schema: dict[str, Any],
        resolver: Resolver,
        hint: str,
        pointer: str,
        *,
        top: bool,
    ) -> TypeExpr:
        if "properties" in schema and schema["properties"] and not top:
            key = self.register(naming.class_name(hint), schema, resolver, self.doc_uri, pointer)
            return Ref(key)
        additional = schema.get("additionalProperties", True)
        if additional is True or additional == {} or "patternProperties" in schema:
            return MapType(_ANY)
        if additional is False:
            return MapType(AnyType("no members allowed"))
        return MapType(
            self.convert(additional, resolver, f"{hint}Value", f"{pointer}/additionalProperties")
        )

    def array_expr(
        self, schema: dict[str, Any], resolver: Resolver, hint: str, pointer: str
    ) -> TypeExpr:
        items = schema.get("items")
        if "prefixItems" in schema or isinstance(items, list):
            return ArrayType(AnyType("tuple validation is enforced by the validator only"))
        if items is None:
            return ArrayType(_ANY)
        return ArrayType(self.convert(items, resolver, f"{hint}Item", f"{pointer}/items"))

    def object_parts(
        self, schema: dict[str, Any], resolver: Resolver, owner: str, pointer: str
    ) -> tuple[tuple[Field, ...], TypeExpr | None]:
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        py_names = naming.unique([naming.snake_name(wire) for wire in properties])
        fields = []
        for (wire, sub), py_name in zip(properties.items(), py_names, strict=True):
            hint = owner + naming.class_name(wire, fallback="Field")
            outer = self.doc_uri
            self.doc_uri, sub_pointer = self.origins.get(
                id(sub), (outer, f"{pointer}/properties/{escape(wire)}")
            )
            try:
                expr = self.convert(sub, self.resolvers.get(id(sub), resolver), hint, sub_pointer)
            finally:
                self.doc_uri = outer
            fields.append(self.field(wire, sub, expr, wire in required, py_name))
        additional_schema = schema.get("additionalProperties", True)
        if schema.get("unevaluatedProperties") is False and "additionalProperties" not in schema:
            additional_schema = False
        additional: TypeExpr | None
        if additional_schema is False:
            additional = None
        elif additional_schema is True or additional_schema == {} or "patternProperties" in schema:
            additional = _ANY
        else:
            additional = self.convert(
                additional_schema, resolver, f"{owner}Value", f"{pointer}/additionalProperties"
            )
        return tuple(fields), additional

    def field(self, wire: str, sub: Any, expr: TypeExpr, required: bool, py_name: str) -> Field:
        target, nullable = strip_null(expr)
        if not isinstance(sub, dict) or _FIELD_ANNOTATIONS.isdisjoint(sub):
            return Field(
                wire_name=wire, py_name=py_name, type=target, required=required, nullable=nullable
            )
        annotations = sub
        default = annotations.get("default", MISSING)
        examples = annotations.get("examples")
        if not isinstance(examples, list):
            examples = [annotations["example"]] if "example" in annotations else []
        return Field(
            wire_name=wire,
            py_name=py_name,
            type=target,
            required=required,
            nullable=nullable,
            default=default,
            description=_text(annotations.get("description")),
            examples=tuple(examples),
            title=_text(annotations.get("title")),
        )

    def merge_all_of(
        self,
        schema: dict[str, Any],
        resolver: Resolver,
        pointer: str,
        document: str | None = None,
    ) -> dict[str, Any] | None:
        """Merge ``allOf`` members that are all objects into one object schema, or give up.

        ``schema`` lives at ``pointer`` in ``document`` (the document being converted when
        ``None``); each merged property remembers where it came from in :attr:`origins`.
        """
        merged: dict[str, Any] = {"properties": {}, "required": []}
        home = self.doc_uri if document is None else document
        members = schema["allOf"] if isinstance(schema["allOf"], list) else []
        parts = [{k: v for k, v in schema.items() if k != "allOf"}, *members]
        for index, part in enumerate(parts):
            current, current_resolver = part, resolver
            where = (home, pointer if index == 0 else f"{pointer}/allOf/{index - 1}")
            depth = 0
            while isinstance(current, dict) and "$ref" in current and depth < 50:
                ref = current["$ref"]
                if not isinstance(ref, str):
                    return None
                full = join_reference(current_resolver._base_uri, ref)  # noqa: SLF001
                current, current_resolver = self.resolve(current, current_resolver, where[1])
                where = urldefrag(full)
                depth += 1
            if not isinstance(current, dict):
                if current is True:
                    continue
                return None
            if "allOf" in current:
                inner = self.merge_all_of(current, current_resolver, where[1], where[0])
                if inner is None:
                    return None
                current = inner
            for name, sub in (current.get("properties") or {}).items():
                if isinstance(sub, dict) and id(sub) not in self.origins:
                    self.origins[id(sub)] = (where[0], f"{where[1]}/properties/{escape(name)}")
            types = self.types_of(current)
            if types and "object" not in types:
                return None
            if types:
                known = merged.get("type")
                merged["type"] = [t for t in types if known is None or t in known]
            for key in ("anyOf", "oneOf", "not", "if"):
                if key in current:
                    return None
            for sub in (current.get("properties") or {}).values():
                self.resolvers[id(sub)] = current_resolver
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

    # -- final assembly ---------------------------------------------------------------------

    def assemble(self) -> SchemaIR:
        keys = self.order
        classes = naming.unique([naming.class_name(k) for k in keys])
        snakes = naming.unique(
            [naming.snake_name(k, fallback="type") for k in keys], taken=("root",)
        )
        files = naming.unique([naming.file_stem(k) for k in keys], fold_case=True)
        types: list[NamedType] = []
        for key, cls, snake, file in zip(keys, classes, snakes, files, strict=True):
            item, built = self.built[key]
            names = Names(schema=key, cls=cls, snake=snake, file=file)
            kind, meta = built[0], built[1]
            common = {
                "names": names,
                "uri": item.uri,
                "pointer": item.pointer,
                "description": meta["description"],
                "examples": meta["examples"],
            }
            if kind == "object":
                types.append(ObjectType(**common, fields=built[2], additional=built[3]))
            elif kind == "enum":
                values = built[2]
                members = naming.unique(
                    [naming.constant_name(_enum_label(v)) for v in values], taken=("UNSET",)
                )
                types.append(EnumType(**common, values=values, member_names=tuple(members)))
            elif kind == "union":
                types.append(UnionType(**common, members=built[2], discriminator=built[3]))
            else:
                types.append(AliasType(**common, target=built[2], nullable=built[3]))
        return SchemaIR(
            root=keys[0] if keys and self.loaded.kind != "openapi" else None,
            types=tuple(types),
            dialect=self.loaded.dialect,
            source=self.loaded.display_name,
        )


def build_ir(loaded: LoadedSchema, *, root_name: str | None = None) -> SchemaIR:
    """The IR of every named type in ``loaded``."""
    dialect = loaded.dialect
    # OpenAPI 3.0 arrives here as draft 4 (generator.openapi rewrote ``nullable``).
    legacy = any(d in dialect for d in _LEGACY_DRAFTS)
    builder = _Builder(loaded=loaded, legacy_ref=legacy)
    resolver = loaded.registry.resolver(base_uri=loaded.uri)
    contents = loaded.contents
    if loaded.kind == "openapi":
        schemas = contents["components"]["schemas"]
        for name, sub in schemas.items():
            builder.register(name, sub, resolver, loaded.uri, f"/components/schemas/{escape(name)}")
    else:
        name = root_name or _root_name(loaded)
        builder.register(name, contents, resolver, loaded.uri, "")
        if isinstance(contents, dict):
            for container, sub_pointer, sub in _definitions(contents):
                builder.register(container, sub, resolver, loaded.uri, sub_pointer)
    builder.run()
    return builder.assemble()


def _definitions(contents: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    for keyword in ("$defs", "definitions"):
        defs = contents.get(keyword)
        if isinstance(defs, dict):
            for name, sub in defs.items():
                yield name, f"/{keyword}/{escape(name)}", sub


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


def _name_from_uri(uri: str, target: dict[str, Any]) -> str:
    if isinstance(target.get("title"), str) and target["title"].strip():
        return str(target["title"])
    base, fragment = urldefrag(uri)
    if fragment:
        token = fragment.rstrip("/").rsplit("/", 1)[-1]
        return token.replace("~1", "/").replace("~0", "~") or "Model"
    stem = Path(base.rstrip("/")).name.split(".")[0]
    return naming.class_name(stem)


#: Keywords that only annotate a schema (plus the containers of definitions).
_ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "default",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
        "$comment",
        "$id",
        "$schema",
        "$anchor",
        "$defs",
        "definitions",
        "nullable",
        "example",
    }
)


_ANNOTATIONS_AND_REF = _ANNOTATIONS | {"$ref"}


def _only_annotations(schema: dict[str, Any], keep: str) -> bool:
    allowed = _ANNOTATIONS_AND_REF if keep == "$ref" else _ANNOTATIONS | {keep}
    return allowed.issuperset(schema)


def _union(members: list[TypeExpr]) -> TypeExpr:
    if len(members) == 1 and not isinstance(members[0], (InlineUnion, AnyType)):
        return members[0]  # the common case, as the loop below would answer it
    flat: list[TypeExpr] = []
    for member in members:
        for part in member.members if isinstance(member, InlineUnion) else (member,):
            if part not in flat:
                flat.append(part)
    if any(isinstance(m, AnyType) for m in flat):
        nullable = _NULL in flat
        return InlineUnion((_ANY, _NULL)) if nullable else _ANY
    return flat[0] if len(flat) == 1 else InlineUnion(tuple(flat))


@lru_cache(maxsize=1024)
def _primitives(kinds: tuple[str, ...], fmt: str | None) -> TypeExpr:
    """The union of the primitive types ``kinds``, ``fmt`` the format of a string."""
    return _union([_primitive(kind, fmt if kind == "string" else None) for kind in kinds])


@lru_cache(maxsize=1024)
def _primitive(kind: str, fmt: str | None = None) -> TypeExpr:
    for known in _PRIMITIVES:
        if kind == known:
            return Primitive(known, fmt)
    return AnyType(f"unknown type {kind!r}")


def _format(schema: dict[str, Any]) -> str | None:
    fmt = schema.get("format")
    return fmt if isinstance(fmt, str) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _meta(schema: Any) -> dict[str, Any]:
    if not isinstance(schema, dict):
        return {"description": None, "examples": ()}
    examples = schema.get("examples")
    if not isinstance(examples, list):
        examples = [schema["example"]] if "example" in schema else []
    return {"description": _text(schema.get("description")), "examples": tuple(examples)}


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
        text = repr(value).replace("-", "MINUS_").replace(".", "_").replace("+", "")
        return f"VALUE_{text}"
    return "VALUE"
