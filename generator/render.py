"""Shared Jinja2 set-up for every target: one environment per template folder.

Templates are layout only. They get ``StrictUndefined`` (a misspelt variable is an error,
not an empty string), keep their trailing newline, and never autoescape: each target escapes
on purpose, in Python, for the language it writes (``repr``-based literals for Python,
table-cell escaping for Markdown). Schema text is passed to templates as *data*, so Jinja
syntax inside it is never evaluated.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from generator.errors import GeneratorError

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


@cache
def bytecode_cache() -> jinja2.BytecodeCache:
    """Jinja's own cache of compiled templates, shared by every run (as ``.pyc`` files are).

    It lives in a per-user folder of the temporary directory that Jinja creates private to the
    user, and is keyed by each template's source checksum: an edited template is compiled
    afresh. Compiling the templates was about a fifth of a run on a small schema.
    """
    return jinja2.FileSystemBytecodeCache()


@cache
def environment(target: str) -> jinja2.Environment:
    """The Jinja environment for ``templates/<target>/``."""
    folder = TEMPLATES_DIR / target
    if not folder.is_dir():
        raise GeneratorError(
            f"templates for target {target!r} not found in {folder}: schemagen runs from its "
            "source tree (`pip install -e .`), where templates/ sits beside generator/"
        )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
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
def template(target: str, name: str) -> jinja2.Template:
    """``templates/<target>/<name>``, compiled once per process.

    Targets render the same few templates once per page; asking the environment each time
    would check the file's modification time on every call.
    """
    return environment(target).get_template(name)


def render(target: str, template_name: str, **context: Any) -> str:
    """Render ``templates/<target>/<template_name>`` with ``context``."""
    return template(target, template_name).render(**context)
