"""The keyword emitters, and :func:`emit_schema`, which applies them to one schema object.

Each dialect has ONE ordered table of :class:`Keyword` entries (:func:`table_for`): the
keywords an emitter reads, its type group (``None``: applies in place, whatever the instance's
type) and the emitter. Emitters of a group run inside that group's type test (``if type(x) is
dict:``, ...), written once for all of them; the table's order is the order of the checks in
the generated code. The emitters live by family: :mod:`.in_place`, :mod:`.objects`,
:mod:`.arrays`, :mod:`.strings` and :mod:`.numbers`; the signature they share is
:data:`.support.Emitter`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from generator.compiler.context import EmitContext, Mode
from generator.compiler.keywords import arrays, in_place, numbers, objects, strings
from generator.compiler.keywords.support import Emitter
from generator.compiler.scope import Scope
from generator.spec.dialects import Dialect


class Keyword(NamedTuple):
    """One row of a dialect's keyword table."""

    #: the keywords the emitter reads (it runs when one of them is present)
    names: frozenset[str]
    #: "dict", "list", "str", "num", or None for in-place keywords
    group: str | None
    emit: Emitter


def _row(names: str, group: str | None, emit: Emitter) -> Keyword:
    return Keyword(frozenset(names.split()), group, emit)


#: The type groups, in the order their blocks are written, with their type tests.
GROUP_HEADERS = {
    "dict": "if type({}) is dict:",
    "list": "if type({}) is list:",
    "str": "if type({}) is str:",
    "num": "if type({}) in _NUMBER:",
}

_IN_PLACE = (
    _row("$ref", None, in_place.ref),
    _row("$dynamicRef", None, in_place.dynamic_ref),
    _row("$recursiveRef", None, in_place.recursive_ref),
    _row("type", None, in_place.type_),
    _row("enum", None, in_place.enum),
    _row("const", None, in_place.const),
    _row("allOf", None, in_place.all_of),
    _row("anyOf", None, in_place.any_of),
    _row("oneOf", None, in_place.one_of),
    _row("not", None, in_place.not_),
    _row("if", None, in_place.if_),
)
_OBJECTS = (
    _row("required", "dict", objects.required),
    _row("minProperties", "dict", objects.min_properties),
    _row("maxProperties", "dict", objects.max_properties),
    _row("dependentRequired", "dict", objects.dependent_required),
    _row("dependencies", "dict", objects.dependencies),
    _row("dependentSchemas", "dict", objects.dependent_schemas),
    _row("propertyNames", "dict", objects.property_names),
    _row("properties patternProperties additionalProperties", "dict", objects.properties),
    _row("unevaluatedProperties", "dict", objects.unevaluated_properties),
)
_ARRAYS_HEAD = (
    _row("minItems", "list", arrays.min_items),
    _row("maxItems", "list", arrays.max_items),
    _row("uniqueItems", "list", arrays.unique_items),
)
_ITEMS_LEGACY = _row("items additionalItems", "list", arrays.items_additional_items)
_ITEMS_2020 = _row("prefixItems items", "list", arrays.items_prefix_items)
_ARRAYS_TAIL = (
    _row("contains", "list", arrays.contains),
    _row("unevaluatedItems", "list", arrays.unevaluated_items),
)
_STRINGS = (
    _row("minLength", "str", strings.min_length),
    _row("maxLength", "str", strings.max_length),
    _row("pattern", "str", strings.pattern),
    _row("format", "str", strings.format_),
)
_NUMBERS_DRAFT4 = (
    _row("minimum", "num", numbers.minimum_draft4),
    _row("maximum", "num", numbers.maximum_draft4),
)
_NUMBERS = (
    _row("minimum", "num", numbers.minimum),
    _row("maximum", "num", numbers.maximum),
    _row("exclusiveMinimum", "num", numbers.exclusive_minimum),
    _row("exclusiveMaximum", "num", numbers.exclusive_maximum),
)
_MULTIPLE_OF = _row("multipleOf", "num", numbers.multiple_of)

_UNEVALUATED = frozenset({"unevaluatedProperties", "unevaluatedItems"})
_UNEVALUATED_GROUP = {"unevaluatedProperties": "dict", "unevaluatedItems": "list"}

_TABLES: dict[Dialect, tuple[Keyword, ...]] = {}


def table_for(dialect: Dialect) -> tuple[Keyword, ...]:
    """The ordered keyword table of ``dialect``: the rows of its keywords, with the draft's
    own variants (``items``: 2020-12's or the earlier drafts'; draft 4's bounds)."""
    table = _TABLES.get(dialect)
    if table is None:
        items = _ITEMS_2020 if dialect.items_mode == "prefixItems" else _ITEMS_LEGACY
        bounds = _NUMBERS_DRAFT4 if dialect.name == "draft4" else _NUMBERS
        rows = (
            *_IN_PLACE,
            *_OBJECTS,
            *_ARRAYS_HEAD,
            items,
            *_ARRAYS_TAIL,
            *_STRINGS,
            *bounds,
            _MULTIPLE_OF,
        )
        table = tuple(row for row in rows if not row.names.isdisjoint(dialect.keywords))
        _TABLES[dialect] = table
    return table


class _Plan:
    """What :func:`emit_schema` does for a schema with given keys in a dialect (memoised):
    the rows of the dialect's table whose keywords are present, in place and by group."""

    __slots__ = ("active", "ref_only", "unevaluated", "in_place", "groups")

    def __init__(self, schema: dict[str, Any], dialect: Dialect) -> None:
        self.active = frozenset(schema.keys() & dialect.keywords)  # the keywords that apply
        self.ref_only = dialect.ref_overrides_siblings and "$ref" in self.active
        self.unevaluated = not self.active.isdisjoint(_UNEVALUATED)
        rows = [row for row in table_for(dialect) if not row.names.isdisjoint(self.active)]
        self.in_place = tuple(row.emit for row in rows if row.group is None)
        #: group -> its rows, in GROUP_HEADERS order
        self.groups = {
            group: tuple(row for row in rows if row.group == group)
            for group in GROUP_HEADERS
            if any(row.group == group for row in rows)
        }


def _emit_group(
    cx: EmitContext,
    rows: tuple[Keyword, ...],
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    unevaluated: bool,
) -> None:
    """Emit one type group's rows (its ``unevaluated*`` ones only if ``unevaluated``)."""
    for row in rows:
        if unevaluated or row.names.isdisjoint(_UNEVALUATED):
            row.emit(cx, schema, scope, x, p, track)


def emit_schema(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    skip_unevaluated: bool,
) -> None:
    """Emit the checks of the schema object ``schema`` against the instance in ``x``: its
    in-place keywords, then each type group's inside the group's type test (no test where a
    ``type`` check before has already returned for the other types). ``skip_unevaluated``
    leaves out the schema's own ``unevaluated*`` keywords (ANNOTATIONS_OWN)."""
    plans = cx.compiler.plans
    plan = plans.get((*schema, scope.dialect))
    if plan is None:
        plan = plans[(*schema, scope.dialect)] = _Plan(schema, scope.dialect)

    if plan.ref_only:
        in_place.ref(cx, schema, scope, x, p, track)
        return
    errors = cx.mode is Mode.ERRORS
    active = plan.active
    unevaluated = plan.unevaluated and not skip_unevaluated
    if unevaluated and "type" in active and not errors:
        # the type check returns for other types: an unevaluated* keyword of another type's
        # group is never reached (nor its set of evaluated names, unused, emitted)
        group = in_place.known_group(schema)
        if group is not None and not any(
            group == _UNEVALUATED_GROUP[keyword] for keyword in _UNEVALUATED & active
        ):
            unevaluated = False
    inner = track
    local: str | None = None
    if unevaluated and not errors:
        local = cx.var("ev")
        cx.line(f"{local}: set[Any] = set()")
        inner = local
    if errors:
        inner = None

    for emit in plan.in_place:
        emit(cx, schema, scope, x, p, inner)

    known = in_place.known(cx, x)
    if known is not None:
        # the type check above already returned for other types: no ``if type(x)`` needed
        rows = plan.groups.get(known)
        if rows is not None:
            _emit_group(cx, rows, schema, scope, x, p, inner, unevaluated)
    else:
        for group, rows in plan.groups.items():
            body = cx.sub()
            _emit_group(body, rows, schema, scope, x, p, inner, unevaluated)
            cx.emit_block(GROUP_HEADERS[group].format(x), body)

    if local is not None and track is not None:
        cx.line(f"{track}.update({local})")
