"""The generated module's constants: one pool per kind, each constant written once.

Schema values that are too long to inline (messages, JSON values, locations, compiled patterns)
become module constants named by prefix and counter (``_M3``), memoised by content, so two
emitters asking for the same value share one constant. Names come only from the
:class:`~generator.compiler.codegen.Namer`; values enter code only through the literal functions
of :mod:`generator.compiler.codegen`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.compiler.codegen import (
    Namer,
    assign_call,
    assign_string,
    json_dumps,
    simple_literal,
)
from generator.compiler.regex import PatternError, translate
from generator.compiler.scope import Scope
from generator.errors import SchemaError
from generator.pylayout import WIDTH, str_literal
from generator.spec.dialects import DIALECTS

# The constant name prefixes, one per pool.
MESSAGE = "_M"  # a str: error message tails, long strings
LOCATION = "_S"  # an error location: _loc(keyword, schema path)
JSON_VALUE = "_K"  # a JSON value: _json(text)
STRING_SET = "_F"  # a frozenset of JSON values: _frozen(text)
FRACTION = "_Q"  # an exact multipleOf factor: Fraction(text)
PATH_PREFIX = "_R"  # a prefix of a long schema path, built from shorter prefixes
PATTERN = "_P"  # a compiled regular expression
TYPE_TUPLE = "_Y"  # a tuple of builtin types
FUNCTION_TUPLE = "_T"  # a tuple of generated functions (written after the functions)

#: Longest literal written inline; longer values become constants.
SHORT_LITERAL = 40
#: Longest schema path written as one literal; longer ones are built from prefix constants.
PATH_PIECE = 60
# the keywords' string literals, for location constants
_KEYWORD_LITERALS = {
    keyword: str_literal(keyword)
    for keyword in frozenset({"false"}).union(*(d.keywords for d in DIALECTS.values()))
}


def _final(name: str) -> str:
    """A module constant's assignment target: ``Final``, so mypyc keeps it in a C static
    instead of looking it up in the module's dict at every use (no cost to pure Python)."""
    return f"{name}: Final"


class ConstantPools:
    """The module constants of one generated module, and the names handed out for them."""

    def __init__(
        self,
        namer: Namer,
        shown_document: Callable[[str], str],
        pattern_timeout: float | None,
    ) -> None:
        self.namer = namer
        #: how a document URI appears in locations (:meth:`Resolver.shown_document`)
        self.shown_document = shown_document
        #: seconds a pattern match may take (``None``: unbounded, and no regex import)
        self.pattern_timeout = pattern_timeout
        self.lines: list[str] = []  # constants written before the functions
        self.late_lines: list[str] = []  # constants naming functions, written after them
        self.needs_re = False
        self.needs_regex = False
        # per prefix: key -> constant name
        self._memo: dict[str, dict[str, str]] = {
            prefix: {}
            for prefix in (
                MESSAGE,
                LOCATION,
                JSON_VALUE,
                STRING_SET,
                FRACTION,
                PATH_PREFIX,
                PATTERN,
                TYPE_TUPLE,
                FUNCTION_TUPLE,
            )
        }
        self._str_literals: dict[str, str] = {}

    def _memo_const(self, prefix: str, key: str, make: Callable[[str], list[str]]) -> str:
        memo = self._memo[prefix]
        found = memo.get(key)
        if found is not None:
            return found
        name = self.namer(prefix)
        self.lines.extend(make(_final(name)))
        memo[key] = name
        return name

    def const_str(self, text: str) -> str:
        """A constant holding the string ``text``."""
        memo = self._memo[MESSAGE]
        found = memo.get(text)
        if found is not None:
            return found
        name = memo[text] = self.namer(MESSAGE)
        self.lines.extend(assign_string(_final(name), text))
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
        return self.json_const(value)

    def json_const(self, value: Any) -> str:
        """A constant holding the JSON value ``value`` (parsed once, at import)."""
        text = json_dumps(value)
        return self._memo_const(JSON_VALUE, text, lambda name: assign_call(name, "_json", text))

    def frozenset_const(self, values: list[Any]) -> str:
        """A constant frozenset of the JSON values ``values``."""
        text = json_dumps(values)
        return self._memo_const(STRING_SET, text, lambda name: assign_call(name, "_frozen", text))

    def fraction_const(self, value: float) -> str:
        """A constant ``Fraction`` equal to the float ``value``."""
        text = repr(value)
        return self._memo_const(FRACTION, text, lambda name: assign_call(name, "Fraction", text))

    def location_at(self, doc: str, ptr: str, keyword: str) -> str:
        """A constant ``(keyword, schema_path)`` for errors of ``keyword`` at ``doc#ptr``."""
        if doc:
            doc = self.shown_document(doc)
        path = f"{doc}#{ptr}" if doc else ptr  # scope.schema_path(keyword)
        key = keyword + "\x00" + path
        memo = self._memo[LOCATION]
        found = memo.get(key)
        if found is not None:
            return found
        name = memo[key] = self.namer(LOCATION)
        kw = _KEYWORD_LITERALS.get(keyword) or str_literal(keyword)
        lit = str_literal(path)
        target = _final(name)
        if len(path) <= PATH_PIECE and len(target) + len(kw) + len(lit) + 11 <= WIDTH:
            self.lines.append(f"{target} = _loc({kw}, {lit})")
        else:
            self.lines.append(f"{target} = _loc({kw}, {self.path_const(path)})")
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
        memo = self._memo[PATH_PREFIX]
        while first > 0 and path[: cuts[first - 1]] not in memo:
            first -= 1
        previous = memo.get(path[: cuts[first - 1]]) if first else None
        begin = cuts[first - 1] if first else 0
        for end in cuts[first:]:
            prefix = path[:end]
            found = memo.get(prefix)
            if found is None:
                piece = self.const_str(path[begin:end])
                found = self.namer(PATH_PREFIX)
                value = piece if previous is None else f"{previous} + {piece}"
                self.lines.append(f"{_final(found)} = {value}")
                memo[prefix] = found
            previous, begin = found, end
        assert previous is not None
        return previous

    def pattern(self, scope: Scope, segments: tuple[str, ...], pattern: Any) -> str:
        """A constant compiled ``pattern`` (ECMA-262, translated), found at ``segments``.

        With a pattern timeout, every pattern runs on the ``regex`` module (``re`` has none).
        """
        if not isinstance(pattern, str):
            raise SchemaError(
                f"{segments[0]} must be a string, not {type(pattern).__name__}",
                pointer=scope.schema_path(*segments),
            )
        try:
            translated = translate(pattern)
        except PatternError as exc:
            raise SchemaError(str(exc), pointer=scope.schema_path(*segments)) from None
        bounded = translated.needs_regex_module or self.pattern_timeout is not None
        func = "_regex_compile" if bounded else "_re_compile"
        if bounded:
            self.needs_regex = True
        else:
            self.needs_re = True
        return self._memo_const(
            PATTERN, func + translated.pattern, lambda n: assign_call(n, func, translated.pattern)
        )

    def type_tuple(self, names: list[str]) -> str:
        """A constant tuple of Python types (names are fixed builtins, never data)."""
        text = ", ".join(names)
        return self._memo_const(TYPE_TUPLE, text, lambda name: [f"{name} = ({text})"])

    def func_tuple(self, names: list[str]) -> str:
        """A constant tuple of generated functions (written after the functions)."""
        memo = self._memo[FUNCTION_TUPLE]
        key = ",".join(names)
        found = memo.get(key)
        if found is not None:
            return found
        name = memo[key] = self.namer(FUNCTION_TUPLE)
        target = _final(name)
        one = f"{target} = ({', '.join(names)},)" if len(names) == 1 else ""
        line = one or f"{target} = ({', '.join(names)})"
        if len(line) <= WIDTH:
            self.late_lines.append(line)
        else:
            self.late_lines.extend([f"{target} = (", *(f"    {n}," for n in names), ")"])
        return name
