"""Keywords of numbers: the bounds and ``multipleOf``. They run inside
``if type(x) in _NUMBER:`` (or after a ``type`` check that returned for other types).

Each emitter's docstring shows what it writes in a VALID function (``_vN(x) -> bool``) for a
schema of that one keyword. Draft 4's ``exclusiveMinimum``/``exclusiveMaximum`` are booleans
read by ``minimum``/``maximum`` (:func:`minimum_draft4`); later drafts' are numbers.
"""

from __future__ import annotations

from typing import Any

from generator.compiler.context import EmitContext
from generator.compiler.keywords.support import bad, is_number, number
from generator.compiler.scope import Scope


def _bound(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    keyword: str,
    strict: bool,
) -> None:
    limit = number(schema, scope, keyword)
    op, word = ("<", "less than") if keyword == "minimum" else (">", "greater than")
    check = op + ("=" if strict else "")
    what = f" is {word} {'or equal to ' if strict else ''}{limit!r}"
    cx.fail_if(
        f"if {x} {check} {cx.compiler.constants.literal(limit)}:", scope, keyword, what, x, p
    )


def minimum(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"minimum": 1}``.
    It writes::

        if x < 1:
            return False
    """
    _bound(cx, schema, scope, x, p, "minimum", False)


def maximum(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"maximum": 1}``.
    It writes::

        if x > 1:
            return False
    """
    _bound(cx, schema, scope, x, p, "maximum", False)


def minimum_draft4(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"minimum": 1, "exclusiveMinimum": true}`` (draft 4; without it as ``minimum``).
    It writes::

        if x <= 1:
            return False
    """
    _bound(cx, schema, scope, x, p, "minimum", schema.get("exclusiveMinimum") is True)


def maximum_draft4(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"maximum": 1, "exclusiveMaximum": true}`` (draft 4; without it as ``maximum``).
    It writes::

        if x >= 1:
            return False
    """
    _bound(cx, schema, scope, x, p, "maximum", schema.get("exclusiveMaximum") is True)


def _exclusive(
    cx: EmitContext, schema: dict[str, Any], scope: Scope, x: str, p: str | None, keyword: str
) -> None:
    limit = number(schema, scope, keyword)
    if keyword == "exclusiveMinimum":
        op, word = "<=", "less than or equal to"
    else:
        op, word = ">=", "greater than or equal to"
    cx.fail_if(
        f"if {x} {op} {cx.compiler.constants.literal(limit)}:",
        scope,
        keyword,
        f" is {word} {limit!r}",
        x,
        p,
    )


def exclusive_minimum(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"exclusiveMinimum": 1}`` (draft 6 and later).
    It writes::

        if x <= 1:
            return False
    """
    _exclusive(cx, schema, scope, x, p, "exclusiveMinimum")


def exclusive_maximum(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"exclusiveMaximum": 1}`` (draft 6 and later).
    It writes::

        if x >= 1:
            return False
    """
    _exclusive(cx, schema, scope, x, p, "exclusiveMaximum")


def multiple_of(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"multipleOf": 2}`` (a non-integral factor: ``not _mul(x, _Q1)``, exact).
    It writes::

        if type(x) is int:
            if x % 2:
                return False
        elif not _mul(x, 2):
            return False
    """
    constants = cx.compiler.constants
    factor = schema["multipleOf"]
    if not is_number(factor) or factor <= 0:
        raise bad(scope, "multipleOf", "must be a number greater than 0")
    message = f" is not a multiple of {factor!r}"
    if isinstance(factor, int) or (factor.is_integer() and abs(factor) < 2**53):
        literal = constants.literal(int(factor))
        with cx.block(f"if type({x}) is int:"):
            cx.fail_if(f"if {x} % {literal}:", scope, "multipleOf", message, x, p)
        cx.fail_if(f"elif not _mul({x}, {literal}):", scope, "multipleOf", message, x, p)
    else:
        cx.fail_if(
            f"if not _mul({x}, {constants.fraction_const(factor)}):",
            scope,
            "multipleOf",
            message,
            x,
            p,
        )
