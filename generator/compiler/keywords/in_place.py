"""Keywords that apply to the instance whatever its type: the ``$ref`` family, ``type``,
``enum``, ``const`` and the in-place applicators ``allOf``/``anyOf``/``oneOf``/``not``/``if``.

Each emitter's docstring shows what it writes in a VALID function (``_vN(x) -> bool``) for a
schema of that one keyword; ERRORS functions write ``yield _err(...)`` for ``return False``.
"""

from __future__ import annotations

from typing import Any

from generator.compiler.context import EmitContext, Mode
from generator.compiler.keywords.support import bad, is_number, schema_list, show
from generator.compiler.scope import Scope

_TYPE_NAMES = {
    "string": "str",
    "object": "dict",
    "array": "list",
    "boolean": "bool",
    "null": "_NoneType",
    "number": "int, float",
    "integer": "int",
}
_GROUP_OF = {"object": "dict", "array": "list", "string": "str", "number": "num", "integer": "num"}


def known_group(schema: dict[str, Any]) -> str | None:
    """The type group an instance must be in once the ``type`` check passed (VALID and
    ANNOTATIONS): ``""`` when it is in none (``boolean``, ``null``: no group's keywords apply,
    and a test such as ``type(x) is str`` after ``x is None`` would be one mypy calls
    impossible), ``None`` when it may be in several."""
    value = schema["type"]
    names = value if isinstance(value, list) else [value]
    groups = {_GROUP_OF.get(name, "") if isinstance(name, str) else None for name in names}
    if len(groups) == 1:
        return groups.pop()
    return None


def known(cx: EmitContext, x: str) -> str | None:
    """The type group ``x`` is known to be in here (see :attr:`EmitContext.known`)."""
    found = cx.known
    return found[1] if found is not None and found[0] == x else None


# -- references --------------------------------------------------------------------------------


def _apply_target(
    cx: EmitContext, target: Any, target_scope: Scope, x: str, p: str | None, track: str | None
) -> None:
    compiler = cx.compiler
    compiler.apply(cx, target, target_scope, x, p, track, inline=compiler.memo.small(target))


def _reference(schema: dict[str, Any], scope: Scope, keyword: str) -> str:
    value = schema[keyword]
    if not isinstance(value, str):
        raise bad(scope, keyword, "must be a string")
    return value


def ref(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"$ref": "#/$defs/a"}``: the target inlined when small (``{"type": "string"}``)::

        if type(x) is not str:
            return False

    else called: ``if not _v2(x): return False``. A chain of schemas that are only a ``$ref``
    (``a -> b -> ... -> {"type": ...}``) is one call to its end, not one call per link."""
    _reference(schema, scope, "$ref")
    target, target_scope = cx.compiler.resolver.ref_end(schema, scope)
    _apply_target(cx, target, target_scope, x, p, track)


def dynamic_ref(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"$dynamicRef": "#node"}``: as ``$ref``, to the target the dynamic scope selects.
    It writes::

        if not _v2(x):
            return False
    """
    value = _reference(schema, scope, "$dynamicRef")
    target, target_scope = cx.compiler.resolver.dynamic_ref(scope, value)
    _apply_target(cx, target, target_scope, x, p, track)


def recursive_ref(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"$recursiveRef": "#"}`` (2019-09): as ``$ref``, to the outermost recursive anchor.
    It writes::

        if not _v1(x):
            return False
    """
    value = _reference(schema, scope, "$recursiveRef")
    target, target_scope = cx.compiler.resolver.recursive_ref(scope, value)
    _apply_target(cx, target, target_scope, x, p, track)


# -- any type ----------------------------------------------------------------------------------


def type_(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"type": "string"}``::

        if type(x) is not str:
            return False

    After it (VALID, ANNOTATIONS) the code knows the instance's type group, so the group's
    keywords need no ``if type(x) is str:`` of their own."""
    value = schema["type"]
    # the test and message depend on the names and the dialect only: work them out once
    checks = cx.compiler.type_checks
    found = checks.get((value, scope.dialect.float_integers)) if type(value) is str else None
    if found is None:
        names = value if isinstance(value, list) else [value]
        if not names or not all(isinstance(n, str) and n in _TYPE_NAMES for n in names):
            raise bad(scope, "type", f"unknown type in {value!r}")
        key = (*names, scope.dialect.float_integers)
        found = checks.get(key)
        if found is None:
            found = checks[key] = _type_check(cx, names, scope)
    header, message = found
    cx.fail_if(header.replace(_X, x), scope, "type", message, x, p)
    if cx.mode is not Mode.ERRORS:
        group = known(cx, x)
        if group is None:
            group = known_group(schema)
        if group is not None:
            cx.known = (x, group)


_X = "\x00"  # stands for the instance variable in cached code


def _type_check(cx: EmitContext, names: list[str], scope: Scope) -> tuple[str, str]:
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


def _type_test(cx: EmitContext, x: str, pytypes: list[str]) -> tuple[str, str]:
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
        names = cx.compiler.constants.type_tuple(others)
        positive, negative = f"type({x}) in {names}", f"type({x}) not in {names}"
    if nullable:
        return f"{x} is None or {positive}", f"{x} is not None and {negative}"
    return positive, negative


def enum(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"enum": ["a", "b"]}`` (strings: a frozenset constant; else ``_enum(x, _K1)``).
    It writes::

        if type(x) is not str or x not in _F1:
            return False
    """
    value = schema["enum"]
    if not isinstance(value, list):
        raise bad(scope, "enum", "must be an array")
    constants = cx.compiler.constants
    shown = ", ".join(show(v) for v in value)
    message = f" is not one of {shown}" if value else " is not allowed by an empty enum"
    if value and all(isinstance(v, str) for v in value):
        names = constants.frozenset_const(list(dict.fromkeys(value)))
        # a frozenset lookup is exact for str instances (1 == 1.0 == True never arises)
        cond = (
            f"{x} not in {names}"
            if known(cx, x) == "str"
            else f"type({x}) is not str or {x} not in {names}"
        )
    elif len(value) == 1 and isinstance(value[0], str | bool) or value == [None]:
        cond = _not_equal(cx, x, value[0])
    else:
        cond = f"not _enum({x}, {constants.json_const(value)})"
    cx.fail_if(f"if {cond}:", scope, "enum", message, x, p)


def _not_equal(cx: EmitContext, x: str, value: Any) -> str:
    constants = cx.compiler.constants
    if value is None or isinstance(value, bool):
        return f"{x} is not {value!r}"
    if isinstance(value, str):
        return f"{x} != {constants.literal(value)}"
    if is_number(value):
        return f"type({x}) not in _NUMBER or {x} != {constants.literal(value)}"
    return f"not _eq({x}, {constants.json_const(value)})"


def const(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"const": 1}`` (arrays and objects: ``not _eq(x, _K1)``).
    It writes::

        if type(x) not in _NUMBER or x != 1:
            return False
    """
    value = schema["const"]
    cx.fail_if(f"if {_not_equal(cx, x, value)}:", scope, "const", f" is not {show(value)}", x, p)


# -- in-place applicators ----------------------------------------------------------------------


def all_of(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"allOf": [{"minimum": 1}]}``: each subschema inlined while shallow.
    It writes::

        if type(x) in _NUMBER:
            if x < 1:
                return False
    """
    compiler = cx.compiler
    for index, sub in enumerate(schema_list(schema["allOf"], scope, "allOf")):
        compiler.child(cx, sub, scope, ("allOf", str(index)), x, p, track)


def _predicates(
    cx: EmitContext, subs: list[Any], scope: Scope, keyword: str, ann: bool, x: str
) -> list[str]:
    compiler = cx.compiler
    names = []
    for index, sub in enumerate(subs):
        sub_scope = compiler.resolver.descend(scope, sub, (keyword, str(index)))
        names.append(compiler.predicate(cx, sub, sub_scope, ann, x))
    return names


_NULL_SCHEMAS = ({"type": "null"}, {"const": None})


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and schema in _NULL_SCHEMAS


def any_of(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"anyOf": [{"type": "string"}, {"minimum": 1}]}`` (more than three: ``any(...)``)::

        if not (_v2(x) or _v3(x)):
            return False

    The ubiquitous nullable ``[X, {"type": "null"}]`` is ``if x is not None:`` and X inlined."""
    subs = schema_list(schema["anyOf"], scope, "anyOf")
    compiler = cx.compiler
    message = " is not valid under any of the given schemas"
    nulls = [i for i, sub in enumerate(subs) if _is_null_schema(sub)]
    if len(subs) == 2 and len(nulls) == 1:
        other = 1 - nulls[0]
        body = cx.sub()
        compiler.child(body, subs[other], scope, ("anyOf", str(other)), x, p, track)
        cx.emit_block(f"if {x} is not None:", body)
        return
    if track is None:
        names = _predicates(cx, subs, scope, "anyOf", False, x)
        if len(names) <= 3:
            cond = " or ".join(f"{n}({x})" for n in names)
        else:
            func = cx.var("f")
            cond = f"any({func}({x}) for {func} in {compiler.constants.func_tuple(names)})"
        cx.fail_if(f"if not ({cond}):", scope, "anyOf", message, x, p)
        return
    names = _predicates(cx, subs, scope, "anyOf", True, x)
    ok, func, result = cx.var("ok"), cx.var("f"), cx.var("r")
    cx.line(f"{ok} = False")
    with cx.block(f"for {func} in {compiler.constants.func_tuple(names)}:"):
        cx.line(f"{result} = {func}({x})")
        with cx.block(f"if {result} is not None:"):
            cx.line(f"{ok} = True")
            cx.line(f"{track}.update({result})")
    cx.fail_if(f"if not {ok}:", scope, "anyOf", message, x, p)


def one_of(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"oneOf": [{"type": "string"}, {"minimum": 1}]}``.
    It writes::

        n1 = 0
        for f1 in _T1:
            if f1(x):
                n1 += 1
        if n1 != 1:
            return False
    """
    subs = schema_list(schema["oneOf"], scope, "oneOf")
    message = " is not valid under exactly one of the given schemas"
    count, func = cx.var("n"), cx.var("f")
    names = _predicates(cx, subs, scope, "oneOf", track is not None, x)
    funcs = cx.compiler.constants.func_tuple(names)
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


def not_(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"not": {"type": "string"}}``.
    It writes::

        if _v2(x):
            return False
    """
    sub = schema["not"]
    compiler = cx.compiler
    sub_scope = compiler.resolver.descend(scope, sub, ("not",))
    name = compiler.predicate(cx, sub, sub_scope, False, x)
    cx.fail_if(f"if {name}({x}):", scope, "not", " is valid under the schema in 'not'", x, p)


def if_(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"if": {"type": "string"}, "then": {"minLength": 1}}`` (with ``then``/``else``; alone,
    ``if`` writes nothing)::

        if _v2(x):
            if type(x) is str:
                if len(x) < 1:
                    return False
    """
    compiler = cx.compiler
    kw = scope.dialect.keywords
    then_body = cx.sub()
    else_body = cx.sub()
    if "then" in schema and "then" in kw:
        compiler.child(then_body, schema["then"], scope, ("then",), x, p, track)
    if "else" in schema and "else" in kw:
        compiler.child(else_body, schema["else"], scope, ("else",), x, p, track)
    if not then_body.code.lines and not else_body.code.lines and track is None:
        return
    if_scope = compiler.resolver.descend(scope, schema["if"], ("if",))
    name = compiler.predicate(cx, schema["if"], if_scope, track is not None, x)
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
