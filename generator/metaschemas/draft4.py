"""Validators of the metaschema http://json-schema.org/draft-04/schema
written by `python -m generator.metaschemas`; do not edit, rerun it.
sha256 of its JSON (keys sorted, no spaces):
c8aa3d8de08d4e2048ed2d5a223c31f5dcf4dcbc2adcea628e0a522f0e1ba44a

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


_S1: Final = _loc("type", "/type")
_M1: Final = " is not of type 'object'"
_S2: Final = _loc("dependencies", "/dependencies")
_M2: Final = " is required when 'exclusiveMaximum' is present"
_M3: Final = " is required when 'exclusiveMinimum' is present"
_S3: Final = _loc("type", "/properties/id/type")
_M4: Final = " is not of type 'string'"
_S4: Final = _loc("type", "/properties/$schema/type")
_S5: Final = _loc("type", "/properties/title/type")
_S6: Final = _loc("type", "/properties/description/type")
_S7: Final = _loc("type", "/properties/multipleOf/type")
_M5: Final = " is not of type 'number'"
_S8: Final = _loc("minimum", "/properties/multipleOf/minimum")
_M6: Final = " is less than or equal to 0"
_S9: Final = _loc("type", "/properties/maximum/type")
_S10: Final = _loc("type", "/properties/exclusiveMaximum/type")
_M7: Final = " is not of type 'boolean'"
_S11: Final = _loc("type", "/properties/minimum/type")
_S12: Final = _loc("type", "/properties/exclusiveMinimum/type")
_S13: Final = _loc("type", "/definitions/positiveInteger/type")
_M8: Final = " is not of type 'integer'"
_S14: Final = _loc("minimum", "/definitions/positiveInteger/minimum")
_M9: Final = " is less than 0"
_S15: Final = _loc("type", "/properties/pattern/type")
_S16: Final = _loc("anyOf", "/properties/additionalItems/anyOf")
_M10: Final = " is not valid under any of the given schemas"
_S17: Final = _loc("anyOf", "/properties/items/anyOf")
_S18: Final = _loc("type", "/properties/uniqueItems/type")
_S19: Final = _loc("type", "/definitions/stringArray/type")
_M11: Final = " is not of type 'array'"
_S20: Final = _loc("minItems", "/definitions/stringArray/minItems")
_M12: Final = " has fewer than 1 items"
_S21: Final = _loc("uniqueItems", "/definitions/stringArray/uniqueItems")
_M13: Final = " has non-unique elements"
_S22: Final = _loc("type", "/definitions/stringArray/items/type")
_S23: Final = _loc("anyOf", "/properties/additionalProperties/anyOf")
_S24: Final = _loc("type", "/properties/definitions/type")
_S25: Final = _loc("type", "/properties/properties/type")
_S26: Final = _loc("type", "/properties/patternProperties/type")
_S27: Final = _loc("type", "/properties/dependencies/type")
_S28: Final = _loc("anyOf", "/properties/dependencies/additionalProperties/anyOf")
_S29: Final = _loc("type", "/properties/enum/type")
_S30: Final = _loc("minItems", "/properties/enum/minItems")
_S31: Final = _loc("uniqueItems", "/properties/enum/uniqueItems")
_S32: Final = _loc("anyOf", "/properties/type/anyOf")
_S33: Final = _loc("type", "/properties/format/type")
_F1: Final = _frozen('["array", "boolean", "integer", "null", "number", "object", "string"]')
_S34: Final = _loc("type", "/definitions/schemaArray/type")
_S35: Final = _loc("minItems", "/definitions/schemaArray/minItems")


if _NATIVE:

    def _v1(x: Any) -> bool:
        if type(x) is not dict:
            return False
        if "exclusiveMaximum" in x:
            if "maximum" not in x:
                return False
        if "exclusiveMinimum" in x:
            if "minimum" not in x:
                return False
        n1 = len(x)
        if n1 and "id" in x:
            n1 -= 1
            x1 = x["id"]
            if type(x1) is not str:
                return False
        if n1 and "$schema" in x:
            n1 -= 1
            x2 = x["$schema"]
            if type(x2) is not str:
                return False
        if n1 and "title" in x:
            n1 -= 1
            x3 = x["title"]
            if type(x3) is not str:
                return False
        if n1 and "description" in x:
            n1 -= 1
            x4 = x["description"]
            if type(x4) is not str:
                return False
        if n1 and "multipleOf" in x:
            n1 -= 1
            x6 = x["multipleOf"]
            if type(x6) not in _NUMBER:
                return False
            if x6 <= 0:
                return False
        if n1 and "maximum" in x:
            n1 -= 1
            x7 = x["maximum"]
            if type(x7) not in _NUMBER:
                return False
        if n1 and "exclusiveMaximum" in x:
            n1 -= 1
            x8 = x["exclusiveMaximum"]
            if type(x8) is not bool:
                return False
        if n1 and "minimum" in x:
            n1 -= 1
            x9 = x["minimum"]
            if type(x9) not in _NUMBER:
                return False
        if n1 and "exclusiveMinimum" in x:
            n1 -= 1
            x10 = x["exclusiveMinimum"]
            if type(x10) is not bool:
                return False
        if n1 and "maxLength" in x:
            n1 -= 1
            x11 = x["maxLength"]
            if type(x11) is not int:
                return False
            if x11 < 0:
                return False
        if n1 and "minLength" in x:
            n1 -= 1
            x12 = x["minLength"]
            if not _v2(x12):
                return False
        if n1 and "pattern" in x:
            n1 -= 1
            x13 = x["pattern"]
            if type(x13) is not str:
                return False
        if n1 and "additionalItems" in x:
            n1 -= 1
            x14 = x["additionalItems"]
            if not (_v3(x14) or _v1(x14)):
                return False
        if n1 and "items" in x:
            n1 -= 1
            x15 = x["items"]
            if not (_v1(x15) or _v4(x15)):
                return False
        if n1 and "maxItems" in x:
            n1 -= 1
            x16 = x["maxItems"]
            if type(x16) is not int:
                return False
            if x16 < 0:
                return False
        if n1 and "minItems" in x:
            n1 -= 1
            x17 = x["minItems"]
            if not _v2(x17):
                return False
        if n1 and "uniqueItems" in x:
            n1 -= 1
            x18 = x["uniqueItems"]
            if type(x18) is not bool:
                return False
        if n1 and "maxProperties" in x:
            n1 -= 1
            x19 = x["maxProperties"]
            if type(x19) is not int:
                return False
            if x19 < 0:
                return False
        if n1 and "minProperties" in x:
            n1 -= 1
            x20 = x["minProperties"]
            if not _v2(x20):
                return False
        if n1 and "required" in x:
            n1 -= 1
            x21 = x["required"]
            if type(x21) is not list:
                return False
            if len(x21) < 1:
                return False
            if not _unique(x21):
                return False
            for x22 in x21:
                if type(x22) is not str:
                    return False
        if n1 and "additionalProperties" in x:
            n1 -= 1
            x23 = x["additionalProperties"]
            if not (_v5(x23) or _v1(x23)):
                return False
        if n1 and "definitions" in x:
            n1 -= 1
            x24 = x["definitions"]
            if type(x24) is not dict:
                return False
            for x25 in x24.values():
                if not _v1(x25):
                    return False
        if n1 and "properties" in x:
            n1 -= 1
            x26 = x["properties"]
            if type(x26) is not dict:
                return False
            for x27 in x26.values():
                if not _v1(x27):
                    return False
        if n1 and "patternProperties" in x:
            n1 -= 1
            x28 = x["patternProperties"]
            if type(x28) is not dict:
                return False
            for x29 in x28.values():
                if not _v1(x29):
                    return False
        if n1 and "dependencies" in x:
            n1 -= 1
            x30 = x["dependencies"]
            if type(x30) is not dict:
                return False
            for x31 in x30.values():
                if not (_v1(x31) or _v6(x31)):
                    return False
        if n1 and "enum" in x:
            n1 -= 1
            x32 = x["enum"]
            if type(x32) is not list:
                return False
            if len(x32) < 1:
                return False
            if not _unique(x32):
                return False
        if n1 and "type" in x:
            n1 -= 1
            x33 = x["type"]
            if not (_v7(x33) or _v8(x33)):
                return False
        if n1 and "format" in x:
            n1 -= 1
            x34 = x["format"]
            if type(x34) is not str:
                return False
        if n1 and "allOf" in x:
            n1 -= 1
            x35 = x["allOf"]
            if not _v4(x35):
                return False
        if n1 and "anyOf" in x:
            n1 -= 1
            x36 = x["anyOf"]
            if not _v4(x36):
                return False
        if n1 and "oneOf" in x:
            n1 -= 1
            x37 = x["oneOf"]
            if not _v4(x37):
                return False
        if n1 and "not" in x:
            x38 = x["not"]
            if not _v1(x38):
                return False
        return True
else:

    def _v1(x: Any) -> bool:
        if type(x) is not dict:
            return False
        if "exclusiveMaximum" in x:
            if "maximum" not in x:
                return False
        if "exclusiveMinimum" in x:
            if "minimum" not in x:
                return False
        if "id" in x:
            x1 = x["id"]
            if type(x1) is not str:
                return False
        if "$schema" in x:
            x2 = x["$schema"]
            if type(x2) is not str:
                return False
        if "title" in x:
            x3 = x["title"]
            if type(x3) is not str:
                return False
        if "description" in x:
            x4 = x["description"]
            if type(x4) is not str:
                return False
        if "multipleOf" in x:
            x6 = x["multipleOf"]
            if type(x6) not in _NUMBER:
                return False
            if x6 <= 0:
                return False
        if "maximum" in x:
            x7 = x["maximum"]
            if type(x7) not in _NUMBER:
                return False
        if "exclusiveMaximum" in x:
            x8 = x["exclusiveMaximum"]
            if type(x8) is not bool:
                return False
        if "minimum" in x:
            x9 = x["minimum"]
            if type(x9) not in _NUMBER:
                return False
        if "exclusiveMinimum" in x:
            x10 = x["exclusiveMinimum"]
            if type(x10) is not bool:
                return False
        if "maxLength" in x:
            x11 = x["maxLength"]
            if type(x11) is not int:
                return False
            if x11 < 0:
                return False
        if "minLength" in x:
            x12 = x["minLength"]
            if not _v2(x12):
                return False
        if "pattern" in x:
            x13 = x["pattern"]
            if type(x13) is not str:
                return False
        if "additionalItems" in x:
            x14 = x["additionalItems"]
            if not (_v3(x14) or _v1(x14)):
                return False
        if "items" in x:
            x15 = x["items"]
            if not (_v1(x15) or _v4(x15)):
                return False
        if "maxItems" in x:
            x16 = x["maxItems"]
            if type(x16) is not int:
                return False
            if x16 < 0:
                return False
        if "minItems" in x:
            x17 = x["minItems"]
            if not _v2(x17):
                return False
        if "uniqueItems" in x:
            x18 = x["uniqueItems"]
            if type(x18) is not bool:
                return False
        if "maxProperties" in x:
            x19 = x["maxProperties"]
            if type(x19) is not int:
                return False
            if x19 < 0:
                return False
        if "minProperties" in x:
            x20 = x["minProperties"]
            if not _v2(x20):
                return False
        if "required" in x:
            x21 = x["required"]
            if type(x21) is not list:
                return False
            if len(x21) < 1:
                return False
            if not _unique(x21):
                return False
            for x22 in x21:
                if type(x22) is not str:
                    return False
        if "additionalProperties" in x:
            x23 = x["additionalProperties"]
            if not (_v5(x23) or _v1(x23)):
                return False
        if "definitions" in x:
            x24 = x["definitions"]
            if type(x24) is not dict:
                return False
            for x25 in x24.values():
                if not _v1(x25):
                    return False
        if "properties" in x:
            x26 = x["properties"]
            if type(x26) is not dict:
                return False
            for x27 in x26.values():
                if not _v1(x27):
                    return False
        if "patternProperties" in x:
            x28 = x["patternProperties"]
            if type(x28) is not dict:
                return False
            for x29 in x28.values():
                if not _v1(x29):
                    return False
        if "dependencies" in x:
            x30 = x["dependencies"]
            if type(x30) is not dict:
                return False
            for x31 in x30.values():
                if not (_v1(x31) or _v6(x31)):
                    return False
        if "enum" in x:
            x32 = x["enum"]
            if type(x32) is not list:
                return False
            if len(x32) < 1:
                return False
            if not _unique(x32):
                return False
        if "type" in x:
            x33 = x["type"]
            if not (_v7(x33) or _v8(x33)):
                return False
        if "format" in x:
            x34 = x["format"]
            if type(x34) is not str:
                return False
        if "allOf" in x:
            x35 = x["allOf"]
            if not _v4(x35):
                return False
        if "anyOf" in x:
            x36 = x["anyOf"]
            if not _v4(x36):
                return False
        if "oneOf" in x:
            x37 = x["oneOf"]
            if not _v4(x37):
                return False
        if "not" in x:
            x38 = x["not"]
            if not _v1(x38):
                return False
        return True


def _e1(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) is not dict:
        yield _err(p, _S1, _show(x) + _M1)
    if type(x) is dict:
        if "exclusiveMaximum" in x:
            if "maximum" not in x:
                yield _err(p, _S2, _show("maximum") + _M2)
        if "exclusiveMinimum" in x:
            if "minimum" not in x:
                yield _err(p, _S2, _show("minimum") + _M3)
        if "id" in x:
            x39 = x["id"]
            if type(x39) is not str:
                yield _err((*p, "id"), _S3, _show(x39) + _M4)
        if "$schema" in x:
            x40 = x["$schema"]
            if type(x40) is not str:
                yield _err((*p, "$schema"), _S4, _show(x40) + _M4)
        if "title" in x:
            x41 = x["title"]
            if type(x41) is not str:
                yield _err((*p, "title"), _S5, _show(x41) + _M4)
        if "description" in x:
            x42 = x["description"]
            if type(x42) is not str:
                yield _err((*p, "description"), _S6, _show(x42) + _M4)
        if "multipleOf" in x:
            x44 = x["multipleOf"]
            if type(x44) not in _NUMBER:
                yield _err((*p, "multipleOf"), _S7, _show(x44) + _M5)
            if type(x44) in _NUMBER:
                if x44 <= 0:
                    yield _err((*p, "multipleOf"), _S8, _show(x44) + _M6)
        if "maximum" in x:
            x45 = x["maximum"]
            if type(x45) not in _NUMBER:
                yield _err((*p, "maximum"), _S9, _show(x45) + _M5)
        if "exclusiveMaximum" in x:
            x46 = x["exclusiveMaximum"]
            if type(x46) is not bool:
                yield _err((*p, "exclusiveMaximum"), _S10, _show(x46) + _M7)
        if "minimum" in x:
            x47 = x["minimum"]
            if type(x47) not in _NUMBER:
                yield _err((*p, "minimum"), _S11, _show(x47) + _M5)
        if "exclusiveMinimum" in x:
            x48 = x["exclusiveMinimum"]
            if type(x48) is not bool:
                yield _err((*p, "exclusiveMinimum"), _S12, _show(x48) + _M7)
        if "maxLength" in x:
            x49 = x["maxLength"]
            if type(x49) is not int:
                yield _err((*p, "maxLength"), _S13, _show(x49) + _M8)
            if type(x49) in _NUMBER:
                if x49 < 0:
                    yield _err((*p, "maxLength"), _S14, _show(x49) + _M9)
        if "minLength" in x:
            x50 = x["minLength"]
            if not _v2(x50):
                yield from _e2(x50, (*p, "minLength"))
        if "pattern" in x:
            x51 = x["pattern"]
            if type(x51) is not str:
                yield _err((*p, "pattern"), _S15, _show(x51) + _M4)
        if "additionalItems" in x:
            x52 = x["additionalItems"]
            if not (_v3(x52) or _v1(x52)):
                yield _err((*p, "additionalItems"), _S16, _show(x52) + _M10)
        if "items" in x:
            x53 = x["items"]
            if not (_v1(x53) or _v4(x53)):
                yield _err((*p, "items"), _S17, _show(x53) + _M10)
        if "maxItems" in x:
            x54 = x["maxItems"]
            if type(x54) is not int:
                yield _err((*p, "maxItems"), _S13, _show(x54) + _M8)
            if type(x54) in _NUMBER:
                if x54 < 0:
                    yield _err((*p, "maxItems"), _S14, _show(x54) + _M9)
        if "minItems" in x:
            x55 = x["minItems"]
            if not _v2(x55):
                yield from _e2(x55, (*p, "minItems"))
        if "uniqueItems" in x:
            x56 = x["uniqueItems"]
            if type(x56) is not bool:
                yield _err((*p, "uniqueItems"), _S18, _show(x56) + _M7)
        if "maxProperties" in x:
            x57 = x["maxProperties"]
            if type(x57) is not int:
                yield _err((*p, "maxProperties"), _S13, _show(x57) + _M8)
            if type(x57) in _NUMBER:
                if x57 < 0:
                    yield _err((*p, "maxProperties"), _S14, _show(x57) + _M9)
        if "minProperties" in x:
            x58 = x["minProperties"]
            if not _v2(x58):
                yield from _e2(x58, (*p, "minProperties"))
        if "required" in x:
            x59 = x["required"]
            if type(x59) is not list:
                yield _err((*p, "required"), _S19, _show(x59) + _M11)
            if type(x59) is list:
                if len(x59) < 1:
                    yield _err((*p, "required"), _S20, _show(x59) + _M12)
                if not _unique(x59):
                    yield _err((*p, "required"), _S21, _show(x59) + _M13)
                for i2, x60 in enumerate(x59):
                    if type(x60) is not str:
                        yield _err((*p, "required", i2), _S22, _show(x60) + _M4)
        if "additionalProperties" in x:
            x61 = x["additionalProperties"]
            if not (_v5(x61) or _v1(x61)):
                yield _err((*p, "additionalProperties"), _S23, _show(x61) + _M10)
        if "definitions" in x:
            x62 = x["definitions"]
            if type(x62) is not dict:
                yield _err((*p, "definitions"), _S24, _show(x62) + _M1)
            if type(x62) is dict:
                for k5, x63 in x62.items():
                    if not _v1(x63):
                        yield from _e1(x63, (*p, "definitions", k5))
        if "properties" in x:
            x64 = x["properties"]
            if type(x64) is not dict:
                yield _err((*p, "properties"), _S25, _show(x64) + _M1)
            if type(x64) is dict:
                for k6, x65 in x64.items():
                    if not _v1(x65):
                        yield from _e1(x65, (*p, "properties", k6))
        if "patternProperties" in x:
            x66 = x["patternProperties"]
            if type(x66) is not dict:
                yield _err((*p, "patternProperties"), _S26, _show(x66) + _M1)
            if type(x66) is dict:
                for k7, x67 in x66.items():
                    if not _v1(x67):
                        yield from _e1(x67, (*p, "patternProperties", k7))
        if "dependencies" in x:
            x68 = x["dependencies"]
            if type(x68) is not dict:
                yield _err((*p, "dependencies"), _S27, _show(x68) + _M1)
            if type(x68) is dict:
                for k8, x69 in x68.items():
                    if not (_v1(x69) or _v6(x69)):
                        yield _err((*p, "dependencies", k8), _S28, _show(x69) + _M10)
        if "enum" in x:
            x70 = x["enum"]
            if type(x70) is not list:
                yield _err((*p, "enum"), _S29, _show(x70) + _M11)
            if type(x70) is list:
                if len(x70) < 1:
                    yield _err((*p, "enum"), _S30, _show(x70) + _M12)
                if not _unique(x70):
                    yield _err((*p, "enum"), _S31, _show(x70) + _M13)
        if "type" in x:
            x71 = x["type"]
            if not (_v7(x71) or _v8(x71)):
                yield _err((*p, "type"), _S32, _show(x71) + _M10)
        if "format" in x:
            x72 = x["format"]
            if type(x72) is not str:
                yield _err((*p, "format"), _S33, _show(x72) + _M4)
        if "allOf" in x:
            x73 = x["allOf"]
            if not _v4(x73):
                yield from _e3(x73, (*p, "allOf"))
        if "anyOf" in x:
            x74 = x["anyOf"]
            if not _v4(x74):
                yield from _e3(x74, (*p, "anyOf"))
        if "oneOf" in x:
            x75 = x["oneOf"]
            if not _v4(x75):
                yield from _e3(x75, (*p, "oneOf"))
        if "not" in x:
            x76 = x["not"]
            if not _v1(x76):
                yield from _e1(x76, (*p, "not"))


def _v2(x: Any) -> bool:
    if type(x) is not int:
        return False
    if x < 0:
        return False
    return True


def _v3(x: Any) -> bool:
    if type(x) is not bool:
        return False
    return True


def _v4(x: Any) -> bool:
    if type(x) is not list:
        return False
    if len(x) < 1:
        return False
    for x77 in x:
        if not _v1(x77):
            return False
    return True


def _v5(x: Any) -> bool:
    if type(x) is not bool:
        return False
    return True


def _v6(x: Any) -> bool:
    if type(x) is not list:
        return False
    if len(x) < 1:
        return False
    if not _unique(x):
        return False
    for x78 in x:
        if type(x78) is not str:
            return False
    return True


def _v7(x: Any) -> bool:
    if type(x) is not str or x not in _F1:
        return False
    return True


def _v8(x: Any) -> bool:
    if type(x) is not list:
        return False
    if len(x) < 1:
        return False
    if not _unique(x):
        return False
    for x79 in x:
        if type(x79) is not str or x79 not in _F1:
            return False
    return True


def _e2(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) is not int:
        yield _err(p, _S13, _show(x) + _M8)
    if type(x) in _NUMBER:
        if x < 0:
            yield _err(p, _S14, _show(x) + _M9)


def _e3(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) is not list:
        yield _err(p, _S34, _show(x) + _M11)
    if type(x) is list:
        if len(x) < 1:
            yield _err(p, _S35, _show(x) + _M12)
        for i6, x80 in enumerate(x):
            if not _v1(x80):
                yield from _e1(x80, (*p, i6))


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
