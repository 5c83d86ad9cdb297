"""Validators of the metaschema http://json-schema.org/draft-07/schema
written by `python -m generator.metaschemas`; do not edit, rerun it.
sha256 of its JSON (keys sorted, no spaces):
1ac84c2f322d91e3781863e6421917fb5c33ca33761f7bb7a4445dd22293ce01

Public API: ``is_valid(instance)``, ``iter_errors(instance)`` and ``validate(instance)``
Instances are plain values as returned by ``json.loads``. The module depends on the standard
library only.
``schemagen native`` compiles it with mypyc into an extension module with the same results.
"""

from __future__ import annotations

import json
import math
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


_Y1: Final = (dict, bool)
_S1: Final = _loc("type", "/type")
_M1: Final = " is not of type 'object', 'boolean'"
_S2: Final = _loc("type", "/properties/$id/type")
_M2: Final = " is not of type 'string'"
_S3: Final = _loc("type", "/properties/$schema/type")
_S4: Final = _loc("type", "/properties/$ref/type")
_S5: Final = _loc("type", "/properties/$comment/type")
_S6: Final = _loc("type", "/properties/title/type")
_S7: Final = _loc("type", "/properties/description/type")
_S8: Final = _loc("type", "/properties/readOnly/type")
_M3: Final = " is not of type 'boolean'"
_S9: Final = _loc("type", "/properties/examples/type")
_M4: Final = " is not of type 'array'"
_S10: Final = _loc("type", "/properties/multipleOf/type")
_M5: Final = " is not of type 'number'"
_S11: Final = _loc("exclusiveMinimum", "/properties/multipleOf/exclusiveMinimum")
_M6: Final = " is less than or equal to 0"
_S12: Final = _loc("type", "/properties/maximum/type")
_S13: Final = _loc("type", "/properties/exclusiveMaximum/type")
_S14: Final = _loc("type", "/properties/minimum/type")
_S15: Final = _loc("type", "/properties/exclusiveMinimum/type")
_S16: Final = _loc("type", "/definitions/nonNegativeInteger/type")
_M7: Final = " is not of type 'integer'"
_S17: Final = _loc("minimum", "/definitions/nonNegativeInteger/minimum")
_M8: Final = " is less than 0"
_S18: Final = _loc("type", "/properties/pattern/type")
_S19: Final = _loc("anyOf", "/properties/items/anyOf")
_M9: Final = " is not valid under any of the given schemas"
_S20: Final = _loc("type", "/properties/uniqueItems/type")
_S21: Final = _loc("type", "/definitions/stringArray/type")
_S22: Final = _loc("uniqueItems", "/definitions/stringArray/uniqueItems")
_M10: Final = " has non-unique elements"
_S23: Final = _loc("type", "/definitions/stringArray/items/type")
_S24: Final = _loc("type", "/properties/definitions/type")
_M11: Final = " is not of type 'object'"
_S25: Final = _loc("type", "/properties/properties/type")
_S26: Final = _loc("type", "/properties/patternProperties/type")
_S27: Final = _loc("type", "/properties/dependencies/type")
_S28: Final = _loc("anyOf", "/properties/dependencies/additionalProperties/anyOf")
_S29: Final = _loc("type", "/properties/enum/type")
_S30: Final = _loc("anyOf", "/properties/type/anyOf")
_S31: Final = _loc("type", "/properties/format/type")
_S32: Final = _loc("type", "/properties/contentMediaType/type")
_S33: Final = _loc("type", "/properties/contentEncoding/type")
_F1: Final = _frozen('["array", "boolean", "integer", "null", "number", "object", "string"]')
_S34: Final = _loc("type", "/definitions/schemaArray/type")
_S35: Final = _loc("minItems", "/definitions/schemaArray/minItems")
_M12: Final = " has fewer than 1 items"


if _NATIVE:

    def _v1(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            n1 = len(x)
            if n1 and "$id" in x:
                n1 -= 1
                x1 = x["$id"]
                if type(x1) is not str:
                    return False
            if n1 and "$schema" in x:
                n1 -= 1
                x2 = x["$schema"]
                if type(x2) is not str:
                    return False
            if n1 and "$ref" in x:
                n1 -= 1
                x3 = x["$ref"]
                if type(x3) is not str:
                    return False
            if n1 and "$comment" in x:
                n1 -= 1
                x4 = x["$comment"]
                if type(x4) is not str:
                    return False
            if n1 and "title" in x:
                n1 -= 1
                x5 = x["title"]
                if type(x5) is not str:
                    return False
            if n1 and "description" in x:
                n1 -= 1
                x6 = x["description"]
                if type(x6) is not str:
                    return False
            if n1 and "readOnly" in x:
                n1 -= 1
                x8 = x["readOnly"]
                if type(x8) is not bool:
                    return False
            if n1 and "examples" in x:
                n1 -= 1
                x9 = x["examples"]
                if type(x9) is not list:
                    return False
            if n1 and "multipleOf" in x:
                n1 -= 1
                x10 = x["multipleOf"]
                if type(x10) not in _NUMBER:
                    return False
                if x10 <= 0:
                    return False
            if n1 and "maximum" in x:
                n1 -= 1
                x11 = x["maximum"]
                if type(x11) not in _NUMBER:
                    return False
            if n1 and "exclusiveMaximum" in x:
                n1 -= 1
                x12 = x["exclusiveMaximum"]
                if type(x12) not in _NUMBER:
                    return False
            if n1 and "minimum" in x:
                n1 -= 1
                x13 = x["minimum"]
                if type(x13) not in _NUMBER:
                    return False
            if n1 and "exclusiveMinimum" in x:
                n1 -= 1
                x14 = x["exclusiveMinimum"]
                if type(x14) not in _NUMBER:
                    return False
            if n1 and "maxLength" in x:
                n1 -= 1
                x15 = x["maxLength"]
                if type(x15) is not int and not _intf(x15):
                    return False
                if x15 < 0:
                    return False
            if n1 and "minLength" in x:
                n1 -= 1
                x16 = x["minLength"]
                if not _v2(x16):
                    return False
            if n1 and "pattern" in x:
                n1 -= 1
                x17 = x["pattern"]
                if type(x17) is not str:
                    return False
            if n1 and "additionalItems" in x:
                n1 -= 1
                x18 = x["additionalItems"]
                if not _v1(x18):
                    return False
            if n1 and "items" in x:
                n1 -= 1
                x19 = x["items"]
                if not (_v1(x19) or _v3(x19)):
                    return False
            if n1 and "maxItems" in x:
                n1 -= 1
                x20 = x["maxItems"]
                if type(x20) is not int and not _intf(x20):
                    return False
                if x20 < 0:
                    return False
            if n1 and "minItems" in x:
                n1 -= 1
                x21 = x["minItems"]
                if not _v2(x21):
                    return False
            if n1 and "uniqueItems" in x:
                n1 -= 1
                x22 = x["uniqueItems"]
                if type(x22) is not bool:
                    return False
            if n1 and "contains" in x:
                n1 -= 1
                x23 = x["contains"]
                if not _v1(x23):
                    return False
            if n1 and "maxProperties" in x:
                n1 -= 1
                x24 = x["maxProperties"]
                if type(x24) is not int and not _intf(x24):
                    return False
                if x24 < 0:
                    return False
            if n1 and "minProperties" in x:
                n1 -= 1
                x25 = x["minProperties"]
                if not _v2(x25):
                    return False
            if n1 and "required" in x:
                n1 -= 1
                x26 = x["required"]
                if type(x26) is not list:
                    return False
                if not _unique(x26):
                    return False
                for x27 in x26:
                    if type(x27) is not str:
                        return False
            if n1 and "additionalProperties" in x:
                n1 -= 1
                x28 = x["additionalProperties"]
                if not _v1(x28):
                    return False
            if n1 and "definitions" in x:
                n1 -= 1
                x29 = x["definitions"]
                if type(x29) is not dict:
                    return False
                for x30 in x29.values():
                    if not _v1(x30):
                        return False
            if n1 and "properties" in x:
                n1 -= 1
                x31 = x["properties"]
                if type(x31) is not dict:
                    return False
                for x32 in x31.values():
                    if not _v1(x32):
                        return False
            if n1 and "patternProperties" in x:
                n1 -= 1
                x33 = x["patternProperties"]
                if type(x33) is not dict:
                    return False
                for x34 in x33.values():
                    if not _v1(x34):
                        return False
            if n1 and "dependencies" in x:
                n1 -= 1
                x35 = x["dependencies"]
                if type(x35) is not dict:
                    return False
                for x36 in x35.values():
                    if not (_v1(x36) or _v4(x36)):
                        return False
            if n1 and "propertyNames" in x:
                n1 -= 1
                x37 = x["propertyNames"]
                if not _v1(x37):
                    return False
            if n1 and "enum" in x:
                n1 -= 1
                x39 = x["enum"]
                if type(x39) is not list:
                    return False
            if n1 and "type" in x:
                n1 -= 1
                x40 = x["type"]
                if not (_v5(x40) or _v6(x40)):
                    return False
            if n1 and "format" in x:
                n1 -= 1
                x41 = x["format"]
                if type(x41) is not str:
                    return False
            if n1 and "contentMediaType" in x:
                n1 -= 1
                x42 = x["contentMediaType"]
                if type(x42) is not str:
                    return False
            if n1 and "contentEncoding" in x:
                n1 -= 1
                x43 = x["contentEncoding"]
                if type(x43) is not str:
                    return False
            if n1 and "if" in x:
                n1 -= 1
                x44 = x["if"]
                if not _v1(x44):
                    return False
            if n1 and "then" in x:
                n1 -= 1
                x45 = x["then"]
                if not _v1(x45):
                    return False
            if n1 and "else" in x:
                n1 -= 1
                x46 = x["else"]
                if not _v1(x46):
                    return False
            if n1 and "allOf" in x:
                n1 -= 1
                x47 = x["allOf"]
                if not _v3(x47):
                    return False
            if n1 and "anyOf" in x:
                n1 -= 1
                x48 = x["anyOf"]
                if not _v3(x48):
                    return False
            if n1 and "oneOf" in x:
                n1 -= 1
                x49 = x["oneOf"]
                if not _v3(x49):
                    return False
            if n1 and "not" in x:
                x50 = x["not"]
                if not _v1(x50):
                    return False
        return True
else:

    def _v1(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            if "$id" in x:
                x1 = x["$id"]
                if type(x1) is not str:
                    return False
            if "$schema" in x:
                x2 = x["$schema"]
                if type(x2) is not str:
                    return False
            if "$ref" in x:
                x3 = x["$ref"]
                if type(x3) is not str:
                    return False
            if "$comment" in x:
                x4 = x["$comment"]
                if type(x4) is not str:
                    return False
            if "title" in x:
                x5 = x["title"]
                if type(x5) is not str:
                    return False
            if "description" in x:
                x6 = x["description"]
                if type(x6) is not str:
                    return False
            if "readOnly" in x:
                x8 = x["readOnly"]
                if type(x8) is not bool:
                    return False
            if "examples" in x:
                x9 = x["examples"]
                if type(x9) is not list:
                    return False
            if "multipleOf" in x:
                x10 = x["multipleOf"]
                if type(x10) not in _NUMBER:
                    return False
                if x10 <= 0:
                    return False
            if "maximum" in x:
                x11 = x["maximum"]
                if type(x11) not in _NUMBER:
                    return False
            if "exclusiveMaximum" in x:
                x12 = x["exclusiveMaximum"]
                if type(x12) not in _NUMBER:
                    return False
            if "minimum" in x:
                x13 = x["minimum"]
                if type(x13) not in _NUMBER:
                    return False
            if "exclusiveMinimum" in x:
                x14 = x["exclusiveMinimum"]
                if type(x14) not in _NUMBER:
                    return False
            if "maxLength" in x:
                x15 = x["maxLength"]
                if type(x15) is not int and not _intf(x15):
                    return False
                if x15 < 0:
                    return False
            if "minLength" in x:
                x16 = x["minLength"]
                if not _v2(x16):
                    return False
            if "pattern" in x:
                x17 = x["pattern"]
                if type(x17) is not str:
                    return False
            if "additionalItems" in x:
                x18 = x["additionalItems"]
                if not _v1(x18):
                    return False
            if "items" in x:
                x19 = x["items"]
                if not (_v1(x19) or _v3(x19)):
                    return False
            if "maxItems" in x:
                x20 = x["maxItems"]
                if type(x20) is not int and not _intf(x20):
                    return False
                if x20 < 0:
                    return False
            if "minItems" in x:
                x21 = x["minItems"]
                if not _v2(x21):
                    return False
            if "uniqueItems" in x:
                x22 = x["uniqueItems"]
                if type(x22) is not bool:
                    return False
            if "contains" in x:
                x23 = x["contains"]
                if not _v1(x23):
                    return False
            if "maxProperties" in x:
                x24 = x["maxProperties"]
                if type(x24) is not int and not _intf(x24):
                    return False
                if x24 < 0:
                    return False
            if "minProperties" in x:
                x25 = x["minProperties"]
                if not _v2(x25):
                    return False
            if "required" in x:
                x26 = x["required"]
                if type(x26) is not list:
                    return False
                if not _unique(x26):
                    return False
                for x27 in x26:
                    if type(x27) is not str:
                        return False
            if "additionalProperties" in x:
                x28 = x["additionalProperties"]
                if not _v1(x28):
                    return False
            if "definitions" in x:
                x29 = x["definitions"]
                if type(x29) is not dict:
                    return False
                for x30 in x29.values():
                    if not _v1(x30):
                        return False
            if "properties" in x:
                x31 = x["properties"]
                if type(x31) is not dict:
                    return False
                for x32 in x31.values():
                    if not _v1(x32):
                        return False
            if "patternProperties" in x:
                x33 = x["patternProperties"]
                if type(x33) is not dict:
                    return False
                for x34 in x33.values():
                    if not _v1(x34):
                        return False
            if "dependencies" in x:
                x35 = x["dependencies"]
                if type(x35) is not dict:
                    return False
                for x36 in x35.values():
                    if not (_v1(x36) or _v4(x36)):
                        return False
            if "propertyNames" in x:
                x37 = x["propertyNames"]
                if not _v1(x37):
                    return False
            if "enum" in x:
                x39 = x["enum"]
                if type(x39) is not list:
                    return False
            if "type" in x:
                x40 = x["type"]
                if not (_v5(x40) or _v6(x40)):
                    return False
            if "format" in x:
                x41 = x["format"]
                if type(x41) is not str:
                    return False
            if "contentMediaType" in x:
                x42 = x["contentMediaType"]
                if type(x42) is not str:
                    return False
            if "contentEncoding" in x:
                x43 = x["contentEncoding"]
                if type(x43) is not str:
                    return False
            if "if" in x:
                x44 = x["if"]
                if not _v1(x44):
                    return False
            if "then" in x:
                x45 = x["then"]
                if not _v1(x45):
                    return False
            if "else" in x:
                x46 = x["else"]
                if not _v1(x46):
                    return False
            if "allOf" in x:
                x47 = x["allOf"]
                if not _v3(x47):
                    return False
            if "anyOf" in x:
                x48 = x["anyOf"]
                if not _v3(x48):
                    return False
            if "oneOf" in x:
                x49 = x["oneOf"]
                if not _v3(x49):
                    return False
            if "not" in x:
                x50 = x["not"]
                if not _v1(x50):
                    return False
        return True


def _e1(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S1, _show(x) + _M1)
    if type(x) is dict:
        if "$id" in x:
            x51 = x["$id"]
            if type(x51) is not str:
                yield _err((*p, "$id"), _S2, _show(x51) + _M2)
        if "$schema" in x:
            x52 = x["$schema"]
            if type(x52) is not str:
                yield _err((*p, "$schema"), _S3, _show(x52) + _M2)
        if "$ref" in x:
            x53 = x["$ref"]
            if type(x53) is not str:
                yield _err((*p, "$ref"), _S4, _show(x53) + _M2)
        if "$comment" in x:
            x54 = x["$comment"]
            if type(x54) is not str:
                yield _err((*p, "$comment"), _S5, _show(x54) + _M2)
        if "title" in x:
            x55 = x["title"]
            if type(x55) is not str:
                yield _err((*p, "title"), _S6, _show(x55) + _M2)
        if "description" in x:
            x56 = x["description"]
            if type(x56) is not str:
                yield _err((*p, "description"), _S7, _show(x56) + _M2)
        if "readOnly" in x:
            x58 = x["readOnly"]
            if type(x58) is not bool:
                yield _err((*p, "readOnly"), _S8, _show(x58) + _M3)
        if "examples" in x:
            x59 = x["examples"]
            if type(x59) is not list:
                yield _err((*p, "examples"), _S9, _show(x59) + _M4)
        if "multipleOf" in x:
            x60 = x["multipleOf"]
            if type(x60) not in _NUMBER:
                yield _err((*p, "multipleOf"), _S10, _show(x60) + _M5)
            if type(x60) in _NUMBER:
                if x60 <= 0:
                    yield _err((*p, "multipleOf"), _S11, _show(x60) + _M6)
        if "maximum" in x:
            x61 = x["maximum"]
            if type(x61) not in _NUMBER:
                yield _err((*p, "maximum"), _S12, _show(x61) + _M5)
        if "exclusiveMaximum" in x:
            x62 = x["exclusiveMaximum"]
            if type(x62) not in _NUMBER:
                yield _err((*p, "exclusiveMaximum"), _S13, _show(x62) + _M5)
        if "minimum" in x:
            x63 = x["minimum"]
            if type(x63) not in _NUMBER:
                yield _err((*p, "minimum"), _S14, _show(x63) + _M5)
        if "exclusiveMinimum" in x:
            x64 = x["exclusiveMinimum"]
            if type(x64) not in _NUMBER:
                yield _err((*p, "exclusiveMinimum"), _S15, _show(x64) + _M5)
        if "maxLength" in x:
            x65 = x["maxLength"]
            if type(x65) is not int and not _intf(x65):
                yield _err((*p, "maxLength"), _S16, _show(x65) + _M7)
            if type(x65) in _NUMBER:
                if x65 < 0:
                    yield _err((*p, "maxLength"), _S17, _show(x65) + _M8)
        if "minLength" in x:
            x66 = x["minLength"]
            if not _v2(x66):
                yield from _e2(x66, (*p, "minLength"))
        if "pattern" in x:
            x67 = x["pattern"]
            if type(x67) is not str:
                yield _err((*p, "pattern"), _S18, _show(x67) + _M2)
        if "additionalItems" in x:
            x68 = x["additionalItems"]
            if not _v1(x68):
                yield from _e1(x68, (*p, "additionalItems"))
        if "items" in x:
            x69 = x["items"]
            if not (_v1(x69) or _v3(x69)):
                yield _err((*p, "items"), _S19, _show(x69) + _M9)
        if "maxItems" in x:
            x70 = x["maxItems"]
            if type(x70) is not int and not _intf(x70):
                yield _err((*p, "maxItems"), _S16, _show(x70) + _M7)
            if type(x70) in _NUMBER:
                if x70 < 0:
                    yield _err((*p, "maxItems"), _S17, _show(x70) + _M8)
        if "minItems" in x:
            x71 = x["minItems"]
            if not _v2(x71):
                yield from _e2(x71, (*p, "minItems"))
        if "uniqueItems" in x:
            x72 = x["uniqueItems"]
            if type(x72) is not bool:
                yield _err((*p, "uniqueItems"), _S20, _show(x72) + _M3)
        if "contains" in x:
            x73 = x["contains"]
            if not _v1(x73):
                yield from _e1(x73, (*p, "contains"))
        if "maxProperties" in x:
            x74 = x["maxProperties"]
            if type(x74) is not int and not _intf(x74):
                yield _err((*p, "maxProperties"), _S16, _show(x74) + _M7)
            if type(x74) in _NUMBER:
                if x74 < 0:
                    yield _err((*p, "maxProperties"), _S17, _show(x74) + _M8)
        if "minProperties" in x:
            x75 = x["minProperties"]
            if not _v2(x75):
                yield from _e2(x75, (*p, "minProperties"))
        if "required" in x:
            x76 = x["required"]
            if type(x76) is not list:
                yield _err((*p, "required"), _S21, _show(x76) + _M4)
            if type(x76) is list:
                if not _unique(x76):
                    yield _err((*p, "required"), _S22, _show(x76) + _M10)
                for i2, x77 in enumerate(x76):
                    if type(x77) is not str:
                        yield _err((*p, "required", i2), _S23, _show(x77) + _M2)
        if "additionalProperties" in x:
            x78 = x["additionalProperties"]
            if not _v1(x78):
                yield from _e1(x78, (*p, "additionalProperties"))
        if "definitions" in x:
            x79 = x["definitions"]
            if type(x79) is not dict:
                yield _err((*p, "definitions"), _S24, _show(x79) + _M11)
            if type(x79) is dict:
                for k6, x80 in x79.items():
                    if not _v1(x80):
                        yield from _e1(x80, (*p, "definitions", k6))
        if "properties" in x:
            x81 = x["properties"]
            if type(x81) is not dict:
                yield _err((*p, "properties"), _S25, _show(x81) + _M11)
            if type(x81) is dict:
                for k7, x82 in x81.items():
                    if not _v1(x82):
                        yield from _e1(x82, (*p, "properties", k7))
        if "patternProperties" in x:
            x83 = x["patternProperties"]
            if type(x83) is not dict:
                yield _err((*p, "patternProperties"), _S26, _show(x83) + _M11)
            if type(x83) is dict:
                for k9, x84 in x83.items():
                    if not _v1(x84):
                        yield from _e1(x84, (*p, "patternProperties", k9))
        if "dependencies" in x:
            x85 = x["dependencies"]
            if type(x85) is not dict:
                yield _err((*p, "dependencies"), _S27, _show(x85) + _M11)
            if type(x85) is dict:
                for k10, x86 in x85.items():
                    if not (_v1(x86) or _v4(x86)):
                        yield _err((*p, "dependencies", k10), _S28, _show(x86) + _M9)
        if "propertyNames" in x:
            x87 = x["propertyNames"]
            if not _v1(x87):
                yield from _e1(x87, (*p, "propertyNames"))
        if "enum" in x:
            x89 = x["enum"]
            if type(x89) is not list:
                yield _err((*p, "enum"), _S29, _show(x89) + _M4)
        if "type" in x:
            x90 = x["type"]
            if not (_v5(x90) or _v6(x90)):
                yield _err((*p, "type"), _S30, _show(x90) + _M9)
        if "format" in x:
            x91 = x["format"]
            if type(x91) is not str:
                yield _err((*p, "format"), _S31, _show(x91) + _M2)
        if "contentMediaType" in x:
            x92 = x["contentMediaType"]
            if type(x92) is not str:
                yield _err((*p, "contentMediaType"), _S32, _show(x92) + _M2)
        if "contentEncoding" in x:
            x93 = x["contentEncoding"]
            if type(x93) is not str:
                yield _err((*p, "contentEncoding"), _S33, _show(x93) + _M2)
        if "if" in x:
            x94 = x["if"]
            if not _v1(x94):
                yield from _e1(x94, (*p, "if"))
        if "then" in x:
            x95 = x["then"]
            if not _v1(x95):
                yield from _e1(x95, (*p, "then"))
        if "else" in x:
            x96 = x["else"]
            if not _v1(x96):
                yield from _e1(x96, (*p, "else"))
        if "allOf" in x:
            x97 = x["allOf"]
            if not _v3(x97):
                yield from _e3(x97, (*p, "allOf"))
        if "anyOf" in x:
            x98 = x["anyOf"]
            if not _v3(x98):
                yield from _e3(x98, (*p, "anyOf"))
        if "oneOf" in x:
            x99 = x["oneOf"]
            if not _v3(x99):
                yield from _e3(x99, (*p, "oneOf"))
        if "not" in x:
            x100 = x["not"]
            if not _v1(x100):
                yield from _e1(x100, (*p, "not"))


def _v2(x: Any) -> bool:
    if type(x) is not int and not _intf(x):
        return False
    if x < 0:
        return False
    return True


def _v3(x: Any) -> bool:
    if type(x) is not list:
        return False
    if len(x) < 1:
        return False
    for x101 in x:
        if not _v1(x101):
            return False
    return True


def _v4(x: Any) -> bool:
    if type(x) is not list:
        return False
    if not _unique(x):
        return False
    for x102 in x:
        if type(x102) is not str:
            return False
    return True


def _v5(x: Any) -> bool:
    if type(x) is not str or x not in _F1:
        return False
    return True


def _v6(x: Any) -> bool:
    if type(x) is not list:
        return False
    if len(x) < 1:
        return False
    if not _unique(x):
        return False
    for x103 in x:
        if type(x103) is not str or x103 not in _F1:
            return False
    return True


def _e2(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) is not int and not _intf(x):
        yield _err(p, _S16, _show(x) + _M7)
    if type(x) in _NUMBER:
        if x < 0:
            yield _err(p, _S17, _show(x) + _M8)


def _e3(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) is not list:
        yield _err(p, _S34, _show(x) + _M4)
    if type(x) is list:
        if len(x) < 1:
            yield _err(p, _S35, _show(x) + _M12)
        for i6, x104 in enumerate(x):
            if not _v1(x104):
                yield from _e1(x104, (*p, i6))


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
