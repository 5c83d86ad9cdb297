"""The validators target: ``validators.py``, compiled from the resolved schema.

The compiler (:mod:`generator.compiler`) honours every keyword, so this target reads the
loaded schema rather than the IR; the IR supplies only the names: one
``is_valid_<snake>``/``iter_errors_<snake>``/``validate_<snake>`` triple per named type, next to
the root's ``is_valid``/``iter_errors``/``validate`` (OpenAPI documents have no root schema,
so they get the per-component functions only).
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.compiler import render_module
from generator.errors import SchemaError
from generator.targets import RenderJob


def render(job: RenderJob) -> Mapping[str, str]:
    loaded = job.loaded
    definitions = {named.names.snake: named.location for named in job.ir.types}
    try:
        source = render_module(
            loaded.contents,
            registry=loaded.registry,
            base_uri=loaded.uri,
            definitions=definitions,
            root=loaded.openapi is None,
            default_dialect=loaded.dialect.uri,
            layout=True,
            root_checked=loaded.metaschema_checked,
        )
    except SchemaError as exc:
        if exc.file is not None:
            raise
        # (the compiler knows pointers, not files: a pointer of its own is in this one)
        raise SchemaError(exc.detail, file=loaded.display_name, pointer=exc.pointer) from None
    return {"validators.py": source}
