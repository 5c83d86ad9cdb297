"""Emission memo: a small schema compiles to the same lines wherever it appears.

Two subschemas with the same keywords and values (annotations aside), compiled in the same kind
of function at the same nesting, produce the same code up to the names of their variables and
of the location constants of their errors. The first emission of such a schema is *recorded*:
those names are written as placeholders, and how each was obtained (a fresh variable, a
location) is noted. Later emissions *replay* the recording: they obtain the names in the same
order the emitters would have, and fill them in. Everything else an emitter writes is a
function of the key (content constants such as ``_M3`` are memoised by content, so a replay
needs them no more than a second emission would).

Only schemas without references or identifiers qualify; one whose emission calls
:meth:`~generator.compiler.core.Compiler.function` (a predicate, a deep subschema) is marked as
not memoisable, since the functions it names depend on where it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.compiler.scope import Scope

# Keywords no emitter reads: left out of the key, so schemas differing in them share code.
# (Only the schema's own: inside its subschemas, they count, since an emitter may compare
# whole subschemas, e.g. ``{"type": "null"}``.)
ANNOTATIONS = frozenset(
    {"title", "description", "examples", "default", "$comment", "readOnly", "writeOnly"}
    | {"deprecated"}
)
MAX_MEMBERS = 64  # larger arrays and objects are not worth a key
MAX_KEY = 600  # characters of ``repr``

# Keys that (may) change the base URI, dialect or dynamic scope, or need annotation tracking;
# and words that could be mistaken for variable names (``x12``: the variables of generated
# code are lower-case prefixes and a counter): emitters ask whether a variable occurs in
# code, and that must have the same answer for the placeholder and every name filled in.
_NAME_LIKE = r"\b[a-z]+[0-9]+\b"
_UNSUITABLE = re.compile(
    r"'(?:\$schema|\$anchor|\$dynamicAnchor|\$recursiveAnchor|unevaluatedProperties"
    r"|unevaluatedItems)'|" + _NAME_LIKE
)
_NAME_LIKE_SEARCH = re.compile(_NAME_LIKE).search
_PLACEHOLDER = re.compile("\x01([0-9]+)\x02")


def key_text(schema: dict[str, Any]) -> str | None:
    """The content part of a memo key for ``schema``, or None if it should not be memoised.

    ``schema`` has already been found small and free of references and identifiers.
    """
    items = []
    for key, value in schema.items():
        if key in ANNOTATIONS:
            continue
        if isinstance(value, list | dict) and len(value) > MAX_MEMBERS:
            return None
        items.append((key, value))
    try:
        text = repr(items)  # exact for JSON values: 1, 1.0, True and -0.0 all differ
    except RecursionError:
        return None
    if len(text) > MAX_KEY or _UNSUITABLE.search(text):
        return None
    return text


@lru_cache(maxsize=4096)
def plain(text: str) -> bool:
    """Whether ``text`` (a property name, part of a key) cannot be mistaken for a name."""
    return _NAME_LIKE_SEARCH(text) is None


class Recording:
    """The names handed out while a schema is emitted, as placeholders."""

    __slots__ = ("doc", "ptr", "ops", "values", "memoisable")

    def __init__(self, scope: Scope, x: str, p: str | None, track: str | None) -> None:
        self.doc = scope.doc
        self.ptr = scope.ptr
        self.ops: list[tuple[str, str]] = []  # ("", prefix): a variable; (ptr, kw): a location
        self.values = [x, p or "", track or ""]  # the names behind the placeholders
        self.memoisable = True

    def placeholder(self, name: str, op: tuple[str, str]) -> str:
        self.values.append(name)
        self.ops.append(op)
        return f"\x01{len(self.values) - 1}\x02"

    def real(self, text: str) -> str:
        """The name behind a placeholder (``text`` itself if it is no placeholder)."""
        found = _PLACEHOLDER.fullmatch(text)
        return self.values[int(found[1])] if found else text


# The placeholders for the instance, path and annotation-set variables given to the schema.
X, P, TRACK = "\x010\x02", "\x011\x02", "\x012\x02"


class Template:
    """A recorded emission: lines with ``str.format`` fields, and how to obtain their names."""

    __slots__ = ("text", "ops")

    def __init__(self, lines: list[str], ops: list[tuple[str, str]]) -> None:
        text = "\n".join(lines).replace("{", "{{").replace("}", "}}")
        # each placeholder "\x01N\x02" becomes the field "{N}"
        text = text.replace("\x01", "{").replace("\x02", "}")
        self.text: str | None = text if lines else None
        self.ops = tuple(ops)

    def lines(self, values: list[str]) -> list[str]:
        return self.text.format(*values).split("\n") if self.text is not None else []
