"""Long lines of generated Python laid out by ``ruff format`` itself.

Generated modules must pass ``ruff format --check``. The targets write every logical line on
one physical line; a line that does not fit in :data:`WIDTH` columns is marked by
:func:`mark` (it starts with :data:`LONG`), and :func:`finish` hands all marked lines of a
module to ruff's formatter in one call, each in a scaffold that gives it its indentation, and
puts back what ruff wrote. Ruff's
splitting rules (right-hand splits, optional parentheses, magic trailing commas) are many and
change between styles: they are its to apply, not ours to imitate. Modules without long lines
never start ruff.
"""

from __future__ import annotations

import os
import re
import subprocess
from functools import cache

from generator.errors import GeneratorError

WIDTH = 100
STEP = "    "
#: First character of a line that does not fit: never part of generated source otherwise
#: (schema text reaches code only through ``repr``, which escapes control characters).
LONG = "\x01"
_MARKER = "# schemagen-layout "
_MARKER_LINE = re.compile(r"^# schemagen-layout (\d+)$", re.MULTILINE)


def logical(indent: str, text: str) -> list[str]:
    """One logical line at ``indent``, on one physical line however long (see :func:`mark`)."""
    return [indent + text]


def mark(lines: list[str]) -> str:
    """A block of lines as text, each whole logical line too long to fit marked for
    :func:`finish`.

    Lines inside docstrings and inside constructs already laid out over several lines are
    never marked: the block follows ruff's style, where a bracket spanning lines ends its first
    line and starts its last one, so a running depth of such lines tells them apart.
    """
    if not lines or max(map(len, lines)) <= WIDTH:  # the usual case, measured in C
        return "\n".join(lines)
    out: list[str] = []
    depth = 0
    in_docstring = False
    for line in lines:
        text = line.strip()
        if in_docstring:
            in_docstring = '"""' not in text
        elif text.startswith(('"""', 'r"""')):
            in_docstring = text.count('"""') == 1
        else:
            closes = text[:1] in _CLOSERS
            depth -= closes
            if depth == 0 and not closes and len(line) > WIDTH:
                line = LONG + line
            if text[-1:] in _OPENERS:
                depth += 1
        out.append(line)
    return "\n".join(out)


_OPENERS = frozenset("([{")
_CLOSERS = frozenset(")]}")


def finish(source: str) -> str:
    """``source`` with every marked line replaced by ruff's layout of it."""
    if LONG not in source:
        return source
    # Marked lines found with str.find: no Python loop over the module's lines.
    spans: list[tuple[int, int]] = []
    start = source.find(LONG)
    while start >= 0:
        end = source.find("\n", start)
        end = len(source) if end < 0 else end
        spans.append((start, end))
        start = source.find("\n" + LONG, end)
        start = start + 1 if start >= 0 else -1
    statements = [source[begin + 1 : end] for begin, end in spans]
    laid_out = _format(statements)
    pieces: list[str] = []
    done = 0
    for (begin, end), lines in zip(spans, laid_out, strict=True):
        pieces.append(source[done:begin])
        pieces.append("\n".join(lines))
        done = end
    pieces.append(source[done:])
    return "".join(pieces)


def _format(statements: list[str]) -> list[list[str]]:
    """Each statement (a simple statement or a compound header ending in ``:``) as ruff
    lays it out at its own indentation."""
    pieces: list[str] = []
    shapes: list[tuple[int, bool]] = []
    for number, statement in enumerate(statements):
        body = statement.lstrip(" ")
        depth = (len(statement) - len(body)) // len(STEP)
        header = body.endswith(":")
        scaffold = [f"{_MARKER}{number}"]
        scaffold += [
            STEP * level + ("def _():" if level == 0 else "if _:") for level in range(depth)
        ]
        scaffold.append(statement)
        if header:
            scaffold.append(STEP * (depth + 1) + "pass")
        pieces.append("\n".join(scaffold))
        shapes.append((depth, header))
    formatted = _run_ruff("\n".join(pieces) + "\n")
    chunks = _MARKER_LINE.split(formatted)[1:]
    results: list[list[str]] = []
    for (depth, header), label, chunk in zip(shapes, chunks[0::2], chunks[1::2], strict=True):
        assert int(label) == len(results)
        laid = chunk.strip("\n").split("\n")[depth:]
        results.append(laid[:-1] if header else laid)
    return results


@cache
def _ruff() -> str:
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]
    except ImportError:
        raise GeneratorError(
            "laying out long lines of generated code needs ruff: pip install ruff"
        ) from None
    return os.fsdecode(find_ruff_bin())


def _run_ruff(text: str) -> str:
    command = [
        _ruff(),
        "format",
        "--isolated",
        f"--line-length={WIDTH}",
        "--target-version=py311",
        "--stdin-filename=generated.py",
        "-",
    ]
    try:
        done = subprocess.run(
            command, input=text, capture_output=True, text=True, encoding="utf-8", check=False
        )
    except OSError as exc:
        raise GeneratorError(f"cannot run ruff to lay out generated code: {exc}") from None
    if done.returncode != 0:
        first = (done.stderr.strip().splitlines() or ["no message"])[0]
        raise GeneratorError(f"ruff could not lay out generated code: {first}")
    return done.stdout


def str_literal(text: str) -> str:
    """A Python string literal for ``text``, quoted the way ``ruff format`` leaves it: double
    quotes unless the text holds more double than single quotes (every target's one copy)."""
    raw = repr(text)
    if raw[0] == '"':
        return raw  # text contains ' but no "
    body = raw[1:-1]
    has_single = "'" in text
    has_double = '"' in text
    if not has_double:
        return '"' + body + '"'
    if has_single and text.count('"') <= text.count("'"):
        # repr escaped every ' ; switch to double quotes and escape " instead
        return '"' + body.replace("\\'", "'").replace('"', '\\"') + '"'
    return raw
