"""The docs model of an OpenAPI document: which pages exist, what each holds, their names.

Speakeasy's page rules follow the document's raw shape (siblings of ``$ref`` ignored,
``allOf`` wrappers, nullable forms, ``example``/``examples``, discriminator mapping order, the
path-walk order of naming), so the walk reads the document as written (:mod:`.refs`).

The walk (:mod:`.walk`) visits each component schema and each inline schema once: operations
in path order (:mod:`.operations`), then schemas marked ``x-speakeasy-include``.
:class:`DocsModel` turns a schema into a type (this module), objects and unions into models
(:mod:`.shapes`); names come from :mod:`.naming`, a short name to the model met first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from generator.load import LoadedSchema
from generator.targets.docs import names
from generator.targets.docs.model import (
    ANY,
    STRING,
    Arr,
    Const,
    Context,
    MapOf,
    Model,
    ModelKind,
    Prim,
    Ref,
    Row,
    Type,
    is_map,
    map_values,
    model_of,
    schema_example,
    types_of,
    unique,
)
from generator.targets.docs.naming import Naming
from generator.targets.docs.refs import Document, is_null
from generator.targets.docs.settings import DocsSettings
from generator.targets.docs.shapes import Objects, Unions

#: Components nested in one recursion before the rest waits (RecursionError otherwise).
MAX_NESTING = 40


# -- the walk --------------------------------------------------------------------------------


class DocsModel:
    """The walk's state and its result: every model in walk order, the security page, the
    models responses reach (for open enums), and the types of the components walked."""

    def __init__(
        self,
        loaded: LoadedSchema,
        settings: DocsSettings,
        contested: frozenset[str] = frozenset(),
        silent: frozenset[int] = frozenset(),
        op_held: dict[str, str] | None = None,
    ) -> None:
        self.document = Document(loaded)
        self.settings = settings
        self.naming = Naming(self.document.schemas, contested, silent, op_held)
        self.objects = Objects(self)
        self.unions = Unions(self)
        self.models: list[Model] = []
        self.types: dict[str, Type] = {}
        self.in_progress: set[str] = set()
        self.errors: set[str] = set()
        self.response_roots: list[Model] = []
        self.file_model: Model | None = None
        #: How many components the walk is inside, and the fills left for later.
        self.nesting = 0
        self.deferred: list[Callable[[], None]] = []
        self.security: Model | None = None

    # -- components --------------------------------------------------------------------------

    def component(self, key: str, *, multipart: bool = False) -> Type:
        if key in self.types:
            return self.types[key]
        if key in self.in_progress:
            return ANY  # a map or alias that contains itself
        self.in_progress.add(key)
        cls = self.naming.class_of[key]
        self.nesting += 1
        try:
            typ = self.type_of(
                self.document.schemas[key], Context(cls, cls, multipart=multipart), component=key
            )
        finally:
            self.nesting -= 1
        self.types[key] = typ
        self.in_progress.discard(key)
        if self.nesting == 0:
            while self.deferred:  # components met too deep down, walked from here
                self.deferred.pop(0)()
        return typ

    def later(self, component: str | None, fill: Callable[[], None]) -> bool:
        """Whether ``fill`` (a component's rows or members) waits until the walk is back at
        the top: a chain of components referring to the next is walked in steps of
        :data:`MAX_NESTING`, not by one recursion per link."""
        if component is None or self.nesting < MAX_NESTING:
            return False
        self.deferred.append(fill)
        return True

    def ref_type(self, ref: str, ctx: Context) -> Type:
        key, target = self.document.resolve(ref)
        if key is None:
            return self.type_of(target, ctx)
        typ = self.component(key, multipart=ctx.multipart)
        model = model_of(typ)
        if model is not None:
            model.plain_use = True
        return typ

    # -- naming --------------------------------------------------------------------------------

    def new_model(
        self, kind: ModelKind, schema: Any, ctx: Context, component: str | None, description: Any
    ) -> Model:
        model = Model(
            page=ctx.page or component is not None,
            kind=kind,
            name=self.naming.first_name(kind, schema, ctx, component),
            schema=schema,
            description=description if isinstance(description, str) and description else None,
            component=component,
            deprecated=isinstance(schema, dict) and schema.get("deprecated") is True,
        )
        if component is None and ctx.page and ctx.own_name is None:
            self.naming.file(model, ctx, kind)
        if component is not None:
            self.types[component] = Ref(model)
        self.models.append(model)
        return model

    # -- schemas ---------------------------------------------------------------------------------

    def type_of(self, schema: Any, ctx: Context, component: str | None = None) -> Type:
        if not isinstance(schema, dict) or not schema:
            return ANY
        if isinstance(schema.get("$ref"), str):
            return self.ref_type(schema["$ref"], ctx)
        all_of = schema.get("allOf")
        if (
            isinstance(all_of, list)
            and len(all_of) == 1
            and isinstance(all_of[0], dict)
            and "$ref" in all_of[0]
            and set(schema) <= {"allOf", "description"}
        ):
            return self.ref_type(all_of[0]["$ref"], ctx)
        union = schema.get("oneOf", schema.get("anyOf"))
        if isinstance(union, list) and "properties" not in schema:
            members = [m for m in union if not is_null(m)]
            if not members:
                return ANY
            if len(members) == 1 and len(members) < len(union) and "discriminator" not in schema:
                return self.type_of(members[0], ctx, component)
            if all(self.document.is_string(m) for m in members):
                return STRING
            return self.unions.union(schema, members, ctx, component)
        if "const" in schema:
            return Const(schema["const"])
        enum = schema.get("enum")
        if isinstance(enum, list):
            values = unique([v for v in enum if v is not None])
            if values and all(isinstance(v, bool) for v in values):
                return Prim("boolean")
            model = self.new_model("enum", schema, ctx, component, schema.get("description"))
            model.values = values
            model.open = schema.get("x-speakeasy-unknown-values") == "allow"
            model.has_example, model.example = schema_example(schema)
            model.carries_example = model.has_example
            return Ref(model)
        types = types_of(schema)
        if (
            isinstance(all_of, list)
            or "properties" in schema
            or ("object" in types and not is_map(schema))
        ):
            if not types or "object" in types:
                return self.objects.object(schema, ctx, component)
        if len(types) > 1:
            return self.unions.union(schema, [{**schema, "type": t} for t in types], ctx, component)
        kind = types[0] if types else None
        if kind is None and "items" in schema:
            kind = "array"
        if kind is None and is_map(schema):
            kind = "object"
        if kind == "object":
            values = map_values(schema)
            if values is True or values == {}:
                return MapOf(ANY)
            return MapOf(self.type_of(values, ctx))
        if kind == "array":
            items = schema.get("items")
            if component is not None:  # a component's items take its name
                return Arr(
                    self.type_of(items, replace(ctx, own_name=self.naming.class_of[component]))
                )
            if ctx.member_of is not None:  # an anonymous array member's items take its name
                return Arr(self.type_of(items, ctx))
            short = names.singular(ctx.short) if self.settings.singular_items else ctx.short
            return Arr(self.type_of(items, ctx.sub(short)))
        if kind == "string":
            fmt = schema.get("format")
            if fmt == "date-time":
                return Prim("Date")
            if fmt == "date":
                return Prim("RFCDate")
            if fmt == "binary" and ctx.multipart:
                self.ensure_file_model().page |= ctx.page
                return Prim("File")
            if fmt == "binary":
                return Prim("Uint8Array")
            return STRING
        if kind in ("integer", "number"):
            return Prim("number")
        if kind == "boolean":
            return Prim("boolean")
        return ANY

    # -- after the walk --------------------------------------------------------------------

    def mark_hidden(self) -> None:
        """Enums that are the discriminator of members get no page: a component enum with
        several values (shown as ``*string*`` elsewhere), an inline one shown as a constant."""
        for owner in self.models:
            if owner.kind != "object":
                continue
            for row in owner.rows:
                target = row.type.model if isinstance(row.type, Ref) else None
                if target is None or target.kind != "enum" or row.wire not in owner.discriminators:
                    continue
                if target.component is not None and len(target.values) > 1:
                    target.hidden = True
                if target.component is None and (len(target.values) == 1 or not owner.plain_use):
                    target.hidden = True

    def ensure_file_model(self) -> Model:
        """The model of a multipart file (``FileT``): its name and its content stream. It has a
        page when a component (not only an operation's own body) holds a file."""
        if self.file_model is None:
            # Speakeasy's one model of a multipart file: FileT, whatever component it came from
            model = Model(
                kind="object",
                name=names.class_name("File"),
                schema={},
                description=None,
                page=False,
            )
            self.naming.take(model.name, "object")
            self.models.append(model)
            model.no_example = True
            for wire, typ in (("fileName", STRING), ("content", Prim("ReadableStream"))):
                model.rows.append(Row(wire, {}, typ, True, False, None, None, False, ts_name=wire))
            self.file_model = model
        return self.file_model
