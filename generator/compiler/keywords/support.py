"""What the keyword emitters share: the emitter signature, schema-value checks, messages and
the loop over unevaluated properties or items."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NamedTuple

from generator.compiler.codegen import INDENT, uses
from generator.compiler.context import EmitContext, Mode
from generator.compiler.memo import child_path
from generator.compiler.scope import Scope
from generator.errors import SchemaError
from generator.pylayout import WIDTH

#: ``emit(cx, schema, scope, x, p, track)``: write the checks of one keyword (or one family of
#: keywords read together) of ``schema`` against the instance in variable ``x``. ``p`` is the
#: instance path variable (ERRORS only, else None); ``track`` names the set collecting the
#: property names / item indices evaluated, when an enclosing ``unevaluated*`` needs them.
Emitter = Callable[[EmitContext, dict[str, Any], Scope, str, str | None, str | None], None]

#: The error of a pattern match that ran out of time (``pattern_timeout``).
TIMED_OUT = ": the pattern match ran out of time (pattern_timeout): treated as invalid"


def is_number(value: Any) -> bool:
    """Whether ``value`` is a JSON number (booleans are not)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def show(value: Any) -> str:
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


def bad(scope: Scope, keyword: str, why: str) -> SchemaError:
    """The error for an invalid value of ``keyword``."""
    return SchemaError(f"invalid {keyword!r}: {why}", pointer=scope.schema_path(keyword))


def number(schema: dict[str, Any], scope: Scope, keyword: str) -> Any:
    """The value of ``keyword``, which must be a number."""
    limit = schema[keyword]
    if not is_number(limit):
        raise bad(scope, keyword, "must be a number")
    return limit


def schema_list(value: Any, scope: Scope, keyword: str) -> list[Any]:
    """The value of ``keyword``, which must be a non-empty array of schemas."""
    if not isinstance(value, list) or not value:
        raise bad(scope, keyword, "must be a non-empty array of schemas")
    return value


#: The longest path expression written where errors are made, at the function's own level
#: (four characters fewer per level deeper): longer ones are assigned to a variable first.
LAZY_PATH = 48


class ChildPath(NamedTuple):
    """The path of a child in the error path (see :func:`sub_path`)."""

    #: the expression giving the child's path (None outside the error path)
    path: str | None
    #: ``pN = (...)`` (after ``pM = (...)`` for a long parent path), when ``path`` is the
    #: variable ``pN``: written first in the child's code
    assign: tuple[str, ...] = ()

    def place(self, body: EmitContext) -> None:
        """Write :attr:`assign` first in ``body`` (the child's code) if the code uses it."""
        if self.assign and self.path is not None and uses(self.path, body.code):
            indent = body.code.indent
            body.code.lines[0:0] = [indent + line for line in self.assign]


def sub_path(cx: EmitContext, p: str | None, segment: str) -> ChildPath:
    """The path of the child ``segment`` (its key or index expression) of the instance at the
    path ``p``, for code written in ``cx`` and below: built where an error is made
    (:func:`generator.compiler.memo.child_path`), or, if that expression would be long,
    assigned to a variable before the child's code."""
    if p is None:
        return ChildPath(None)
    path = child_path(p, segment)
    memo = cx.compiler.memo
    length = memo.path_length(path)
    if length <= LAZY_PATH - len(cx.code.indent):
        return ChildPath(path)
    var = memo.var("p")
    # (the child's code is at most three levels deeper; a variable's name is short)
    if len(cx.code.indent) + 12 + 7 + length <= WIDTH or memo.path_length(p) <= 8:
        return ChildPath(var, (f"{var} = {path}",))
    parent = memo.var("p")  # a long path, written down first
    return ChildPath(var, (f"{parent} = {p}", f"{var} = {child_path(parent, segment)}"))


def bind(cx: EmitContext, header: str, body: EmitContext, var: str, expr: str, *first: str) -> None:
    """Emit ``header``, then (one level deeper) the lines ``first`` and the assignment of
    ``var`` when the body uses it, then the body (which is not empty)."""
    code = cx.code
    indent = code.indent + INDENT
    code.lines.append(code.indent + header)
    code.lines.extend(indent + line for line in first)
    if uses(var, body.code):
        code.lines.append(f"{indent}{var} = {expr}")
    code.lines.extend(body.code.lines)


def unevaluated(
    cx: EmitContext,
    schema: dict[str, Any],
    scope: Scope,
    x: str,
    p: str | None,
    track: str | None,
    keyword: str,
) -> None:
    """``unevaluatedProperties`` or ``unevaluatedItems``: the members not in the evaluated set
    (``track``; in ERRORS mode, the set an ANNOTATIONS_OWN function returns) against the
    subschema."""
    compiler = cx.compiler
    sub = schema[keyword]
    objects = keyword == "unevaluatedProperties"
    key, value = cx.var("k" if objects else "i"), cx.var("x")
    path = sub_path(cx, p, key)
    seen = track
    errors = cx.mode is Mode.ERRORS
    if errors:
        seen = cx.var("ev")
    assert seen is not None
    body = cx.sub(3 if errors else 2, 1)
    if sub is False:
        what = " is an unevaluated property" if objects else " is an unevaluated item"
        body.fail(scope, keyword, what, key if objects else value, p)
    else:
        compiler.child(body, sub, scope, (keyword,), value, path.path, None)
        path.place(body)
    loop = cx.sub(2 if errors else 1, 1)
    header = f"if {key} not in {seen}:"
    loop.emit_block(header, body)
    if not loop.code.lines:
        if not errors:
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
    if errors:
        collect = compiler.function(Mode.ANNOTATIONS_OWN, schema, scope)
        compiler.edge(cx, collect, x)
        cx.line(f"{seen} = {collect}({x})")
        outer = cx.sub()
        outer.emit_block(head, loop)
        cx.emit_block(f"if {seen} is not None:", outer)
    else:
        cx.emit_block(head, loop)
        cx.line(f"{seen}.update({x})" if objects else f"{seen}.update(range(len({x})))")
