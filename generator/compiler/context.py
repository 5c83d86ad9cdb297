"""The emitter API: where code is being emitted (:class:`EmitContext`), for which kind of
function (:class:`Mode`), and what an emitter may ask the compiler (:class:`CompilerApi`).

Keyword emitters (:mod:`generator.compiler.keywords`) see the compiler only through
:class:`CompilerApi`; :class:`generator.compiler.core.Compiler` implements it.
"""

from __future__ import annotations

import enum
from typing import Any, Protocol

from generator.compiler.codegen import INDENT, Block, Code
from generator.compiler.constants import ConstantPools
from generator.compiler.memo import EmissionMemo, path_key
from generator.compiler.scope import Resolver, Scope


class Mode(enum.StrEnum):
    """The kind of a generated function; its value is the prefix of the function's name."""

    #: ``_vN(x) -> bool``: the fast path, short-circuits, builds nothing (fails: ``return False``)
    VALID = "v"
    #: ``_eN(x, p) -> Iterator[SchemaValidationError]``: every error (fails: ``yield _err(...)``)
    ERRORS = "e"
    #: ``_aN(x) -> set | None``: None if invalid, else the property names / item indices the
    #: schema evaluated (fails: ``return None``)
    ANNOTATIONS = "a"
    #: as ANNOTATIONS, without the location's own ``unevaluated*`` keywords (for ERRORS)
    ANNOTATIONS_OWN = "a0"


class CompilerApi(Protocol):
    """What keyword emitters use of the compiler."""

    resolver: Resolver
    constants: ConstantPools
    memo: EmissionMemo
    #: whether ``format`` asserts in every dialect (not only where the dialect says so)
    format_assertion: bool
    #: seconds a pattern match may take (``None``: unbounded)
    pattern_timeout: float | None
    #: the formats checked by the module (their helper functions are copied into it)
    formats_used: set[str]
    #: (*keys, dialect) -> the keyword plan (memoised by :mod:`generator.compiler.keywords`)
    plans: dict[tuple[Any, ...], Any]
    #: (*type names, float_integers) -> (``if`` header, message) (memoised likewise)
    type_checks: dict[tuple[Any, ...], tuple[str, str]]
    #: whether the ERRORS function being written has a ``yield`` yet (set where one is emitted)
    yields: bool

    def function(self, mode: Mode, schema: Any, scope: Scope) -> str: ...

    def child(
        self,
        cx: EmitContext,
        schema: Any,
        scope: Scope,
        segments: tuple[str, ...],
        x: str,
        p: str | None,
        track: str | None,
    ) -> None: ...

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
    ) -> None: ...

    def predicate(
        self, cx: EmitContext, schema: Any, scope: Scope, annotations: bool, x: str | None
    ) -> str: ...

    def edge(self, cx: EmitContext, callee: str, x: str) -> None: ...

    def memoised(
        self,
        key: tuple[Any, ...],
        cx: EmitContext,
        scope: Scope,
        x: str,
        p: str | None,
        track: str | None,
        emit: Any,
    ) -> None: ...


class EmitContext:
    """Where code is being emitted: the lines, the function kind's failure style and nesting."""

    __slots__ = ("compiler", "code", "mode", "func", "loops", "depth", "known")

    def __init__(
        self,
        compiler: CompilerApi,
        code: Code,
        mode: Mode,
        func: str,
        loops: int = 0,
        depth: int = 0,
        known: tuple[str, str] | None = None,
    ) -> None:
        self.compiler = compiler
        self.code = code
        #: VALID, ANNOTATIONS or ERRORS (ANNOTATIONS_OWN functions are emitted as ANNOTATIONS)
        self.mode = mode
        self.func = func  # the generated function being written
        self.loops = loops  # loops (over items, properties) around the code
        self.depth = depth  # subschemas inlined around the code
        #: (variable, type group) once a type check returned for the variable's other types:
        #: code after it (inlined subschemas included) is for that group only (mypy narrows)
        self.known = known

    def sub(self, level_delta: int = 1, loops_delta: int = 0) -> EmitContext:
        """A context for a body of fresh lines, ``level_delta`` levels deeper."""
        code = Code(self.code.level + level_delta)
        return EmitContext(
            self.compiler,
            code,
            self.mode,
            self.func,
            self.loops + loops_delta,
            self.depth,
            self.known,
        )

    def deeper(self) -> EmitContext:
        """The same lines, one inlined subschema deeper."""
        return EmitContext(
            self.compiler, self.code, self.mode, self.func, self.loops, self.depth + 1, self.known
        )

    def emission_key(
        self, scope: Scope, p: str | None, track: str | None, x: str = ""
    ) -> tuple[Any, ...]:
        """What, besides the schema, the code emitted here for the instance ``x`` depends on
        (the second part of an emission memo key)."""
        known = self.known[1] if self.known is not None and self.known[0] == x else None
        return (
            self.mode,
            self.code.level,
            self.loops,
            self.depth,
            path_key(p),
            track is None,
            scope.dialect,
            known,
        )

    def line(self, text: str) -> None:
        code = self.code
        code.lines.append(code.indent + text)

    def block(self, header: str) -> Block:
        return self.code.block(header)

    def guard(self, header: str, statement: str) -> None:
        """Emit ``header`` and the one ``statement`` it guards (``with block`` for one line)."""
        code = self.code
        code.lines.append(code.indent + header)
        code.lines.append(code.indent + INDENT + statement)

    def emit_block(self, header: str, body: EmitContext) -> bool:
        """Emit ``header`` and ``body`` (built one level deeper) unless the body is empty."""
        if not body.code.lines:
            return False
        code = self.code
        code.lines.append(code.indent + header)
        code.lines.extend(body.code.lines)
        return True

    def failure(
        self, scope: Scope, keyword: str, message: str, x: str | None, p: str | None
    ) -> str:
        """The statement failing ``keyword``; ``message`` follows ``_show(x)`` when x is given."""
        mode = self.mode
        if mode is Mode.VALID:
            return "return False"
        if mode is Mode.ANNOTATIONS:
            return "return None"
        compiler = self.compiler
        compiler.yields = True
        loc = compiler.memo.location(scope, keyword)
        text = compiler.constants.const_str(message)
        if x is None:
            return f"yield _err({p}, {loc}, {text})"
        return f"yield _err({p}, {loc}, _show({x}) + {text})"

    def fail(self, scope: Scope, keyword: str, message: str, x: str | None, p: str | None) -> None:
        """Emit the failure of ``keyword`` (see :meth:`failure`)."""
        self.line(self.failure(scope, keyword, message, x, p))

    def fail_if(
        self, header: str, scope: Scope, keyword: str, message: str, x: str | None, p: str | None
    ) -> None:
        """Emit ``header`` guarding the failure of ``keyword``."""
        self.guard(header, self.failure(scope, keyword, message, x, p))

    def silent_failure(self) -> str:
        """Failure in VALID/ANNOTATIONS mode (a called function already said why)."""
        return "return False" if self.mode is Mode.VALID else "return None"

    def var(self, prefix: str) -> str:
        """A fresh variable name (see :meth:`EmissionMemo.var`)."""
        return self.compiler.memo.var(prefix)
