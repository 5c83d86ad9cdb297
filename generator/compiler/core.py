"""The compiler proper: turns (subschema, scope) pairs into generated Python functions.

Three kinds of function exist per schema location (each emitted only when needed):

* ``v`` -- ``_vN(x) -> bool``: the fast path, short-circuits, builds nothing;
* ``e`` -- ``_eN(x, p) -> Iterator[SchemaValidationError]``: every error, ``p`` is the instance
  path as a tuple;
* ``a`` -- ``_aN(x) -> set | None``: ``None`` if invalid, else the property names / item indices
  the schema *evaluated* (only generated for schemas under ``unevaluated*``); ``a0`` is the same
  without the location's own ``unevaluated*`` keywords (used by the error path).

Subschemas in "must pass" positions are inlined up to a nesting limit; everything reached by a
reference or in a conditional position (``anyOf``, ``not``, ...) becomes a memoised function call,
so recursive schemas compile to recursive calls. Work is queued, never recursed, so schemas
thousands of levels deep compile with a bounded Python stack.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from typing import Any

from generator.compiler import keywords, replay
from generator.compiler.codegen import (
    INDENT,
    LINE_LENGTH,
    Block,
    Code,
    Namer,
    assign_call,
    assign_string,
    json_dumps,
    simple_literal,
    str_literal,
)
from generator.compiler.regex import PatternError, translate
from generator.compiler.scope import Resolver, Scope
from generator.errors import SchemaError
from generator.spec.dialects import DIALECTS
from generator.spec.keywords import SUBSCHEMA_KEYWORDS, subschemas
from generator.spec.pointer import escape as escape_segment

MAX_INLINE_LEVEL = 9
#: Functions applied to one instance one inside the other, at most (see ``_check_chains``).
MAX_CHAIN = 250
MAX_INLINE_LOOPS = 5
MAX_INLINE_DEPTH = 8
SHORT_LITERAL = 40
PATH_PIECE = 60
SMALL_SCHEMA = 10
# the keywords' string literals, for location constants
_KEYWORD_LITERALS = {
    keyword: str_literal(keyword)
    for keyword in frozenset({"false"}).union(*(d.keywords for d in DIALECTS.values()))
}
_REFERENCING = frozenset({"$ref", "$dynamicRef", "$recursiveRef", "$id", "id"})


class Cx:
    """Where code is being emitted: the function kind's failure style and nesting."""

    __slots__ = ("comp", "code", "mode", "func", "loops", "depth", "known")

    def __init__(
        self,
        comp: Compiler,
        code: Code,
        mode: str,
        func: str,
        loops: int = 0,
        depth: int = 0,
        known: tuple[str, str] | None = None,
    ) -> None:
        self.comp = comp
        self.code = code
        self.mode = mode  # "v" (return False), "a" (return None) or "e" (yield errors)
        self.func = func  # the generated function being written
        self.loops = loops
        self.depth = depth
        #: (variable, type group) once a type check returned for the variable's other types:
        #: code after it (inlined subschemas included) is for that group only (mypy narrows)
        self.known = known

    def sub(self, level_delta: int = 1, loops_delta: int = 0) -> Cx:
        code = Code(self.code.level + level_delta)
        return Cx(
            self.comp,
            code,
            self.mode,
            self.func,
            self.loops + loops_delta,
            self.depth,
            self.known,
        )

    def deeper(self) -> Cx:
        return Cx(
            self.comp, self.code, self.mode, self.func, self.loops, self.depth + 1, self.known
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

    def emit_block(self, header: str, body: Cx) -> bool:
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
        if mode == "v":
            return "return False"
        if mode == "a":
            return "return None"
        comp = self.comp
        loc = comp.location(scope, keyword)
        text = comp.const_str(message)
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
        """Failure in v/a mode (a called function already said why)."""
        return "return False" if self.mode == "v" else "return None"

    def var(self, prefix: str) -> str:
        return self.comp.var(prefix)


def _final(name: str) -> str:
    """A module constant's assignment target: ``Final``, so mypyc keeps it in a C static
    instead of looking it up in the module's dict at every use (no cost to pure Python)."""
    return f"{name}: Final"


class Compiler:
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
        self.constants: list[str] = []
        self.late_constants: list[str] = []
        self.functions: list[list[str]] = []  # the lines of each generated function
        # per constant prefix (``_M``: strings, ``_S``: locations, ...): key -> constant name
        self._const_memo: dict[str, dict[str, str]] = defaultdict(dict)
        self._str_literals: dict[str, str] = {}
        self._func_memo: dict[tuple[Any, ...], str] = {}
        self._queue: deque[tuple[str, str, Any, Scope]] = deque()
        self.needs_re = False
        self.needs_regex = False
        self.formats_used: set[str] = set()
        self._edges: dict[str, set[str]] = {}
        self._small: dict[int, bool] = {}
        self._scopes: dict[str, Scope] = {}
        self.type_checks: dict[tuple[Any, ...], tuple[str, str]] = {}
        self.plans: dict[tuple[Any, ...], keywords._Plan] = {}  # (*keys, dialect) -> plan
        # the emission memo (see :mod:`generator.compiler.replay`): None if not memoisable
        self._templates: dict[tuple[Any, ...], replay.Template | None] = {}
        self._recording: replay.Recording | None = None
        self._key_texts: dict[int, str | None] = {}  # id(schema) -> replay.key_text

    def var(self, prefix: str) -> str:
        """A fresh variable name (a placeholder for it while an emission is recorded)."""
        name = self.namer(prefix)
        if self._recording is None:
            return name
        return self._recording.placeholder(name, ("", prefix))

    # -- constants --------------------------------------------------------------------------

    def _memo_const(self, tag: str, key: str, make: Any) -> str:
        memo = self._const_memo[tag]
        found = memo.get(key)
        if found is not None:
            return found
        name = self.namer(tag)
        self.constants.extend(make(_final(name)))
        memo[key] = name
        return name

    def const_str(self, text: str) -> str:
        memo = self._const_memo["_M"]
        found = memo.get(text)
        if found is not None:
            return found
        name = memo[text] = self.namer("_M")
        self.constants.extend(assign_string(_final(name), text))
        return name

    def literal(self, value: Any) -> str:
        """An expression for a JSON value: short scalars inline, everything else hoisted."""
        if type(value) is str:  # the common case (property names): remembered per string
            found = self._str_literals.get(value)
            if found is None:
                quoted = str_literal(value)
                found = quoted if len(quoted) <= SHORT_LITERAL else self.const_str(value)
                self._str_literals[value] = found
            return found
        simple = simple_literal(value)
        if simple is not None and len(simple) <= SHORT_LITERAL:
            return simple
        if isinstance(value, str):  # a str subclass
            return self.const_str(value)
        text = json_dumps(value)
        return self._memo_const("_K", text, lambda name: assign_call(name, "_json", text))

    def json_const(self, value: Any) -> str:
        text = json_dumps(value)
        return self._memo_const("_K", text, lambda name: assign_call(name, "_json", text))

    def frozenset_const(self, values: list[Any]) -> str:
        text = json_dumps(values)
        return self._memo_const("_F", text, lambda name: assign_call(name, "_frozen", text))

    def fraction_const(self, value: float) -> str:
        text = repr(value)
        return self._memo_const("_Q", text, lambda name: assign_call(name, "Fraction", text))

    def location(self, scope: Scope, keyword: str) -> str:
        """Module constant ``(keyword, schema_path)`` for errors of ``keyword`` in ``scope``."""
        ptr = scope.ptr + "/" + escape_segment(keyword)
        name = self.location_at(scope.doc, ptr, keyword)
        recording = self._recording
        if recording is None:
            return name
        if scope.doc != recording.doc or not ptr.startswith(recording.ptr + "/"):
            recording.memoisable = False  # (cannot happen: recorded schemas have no $id)
            return name
        return recording.placeholder(name, (ptr[len(recording.ptr) :], keyword))

    def location_at(self, doc: str, ptr: str, keyword: str) -> str:
        """:meth:`location` given the document and the JSON Pointer to the keyword."""
        if doc:
            doc = self.resolver.shown_document(doc)
        path = f"{doc}#{ptr}" if doc else ptr  # scope.schema_path(keyword)
        key = keyword + "\x00" + path
        memo = self._const_memo["_S"]
        found = memo.get(key)
        if found is not None:
            return found
        name = memo[key] = self.namer("_S")
        kw = _KEYWORD_LITERALS.get(keyword) or str_literal(keyword)
        lit = str_literal(path)
        target = _final(name)
        if len(path) <= PATH_PIECE and len(target) + len(kw) + len(lit) + 11 <= LINE_LENGTH:
            self.constants.append(f"{target} = _loc({kw}, {lit})")
        else:
            self.constants.append(f"{target} = _loc({kw}, {self.path_const(path)})")
        return name

    def path_const(self, path: str) -> str:
        """A constant holding ``path``; long paths are built from shared prefix constants."""
        if len(path) <= PATH_PIECE:
            return self.const_str(path)
        cuts = []  # prefix ends, each piece about PATH_PIECE characters, cut at a "/"
        start = 0
        while len(path) - start > PATH_PIECE:
            cut = path.rfind("/", start + 1, start + PATH_PIECE)
            if cut <= start:
                cut = path.find("/", start + PATH_PIECE)
                if cut < 0:
                    break
            cuts.append(cut)
            start = cut
        cuts.append(len(path))
        first = len(cuts) - 1
        memo = self._const_memo["_R"]
        while first > 0 and path[: cuts[first - 1]] not in memo:
            first -= 1
        previous = memo.get(path[: cuts[first - 1]]) if first else None
        begin = cuts[first - 1] if first else 0
        for end in cuts[first:]:
            prefix = path[:end]
            found = memo.get(prefix)
            if found is None:
                piece = self.const_str(path[begin:end])
                found = self.namer("_R")
                value = piece if previous is None else f"{previous} + {piece}"
                self.constants.append(f"{_final(found)} = {value}")
                memo[prefix] = found
            previous, begin = found, end
        assert previous is not None
        return previous

    def pattern(self, scope: Scope, segments: tuple[str, ...], pattern: Any) -> str:
        if not isinstance(pattern, str):
            raise SchemaError(
                f"{segments[0]} must be a string, not {type(pattern).__name__}",
                pointer=scope.schema_path(*segments),
            )
        try:
            translated = translate(pattern)
        except PatternError as exc:
            raise SchemaError(str(exc), pointer=scope.schema_path(*segments)) from None
        # (with a time limit, every pattern runs on the regex module: re has no timeout)
        bounded = translated.needs_regex_module or self.pattern_timeout is not None
        func = "_regex_compile" if bounded else "_re_compile"
        if bounded:
            self.needs_regex = True
        else:
            self.needs_re = True
        return self._memo_const(
            "_P", func + translated.pattern, lambda n: assign_call(n, func, translated.pattern)
        )

    def type_tuple(self, names: list[str]) -> str:
        """A module constant tuple of Python types (names are fixed builtins, never data)."""
        text = ", ".join(names)
        return self._memo_const("_Y", text, lambda name: [f"{name} = ({text})"])

    def small(self, schema: Any) -> bool:
        """Whether a reference target is worth inlining: small, with no references inside."""
        found = self._small.get(id(schema))
        if found is not None:
            return found
        count = 0
        stack = [schema]
        result = isinstance(schema, dict)
        while stack and result:
            node = stack.pop()
            count += 1
            if count > SMALL_SCHEMA:
                result = False
            elif not isinstance(node, dict):
                continue
            elif not _REFERENCING.isdisjoint(node):
                result = False
            elif not SUBSCHEMA_KEYWORDS.isdisjoint(node):
                stack.extend(child for _, child in subschemas(node))
        self._small[id(schema)] = result
        return result

    def func_tuple(self, names: list[str]) -> str:
        key = ",".join(names)

        def make(name: str) -> list[str]:
            one = f"{name} = ({', '.join(names)},)" if len(names) == 1 else ""
            line = one or f"{name} = ({', '.join(names)})"
            if len(line) <= LINE_LENGTH:
                return [line]
            return [f"{name} = (", *(f"    {n}," for n in names), ")"]

        memo = self._const_memo["_T"]
        found = memo.get(key)
        if found is not None:
            return found
        name = memo[key] = self.namer("_T")
        self.late_constants.extend(make(_final(name)))
        return name

    # -- functions --------------------------------------------------------------------------

    def function(self, kind: str, schema: Any, scope: Scope) -> str:
        key = (
            kind,
            id(schema) if isinstance(schema, dict) else repr(schema),
            scope.base,
            scope.dialect,
            scope.dynamic_anchors,
            scope.recursive_base,
            scope.doc,
            scope.ptr,
        )
        if self._recording is not None:
            self._recording.memoisable = False  # what it calls depends on where it is
        found = self._func_memo.get(key)
        if found is not None:
            return found
        name = self.namer("_" + kind)
        self._func_memo[key] = name
        self._scopes[name] = scope
        self._queue.append((name, kind, schema, scope))
        return name

    def run(self) -> None:
        while self._queue:
            name, kind, schema, scope = self._queue.popleft()
            self.functions.append(self._generate(name, kind, schema, scope))
        self.break_loops()

    def _generate(self, name: str, kind: str, schema: Any, scope: Scope) -> list[str]:
        """The lines of function ``name``."""
        body = Code(1)
        if kind == "v":
            self.node(Cx(self, body, "v", name), schema, scope, "x", None, None)
            return [f"def {name}(x: Any) -> bool:", *body.lines, "    return True"]
        if kind == "e":
            self.node(Cx(self, body, "e", name), schema, scope, "x", "p", None)
            lines = [f"def {name}(x: Any, p: _Path) -> Iterator[SchemaValidationError]:"]
            lines += body.lines
            if not any("yield" in line for line in body.lines):
                lines.append("    yield from ()")
            return lines
        cx = Cx(self, body, "a", name)
        self.node(cx, schema, scope, "x", None, "ev", skip_unevaluated=kind == "a0")
        return [
            f"def {name}(x: Any) -> set[Any] | None:",
            "    ev: set[Any] = set()",
            *body.lines,
            "    return ev",
        ]

    # -- subschemas -------------------------------------------------------------------------

    def node(
        self,
        cx: Cx,
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
        if self._recording is None and not skip_unevaluated:
            text = self.key_text(schema)
            if text is not None:
                key = (text, *self.emission_key(cx, scope, p, track, x))
                self.memoised(
                    key,
                    cx,
                    scope,
                    x,
                    p,
                    track,
                    lambda cx, x, p, track: keywords.emit_schema(
                        cx, schema, scope, x, p, track, False
                    ),
                )
                return
        keywords.emit_schema(cx, schema, scope, x, p, track, skip_unevaluated)

    # -- the emission memo (see :mod:`generator.compiler.replay`) ----------------------------

    @property
    def recording(self) -> bool:
        """Whether an emission is being recorded (the memo is not used meanwhile)."""
        return self._recording is not None

    def key_text(self, schema: Any) -> str | None:
        """The content part of the memo key of ``schema`` (None: not memoisable)."""
        ident = id(schema)
        if ident in self._key_texts:
            return self._key_texts[ident]
        if not isinstance(schema, dict):
            small = False
        elif SUBSCHEMA_KEYWORDS.isdisjoint(schema):  # no subschemas: small unless a reference
            small = _REFERENCING.isdisjoint(schema)
        else:
            small = self.small(schema)
        text = replay.key_text(schema) if small else None
        self._key_texts[ident] = text
        return text

    @staticmethod
    def emission_key(
        cx: Cx, scope: Scope, p: str | None, track: str | None, x: str = ""
    ) -> tuple[Any, ...]:
        """The rest of a memo key: what, besides the schema, the emitted code depends on."""
        known = cx.known[1] if cx.known is not None and cx.known[0] == x else None
        return (
            cx.mode,
            cx.code.level,
            cx.loops,
            cx.depth,
            p is None,
            track is None,
            scope.dialect,
            known,
        )

    def memoised(
        self,
        key: tuple[Any, ...],
        cx: Cx,
        scope: Scope,
        x: str,
        p: str | None,
        track: str | None,
        emit: Callable[[Cx, str, str | None, str | None], None],
    ) -> None:
        """``emit(cx, x, p, track)``, or a replay of what it emitted before for ``key``.

        ``emit`` writes the checks of a subschema of ``scope`` (or of several, such as one
        property), with names only from :meth:`var` and :meth:`location`.
        """
        try:
            template = self._templates[key]
        except KeyError:
            self._record(key, cx, scope, x, p, track, emit)
            return
        if template is None:
            emit(cx, x, p, track)
            return
        values = [x, p or "", track or ""]
        for where, what in template.ops:
            if where:
                values.append(self.location_at(scope.doc, scope.ptr + where, what))
            else:
                values.append(self.namer(what))
        cx.code.lines.extend(template.lines(values))

    def _record(
        self,
        key: tuple[Any, ...],
        cx: Cx,
        scope: Scope,
        x: str,
        p: str | None,
        track: str | None,
        emit: Callable[[Cx, str, str | None, str | None], None],
    ) -> None:
        """``emit`` with placeholders for the names, keeping the recording."""
        recording = self._recording = replay.Recording(scope, x, p, track)
        known = (replay.X, cx.known[1]) if cx.known is not None and cx.known[0] == x else None
        body = Cx(self, Code(cx.code.level), cx.mode, cx.func, cx.loops, cx.depth, known)
        try:
            emit(
                body,
                replay.X,
                replay.P if p is not None else None,
                replay.TRACK if track is not None else None,
            )
        finally:
            self._recording = None
        template = replay.Template(body.code.lines, recording.ops)
        cx.code.lines.extend(template.lines(recording.values))
        self._templates[key] = template if recording.memoisable else None

    def child(
        self,
        cx: Cx,
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
        cx: Cx,
        schema: Any,
        scope: Scope,
        x: str,
        p: str | None,
        track: str | None,
        *,
        inline: bool,
    ) -> None:
        if isinstance(schema, bool) or (
            inline
            and cx.code.level <= MAX_INLINE_LEVEL
            and cx.loops <= MAX_INLINE_LOOPS
            and cx.depth < MAX_INLINE_DEPTH
        ):
            self.node(cx.deeper(), schema, scope, x, p, track)
            return
        if cx.mode == "e":
            name = self.function("e", schema, scope)
            check = self.function("v", schema, scope)
            self.edge(cx, name, x)
            self.edge(cx, check, x)
            cx.guard(f"if not {check}({x}):", f"yield from {name}({x}, {p})")
        elif track is not None:
            name = self.function("a", schema, scope)
            self.edge(cx, name, x)
            result = cx.var("r")
            cx.line(f"{result} = {name}({x})")
            cx.guard(f"if {result} is None:", cx.silent_failure())
            cx.line(f"{track}.update({result})")
        else:
            name = self.function("v", schema, scope)
            self.edge(cx, name, x)
            cx.guard(f"if not {name}({x}):", cx.silent_failure())

    def predicate(self, cx: Cx, schema: Any, scope: Scope, annotations: bool, x: str | None) -> str:
        """Name of a function testing ``schema`` (``_v``: bool, ``_a``: evaluated set or None).

        ``x`` is the variable it will be applied to (None: items of an array).
        """
        name = self.function("a" if annotations else "v", schema, scope)
        if x is not None:
            self.edge(cx, name, x)
        return name

    def edge(self, cx: Cx, callee: str, x: str) -> None:
        """Record that ``cx.func`` applies ``callee`` to its own instance (not a child)."""
        if self._recording is not None:
            x = self._recording.real(x)
        if x == "x":
            self._edges.setdefault(cx.func, set()).add(callee)

    def loop_members(self) -> set[str]:
        """Functions on a cycle of in-place applications (Tarjan's algorithm, iterative)."""
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[str] = []
        members: set[str] = set()
        counter = 0
        for start in list(self._edges):
            if start in index:
                continue
            work: list[tuple[str, Iterator[str]]] = [(start, iter(self._edges.get(start, ())))]
            index[start] = low[start] = counter
            counter += 1
            stack.append(start)
            on_stack.add(start)
            while work:
                node, children = work[-1]
                child = next(children, None)
                if child is not None:
                    if child not in index:
                        index[child] = low[child] = counter
                        counter += 1
                        stack.append(child)
                        on_stack.add(child)
                        work.append((child, iter(self._edges.get(child, ()))))
                    elif child in on_stack:
                        low[node] = min(low[node], index[child])
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in self._edges.get(node, ()):
                        members.update(component)
        return members

    def _check_chains(self, loops: set[str]) -> None:
        """Refuse a chain of more than ``MAX_CHAIN`` functions applied to one instance (each
        calls the next, through ``$ref``, ``allOf``, ``anyOf``, ...): validation would need
        as many Python frames, and answer "nested too deeply" where it has an answer."""
        edges = self._edges
        depth: dict[str, int] = {}
        for start in list(edges):
            if start in depth or start in loops:
                continue
            work: list[tuple[str, Iterator[str]]] = [(start, iter(edges.get(start, ())))]
            while work:
                node, children = work[-1]
                child = next(children, None)
                if child is not None:
                    if child not in depth and child not in loops:
                        work.append((child, iter(edges.get(child, ()))))
                    continue
                work.pop()
                below = [depth[c] for c in edges.get(node, ()) if c in depth]
                depth[node] = 1 + max(below, default=0)
                if depth[node] > MAX_CHAIN:
                    raise SchemaError(
                        f"more than {MAX_CHAIN} subschemas apply to one value in a chain "
                        "(each through the next: $ref, allOf, anyOf, ...); schemagen compiles "
                        "at most that many, as validation would need a Python frame for each",
                        pointer=self._scopes[node].schema_path(),
                    )

    def break_loops(self) -> None:
        """Make functions on an infinite in-place loop raise ``SchemaLoopError`` when reached.

        Such a schema (``{"$ref": "#"}``, or a -> b -> a through ``anyOf``) applies itself to the
        same instance without end; no answer exists, so validation that reaches it stops with a
        clear error instead of exhausting the stack. Unreached loops cost nothing.
        """
        members = self.loop_members()
        self._check_chains(members)
        if not members:
            return
        for position, lines in enumerate(self.functions):
            name = lines[0][len("def ") : lines[0].index("(")]
            if name not in members:
                continue
            where = self.path_const(self._scopes[name].schema_path())
            self.functions[position] = [lines[0], f"    raise SchemaLoopError({where})"]
