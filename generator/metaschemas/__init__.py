"""The five metaschemas, compiled ahead of time by our own validator compiler.

Every load checks the schema against its dialect's metaschema. Compiling a metaschema takes
about 35 ms (rendering plus Python's ``compile``), a fifth of a whole run on a small schema, so
the compiled validators ship as modules here and import from their ``.pyc``.

They are generated code: ``python -m generator.metaschemas`` (run by ``make generate``)
rewrites them, and ``tests/test_metaschemas.py`` fails when one differs from what the compiler
produces now.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from types import ModuleType

#: Dialect URI (as :mod:`generator.load` normalises it) → module in this package.
MODULES = {
    "http://json-schema.org/draft-04/schema": "draft4",
    "http://json-schema.org/draft-06/schema": "draft6",
    "http://json-schema.org/draft-07/schema": "draft7",
    "https://json-schema.org/draft/2019-09/schema": "draft2019_09",
    "https://json-schema.org/draft/2020-12/schema": "draft2020_12",
}
HERE = Path(__file__).resolve().parent


def source(uri: str) -> str:
    """The metaschema of dialect ``uri``, compiled now."""
    import jsonschema_specifications

    from generator.compiler import render_module

    registry = jsonschema_specifications.REGISTRY
    return render_module(registry.contents(uri), registry=registry, base_uri=uri, layout=True)


@cache
def validator(uri: str) -> ModuleType:
    """The precompiled validator module of the metaschema of dialect ``uri``."""
    return importlib.import_module(f"{__name__}.{MODULES[uri]}")


def update() -> list[str]:
    """Rewrite every module whose source differs from the compiler's; the names rewritten."""
    changed = []
    for uri, name in MODULES.items():
        path = HERE / f"{name}.py"
        text = source(uri)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path.name)
    return changed
