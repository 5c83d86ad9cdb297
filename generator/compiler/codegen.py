"""The emitter: an indentation-aware line builder and the only ways schema data enters code.

Schema values become code exclusively through :func:`generator.pylayout.str_literal` and
:func:`json_text_literal` (``json.dumps`` text wrapped in a string literal); identifiers come
only from :class:`Namer`. Output is laid out so that ``ruff format`` leaves it unchanged
(double quotes, long string constants split into parenthesised implicit concatenations).
"""

from __future__ import annotations

import json
import math
from typing import Any

from generator.pylayout import WIDTH, str_literal

INDENT = "    "


def str_chunks(text: str, width: int) -> list[str]:
    """Split ``text`` into string literals no longer than ``width`` (escapes kept whole)."""
    budget = width - 4  # quotes, plus one in case a chunk needs an escaped quote
    pieces: list[str] = []
    start = 0
    used = 0
    for index, char in enumerate(text):
        size = len(repr(char)) - 2 + (1 if char in "'\"" else 0)
        if used and used + size > budget:
            pieces.append(text[start:index])
            start, used = index, 0
        used += size
    pieces.append(text[start:])
    return [str_literal(piece) for piece in pieces]


def number_literal(value: int | float) -> str:
    """A literal for a JSON number (non-finite floats become ``float(...)`` calls)."""
    if isinstance(value, bool):
        raise TypeError("booleans are not numbers")
    if isinstance(value, float) and not math.isfinite(value):
        return f'float("{value!r}")'
    # as ruff format spells it: no "+" in an exponent (repr writes 1e+308)
    return repr(value).replace("e+", "e")


_ENCODER = json.JSONEncoder(ensure_ascii=True, sort_keys=False, separators=(", ", ": "))


def json_dumps(value: Any) -> str:
    """Canonical JSON text (ASCII-only, so lone surrogates and NULs survive as escapes)."""
    return _ENCODER.encode(value)  # (``json.dumps`` would build an encoder per call)


def simple_literal(value: Any) -> str | None:
    """A short literal for scalars (str/int/float/bool/None), or None if not a scalar."""
    if value is None:
        return "None"
    if value is True:
        return "True"
    if value is False:
        return "False"
    if isinstance(value, int | float):
        return number_literal(value)
    if isinstance(value, str):
        return str_literal(value)
    return None


class Namer:
    """Hands out fresh identifiers: ``prefix`` followed by a counter; never derived from data."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def __call__(self, prefix: str) -> str:
        count = self._counts.get(prefix, 0) + 1
        self._counts[prefix] = count
        return f"{prefix}{count}"


class Code:
    """Lines of Python source, each written at the current indentation."""

    __slots__ = ("lines", "level", "indent")

    def __init__(self, level: int = 0) -> None:
        self.lines: list[str] = []
        self.level = level
        self.indent = INDENT * level  # kept in step with ``level``: every line needs it

    def line(self, text: str) -> None:
        self.lines.append(self.indent + text)

    def extend(self, other: Code) -> None:
        self.lines.extend(other.lines)

    def block(self, header: str) -> Block:
        """Emit ``header`` (ending with ``:``) and indent what is emitted inside."""
        self.lines.append(self.indent + header)
        return Block(self)


class Block:
    """The indented body of :meth:`Code.block` (a plain class: cheaper than a generator)."""

    __slots__ = ("code", "mark")

    def __init__(self, code: Code) -> None:
        self.code = code

    def __enter__(self) -> None:
        code = self.code
        code.level += 1
        code.indent += INDENT
        self.mark = len(code.lines)

    def __exit__(self, *exc: object) -> None:
        code = self.code
        if len(code.lines) == self.mark:
            code.line("pass")
        code.level -= 1
        code.indent = code.indent[: -len(INDENT)]


def uses(name: str, code: Code) -> bool:
    """Whether the identifier ``name`` occurs in ``code`` (identifiers are counter-made)."""
    for line in code.lines:
        start = line.find(name)
        while start >= 0:
            end = start + len(name)
            before = line[start - 1] if start else " "
            after = line[end] if end < len(line) else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                return True
            start = line.find(name, end)
    return False


#: Delimits text written only in the form of a function compiled by mypyc (see
#: :func:`two_forms`); like :data:`generator.pylayout.LONG`, never part of generated source
#: otherwise (schema text reaches code only through ``repr``, which escapes control characters).
NATIVE_ONLY = "\x03"


def native_only(text: str) -> str:
    """``text`` marked as written in the compiled form of its function only."""
    return f"{NATIVE_ONLY}{text}{NATIVE_ONLY}"


def two_forms(lines: list[str]) -> list[str]:
    """The lines of a function, or of two, if it has :func:`native_only` text.

    A function with such text is written twice, under ``if _NATIVE:`` with the marked text
    (what ``schemagen native`` compiles: ``--always-true=_NATIVE`` makes mypyc see only that
    form) and under ``else:`` without it (what the interpreter runs), each one step deeper::

        if _NATIVE:

            def _v1(x: Any) -> bool:
                n1 = len(x) - 1
                if n1 and "a" in x:
                    ...

        else:

            def _v1(x: Any) -> bool:
                if "a" in x:
                    ...

    A line left blank without its marked text is dropped from the interpreted form (function
    bodies have no blank lines of their own).
    """
    if NATIVE_ONLY not in "".join(lines):  # (most functions: one scan in C)
        return lines
    native = [INDENT + line.replace(NATIVE_ONLY, "") for line in lines]
    interpreted = []
    for line in lines:
        if NATIVE_ONLY in line:
            line = "".join(line.split(NATIVE_ONLY)[0::2])
            if not line.strip():
                continue
        interpreted.append(INDENT + line)
    return ["if _NATIVE:", "", *native, "else:", "", *interpreted]


def assign_string(name: str, text: str) -> list[str]:
    """Module-level ``name = "text"``, split over lines the way ``ruff format`` keeps it."""
    literal = str_literal(text)
    if len(name) + 3 + len(literal) <= WIDTH:
        return [f"{name} = {literal}"]
    if len(INDENT) + len(literal) <= WIDTH:
        return [f"{name} = (", INDENT + literal, ")"]
    chunks = str_chunks(text, WIDTH - len(INDENT) - 8)
    return [f"{name} = (", *(INDENT + chunk for chunk in chunks), ")"]


def assign_call(name: str, func: str, text: str) -> list[str]:
    """Module-level ``name = func("text")`` laid out like ``ruff format`` does."""
    literal = str_literal(text)
    if len(name) + len(func) + 5 + len(literal) <= WIDTH:
        return [f"{name} = {func}({literal})"]
    if len(INDENT) + len(literal) <= WIDTH:
        return [f"{name} = {func}(", INDENT + literal, ")"]
    chunks = str_chunks(text, WIDTH - len(INDENT) - 8)
    return [f"{name} = {func}(", *(INDENT + chunk for chunk in chunks), ")"]
