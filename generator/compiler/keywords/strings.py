"""Keywords of strings: ``minLength``, ``maxLength``, ``pattern`` and ``format``. They run
inside ``if type(x) is str:`` (or after a ``type`` check that returned for other types).

Each emitter's docstring shows what it writes in a VALID function (``_vN(x) -> bool``) for a
schema of that one keyword.
"""

from __future__ import annotations

from typing import Any

from generator.compiler.context import EmitContext, Mode
from generator.compiler.formats import FORMATS
from generator.compiler.keywords.support import TIMED_OUT, number
from generator.compiler.scope import Scope


def _length(
    cx: EmitContext, schema: dict[str, Any], scope: Scope, x: str, p: str | None, keyword: str
) -> None:
    limit = number(schema, scope, keyword)
    op, word = ("<", "shorter") if keyword == "minLength" else (">", "longer")
    cx.fail_if(
        f"if len({x}) {op} {cx.compiler.constants.literal(limit)}:",
        scope,
        keyword,
        f" is {word} than {limit} characters",
        x,
        p,
    )


def min_length(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"minLength": 1}``.
    It writes::

        if len(x) < 1:
            return False
    """
    _length(cx, schema, scope, x, p, "minLength")


def max_length(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"maxLength": 1}``.
    It writes::

        if len(x) > 1:
            return False
    """
    _length(cx, schema, scope, x, p, "maxLength")


def pattern(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"pattern": "^a"}`` (with a pattern timeout: ``_found(_P1, x)``, None on time-out).
    It writes::

        if _P1.search(x) is None:
            return False
    """
    compiler = cx.compiler
    compiled = compiler.constants.pattern(scope, ("pattern",), schema["pattern"])
    mismatch = f" does not match {schema['pattern']!r}"
    if compiler.pattern_timeout is None:
        cx.fail_if(f"if {compiled}.search({x}) is None:", scope, "pattern", mismatch, x, p)
    elif cx.mode is not Mode.ERRORS:
        cx.guard(f"if _found({compiled}, {x}) is not True:", cx.silent_failure())
    else:
        found = cx.var("found")
        cx.line(f"{found} = _found({compiled}, {x})")
        cx.fail_if(f"if {found} is False:", scope, "pattern", mismatch, x, p)
        cx.fail_if(f"if {found} is None:", scope, "pattern", TIMED_OUT, x, p)


def format_(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
) -> None:
    """``{"format": "date"}`` where formats assert (``format_assertion=True``, or a dialect
    with the format-assertion vocabulary); unknown formats write nothing::

        if not _f_date(x):
            return False
    """
    compiler = cx.compiler
    if not (compiler.format_assertion or scope.dialect.format_asserts):
        return
    name = schema["format"]
    checker = FORMATS.get(name) if isinstance(name, str) else None
    if checker is not None:
        compiler.formats_used.add(name)
        cx.fail_if(f"if not {checker}({x}):", scope, "format", f" is not a valid {name!r}", x, p)
