"""Test helpers: assert that raw JSON is (in)valid, with every error in the failure message.

>>> assert_valid({"role": "user"}, {"properties": {"role": {"enum": ["user"]}}})
>>> assert_valid({"role": "robot"}, {"properties": {"role": {"enum": ["user"]}}})
Traceback (most recent call last):
AssertionError: instance is invalid (1 error):
/role: 'robot' is not one of 'user'

``schema_or_validator`` may be a schema (compiled once and cached by its JSON text), a
:class:`generator.compiler.Validator`, or a generated ``validators`` module (anything with
``iter_errors``). Instances may also be given as JSON text (``str``/``bytes``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

__all__ = ["assert_invalid", "assert_valid", "errors_of"]

_CACHE: dict[str, Any] = {}


class _HasIterErrors(Protocol):
    def iter_errors(self, instance: Any) -> Iterator[Any]: ...


def _validator(schema_or_validator: Any) -> _HasIterErrors:
    if hasattr(schema_or_validator, "iter_errors"):
        return schema_or_validator  # type: ignore[no-any-return]
    from generator.compiler import compile

    key = json.dumps(schema_or_validator, sort_keys=True)
    if key not in _CACHE:
        _CACHE[key] = compile(schema_or_validator)
    return _CACHE[key]  # type: ignore[no-any-return]


def _instance(instance: Any, raw: bool) -> Any:
    if raw and isinstance(instance, str | bytes):
        return json.loads(instance)
    return instance


def errors_of(instance: Any, schema_or_validator: Any, *, raw: bool = False) -> list[str]:
    """Every error as ``pointer: message`` (``raw=True``: ``instance`` is JSON text)."""
    validator = _validator(schema_or_validator)
    found = validator.iter_errors(_instance(instance, raw))
    return [f"{error.path or '(root)'}: {error.message}" for error in found]


def assert_valid(instance: Any, schema_or_validator: Any, *, raw: bool = False) -> None:
    """Fail with all errors, one ``pointer: message`` per line, unless ``instance`` is valid."""
    __tracebackhide__ = True
    found = errors_of(instance, schema_or_validator, raw=raw)
    if found:
        noun = "error" if len(found) == 1 else "errors"
        raise AssertionError(f"instance is invalid ({len(found)} {noun}):\n" + "\n".join(found))


def assert_invalid(
    instance: Any,
    schema_or_validator: Any,
    *,
    raw: bool = False,
    match: str | None = None,
) -> list[str]:
    """Fail unless ``instance`` is invalid (and, with ``match``, some error contains it)."""
    __tracebackhide__ = True
    found = errors_of(instance, schema_or_validator, raw=raw)
    if not found:
        raise AssertionError("instance is valid, expected it to be invalid")
    if match is not None and not any(match in line for line in found):
        raise AssertionError(f"no error contains {match!r}; errors:\n" + "\n".join(found))
    return found
