"""The compiler's function queue: turns (subschema, scope) pairs into generated functions.

One function exists per schema location and :class:`~generator.compiler.context.Mode` (each
emitted only when needed): ``_vN`` (VALID), ``_eN`` (ERRORS), ``_aN`` (ANNOTATIONS, only for
schemas under ``unevaluated*``) and ``_a0N`` (ANNOTATIONS_OWN, for the error path).

Subschemas in "must pass" positions are inlined up to a nesting limit; everything reached by a
reference or in a conditional position (``anyOf``, ``not``, ...) becomes a memoised function call,
so recursive schemas compile to recursive calls. Work is queued, never recursed, so schemas
thousands of levels deep compile with a bounded Python stack. The module's constants are in
:mod:`~generator.compiler.constants`, the emission memo in :mod:`~generator.compiler.memo` and
the loop checks in :mod:`~generator.compiler.loops`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any

from generator.compiler.codegen import Code, Namer
from generator.compiler.constants import ConstantPools
from generator.compiler.context import EmitContext, Mode
from generator.compiler.keywords import emit_schema
from generator.compiler.loops import break_loops
from generator.compiler.memo import TRACK, EmissionMemo, P, Recording, Template, X
from generator.compiler.scope import Resolver, Scope, only_ref
from generator.errors import SchemaError

MAX_INLINE_LEVEL = 9
MAX_INLINE_LOOPS = 5
MAX_INLINE_DEPTH = 8

Emit = Callable[[EmitContext, str, str | None, str | None], None]


class Compiler:
    """Generated functions, written from a queue (a :class:`.context.CompilerApi`)."""

    def __init__(
        self,
        resolver: Resolver,
        *,
        format_assertion: bool,
        pattern_timeout: float | None = None,
    ) -> None:
        self.resolver = resolver
        self.format_assertion = format_assertion
        #: seconds a pattern match may take (``None``: unbounded, and no regex import)
        self.pattern_timeout = pattern_timeout
        self.namer = Namer()
        self.constants = ConstantPools(
            self.namer, lambda doc: self.resolver.shown_document(doc), pattern_timeout
        )
        self.memo = EmissionMemo(self.namer, self.constants)
        self.functions: list[list[str]] = []  # the lines of each generated function
        self.function_names: list[str] = []  # the name of each, in the same order
        self._func_memo: dict[tuple[Any, ...], str] = {}
        self._queue: deque[tuple[str, Mode, Any, Scope]] = deque()
        self.formats_used: set[str] = set()
        self._edges: dict[str, set[str]] = {}
        #: every function each generated function calls (directly or through a tuple of them)
        self.calls: dict[str, set[str]] = {}
        self._writing: str | None = None  # the function being written
        self._scopes: dict[str, Scope] = {}
        self.type_checks: dict[tuple[Any, ...], tuple[str, str]] = {}
        self.plans: dict[tuple[Any, ...], Any] = {}
        #: whether the ERRORS function being written has a ``yield`` yet
        self.yields = False

    # -- functions --------------------------------------------------------------------------

    def function(self, mode: Mode, schema: Any, scope: Scope) -> str:
        """The name of the ``mode`` function checking ``schema`` in ``scope`` (queued if new).

        A schema that only applies its ``$ref`` is checked by its target's function: the
        twenty ``{"$ref": ...}`` members of a ``oneOf`` call the functions of the definitions
        they name, not twenty new functions with the same bodies. (Not in ANNOTATIONS_OWN
        mode, which skips the ``unevaluated*`` of the schema it is given, not its target's.)
        """
        if mode is not Mode.ANNOTATIONS_OWN and only_ref(schema, scope):
            schema, scope = self.resolver.ref_end(schema, scope)
        key = (mode, id(schema) if isinstance(schema, dict) else repr(schema), scope)
        self.memo.not_memoisable()  # what it calls depends on where it is
        found = self._func_memo.get(key)
        if found is None:
            found = self.namer("_" + mode)
            self._func_memo[key] = found
            self._scopes[found] = scope
            self._queue.append((found, mode, schema, scope))
        if self._writing is not None:
            self.calls.setdefault(self._writing, set()).add(found)
        return found

    def run(self) -> None:
        """Write every queued function (and those they queue), then break the loops
        (:func:`~generator.compiler.loops.break_loops`)."""
        self.drain()
        stopped = break_loops(
            self.function_names, self.functions, self._edges, self._scopes, self.constants
        )
        for name in stopped:  # (their bodies now only raise)
            self.calls.pop(name, None)

    def drain(self) -> None:
        """Write every queued function (and those they queue)."""
        while self._queue:
            name, mode, schema, scope = self._queue.popleft()
            self.function_names.append(name)
            self._writing = name
            try:
                self.functions.append(self._generate(name, mode, schema, scope))
            finally:
                self._writing = None

    def _generate(self, name: str, mode: Mode, schema: Any, scope: Scope) -> list[str]:
        """The lines of function ``name``."""
        body = Code(1)
        if mode is Mode.VALID:
            self.node(EmitContext(self, body, mode, name), schema, scope, "x", None, None)
            return [f"def {name}(x: Any) -> bool:", *body.lines, "    return True"]
        if mode is Mode.ERRORS:
            self.yields = False
            self.node(EmitContext(self, body, mode, name), schema, scope, "x", "p", None)
            lines = [f"def {name}(x: Any, p: _Path) -> Iterator[SchemaValidationError]:"]
            lines += body.lines
            if not self.yields:  # (a generator even when the schema cannot fail)
                lines.append("    yield from ()")
            return lines
        cx = EmitContext(self, body, Mode.ANNOTATIONS, name)
        self.node(cx, schema, scope, "x", None, "ev", skip_unevaluated=mode is Mode.ANNOTATIONS_OWN)
        return [
            f"def {name}(x: Any) -> set[Any] | None:",
            "    ev: set[Any] = set()",
            *body.lines,
            "    return ev",
        ]

    # -- subschemas -------------------------------------------------------------------------

    def node(
        self,
        cx: EmitContext,
        schema: Any,
        scope: Scope,
        x: str,
        p: str | None,
        track: str | None,
        *,
        skip_unevaluated: bool = False,
    ) -> None:
        """Emit the checks of ``schema`` against the instance in variable ``x``."""
        if schema is True:
            return
        if schema is False:
            cx.fail(scope, "false", " is not allowed by the false schema", x, p)
            return
        if not isinstance(schema, dict):
            raise SchemaError(
                f"a schema must be an object or a boolean, not {type(schema).__name__}",
                pointer=scope.schema_path(),
            )
        if self.memo.recording is None and not skip_unevaluated:
            text = self.memo.key_text(schema)
            if text is not None:
                key = (text, *cx.emission_key(scope, p, track, x))
                self.memoised(
                    key,
                    cx,
                    scope,
                    x,
                    p,
                    track,
                    lambda cx, x, p, track: emit_schema(cx, schema, scope, x, p, track, False),
                )
                return
        emit_schema(cx, schema, scope, x, p, track, skip_unevaluated)

    def memoised(
        self,
        key: tuple[Any, ...],
        cx: EmitContext,
        scope: Scope,
        x: str,
        p: str | None,
        track: str | None,
        emit: Emit,
    ) -> None:
        """``emit(cx, x, p, track)``, or a replay of what it emitted before for ``key``.

        ``emit`` writes the checks of a subschema of ``scope`` (or of several, such as one
        property), with names only from :meth:`EmitContext.var` and the memo's ``location``.
        """
        memo = self.memo
        try:
            template = memo.templates[key]
        except KeyError:
            self._record(key, cx, scope, x, p, track, emit)
            return
        if template is None:
            emit(cx, x, p, track)
            return
        cx.code.lines.extend(memo.replay(template, scope, x, p, track))
        if template.yields:
            self.yields = True

    def _record(
        self,
        key: tuple[Any, ...],
        cx: EmitContext,
        scope: Scope,
        x: str,
        p: str | None,
        track: str | None,
        emit: Emit,
    ) -> None:
        """``emit`` with placeholders for the names, keeping the recording."""
        memo = self.memo
        recording = memo.recording = Recording(scope, x, p, track)
        known = (X, cx.known[1]) if cx.known is not None and cx.known[0] == x else None
        body = EmitContext(self, Code(cx.code.level), cx.mode, cx.func, cx.loops, cx.depth, known)
        yielded, self.yields = self.yields, False
        try:
            emit(body, X, P if p is not None else None, TRACK if track is not None else None)
        finally:
            memo.recording = None
        template = Template(body.code.lines, recording.ops, self.yields)
        self.yields = yielded or template.yields
        cx.code.lines.extend(template.lines(recording.values))
        memo.templates[key] = template if recording.memoisable else None

    def child(
        self,
        cx: EmitContext,
        schema: Any,
        scope: Scope,
        segments: tuple[str, ...],
        x: str,
        p: str | None,
        track: str | None,
    ) -> None:
        """Emit a must-pass subschema: inline while shallow, else a function call."""
        child_scope = self.resolver.descend(scope, schema, segments)
        if (
            cx.code.level <= MAX_INLINE_LEVEL
            and cx.loops <= MAX_INLINE_LOOPS
            and cx.depth < MAX_INLINE_DEPTH
        ):
            self.node(cx.deeper(), schema, child_scope, x, p, track)  # (as ``apply`` would)
        else:
            self.apply(cx, schema, child_scope, x, p, track, inline=False)

    def apply(
        self,
        cx: EmitContext,
        schema: Any,
        scope: Scope,
        x: str,
        p: str | None,
        track: str | None,
        *,
        inline: bool,
    ) -> None:
        """Emit ``schema`` applied to ``x``: inline if asked and shallow, else a call."""
        if isinstance(schema, bool) or (
            inline
            and cx.code.level <= MAX_INLINE_LEVEL
            and cx.loops <= MAX_INLINE_LOOPS
            and cx.depth < MAX_INLINE_DEPTH
        ):
            self.node(cx.deeper(), schema, scope, x, p, track)
            return
        if cx.mode is Mode.ERRORS:
            name = self.function(Mode.ERRORS, schema, scope)
            check = self.function(Mode.VALID, schema, scope)
            self.edge(cx, name, x)
            self.edge(cx, check, x)
            cx.guard(f"if not {check}({x}):", f"yield from {name}({x}, {p})")
            self.yields = True
        elif track is not None:
            name = self.function(Mode.ANNOTATIONS, schema, scope)
            self.edge(cx, name, x)
            result = cx.var("r")
            cx.line(f"{result} = {name}({x})")
            cx.guard(f"if {result} is None:", cx.silent_failure())
            cx.line(f"{track}.update({result})")
        else:
            name = self.function(Mode.VALID, schema, scope)
            self.edge(cx, name, x)
            cx.guard(f"if not {name}({x}):", cx.silent_failure())

    def predicate(
        self, cx: EmitContext, schema: Any, scope: Scope, annotations: bool, x: str | None
    ) -> str:
        """Name of a function testing ``schema`` (``_v``: bool, ``_a``: evaluated set or None).

        ``x`` is the variable it will be applied to (None: items of an array).
        """
        name = self.function(Mode.ANNOTATIONS if annotations else Mode.VALID, schema, scope)
        if x is not None:
            self.edge(cx, name, x)
        return name

    def edge(self, cx: EmitContext, callee: str, x: str) -> None:
        """Record that ``cx.func`` applies ``callee`` to its own instance (not a child)."""
        recording = self.memo.recording
        if recording is not None:
            x = recording.real(x)
        if x == "x":
            self._edges.setdefault(cx.func, set()).add(callee)
