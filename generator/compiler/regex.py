"""Translate ECMA-262 (``u`` flag) regular expressions into Python ``re``/``regex`` syntax.

JSON Schema patterns are ECMA-262 regular expressions, matched unanchored. The differences from
Python that matter in practice, and how they are bridged here:

* ``\\d``/``\\w``/``\\b`` are ASCII-only in ECMA: expanded to explicit classes / ``(?a:\\b)``,
* ``\\s`` is Unicode whitespace in ECMA, so it is expanded to an explicit class,
* ``$`` only matches at the very end (Python's ``$`` also matches before a final newline),
* ``.`` excludes all four ECMA line terminators,
* ``\\p{...}`` property escapes need the third-party ``regex`` module,
* ``(?<name>...)``/``\\k<name>``, ``\\cX``, ``\\u{...}``, ``\\uD83D\\uDE00`` pairs, ``[^]``, ``[]``.

An untranslatable or invalid pattern raises :class:`PatternError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PatternError", "Translated", "translate"]

_WS = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_DOT = "[^\\n\\r\\u2028\\u2029]"
_SIMPLE_ESCAPES = {"n": "\\n", "r": "\\r", "t": "\\t", "f": "\\x0c", "v": "\\x0b"}
_CLASSES = {"d": "0-9", "w": "A-Za-z0-9_", "s": _WS}
_CLASSES.update({key.upper(): value for key, value in _CLASSES.items()})
_SYNTAX = set("^$\\.*+?()[]{}|/-")
_QUANTIFIER = re.compile(r"\{[0-9]+(?:,[0-9]*)?\}")


class PatternError(ValueError):
    """The pattern is not a valid ECMA-262 regular expression (or cannot be translated)."""


@dataclass(frozen=True)
class Translated:
    """A translated pattern: Python source of the pattern and which module must compile it."""

    pattern: str
    needs_regex_module: bool


def _hex_escape(code: int) -> str:
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


class _Translator:
    def __init__(self, source: str) -> None:
        self.src = source
        self.i = 0
        self.out: list[str] = []
        self.needs_regex = False
        self.group_names: set[str] = set()

    def error(self, why: str) -> PatternError:
        return PatternError(f"invalid regular expression {self.src!r}: {why} at offset {self.i}")

    def peek(self, offset: int = 0) -> str:
        j = self.i + offset
        return self.src[j] if j < len(self.src) else ""

    def run(self) -> str:
        while self.i < len(self.src):
            ch = self.src[self.i]
            if ch == "\\":
                self.out.append(self.escape(in_class=False))
            elif ch == "[":
                self.out.append(self.char_class())
            elif ch == ".":
                self.i += 1
                self.out.append(_DOT)
            elif ch == "$":
                self.i += 1
                self.out.append("\\Z")
            elif ch == "(":
                self.out.append(self.group_open())
            elif ch == "{":
                match = _QUANTIFIER.match(self.src, self.i)
                if match is None:  # ECMA (Annex B): a brace that is no quantifier is literal
                    self.i += 1
                    self.out.append("\\{")
                else:
                    self.i = match.end()
                    self.out.append(match.group())
            else:
                self.i += 1
                self.out.append(ch)
        return "".join(self.out)

    def group_open(self) -> str:
        rest = self.src[self.i :]
        if rest.startswith("(?<") and not rest.startswith(("(?<=", "(?<!")):
            end = rest.find(">")
            if end < 0:
                raise self.error("unterminated group name")
            name = rest[3:end]
            if not name.isidentifier():
                raise self.error("bad group name")
            self.group_names.add(name)
            self.i += end + 1
            return f"(?P<{name}>"
        if rest.startswith("(?") and not rest.startswith(("(?:", "(?=", "(?!", "(?<=", "(?<!")):
            raise self.error("unsupported group syntax")
        self.i += 1
        return "("

    def read_hex(self, count: int) -> int | None:
        digits = self.src[self.i : self.i + count]
        if len(digits) == count and all(c in "0123456789abcdefABCDEF" for c in digits):
            self.i += count
            return int(digits, 16)
        return None

    def unicode_escape(self) -> int:
        # self.i is just after "\u"
        if self.peek() == "{":
            end = self.src.find("}", self.i)
            if end < 0:
                raise self.error("unterminated \\u{...}")
            body = self.src[self.i + 1 : end]
            try:
                code = int(body, 16)
            except ValueError:
                raise self.error("bad \\u{...} escape") from None
            if code > 0x10FFFF:
                raise self.error("code point out of range")
            self.i = end + 1
            return code
        four = self.read_hex(4)
        if four is None:
            raise self.error("bad \\u escape")
        code = four
        if 0xD800 <= code <= 0xDBFF and self.src.startswith("\\u", self.i):
            save = self.i
            self.i += 2
            low = self.read_hex(4)
            if low is not None and 0xDC00 <= low <= 0xDFFF:
                return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            self.i = save
        return code

    def escape(self, *, in_class: bool) -> str:
        self.i += 1
        ch = self.peek()
        if not ch:
            raise self.error("trailing backslash")
        self.i += 1
        if ch in _CLASSES:
            inner = _CLASSES[ch.lower()]
            if ch.islower():
                return inner if in_class else f"[{inner}]"
            if in_class:
                raise _NegatedInClass(inner)
            return f"[^{inner}]"
        if ch in "bB":
            if in_class:
                if ch == "B":
                    raise self.error("\\B in a character class")
                return "\\x08"
            return "(?a:\\" + ch + ")"
        if ch in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[ch]
        if ch == "0" and not self.peek().isdigit():
            return "\\x00"
        if ch.isdigit():
            if in_class:
                raise self.error("backreference in a character class")
            j = self.i
            while self.peek().isdigit():
                self.i += 1
            return "\\" + self.src[j - 1 : self.i] + "(?:)"
        if ch == "c":
            letter = self.peek()
            if letter.isascii() and letter.isalpha():
                self.i += 1
                return _hex_escape(ord(letter) % 32)
            raise self.error("bad \\c escape")
        if ch == "x":
            code = self.read_hex(2)
            if code is None:
                raise self.error("bad \\x escape")
            return _hex_escape(code)
        if ch == "u":
            return _hex_escape(self.unicode_escape())
        if ch in "pP":
            if self.peek() != "{":
                raise self.error("bad property escape")
            end = self.src.find("}", self.i)
            if end < 0:
                raise self.error("unterminated property escape")
            body = self.src[self.i + 1 : end]
            if not re.fullmatch(r"[A-Za-z_]+(=[A-Za-z_0-9]+)?", body):
                raise self.error("bad property name")
            self.i = end + 1
            self.needs_regex = True
            return "\\" + ch + "{" + body + "}"
        if ch == "k":
            if self.peek() != "<":
                raise self.error("bad \\k escape")
            end = self.src.find(">", self.i)
            if end < 0:
                raise self.error("unterminated \\k<name>")
            name = self.src[self.i + 1 : end]
            self.i = end + 1
            if not name.isidentifier():
                raise self.error("bad group name")
            return f"(?P={name})"
        if ch in _SYNTAX:
            return re.escape(ch)
        raise self.error(f"invalid escape \\{ch}")

    def char_class(self) -> str:
        start = self.i
        self.i += 1
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        if self.peek() == "]":
            self.i += 1
            return "(?s:.)" if negated else "(?!)"
        parts: list[str] = []
        negated_sets: list[str] = []
        while True:
            ch = self.peek()
            if not ch:
                self.i = start
                raise self.error("unterminated character class")
            if ch == "]":
                self.i += 1
                break
            if ch == "\\":
                try:
                    parts.append(self.escape(in_class=True))
                except _NegatedInClass as negated_set:
                    negated_sets.append(negated_set.inner)
                continue
            self.i += 1
            if ch in "[&~|":
                parts.append("\\" + ch)
            else:
                parts.append(ch)
        body = "".join(parts)
        if not negated_sets:
            return ("[^" if negated else "[") + body + "]"
        # \D, \W, \S inside a class: [a\S] is "a or a non-space", [^a\S] is "a space, not a".
        if negated:
            guards = ([f"(?![{body}])"] if body else []) + [f"(?=[{n}])" for n in negated_sets]
            return "(?:" + "".join(guards) + "(?s:.))"
        options = ([f"[{body}]"] if body else []) + [f"[^{n}]" for n in negated_sets]
        return "(?:" + "|".join(options) + ")"


class _NegatedInClass(Exception):
    def __init__(self, inner: str) -> None:
        super().__init__(inner)
        self.inner = inner


def translate(pattern: str) -> Translated:
    """Translate an ECMA-262 pattern; raise :class:`PatternError` if it is invalid."""
    translator = _Translator(pattern)
    out = translator.run()
    needs = translator.needs_regex
    try:
        if needs:
            _compile_with_regex(out)
        else:
            re.compile(out)
    except (re.error, OverflowError, RecursionError) as exc:
        raise PatternError(f"invalid regular expression {pattern!r}: {exc}") from None
    return Translated(out, needs)


def _compile_with_regex(pattern: str) -> None:
    """Compile ``pattern`` with the ``regex`` module, its errors raised as ``re.error``.
    (Imported here: it takes longer to import than most schemas take to compile.)"""
    import regex

    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise re.error(str(exc)) from None
