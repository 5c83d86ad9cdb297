"""Validators of the metaschema http://json-schema.org/draft-06/schema
written by `python -m generator.metaschemas`; do not edit, rerun it.
sha256 of its JSON (keys sorted, no spaces):
07d8be64c0c0d2ad7fd68509ea28ba3e5243703655ff2e5a1970cfc6abc090ae

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
_S5: Final = _loc("type", "/properties/title/type")
_S6: Final = _loc("type", "/properties/description/type")
_S7: Final = _loc("type", "/properties/examples/type")
_M3: Final = " is not of type 'array'"
_S8: Final = _loc("type", "/properties/multipleOf/type")
_M4: Final = " is not of type 'number'"
_S9: Final = _loc("exclusiveMinimum", "/properties/multipleOf/exclusiveMinimum")
_M5: Final = " is less than or equal to 0"
_S10: Final = _loc("type", "/properties/maximum/type")
_S11: Final = _loc("type", "/properties/exclusiveMaximum/type")
_S12: Final = _loc("type", "/properties/minimum/type")
_S13: Final = _loc("type", "/properties/exclusiveMinimum/type")
_S14: Final = _loc("type", "/definitions/nonNegativeInteger/type")
_M6: Final = " is not of type 'integer'"
_S15: Final = _loc("minimum", "/definitions/nonNegativeInteger/minimum")
_M7: Final = " is less than 0"
_S16: Final = _loc("type", "/properties/pattern/type")
_S17: Final = _loc("anyOf", "/properties/items/anyOf")
_M8: Final = " is not valid under any of the given schemas"
_S18: Final = _loc("type", "/properties/uniqueItems/type")
_M9: Final = " is not of type 'boolean'"
_S19: Final = _loc("type", "/definitions/stringArray/type")
_S20: Final = _loc("uniqueItems", "/definitions/stringArray/uniqueItems")
_M10: Final = " has non-unique elements"
_S21: Final = _loc("type", "/definitions/stringArray/items/type")
_S22: Final = _loc("type", "/properties/definitions/type")
_M11: Final = " is not of type 'object'"
_S23: Final = _loc("type", "/properties/properties/type")
_S24: Final = _loc("type", "/properties/patternProperties/type")
_S25: Final = _loc("type", "/properties/dependencies/type")
_S26: Final = _loc("anyOf", "/properties/dependencies/additionalProperties/anyOf")
_S27: Final = _loc("type", "/properties/enum/type")
_S28: Final = _loc("anyOf", "/properties/type/anyOf")
_S29: Final = _loc("type", "/properties/format/type")
_F1: Final = _frozen('["array", "boolean", "integer", "null", "number", "object", "string"]')
_S30: Final = _loc("type", "/definitions/schemaArray/type")
_S31: Final = _loc("minItems", "/definitions/schemaArray/minItems")
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
            if n1 and "title" in x:
                n1 -= 1
                x4 = x["title"]
                if type(x4) is not str:
                    return False
            if n1 and "description" in x:
                n1 -= 1
                x5 = x["description"]
                if type(x5) is not str:
                    return False
            if n1 and "examples" in x:
                n1 -= 1
                x7 = x["examples"]
                if type(x7) is not list:
                    return False
            if n1 and "multipleOf" in x:
                n1 -= 1
                x9 = x["multipleOf"]
                if type(x9) not in _NUMBER:
                    return False
                if x9 <= 0:
                    return False
            if n1 and "maximum" in x:
                n1 -= 1
                x10 = x["maximum"]
                if type(x10) not in _NUMBER:
                    return False
            if n1 and "exclusiveMaximum" in x:
                n1 -= 1
                x11 = x["exclusiveMaximum"]
                if type(x11) not in _NUMBER:
                    return False
            if n1 and "minimum" in x:
                n1 -= 1
                x12 = x["minimum"]
                if type(x12) not in _NUMBER:
                    return False
            if n1 and "exclusiveMinimum" in x:
                n1 -= 1
                x13 = x["exclusiveMinimum"]
                if type(x13) not in _NUMBER:
                    return False
            if n1 and "maxLength" in x:
                n1 -= 1
                x14 = x["maxLength"]
                if type(x14) is not int and not _intf(x14):
                    return False
                if x14 < 0:
                    return False
            if n1 and "minLength" in x:
                n1 -= 1
                x15 = x["minLength"]
                if not _v2(x15):
                    return False
            if n1 and "pattern" in x:
                n1 -= 1
                x16 = x["pattern"]
                if type(x16) is not str:
                    return False
            if n1 and "additionalItems" in x:
                n1 -= 1
                x17 = x["additionalItems"]
                if not _v1(x17):
                    return False
            if n1 and "items" in x:
                n1 -= 1
                x18 = x["items"]
                if not (_v1(x18) or _v3(x18)):
                    return False
            if n1 and "maxItems" in x:
                n1 -= 1
                x19 = x["maxItems"]
                if type(x19) is not int and not _intf(x19):
                    return False
                if x19 < 0:
                    return False
            if n1 and "minItems" in x:
                n1 -= 1
                x20 = x["minItems"]
                if not _v2(x20):
                    return False
            if n1 and "uniqueItems" in x:
                n1 -= 1
                x21 = x["uniqueItems"]
                if type(x21) is not bool:
                    return False
            if n1 and "contains" in x:
                n1 -= 1
                x22 = x["contains"]
                if not _v1(x22):
                    return False
            if n1 and "maxProperties" in x:
                n1 -= 1
                x23 = x["maxProperties"]
                if type(x23) is not int and not _intf(x23):
                    return False
                if x23 < 0:
                    return False
            if n1 and "minProperties" in x:
                n1 -= 1
                x24 = x["minProperties"]
                if not _v2(x24):
                    return False
            if n1 and "required" in x:
                n1 -= 1
                x25 = x["required"]
                if type(x25) is not list:
                    return False
                if not _unique(x25):
                    return False
                for x26 in x25:
                    if type(x26) is not str:
                        return False
            if n1 and "additionalProperties" in x:
                n1 -= 1
                x27 = x["additionalProperties"]
                if not _v1(x27):
                    return False
            if n1 and "definitions" in x:
                n1 -= 1
                x28 = x["definitions"]
                if type(x28) is not dict:
                    return False
                for x29 in x28.values():
                    if not _v1(x29):
                        return False
            if n1 and "properties" in x:
                n1 -= 1
                x30 = x["properties"]
                if type(x30) is not dict:
                    return False
                for x31 in x30.values():
                    if not _v1(x31):
                        return False
            if n1 and "patternProperties" in x:
                n1 -= 1
                x32 = x["patternProperties"]
                if type(x32) is not dict:
                    return False
                for x33 in x32.values():
                    if not _v1(x33):
                        return False
            if n1 and "dependencies" in x:
                n1 -= 1
                x34 = x["dependencies"]
                if type(x34) is not dict:
                    return False
                for x35 in x34.values():
                    if not (_v1(x35) or _v4(x35)):
                        return False
            if n1 and "propertyNames" in x:
                n1 -= 1
                x36 = x["propertyNames"]
                if not _v1(x36):
                    return False
            if n1 and "enum" in x:
                n1 -= 1
                x38 = x["enum"]
                if type(x38) is not list:
                    return False
            if n1 and "type" in x:
                n1 -= 1
                x39 = x["type"]
                if not (_v5(x39) or _v6(x39)):
                    return False
            if n1 and "format" in x:
                n1 -= 1
                x40 = x["format"]
                if type(x40) is not str:
                    return False
            if n1 and "allOf" in x:
                n1 -= 1
                x41 = x["allOf"]
                if not _v3(x41):
                    return False
            if n1 and "anyOf" in x:
                n1 -= 1
                x42 = x["anyOf"]
                if not _v3(x42):
                    return False
            if n1 and "oneOf" in x:
                n1 -= 1
                x43 = x["oneOf"]
                if not _v3(x43):
                    return False
            if n1 and "not" in x:
                x44 = x["not"]
                if not _v1(x44):
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
            if "title" in x:
                x4 = x["title"]
                if type(x4) is not str:
                    return False
            if "description" in x:
                x5 = x["description"]
                if type(x5) is not str:
                    return False
            if "examples" in x:
                x7 = x["examples"]
                if type(x7) is not list:
                    return False
            if "multipleOf" in x:
                x9 = x["multipleOf"]
                if type(x9) not in _NUMBER:
                    return False
                if x9 <= 0:
                    return False
            if "maximum" in x:
                x10 = x["maximum"]
                if type(x10) not in _NUMBER:
                    return False
            if "exclusiveMaximum" in x:
                x11 = x["exclusiveMaximum"]
                if type(x11) not in _NUMBER:
                    return False
            if "minimum" in x:
                x12 = x["minimum"]
                if type(x12) not in _NUMBER:
                    return False
            if "exclusiveMinimum" in x:
                x13 = x["exclusiveMinimum"]
                if type(x13) not in _NUMBER:
                    return False
            if "maxLength" in x:
                x14 = x["maxLength"]
                if type(x14) is not int and not _intf(x14):
                    return False
                if x14 < 0:
                    return False
            if "minLength" in x:
                x15 = x["minLength"]
                if not _v2(x15):
                    return False
            if "pattern" in x:
                x16 = x["pattern"]
                if type(x16) is not str:
                    return False
            if "additionalItems" in x:
                x17 = x["additionalItems"]
                if not _v1(x17):
                    return False
            if "items" in x:
                x18 = x["items"]
                if not (_v1(x18) or _v3(x18)):
                    return False
            if "maxItems" in x:
                x19 = x["maxItems"]
                if type(x19) is not int and not _intf(x19):
                    return False
                if x19 < 0:
                    return False
            if "minItems" in x:
                x20 = x["minItems"]
                if not _v2(x20):
                    return False
            if "uniqueItems" in x:
                x21 = x["uniqueItems"]
                if type(x21) is not bool:
                    return False
            if "contains" in x:
                x22 = x["contains"]
                if not _v1(x22):
                    return False
            if "maxProperties" in x:
                x23 = x["maxProperties"]
                if type(x23) is not int and not _intf(x23):
                    return False
                if x23 < 0:
                    return False
            if "minProperties" in x:
                x24 = x["minProperties"]
                if not _v2(x24):
                    return False
            if "required" in x:
                x25 = x["required"]
                if type(x25) is not list:
                    return False
                if not _unique(x25):
                    return False
                for x26 in x25:
                    if type(x26) is not str:
                        return False
            if "additionalProperties" in x:
                x27 = x["additionalProperties"]
                if not _v1(x27):
                    return False
            if "definitions" in x:
                x28 = x["definitions"]
                if type(x28) is not dict:
                    return False
                for x29 in x28.values():
                    if not _v1(x29):
                        return False
            if "properties" in x:
                x30 = x["properties"]
                if type(x30) is not dict:
                    return False
                for x31 in x30.values():
                    if not _v1(x31):
                        return False
            if "patternProperties" in x:
                x32 = x["patternProperties"]
                if type(x32) is not dict:
                    return False
                for x33 in x32.values():
                    if not _v1(x33):
                        return False
            if "dependencies" in x:
                x34 = x["dependencies"]
                if type(x34) is not dict:
                    return False
                for x35 in x34.values():
                    if not (_v1(x35) or _v4(x35)):
                        return False
            if "propertyNames" in x:
                x36 = x["propertyNames"]
                if not _v1(x36):
                    return False
            if "enum" in x:
                x38 = x["enum"]
                if type(x38) is not list:
                    return False
            if "type" in x:
                x39 = x["type"]
                if not (_v5(x39) or _v6(x39)):
                    return False
            if "format" in x:
                x40 = x["format"]
                if type(x40) is not str:
                    return False
            if "allOf" in x:
                x41 = x["allOf"]
                if not _v3(x41):
                    return False
            if "anyOf" in x:
                x42 = x["anyOf"]
                if not _v3(x42):
                    return False
            if "oneOf" in x:
                x43 = x["oneOf"]
                if not _v3(x43):
                    return False
            if "not" in x:
                x44 = x["not"]
                if not _v1(x44):
                    return False
        return True


def _e1(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S1, _show(x) + _M1)
    if type(x) is dict:
        if "$id" in x:
            x45 = x["$id"]
            if type(x45) is not str:
                yield _err((*p, "$id"), _S2, _show(x45) + _M2)
        if "$schema" in x:
            x46 = x["$schema"]
            if type(x46) is not str:
                yield _err((*p, "$schema"), _S3, _show(x46) + _M2)
        if "$ref" in x:
            x47 = x["$ref"]
            if type(x47) is not str:
                yield _err((*p, "$ref"), _S4, _show(x47) + _M2)
        if "title" in x:
            x48 = x["title"]
            if type(x48) is not str:
                yield _err((*p, "title"), _S5, _show(x48) + _M2)
        if "description" in x:
            x49 = x["description"]
            if type(x49) is not str:
                yield _err((*p, "description"), _S6, _show(x49) + _M2)
        if "examples" in x:
            x51 = x["examples"]
            if type(x51) is not list:
                yield _err((*p, "examples"), _S7, _show(x51) + _M3)
        if "multipleOf" in x:
            x53 = x["multipleOf"]
            if type(x53) not in _NUMBER:
                yield _err((*p, "multipleOf"), _S8, _show(x53) + _M4)
            if type(x53) in _NUMBER:
                if x53 <= 0:
                    yield _err((*p, "multipleOf"), _S9, _show(x53) + _M5)
        if "maximum" in x:
            x54 = x["maximum"]
            if type(x54) not in _NUMBER:
                yield _err((*p, "maximum"), _S10, _show(x54) + _M4)
        if "exclusiveMaximum" in x:
            x55 = x["exclusiveMaximum"]
            if type(x55) not in _NUMBER:
                yield _err((*p, "exclusiveMaximum"), _S11, _show(x55) + _M4)
        if "minimum" in x:
            x56 = x["minimum"]
            if type(x56) not in _NUMBER:
                yield _err((*p, "minimum"), _S12, _show(x56) + _M4)
        if "exclusiveMinimum" in x:
            x57 = x["exclusiveMinimum"]
            if type(x57) not in _NUMBER:
                yield _err((*p, "exclusiveMinimum"), _S13, _show(x57) + _M4)
        if "maxLength" in x:
            x58 = x["maxLength"]
            if type(x58) is not int and not _intf(x58):
                yield _err((*p, "maxLength"), _S14, _show(x58) + _M6)
            if type(x58) in _NUMBER:
                if x58 < 0:
                    yield _err((*p, "maxLength"), _S15, _show(x58) + _M7)
        if "minLength" in x:
            x59 = x["minLength"]
            if not _v2(x59):
                yield from _e2(x59, (*p, "minLength"))
        if "pattern" in x:
            x60 = x["pattern"]
            if type(x60) is not str:
                yield _err((*p, "pattern"), _S16, _show(x60) + _M2)
        if "additionalItems" in x:
            x61 = x["additionalItems"]
            if not _v1(x61):
                yield from _e1(x61, (*p, "additionalItems"))
        if "items" in x:
            x62 = x["items"]
            if not (_v1(x62) or _v3(x62)):
                yield _err((*p, "items"), _S17, _show(x62) + _M8)
        if "maxItems" in x:
            x63 = x["maxItems"]
            if type(x63) is not int and not _intf(x63):
                yield _err((*p, "maxItems"), _S14, _show(x63) + _M6)
            if type(x63) in _NUMBER:
                if x63 < 0:
                    yield _err((*p, "maxItems"), _S15, _show(x63) + _M7)
        if "minItems" in x:
            x64 = x["minItems"]
            if not _v2(x64):
                yield from _e2(x64, (*p, "minItems"))
        if "uniqueItems" in x:
            x65 = x["uniqueItems"]
            if type(x65) is not bool:
                yield _err((*p, "uniqueItems"), _S18, _show(x65) + _M9)
        if "contains" in x:
            x66 = x["contains"]
            if not _v1(x66):
                yield from _e1(x66, (*p, "contains"))
        if "maxProperties" in x:
            x67 = x["maxProperties"]
            if type(x67) is not int and not _intf(x67):
                yield _err((*p, "maxProperties"), _S14, _show(x67) + _M6)
            if type(x67) in _NUMBER:
                if x67 < 0:
                    yield _err((*p, "maxProperties"), _S15, _show(x67) + _M7)
        if "minProperties" in x:
            x68 = x["minProperties"]
            if not _v2(x68):
                yield from _e2(x68, (*p, "minProperties"))
        if "required" in x:
            x69 = x["required"]
            if type(x69) is not list:
                yield _err((*p, "required"), _S19, _show(x69) + _M3)
            if type(x69) is list:
                if not _unique(x69):
                    yield _err((*p, "required"), _S20, _show(x69) + _M10)
                for i4, x70 in enumerate(x69):
                    if type(x70) is not str:
                        yield _err((*p, "required", i4), _S21, _show(x70) + _M2)
        if "additionalProperties" in x:
            x71 = x["additionalProperties"]
            if not _v1(x71):
                yield from _e1(x71, (*p, "additionalProperties"))
        if "definitions" in x:
            x72 = x["definitions"]
            if type(x72) is not dict:
                yield _err((*p, "definitions"), _S22, _show(x72) + _M11)
            if type(x72) is dict:
                for k6, x73 in x72.items():
                    if not _v1(x73):
                        yield from _e1(x73, (*p, "definitions", k6))
        if "properties" in x:
            x74 = x["properties"]
            if type(x74) is not dict:
                yield _err((*p, "properties"), _S23, _show(x74) + _M11)
            if type(x74) is dict:
                for k7, x75 in x74.items():
                    if not _v1(x75):
                        yield from _e1(x75, (*p, "properties", k7))
        if "patternProperties" in x:
            x76 = x["patternProperties"]
            if type(x76) is not dict:
                yield _err((*p, "patternProperties"), _S24, _show(x76) + _M11)
            if type(x76) is dict:
                for k9, x77 in x76.items():
                    if not _v1(x77):
                        yield from _e1(x77, (*p, "patternProperties", k9))
        if "dependencies" in x:
            x78 = x["dependencies"]
            if type(x78) is not dict:
                yield _err((*p, "dependencies"), _S25, _show(x78) + _M11)
            if type(x78) is dict:
                for k10, x79 in x78.items():
                    if not (_v1(x79) or _v4(x79)):
                        yield _err((*p, "dependencies", k10), _S26, _show(x79) + _M8)
        if "propertyNames" in x:
            x80 = x["propertyNames"]
            if not _v1(x80):
                yield from _e1(x80, (*p, "propertyNames"))
        if "enum" in x:
            x82 = x["enum"]
            if type(x82) is not list:
                yield _err((*p, "enum"), _S27, _show(x82) + _M3)
        if "type" in x:
            x83 = x["type"]
            if not (_v5(x83) or _v6(x83)):
                yield _err((*p, "type"), _S28, _show(x83) + _M8)
        if "format" in x:
            x84 = x["format"]
            if type(x84) is not str:
                yield _err((*p, "format"), _S29, _show(x84) + _M2)
        if "allOf" in x:
            x85 = x["allOf"]
            if not _v3(x85):
                yield from _e3(x85, (*p, "allOf"))
        if "anyOf" in x:
            x86 = x["anyOf"]
            if not _v3(x86):
                yield from _e3(x86, (*p, "anyOf"))
        if "oneOf" in x:
            x87 = x["oneOf"]
            if not _v3(x87):
                yield from _e3(x87, (*p, "oneOf"))
        if "not" in x:
            x88 = x["not"]
            if not _v1(x88):
                yield from _e1(x88, (*p, "not"))


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
    for x89 in x:
        if not _v1(x89):
            return False
    return True


def _v4(x: Any) -> bool:
    if type(x) is not list:
        return False
    if not _unique(x):
        return False
    for x90 in x:
        if type(x90) is not str:
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
    for x91 in x:
        if type(x91) is not str or x91 not in _F1:
            return False
    return True


def _e2(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) is not int and not _intf(x):
        yield _err(p, _S14, _show(x) + _M6)
    if type(x) in _NUMBER:
        if x < 0:
            yield _err(p, _S15, _show(x) + _M7)


def _e3(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) is not list:
        yield _err(p, _S30, _show(x) + _M3)
    if type(x) is list:
        if len(x) < 1:
            yield _err(p, _S31, _show(x) + _M12)
        for i8, x92 in enumerate(x):
            if not _v1(x92):
                yield from _e1(x92, (*p, i8))


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
