"""Helpers shared by the compiler's unit tests (tests/test_compiler_*.py)."""

from __future__ import annotations

from typing import Any


def ecma_escape(text: str) -> str:
    return "".join("\\" + c if c in "^$\\.*+?()[]{}|/" else c for c in text)


def errors(validator: Any, instance: Any) -> list[tuple[str, str]]:
    return [(e.path, e.keyword) for e in validator.iter_errors(instance)]


def assert_consistent(validator: Any, instance: Any, valid: bool) -> None:
    assert validator.is_valid(instance) is valid
    assert (not list(validator.iter_errors(instance))) is valid
