"""The docs walk's objects and unions: a model's rows (``allOf`` merged), its Example-column
values and usage values, and a union's members (discriminator mapping order, else the
members as written).

:class:`Objects` and :class:`Unions` are built by :class:`~generator.targets.docs.spec.DocsModel`
and call back into it (as :class:`Walk`) for the types of their properties and members.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from generator.spec.keywords import SUBSCHEMA_KEYWORDS, subschemas
from generator.targets.docs import names
from generator.targets.docs.model import (
    ANY,
    Context,
    MapOf,
    Model,
    ModelKind,
    Ref,
    Row,
    Type,
    examples_of,
    makes_model,
    model_of,
    schema_example,
)
from generator.targets.docs.naming import Naming
from generator.targets.docs.refs import Document, is_null


class Walk(Protocol):
    """What objects and unions ask of the walk (:class:`~generator.targets.docs.spec.DocsModel`)."""

    document: Document
    naming: Naming
    types: dict[str, Type]
    in_progress: set[str]

    def type_of(self, schema: Any, ctx: Context, component: str | None = None) -> Type: ...

    def component(self, key: str, *, multipart: bool = False) -> Type: ...

    def later(self, component: str | None, fill: Callable[[], None]) -> bool: ...

    def new_model(
        self, kind: ModelKind, schema: Any, ctx: Context, component: str | None, description: Any
    ) -> Model: ...


class Objects:
    def __init__(self, walk: Walk) -> None:
        self.walk = walk
        self.document: Document = walk.document

    def object(self, schema: dict[str, Any], ctx: Context, component: str | None) -> Type:
        deref = self.document.deref
        description = schema.get("description")
        if not description and isinstance(schema.get("allOf"), list):
            for member in schema["allOf"]:
                member_description = (
                    deref(member).get("description") if isinstance(deref(member), dict) else None
                )
                if isinstance(member_description, str) and member_description:
                    description = member_description
                    break
        model = self.walk.new_model("object", schema, ctx, component, description)
        model.has_example, model.example = schema_example(schema)
        model.no_example = ctx.multipart and component is not None
        model.filled = False
        if not self.walk.later(component, lambda: self._fill(model, schema, ctx, component)):
            self._fill(model, schema, ctx, component)
        return Ref(model)

    def _fill(
        self, model: Model, schema: dict[str, Any], ctx: Context, component: str | None
    ) -> None:
        walk = self.walk
        enclosing = walk.naming.class_of[component] if component is not None else ctx.enclosing
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
                else walk.type_of(extra, inner.sub("AdditionalProperties"))
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
            member = self.document.deref(member)
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
        typ = self.walk.type_of(prop, ctx.sub(short))
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
            target = self.document.deref(prop)
            text = target.get("description") if isinstance(target, dict) else None
        else:
            text = prop.get("description")
        return text if isinstance(text, str) and text else None

    def row_examples(self, prop: dict[str, Any]) -> list[Any] | None:
        if isinstance(prop.get("$ref"), str):
            return examples_of(self.document.deref(prop))
        own = examples_of(prop)
        if own is not None:
            return own
        union = prop.get("anyOf", prop.get("oneOf"))
        if isinstance(union, list) and len(union) == 2 and any(map(is_null, union)):
            ref = next(m for m in union if not is_null(m))
            if isinstance(ref, dict) and "$ref" in ref:
                return examples_of(self.document.deref(ref))
        return None

    def field_value(self, prop: dict[str, Any]) -> tuple[bool, Any]:
        if "$ref" in prop:
            target = self.document.deref(prop)
            return schema_example(target) if isinstance(target, dict) else (False, None)
        found, value = schema_example(prop)
        if found:
            return found, value
        for key in ("const", "default"):
            if key in prop:
                return True, prop[key]
        return False, None

    def subtree_example(self, schema: Any) -> bool:
        """Whether ``example``/``examples`` occurs anywhere below ``schema`` (a component
        already filled answers from its model, so the question costs a walk of each schema
        once)."""
        walk = self.walk
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
                key, target = self.document.resolve(node["$ref"])
                if key is not None:
                    typ = walk.types.get(key)
                    model = model_of(typ) if typ is not None else None
                    if model is not None and key not in walk.in_progress and model.filled:
                        if model.carries_example:
                            return True
                        continue
                stack.append(target)
                continue
            if not SUBSCHEMA_KEYWORDS.isdisjoint(node):
                stack.extend([sub for _, sub in subschemas(node)])
        return False


class Unions:
    def __init__(self, walk: Walk) -> None:
        self.walk = walk

    def union(
        self, schema: dict[str, Any], members: list[Any], ctx: Context, component: str | None
    ) -> Type:
        walk = self.walk
        model = walk.new_model("union", schema, ctx, component, schema.get("description"))
        enclosing = walk.naming.class_of[component] if component is not None else ctx.enclosing
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
        key, target = self.walk.document.resolve(ref)
        if key is None:
            return self.walk.type_of(target, ctx)
        return self.walk.component(key, multipart=ctx.multipart)

    def member(self, member: Any, index: int, union: Model, ctx: Context, enclosing: str) -> Type:
        if isinstance(member, dict) and ("$ref" in member or not makes_model(member)):
            return self.walk.type_of(member, ctx.sub(ctx.short, enclosing))
        short_name = names.class_name(ctx.short)
        inner = replace(
            ctx.sub("", enclosing),
            union=short_name,
            member=index,
            member_of=union,
            depth=ctx.depth + 1,
        )
        return self.walk.type_of(member, inner)
