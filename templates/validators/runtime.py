"""The runtime every generated ``validators.py`` carries: the error types and the helpers.

Plain Python, linted and type-checked where it stands (``make lint``). The compiler
(:mod:`generator.compiler.runtime`) copies what lies between the first marker line and the
last one into each module verbatim, leaving out the parts a module does not need (each marker
says when its part is copied). The imports above the first marker are the generated module's
own (it writes them itself, as it writes its ``_PATTERN_TIMEOUT`` line, for which the stand-in
below is there). The file is read as it is, never rendered as a template (a user's
``validators/runtime.py`` replaces it and is cut at the same markers).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final

import regex  # type: ignore[import-untyped,unused-ignore]
from mypy_extensions import mypyc_attr

_PATTERN_TIMEOUT = 1.0

# --- validators.py: copied from here ---
_Path = tuple[str | int, ...]
_json = json.loads
_NoneType = type(None)
_NUMBER = (int, float)


@dataclass(frozen=True, slots=True)
class SchemaValidationError:
    """One way in which an instance fails the schema."""

    #: JSON Pointer into the instance ("" is the whole document)
    path: str
    #: JSON Pointer of the failing keyword in the schema (``uri#pointer`` outside the root)
    schema_path: str
    keyword: str
    message: str

    # Written out (as the dataclass would write it): mypyc compiles this one, where it leaves
    # the generated ``__init__`` interpreted, several times slower.
    def __init__(self, path: str, schema_path: str, keyword: str, message: str) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "schema_path", schema_path)
        object.__setattr__(self, "keyword", keyword)
        object.__setattr__(self, "message", message)

    def __str__(self) -> str:
        return f"{self.path or '(root)'}: {self.message}"


Error = SchemaValidationError


class ValidationError(ValueError):
    """Raised by ``validate``; ``errors`` holds every error found."""

    def __init__(self, errors: list[SchemaValidationError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@mypyc_attr(native_class=False)  # mypyc compiles no native subclass of RuntimeError
class SchemaLoopError(RuntimeError):
    """The schema applies itself to the same instance without end (e.g. ``{"$ref": "#"}``)."""

    def __init__(self, schema_path: str) -> None:
        self.schema_path = schema_path
        super().__init__(
            f"{schema_path or '#'}: infinite reference loop: this schema applies itself "
            "to the same instance without end"
        )


def _too_deep() -> SchemaValidationError:
    message = "instance is nested too deeply to validate (Python recursion limit reached)"
    return SchemaValidationError("", "", "$depth", message)


#: Whether this module runs compiled by mypyc (compiled functions have no ``__code__``). A
#: function written twice (``if _NATIVE:`` / ``else:``) has a form for each build; the native
#: build tells mypyc ``--always-true=_NATIVE``, so it compiles only the first.
_NATIVE: Final = not hasattr(_too_deep, "__code__")


def _loc(keyword: str, schema_path: str) -> tuple[str, str]:
    return keyword, schema_path


def _ptr(path: _Path) -> str:
    parts = []
    for part in path:
        text = part if type(part) is str else str(part)
        if "~" in text or "/" in text:
            text = text.replace("~", "~0").replace("/", "~1")
        parts.append(text)
    return "/" + "/".join(parts) if parts else ""


def _err(path: _Path, loc: tuple[str, str], message: str) -> SchemaValidationError:
    return SchemaValidationError(_ptr(path), loc[1], loc[0], message)


def _show(value: Any) -> str:
    try:
        if type(value) is str:
            text = repr(value)
        elif value is None or type(value) is bool:
            text = json.dumps(value)
        elif type(value) is int or type(value) is float:
            text = repr(value)
        else:
            text = json.dumps(value, ensure_ascii=False, default=repr)
    except ValueError:  # an integer longer than Python prints (4,300 digits)
        text = "a very long integer" if type(value) is int else "a value with a very long integer"
    return text if len(text) <= 120 else text[:117] + "..."


def _intf(value: Any) -> bool:
    """A float with an integral value (an "integer" since draft 6)."""
    return type(value) is float and value.is_integer()


def _frozen(text: str) -> frozenset[Any]:
    return frozenset(json.loads(text))


# --- validators.py: only when it compiles patterns with re ---
def _re_compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# --- validators.py: only when it compiles patterns with regex ---
def _regex_compile(pattern: str) -> Any:
    return regex.compile(pattern)


# --- validators.py: only with a pattern timeout (after the module's _PATTERN_TIMEOUT) ---
def _found(pattern: Any, text: str) -> bool | None:
    """Whether ``pattern`` matches in ``text``; None when the match ran out of time."""
    try:
        return pattern.search(text, timeout=_PATTERN_TIMEOUT) is not None
    except TimeoutError:
        return None


# --- validators.py: every module again ---
def _eq(a: Any, b: Any) -> bool:
    """JSON equality: 1 == 1.0, but true != 1; arrays and objects compare deeply."""
    ta = type(a)
    tb = type(b)
    if ta is bool or tb is bool:
        return ta is tb and a == b
    if ta in (int, float) and tb in (int, float):
        return bool(a == b)
    if ta is not tb:
        return False
    if ta is list:
        return len(a) == len(b) and all(_eq(x, y) for x, y in zip(a, b, strict=True))
    if ta is dict:
        return a.keys() == b.keys() and all(_eq(v, b[k]) for k, v in a.items())
    return bool(a == b)


def _enum(value: Any, options: list[Any]) -> bool:
    return any(_eq(value, option) for option in options)


def _key(value: Any) -> Any:
    """A hashable key such that _key(a) == _key(b) exactly when _eq(a, b)."""
    t = type(value)
    if t is bool:
        return ("b", value)
    if t is int or t is float:
        return ("n", value)
    if t is list:
        return ("l", tuple(_key(v) for v in value))
    if t is dict:
        return ("d", frozenset((k, _key(v)) for k, v in value.items()))
    return ("s", value)


def _unique(items: list[Any]) -> bool:
    try:
        return len({_key(item) for item in items}) == len(items)
    except TypeError:
        return all(not _eq(a, b) for i, a in enumerate(items) for b in items[i + 1 :])


def _mul(value: int | float, factor: int | Fraction) -> bool:
    """Whether value is an exact multiple of factor (exact rational arithmetic)."""
    if type(value) is float:
        if not math.isfinite(value):
            return False
        quotient = Fraction(repr(value)) / factor
    else:
        quotient = Fraction(value) / factor
    return quotient.denominator == 1


# --- validators.py: only when a function can call itself (recursive schemas) ---
# Compiled by mypyc (``schemagen native``), these functions run with no recursion limit, so an
# instance nested deep enough would overflow the C stack: the wrappers refuse it first, as the
# interpreter's RecursionError makes them do in pure Python.
_NATIVE_DEPTH: Final = 1000


def _too_nested(value: Any) -> bool:
    """Whether ``value`` nests arrays and objects deeper than ``_NATIVE_DEPTH`` (iteratively)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > _NATIVE_DEPTH:
            return True
        for child in item.values() if type(item) is dict else item if type(item) is list else ():
            if type(child) is dict or type(child) is list:
                stack.append((child, depth + 1))
    return False


# --- validators.py: copied up to here ---
