"""Shared Jinja2 set-up for every target: where templates are found, and rendering them.

Templates are layout only. They get ``StrictUndefined`` (a misspelt variable is an error,
not an empty string), keep their trailing newline, and never autoescape: each target escapes
on purpose, in Python, for the language it writes (``repr``-based literals for Python,
table-cell escaping for Markdown). Schema text is passed to templates as *data*, so Jinja
syntax inside it is never evaluated.

Our templates are the package ``generator.templates`` (the repository's ``templates/``,
shipped inside the wheel), read through ``importlib.resources`` however schemagen was
installed. A user's folder (``--templates DIR``, ``[tool.schemagen] templates``) holds
``<target>/<name>`` files that replace ours of the same name; it applies only while
:func:`user_templates` is active, which :func:`generator.targets.renderer` arranges around
each target, so the in-memory :func:`generator.compile` and the metaschema checks always use
ours. A template that fails, ours or a user's, is reported with its file and line.

Some templates are plain Python files rather than Jinja (the runtimes that targets copy into
their modules, linted where they stand): :func:`cut_at_markers` reads one as it is and cuts it
at its marker lines, refusing in one line a file (a user's) whose markers are missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, NamedTuple

import jinja2

from generator.errors import GeneratorError

#: The user's template folder for the target being rendered (``None``: ours only).
_USER_FOLDER: ContextVar[Path | None] = ContextVar("schemagen_user_templates", default=None)


def builtin_templates() -> Traversable:
    """Our template folder: one subfolder per target that has templates."""
    return resources.files("generator.templates")


@cache
def template_names() -> dict[str, frozenset[str]]:
    """Target → the names of our templates for it (what a user's folder may replace)."""
    root = builtin_templates()
    return {
        folder.name: frozenset(f.name for f in folder.iterdir() if f.is_file())
        for folder in sorted(root.iterdir(), key=lambda f: f.name)
        if folder.is_dir() and not folder.name.startswith(("_", "."))
    }


def check_user_templates(folder: Path) -> None:
    """Refuse a user's template folder that would not do what its author meant.

    It must hold only ``<target>/<name>`` files whose target has templates and whose name is
    one of ours for that target (a misspelt name would otherwise be silently ignored).
    """
    if not folder.is_dir():
        raise GeneratorError(f"{folder}: templates folder not found")
    known = template_names()
    for sub in sorted(folder.iterdir()):
        if sub.name.startswith("."):
            continue
        if not sub.is_dir() or sub.name not in known:
            raise GeneratorError(
                f"{sub}: expected a folder named after a target with templates ({', '.join(known)})"
            )
        for entry in sorted(sub.iterdir()):
            if entry.name.startswith("."):
                continue
            if not entry.is_file() or entry.name not in known[sub.name]:
                raise GeneratorError(
                    f"{entry}: not one of the {sub.name} templates it could replace "
                    f"({', '.join(sorted(known[sub.name]))})"
                )


@contextmanager
def user_templates(folder: Path | None) -> Iterator[None]:
    """Within this block, files in ``folder/<target>/`` replace ours of the same name."""
    # Absolute, since compiled templates are cached per folder for the whole process.
    token = _USER_FOLDER.set(folder.resolve() if folder is not None else None)
    try:
        yield
    finally:
        _USER_FOLDER.reset(token)


class Part(NamedTuple):
    """Text cut out of a template, and the number of its first line in the file."""

    text: str
    line: int


def template_text(target: str, name: str) -> tuple[str, str]:
    """The text of the template ``<target>/<name>`` as it is (not rendered), the user's while
    :func:`user_templates` is active and holds one, and its path as errors name it."""
    return _read(target, name, _USER_FOLDER.get())


@cache
def _read(target: str, name: str, user_folder: Path | None) -> tuple[str, str]:
    if user_folder is not None:
        path = user_folder / target / name
        if path.is_file():
            return path.read_text(encoding="utf-8"), _shown(str(path))
    entry = builtin_templates().joinpath(target).joinpath(name)
    if not entry.is_file():
        raise GeneratorError(f"template {target}/{name} not found in {builtin_templates()}")
    # Installed templates do not change while a run lasts.
    return entry.read_text(encoding="utf-8"), _shown(str(entry))


def cut_at_markers(target: str, name: str, markers: Sequence[str]) -> list[Part]:
    """The parts of the template ``<target>/<name>`` (read as it is) between consecutive
    ``markers``, each without its surrounding blank lines: one part fewer than markers.

    Each marker must be a whole line of the file, once, in the order given; a file (a user's)
    where one is missing is refused in one line, naming the file and the marker.
    """
    text, shown = template_text(target, name)
    return _cut(text, shown, tuple(markers))


@cache
def _cut(text: str, shown: str, markers: tuple[str, ...]) -> list[Part]:
    lines = text.splitlines(keepends=True)
    found: list[int] = []
    for marker in markers:
        at = [i for i, line in enumerate(lines) if line.rstrip("\r\n") == marker]
        if len(at) != 1 or (found and at[0] < found[-1]):
            after = f" after the line {markers[len(found) - 1]!r}" if found else ""
            raise GeneratorError(f"{shown}: expected the marker line {marker!r} once{after}")
        found.append(at[0])
    parts = []
    for begin, end in zip(found, found[1:], strict=False):
        chunk = lines[begin + 1 : end]
        skipped = 0
        while skipped < len(chunk) and chunk[skipped] in ("\n", "\r\n"):
            skipped += 1
        parts.append(Part("".join(chunk).strip("\r\n"), begin + 2 + skipped))
    return parts


class _ResourceLoader(jinja2.BaseLoader):
    """Templates from a folder of the installed package (any ``importlib.resources`` reader)."""

    def __init__(self, folder: Traversable) -> None:
        self.folder = folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        entry = self.folder.joinpath(template)
        if not entry.is_file():
            raise jinja2.TemplateNotFound(template)
        # Installed templates do not change while a run lasts.
        return entry.read_text(encoding="utf-8"), str(entry), lambda: True


@cache
def bytecode_cache() -> jinja2.BytecodeCache:
    """Jinja's own cache of compiled templates, shared by every run (as ``.pyc`` files are).

    It lives in a per-user folder of the temporary directory that Jinja creates private to the
    user, and is keyed by each template's source checksum: an edited template is compiled
    afresh.
    """
    return jinja2.FileSystemBytecodeCache()


@cache
def environment(target: str, user_folder: Path | None = None) -> jinja2.Environment:
    """The Jinja environment for ``target``: the user's templates first, then ours."""
    folder = builtin_templates().joinpath(target)
    if not folder.is_dir():
        raise GeneratorError(f"templates for target {target!r} not found in {folder}")
    loader: jinja2.BaseLoader = _ResourceLoader(folder)
    if user_folder is not None and (user_folder / target).is_dir():
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(user_folder / target), loader])
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache(),
    )
    env.filters["pyrepr"] = repr
    # Templates see only what a target passes them: no Jinja globals (range, lipsum, ...),
    # which every render would otherwise copy into its context (docs render one per page).
    env.globals.clear()
    return env


@cache
def template(target: str, name: str, user_folder: Path | None = None) -> jinja2.Template:
    """The template ``<target>/<name>``, compiled once per process.

    Targets render the same few templates once per page; asking the environment each time
    would check the file's modification time on every call.
    """
    return environment(target, user_folder).get_template(name)


def render(target: str, template_name: str, **context: Any) -> str:
    """Render ``<target>/<template_name>`` with ``context``.

    A template that fails to compile or to render raises :class:`GeneratorError` naming the
    template file and line.
    """
    try:
        return template(target, template_name, _USER_FOLDER.get()).render(**context)
    except Exception as exc:
        where = _template_location(exc)
        if where is None:
            raise
        raise GeneratorError(f"{where}: {_describe(exc)}") from None


def _template_location(exc: BaseException) -> str | None:
    """``file:line`` of the template that raised ``exc``, or ``None`` if none did."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return f"{_shown(exc.filename)}:{exc.lineno}"
    where = None
    tb = exc.__traceback__
    while tb is not None:
        # Jinja rewrites tracebacks so that template frames carry the template's file name
        # and line; those frames are marked by this global.
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            where = f"{_shown(tb.tb_frame.f_code.co_filename)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _describe(exc: BaseException) -> str:
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"template {exc.name!r} not found"
    if isinstance(exc, jinja2.TemplateError):
        return exc.message or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"


def _shown(filename: str) -> str:
    """A template's path, relative to the working folder when it lies inside it."""
    try:
        relative = os.path.relpath(filename)
    except ValueError:  # pragma: no cover - another drive (Windows)
        return filename
    return filename if relative.startswith("..") else relative
