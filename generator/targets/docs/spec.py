"""The docs model of an OpenAPI document: which pages exist, what each holds, their names.

Speakeasy's page rules follow the document's raw shape (siblings of ``$ref`` ignored,
``allOf`` wrappers, nullable forms, ``example``/``examples``, discriminator mapping order, the
path-walk order of naming), so this reads the document as written (``LoadedSchema.raw``),
resolving local ``$ref`` by JSON Pointer and others through the loader's registry.

The walk visits each component schema and each inline schema once: operations in path order,
then schemas marked ``x-speakeasy-include``. A short name goes to the model met first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import unquote

from generator.load import LoadedSchema
from generator.spec.pointer import join_reference
from generator.targets.docs import names, operations
from generator.targets.docs.model import (
    ANY,
    STRING,
    Arr,
    Const,
    Context,
    MapOf,
    Model,
    Prim,
    Ref,
    Row,
    Type,
    examples_of,
    is_map,
    makes_model,
    map_values,
    model_of,
    schema_example,
    subschemas,
    types_of,
    unique,
)
from generator.targets.docs.naming import Naming
from generator.targets.docs.settings import DocsSettings

_COMPONENT = "#/components/schemas/"
#: Components nested in one recursion before the rest waits (RecursionError otherwise).
MAX_NESTING = 40


# -- the walk --------------------------------------------------------------------------------


class DocsModel(Naming):
    def __init__(
        self,
        loaded: LoadedSchema,
        settings: DocsSettings,
        contested: frozenset[str] = frozenset(),
        silent: frozenset[int] = frozenset(),
        op_held: dict[str, str] | None = None,
    ) -> None:
        self.loaded = loaded
        self.doc = loaded.raw
        self.settings = settings
        #: Short names several inline models want (``nameResolutionFeb2025``: none gets it).
        self.contested = contested
        #: Inline schemas (by identity) that make discriminator constants: they take no name.
        self.silent = silent
        components = self.doc.get("components") or {}
        self.schemas: dict[str, Any] = components.get("schemas") or {}
        self.models: list[Model] = []
        #: Class names in use (lower-cased) → "component" or the kind of inline model.
        self.taken: dict[str, str] = {}
        #: Component class names as spelled, by lower-cased name ("" for overridden names).
        self.spelled: dict[str, str] = {}
        self.class_of: dict[str, str] = {}
        for key, schema in self.schemas.items():
            override = schema.get("x-speakeasy-name-override") if isinstance(schema, dict) else None
            cls = names.class_name(override) if isinstance(override, str) else names.class_name(key)
            base, number = cls, 2
            # keys that differ only in separators or case; an override naming an existing
            # class joins it (Speakeasy writes one page: mistral's *TrainingParametersIn)
            while cls.lower() in self.taken and not isinstance(override, str):
                cls, number = f"{base}{number}", number + 1
            self.class_of[key] = cls
            self.taken[cls.lower()] = "component"
            # an overridden name is matched only after names are resolved: read it as spelled
            # otherwise, so a clash with it takes the suffix
            self.spelled[cls.lower()] = "" if isinstance(override, str) else cls
        self.types: dict[str, Type] = {}
        self.in_progress: set[str] = set()
        self.errors: set[str] = set()
        self.response_roots: list[Model] = []
        self.file_model: Model | None = None
        #: How many components the walk is inside, and the fills left for later.
        self.nesting = 0
        self.deferred: list[Callable[[], None]] = []
        self.unnamed: list[tuple[int, int, Model, Context, str]] = []
        #: Kinds of the models of operations' own schemas, by short name (this walk's, and the
        #: first walk's, which the second reads).
        self.op_kinds: dict[str, str] = {}
        self.op_held = op_held or {}
        self.security: Model | None = None
        operations.walk(self)
        self.assign_names()

    # -- references ----------------------------------------------------------------------

    def resolve(self, ref: str) -> tuple[str | None, Any]:
        """The component key (if any) and the raw schema ``ref`` points to."""
        if ref.startswith(_COMPONENT) and "/" not in ref[len(_COMPONENT) :]:
            key = unquote(ref[len(_COMPONENT) :]).replace("~1", "/").replace("~0", "~")
            if key in self.schemas:
                return key, self.schemas[key]
        if ref.startswith("#/"):
            node: Any = self.doc
            for token in unquote(ref[2:]).split("/"):
                token = token.replace("~1", "/").replace("~0", "~")
                if isinstance(node, dict) and token in node:
                    node = node[token]
                elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                    node = node[int(token)]
                else:
                    return None, {}
            return None, node
        uri = join_reference(self.loaded.uri, ref)
        resolved = self.loaded.registry.resolver(self.loaded.uri).lookup(uri)
        return None, resolved.contents

    def deref(self, schema: Any) -> Any:
        """``schema`` with ``$ref`` chains followed (siblings of ``$ref`` are ignored)."""
        seen = 0
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and seen < 64:
            schema = self.resolve(schema["$ref"])[1]
            seen += 1
        return schema

    # -- components --------------------------------------------------------------------------

    def component(self, key: str, *, multipart: bool = False) -> Type:
        if key in self.types:
            return self.types[key]
        if key in self.in_progress:
            return ANY  # a map or alias that contains itself
        self.in_progress.add(key)
        cls = self.class_of[key]
        self.nesting += 1
        try:
            typ = self.type_of(
                self.schemas[key], Context(cls, cls, multipart=multipart), component=key
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
        key, target = self.resolve(ref)
        if key is None:
            return self.type_of(target, ctx)
        typ = self.component(key, multipart=ctx.multipart)
        model = model_of(typ)
        if model is not None:
            model.plain_use = True
        return typ

    # -- naming --------------------------------------------------------------------------------

    def new_model(
        self, kind: str, schema: Any, ctx: Context, component: str | None, description: Any
    ) -> Model:
        if component is not None:
            name = self.class_of[component]
        elif ctx.own_name is not None:
            name = ctx.own_name
        elif not ctx.page:  # named in the operations' own namespace, after the components
            name = ctx.short
            self.op_kinds.setdefault(names.class_name(ctx.short).lower(), kind)
        elif id(schema) in self.silent:
            name = names.class_name(ctx.short)
        else:
            name = ""  # named once the walk is done: shallow models first (assign_names)
        model = Model(
            page=ctx.page or component is not None,
            kind=kind,
            name=name,
            schema=schema,
            description=description if isinstance(description, str) and description else None,
            component=component,
            deprecated=isinstance(schema, dict) and schema.get("deprecated") is True,
        )
        if component is None and ctx.page and ctx.own_name is None:
            model.wanted = names.class_name(ctx.short).lower() if ctx.member_of is None else ""
            if not name:
                self.unnamed.append((ctx.depth, len(self.unnamed), model, ctx, kind))
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
            members = [m for m in union if not self.is_null(m)]
            if not members:
                return ANY
            if len(members) == 1 and len(members) < len(union) and "discriminator" not in schema:
                return self.type_of(members[0], ctx, component)
            if all(self.is_string(m) for m in members):
                return STRING
            return self.union(schema, members, ctx, component)
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
                return self.object(schema, ctx, component)
        if len(types) > 1:
            return self.union(schema, [{**schema, "type": t} for t in types], ctx, component)
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
                return Arr(self.type_of(items, replace(ctx, own_name=self.class_of[component])))
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

    def is_null(self, schema: Any) -> bool:
        return isinstance(schema, dict) and (
            schema.get("type") == "null" or (schema.get("enum") == [None])
        )

    def is_string(self, schema: Any) -> bool:
        schema = self.deref(schema)
        if not isinstance(schema, dict):
            return False
        if schema.get("type") == "string" and "enum" not in schema and "const" not in schema:
            return schema.get("format") != "date-time"
        return False

    # -- objects --------------------------------------------------------------------------

    def object(self, schema: dict[str, Any], ctx: Context, component: str | None) -> Type:
        description = schema.get("description")
        if not description and isinstance(schema.get("allOf"), list):
            for member in schema["allOf"]:
                member_description = (
                    self.deref(member).get("description")
                    if isinstance(self.deref(member), dict)
                    else None
                )
                if isinstance(member_description, str) and member_description:
                    description = member_description
                    break
        model = self.new_model("object", schema, ctx, component, description)
        model.has_example, model.example = schema_example(schema)
        model.no_example = ctx.multipart and component is not None
        model.filled = False
        if not self.later(component, lambda: self._fill(model, schema, ctx, component)):
            self._fill(model, schema, ctx, component)
        return Ref(model)

    def _fill(
        self, model: Model, schema: dict[str, Any], ctx: Context, component: str | None
    ) -> None:
        enclosing = self.class_of[component] if component is not None else ctx.enclosing
        properties: dict[str, Any] = {}
        required: set[str] = set()
        additional: list[Any] = []
        self._merge(schema, properties, required, additional, set())
        carries = model.has_example
        inner = ctx.inside(component, enclosing).sub("")
        for wire, prop in properties.items():
            row = self.row(wire, prop, wire in required, inner)
            model.rows.append(row)
            sub = model_of(row.type)
            if sub is not None:
                model.children.append(sub)
            carries = carries or row.examples is not None or self.subtree_example(prop)
        extra = additional[-1] if additional else None
        if properties and extra is not None and extra is not False:
            value = (
                ANY
                if extra is True or extra == {}
                else self.type_of(extra, inner.sub("AdditionalProperties"))
            )
            model.additional = value
            sub = model_of(value)
            if sub is not None:
                model.children.append(sub)
        model.carries_example = carries
        model.filled = True

    def _merge(
        self,
        schema: dict[str, Any],
        properties: dict[str, Any],
        required: set[str],
        additional: list[Any],
        seen: set[int],
    ) -> None:
        if id(schema) in seen:
            return
        seen.add(id(schema))
        for member in schema.get("allOf") or []:
            member = self.deref(member)
            if isinstance(member, dict):
                self._merge(member, properties, required, additional, seen)
        for wire, prop in (schema.get("properties") or {}).items():
            properties[wire] = prop
        for wire in schema.get("required") or []:
            if isinstance(wire, str):
                required.add(wire)
        if "additionalProperties" in schema:
            additional.append(schema["additionalProperties"])

    def row(self, wire: str, prop: Any, required: bool, ctx: Context) -> Row:
        prop_dict = prop if isinstance(prop, dict) else {}
        override = prop_dict.get("x-speakeasy-name-override")
        ts_name = names.camel(override if isinstance(override, str) else wire)
        # the title names the model the property itself makes, not its array's items
        title = (
            prop_dict.get("title") if not ("$ref" in prop_dict or "items" in prop_dict) else None
        )
        # an x-speakeasy-name-override names the model before the title does
        named = isinstance(override, str) or not (isinstance(title, str) and title)
        short = ts_name if named else str(title)
        typ = self.type_of(prop, ctx.sub(short))
        has_value, value = self.field_value(prop_dict)
        return Row(
            wire=wire,
            schema=prop,
            type=typ,
            required=required,
            # a map's default does not make it optional (dub LeadCreatedEvent.data.metadata)
            has_default="default" in prop_dict
            and "$ref" not in prop_dict
            and not isinstance(typ, MapOf),
            description=self.row_description(prop_dict),
            examples=self.row_examples(prop_dict),
            deprecated=prop_dict.get("deprecated") is True,
            ts_name=ts_name,
            value=value,
            has_value=has_value,
        )

    def row_description(self, prop: dict[str, Any]) -> str | None:
        if isinstance(prop.get("$ref"), str):
            target = self.deref(prop)
            text = target.get("description") if isinstance(target, dict) else None
        else:
            text = prop.get("description")
        return text if isinstance(text, str) and text else None

    def row_examples(self, prop: dict[str, Any]) -> list[Any] | None:
        if isinstance(prop.get("$ref"), str):
            return examples_of(self.deref(prop))
        own = examples_of(prop)
        if own is not None:
            return own
        union = prop.get("anyOf", prop.get("oneOf"))
        if isinstance(union, list) and len(union) == 2 and any(map(self.is_null, union)):
            ref = next(m for m in union if not self.is_null(m))
            if isinstance(ref, dict) and "$ref" in ref:
                return examples_of(self.deref(ref))
        return None

    def field_value(self, prop: dict[str, Any]) -> tuple[bool, Any]:
        if "$ref" in prop:
            target = self.deref(prop)
            return schema_example(target) if isinstance(target, dict) else (False, None)
        found, value = schema_example(prop)
        if found:
            return found, value
        for key in ("const", "default"):
            if key in prop:
                return True, prop[key]
        return False, None

    def subtree_example(self, schema: Any) -> bool:
        """Whether ``example``/``examples`` occurs anywhere below ``schema`` (memoised per
        component, so the question costs a walk of each schema once)."""
        stack = [schema]
        seen: set[int] = set()
        while stack:
            node = stack.pop()
            if not isinstance(node, dict) or id(node) in seen:
                continue
            seen.add(id(node))
            if "example" in node or "examples" in node:
                return True
            if isinstance(node.get("$ref"), str):
                key, target = self.resolve(node["$ref"])
                if key is not None:
                    typ = self.types.get(key)
                    model = model_of(typ) if typ is not None else None
                    if model is not None and key not in self.in_progress and model.filled:
                        if model.carries_example:
                            return True
                        continue
                stack.append(target)
                continue
            stack.extend(subschemas(node))
        return False

    # -- unions ----------------------------------------------------------------------------

    def union(
        self, schema: dict[str, Any], members: list[Any], ctx: Context, component: str | None
    ) -> Type:
        model = self.new_model("union", schema, ctx, component, schema.get("description"))
        enclosing = self.class_of[component] if component is not None else ctx.enclosing
        discriminator = schema.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
            prop = discriminator.get("propertyName")
            ordered: list[Any] = []
            for value, ref in discriminator["mapping"].items():
                typ = self.disc_member(ref, ctx)
                sub = model_of(typ)
                if sub is not None and isinstance(prop, str):
                    sub.discriminators.setdefault(prop, value)
                if all(t is not typ for t in ordered):
                    ordered.append(typ)
            model.members = ordered
        else:
            for index, member in enumerate(members, 1):
                model.members.append(self.member(member, index, model, ctx, enclosing))
                if isinstance(member, dict) and "$ref" not in member:
                    found, value = schema_example(member)
                    if found:
                        model.member_examples[index - 1] = value
        for member_type in model.members:
            sub = model_of(member_type)
            if sub is not None:
                model.children.append(sub)
        return Ref(model)

    def disc_member(self, ref: str, ctx: Context) -> Type:
        key, target = self.resolve(ref)
        if key is None:
            return self.type_of(target, ctx)
        return self.component(key, multipart=ctx.multipart)

    def member(self, member: Any, index: int, union: Model, ctx: Context, enclosing: str) -> Type:
        if isinstance(member, dict) and ("$ref" in member or not makes_model(member)):
            return self.type_of(member, ctx.sub(ctx.short, enclosing))
        short_name = names.class_name(ctx.short)
        inner = replace(
            ctx.sub("", enclosing),
            union=short_name,
            member=index,
            member_of=union,
            depth=ctx.depth + 1,
        )
        return self.type_of(member, inner)

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
            self.taken[model.name.lower()] = "object"
            self.models.append(model)
            model.no_example = True
            for wire, typ in (("fileName", STRING), ("content", Prim("ReadableStream"))):
                model.rows.append(Row(wire, {}, typ, True, False, None, None, False, ts_name=wire))
            self.file_model = model
        return self.file_model


def build(loaded: LoadedSchema, settings: DocsSettings) -> DocsModel:
    """The docs model, from two walks of the document (still linear). The first shows what
    only a whole walk shows: which enums are discriminator constants (no model, so they take
    no name) and, under ``nameResolutionFeb2025``, which short names several inline models
    want (none of them gets it)."""
    first = DocsModel(loaded, settings)
    first.mark_hidden()
    silent = frozenset(id(m.schema) for m in first.models if m.hidden and m.component is None)
    wanted: dict[str, int] = {}
    held = dict(first.op_kinds)
    if settings.singular_items:
        kinds: dict[str, set[str]] = {}
        for model in first.models:
            if model.wanted:  # a discriminator constant wants its name too, as a constant
                wanted[model.wanted] = wanted.get(model.wanted, 0) + 1
                kind = "const" if model.hidden else model.kind
                kinds.setdefault(model.wanted, set()).add(kind)
        # an enum contesting its name with another kind of model is held off it, as by an
        # operation's model (bluesky ReasonEnum beside FeedViewPost's reason union)
        for name, found in kinds.items():
            if wanted[name] > 1 and "enum" in found and len(found) > 1:
                held.setdefault(name, "union" if "union" in found else "object")
    contested = frozenset(name for name, count in wanted.items() if count > 1)
    second = DocsModel(loaded, settings, contested, silent, held)
    second.mark_hidden()
    return second
