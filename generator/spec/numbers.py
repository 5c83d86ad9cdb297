"""Numbers a schema may hold: finite ones JSON can spell, integers short enough to print."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

from generator.errors import SchemaError
from generator.spec.pointer import escape

#: Decimal digits an integer in a schema may have: Python refuses to parse (and to print)
#: longer integer literals (``sys.int_info.default_max_str_digits``, 4,300).
MAX_INTEGER_DIGITS = sys.int_info.default_max_str_digits or 4300
_MAX_INTEGER = 10**MAX_INTEGER_DIGITS


def check_numbers(
    contents: Any, *, file: str | None = None, at: str = "", integers: bool = True
) -> None:
    """Refuse a non-finite float anywhere in ``contents``, and (``integers``) an integer too
    long for the compiler to write (the models target writes them; the loader lets them by)."""
    if _all_fine(contents):
        return
    # Walked again, with the pointers this time, to say where (the same order: the same error).
    stack: list[tuple[Any, str]] = [(contents, at)]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, (dict, list, float, int)):
                    stack.append((value, f"{pointer}/{escape(str(key))}"))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (dict, list, float, int)):
                    stack.append((value, f"{pointer}/{index}"))
        elif isinstance(node, float):
            if not math.isfinite(node):
                raise SchemaError(
                    f"{node!r} is not a JSON number (schemas may hold finite numbers only)",
                    file=file,
                    pointer=pointer,
                )
        elif integers and type(node) is int and not -_MAX_INTEGER < node < _MAX_INTEGER:
            raise SchemaError(
                f"an integer of more than {MAX_INTEGER_DIGITS:,} digits is not supported",
                file=file,
                pointer=pointer,
            )


def _all_fine(contents: Any) -> bool:
    """Whether :func:`check_numbers` surely has nothing to refuse: ``json`` (in C) writes every
    finite float and every integer short enough to print, and refuses the rest. Anything it
    refuses for another reason (a key or value JSON has no spelling for, nesting too deep for
    it) is walked the slow way."""
    if sys.get_int_max_str_digits() != MAX_INTEGER_DIGITS:
        return False  # (the process changed how long an integer ``json`` writes may be)
    try:
        json.dumps(contents, allow_nan=False)
    except (ValueError, TypeError, RecursionError):
        return False
    return True
