"""Line wrapping the way ``ruff format`` does it, for the few shapes of code the target emits.

Everything here works on text only (no IR): calls, ``def`` lines, boolean operands, union
annotations, assignments and ``return`` statements, comprehensions and import lines.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence

WIDTH = 100
STEP = "    "


def wrap_call(indent: str, head: str, args: Sequence[str], tail: str = "") -> list[str]:
    """``head(arg, ...)tail``; exploded one argument a line (magic trailing comma) if long."""
    line = f"{indent}{head}({', '.join(args)}){tail}"
    if len(line) <= WIDTH or not args:
        return [line]
    return [f"{indent}{head}(", *(f"{indent}{STEP}{a}," for a in args), f"{indent}){tail}"]


def wrap_operands(indent: str, head: str, operands: Sequence[str], op: str, tail: str) -> list[str]:
    """``head a op b tail``, else parenthesised on one line, else one operand a line."""
    joined = f" {op} ".join(operands)
    line = f"{indent}{head}{joined}{tail}"
    if len(line) <= WIDTH:
        return [line]
    inner = indent + STEP
    if len(inner) + len(joined) <= WIDTH or len(operands) == 1:
        return [f"{indent}{head}(", f"{inner}{joined}", f"{indent}){tail}"]
    body = [f"{inner}{operands[0]}", *(f"{inner}{op} {o}" for o in operands[1:])]
    return [f"{indent}{head}(", *body, f"{indent}){tail}"]


def wrap_def(indent: str, name: str, params: Sequence[str], returns: str) -> list[str]:
    line = f"{indent}def {name}({', '.join(params)}) -> {returns}:"
    if len(line) <= WIDTH:
        return [line]
    return [
        f"{indent}def {name}(",
        *(f"{indent}{STEP}{p}," for p in params),
        f"{indent}) -> {returns}:",
    ]


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


def split_union(text: str) -> list[str]:
    """Top-level ``|`` operands of an annotation (brackets respected)."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


def paren(check: str) -> str:
    return check if check.startswith(("isinstance(", "_", "(")) else f"({check})"


_IS_NONE = re.compile(r"([A-Za-z_][A-Za-z0-9_.]*) is None")


def negation(check: str) -> str:
    """``not check``, as ruff wants it: ``x is not None``, never ``not x is None`` (E714)."""
    found = _IS_NONE.fullmatch(check)
    return f"{found.group(1)} is not None" if found else f"not {paren(check)}"


def if_not(indent: str, check: str) -> list[str]:
    """The ``if`` line that tests ``not check`` (wrapped as ruff format wraps it)."""
    found = _IS_NONE.fullmatch(check)
    if found:
        return [f"{indent}if {found.group(1)} is not None:"]
    return wrap_operands(indent, "if not ", [check], "and", ":")


def assign(indent: str, target: str, value: str) -> list[str]:
    return statement(indent, f"{target} = ", value)


def statement(indent: str, head: str, value: str) -> list[str]:
    """``head + value`` (an assignment, a ``return``), its value split the way ruff does."""
    line = f"{indent}{head}{value}"
    if len(line) <= WIDTH:
        return [line]
    if value[:1] in "[{" and _one_group(value):
        body = value[1:-1]
        if len(indent) + len(STEP) + len(body) > WIDTH:
            return [
                f"{indent}{head}{value[0]}",
                *_clauses(indent + STEP, value),
                f"{indent}{value[-1]}",
            ]
        return [f"{indent}{head}{value[0]}", f"{indent}{STEP}{body}", f"{indent}{value[-1]}"]
    if value.endswith(")") and _one_group(value[value.index("(") :]) and "," not in value:
        call = value.index("(")
        return wrap_call(indent, head + value[:call], [value[call + 1 : -1]])
    return [f"{indent}{head}(", f"{indent}{STEP}{value}", f"{indent})"]


def _clauses(indent: str, comprehension: str) -> list[str]:
    """The parts of a too-long comprehension one a line (element, ``for``, ``if``), as ruff
    splits them; found with ``ast`` so that string literals holding `` for `` are safe."""
    node = ast.parse(comprehension, mode="eval").body
    if not isinstance(node, ast.ListComp | ast.DictComp | ast.SetComp) or len(node.generators) != 1:
        return [f"{indent}{comprehension[1:-1]}"]

    def text(part: ast.expr) -> str:
        segment = ast.get_source_segment(comprehension, part)
        assert segment is not None
        return segment

    if isinstance(node, ast.DictComp):
        element = f"{text(node.key)}: {text(node.value)}"
    else:
        element = text(node.elt)
    loop = node.generators[0]
    parts = [element, f"for {text(loop.target)} in {text(loop.iter)}"]
    parts += [f"if {text(condition)}" for condition in loop.ifs]
    return [f"{indent}{part}" for part in parts]


def _one_group(text: str) -> bool:
    """Whether ``text`` is one bracketed group (``{...}``), so ruff hugs its brackets."""
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0 and index != len(text) - 1:
                return False
    return depth == 0
