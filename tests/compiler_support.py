"""Helpers shared by the compiler's unit tests (tests/test_compiler_*.py)."""

from __future__ import annotations

import itertools
from typing import Any

from generator.compiler import Validator

#: How a generated module decides whether it runs compiled (templates/validators/runtime.py)
NATIVE_LINE = '_NATIVE: Final = not hasattr(_too_deep, "__code__")'
_numbers = itertools.count()


def ecma_escape(text: str) -> str:
    return "".join("\\" + c if c in "^$\\.*+?()[]{}|/" else c for c in text)


def errors(validator: Any, instance: Any) -> list[tuple[str, str]]:
    return [(e.path, e.keyword) for e in validator.iter_errors(instance)]


def assert_consistent(validator: Any, instance: Any, valid: bool) -> None:
    assert validator.is_valid(instance) is valid
    assert (not list(validator.iter_errors(instance))) is valid


def native_form(validator: Validator) -> Validator:
    """``validator`` run by the interpreter in the form ``schemagen native`` compiles: the
    first of each function written twice (``if _NATIVE:``), as mypyc sees it."""
    assert validator.source.count(NATIVE_LINE) == 1
    source = validator.source.replace(NATIVE_LINE, "_NATIVE: Final = True")
    number = next(_numbers)
    return Validator(source, f"<native-form-{number}>", f"_schemagen_native_form_{number}")
