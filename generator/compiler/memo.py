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

:class:`EmissionMemo` holds the recordings of one compile; the compiler's ``memoised`` records
or replays through it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from generator.compiler.codegen import Namer
from generator.compiler.constants import ConstantPools
from generator.compiler.scope import Scope
from generator.spec.keywords import ANNOTATION_KEYWORDS, SUBSCHEMA_KEYWORDS, subschemas
from generator.spec.pointer import escape as escape_segment

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


def content_key(schema: dict[str, Any]) -> str | None:
    """The content part of a memo key for ``schema``, or None if it should not be memoised.

    ``schema`` has already been found small and free of references and identifiers.
    """
    items = []
    for key, value in schema.items():
        # keywords no emitter reads are left out of the key, so schemas differing in them share
        # code (only the schema's own: inside its subschemas they count, since an emitter may
        # compare whole subschemas, e.g. ``{"type": "null"}``)
        if key in ANNOTATION_KEYWORDS:
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
        # the names behind the placeholders (the path's also as a tuple body, see path_body)
        self.values = [x, p or "", track or "", path_body(p) if p is not None else ""]
        self.memoisable = True

    def placeholder(self, name: str, op: tuple[str, str]) -> str:
        self.values.append(name)
        self.ops.append(op)
        return f"\x01{len(self.values) - 1}\x02"

    def real(self, text: str) -> str:
        """The name behind a placeholder (``text`` itself if it is no placeholder)."""
        found = _PLACEHOLDER.fullmatch(text)
        return self.values[int(found[1])] if found else text


# The placeholders for the instance, path and annotation-set variables given to the schema,
# and for the path's tuple body (see :func:`child_path`).
X, P, TRACK, P_BODY = "\x010\x02", "\x011\x02", "\x012\x02", "\x013\x02"


def path_body(path: str) -> str:
    """The items of the path expression ``path`` as written inside a tuple display: ``*p``
    for a variable, ``*p, "a", i1`` for ``(*p, "a", i1)``."""
    return path[1:-1] if path.startswith("(") else "*" + path


#: Paths in memo keys are told apart by their length in steps of this many characters.
PATH_BUCKET = 16
#: The characters a name filled into a recorded emission is counted as (see ``path_length``).
NAME_ALLOWANCE = 6


def path_key(path: str | None) -> int:
    """The part of an emission memo key for the path expression ``path``: -1 for none, 0 for
    a variable, else its length in :data:`PATH_BUCKET` steps (emitters write a long path
    into a variable: how long the path is decides what they write)."""
    if path is None:
        return -1
    return -(-len(path) // PATH_BUCKET) if path.startswith("(") else 0


def _longest(key: int) -> int:
    """The longest path expression with the :func:`path_key` ``key``."""
    return key * PATH_BUCKET if key else NAME_ALLOWANCE


def child_path(path: str, segment: str) -> str:
    """The expression for the path of a child (``segment``: its key or index expression) of the
    instance at ``path`` (a variable or an expression of this function).

    Paths are built where an error is made, never on the way: ``(*p, "a", i1)`` rather than
    ``p1 = (*p, "a")`` and ``p2 = (*p1, i1)`` before knowing that anything fails (in the path
    of a recorded emission, :data:`P`, the body is its own placeholder, filled in on replay).
    """
    body = P_BODY if path == P else path_body(path)
    return f"({body}, {segment})"


class Template:
    """A recorded emission: lines with ``str.format`` fields, and how to obtain their names."""

    __slots__ = ("text", "ops", "yields")

    def __init__(self, lines: list[str], ops: list[tuple[str, str]], yields: bool) -> None:
        text = "\n".join(lines).replace("{", "{{").replace("}", "}}")
        # each placeholder "\x01N\x02" becomes the field "{N}"
        text = text.replace("\x01", "{").replace("\x02", "}")
        self.text: str | None = text if lines else None
        self.ops = tuple(ops)
        self.yields = yields  # whether the lines yield (an ERRORS emission that can fail)

    def lines(self, values: list[str]) -> list[str]:
        return self.text.format(*values).split("\n") if self.text is not None else []


#: Keywords that reference or identify a resource: schemas with them are never memoised.
REFERENCING = frozenset({"$ref", "$dynamicRef", "$recursiveRef", "$id", "id"})
#: Most nodes a reference target may have to be inlined (and memoised) rather than called.
SMALL_SCHEMA = 10


class EmissionMemo:
    """The recordings of one compile: key -> :class:`Template` (None: not memoisable), and the
    recording under way, if any, whose placeholders :meth:`var` and :meth:`location` hand out."""

    def __init__(self, namer: Namer, constants: ConstantPools) -> None:
        self.namer = namer
        self.constants = constants
        self.templates: dict[tuple[Any, ...], Template | None] = {}
        self.recording: Recording | None = None
        self._key_texts: dict[int, str | None] = {}  # id(schema) -> key_text
        self._small: dict[int, bool] = {}

    def var(self, prefix: str) -> str:
        """A fresh variable name (a placeholder for it while an emission is recorded)."""
        name = self.namer(prefix)
        if self.recording is None:
            return name
        return self.recording.placeholder(name, ("", prefix))

    def location(self, scope: Scope, keyword: str) -> str:
        """Module constant ``(keyword, schema_path)`` for errors of ``keyword`` in ``scope``."""
        ptr = scope.ptr + "/" + escape_segment(keyword)
        name = self.constants.location_at(scope.doc, ptr, keyword)
        recording = self.recording
        if recording is None:
            return name
        if scope.doc != recording.doc or not ptr.startswith(recording.ptr + "/"):
            recording.memoisable = False  # (cannot happen: recorded schemas have no $id)
            return name
        return recording.placeholder(name, (ptr[len(recording.ptr) :], keyword))

    def path_length(self, path: str) -> int:
        """The length of the path expression ``path`` as written out; while an emission is
        recorded, the most it can be in any replay (the recorded schema's own path counts as
        the longest of its :func:`path_key` step, any other name as :data:`NAME_ALLOWANCE`)."""
        recording = self.recording
        if recording is None or "\x01" not in path:
            return len(path)
        longest = _longest(path_key(recording.values[1]))
        length = len(path)
        for found in _PLACEHOLDER.finditer(path):
            index = int(found[1])
            length -= len(found[0])
            length += longest + 1 if index in (1, 3) else NAME_ALLOWANCE
        return length

    def not_memoisable(self) -> None:
        """What is being recorded names something that depends on where it is."""
        if self.recording is not None:
            self.recording.memoisable = False

    def replay(
        self, template: Template, scope: Scope, x: str, p: str | None, track: str | None
    ) -> list[str]:
        """The lines of ``template`` with fresh names, obtained as the recording obtained them."""
        values = [x, p or "", track or "", path_body(p) if p is not None else ""]
        for where, what in template.ops:
            if where:
                values.append(self.constants.location_at(scope.doc, scope.ptr + where, what))
            else:
                values.append(self.namer(what))
        return template.lines(values)

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
            elif not REFERENCING.isdisjoint(node):
                result = False
            elif not SUBSCHEMA_KEYWORDS.isdisjoint(node):
                stack.extend(child for _, child in subschemas(node))
        self._small[id(schema)] = result
        return result

    def key_text(self, schema: Any) -> str | None:
        """The content part of the memo key of ``schema`` (None: not memoisable)."""
        ident = id(schema)
        if ident in self._key_texts:
            return self._key_texts[ident]
        if not isinstance(schema, dict):
            small = False
        elif SUBSCHEMA_KEYWORDS.isdisjoint(schema):  # no subschemas: small unless a reference
            small = REFERENCING.isdisjoint(schema)
        else:
            small = self.small(schema)
        text = content_key(schema) if small else None
        self._key_texts[ident] = text
        return text
