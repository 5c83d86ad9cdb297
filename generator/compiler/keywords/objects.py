"""Keywords of objects: ``required`` ... ``unevaluatedProperties``. They run inside
``if type(x) is dict:`` (or after a ``type`` check that returned for other types).

Each emitter's docstring shows what it writes in a VALID function (``_vN(x) -> bool``) for a
schema of that one keyword.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.compiler.codegen import native_only, uses
from generator.compiler.context import EmitContext, Mode
from generator.compiler.keywords.support import (
    TIMED_OUT,
    bad,
    bind,
    number,
    sub_path,
    unevaluated,
)
from generator.compiler.memo import plain
from generator.compiler.scope import Scope


def required(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"required": ["a"]}`` (more or longer names: ``not _F1.issubset(x)``).
    It writes::

        if "a" not in x:
            return False

    (Outside the error path, ``properties`` reads the required properties it checks itself
    instead: see :func:`read_first`.)
    """
    names = schema["required"]
    if not isinstance(names, list):
        return
    if not all(isinstance(n, str) for n in names):
        raise bad(scope, "required", "must be an array of strings")
    if not names:
        return
    constants = cx.compiler.constants
    if cx.mode is Mode.ERRORS:
        key = cx.var("k")
        with cx.block(f"for {key} in {constants.json_const(list(dict.fromkeys(names)))}:"):
            cx.fail_if(
                f"if {key} not in {x}:", scope, "required", " is a required property", key, p
            )
        return
    read = read_first(cx, schema, scope, p)
    _present(cx, [n for n in names if n not in read], x)


def _present(cx: EmitContext, names: list[str], x: str) -> None:
    """Fail (VALID and ANNOTATIONS functions) unless the object in ``x`` has ``names``."""
    if not names:
        return
    constants = cx.compiler.constants
    if len(names) <= 3 and all(len(n) <= 20 for n in names):
        cond = " or ".join(f"{constants.literal(n)} not in {x}" for n in names)
    else:
        const = constants.frozenset_const(list(dict.fromkeys(names)))
        cond = f"not {const}.issubset({x})"
    cx.guard(f"if {cond}:", cx.silent_failure())


#: Keywords checked between ``required`` and ``properties`` that call other functions (which
#: may raise :class:`SchemaLoopError`): with one of them, ``required`` keeps its names.
_CALLING = frozenset({"dependencies", "dependentSchemas", "propertyNames"})


def read_first(cx: EmitContext, schema: dict[str, Any], scope: Scope, p: str | None) -> list[str]:
    """The required names :func:`properties` reads at once, outside the error path: those
    of properties with checks of their own, unless a keyword between the two can raise.
    Reading them is the test that they are present (one lookup each, where ``"a" not in x``
    and ``x["a"]`` are two); the checks are in the same order, so the answer is the same::

        try:
            x1 = x["a"]
        except KeyError:
            return False
    """
    keywords = scope.dialect.keywords
    if cx.mode is Mode.ERRORS or p is not None or "properties" not in keywords:
        return []
    names = schema.get("required") if "required" in keywords else None
    props = schema.get("properties")
    if not isinstance(names, list) or not isinstance(props, dict):
        return []
    if not _CALLING.isdisjoint(schema.keys() & keywords):
        return []
    return [
        n
        for n in dict.fromkeys(names)
        if isinstance(n, str) and n in props and _checks_something(props[n])
    ]


def _checks_something(sub: Any) -> bool:
    """Whether a property's schema is more than ``true`` or ``{}`` (which accept anything)."""
    return sub is not True and sub != {}


def _size(
    cx: EmitContext, schema: dict[str, Any], scope: Scope, x: str, p: str | None, keyword: str
) -> None:
    limit = number(schema, scope, keyword)
    op, word = ("<", "fewer than") if keyword == "minProperties" else (">", "more than")
    cx.fail_if(
        f"if len({x}) {op} {cx.compiler.constants.literal(limit)}:",
        scope,
        keyword,
        f" has {word} {limit} properties",
        x,
        p,
    )


def min_properties(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"minProperties": 1}``.
    It writes::

        if len(x) < 1:
            return False
    """
    _size(cx, schema, scope, x, p, "minProperties")


def max_properties(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"maxProperties": 1}``.
    It writes::

        if len(x) > 1:
            return False
    """
    _size(cx, schema, scope, x, p, "maxProperties")


def dependent_required(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"dependentRequired": {"a": ["b"]}}``.
    It writes::

        if "a" in x:
            if "b" not in x:
                return False
    """
    _dependent_required(cx, schema["dependentRequired"], scope, x, p, "dependentRequired")


def dependencies(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"dependencies": {"a": ["b"]}}`` (draft 4 to 7; a schema value as
    ``dependentSchemas``)::

        if "a" in x:
            if "b" not in x:
                return False
    """
    value = schema["dependencies"]
    if not isinstance(value, dict):
        return
    for name, dep in value.items():
        if isinstance(dep, list):
            _dependent_required(cx, {name: dep}, scope, x, p, "dependencies")
        else:
            _dependent_schema(cx, name, dep, scope, x, p, track, "dependencies")


def dependent_schemas(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"dependentSchemas": {"a": {"required": ["b"]}}}`` (always a call: inlined, the
    subschema's keywords for other types would be tests mypy calls impossible)::

        if "a" in x:
            if not _v2(x):
                return False
    """
    value = schema["dependentSchemas"]
    if not isinstance(value, dict):
        return
    for name, dep in value.items():
        _dependent_schema(cx, name, dep, scope, x, p, track, "dependentSchemas")


def _dependent_required(
    cx: EmitContext, value: Any, scope: Scope, x: str, p: str | None, keyword: str
) -> None:
    if not isinstance(value, dict):
        raise bad(scope, keyword, "must be an object")
    constants = cx.compiler.constants
    for name, needed in value.items():
        if not isinstance(needed, list) or not all(isinstance(n, str) for n in needed):
            raise bad(scope, keyword, "dependencies must be arrays of strings")
        if not needed:
            continue
        body = cx.sub()
        for other in dict.fromkeys(needed):
            literal = constants.literal(other)
            body.fail_if(
                f"if {literal} not in {x}:",
                scope,
                keyword,
                f" is required when {name!r} is present",
                literal,
                p,
            )
        cx.emit_block(f"if {constants.literal(name)} in {x}:", body)


def _dependent_schema(
    cx: EmitContext,
    name: str,
    sub: Any,
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    keyword: str,
) -> None:
    body = cx.sub()
    compiler = cx.compiler
    sub_scope = compiler.resolver.descend(scope, sub, (keyword, name))
    compiler.apply(body, sub, sub_scope, x, p, track, inline=False)
    cx.emit_block(f"if {compiler.constants.literal(name)} in {x}:", body)


def property_names(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"propertyNames": {"maxLength": 3}}`` (``false``: ``if x:``, any property fails).
    It writes::

        for k1 in x:
            if type(k1) is str:
                if len(k1) > 3:
                    return False
    """
    body = cx.sub(1, 1)
    key = cx.var("k")
    cx.compiler.child(body, schema["propertyNames"], scope, ("propertyNames",), key, p, None)
    if uses(key, body.code):
        cx.emit_block(f"for {key} in {x}:", body)
    else:
        cx.emit_block(f"if {x}:", body)


def _property(
    cx: EmitContext,
    x: str,
    p: str | None,
    aux: str | None,
    *,
    name: str,
    sub: Any,
    scope: Scope,
    present: bool = False,
    decrement: bool = False,
    bound: bool = False,
) -> None:
    """The checks of property ``name`` of the object in ``x``.

    ``present``: the ``required`` check before has already returned when it is absent (not in
    ERRORS mode, which goes on), so the value is read without testing for it first.
    ``aux``: the variable counting the members of ``x`` not yet seen (see
    :func:`properties`): at 0 the property is not looked up; ``decrement``: a present
    property is counted off (when a later property tests the count). With ``bound``, ``aux``
    is the variable already holding the value instead (see :func:`read_first`).
    (``aux`` is the third name :meth:`~generator.compiler.core.Compiler.memoised` passes.)
    """
    compiler = cx.compiler
    body = cx.sub(0 if present else 1)
    literal = compiler.constants.literal(name)
    if bound and aux is not None:
        compiler.child(body, sub, scope, ("properties", name), aux, None, None)
        cx.code.lines.extend(body.code.lines)
        return
    count = aux
    value = cx.var("x")
    path = sub_path(cx, p, literal)
    compiler.child(body, sub, scope, ("properties", name), value, path.path, None)
    path.place(body)
    if body.code.lines:
        if present and p is None:
            if uses(value, body.code):
                cx.line(f"{value} = {x}[{literal}]")
            cx.code.lines.extend(body.code.lines)
            return
        if count is None:
            bind(cx, f"if {literal} in {x}:", body, value, f"{x}[{literal}]")
            return
        first = [native_only(f"{count} -= 1")] if decrement else []
        header = f"if {native_only(f'{count} and ')}{literal} in {x}:"
        bind(cx, header, body, value, f"{x}[{literal}]", *first)


#: Optional properties (with checks) from which :func:`properties` counts the members seen.
MIN_COUNTED = 6

#: The keywords :func:`properties` reads together.
PROPERTIES_FAMILY = ("properties", "patternProperties", "additionalProperties")


def properties(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``properties``, ``patternProperties`` and ``additionalProperties`` (one family: the
    last depends on the others). ``{"properties": {"a": {"type": "string"}}}``::

        if "a" in x:
            x1 = x["a"]
            if type(x1) is not str:
                return False

    ``{"additionalProperties": false, "patternProperties": {"^a": true}}``::

        for k1 in x:
            hit1 = False
            if _P1.search(k1) is not None:
                hit1 = True
            if not hit1:
                return False
    """
    compiler = cx.compiler
    constants = compiler.constants
    keywords = scope.dialect.keywords
    props = schema.get("properties") if "properties" in keywords else None
    if props is not None and not isinstance(props, dict):
        raise bad(scope, "properties", "must be an object")
    props = props or {}
    # names the required check above has returned without (see required())
    names = (
        schema.get("required")
        if "required" in keywords and cx.mode is not Mode.ERRORS and p is None
        else None
    )
    present = frozenset(names) if isinstance(names, list) else frozenset()
    # Outside the error path, a count of the members not yet seen spares the lookups of the
    # properties after the last member present: ``n1 = len(x) - 2`` (less the required
    # names, known present), then ``if n1 and "a" in x:`` and ``n1 -= 1`` for each optional
    # property; once it is 0, every member has been checked. Only the compiled form of the
    # function counts (``native_only``, see ``codegen.two_forms``): there a dict lookup is most
    # of the time an object takes, while the interpreter pays more for the count (the
    # decrements, the tests of the count, ``len``) than for the lookups it spares.
    optional = (
        [n for n, s in props.items() if n not in present and _checks_something(s)]
        if p is None and len(props) >= MIN_COUNTED
        else []
    )
    count = cx.var("n") if len(optional) >= MIN_COUNTED else None
    reads = {name: cx.var("x") for name in read_first(cx, schema, scope, p)}
    out = cx.sub(0) if count is not None or reads else cx
    # the same property (name and schema) is checked by the same code: memoised
    memo = compiler.memo.recording is None
    where = cx.emission_key(scope, p, None) if memo else ()
    for name, sub in props.items():
        text = compiler.memo.key_text(sub) if memo else None
        is_present = name in present
        counted = count if not is_present else None
        decrement = counted is not None and name != optional[-1]
        bound = reads.get(name)
        emit = partial(
            _property,
            name=name,
            sub=sub,
            scope=scope,
            present=is_present,
            decrement=decrement,
            bound=bound is not None,
        )
        aux = bound if bound is not None else counted
        if text is None or not plain(name):
            emit(out, x, p, aux)
            continue
        memo_key = (
            "properties",
            name,
            text,
            is_present,
            counted is None,
            decrement,
            bound is None,
        ) + where
        compiler.memoised(memo_key, out, scope, x, p, aux, emit)
    if out is not cx:
        used = {n: v for n, v in reads.items() if uses(v, out.code)}
        _present(cx, [n for n in reads if n not in used], x)
        if used:
            with cx.block("try:"):
                for name, var in used.items():
                    cx.line(f"{var} = {x}[{constants.literal(name)}]")
            cx.guard("except KeyError:", cx.silent_failure())
        if count is not None and uses(count, out.code):
            less = f" - {len(present)}" if present else ""
            cx.line(native_only(f"{count} = len({x}){less}"))
        cx.code.extend(out.code)
    if props and track is not None:
        cx.line(f"{track}.update({constants.frozenset_const(list(props))}.intersection({x}))")

    patterns = schema.get("patternProperties") if "patternProperties" in keywords else None
    if patterns is not None and not isinstance(patterns, dict):
        raise bad(scope, "patternProperties", "must be an object")
    patterns = patterns or {}
    has_additional = "additionalProperties" in schema and "additionalProperties" in keywords
    additional = schema["additionalProperties"] if has_additional else True
    if not patterns and additional is True:
        if track is not None and has_additional:
            cx.line(f"{track}.update({x})")
        return
    known = constants.frozenset_const(list(props)) if props else None
    if not patterns and additional is False and cx.mode is not Mode.ERRORS:
        cond = f"not {known}.issuperset({x})" if known else x
        cx.guard(f"if {cond}:", cx.silent_failure())
        if track is not None:
            cx.line(f"{track}.update({x})")
        return
    key, value = cx.var("k"), cx.var("x")
    path = sub_path(cx, p, key)
    pvar = path.path
    loop = cx.sub(1, 1)
    matched = cx.var("hit") if additional is not True and patterns else None
    if matched is not None:
        loop.line(f"{matched} = False")
    for pattern, sub in patterns.items():
        compiled = constants.pattern(scope, ("patternProperties", pattern), pattern)
        body = loop.sub()
        if matched is not None:
            body.line(f"{matched} = True")
        if track is not None:
            body.line(f"{track}.add({key})")
        compiler.child(body, sub, scope, ("patternProperties", pattern), value, pvar, None)
        if compiler.pattern_timeout is None:
            loop.emit_block(f"if {compiled}.search({key}) is not None:", body)
            continue
        found = cx.var("found")
        loop.line(f"{found} = _found({compiled}, {key})")
        if loop.mode is Mode.ERRORS:
            loop.fail_if(f"if {found} is None:", scope, "patternProperties", TIMED_OUT, key, pvar)
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
            compiler.child(body, additional, scope, ("additionalProperties",), value, pvar, None)
        if conds:
            loop.emit_block(f"if {' and '.join(conds)}:", body)
        else:
            loop.code.extend(body.code)
    only_flag = matched is not None and len(loop.code.lines) == 1  # just "hit = False"
    if not loop.code.lines or only_flag:
        return
    path.place(loop)
    if not uses(key, loop.code):
        cx.emit_block(f"for {value} in {x}.values():", loop)
    elif uses(value, loop.code):
        cx.emit_block(f"for {key}, {value} in {x}.items():", loop)
    else:
        cx.emit_block(f"for {key} in {x}:", loop)
    if track is not None and additional is not True:
        cx.line(f"{track}.update({x})")


def unevaluated_properties(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"unevaluatedProperties": false}`` (``ev1``: the names the schema's other
    keywords evaluated, collected from the start of its code). It writes::

        for k1 in x:
            if k1 not in ev1:
                return False
        ev1.update(x)
    """
    unevaluated(cx, schema, scope, x, p, track, "unevaluatedProperties")
