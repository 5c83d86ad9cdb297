"""Statement shapes of the models target, each one logical line.

Everything here works on text only (no IR): calls, ``def`` lines, boolean operands,
assignments and ``return`` statements, and import lines. A line that does not fit is marked,
and :func:`generator.pylayout.finish` has ruff lay it out once the module is assembled.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.pylayout import STEP, WIDTH, logical

__all__ = ["STEP", "WIDTH", "logical"]


def wrap_call(indent: str, head: str, args: Sequence[str], tail: str = "") -> list[str]:
    """``head(arg, ...)tail`` as one logical line."""
    return logical(indent, f"{head}({', '.join(args)}){tail}")


def wrap_operands(indent: str, head: str, operands: Sequence[str], op: str, tail: str) -> list[str]:
    """``head a op b tail`` as one logical line."""
    return logical(indent, head + f" {op} ".join(operands) + tail)


def wrap_def(indent: str, name: str, params: Sequence[str], returns: str) -> list[str]:
    return logical(indent, f"def {name}({', '.join(params)}) -> {returns}:")


def import_lines(module: str, names: list[str]) -> list[str]:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= WIDTH:
        return [line]
    return [f"from {module} import (", *(f"{STEP}{n}," for n in names), ")"]


def isort_key(name: str) -> tuple[int, str]:
    """isort's force-sort-within-sections order, as ruff's ``I`` rule applies it."""
    base = name.split(" ")[0]
    if base.isupper() and len(base) > 1:
        kind = 0
    elif base[:1].isupper():
        kind = 1
    else:
        kind = 2
    return (kind, base)


def paren(check: str) -> str:
    return check if check.startswith(("isinstance(", "_", "(")) else f"({check})"


def negated(check: str) -> str:
    """``not check``, spelled ``x is not v`` for an identity test (pycodestyle E714)."""
    subject, is_, value = check.partition(" is ")
    if is_ and subject.isidentifier() and value in ("None", "True", "False"):
        return f"{subject} is not {value}"
    return f"not {paren(check)}"


def assign(indent: str, target: str, value: str) -> list[str]:
    return statement(indent, f"{target} = ", value)


def statement(indent: str, head: str, value: str) -> list[str]:
    """``head + value`` (an assignment, a ``return``) as one logical line."""
    return logical(indent, head + value)
