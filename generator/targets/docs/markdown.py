"""Markdown and TypeScript text shared by the docs pages: escaping, tables, literals.

Schema text reaches Markdown only through these functions (table cells, code spans,
headings) or inside a code fence longer than any backtick run it holds.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from itertools import chain
from json.encoder import encode_basestring
from typing import Any

MIN_WIDTH = len("Description")
_UNSAFE_LINK = re.compile(r"\]\(\s*(?=(?:javascript|vbscript|data):)", re.IGNORECASE)
_NEWLINES = re.compile(r"\s*(?:\r\n|\r|\n|\u2028|\u2029)\s*")
_BACKTICKS = re.compile(r"`+")


# -- Markdown escaping ---------------------------------------------------------------------


def cell(text: str) -> str:
    """Schema text made safe for one table cell: one line, no raw pipe, no raw HTML."""
    text = text.strip()
    if text.isprintable():  # the common case: no line break, no NUL
        escaped = _escape_cell_line(text)
    else:
        lines = _NEWLINES.split(text.replace("\x00", "\ufffd"))
        escaped = "<br/>".join(_escape_cell_line(line) for line in lines)
    return _UNSAFE_LINK.sub("]\\(", escaped) if "](" in escaped else escaped


def _escape_cell_line(line: str) -> str:
    return line.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def code_span(text: str) -> str:
    """``text`` as an inline code span that survives backticks and pipes in it."""
    longest = longest_backtick_run(text)
    fence = "`" * (longest + 1)
    inner = text if text.isprintable() else _NEWLINES.sub(" ", text)
    inner = inner.replace("|", "\\|")
    if not inner or inner.startswith("`") or inner.endswith("`") or longest:
        inner = f" {inner} "
    return f"{fence}{inner}{fence}"


def heading(text: str) -> str:
    return cell(text).replace("#", "\\#") or "\\_"


def fence_for(*blocks: str) -> str:
    longest = max((longest_backtick_run(block) for block in blocks), default=0)
    return "`" * max(3, longest + 1)


def longest_backtick_run(text: str) -> int:
    if "`" not in text:
        return 0
    return max(len(run) for run in _BACKTICKS.findall(text))


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """The spec's table: every cell padded to the longest cell of the whole table."""
    width = max(MIN_WIDTH, *map(len, header), *map(len, chain.from_iterable(rows)))
    padded = f"{{:<{width}}}"  # a cell, padded with spaces to the width
    row = "| " + " | ".join([padded] * len(header)) + " |"
    rule = ["-" * width] * len(header)
    return [row.format(*header), row.format(*rule), *(row.format(*r) for r in rows)]


# -- TypeScript literals -------------------------------------------------------------------


@dataclass(frozen=True)
class Raw:
    """TypeScript source that is not a JSON value (``new Date(...)``)."""

    code: str


_TS_KEY = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


def ts_literal(value: Any, indent: str = "") -> str:
    """A JSON value in TypeScript object syntax: unquoted keys, trailing commas, 2 spaces."""
    inner = indent + "  "
    if isinstance(value, Raw):
        return value.code
    if isinstance(value, dict):
        if not value:
            return "{}"
        body = "".join(
            [f"{inner}{_ts_key(str(k))}: {ts_literal(v, inner)},\n" for k, v in value.items()]
        )
        return "{\n" + body + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        body = "".join([f"{inner}{ts_literal(v, inner)},\n" for v in value])
        return "[\n" + body + indent + "]"
    return json_scalar(value)


def _ts_key(key: str) -> str:
    return key if _TS_KEY.match(key) else json_scalar(key)


def json_scalar(value: Any) -> str:
    if isinstance(value, str):
        text = encode_basestring(value)  # what json.dumps(value, ensure_ascii=False) returns
    elif isinstance(value, float) and not math.isfinite(value):
        return "null"
    else:
        text = json.dumps(value, ensure_ascii=False)
    # Characters that end a line in JavaScript source must stay escaped.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def neutralise_links(text: str) -> str:
    """``[x](javascript:…)`` and the like made inert; everything else unchanged."""
    return _UNSAFE_LINK.sub("]\\(", text) if "](" in text else text
