"""Validators of the metaschema https://json-schema.org/draft/2020-12/schema
written by `python -m generator.metaschemas`; do not edit, rerun it.
sha256 of its JSON (keys sorted, no spaces):
c1cacf82bea665da4dbaf58eb341b7af39420d4c9248a012aba3436ef1f802bb

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


_Y1: Final = (dict, bool)
_P1: Final = _re_compile("^[A-Za-z_][-A-Za-z0-9._]*\\Z")
_S1: Final = _loc("type", "/type")
_M1: Final = " is not of type 'object', 'boolean'"
_S2: Final = _loc("type", "/properties/definitions/type")
_M2: Final = " is not of type 'object'"
_S3: Final = _loc("type", "/properties/dependencies/type")
_S4: Final = _loc("anyOf", "/properties/dependencies/additionalProperties/anyOf")
_M3: Final = " is not valid under any of the given schemas"
_M4: Final = "https://json-schema.org/draft/2020-12/meta/core#/$defs"
_R1: Final = _M4
_M5: Final = "/anchorString/type"
_R2: Final = _R1 + _M5
_S5: Final = _loc("type", _R2)
_M6: Final = " is not of type 'string'"
_M7: Final = "/anchorString/pattern"
_R3: Final = _R1 + _M7
_S6: Final = _loc("pattern", _R3)
_M8: Final = " does not match '^[A-Za-z_][-A-Za-z0-9._]*$'"
_M9: Final = "/uriReferenceString/type"
_R4: Final = _R1 + _M9
_S7: Final = _loc("type", _R4)
_P2: Final = _re_compile("^[^#]*#?\\Z")
_S8: Final = _loc("type", "https://json-schema.org/draft/2020-12/meta/core#/type")
_M10: Final = "https://json-schema.org/draft/2020-12/meta/core#/properties"
_R5: Final = _M10
_M11: Final = "/$id/pattern"
_R6: Final = _R5 + _M11
_S9: Final = _loc("pattern", _R6)
_M12: Final = " does not match '^[^#]*#?$'"
_M13: Final = "/uriString/type"
_R7: Final = _R1 + _M13
_S10: Final = _loc("type", _R7)
_M14: Final = "/$vocabulary/type"
_R8: Final = _R5 + _M14
_S11: Final = _loc("type", _R8)
_M15: Final = "/$vocabulary/additionalProperties/type"
_R9: Final = _R5 + _M15
_S12: Final = _loc("type", _R9)
_M16: Final = " is not of type 'boolean'"
_M17: Final = "/$comment/type"
_R10: Final = _R5 + _M17
_S13: Final = _loc("type", _R10)
_M18: Final = "/$defs/type"
_R11: Final = _R5 + _M18
_S14: Final = _loc("type", _R11)
_S15: Final = _loc("type", "https://json-schema.org/draft/2020-12/meta/applicator#/type")
_M19: Final = "https://json-schema.org/draft/2020-12/meta/applicator#"
_R12: Final = _M19
_M20: Final = "/properties/properties/type"
_R13: Final = _R12 + _M20
_S16: Final = _loc("type", _R13)
_M21: Final = "/properties/patternProperties/type"
_R14: Final = _R12 + _M21
_S17: Final = _loc("type", _R14)
_M22: Final = "/properties/dependentSchemas/type"
_R15: Final = _R12 + _M22
_S18: Final = _loc("type", _R15)
_S19: Final = _loc("type", "https://json-schema.org/draft/2020-12/meta/unevaluated#/type")
_S20: Final = _loc("type", "https://json-schema.org/draft/2020-12/meta/validation#/type")
_M23: Final = "https://json-schema.org/draft/2020-12/meta/validation#"
_R16: Final = _M23
_M24: Final = "/properties/type/anyOf"
_R17: Final = _R16 + _M24
_S21: Final = _loc("anyOf", _R17)
_M25: Final = "/properties/enum/type"
_R18: Final = _R16 + _M25
_S22: Final = _loc("type", _R18)
_M26: Final = " is not of type 'array'"
_M27: Final = "/properties/multipleOf/type"
_R19: Final = _R16 + _M27
_S23: Final = _loc("type", _R19)
_M28: Final = " is not of type 'number'"
_M29: Final = "/properties/multipleOf/exclusiveMinimum"
_R20: Final = _R16 + _M29
_S24: Final = _loc("exclusiveMinimum", _R20)
_M30: Final = " is less than or equal to 0"
_M31: Final = "/properties/maximum/type"
_R21: Final = _R16 + _M31
_S25: Final = _loc("type", _R21)
_M32: Final = "/properties/exclusiveMaximum/type"
_R22: Final = _R16 + _M32
_S26: Final = _loc("type", _R22)
_M33: Final = "/properties/minimum/type"
_R23: Final = _R16 + _M33
_S27: Final = _loc("type", _R23)
_M34: Final = "/properties/exclusiveMinimum/type"
_R24: Final = _R16 + _M34
_S28: Final = _loc("type", _R24)
_M35: Final = "/$defs/nonNegativeInteger/type"
_R25: Final = _R16 + _M35
_S29: Final = _loc("type", _R25)
_M36: Final = " is not of type 'integer'"
_M37: Final = "/$defs/nonNegativeInteger/minimum"
_R26: Final = _R16 + _M37
_S30: Final = _loc("minimum", _R26)
_M38: Final = " is less than 0"
_M39: Final = "/properties/pattern/type"
_R27: Final = _R16 + _M39
_S31: Final = _loc("type", _R27)
_M40: Final = "/properties/uniqueItems/type"
_R28: Final = _R16 + _M40
_S32: Final = _loc("type", _R28)
_M41: Final = "/$defs/stringArray/type"
_R29: Final = _R16 + _M41
_S33: Final = _loc("type", _R29)
_M42: Final = "/$defs/stringArray/uniqueItems"
_R30: Final = _R16 + _M42
_S34: Final = _loc("uniqueItems", _R30)
_M43: Final = " has non-unique elements"
_M44: Final = "/$defs/stringArray/items/type"
_R31: Final = _R16 + _M44
_S35: Final = _loc("type", _R31)
_M45: Final = "/properties/dependentRequired/type"
_R32: Final = _R16 + _M45
_S36: Final = _loc("type", _R32)
_S37: Final = _loc("type", "https://json-schema.org/draft/2020-12/meta/meta-data#/type")
_M46: Final = "https://json-schema.org/draft/2020-12/meta/meta-data#"
_R33: Final = _M46
_M47: Final = "/properties/title/type"
_R34: Final = _R33 + _M47
_S38: Final = _loc("type", _R34)
_M48: Final = "/properties/description/type"
_R35: Final = _R33 + _M48
_S39: Final = _loc("type", _R35)
_M49: Final = "/properties/deprecated/type"
_R36: Final = _R33 + _M49
_S40: Final = _loc("type", _R36)
_M50: Final = "/properties/readOnly/type"
_R37: Final = _R33 + _M50
_S41: Final = _loc("type", _R37)
_M51: Final = "/properties/writeOnly/type"
_R38: Final = _R33 + _M51
_S42: Final = _loc("type", _R38)
_M52: Final = "/properties/examples/type"
_R39: Final = _R33 + _M52
_S43: Final = _loc("type", _R39)
_M53: Final = "https://json-schema.org/draft/2020-12/meta"
_R40: Final = _M53
_M54: Final = "/format-annotation#/type"
_R41: Final = _R40 + _M54
_S44: Final = _loc("type", _R41)
_M55: Final = "/format-annotation#/properties/format/type"
_R42: Final = _R40 + _M55
_S45: Final = _loc("type", _R42)
_S46: Final = _loc("type", "https://json-schema.org/draft/2020-12/meta/content#/type")
_M56: Final = "https://json-schema.org/draft/2020-12/meta/content#"
_R43: Final = _M56
_M57: Final = "/properties/contentEncoding/type"
_R44: Final = _R43 + _M57
_S47: Final = _loc("type", _R44)
_M58: Final = "/properties/contentMediaType/type"
_R45: Final = _R43 + _M58
_S48: Final = _loc("type", _R45)
_F1: Final = _frozen('["array", "boolean", "integer", "null", "number", "object", "string"]')
_M59: Final = "/$defs/schemaArray/type"
_R46: Final = _R12 + _M59
_S49: Final = _loc("type", _R46)
_M60: Final = "/$defs/schemaArray/minItems"
_R47: Final = _R12 + _M60
_S50: Final = _loc("minItems", _R47)
_M61: Final = " has fewer than 1 items"


def _v1(x: Any) -> bool:
    if type(x) not in _Y1:
        return False
    if not _v2(x):
        return False
    if not _v3(x):
        return False
    if not _v4(x):
        return False
    if not _v5(x):
        return False
    if not _v6(x):
        return False
    if not _v7(x):
        return False
    if not _v8(x):
        return False
    if type(x) is dict:
        if "definitions" in x:
            x1 = x["definitions"]
            if type(x1) is not dict:
                return False
            for x2 in x1.values():
                if not _v1(x2):
                    return False
        if "dependencies" in x:
            x3 = x["dependencies"]
            if type(x3) is not dict:
                return False
            for x4 in x3.values():
                if not (_v9(x4) or _v10(x4)):
                    return False
        if "$recursiveAnchor" in x:
            x5 = x["$recursiveAnchor"]
            if type(x5) is not str:
                return False
            if _P1.search(x5) is None:
                return False
        if "$recursiveRef" in x:
            x6 = x["$recursiveRef"]
            if type(x6) is not str:
                return False
    return True


def _e1(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S1, _show(x) + _M1)
    if not _v2(x):
        yield from _e2(x, p)
    if not _v3(x):
        yield from _e3(x, p)
    if not _v4(x):
        yield from _e4(x, p)
    if not _v5(x):
        yield from _e5(x, p)
    if not _v6(x):
        yield from _e6(x, p)
    if not _v7(x):
        yield from _e7(x, p)
    if not _v8(x):
        yield from _e8(x, p)
    if type(x) is dict:
        if "definitions" in x:
            x7 = x["definitions"]
            if type(x7) is not dict:
                yield _err((*p, "definitions"), _S2, _show(x7) + _M2)
            if type(x7) is dict:
                for k3, x8 in x7.items():
                    if not _v1(x8):
                        yield from _e1(x8, (*p, "definitions", k3))
        if "dependencies" in x:
            x9 = x["dependencies"]
            if type(x9) is not dict:
                yield _err((*p, "dependencies"), _S3, _show(x9) + _M2)
            if type(x9) is dict:
                for k4, x10 in x9.items():
                    if not (_v9(x10) or _v10(x10)):
                        yield _err((*p, "dependencies", k4), _S4, _show(x10) + _M3)
        if "$recursiveAnchor" in x:
            x11 = x["$recursiveAnchor"]
            if type(x11) is not str:
                yield _err((*p, "$recursiveAnchor"), _S5, _show(x11) + _M6)
            if type(x11) is str:
                if _P1.search(x11) is None:
                    yield _err((*p, "$recursiveAnchor"), _S6, _show(x11) + _M8)
        if "$recursiveRef" in x:
            x12 = x["$recursiveRef"]
            if type(x12) is not str:
                yield _err((*p, "$recursiveRef"), _S7, _show(x12) + _M6)


if _NATIVE:

    def _v2(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            n1 = len(x)
            if n1 and "$id" in x:
                n1 -= 1
                x13 = x["$id"]
                if type(x13) is not str:
                    return False
                if type(x13) is str:
                    if _P2.search(x13) is None:
                        return False
            if n1 and "$schema" in x:
                n1 -= 1
                x14 = x["$schema"]
                if type(x14) is not str:
                    return False
            if n1 and "$ref" in x:
                n1 -= 1
                x15 = x["$ref"]
                if type(x15) is not str:
                    return False
            if n1 and "$anchor" in x:
                n1 -= 1
                x16 = x["$anchor"]
                if type(x16) is not str:
                    return False
                if _P1.search(x16) is None:
                    return False
            if n1 and "$dynamicRef" in x:
                n1 -= 1
                x17 = x["$dynamicRef"]
                if type(x17) is not str:
                    return False
            if n1 and "$dynamicAnchor" in x:
                n1 -= 1
                x18 = x["$dynamicAnchor"]
                if type(x18) is not str:
                    return False
                if _P1.search(x18) is None:
                    return False
            if n1 and "$vocabulary" in x:
                n1 -= 1
                x19 = x["$vocabulary"]
                if type(x19) is not dict:
                    return False
                for k5 in x19:
                    if type(k5) is not str:
                        return False
                for x20 in x19.values():
                    if type(x20) is not bool:
                        return False
            if n1 and "$comment" in x:
                n1 -= 1
                x21 = x["$comment"]
                if type(x21) is not str:
                    return False
            if n1 and "$defs" in x:
                x22 = x["$defs"]
                if type(x22) is not dict:
                    return False
                for x23 in x22.values():
                    if not _v1(x23):
                        return False
        return True
else:

    def _v2(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            if "$id" in x:
                x13 = x["$id"]
                if type(x13) is not str:
                    return False
                if type(x13) is str:
                    if _P2.search(x13) is None:
                        return False
            if "$schema" in x:
                x14 = x["$schema"]
                if type(x14) is not str:
                    return False
            if "$ref" in x:
                x15 = x["$ref"]
                if type(x15) is not str:
                    return False
            if "$anchor" in x:
                x16 = x["$anchor"]
                if type(x16) is not str:
                    return False
                if _P1.search(x16) is None:
                    return False
            if "$dynamicRef" in x:
                x17 = x["$dynamicRef"]
                if type(x17) is not str:
                    return False
            if "$dynamicAnchor" in x:
                x18 = x["$dynamicAnchor"]
                if type(x18) is not str:
                    return False
                if _P1.search(x18) is None:
                    return False
            if "$vocabulary" in x:
                x19 = x["$vocabulary"]
                if type(x19) is not dict:
                    return False
                for k5 in x19:
                    if type(k5) is not str:
                        return False
                for x20 in x19.values():
                    if type(x20) is not bool:
                        return False
            if "$comment" in x:
                x21 = x["$comment"]
                if type(x21) is not str:
                    return False
            if "$defs" in x:
                x22 = x["$defs"]
                if type(x22) is not dict:
                    return False
                for x23 in x22.values():
                    if not _v1(x23):
                        return False
        return True


if _NATIVE:

    def _v3(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            n2 = len(x)
            if n2 and "prefixItems" in x:
                n2 -= 1
                x24 = x["prefixItems"]
                if not _v11(x24):
                    return False
            if n2 and "items" in x:
                n2 -= 1
                x25 = x["items"]
                if not _v1(x25):
                    return False
            if n2 and "contains" in x:
                n2 -= 1
                x26 = x["contains"]
                if not _v1(x26):
                    return False
            if n2 and "additionalProperties" in x:
                n2 -= 1
                x27 = x["additionalProperties"]
                if not _v1(x27):
                    return False
            if n2 and "properties" in x:
                n2 -= 1
                x28 = x["properties"]
                if type(x28) is not dict:
                    return False
                for x29 in x28.values():
                    if not _v1(x29):
                        return False
            if n2 and "patternProperties" in x:
                n2 -= 1
                x30 = x["patternProperties"]
                if type(x30) is not dict:
                    return False
                for x31 in x30.values():
                    if not _v1(x31):
                        return False
            if n2 and "dependentSchemas" in x:
                n2 -= 1
                x32 = x["dependentSchemas"]
                if type(x32) is not dict:
                    return False
                for x33 in x32.values():
                    if not _v1(x33):
                        return False
            if n2 and "propertyNames" in x:
                n2 -= 1
                x34 = x["propertyNames"]
                if not _v1(x34):
                    return False
            if n2 and "if" in x:
                n2 -= 1
                x35 = x["if"]
                if not _v1(x35):
                    return False
            if n2 and "then" in x:
                n2 -= 1
                x36 = x["then"]
                if not _v1(x36):
                    return False
            if n2 and "else" in x:
                n2 -= 1
                x37 = x["else"]
                if not _v1(x37):
                    return False
            if n2 and "allOf" in x:
                n2 -= 1
                x38 = x["allOf"]
                if not _v11(x38):
                    return False
            if n2 and "anyOf" in x:
                n2 -= 1
                x39 = x["anyOf"]
                if not _v11(x39):
                    return False
            if n2 and "oneOf" in x:
                n2 -= 1
                x40 = x["oneOf"]
                if not _v11(x40):
                    return False
            if n2 and "not" in x:
                x41 = x["not"]
                if not _v1(x41):
                    return False
        return True
else:

    def _v3(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            if "prefixItems" in x:
                x24 = x["prefixItems"]
                if not _v11(x24):
                    return False
            if "items" in x:
                x25 = x["items"]
                if not _v1(x25):
                    return False
            if "contains" in x:
                x26 = x["contains"]
                if not _v1(x26):
                    return False
            if "additionalProperties" in x:
                x27 = x["additionalProperties"]
                if not _v1(x27):
                    return False
            if "properties" in x:
                x28 = x["properties"]
                if type(x28) is not dict:
                    return False
                for x29 in x28.values():
                    if not _v1(x29):
                        return False
            if "patternProperties" in x:
                x30 = x["patternProperties"]
                if type(x30) is not dict:
                    return False
                for x31 in x30.values():
                    if not _v1(x31):
                        return False
            if "dependentSchemas" in x:
                x32 = x["dependentSchemas"]
                if type(x32) is not dict:
                    return False
                for x33 in x32.values():
                    if not _v1(x33):
                        return False
            if "propertyNames" in x:
                x34 = x["propertyNames"]
                if not _v1(x34):
                    return False
            if "if" in x:
                x35 = x["if"]
                if not _v1(x35):
                    return False
            if "then" in x:
                x36 = x["then"]
                if not _v1(x36):
                    return False
            if "else" in x:
                x37 = x["else"]
                if not _v1(x37):
                    return False
            if "allOf" in x:
                x38 = x["allOf"]
                if not _v11(x38):
                    return False
            if "anyOf" in x:
                x39 = x["anyOf"]
                if not _v11(x39):
                    return False
            if "oneOf" in x:
                x40 = x["oneOf"]
                if not _v11(x40):
                    return False
            if "not" in x:
                x41 = x["not"]
                if not _v1(x41):
                    return False
        return True


def _v4(x: Any) -> bool:
    if type(x) not in _Y1:
        return False
    if type(x) is dict:
        if "unevaluatedItems" in x:
            x42 = x["unevaluatedItems"]
            if not _v1(x42):
                return False
        if "unevaluatedProperties" in x:
            x43 = x["unevaluatedProperties"]
            if not _v1(x43):
                return False
    return True


if _NATIVE:

    def _v5(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            n3 = len(x)
            if n3 and "type" in x:
                n3 -= 1
                x44 = x["type"]
                if not (_v12(x44) or _v13(x44)):
                    return False
            if n3 and "enum" in x:
                n3 -= 1
                x46 = x["enum"]
                if type(x46) is not list:
                    return False
            if n3 and "multipleOf" in x:
                n3 -= 1
                x47 = x["multipleOf"]
                if type(x47) not in _NUMBER:
                    return False
                if x47 <= 0:
                    return False
            if n3 and "maximum" in x:
                n3 -= 1
                x48 = x["maximum"]
                if type(x48) not in _NUMBER:
                    return False
            if n3 and "exclusiveMaximum" in x:
                n3 -= 1
                x49 = x["exclusiveMaximum"]
                if type(x49) not in _NUMBER:
                    return False
            if n3 and "minimum" in x:
                n3 -= 1
                x50 = x["minimum"]
                if type(x50) not in _NUMBER:
                    return False
            if n3 and "exclusiveMinimum" in x:
                n3 -= 1
                x51 = x["exclusiveMinimum"]
                if type(x51) not in _NUMBER:
                    return False
            if n3 and "maxLength" in x:
                n3 -= 1
                x52 = x["maxLength"]
                if type(x52) is not int and not _intf(x52):
                    return False
                if x52 < 0:
                    return False
            if n3 and "minLength" in x:
                n3 -= 1
                x53 = x["minLength"]
                if type(x53) is not int and not _intf(x53):
                    return False
                if x53 < 0:
                    return False
            if n3 and "pattern" in x:
                n3 -= 1
                x54 = x["pattern"]
                if type(x54) is not str:
                    return False
            if n3 and "maxItems" in x:
                n3 -= 1
                x55 = x["maxItems"]
                if type(x55) is not int and not _intf(x55):
                    return False
                if x55 < 0:
                    return False
            if n3 and "minItems" in x:
                n3 -= 1
                x56 = x["minItems"]
                if type(x56) is not int and not _intf(x56):
                    return False
                if x56 < 0:
                    return False
            if n3 and "uniqueItems" in x:
                n3 -= 1
                x57 = x["uniqueItems"]
                if type(x57) is not bool:
                    return False
            if n3 and "maxContains" in x:
                n3 -= 1
                x58 = x["maxContains"]
                if type(x58) is not int and not _intf(x58):
                    return False
                if x58 < 0:
                    return False
            if n3 and "minContains" in x:
                n3 -= 1
                x59 = x["minContains"]
                if type(x59) is not int and not _intf(x59):
                    return False
                if x59 < 0:
                    return False
            if n3 and "maxProperties" in x:
                n3 -= 1
                x60 = x["maxProperties"]
                if type(x60) is not int and not _intf(x60):
                    return False
                if x60 < 0:
                    return False
            if n3 and "minProperties" in x:
                n3 -= 1
                x61 = x["minProperties"]
                if type(x61) is not int and not _intf(x61):
                    return False
                if x61 < 0:
                    return False
            if n3 and "required" in x:
                n3 -= 1
                x62 = x["required"]
                if type(x62) is not list:
                    return False
                if not _unique(x62):
                    return False
                for x63 in x62:
                    if type(x63) is not str:
                        return False
            if n3 and "dependentRequired" in x:
                x64 = x["dependentRequired"]
                if type(x64) is not dict:
                    return False
                for x65 in x64.values():
                    if type(x65) is not list:
                        return False
                    if not _unique(x65):
                        return False
                    for x66 in x65:
                        if type(x66) is not str:
                            return False
        return True
else:

    def _v5(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            if "type" in x:
                x44 = x["type"]
                if not (_v12(x44) or _v13(x44)):
                    return False
            if "enum" in x:
                x46 = x["enum"]
                if type(x46) is not list:
                    return False
            if "multipleOf" in x:
                x47 = x["multipleOf"]
                if type(x47) not in _NUMBER:
                    return False
                if x47 <= 0:
                    return False
            if "maximum" in x:
                x48 = x["maximum"]
                if type(x48) not in _NUMBER:
                    return False
            if "exclusiveMaximum" in x:
                x49 = x["exclusiveMaximum"]
                if type(x49) not in _NUMBER:
                    return False
            if "minimum" in x:
                x50 = x["minimum"]
                if type(x50) not in _NUMBER:
                    return False
            if "exclusiveMinimum" in x:
                x51 = x["exclusiveMinimum"]
                if type(x51) not in _NUMBER:
                    return False
            if "maxLength" in x:
                x52 = x["maxLength"]
                if type(x52) is not int and not _intf(x52):
                    return False
                if x52 < 0:
                    return False
            if "minLength" in x:
                x53 = x["minLength"]
                if type(x53) is not int and not _intf(x53):
                    return False
                if x53 < 0:
                    return False
            if "pattern" in x:
                x54 = x["pattern"]
                if type(x54) is not str:
                    return False
            if "maxItems" in x:
                x55 = x["maxItems"]
                if type(x55) is not int and not _intf(x55):
                    return False
                if x55 < 0:
                    return False
            if "minItems" in x:
                x56 = x["minItems"]
                if type(x56) is not int and not _intf(x56):
                    return False
                if x56 < 0:
                    return False
            if "uniqueItems" in x:
                x57 = x["uniqueItems"]
                if type(x57) is not bool:
                    return False
            if "maxContains" in x:
                x58 = x["maxContains"]
                if type(x58) is not int and not _intf(x58):
                    return False
                if x58 < 0:
                    return False
            if "minContains" in x:
                x59 = x["minContains"]
                if type(x59) is not int and not _intf(x59):
                    return False
                if x59 < 0:
                    return False
            if "maxProperties" in x:
                x60 = x["maxProperties"]
                if type(x60) is not int and not _intf(x60):
                    return False
                if x60 < 0:
                    return False
            if "minProperties" in x:
                x61 = x["minProperties"]
                if type(x61) is not int and not _intf(x61):
                    return False
                if x61 < 0:
                    return False
            if "required" in x:
                x62 = x["required"]
                if type(x62) is not list:
                    return False
                if not _unique(x62):
                    return False
                for x63 in x62:
                    if type(x63) is not str:
                        return False
            if "dependentRequired" in x:
                x64 = x["dependentRequired"]
                if type(x64) is not dict:
                    return False
                for x65 in x64.values():
                    if type(x65) is not list:
                        return False
                    if not _unique(x65):
                        return False
                    for x66 in x65:
                        if type(x66) is not str:
                            return False
        return True


if _NATIVE:

    def _v6(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            n4 = len(x)
            if n4 and "title" in x:
                n4 -= 1
                x67 = x["title"]
                if type(x67) is not str:
                    return False
            if n4 and "description" in x:
                n4 -= 1
                x68 = x["description"]
                if type(x68) is not str:
                    return False
            if n4 and "deprecated" in x:
                n4 -= 1
                x70 = x["deprecated"]
                if type(x70) is not bool:
                    return False
            if n4 and "readOnly" in x:
                n4 -= 1
                x71 = x["readOnly"]
                if type(x71) is not bool:
                    return False
            if n4 and "writeOnly" in x:
                n4 -= 1
                x72 = x["writeOnly"]
                if type(x72) is not bool:
                    return False
            if n4 and "examples" in x:
                x73 = x["examples"]
                if type(x73) is not list:
                    return False
        return True
else:

    def _v6(x: Any) -> bool:
        if type(x) not in _Y1:
            return False
        if type(x) is dict:
            if "title" in x:
                x67 = x["title"]
                if type(x67) is not str:
                    return False
            if "description" in x:
                x68 = x["description"]
                if type(x68) is not str:
                    return False
            if "deprecated" in x:
                x70 = x["deprecated"]
                if type(x70) is not bool:
                    return False
            if "readOnly" in x:
                x71 = x["readOnly"]
                if type(x71) is not bool:
                    return False
            if "writeOnly" in x:
                x72 = x["writeOnly"]
                if type(x72) is not bool:
                    return False
            if "examples" in x:
                x73 = x["examples"]
                if type(x73) is not list:
                    return False
        return True


def _v7(x: Any) -> bool:
    if type(x) not in _Y1:
        return False
    if type(x) is dict:
        if "format" in x:
            x74 = x["format"]
            if type(x74) is not str:
                return False
    return True


def _v8(x: Any) -> bool:
    if type(x) not in _Y1:
        return False
    if type(x) is dict:
        if "contentEncoding" in x:
            x75 = x["contentEncoding"]
            if type(x75) is not str:
                return False
        if "contentMediaType" in x:
            x76 = x["contentMediaType"]
            if type(x76) is not str:
                return False
        if "contentSchema" in x:
            x77 = x["contentSchema"]
            if not _v1(x77):
                return False
    return True


def _v9(x: Any) -> bool:
    if not _v1(x):
        return False
    return True


def _v10(x: Any) -> bool:
    if type(x) is not list:
        return False
    if not _unique(x):
        return False
    for x78 in x:
        if type(x78) is not str:
            return False
    return True


def _e2(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S8, _show(x) + _M1)
    if type(x) is dict:
        if "$id" in x:
            x79 = x["$id"]
            if type(x79) is not str:
                yield _err((*p, "$id"), _S7, _show(x79) + _M6)
            if type(x79) is str:
                if _P2.search(x79) is None:
                    yield _err((*p, "$id"), _S9, _show(x79) + _M12)
        if "$schema" in x:
            x80 = x["$schema"]
            if type(x80) is not str:
                yield _err((*p, "$schema"), _S10, _show(x80) + _M6)
        if "$ref" in x:
            x81 = x["$ref"]
            if type(x81) is not str:
                yield _err((*p, "$ref"), _S7, _show(x81) + _M6)
        if "$anchor" in x:
            x82 = x["$anchor"]
            if type(x82) is not str:
                yield _err((*p, "$anchor"), _S5, _show(x82) + _M6)
            if type(x82) is str:
                if _P1.search(x82) is None:
                    yield _err((*p, "$anchor"), _S6, _show(x82) + _M8)
        if "$dynamicRef" in x:
            x83 = x["$dynamicRef"]
            if type(x83) is not str:
                yield _err((*p, "$dynamicRef"), _S7, _show(x83) + _M6)
        if "$dynamicAnchor" in x:
            x84 = x["$dynamicAnchor"]
            if type(x84) is not str:
                yield _err((*p, "$dynamicAnchor"), _S5, _show(x84) + _M6)
            if type(x84) is str:
                if _P1.search(x84) is None:
                    yield _err((*p, "$dynamicAnchor"), _S6, _show(x84) + _M8)
        if "$vocabulary" in x:
            x85 = x["$vocabulary"]
            if type(x85) is not dict:
                yield _err((*p, "$vocabulary"), _S11, _show(x85) + _M2)
            if type(x85) is dict:
                for k13 in x85:
                    if type(k13) is not str:
                        yield _err((*p, "$vocabulary"), _S10, _show(k13) + _M6)
                for k14, x86 in x85.items():
                    if type(x86) is not bool:
                        yield _err((*p, "$vocabulary", k14), _S12, _show(x86) + _M16)
        if "$comment" in x:
            x87 = x["$comment"]
            if type(x87) is not str:
                yield _err((*p, "$comment"), _S13, _show(x87) + _M6)
        if "$defs" in x:
            x88 = x["$defs"]
            if type(x88) is not dict:
                yield _err((*p, "$defs"), _S14, _show(x88) + _M2)
            if type(x88) is dict:
                for k15, x89 in x88.items():
                    if not _v1(x89):
                        yield from _e1(x89, (*p, "$defs", k15))


def _e3(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S15, _show(x) + _M1)
    if type(x) is dict:
        if "prefixItems" in x:
            x90 = x["prefixItems"]
            if not _v11(x90):
                yield from _e9(x90, (*p, "prefixItems"))
        if "items" in x:
            x91 = x["items"]
            if not _v1(x91):
                yield from _e1(x91, (*p, "items"))
        if "contains" in x:
            x92 = x["contains"]
            if not _v1(x92):
                yield from _e1(x92, (*p, "contains"))
        if "additionalProperties" in x:
            x93 = x["additionalProperties"]
            if not _v1(x93):
                yield from _e1(x93, (*p, "additionalProperties"))
        if "properties" in x:
            x94 = x["properties"]
            if type(x94) is not dict:
                yield _err((*p, "properties"), _S16, _show(x94) + _M2)
            if type(x94) is dict:
                for k16, x95 in x94.items():
                    if not _v1(x95):
                        yield from _e1(x95, (*p, "properties", k16))
        if "patternProperties" in x:
            x96 = x["patternProperties"]
            if type(x96) is not dict:
                yield _err((*p, "patternProperties"), _S17, _show(x96) + _M2)
            if type(x96) is dict:
                for k18, x97 in x96.items():
                    if not _v1(x97):
                        yield from _e1(x97, (*p, "patternProperties", k18))
        if "dependentSchemas" in x:
            x98 = x["dependentSchemas"]
            if type(x98) is not dict:
                yield _err((*p, "dependentSchemas"), _S18, _show(x98) + _M2)
            if type(x98) is dict:
                for k19, x99 in x98.items():
                    if not _v1(x99):
                        yield from _e1(x99, (*p, "dependentSchemas", k19))
        if "propertyNames" in x:
            x100 = x["propertyNames"]
            if not _v1(x100):
                yield from _e1(x100, (*p, "propertyNames"))
        if "if" in x:
            x101 = x["if"]
            if not _v1(x101):
                yield from _e1(x101, (*p, "if"))
        if "then" in x:
            x102 = x["then"]
            if not _v1(x102):
                yield from _e1(x102, (*p, "then"))
        if "else" in x:
            x103 = x["else"]
            if not _v1(x103):
                yield from _e1(x103, (*p, "else"))
        if "allOf" in x:
            x104 = x["allOf"]
            if not _v11(x104):
                yield from _e9(x104, (*p, "allOf"))
        if "anyOf" in x:
            x105 = x["anyOf"]
            if not _v11(x105):
                yield from _e9(x105, (*p, "anyOf"))
        if "oneOf" in x:
            x106 = x["oneOf"]
            if not _v11(x106):
                yield from _e9(x106, (*p, "oneOf"))
        if "not" in x:
            x107 = x["not"]
            if not _v1(x107):
                yield from _e1(x107, (*p, "not"))


def _e4(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S19, _show(x) + _M1)
    if type(x) is dict:
        if "unevaluatedItems" in x:
            x108 = x["unevaluatedItems"]
            if not _v1(x108):
                yield from _e1(x108, (*p, "unevaluatedItems"))
        if "unevaluatedProperties" in x:
            x109 = x["unevaluatedProperties"]
            if not _v1(x109):
                yield from _e1(x109, (*p, "unevaluatedProperties"))


def _e5(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S20, _show(x) + _M1)
    if type(x) is dict:
        if "type" in x:
            x110 = x["type"]
            if not (_v12(x110) or _v13(x110)):
                yield _err((*p, "type"), _S21, _show(x110) + _M3)
        if "enum" in x:
            x112 = x["enum"]
            if type(x112) is not list:
                yield _err((*p, "enum"), _S22, _show(x112) + _M26)
        if "multipleOf" in x:
            x113 = x["multipleOf"]
            if type(x113) not in _NUMBER:
                yield _err((*p, "multipleOf"), _S23, _show(x113) + _M28)
            if type(x113) in _NUMBER:
                if x113 <= 0:
                    yield _err((*p, "multipleOf"), _S24, _show(x113) + _M30)
        if "maximum" in x:
            x114 = x["maximum"]
            if type(x114) not in _NUMBER:
                yield _err((*p, "maximum"), _S25, _show(x114) + _M28)
        if "exclusiveMaximum" in x:
            x115 = x["exclusiveMaximum"]
            if type(x115) not in _NUMBER:
                yield _err((*p, "exclusiveMaximum"), _S26, _show(x115) + _M28)
        if "minimum" in x:
            x116 = x["minimum"]
            if type(x116) not in _NUMBER:
                yield _err((*p, "minimum"), _S27, _show(x116) + _M28)
        if "exclusiveMinimum" in x:
            x117 = x["exclusiveMinimum"]
            if type(x117) not in _NUMBER:
                yield _err((*p, "exclusiveMinimum"), _S28, _show(x117) + _M28)
        if "maxLength" in x:
            x118 = x["maxLength"]
            if type(x118) is not int and not _intf(x118):
                yield _err((*p, "maxLength"), _S29, _show(x118) + _M36)
            if type(x118) in _NUMBER:
                if x118 < 0:
                    yield _err((*p, "maxLength"), _S30, _show(x118) + _M38)
        if "minLength" in x:
            x119 = x["minLength"]
            if type(x119) is not int and not _intf(x119):
                yield _err((*p, "minLength"), _S29, _show(x119) + _M36)
            if type(x119) in _NUMBER:
                if x119 < 0:
                    yield _err((*p, "minLength"), _S30, _show(x119) + _M38)
        if "pattern" in x:
            x120 = x["pattern"]
            if type(x120) is not str:
                yield _err((*p, "pattern"), _S31, _show(x120) + _M6)
        if "maxItems" in x:
            x121 = x["maxItems"]
            if type(x121) is not int and not _intf(x121):
                yield _err((*p, "maxItems"), _S29, _show(x121) + _M36)
            if type(x121) in _NUMBER:
                if x121 < 0:
                    yield _err((*p, "maxItems"), _S30, _show(x121) + _M38)
        if "minItems" in x:
            x122 = x["minItems"]
            if type(x122) is not int and not _intf(x122):
                yield _err((*p, "minItems"), _S29, _show(x122) + _M36)
            if type(x122) in _NUMBER:
                if x122 < 0:
                    yield _err((*p, "minItems"), _S30, _show(x122) + _M38)
        if "uniqueItems" in x:
            x123 = x["uniqueItems"]
            if type(x123) is not bool:
                yield _err((*p, "uniqueItems"), _S32, _show(x123) + _M16)
        if "maxContains" in x:
            x124 = x["maxContains"]
            if type(x124) is not int and not _intf(x124):
                yield _err((*p, "maxContains"), _S29, _show(x124) + _M36)
            if type(x124) in _NUMBER:
                if x124 < 0:
                    yield _err((*p, "maxContains"), _S30, _show(x124) + _M38)
        if "minContains" in x:
            x125 = x["minContains"]
            if type(x125) is not int and not _intf(x125):
                yield _err((*p, "minContains"), _S29, _show(x125) + _M36)
            if type(x125) in _NUMBER:
                if x125 < 0:
                    yield _err((*p, "minContains"), _S30, _show(x125) + _M38)
        if "maxProperties" in x:
            x126 = x["maxProperties"]
            if type(x126) is not int and not _intf(x126):
                yield _err((*p, "maxProperties"), _S29, _show(x126) + _M36)
            if type(x126) in _NUMBER:
                if x126 < 0:
                    yield _err((*p, "maxProperties"), _S30, _show(x126) + _M38)
        if "minProperties" in x:
            x127 = x["minProperties"]
            if type(x127) is not int and not _intf(x127):
                yield _err((*p, "minProperties"), _S29, _show(x127) + _M36)
            if type(x127) in _NUMBER:
                if x127 < 0:
                    yield _err((*p, "minProperties"), _S30, _show(x127) + _M38)
        if "required" in x:
            x128 = x["required"]
            if type(x128) is not list:
                yield _err((*p, "required"), _S33, _show(x128) + _M26)
            if type(x128) is list:
                if not _unique(x128):
                    yield _err((*p, "required"), _S34, _show(x128) + _M43)
                for i4, x129 in enumerate(x128):
                    if type(x129) is not str:
                        yield _err((*p, "required", i4), _S35, _show(x129) + _M6)
        if "dependentRequired" in x:
            x130 = x["dependentRequired"]
            if type(x130) is not dict:
                yield _err((*p, "dependentRequired"), _S36, _show(x130) + _M2)
            if type(x130) is dict:
                for k20, x131 in x130.items():
                    if type(x131) is not list:
                        yield _err((*p, "dependentRequired", k20), _S33, _show(x131) + _M26)
                    if type(x131) is list:
                        if not _unique(x131):
                            yield _err((*p, "dependentRequired", k20), _S34, _show(x131) + _M43)
                        for i5, x132 in enumerate(x131):
                            p1 = (*p, "dependentRequired", k20, i5)
                            if type(x132) is not str:
                                yield _err(p1, _S35, _show(x132) + _M6)


def _e6(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S37, _show(x) + _M1)
    if type(x) is dict:
        if "title" in x:
            x133 = x["title"]
            if type(x133) is not str:
                yield _err((*p, "title"), _S38, _show(x133) + _M6)
        if "description" in x:
            x134 = x["description"]
            if type(x134) is not str:
                yield _err((*p, "description"), _S39, _show(x134) + _M6)
        if "deprecated" in x:
            x136 = x["deprecated"]
            if type(x136) is not bool:
                yield _err((*p, "deprecated"), _S40, _show(x136) + _M16)
        if "readOnly" in x:
            x137 = x["readOnly"]
            if type(x137) is not bool:
                yield _err((*p, "readOnly"), _S41, _show(x137) + _M16)
        if "writeOnly" in x:
            x138 = x["writeOnly"]
            if type(x138) is not bool:
                yield _err((*p, "writeOnly"), _S42, _show(x138) + _M16)
        if "examples" in x:
            x139 = x["examples"]
            if type(x139) is not list:
                yield _err((*p, "examples"), _S43, _show(x139) + _M26)


def _e7(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S44, _show(x) + _M1)
    if type(x) is dict:
        if "format" in x:
            x140 = x["format"]
            if type(x140) is not str:
                yield _err((*p, "format"), _S45, _show(x140) + _M6)


def _e8(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) not in _Y1:
        yield _err(p, _S46, _show(x) + _M1)
    if type(x) is dict:
        if "contentEncoding" in x:
            x141 = x["contentEncoding"]
            if type(x141) is not str:
                yield _err((*p, "contentEncoding"), _S47, _show(x141) + _M6)
        if "contentMediaType" in x:
            x142 = x["contentMediaType"]
            if type(x142) is not str:
                yield _err((*p, "contentMediaType"), _S48, _show(x142) + _M6)
        if "contentSchema" in x:
            x143 = x["contentSchema"]
            if not _v1(x143):
                yield from _e1(x143, (*p, "contentSchema"))


def _v11(x: Any) -> bool:
    if type(x) is not list:
        return False
    if len(x) < 1:
        return False
    for x144 in x:
        if not _v1(x144):
            return False
    return True


def _v12(x: Any) -> bool:
    if type(x) is not str or x not in _F1:
        return False
    return True


def _v13(x: Any) -> bool:
    if type(x) is not list:
        return False
    if len(x) < 1:
        return False
    if not _unique(x):
        return False
    for x145 in x:
        if type(x145) is not str or x145 not in _F1:
            return False
    return True


def _e9(x: Any, p: _Path) -> Iterator[SchemaValidationError]:
    if type(x) is not list:
        yield _err(p, _S49, _show(x) + _M26)
    if type(x) is list:
        if len(x) < 1:
            yield _err(p, _S50, _show(x) + _M61)
        for i8, x146 in enumerate(x):
            if not _v1(x146):
                yield from _e1(x146, (*p, i8))


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
