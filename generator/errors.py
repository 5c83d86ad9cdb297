"""The generator's own exception types: every failure a user can cause ends in one of these.

The CLI turns a :class:`GeneratorError` into one readable line on stderr (:func:`one_line`)
and exit code 2; nothing a schema author does should ever surface as a traceback.
"""

from __future__ import annotations

import re

#: Characters that would end or garble a line of text output (C0 and C1 controls, DEL, the
#: Unicode line and paragraph separators), and lone surrogates, which cannot be encoded.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(text: str) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b``, ``\\u2028``): a
    key or value holding a newline cannot forge a second line of output."""
    return _UNSAFE.sub(lambda match: repr(match.group())[1:-1], text)


class GeneratorError(Exception):
    """Base class: anything the generator refuses, with a message meant for the user."""


class SchemaError(GeneratorError):
    """A schema file is unreadable, not JSON/YAML, not a schema, or has an unresolvable ``$ref``.

    ``location`` is ``file:line:col`` for syntax errors, or ``file#/json/pointer`` for
    problems inside a well-formed document.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        pointer: str | None = None,
    ) -> None:
        self.file = file
        self.line = line
        self.column = column
        self.pointer = pointer
        self.detail = message
        super().__init__(self._format())

    def _format(self) -> str:
        where = self.file or "<schema>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.pointer is not None:
            where += f"#{self.pointer}"
        return one_line(f"{where}: {self.detail}")  # (a key may hold a newline)


class UnsupportedSchemaError(GeneratorError):
    """A construct schemagen does not support (an unknown ``$schema`` dialect), named by keyword
    and JSON Pointer."""

    def __init__(self, keyword: str, pointer: str, why: str, *, file: str | None = None) -> None:
        self.keyword = keyword
        self.pointer = pointer
        self.file = file
        where = f"{file or '<schema>'}#{pointer}"
        super().__init__(one_line(f"{where}: unsupported {keyword!r}: {why}"))
