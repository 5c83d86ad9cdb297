"""Python literals for schema text and JSON values, and escaped, wrapped docstrings.

Schema text reaches the generated module only through here: string literals
(:func:`generator.pylayout.str_literal`), docstrings (:func:`doc_lines`), and literals for JSON
values (:class:`Literals`, which also moves long strings and huge integers into module
constants).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from generator.compiler.codegen import number_literal
from generator.errors import GeneratorError
from generator.pylayout import str_literal
from generator.targets.models.layout import STEP, WIDTH

#: String literals longer than this become module constants, so nested code stays short.
_MAX_INLINE_STRING = 48
_UNBOUNDED = sys.maxsize
#: A tuple, not ``tuple | list | dict``: isinstance is several times faster with one.
_CONTAINERS = (tuple, list, dict)


def _escape_codepoint(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _doc_escape(text: str) -> str:
    if text.isprintable() and "\\" not in text and '"' not in text:
        return text
    parts: list[str] = []
    for char in text:
        if char == "\\":
            parts.append("\\\\")
        elif char == '"':
            parts.append('\\"')
        elif char == "\t":
            parts.append("\\t")
        elif char.isprintable():
            parts.append(char)
        elif 0xD800 <= ord(char) <= 0xDFFF:
            # a lone surrogate: shown as its escape, since a class's ``__doc__`` must encode
            # as UTF-8 (``type()`` raises UnicodeEncodeError otherwise)
            parts.append("\\" + _escape_codepoint(char))
        else:
            parts.append(_escape_codepoint(char))
    return "".join(parts)


def _wrap_escaped(line: str, width: int) -> list[str]:
    """Wrap one docstring line at spaces, measuring escaped text; split over-long words."""
    # Escaping maps a space to itself and never makes one: the escaped line's words are the
    # escaped words.
    escaped = _doc_escape(line)
    words = escaped.split(" ")
    if len(escaped) <= width and all(words):
        return [escaped]  # the usual case: one line, single spaces
    out: list[str] = []
    current = ""
    for piece in words:
        if not piece:
            continue
        candidate = f"{current} {piece}" if current else piece
        if len(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        current = ""
        while len(piece) > width:
            cut = width
            while "\\" in piece[max(0, cut - 10) : cut] and cut > 1:
                # never cut inside an escape sequence: back up to before its backslash
                backslash = piece.rfind("\\", 0, cut)
                if backslash <= 0 or cut - backslash > 10:
                    break
                cut = backslash
                if piece[:cut].endswith("\\") and not piece[:cut].endswith("\\\\"):
                    cut -= 1
            out.append(piece[:cut])
            piece = piece[cut:]
        current = piece
    if current:
        out.append(current)
    return out


def doc_lines(text: str, indent: str) -> list[str]:
    """A docstring for ``text``: escaped, wrapped to the line width, ruff-stable."""
    width = WIDTH - len(indent)
    if "\n" in text or "\r" in text:
        body: list[str] = []
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            wrapped = _wrap_escaped(line.strip(), width - 6)
            body.extend(wrapped or [""])
        while body and not body[-1]:
            body.pop()
        while body and not body[0]:
            body.pop(0)
    else:  # one paragraph: wrapping yields no blank lines
        body = _wrap_escaped(text.strip(), width - 6)
    if not body:
        return []
    if len(body) == 1 and len(indent) + len(body[0]) + 6 <= WIDTH:
        return [f'{indent}"""{body[0]}"""']
    lines = [f'{indent}"""{body[0]}']
    lines.extend(f"{indent}{line}" if line else "" for line in body[1:])
    lines.append(f'{indent}"""')
    return lines


def json_type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


class Literals:
    """Python literals for JSON values; long strings become module constants (``_S1``)."""

    def __init__(self) -> None:
        self.constants: dict[str, str] = {}
        self.integers: dict[int, str] = {}
        #: The literal (or constant name) of every text asked for: wire names, enum values
        #: and the checker's type names recur all over the module.
        self.strings: dict[str, str] = {}

    def string(self, text: str) -> str:
        literal = self.strings.get(text)
        if literal is None:
            literal = str_literal(text)
            if len(literal) > _MAX_INLINE_STRING:
                literal = self.constants.setdefault(text, f"_S{len(self.constants) + 1}")
            self.strings[text] = literal
        return literal

    def flat(self, value: Any) -> str:
        """``value`` as a literal on one line."""
        text = self._flat(value, _UNBOUNDED)
        assert text is not None
        return text

    def _flat(self, value: Any, room: int) -> str | None:
        """``flat(value)`` if it takes at most ``room`` characters, else ``None``.

        A container stops at the first element past ``room``: a table too long for one line
        is never written out as one only to be measured. The elements it did look at are
        the first ones in order, so constants are still numbered in the order of the literal.
        """
        if isinstance(value, str):
            text = self.string(value)
        elif isinstance(value, _CONTAINERS):
            return self._flat_container(value, room)
        elif value is None or isinstance(value, bool):
            text = repr(value)
        elif isinstance(value, int):
            text = repr(value) if is_short_int(value) else self.integer(value)
        elif isinstance(value, float):
            text = number_literal(value)
        else:
            raise GeneratorError(f"cannot write {type(value).__name__} as a literal")
        return text if len(text) <= room else None

    def _flat_container(
        self, value: tuple[Any, ...] | list[Any] | dict[Any, Any], room: int
    ) -> str | None:
        parts: list[str] = []
        used = 2  # the brackets, then each element and the ", " after it
        # strings, the most common elements, are looked up here rather than through _flat
        if isinstance(value, dict):
            for key, item in value.items():
                prefix = f"{self.string(str(key))}: "
                left = room - used - len(prefix)
                text = self.string(item) if isinstance(item, str) else self._flat(item, left)
                if text is None or len(text) > left:
                    return None
                parts.append(prefix + text)
                used += len(prefix) + len(text) + 2
            text = "{" + ", ".join(parts) + "}"
        else:
            for item in value:
                left = room - used
                text = self.string(item) if isinstance(item, str) else self._flat(item, left)
                if text is None or len(text) > left:
                    return None
                parts.append(text)
                used += len(text) + 2
            if isinstance(value, list):
                text = "[" + ", ".join(parts) + "]"
            elif len(parts) == 1:
                text = f"({parts[0]},)"
            else:
                text = "(" + ", ".join(parts) + ")"
        return text if len(text) <= room else None

    def integer(self, value: int) -> str:
        """A module constant for a long integer, written in hex: decimal ``repr`` of ints with
        more than 4300 digits raises ValueError (CPython's int/str conversion limit)."""
        if value not in self.integers:
            self.integers[value] = f"_N{len(self.integers) + 1}"
        return self.integers[value]

    def lines(self, value: Any, indent: str, head: str = "", tail: str = "") -> list[str]:
        """``head + literal + tail`` at ``indent``, exploded one element a line if too long."""
        room = WIDTH - len(indent) - len(head) - len(tail) if _is_container(value) else _UNBOUNDED
        flat = self._flat(value, room)
        if flat is not None:
            return [f"{indent}{head}{flat}{tail}"]
        opening, closing = _brackets(value)
        inner = indent + STEP
        out = [f"{indent}{head}{opening}"]
        if isinstance(value, dict):
            for key, item in value.items():
                out.extend(self.lines(item, inner, f"{self.string(str(key))}: ", ","))
        else:
            for item in value:
                if isinstance(item, str):  # a one-line element, the common case
                    out.append(f"{inner}{self.string(item)},")
                else:
                    out.extend(self.lines(item, inner, "", ","))
        out.append(f"{indent}{closing}{tail}")
        return out

    def constant_lines(self) -> list[str]:
        out: list[str] = []
        for text, name in self.constants.items():
            literal = str_literal(text)
            if len(name) + 3 + len(literal) <= WIDTH:
                out.append(f"{name} = {literal}")
                continue
            out.append(f"{name} = (")
            out.extend(STEP + chunk for chunk in _string_chunks(text, WIDTH - len(STEP)))
            out.append(")")
        for number, name in self.integers.items():
            digits = f"{abs(number):x}"
            sign = "-" if number < 0 else ""
            step = WIDTH - len(STEP) - 2
            out.append(f"{name} = {sign}int(")
            chunks = [f'{STEP}"{digits[i : i + step]}"' for i in range(0, len(digits), step)]
            out.extend([*chunks[:-1], chunks[-1] + ",", f"{STEP}16,", ")"])
        return out


def is_short_int(value: Any) -> bool:
    """An int (not a bool) short enough to write inline, also inside ``Literal[...]``."""
    return isinstance(value, int) and not isinstance(value, bool) and value.bit_length() <= 64


def _is_container(value: Any) -> bool:
    return isinstance(value, _CONTAINERS) and len(value) > 0


def _brackets(value: Any) -> tuple[str, str]:
    if isinstance(value, tuple):
        return "(", ")"
    if isinstance(value, list):
        return "[", "]"
    return "{", "}"


def _string_chunks(text: str, width: int) -> list[str]:
    """Split ``text`` into literals of at most ``width`` characters each (greedy)."""
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text) and len(str_literal(text[start : end + 1])) <= width:
            end += 1
        chunks.append(str_literal(text[start:end]))
        start = end
    return chunks


def tupled(value: Any) -> Any:
    """JSON arrays as tuples (hashable, immutable) for the checker's tables."""
    if isinstance(value, list):
        return tuple(tupled(v) for v in value)
    if isinstance(value, dict):
        return {k: tupled(v) for k, v in value.items()}
    return value


def json_text(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except ValueError:  # an integer beyond CPython's int/str conversion limit
        return "(a number too long to show)"
