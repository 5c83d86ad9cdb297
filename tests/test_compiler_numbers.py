"""The compiler's number keywords: ``multipleOf``, exact for floats and big integers."""

from __future__ import annotations

import pytest

from generator.compiler import compile
from tests.compiler_support import assert_consistent


@pytest.mark.parametrize(
    ("factor", "instance", "valid"),
    [
        (0.0001, 0.0075, True),
        (0.01, 0.07, True),
        (0.1, 0.3, True),
        (0.0001, 0.00751, False),
        (0.5, 1e308, True),
        (0.123456789, 1e308, False),
        (3, 10**40 * 3, True),
        (3, 10**40 * 3 + 1, False),
        (10**30, 10**60, True),
        (2, 4.0, True),
        (2, 5.0, False),
        (1.5, 4.5, True),
        (7, 1e300, False),
    ],
)
def test_multiple_of(factor: float, instance: float, valid: bool) -> None:
    assert_consistent(compile({"multipleOf": factor}), instance, valid)
