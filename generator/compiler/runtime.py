"""The runtime a generated validators module carries, cut out of two plain Python templates.

``templates/validators/runtime.py`` holds the error types and helpers, in parts between marker
lines; a module takes the parts it needs. ``templates/validators/formats.py`` holds the format
helpers: a module asserting formats takes the ``_f_<format>`` functions it calls (by name,
:mod:`generator.compiler.formats`), each with the statements written just before it, and
everything those use from the rest of the file, found through :mod:`ast`; it imports the
modules (``import x`` above the file's first marker) that they name. Both files are read as
they are (a user's replacement too, see :mod:`generator.render`), never rendered.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from generator.compiler.formats import FORMATS
from generator.errors import GeneratorError
from generator.render import Part, cut_at_markers, template_text

#: The marker lines of ``templates/validators/runtime.py``, in the order they appear.
RUNTIME_MARKERS = (
    "# --- validators.py: copied from here ---",
    "# --- validators.py: only when it compiles patterns with re ---",
    "# --- validators.py: only when it compiles patterns with regex ---",
    "# --- validators.py: only with a pattern timeout (after the module's _PATTERN_TIMEOUT) ---",
    "# --- validators.py: every module again ---",
    "# --- validators.py: only when a function can call itself (recursive schemas) ---",
    "# --- validators.py: copied up to here ---",
)

#: The marker lines of ``templates/validators/formats.py``.
FORMATS_MARKERS = (
    "# --- validators.py: format helpers from here ---",
    "# --- validators.py: format helpers up to here ---",
)


def runtime_source(
    *,
    needs_re: bool,
    needs_regex: bool,
    pattern_timeout: str | None,
    recursive: bool,
    native_flag: bool = False,
) -> str:
    """The runtime part of a module (no final newline).

    ``pattern_timeout`` is the Python literal of the seconds each match may take (``None``:
    no bound, and no ``_found``); ``recursive``: some generated function can call itself;
    ``native_flag``: the module reads ``_NATIVE`` (whether it runs compiled), which the part
    every module carries must define (a user's file from before it did is refused).
    """
    common, re_part, regex_part, timeout, rest, recursion = (
        part.text for part in cut_at_markers("validators", "runtime.py", RUNTIME_MARKERS)
    )
    parts = [common]
    if needs_re:
        parts.append(re_part)
    if needs_regex:
        parts.append(regex_part)
    if pattern_timeout is not None:
        parts += [f"_PATTERN_TIMEOUT = {pattern_timeout}", timeout]
    parts.append(rest)
    if recursive:
        parts.append(recursion)
    if native_flag and _NATIVE_FLAG.search(common) is None:
        shown = template_text("validators", "runtime.py")[1]
        raise GeneratorError(
            f"{shown}: expected a line '_NATIVE: Final = ...' (whether the module runs "
            "compiled) between the first two markers"
        )
    return "\n\n\n".join(parts)


_NATIVE_FLAG = re.compile(r"^_NATIVE\b", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class _Chunk:
    """Top-level statements of the format helpers copied together."""

    text: str
    #: the names the statements read (of the file's other chunks, its modules, builtins)
    uses: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Helpers:
    """``formats.py`` taken apart: its chunks in file order and the modules it imports."""

    chunks: tuple[_Chunk, ...]
    #: top-level name → the index of the chunk defining it
    home: dict[str, int]
    modules: frozenset[str]


def format_helpers_source(helpers: Iterable[str]) -> tuple[str, frozenset[str]]:
    """The source of the format helper functions ``helpers`` and of what they use, in the
    order of ``formats.py`` (no final newline; ``""`` for none), and the modules it imports."""
    wanted = sorted(set(helpers))
    if not wanted:
        return "", frozenset()
    text, shown = template_text("validators", "formats.py")
    (body,) = cut_at_markers("validators", "formats.py", FORMATS_MARKERS)
    parsed = _parse(text, shown, body)
    selected: set[int] = set()
    work = []
    for name in wanted:
        if name not in parsed.home:
            raise GeneratorError(f"{shown}: expected a function {name} between its markers")
        work.append(parsed.home[name])
    while work:
        index = work.pop()
        if index in selected:
            continue
        selected.add(index)
        work += [parsed.home[used] for used in parsed.chunks[index].uses if used in parsed.home]
    chosen = [parsed.chunks[index] for index in sorted(selected)]
    used = frozenset[str]().union(*(chunk.uses for chunk in chosen))
    return "\n\n\n".join(chunk.text for chunk in chosen), parsed.modules & used


@cache
def _parse(text: str, shown: str, body: Part) -> _Helpers:
    """Cut the helpers between the markers into chunks, each ending with a helper function
    (a name of :data:`generator.compiler.formats.FORMATS`; what follows the last one is one
    more chunk)."""
    try:
        tree = ast.parse(text, shown)
    except SyntaxError as exc:
        raise GeneratorError(f"{shown}:{exc.lineno}: {exc.msg}") from None
    end = body.line + body.text.count("\n")
    modules = frozenset(
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.Import) and node.lineno < body.line
        for alias in node.names
    )
    names = set(FORMATS.values())
    lines = text.splitlines()
    chunks: list[_Chunk] = []
    home: dict[str, int] = {}
    group: list[ast.stmt] = []
    first = body.line
    statements = [node for node in tree.body if body.line <= node.lineno <= end]
    for position, node in enumerate(statements):
        group.append(node)
        last = position == len(statements) - 1
        if not (isinstance(node, ast.FunctionDef) and node.name in names) and not last:
            continue
        stop = node.end_lineno or node.lineno
        for statement in group:
            for name in sorted(_defined([statement])):
                if name in home:
                    raise GeneratorError(
                        f"{shown}:{statement.lineno}: {name} is defined twice between the markers"
                    )
                home[name] = len(chunks)
        chunks.append(
            _Chunk(
                text="\n".join(lines[first - 1 : stop]).strip("\n"),
                uses=frozenset(
                    sub.id
                    for statement in group
                    for sub in ast.walk(statement)
                    if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load)
                ),
            )
        )
        group, first = [], stop + 1
    return _Helpers(tuple(chunks), home, modules)


def _defined(statements: list[ast.stmt]) -> set[str]:
    """The top-level names ``statements`` bind."""
    names: set[str] = set()
    for node in statements:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {
                sub.id
                for target in targets
                for sub in ast.walk(target)
                if isinstance(sub, ast.Name)
            }
    return names
