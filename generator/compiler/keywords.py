"""One small emitter per keyword (family). Each writes checks for the instance in ``x``.

Emitters receive the emission context ``cx`` (see :class:`generator.compiler.core.Cx`), the schema
object, its :class:`~generator.compiler.scope.Scope`, the instance variable ``x``, the instance
path variable ``p`` (error path only) and ``track`` -- the name of the set collecting evaluated
property names / item indices when an enclosing ``unevaluated*`` needs them (else ``None``).
"""

from __future__ import annotations

import json
from functools import partial
from typing import TYPE_CHECKING, Any

from generator.compiler import replay
from generator.compiler.codegen import INDENT, uses
from generator.compiler.formats import FORMATS
from generator.errors import SchemaError

if TYPE_CHECKING:
    from generator.compiler.core import Cx
    from generator.compiler.scope import Scope
    from generator.spec.dialects import Dialect

_TYPE_NAMES = {
    "string": "str",
    "object": "dict",
    "array": "list",
    "boolean": "bool",
    "null": "_NoneType",
    "number": "int, float",
    "integer": "int",
}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _show(value: Any) -> str:
    """How a schema value appears in an error message (JSON-ish, Python repr for strings)."""
    if isinstance(value, str):
        return repr(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return repr(value)
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


def _bad(scope: Scope, keyword: str, why: str) -> SchemaError:
    return SchemaError(f"invalid {keyword!r}: {why}", pointer=scope.schema_path(keyword))


def _path(cx: Cx, p: str | None) -> str | None:
    """A fresh path variable name for a child in the error path (None elsewhere)."""
    return cx.var("p") if p is not None else None


def _bind(cx: Cx, header: str, body: Cx, var: str, expr: str, pvar: str | None, pexpr: str) -> None:
    """Emit ``header``, then (one level deeper) the assignments of ``var``/``pvar`` when the
    body uses them, then the body (which is not empty)."""
    code = cx.code
    indent = code.indent + INDENT
    code.lines.append(code.indent + header)
    if uses(var, body.code):
        code.lines.append(f"{indent}{var} = {expr}")
    if pvar is not None and uses(pvar, body.code):
        code.lines.append(f"{indent}{pvar} = {pexpr}")
    code.lines.extend(body.code.lines)


def emit_schema(
    cx: Cx,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    skip_unevaluated: bool,
) -> None:
    plan = cx.comp.plans.get((*schema, scope.dialect))
    if plan is None:
        plan = cx.comp.plans[(*schema, scope.dialect)] = _Plan(schema, scope.dialect)
    active = plan.active
    has = active.__contains__

    if plan.ref_only:
        _ref(cx, schema, scope, x, p, track, "$ref")
        return
    unevaluated = plan.unevaluated and not skip_unevaluated
    if unevaluated and "type" in active and cx.mode != "e":
        # the type check returns for other types: an unevaluated* keyword of another type's
        # group is never reached (nor its set of evaluated names, unused, emitted)
        group = _known_group(schema, scope)
        if group is not None and not any(
            group == _UNEVALUATED_GROUP[keyword] for keyword in _UNEVALUATED & active
        ):
            unevaluated = False
    inner = track
    local: str | None = None
    if unevaluated and cx.mode != "e":
        local = cx.var("ev")
        cx.line(f"{local}: set[Any] = set()")
        inner = local
    if cx.mode == "e":
        inner = None

    known: str | None = cx.known[1] if cx.known is not None and cx.known[0] == x else None
    if plan.in_place:
        for ref_kw in ("$ref", "$dynamicRef", "$recursiveRef"):
            if ref_kw in active:
                _ref(cx, schema, scope, x, p, inner, ref_kw)
        if "type" in active:
            _type(cx, schema["type"], scope, x, p)
            if cx.mode != "e":
                known = _known_group(schema, scope) if known is None else known
                if known is not None:
                    cx.known = (x, known)
        if "enum" in active:
            _enum(cx, schema["enum"], scope, x, p, known)
        if "const" in active:
            _const(cx, schema["const"], scope, x, p)
        if "allOf" in active:
            for index, sub in enumerate(_schema_list(schema["allOf"], scope, "allOf")):
                cx.comp.child(cx, sub, scope, ("allOf", str(index)), x, p, inner)
        if "anyOf" in active:
            _any_of(cx, _schema_list(schema["anyOf"], scope, "anyOf"), scope, x, p, inner)
        if "oneOf" in active:
            _one_of(cx, _schema_list(schema["oneOf"], scope, "oneOf"), scope, x, p, inner)
        if "not" in active:
            _not(cx, schema["not"], scope, x, p)
        if "if" in active:
            _if(cx, schema, scope, x, p, inner)

    if known is not None:
        # the type check above already returned for other types: no ``if type(x)`` needed
        if known in plan.groups:
            _GROUP_EMITTERS[known](cx, schema, scope, x, p, inner, has, unevaluated)
    else:
        for _, header, emitter in plan.emitters:
            body = cx.sub()
            emitter(body, schema, scope, x, p, inner, has, unevaluated)
            cx.emit_block(header.format(x), body)

    if local is not None and track is not None:
        cx.line(f"{track}.update({local})")


class _Plan:
    """What :func:`emit_schema` does for a schema with given keys in a dialect (memoised)."""

    __slots__ = ("active", "ref_only", "unevaluated", "in_place", "groups", "emitters")

    def __init__(self, schema: dict[str, Any], dialect: Dialect) -> None:
        present = schema.keys()
        self.active = frozenset(present & dialect.keywords)  # the keywords that apply here
        self.ref_only = dialect.ref_overrides_siblings and "$ref" in self.active
        self.unevaluated = not self.active.isdisjoint(_UNEVALUATED)
        self.in_place = not self.active.isdisjoint(_IN_PLACE)
        # the type groups with keywords present (an emitter without them writes nothing)
        self.groups = frozenset(
            group for group, keywords in _GROUP_KEYWORDS.items() if not present.isdisjoint(keywords)
        )
        self.emitters = tuple(entry for entry in _GROUPS if entry[0] in self.groups)


_UNEVALUATED = frozenset({"unevaluatedProperties", "unevaluatedItems"})
_UNEVALUATED_GROUP = {"unevaluatedProperties": "dict", "unevaluatedItems": "list"}

# Every keyword each type group's emitter reads (its output is empty when none is present).
_GROUP_KEYWORDS = {
    "dict": frozenset(
        {
            "required",
            "minProperties",
            "maxProperties",
            "dependentRequired",
            "dependencies",
            "dependentSchemas",
            "propertyNames",
            "properties",
            "patternProperties",
            "additionalProperties",
            "unevaluatedProperties",
        }
    ),
    "list": frozenset(
        {
            "minItems",
            "maxItems",
            "uniqueItems",
            "prefixItems",
            "items",
            "additionalItems",
            "contains",
            "unevaluatedItems",
        }
    ),
    "str": frozenset({"minLength", "maxLength", "pattern", "format"}),
    "num": frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}),
}


_GROUP_OF = {"object": "dict", "array": "list", "string": "str", "number": "num", "integer": "num"}


def _known_group(schema: dict[str, Any], scope: Scope) -> str | None:
    """The type group an instance must be in once the ``type`` check passed (v/a paths):
    ``""`` when it is in none (``boolean``, ``null``: no group's keywords apply, and a test
    such as ``type(x) is str`` after ``x is None`` would be one mypy calls impossible),
    ``None`` when it may be in several."""
    value = schema["type"]
    names = value if isinstance(value, list) else [value]
    groups = {_GROUP_OF.get(name, "") if isinstance(name, str) else None for name in names}
    if len(groups) == 1:
        return groups.pop()
    return None


def _schema_list(value: Any, scope: Scope, keyword: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise _bad(scope, keyword, "must be a non-empty array of schemas")
    return value


# -- references --------------------------------------------------------------------------------


def _ref(
    cx: Cx,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    keyword: str,
) -> None:
    value = schema[keyword]
    if not isinstance(value, str):
        raise _bad(scope, keyword, "must be a string")
    resolver = cx.comp.resolver
    if keyword == "$ref":
        target, target_scope = resolver.ref(scope, value)
        # a chain of schemas that are only a $ref (``a -> b -> ... -> {"type": ...}``) is one
        # call to its end, not one call per link (thousands of links would be as many frames)
        seen = {id(schema)}
        while id(target) not in seen and _only_ref(target, target_scope):
            seen.add(id(target))
            target, target_scope = resolver.ref(target_scope, target["$ref"])
    elif keyword == "$dynamicRef":
        target, target_scope = resolver.dynamic_ref(scope, value)
    else:
        target, target_scope = resolver.recursive_ref(scope, value)
    inline = cx.comp.small(target)
    cx.comp.apply(cx, target, target_scope, x, p, track, inline=inline)


#: The error of a pattern match that ran out of time (``pattern_timeout``).
_TIMED_OUT = ": the pattern match ran out of time (pattern_timeout): treated as invalid"


def _only_ref(schema: Any, scope: Scope) -> bool:
    """Whether ``schema`` does nothing but apply its ``$ref`` (in ``scope``'s dialect)."""
    if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
        return False
    dialect = scope.dialect
    return dialect.ref_overrides_siblings or dialect.keywords.isdisjoint(schema.keys() - {"$ref"})


# -- any type ----------------------------------------------------------------------------------


def _type(cx: Cx, value: Any, scope: Scope, x: str, p: str | None) -> None:
    # the test and message depend on the names and the dialect only: work them out once
    checks = cx.comp.type_checks
    found = checks.get((value, scope.dialect.float_integers)) if type(value) is str else None
    if found is None:
        names = value if isinstance(value, list) else [value]
        if not names or not all(isinstance(n, str) and n in _TYPE_NAMES for n in names):
            raise _bad(scope, "type", f"unknown type in {value!r}")
        key = (*names, scope.dialect.float_integers)
        found = checks.get(key)
        if found is None:
            found = checks[key] = _type_check(cx, names, scope)
    header, message = found
    cx.fail_if(header.replace(_X, x), scope, "type", message, x, p)


_X = "\x00"  # stands for the instance variable in cached code


def _type_check(cx: Cx, names: list[str], scope: Scope) -> tuple[str, str]:
    """(``if`` header failing for the wrong types, on ``_X``; the failure message)."""
    x = _X
    pytypes: list[str] = []
    extra: list[str] = []
    for name in dict.fromkeys(names):
        pytypes.extend(_TYPE_NAMES[name].split(", "))
        if name == "integer" and scope.dialect.float_integers and "number" not in names:
            extra.append(f"_intf({x})")
    unique = list(dict.fromkeys(pytypes))
    positive, negative = _type_test(cx, x, unique)
    if extra and positive == negative.replace(" is not ", " is ", 1) and " or " not in positive:
        header = f"if {negative} and not {extra[0]}:"
    elif extra:
        header = f"if not ({positive} or {extra[0]}):"
    else:
        header = f"if {negative}:"
    shown = ", ".join(repr(n) for n in dict.fromkeys(names))
    return header, f" is not of type {shown}"


def _type_test(cx: Cx, x: str, pytypes: list[str]) -> tuple[str, str]:
    """(is one of ``pytypes``, is none of them) as expressions on ``x``."""
    others = [t for t in pytypes if t != "_NoneType"]
    nullable = len(others) < len(pytypes)
    if not others:
        return f"{x} is None", f"{x} is not None"
    if len(others) == 1:
        positive, negative = f"type({x}) is {others[0]}", f"type({x}) is not {others[0]}"
    elif sorted(others) == ["float", "int"]:
        positive, negative = f"type({x}) in _NUMBER", f"type({x}) not in _NUMBER"
    else:
        names = cx.comp.type_tuple(others)
        positive, negative = f"type({x}) in {names}", f"type({x}) not in {names}"
    if nullable:
        return f"{x} is None or {positive}", f"{x} is not None and {negative}"
    return positive, negative


def _enum(cx: Cx, value: Any, scope: Scope, x: str, p: str | None, known: str | None) -> None:
    if not isinstance(value, list):
        raise _bad(scope, "enum", "must be an array")
    shown = ", ".join(_show(v) for v in value)
    message = f" is not one of {shown}" if value else " is not allowed by an empty enum"
    if value and all(isinstance(v, str) for v in value):
        names = cx.comp.frozenset_const(list(dict.fromkeys(value)))
        # a frozenset lookup is exact for str instances (1 == 1.0 == True never arises)
        cond = (
            f"{x} not in {names}"
            if known == "str"
            else f"type({x}) is not str or {x} not in {names}"
        )
    elif len(value) == 1 and isinstance(value[0], str | bool) or value == [None]:
        cond = _not_equal(cx, x, value[0])
    else:
        cond = f"not _enum({x}, {cx.comp.json_const(value)})"
    cx.fail_if(f"if {cond}:", scope, "enum", message, x, p)


def _not_equal(cx: Cx, x: str, value: Any) -> str:
    if value is None or isinstance(value, bool):
        return f"{x} is not {value!r}"
    if isinstance(value, str):
        return f"{x} != {cx.comp.literal(value)}"
    if _is_number(value):
        return f"type({x}) not in _NUMBER or {x} != {cx.comp.literal(value)}"
    return f"not _eq({x}, {cx.comp.json_const(value)})"


def _const(cx: Cx, value: Any, scope: Scope, x: str, p: str | None) -> None:
    cx.fail_if(f"if {_not_equal(cx, x, value)}:", scope, "const", f" is not {_show(value)}", x, p)


# -- in-place applicators ----------------------------------------------------------------------


def _predicates(
    cx: Cx, subs: list[Any], scope: Scope, keyword: str, ann: bool, x: str
) -> list[str]:
    names = []
    for index, sub in enumerate(subs):
        sub_scope = cx.comp.resolver.descend(scope, sub, (keyword, str(index)))
        names.append(cx.comp.predicate(cx, sub, sub_scope, ann, x))
    return names


def _any_of(
    cx: Cx, subs: list[Any], scope: Scope, x: str, p: str | None, track: str | None
) -> None:
    message = " is not valid under any of the given schemas"
    nulls = [i for i, sub in enumerate(subs) if _is_null_schema(sub)]
    if len(subs) == 2 and len(nulls) == 1:
        # the ubiquitous "nullable" anyOf: [X, {"type": "null"}] is "None, or else X"
        other = 1 - nulls[0]
        body = cx.sub()
        cx.comp.child(body, subs[other], scope, ("anyOf", str(other)), x, p, track)
        cx.emit_block(f"if {x} is not None:", body)
        return
    if track is None:
        names = _predicates(cx, subs, scope, "anyOf", False, x)
        if len(names) <= 3:
            cond = " or ".join(f"{n}({x})" for n in names)
        else:
            func = cx.var("f")
            cond = f"any({func}({x}) for {func} in {cx.comp.func_tuple(names)})"
        cx.fail_if(f"if not ({cond}):", scope, "anyOf", message, x, p)
        return
    names = _predicates(cx, subs, scope, "anyOf", True, x)
    ok, func, result = cx.var("ok"), cx.var("f"), cx.var("r")
    cx.line(f"{ok} = False")
    with cx.block(f"for {func} in {cx.comp.func_tuple(names)}:"):
        cx.line(f"{result} = {func}({x})")
        with cx.block(f"if {result} is not None:"):
            cx.line(f"{ok} = True")
            cx.line(f"{track}.update({result})")
    cx.fail_if(f"if not {ok}:", scope, "anyOf", message, x, p)


_NULL_SCHEMAS = ({"type": "null"}, {"const": None})


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and schema in _NULL_SCHEMAS


def _one_of(
    cx: Cx, subs: list[Any], scope: Scope, x: str, p: str | None, track: str | None
) -> None:
    message = " is not valid under exactly one of the given schemas"
    count, func = cx.var("n"), cx.var("f")
    names = _predicates(cx, subs, scope, "oneOf", track is not None, x)
    funcs = cx.comp.func_tuple(names)
    cx.line(f"{count} = 0")
    if track is None:
        with cx.block(f"for {func} in {funcs}:"):
            cx.guard(f"if {func}({x}):", f"{count} += 1")
        cx.fail_if(f"if {count} != 1:", scope, "oneOf", message, x, p)
        return
    result, found = cx.var("r"), cx.var("m")
    cx.line(f"{found}: set[Any] = set()")
    with cx.block(f"for {func} in {funcs}:"):
        cx.line(f"{result} = {func}({x})")
        with cx.block(f"if {result} is not None:"):
            cx.line(f"{count} += 1")
            cx.line(f"{found} = {result}")
    cx.fail_if(f"if {count} != 1:", scope, "oneOf", message, x, p)
    cx.line(f"{track}.update({found})")


def _not(cx: Cx, sub: Any, scope: Scope, x: str, p: str | None) -> None:
    sub_scope = cx.comp.resolver.descend(scope, sub, ("not",))
    name = cx.comp.predicate(cx, sub, sub_scope, False, x)
    cx.fail_if(f"if {name}({x}):", scope, "not", " is valid under the schema in 'not'", x, p)


def _if(
    cx: Cx, schema: dict[str, Any], scope: Scope, x: str, p: str | None, track: str | None
) -> None:
    kw = scope.dialect.keywords
    then_body = cx.sub()
    else_body = cx.sub()
    if "then" in schema and "then" in kw:
        cx.comp.child(then_body, schema["then"], scope, ("then",), x, p, track)
    if "else" in schema and "else" in kw:
        cx.comp.child(else_body, schema["else"], scope, ("else",), x, p, track)
    if not then_body.code.lines and not else_body.code.lines and track is None:
        return
    if_scope = cx.comp.resolver.descend(scope, schema["if"], ("if",))
    name = cx.comp.predicate(cx, schema["if"], if_scope, track is not None, x)
    if track is not None:
        result = cx.var("r")
        cx.line(f"{result} = {name}({x})")
        passed = cx.sub()
        passed.line(f"{track}.update({result})")  # annotations of a passing "if" count
        passed.code.extend(then_body.code)
        cx.emit_block(f"if {result} is not None:", passed)
        if else_body.code.lines:
            cx.emit_block("else:", else_body)
        return
    if not then_body.code.lines:
        cx.emit_block(f"if not {name}({x}):", else_body)
        return
    cx.emit_block(f"if {name}({x}):", then_body)
    if else_body.code.lines:
        cx.emit_block("else:", else_body)


# -- objects -----------------------------------------------------------------------------------


def _object(
    cx: Cx,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    has: Any,
    unevaluated: bool,
) -> None:
    comp = cx.comp
    if has("required") and isinstance(schema["required"], list):
        _required(cx, schema["required"], scope, x, p)
    for keyword, op, word in (
        ("minProperties", "<", "fewer than"),
        ("maxProperties", ">", "more than"),
    ):
        if has(keyword):
            limit = schema[keyword]
            if not _is_number(limit):
                raise _bad(scope, keyword, "must be a number")
            cx.fail_if(
                f"if len({x}) {op} {comp.literal(limit)}:",
                scope,
                keyword,
                f" has {word} {limit} properties",
                x,
                p,
            )
    if has("dependentRequired"):
        _dependent_required(cx, schema["dependentRequired"], scope, x, p, "dependentRequired")
    if has("dependencies") and isinstance(schema["dependencies"], dict):
        for name, dep in schema["dependencies"].items():
            if isinstance(dep, list):
                _dependent_required(cx, {name: dep}, scope, x, p, "dependencies")
            else:
                _dependent_schema(cx, name, dep, scope, x, p, track, "dependencies")
    if has("dependentSchemas") and isinstance(schema["dependentSchemas"], dict):
        for name, dep in schema["dependentSchemas"].items():
            _dependent_schema(cx, name, dep, scope, x, p, track, "dependentSchemas")
    if has("propertyNames"):
        body = cx.sub(1, 1)
        key = cx.var("k")
        comp.child(body, schema["propertyNames"], scope, ("propertyNames",), key, p, None)
        if uses(key, body.code):
            cx.emit_block(f"for {key} in {x}:", body)
        else:  # e.g. propertyNames: false -- any property at all fails
            cx.emit_block(f"if {x}:", body)
    _properties(cx, schema, scope, x, p, track, has)
    if unevaluated and has("unevaluatedProperties"):
        _unevaluated(cx, schema, scope, x, p, track, "unevaluatedProperties")


def _required(cx: Cx, names: list[Any], scope: Scope, x: str, p: str | None) -> None:
    if not all(isinstance(n, str) for n in names):
        raise _bad(scope, "required", "must be an array of strings")
    if not names:
        return
    if cx.mode == "e":
        key = cx.var("k")
        with cx.block(f"for {key} in {cx.comp.json_const(list(dict.fromkeys(names)))}:"):
            cx.fail_if(
                f"if {key} not in {x}:", scope, "required", " is a required property", key, p
            )
        return
    if len(names) <= 3 and all(len(n) <= 20 for n in names):
        cond = " or ".join(f"{cx.comp.literal(n)} not in {x}" for n in names)
    else:
        const = cx.comp.frozenset_const(list(dict.fromkeys(names)))
        cond = f"not {const}.issubset({x})"
    cx.guard(f"if {cond}:", cx.silent_failure())


def _dependent_required(
    cx: Cx, value: Any, scope: Scope, x: str, p: str | None, keyword: str
) -> None:
    if not isinstance(value, dict):
        raise _bad(scope, keyword, "must be an object")
    for name, needed in value.items():
        if not isinstance(needed, list) or not all(isinstance(n, str) for n in needed):
            raise _bad(scope, keyword, "dependencies must be arrays of strings")
        if not needed:
            continue
        body = cx.sub()
        for other in dict.fromkeys(needed):
            literal = cx.comp.literal(other)
            body.fail_if(
                f"if {literal} not in {x}:",
                scope,
                keyword,
                f" is required when {name!r} is present",
                literal,
                p,
            )
        cx.emit_block(f"if {cx.comp.literal(name)} in {x}:", body)


def _dependent_schema(
    cx: Cx,
    name: str,
    sub: Any,
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    keyword: str,
) -> None:
    body = cx.sub()
    # A call, never inlined: here the instance is known to be an object, and the subschema's
    # keywords for other types, inlined, would be tests mypy calls impossible.
    comp = cx.comp
    comp.apply(
        body, sub, comp.resolver.descend(scope, sub, (keyword, name)), x, p, track, inline=False
    )
    cx.emit_block(f"if {comp.literal(name)} in {x}:", body)


def _property(
    cx: Cx,
    x: str,
    p: str | None,
    track: str | None,
    *,
    name: str,
    sub: Any,
    scope: Scope,
    present: bool = False,
) -> None:
    """The checks of property ``name`` of the object in ``x``.

    ``present``: the ``required`` check before has already returned when it is absent (not in
    ``iter_errors``, which goes on), so the value is read without testing for it first.
    """
    comp = cx.comp
    body = cx.sub(0 if present else 1)
    value = comp.var("x")
    pvar = comp.var("p") if p is not None else None
    comp.child(body, sub, scope, ("properties", name), value, pvar, None)
    if body.code.lines:
        literal = comp.literal(name)
        if present and pvar is None:
            if uses(value, body.code):
                cx.line(f"{value} = {x}[{literal}]")
            cx.code.lines.extend(body.code.lines)
            return
        header = f"if {literal} in {x}:"
        _bind(cx, header, body, value, f"{x}[{literal}]", pvar, f"(*{p}, {literal})")


def _properties(
    cx: Cx,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    has: Any,
) -> None:
    comp = cx.comp
    props = schema.get("properties") if has("properties") else None
    if props is not None and not isinstance(props, dict):
        raise _bad(scope, "properties", "must be an object")
    props = props or {}
    # names the required check above has returned without (see _required)
    required = schema.get("required") if has("required") and cx.mode != "e" and p is None else None
    present = frozenset(required) if isinstance(required, list) else frozenset()
    # the same property (name and schema) is checked by the same code: memoised
    memo = not comp.recording
    where = comp.emission_key(cx, scope, p, None) if memo else ()
    for name, sub in props.items():
        text = comp.key_text(sub) if memo else None
        is_present = name in present
        if text is None or not replay.plain(name):
            _property(cx, x, p, None, name=name, sub=sub, scope=scope, present=is_present)
            continue
        emit = partial(_property, name=name, sub=sub, scope=scope, present=is_present)
        memo_key = ("properties", name, text, is_present, *where)
        comp.memoised(memo_key, cx, scope, x, p, None, emit)
    if props and track is not None:
        cx.line(f"{track}.update({comp.frozenset_const(list(props))}.intersection({x}))")

    patterns = schema.get("patternProperties") if has("patternProperties") else None
    if patterns is not None and not isinstance(patterns, dict):
        raise _bad(scope, "patternProperties", "must be an object")
    patterns = patterns or {}
    additional = schema["additionalProperties"] if has("additionalProperties") else True
    if not patterns and additional is True:
        if track is not None and has("additionalProperties"):
            cx.line(f"{track}.update({x})")
        return
    known = comp.frozenset_const(list(props)) if props else None
    if not patterns and additional is False and cx.mode != "e":
        cond = f"not {known}.issuperset({x})" if known else x
        cx.guard(f"if {cond}:", cx.silent_failure())
        if track is not None:
            cx.line(f"{track}.update({x})")
        return
    key, value = cx.var("k"), cx.var("x")
    pvar = _path(cx, p)
    loop = cx.sub(1, 1)
    matched = cx.var("hit") if additional is not True and patterns else None
    if matched is not None:
        loop.line(f"{matched} = False")
    for pattern, sub in patterns.items():
        compiled = comp.pattern(scope, ("patternProperties", pattern), pattern)
        body = loop.sub()
        if matched is not None:
            body.line(f"{matched} = True")
        if track is not None:
            body.line(f"{track}.add({key})")
        comp.child(body, sub, scope, ("patternProperties", pattern), value, pvar, None)
        if comp.pattern_timeout is None:
            loop.emit_block(f"if {compiled}.search({key}) is not None:", body)
            continue
        found = cx.var("found")
        loop.line(f"{found} = _found({compiled}, {key})")
        if loop.mode == "e":
            loop.fail_if(f"if {found} is None:", scope, "patternProperties", _TIMED_OUT, key, pvar)
        else:
            loop.guard(f"if {found} is None:", loop.silent_failure())
        loop.emit_block(f"if {found}:", body)
    if additional is not True:
        conds = []
        if matched is not None:
            conds.append(f"not {matched}")
        if known:
            conds.append(f"{key} not in {known}")
        body = loop.sub(1 if conds else 0)
        if additional is False:
            body.fail(scope, "additionalProperties", " is not an allowed property name", key, p)
        else:
            comp.child(body, additional, scope, ("additionalProperties",), value, pvar, None)
        if conds:
            loop.emit_block(f"if {' and '.join(conds)}:", body)
        else:
            loop.code.extend(body.code)
    only_flag = matched is not None and len(loop.code.lines) == 1  # just "hit = False"
    if not loop.code.lines or only_flag:
        return
    if pvar is not None and uses(pvar, loop.code):
        loop.code.lines.insert(0, "    " * loop.code.level + f"{pvar} = (*{p}, {key})")
    if not uses(key, loop.code):
        cx.emit_block(f"for {value} in {x}.values():", loop)
    elif uses(value, loop.code):
        cx.emit_block(f"for {key}, {value} in {x}.items():", loop)
    else:
        cx.emit_block(f"for {key} in {x}:", loop)
    if track is not None and additional is not True:
        cx.line(f"{track}.update({x})")


def _unevaluated(
    cx: Cx,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    keyword: str,
) -> None:
    comp = cx.comp
    sub = schema[keyword]
    objects = keyword == "unevaluatedProperties"
    key, value = cx.var("k" if objects else "i"), cx.var("x")
    pvar = _path(cx, p)
    seen = track
    if cx.mode == "e":
        seen = cx.var("ev")
    assert seen is not None
    body = cx.sub(2 if cx.mode != "e" else 3, 1)
    if sub is False:
        what = " is an unevaluated property" if objects else " is an unevaluated item"
        body.fail(scope, keyword, what, key if objects else value, p)
    else:
        comp.child(body, sub, scope, (keyword,), value, pvar, None)
    loop = cx.sub(1 if cx.mode != "e" else 2, 1)
    header = f"if {key} not in {seen}:"
    if pvar is not None and uses(pvar, body.code):
        body.code.lines.insert(0, "    " * body.code.level + f"{pvar} = (*{p}, {key})")
    loop.emit_block(header, body)
    if not loop.code.lines:
        if cx.mode != "e":
            cx.line(f"{seen}.update({x})" if objects else f"{seen}.update(range(len({x})))")
        return
    uses_value = uses(value, loop.code)
    if objects:
        head = f"for {key}, {value} in {x}.items():" if uses_value else f"for {key} in {x}:"
    else:
        head = (
            f"for {key}, {value} in enumerate({x}):"
            if uses_value
            else f"for {key} in range(len({x})):"
        )
    if cx.mode == "e":
        collect = comp.function("a0", schema, scope)
        comp.edge(cx, collect, x)
        cx.line(f"{seen} = {collect}({x})")
        outer = cx.sub()
        outer.emit_block(head, loop)
        cx.emit_block(f"if {seen} is not None:", outer)
    else:
        cx.emit_block(head, loop)
        cx.line(f"{seen}.update({x})" if objects else f"{seen}.update(range(len({x})))")


# -- arrays ------------------------------------------------------------------------------------


def _array(
    cx: Cx,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    has: Any,
    unevaluated: bool,
) -> None:
    comp = cx.comp
    for keyword, op, word in (("minItems", "<", "fewer than"), ("maxItems", ">", "more than")):
        if has(keyword):
            limit = schema[keyword]
            if not _is_number(limit):
                raise _bad(scope, keyword, "must be a number")
            cx.fail_if(
                f"if len({x}) {op} {comp.literal(limit)}:",
                scope,
                keyword,
                f" has {word} {limit} items",
                x,
                p,
            )
    if has("uniqueItems") and schema["uniqueItems"] is True:
        cx.fail_if(f"if not _unique({x}):", scope, "uniqueItems", " has non-unique elements", x, p)

    prefix: list[Any] = []
    prefix_kw = ""
    rest: Any = True
    rest_kw = ""
    if scope.dialect.items_mode == "prefixItems":
        if has("prefixItems"):
            prefix, prefix_kw = (
                _schema_list(schema["prefixItems"], scope, "prefixItems"),
                "prefixItems",
            )
        if has("items") and not isinstance(schema["items"], list):
            rest, rest_kw = schema["items"], "items"
    elif has("items"):
        if isinstance(schema["items"], list):
            prefix, prefix_kw = schema["items"], "items"
            if has("additionalItems"):
                rest, rest_kw = schema["additionalItems"], "additionalItems"
        else:
            rest, rest_kw = schema["items"], "items"
    for index, sub in enumerate(prefix):
        body = cx.sub()
        value = cx.var("x")
        pvar = _path(cx, p)
        comp.child(body, sub, scope, (prefix_kw, str(index)), value, pvar, None)
        if body.code.lines:
            header = f"if len({x}) > {index}:"
            _bind(cx, header, body, value, f"{x}[{index}]", pvar, f"(*{p}, {index})")
    if prefix and track is not None:
        cx.line(f"{track}.update(range(min(len({x}), {len(prefix)})))")
    if rest is True and rest_kw and track is not None:
        cx.line(f"{track}.update(range(len({x})))")
    if rest is not True:
        start = len(prefix)
        if rest is False and cx.mode != "e":
            cx.guard(f"if len({x}) > {start}:", cx.silent_failure())
        else:
            _each_item(cx, rest, scope, (rest_kw,), x, p, start)
        if track is not None:
            cx.line(f"{track}.update(range(len({x})))")
    if has("contains"):
        _contains(cx, schema, scope, x, p, track)
    if unevaluated and has("unevaluatedItems"):
        _unevaluated(cx, schema, scope, x, p, track, "unevaluatedItems")


def _each_item(
    cx: Cx, sub: Any, scope: Scope, segments: tuple[str, ...], x: str, p: str | None, start: int
) -> None:
    index, value = cx.var("i"), cx.var("x")
    pvar = _path(cx, p)
    body = cx.sub(1, 1)
    if sub is False:
        body.fail(scope, segments[0], " is not allowed here (false schema)", value, p)
    else:
        cx.comp.child(body, sub, scope, segments, value, pvar, None)
    if not body.code.lines:
        return
    source = f"{x}[{start}:]" if start else x
    if pvar is not None and uses(pvar, body.code):
        body.code.lines.insert(0, "    " * body.code.level + f"{pvar} = (*{p}, {index})")
        header = (
            f"for {index}, {value} in enumerate({source}, {start}):"
            if start
            else f"for {index}, {value} in enumerate({source}):"
        )
    else:
        header = f"for {value} in {source}:"
    cx.emit_block(header, body)


def _contains(
    cx: Cx, schema: dict[str, Any], scope: Scope, x: str, p: str | None, track: str | None
) -> None:
    comp = cx.comp
    kw = scope.dialect.keywords
    sub = schema["contains"]
    low = schema.get("minContains", 1) if "minContains" in kw else 1
    high = schema.get("maxContains") if "maxContains" in kw else None
    if not _is_number(low) or (high is not None and not _is_number(high)):
        raise _bad(scope, "minContains", "minContains/maxContains must be numbers")
    sub_scope = comp.resolver.descend(scope, sub, ("contains",))
    name = comp.predicate(cx, sub, sub_scope, False, None)
    collect = track is not None and scope.dialect.contains_annotates_items
    if high is None and not collect:
        if low <= 0:
            return
        if low == 1:
            value = cx.var("x")
            with cx.block(f"for {value} in {x}:"):
                cx.guard(f"if {name}({value}):", "break")
            cx.fail_if("else:", scope, "contains", " does not contain a matching item", x, p)
            return
    count, index, value = cx.var("n"), cx.var("i"), cx.var("x")
    cx.line(f"{count} = 0")
    if collect:
        with cx.block(f"for {index}, {value} in enumerate({x}):"):
            with cx.block(f"if {name}({value}):"):
                cx.line(f"{count} += 1")
                cx.line(f"{track}.add({index})")
    else:
        with cx.block(f"for {value} in {x}:"):
            cx.guard(f"if {name}({value}):", f"{count} += 1")
    if low > 0:
        keyword = "minContains" if "minContains" in schema and "minContains" in kw else "contains"
        cx.fail_if(
            f"if {count} < {comp.literal(low)}:",
            scope,
            keyword,
            f" contains fewer than {low} matching items",
            x,
            p,
        )
    if high is not None:
        cx.fail_if(
            f"if {count} > {comp.literal(high)}:",
            scope,
            "maxContains",
            f" contains more than {high} matching items",
            x,
            p,
        )


# -- strings -----------------------------------------------------------------------------------


def _string(
    cx: Cx,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    has: Any,
    unevaluated: bool,
) -> None:
    comp = cx.comp
    for keyword, op, word in (("minLength", "<", "shorter"), ("maxLength", ">", "longer")):
        if has(keyword):
            limit = schema[keyword]
            if not _is_number(limit):
                raise _bad(scope, keyword, "must be a number")
            cx.fail_if(
                f"if len({x}) {op} {comp.literal(limit)}:",
                scope,
                keyword,
                f" is {word} than {limit} characters",
                x,
                p,
            )
    if has("pattern"):
        compiled = comp.pattern(scope, ("pattern",), schema["pattern"])
        mismatch = f" does not match {schema['pattern']!r}"
        if comp.pattern_timeout is None:
            cx.fail_if(f"if {compiled}.search({x}) is None:", scope, "pattern", mismatch, x, p)
        elif cx.mode != "e":
            cx.guard(f"if _found({compiled}, {x}) is not True:", cx.silent_failure())
        else:
            found = cx.var("found")
            cx.line(f"{found} = _found({compiled}, {x})")
            cx.fail_if(f"if {found} is False:", scope, "pattern", mismatch, x, p)
            cx.fail_if(f"if {found} is None:", scope, "pattern", _TIMED_OUT, x, p)
    if has("format") and (comp.format_assertion or scope.dialect.format_asserts):
        name = schema["format"]
        checker = FORMATS.get(name) if isinstance(name, str) else None
        if checker is not None:
            comp.formats_used.add(name)
            cx.fail_if(
                f"if not {checker}({x}):", scope, "format", f" is not a valid {name!r}", x, p
            )


# -- numbers -----------------------------------------------------------------------------------


def _number(
    cx: Cx,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    has: Any,
    unevaluated: bool,
) -> None:
    comp = cx.comp
    draft4 = scope.dialect.name == "draft4"
    bounds = (
        ("minimum", "<", "exclusiveMinimum", "less than"),
        ("maximum", ">", "exclusiveMaximum", "greater than"),
    )
    for keyword, op, exclusive, word in bounds:
        if has(keyword):
            limit = schema[keyword]
            if not _is_number(limit):
                raise _bad(scope, keyword, "must be a number")
            strict = draft4 and schema.get(exclusive) is True
            check = op + ("=" if strict else "")
            what = f" is {word} {'or equal to ' if strict else ''}{limit!r}"
            cx.fail_if(f"if {x} {check} {comp.literal(limit)}:", scope, keyword, what, x, p)
    if not draft4:
        for keyword, op, word in (
            ("exclusiveMinimum", "<=", "less than or equal to"),
            ("exclusiveMaximum", ">=", "greater than or equal to"),
        ):
            if has(keyword):
                limit = schema[keyword]
                if not _is_number(limit):
                    raise _bad(scope, keyword, "must be a number")
                cx.fail_if(
                    f"if {x} {op} {comp.literal(limit)}:",
                    scope,
                    keyword,
                    f" is {word} {limit!r}",
                    x,
                    p,
                )
    if has("multipleOf"):
        factor = schema["multipleOf"]
        if not _is_number(factor) or factor <= 0:
            raise _bad(scope, "multipleOf", "must be a number greater than 0")
        message = f" is not a multiple of {factor!r}"
        if isinstance(factor, int) or (factor.is_integer() and abs(factor) < 2**53):
            literal = comp.literal(int(factor))
            with cx.block(f"if type({x}) is int:"):
                cx.fail_if(f"if {x} % {literal}:", scope, "multipleOf", message, x, p)
            cx.fail_if(f"elif not _mul({x}, {literal}):", scope, "multipleOf", message, x, p)
        else:
            cx.fail_if(
                f"if not _mul({x}, {comp.fraction_const(factor)}):",
                scope,
                "multipleOf",
                message,
                x,
                p,
            )


_IN_PLACE = frozenset(
    {"$ref", "$dynamicRef", "$recursiveRef", "type", "enum", "const", "allOf", "anyOf"}
    | {"oneOf", "not", "if"}
)
_GROUPS = (
    ("dict", "if type({}) is dict:", _object),
    ("list", "if type({}) is list:", _array),
    ("str", "if type({}) is str:", _string),
    ("num", "if type({}) in _NUMBER:", _number),
)
_GROUP_EMITTERS = {group: emitter for group, _, emitter in _GROUPS}
