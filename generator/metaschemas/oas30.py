"""Validators of the metaschema https://spec.openapis.org/oas/3.0/schema/2021-09-28#/definitions/Schema
written by `python -m generator.metaschemas`; do not edit, rerun it.
sha256 of its JSON (keys sorted, no spaces):
36d4ef6e1d88ae6df2d0bf6569d58b18b8eaa2f0156bcdb6b3f8f8dcabbdeae2

Public API: ``is_valid(instance)``, ``iter_errors(instance)`` and ``validate(instance)``
Instances are plain values as returned by ``json.loads``. The module depends on the standard
library only.
``schemagen native`` compiles it with mypyc into an extension module with the same results.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final, TypeVar

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # no mypy here: the mark matters to mypyc only (``schemagen native``)
    _C = TypeVar("_C")

    def mypyc_attr(*attrs: str, **kwattrs: object) -> Callable[[_C], _C]:
        return lambda cls: cls


__all__ = [
    "SchemaValidationError",
    "Error",
    "ValidationError",
    "SchemaLoopError",
    "is_valid",
    "iter_errors",
    "validate",
]

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


def _re_compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


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


_M1: Final = "/definitions/Schema/properties/properties"
_R1: Final = _M1
_M2: Final = "/additionalProperties/oneOf"
_R2: Final = _R1 + _M2
_S1: Final = _loc("oneOf", _R2)
_M3: Final = " is not valid under exactly one of the given schemas"
_F1: Final = _frozen('["array", "boolean", "integer", "number", "object", "string"]')
_F2: Final = _frozen(
    '["title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclus'
    'iveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",'
    ' "uniqueItems", "maxProperties", "minProperties", "required", "enum", "ty'
    'pe", "not", "allOf", "oneOf", "anyOf", "items", "properties", "additio'
    'nalProperties", "description", "format", "default", "nullable", "discrimin'
    'ator", "readOnly", "writeOnly", "example", "externalDocs", "deprecated", '
    '"xml"]'
)
_P1: Final = _re_compile("^x-")
_P2: Final = _re_compile("^\\$ref\\Z")


def _v1(x: Any) -> bool:
    n1 = 0
    for f1 in _T1:
        if f1(x):
            n1 += 1
    if n1 != 1:
        return False
    return True


def _e1(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    n2 = 0
    for f2 in _T1:
        if f2(x):
            n2 += 1
    if n2 != 1:
        yield _err(p, _S1, _show(x) + _M3)


if _NATIVE:

    def _v2(x: Any) -> bool:
        if type(x) is not dict:
            return False
        n3 = len(x)
        if n3 and "title" in x:
            n3 -= 1
            x1 = x["title"]
            if type(x1) is not str:
                return False
        if n3 and "multipleOf" in x:
            n3 -= 1
            x2 = x["multipleOf"]
            if type(x2) not in _NUMBER:
                return False
            if x2 <= 0:
                return False
        if n3 and "maximum" in x:
            n3 -= 1
            x3 = x["maximum"]
            if type(x3) not in _NUMBER:
                return False
        if n3 and "exclusiveMaximum" in x:
            n3 -= 1
            x4 = x["exclusiveMaximum"]
            if type(x4) is not bool:
                return False
        if n3 and "minimum" in x:
            n3 -= 1
            x5 = x["minimum"]
            if type(x5) not in _NUMBER:
                return False
        if n3 and "exclusiveMinimum" in x:
            n3 -= 1
            x6 = x["exclusiveMinimum"]
            if type(x6) is not bool:
                return False
        if n3 and "maxLength" in x:
            n3 -= 1
            x7 = x["maxLength"]
            if type(x7) is not int:
                return False
            if x7 < 0:
                return False
        if n3 and "minLength" in x:
            n3 -= 1
            x8 = x["minLength"]
            if type(x8) is not int:
                return False
            if x8 < 0:
                return False
        if n3 and "pattern" in x:
            n3 -= 1
            x9 = x["pattern"]
            if type(x9) is not str:
                return False
        if n3 and "maxItems" in x:
            n3 -= 1
            x10 = x["maxItems"]
            if type(x10) is not int:
                return False
            if x10 < 0:
                return False
        if n3 and "minItems" in x:
            n3 -= 1
            x11 = x["minItems"]
            if type(x11) is not int:
                return False
            if x11 < 0:
                return False
        if n3 and "uniqueItems" in x:
            n3 -= 1
            x12 = x["uniqueItems"]
            if type(x12) is not bool:
                return False
        if n3 and "maxProperties" in x:
            n3 -= 1
            x13 = x["maxProperties"]
            if type(x13) is not int:
                return False
            if x13 < 0:
                return False
        if n3 and "minProperties" in x:
            n3 -= 1
            x14 = x["minProperties"]
            if type(x14) is not int:
                return False
            if x14 < 0:
                return False
        if n3 and "required" in x:
            n3 -= 1
            x15 = x["required"]
            if type(x15) is not list:
                return False
            if len(x15) < 1:
                return False
            if not _unique(x15):
                return False
            for x16 in x15:
                if type(x16) is not str:
                    return False
        if n3 and "enum" in x:
            n3 -= 1
            x17 = x["enum"]
            if type(x17) is not list:
                return False
            if len(x17) < 1:
                return False
        if n3 and "type" in x:
            n3 -= 1
            x19 = x["type"]
            if type(x19) is not str:
                return False
            if x19 not in _F1:
                return False
        if n3 and "not" in x:
            n3 -= 1
            x20 = x["not"]
            n4 = 0
            for f3 in _T1:
                if f3(x20):
                    n4 += 1
            if n4 != 1:
                return False
        if n3 and "allOf" in x:
            n3 -= 1
            x21 = x["allOf"]
            if type(x21) is not list:
                return False
            for x22 in x21:
                n5 = 0
                for f4 in _T1:
                    if f4(x22):
                        n5 += 1
                if n5 != 1:
                    return False
        if n3 and "oneOf" in x:
            n3 -= 1
            x23 = x["oneOf"]
            if type(x23) is not list:
                return False
            for x24 in x23:
                n6 = 0
                for f5 in _T1:
                    if f5(x24):
                        n6 += 1
                if n6 != 1:
                    return False
        if n3 and "anyOf" in x:
            n3 -= 1
            x25 = x["anyOf"]
            if type(x25) is not list:
                return False
            for x26 in x25:
                n7 = 0
                for f6 in _T1:
                    if f6(x26):
                        n7 += 1
                if n7 != 1:
                    return False
        if n3 and "items" in x:
            n3 -= 1
            x27 = x["items"]
            n8 = 0
            for f7 in _T1:
                if f7(x27):
                    n8 += 1
            if n8 != 1:
                return False
        if n3 and "properties" in x:
            n3 -= 1
            x28 = x["properties"]
            if type(x28) is not dict:
                return False
            for x29 in x28.values():
                n9 = 0
                for f8 in _T1:
                    if f8(x29):
                        n9 += 1
                if n9 != 1:
                    return False
        if n3 and "additionalProperties" in x:
            n3 -= 1
            x30 = x["additionalProperties"]
            n10 = 0
            for f9 in _T2:
                if f9(x30):
                    n10 += 1
            if n10 != 1:
                return False
        if n3 and "description" in x:
            n3 -= 1
            x31 = x["description"]
            if type(x31) is not str:
                return False
        if n3 and "format" in x:
            n3 -= 1
            x32 = x["format"]
            if type(x32) is not str:
                return False
        if n3 and "nullable" in x:
            n3 -= 1
            x34 = x["nullable"]
            if type(x34) is not bool:
                return False
        if n3 and "discriminator" in x:
            n3 -= 1
            x35 = x["discriminator"]
            if type(x35) is not dict:
                return False
            try:
                x36 = x35["propertyName"]
            except KeyError:
                return False
            if type(x36) is not str:
                return False
            if "mapping" in x35:
                x37 = x35["mapping"]
                if type(x37) is not dict:
                    return False
                for x38 in x37.values():
                    if type(x38) is not str:
                        return False
        if n3 and "readOnly" in x:
            n3 -= 1
            x39 = x["readOnly"]
            if type(x39) is not bool:
                return False
        if n3 and "writeOnly" in x:
            n3 -= 1
            x40 = x["writeOnly"]
            if type(x40) is not bool:
                return False
        if n3 and "externalDocs" in x:
            n3 -= 1
            x42 = x["externalDocs"]
            if type(x42) is not dict:
                return False
            if "url" not in x42:
                return False
        if n3 and "deprecated" in x:
            n3 -= 1
            x43 = x["deprecated"]
            if type(x43) is not bool:
                return False
        if n3 and "xml" in x:
            x44 = x["xml"]
            if type(x44) is not dict:
                return False
        for k3 in x:
            hit1 = False
            if _P1.search(k3) is not None:
                hit1 = True
            if not hit1 and k3 not in _F2:
                return False
        return True
else:

    def _v2(x: Any) -> bool:
        if type(x) is not dict:
            return False
        if "title" in x:
            x1 = x["title"]
            if type(x1) is not str:
                return False
        if "multipleOf" in x:
            x2 = x["multipleOf"]
            if type(x2) not in _NUMBER:
                return False
            if x2 <= 0:
                return False
        if "maximum" in x:
            x3 = x["maximum"]
            if type(x3) not in _NUMBER:
                return False
        if "exclusiveMaximum" in x:
            x4 = x["exclusiveMaximum"]
            if type(x4) is not bool:
                return False
        if "minimum" in x:
            x5 = x["minimum"]
            if type(x5) not in _NUMBER:
                return False
        if "exclusiveMinimum" in x:
            x6 = x["exclusiveMinimum"]
            if type(x6) is not bool:
                return False
        if "maxLength" in x:
            x7 = x["maxLength"]
            if type(x7) is not int:
                return False
            if x7 < 0:
                return False
        if "minLength" in x:
            x8 = x["minLength"]
            if type(x8) is not int:
                return False
            if x8 < 0:
                return False
        if "pattern" in x:
            x9 = x["pattern"]
            if type(x9) is not str:
                return False
        if "maxItems" in x:
            x10 = x["maxItems"]
            if type(x10) is not int:
                return False
            if x10 < 0:
                return False
        if "minItems" in x:
            x11 = x["minItems"]
            if type(x11) is not int:
                return False
            if x11 < 0:
                return False
        if "uniqueItems" in x:
            x12 = x["uniqueItems"]
            if type(x12) is not bool:
                return False
        if "maxProperties" in x:
            x13 = x["maxProperties"]
            if type(x13) is not int:
                return False
            if x13 < 0:
                return False
        if "minProperties" in x:
            x14 = x["minProperties"]
            if type(x14) is not int:
                return False
            if x14 < 0:
                return False
        if "required" in x:
            x15 = x["required"]
            if type(x15) is not list:
                return False
            if len(x15) < 1:
                return False
            if not _unique(x15):
                return False
            for x16 in x15:
                if type(x16) is not str:
                    return False
        if "enum" in x:
            x17 = x["enum"]
            if type(x17) is not list:
                return False
            if len(x17) < 1:
                return False
        if "type" in x:
            x19 = x["type"]
            if type(x19) is not str:
                return False
            if x19 not in _F1:
                return False
        if "not" in x:
            x20 = x["not"]
            n4 = 0
            for f3 in _T1:
                if f3(x20):
                    n4 += 1
            if n4 != 1:
                return False
        if "allOf" in x:
            x21 = x["allOf"]
            if type(x21) is not list:
                return False
            for x22 in x21:
                n5 = 0
                for f4 in _T1:
                    if f4(x22):
                        n5 += 1
                if n5 != 1:
                    return False
        if "oneOf" in x:
            x23 = x["oneOf"]
            if type(x23) is not list:
                return False
            for x24 in x23:
                n6 = 0
                for f5 in _T1:
                    if f5(x24):
                        n6 += 1
                if n6 != 1:
                    return False
        if "anyOf" in x:
            x25 = x["anyOf"]
            if type(x25) is not list:
                return False
            for x26 in x25:
                n7 = 0
                for f6 in _T1:
                    if f6(x26):
                        n7 += 1
                if n7 != 1:
                    return False
        if "items" in x:
            x27 = x["items"]
            n8 = 0
            for f7 in _T1:
                if f7(x27):
                    n8 += 1
            if n8 != 1:
                return False
        if "properties" in x:
            x28 = x["properties"]
            if type(x28) is not dict:
                return False
            for x29 in x28.values():
                n9 = 0
                for f8 in _T1:
                    if f8(x29):
                        n9 += 1
                if n9 != 1:
                    return False
        if "additionalProperties" in x:
            x30 = x["additionalProperties"]
            n10 = 0
            for f9 in _T2:
                if f9(x30):
                    n10 += 1
            if n10 != 1:
                return False
        if "description" in x:
            x31 = x["description"]
            if type(x31) is not str:
                return False
        if "format" in x:
            x32 = x["format"]
            if type(x32) is not str:
                return False
        if "nullable" in x:
            x34 = x["nullable"]
            if type(x34) is not bool:
                return False
        if "discriminator" in x:
            x35 = x["discriminator"]
            if type(x35) is not dict:
                return False
            try:
                x36 = x35["propertyName"]
            except KeyError:
                return False
            if type(x36) is not str:
                return False
            if "mapping" in x35:
                x37 = x35["mapping"]
                if type(x37) is not dict:
                    return False
                for x38 in x37.values():
                    if type(x38) is not str:
                        return False
        if "readOnly" in x:
            x39 = x["readOnly"]
            if type(x39) is not bool:
                return False
        if "writeOnly" in x:
            x40 = x["writeOnly"]
            if type(x40) is not bool:
                return False
        if "externalDocs" in x:
            x42 = x["externalDocs"]
            if type(x42) is not dict:
                return False
            if "url" not in x42:
                return False
        if "deprecated" in x:
            x43 = x["deprecated"]
            if type(x43) is not bool:
                return False
        if "xml" in x:
            x44 = x["xml"]
            if type(x44) is not dict:
                return False
        for k3 in x:
            hit1 = False
            if _P1.search(k3) is not None:
                hit1 = True
            if not hit1 and k3 not in _F2:
                return False
        return True


def _v3(x: Any) -> bool:
    if type(x) is not dict:
        return False
    if "$ref" not in x:
        return False
    for k4, x46 in x.items():
        if _P2.search(k4) is not None:
            if type(x46) is not str:
                return False
    return True


def _v4(x: Any) -> bool:
    if type(x) is not bool:
        return False
    return True


_T1: Final = (_v2, _v3)
_T2: Final = (_v2, _v3, _v4)


def is_valid(instance: Any) -> bool:
    """Whether ``instance`` is valid.

    Validates against the schema.
    Instances nested too deeply to validate (Python's recursion limit) count as invalid.
    """
    try:
        if _NATIVE and _too_nested(instance):
            return False
        return _v1(instance)
    except RecursionError:
        return False


def iter_errors(instance: Any) -> Iterator[SchemaValidationError]:
    """Every error of ``instance``, in schema order.

    Validates against the schema.
    """
    try:
        if _NATIVE and _too_nested(instance):
            yield _too_deep()
            return
        if _v1(instance):
            return
        yield from _e1(instance, ())
    except RecursionError:
        yield _too_deep()


def validate(instance: Any) -> None:
    """Raise :class:`ValidationError` with all errors if ``instance`` is invalid.

    Validates against the schema.
    """
    errors = list(iter_errors(instance))
    if errors:
        raise ValidationError(errors)
