"""generator.testing: assert_valid / assert_invalid list every error as ``pointer: message``."""

from __future__ import annotations

import doctest

import pytest

import generator.testing
from generator.compiler import compile
from generator.testing import assert_invalid, assert_valid, errors_of

SCHEMA = {
    "type": "object",
    "required": ["role"],
    "properties": {"role": {"enum": ["user", "system"]}, "n": {"type": "integer"}},
}


def test_valid_passes_silently() -> None:
    assert_valid({"role": "user"}, SCHEMA)
    assert_valid('{"role": "system", "n": 2}', SCHEMA, raw=True)
    assert_valid(b'{"role": "system"}', compile(SCHEMA), raw=True)


def test_invalid_lists_every_error_one_per_line() -> None:
    with pytest.raises(AssertionError) as caught:
        assert_valid({"role": "robot", "n": "2"}, SCHEMA)
    assert str(caught.value) == (
        "instance is invalid (2 errors):\n"
        "/role: 'robot' is not one of 'user', 'system'\n"
        "/n: '2' is not of type 'integer'"
    )


def test_root_errors_are_labelled() -> None:
    assert errors_of([], SCHEMA) == ["(root): [] is not of type 'object'"]


def test_assert_invalid() -> None:
    assert assert_invalid({}, SCHEMA, match="required") == ["(root): 'role' is a required property"]
    with pytest.raises(AssertionError, match="expected it to be invalid"):
        assert_invalid({"role": "user"}, SCHEMA)
    with pytest.raises(AssertionError, match="no error contains 'minimum'"):
        assert_invalid({}, SCHEMA, match="minimum")


def test_doctest() -> None:
    result = doctest.testmod(generator.testing)
    assert result.attempted == 2 and result.failed == 0
