"""Keywords of arrays: ``minItems`` ... ``unevaluatedItems``. They run inside
``if type(x) is list:`` (or after a ``type`` check that returned for other types).

Each emitter's docstring shows what it writes in a VALID function (``_vN(x) -> bool``) for a
schema of that one keyword.
"""

from __future__ import annotations

from typing import Any

from generator.compiler.codegen import uses
from generator.compiler.context import EmitContext, Mode
from generator.compiler.keywords.support import (
    bad,
    bind,
    is_number,
    number,
    schema_list,
    sub_path,
    unevaluated,
)
from generator.compiler.scope import Scope


def _size(
    cx: EmitContext, schema: dict[str, Any], scope: Scope, x: str, p: str | None, keyword: str
) -> None:
    limit = number(schema, scope, keyword)
    op, word = ("<", "fewer than") if keyword == "minItems" else (">", "more than")
    cx.fail_if(
        f"if len({x}) {op} {cx.compiler.constants.literal(limit)}:",
        scope,
        keyword,
        f" has {word} {limit} items",
        x,
        p,
    )


def min_items(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"minItems": 1}``.
    It writes::

        if len(x) < 1:
            return False
    """
    _size(cx, schema, scope, x, p, "minItems")


def max_items(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"maxItems": 1}``.
    It writes::

        if len(x) > 1:
            return False
    """
    _size(cx, schema, scope, x, p, "maxItems")


def unique_items(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"uniqueItems": true}`` (``false`` writes nothing).
    It writes::

        if not _unique(x):
            return False
    """
    if schema["uniqueItems"] is True:
        cx.fail_if(f"if not _unique({x}):", scope, "uniqueItems", " has non-unique elements", x, p)


def items_prefix_items(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``prefixItems`` and ``items`` (2020-12: ``items`` is the schema of the rest).
    ``{"items": {"type": "string"}}``::

        for x1 in x:
            if type(x1) is not str:
                return False
    """
    kw = scope.dialect.keywords
    prefix: list[Any] = []
    rest: Any = True
    rest_kw = ""
    if "prefixItems" in schema and "prefixItems" in kw:
        prefix = schema_list(schema["prefixItems"], scope, "prefixItems")
    if "items" in schema and "items" in kw and not isinstance(schema["items"], list):
        rest, rest_kw = schema["items"], "items"
    _items(cx, scope, x, p, track, prefix, "prefixItems", rest, rest_kw)


def items_additional_items(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``items`` and ``additionalItems`` (draft 4 to 2019-09: an array of ``items`` is the
    prefix). ``{"items": [{"type": "string"}], "additionalItems": false}``::

        if len(x) > 0:
            x1 = x[0]
            if type(x1) is not str:
                return False
        if len(x) > 1:
            return False
    """
    prefix: list[Any] = []
    prefix_kw = ""
    rest: Any = True
    rest_kw = ""
    kw = scope.dialect.keywords
    if "items" in schema and "items" in kw:
        if isinstance(schema["items"], list):
            prefix, prefix_kw = schema["items"], "items"
            if "additionalItems" in schema and "additionalItems" in kw:
                rest, rest_kw = schema["additionalItems"], "additionalItems"
        else:
            rest, rest_kw = schema["items"], "items"
    _items(cx, scope, x, p, track, prefix, prefix_kw, rest, rest_kw)


def _items(
    cx: EmitContext,
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    prefix: list[Any],
    prefix_kw: str,
    rest: Any,
    rest_kw: str,
) -> None:
    """The checks of the ``prefix`` schemas, one per leading item, and of ``rest``, the schema
    of every item after them (``True``: none)."""
    compiler = cx.compiler
    for index, sub in enumerate(prefix):
        body = cx.sub()
        value = cx.var("x")
        path = sub_path(cx, p, str(index))
        compiler.child(body, sub, scope, (prefix_kw, str(index)), value, path.path, None)
        path.place(body)
        if body.code.lines:
            bind(cx, f"if len({x}) > {index}:", body, value, f"{x}[{index}]")
    if prefix and track is not None:
        cx.line(f"{track}.update(range(min(len({x}), {len(prefix)})))")
    if rest is True and rest_kw and track is not None:
        cx.line(f"{track}.update(range(len({x})))")
    if rest is not True:
        start = len(prefix)
        if rest is False and cx.mode is not Mode.ERRORS:
            cx.guard(f"if len({x}) > {start}:", cx.silent_failure())
        else:
            _each_item(cx, rest, scope, (rest_kw,), x, p, start)
        if track is not None:
            cx.line(f"{track}.update(range(len({x})))")


def _each_item(
    cx: EmitContext,
    sub: Any,
    scope: Scope,
    segments: tuple[str, ...],
    x: str,
    p: str | None,
    start: int,
) -> None:
    index, value = cx.var("i"), cx.var("x")
    body = cx.sub(1, 1)
    if sub is False:
        body.fail(scope, segments[0], " is not allowed here (false schema)", value, p)
    else:
        path = sub_path(cx, p, index)
        cx.compiler.child(body, sub, scope, segments, value, path.path, None)
        path.place(body)
    if not body.code.lines:
        return
    source = f"{x}[{start}:]" if start else x
    if uses(index, body.code):
        header = (
            f"for {index}, {value} in enumerate({source}, {start}):"
            if start
            else f"for {index}, {value} in enumerate({source}):"
        )
    else:
        header = f"for {value} in {source}:"
    cx.emit_block(header, body)


def contains(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``contains``, with ``minContains``/``maxContains`` where the dialect has them.
    ``{"contains": {"type": "string"}}``::

        for x1 in x:
            if _v2(x1):
                break
        else:
            return False
    """
    compiler = cx.compiler
    constants = compiler.constants
    kw = scope.dialect.keywords
    sub = schema["contains"]
    low = schema.get("minContains", 1) if "minContains" in kw else 1
    high = schema.get("maxContains") if "maxContains" in kw else None
    if not is_number(low) or (high is not None and not is_number(high)):
        raise bad(scope, "minContains", "minContains/maxContains must be numbers")
    sub_scope = compiler.resolver.descend(scope, sub, ("contains",))
    name = compiler.predicate(cx, sub, sub_scope, False, None)
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
            f"if {count} < {constants.literal(low)}:",
            scope,
            keyword,
            f" contains fewer than {low} matching items",
            x,
            p,
        )
    if high is not None:
        cx.fail_if(
            f"if {count} > {constants.literal(high)}:",
            scope,
            "maxContains",
            f" contains more than {high} matching items",
            x,
            p,
        )


def unevaluated_items(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"unevaluatedItems": false}`` (``ev1``: the indices the schema's other
    keywords evaluated, collected from the start of its code). It writes::

        for i1 in range(len(x)):
            if i1 not in ev1:
                return False
        ev1.update(range(len(x)))
    """
    unevaluated(cx, schema, scope, x, p, track, "unevaluatedItems")
