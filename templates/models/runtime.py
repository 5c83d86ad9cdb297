"""The runtime every generated ``models.py`` carries: UNSET, Problem, ValidationError, the checker.

Plain Python, linted and type-checked where it stands (``make lint``). The models target
(:mod:`generator.targets.models.runtime`) copies what lies between the first marker line and
the last one into each module verbatim; the part between the two ``validators`` markers only
into a module that calls the generated validators. The imports above the first marker are the
generated module's own (it writes them itself), and ``_SPECS`` below the last marker stands for
the table each module defines. The file is read as a template (a user's ``models/runtime.py``
replaces it), so it holds no Jinja syntax.
"""

from __future__ import annotations

import dataclasses as _dc
import enum
import json
from collections.abc import Callable, Iterable
from typing import Any, Final, Literal, NoReturn, TypeAlias, TypeGuard, TypeVar

# --- models.py: copied from here ---
_T = TypeVar("_T")
_Spec: TypeAlias = tuple[Any, ...]


class Unset(enum.Enum):
    """The type of UNSET: the value of a member that is absent from the document."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> Literal[False]:
        return False


UNSET: Final = Unset.UNSET
"""An absent member. Absent is not null: a member that was null is None."""


@_dc.dataclass(frozen=True, slots=True)
class Problem:
    """One reason a document was refused: where (a JSON Pointer) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '(root)'}: {self.message}"


class ValidationError(ValueError):
    """A document does not match the schema; ``errors`` lists every problem found."""

    errors: list[Problem]

    def __init__(self, errors: list[Problem]) -> None:
        self.errors = errors
        shown = "; ".join(str(problem) for problem in errors[:10])
        more = f" (and {len(errors) - 10} more)" if len(errors) > 10 else ""
        super().__init__(f"{len(errors)} validation error(s): {shown}{more}")


class _Invalid(Exception):
    """A loader met a value it cannot load; the checker then lists every problem."""


_LOAD_ERRORS: Final = (_Invalid, KeyError, TypeError)


def _is_int(v: object) -> TypeGuard[int]:
    if isinstance(v, int):
        return not isinstance(v, bool)
    return isinstance(v, float) and v.is_integer()


def _is_number(v: object) -> TypeGuard[float]:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _json_equal(a: object, b: object) -> bool:
    """Equality of JSON values: ``1 == 1.0`` but ``true != 1``; arrays may be tuples."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    if _is_number(a) and _is_number(b):
        return a == b
    return type(a) is type(b) and a == b


def _to_json(v: Any) -> Any:
    """Any loaded value back as JSON data (the slow path for ambiguous unions)."""
    if isinstance(v, enum.Enum):
        return v.value
    if isinstance(v, list):
        return [_to_json(x) for x in v]
    if isinstance(v, dict):
        return {k: _to_json(x) for k, x in v.items()}
    to_dict = getattr(v, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    return v


def _model_repr(self: object) -> str:
    """``Name(a=1, b=None)``, leaving out members that are UNSET and an empty ``extra``."""
    parts = []
    for spec in _dc.fields(self):  # type: ignore[arg-type]
        value = getattr(self, spec.name)
        if value is UNSET or (spec.name == "extra" and not value):
            continue
        parts.append(f"{spec.name}={value!r}")
    return f"{type(self).__name__}({', '.join(parts)})"


def _parse_json(text: str | bytes | bytearray) -> Any:
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        raise ValidationError([Problem("", f"not valid JSON: {exc}")]) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _load_checked(load: Callable[[Any], _T], data: Any, name: str) -> _T:
    """Run a fast loader; if it fails, list every problem with the checker."""
    try:
        return load(data)
    except _LOAD_ERRORS:
        problems: list[Problem] = []
        _check(data, ("ref", name), "", problems)
        if not problems:
            raise
    raise ValidationError(problems)


# --- models.py: from here to the next marker, only when it calls the validators ---
def _refuse(errors: Iterable[Any]) -> NoReturn:
    """Raise one ValidationError listing all the generated validator's errors."""
    problems = [Problem(_pointer(e.path), str(e.message)) for e in errors]
    raise ValidationError(problems or [Problem("", "does not match the schema")])


def _pointer(path: object) -> str:
    if isinstance(path, str):
        return path
    if isinstance(path, Iterable):
        return "".join("/" + _escape(str(token)) for token in path)
    return str(path)


# --- models.py: every module again ---


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _json_type(v: object) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return type(v).__name__


_PRIMITIVES: Final[dict[str, Callable[[object], bool]]] = {
    "string": lambda v: isinstance(v, str),
    "integer": _is_int,
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _describe(spec: _Spec) -> str:
    kind = spec[0]
    if kind == "ref":
        return _describe(_SPECS[spec[1]])
    if kind == "map":
        return "object"
    if kind == "const":
        return _show(spec[1])
    if kind == "enum":
        return "one of " + ", ".join(_show(value) for value in spec[1])
    if kind == "union":
        return " or ".join(_describe(member) for member in spec[1])
    return str(kind)


def _show(value: object) -> str:
    try:
        return json.dumps(value)
    except ValueError:  # an integer beyond the int/str conversion limit
        return "(a number too long to show)"


def _fits(v: object, spec: _Spec) -> bool:
    """Whether ``v`` has a JSON type ``spec`` allows (without looking inside it)."""
    kind = spec[0]
    if kind == "ref":
        return _fits(v, _SPECS[spec[1]])
    if kind == "any":
        return True
    if kind in ("object", "map"):
        return isinstance(v, dict)
    if kind == "array":
        return isinstance(v, list)
    if kind == "union":
        return any(_fits(v, member) for member in spec[1])
    if kind == "const":
        return _json_equal(v, spec[1])
    if kind == "enum":
        return any(_json_equal(v, value) for value in spec[1])
    return _PRIMITIVES[kind](v)


def _check(v: object, spec: _Spec, path: str, out: list[Problem]) -> None:
    """Append a Problem for everything in ``v`` that does not match ``spec``."""
    kind = spec[0]
    if kind == "ref":
        _check(v, _SPECS[spec[1]], path, out)
    elif kind == "any":
        return
    elif kind in _PRIMITIVES or kind in ("const", "enum"):
        if not _fits(v, spec):
            out.append(Problem(path, f"expected {_describe(spec)}, got {_json_type(v)}"))
    elif kind == "array":
        if not isinstance(v, list):
            out.append(Problem(path, f"expected array, got {_json_type(v)}"))
            return
        for index, item in enumerate(v):
            _check(item, spec[1], f"{path}/{index}", out)
    elif kind == "map":
        if not isinstance(v, dict):
            out.append(Problem(path, f"expected object, got {_json_type(v)}"))
            return
        for key, item in v.items():
            _check(item, spec[1], f"{path}/{_escape(str(key))}", out)
    elif kind == "object":
        _check_object(v, spec, path, out)
    elif kind == "union":
        _check_union(v, spec, path, out)


def _check_object(v: object, spec: _Spec, path: str, out: list[Problem]) -> None:
    if not isinstance(v, dict):
        out.append(Problem(path, f"expected object, got {_json_type(v)}"))
        return
    declared = set()
    for wire, required, member in spec[1]:
        declared.add(wire)
        if wire in v:
            _check(v[wire], member, f"{path}/{_escape(wire)}", out)
        elif required:
            out.append(Problem(path, f"missing required member {json.dumps(wire)}"))
    for key, item in v.items():
        if key in declared:
            continue
        if not isinstance(key, str):
            out.append(Problem(path, f"member name {key!r} is not a string"))
        elif spec[2] is None:
            out.append(Problem(f"{path}/{_escape(key)}", "member not allowed here"))
        else:
            _check(item, spec[2], f"{path}/{_escape(key)}", out)


def _check_union(v: object, spec: _Spec, path: str, out: list[Problem]) -> None:
    members, tag = spec[1], spec[2]
    if tag is not None and isinstance(v, dict):
        prop, cases = tag
        value = v.get(prop)
        for case, name in cases:
            if value == case:
                _check(v, ("ref", name), path, out)
                return
        allowed = ", ".join(json.dumps(case) for case, _ in cases)
        out.append(Problem(f"{path}/{_escape(prop)}", f"expected one of {allowed}"))
        return
    candidates = [member for member in members if _fits(v, member)]
    for member in candidates:
        trial: list[Problem] = []
        _check(v, member, path, trial)
        if not trial:
            return
    if len(candidates) == 1:
        _check(v, candidates[0], path, out)
    else:
        out.append(Problem(path, f"expected {_describe(spec)}, got {_json_type(v)}"))


def _extra(data: dict[str, Any], known: frozenset[str]) -> dict[str, Any]:
    """The members of ``data`` not in ``known``."""
    if known.issuperset(data):
        return {}
    return {k: x for k, x in data.items() if k not in known}


# --- models.py: copied up to here ---

_SPECS: Final[dict[str, _Spec]] = {}
