"""One schema node → :data:`~generator.ir.types.TypeExpr`: the ``type``/``const``/``enum`` dispatch.

:class:`Converter` implements the context's one recursion point. Schemas that hold none of
the keywords below are read by their ``type`` alone; the others go to ``$ref`` following
(:mod:`.references`), unions (:mod:`.unions`) or ``allOf`` merging (:mod:`.objects`). Inline
objects with properties, enums and merged ``allOf`` objects are registered as named types
(named by ``hint``, e.g. ``<Parent><Field>``).
"""

from __future__ import annotations

from typing import Any

from generator.ir import naming
from generator.ir.context import Context, Scope
from generator.ir.nodes import (
    ANY,
    NULL,
    PRIMITIVE_SET,
    PRIMITIVES,
    enum_values,
    format_of,
    only_annotations,
    primitive,
    primitives,
    ref_of,
    types_of,
    union,
)
from generator.ir.objects import merge_all_of
from generator.ir.references import convert_ref, dynamic_target, entered
from generator.ir.types import AnyType, ArrayType, ConstType, InlineUnion, MapType, Ref, TypeExpr
from generator.ir.unions import union_members

#: Keywords that make a schema more than its ``type``: :meth:`Converter.convert` looks for
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


class Converter(Context):
    def convert(
        self, schema: Any, scope: Scope, hint: str, pointer: str, *, top: bool = False
    ) -> TypeExpr:
        if schema is True or schema == {}:
            return ANY
        if schema is False:
            return AnyType("the schema 'false' accepts no value")
        if not isinstance(schema, dict):
            return ANY
        if not top and id(schema) in self.named_ids:
            return Ref(self.named_ids[id(schema)])
        if _SPECIAL_KEYWORDS.isdisjoint(schema):
            return self.convert_types(schema, scope, hint, pointer, top=top)
        if self.id_keyword in schema:
            scope = entered(self, schema, scope)
        ref = ref_of(schema)
        if ref is not None and (self.legacy_ref or only_annotations(schema, "$ref")):
            return convert_ref(self, schema, scope, hint, pointer)
        if "$dynamicRef" in schema or "$recursiveRef" in schema:
            dynamic = dynamic_target(self, schema)
            if dynamic is not None:
                return dynamic
        if "const" in schema:
            return ConstType(schema["const"])
        values = enum_values(schema)
        if values is not None:
            if all(v is None for v in values):
                return NULL
            if not top:
                key = self.register(naming.class_name(hint), schema, scope, self.doc_uri, pointer)
                expr: TypeExpr = Ref(key)
            else:
                expr = ANY
            if None in values:
                return InlineUnion((expr, NULL))
            return expr
        if "oneOf" in schema or "anyOf" in schema:
            members = union_members(self, schema, scope, hint, pointer)
            if members is not None:
                return union(members)
        if "allOf" in schema:
            merged = merge_all_of(self, schema, scope, pointer)
            if merged is None:
                return AnyType("allOf that does not merge into one object")
            if not top:
                key = self.register(naming.class_name(hint), merged, scope, self.doc_uri, pointer)
                return Ref(key)
            return ANY
        return self.convert_types(schema, scope, hint, pointer, top=top)

    def convert_types(
        self, schema: dict[str, Any], scope: Scope, hint: str, pointer: str, *, top: bool
    ) -> TypeExpr:
        """The type expression of a schema by its ``type`` (declared or implied)."""
        declared = schema.get("type")
        if isinstance(declared, str) and declared in PRIMITIVES:  # the most common case
            return primitive(declared, format_of(schema) if declared == "string" else None)
        types = types_of(schema)
        if types and PRIMITIVE_SET.issuperset(types):  # ["string", "null"] …
            return primitives(tuple(types), format_of(schema) if "string" in types else None)
        exprs: list[TypeExpr] = []
        for kind in types:
            if kind == "object":
                exprs.append(self.object_expr(schema, scope, hint, pointer, top=top))
            elif kind == "array":
                exprs.append(self.array_expr(schema, scope, hint, pointer))
            elif kind in PRIMITIVES:
                exprs.append(primitive(kind, format_of(schema) if kind == "string" else None))
        if not exprs:
            return ANY
        return union(exprs)

    def object_expr(
        self, schema: dict[str, Any], scope: Scope, hint: str, pointer: str, *, top: bool
    ) -> TypeExpr:
        """An object with properties as a named type; any other object as a map."""
        if "properties" in schema and schema["properties"] and not top:
            key = self.register(naming.class_name(hint), schema, scope, self.doc_uri, pointer)
            return Ref(key)
        additional = schema.get("additionalProperties", True)
        if additional is True or additional == {} or "patternProperties" in schema:
            return MapType(ANY)
        if additional is False:
            return MapType(AnyType("no members allowed"))
        return MapType(
            self.convert(additional, scope, f"{hint}Value", f"{pointer}/additionalProperties")
        )

    def array_expr(self, schema: dict[str, Any], scope: Scope, hint: str, pointer: str) -> TypeExpr:
        items = schema.get("items")
        if "prefixItems" in schema or isinstance(items, list):
            return ArrayType(AnyType("tuple validation is enforced by the validator only"))
        if items is None:
            return ArrayType(ANY)
        return ArrayType(self.convert(items, scope, f"{hint}Item", f"{pointer}/items"))
