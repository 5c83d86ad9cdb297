"""The validators target: ``validators.py``, compiled from the resolved schema.

The compiler (:mod:`generator.compiler`) honours every keyword, so this target reads the
loaded schema rather than the IR; the IR supplies only the names: one
``is_valid_<snake>``/``iter_errors_<snake>``/``validate_<snake>`` triple per named type, next to
the root's ``is_valid``/``iter_errors``/``validate`` (OpenAPI documents have no root schema,
so they get the per-component functions only).

So it renders in two steps: :func:`prepare` compiles the root and the document's named schemas
(``$defs``, ``definitions``, ``components/schemas``) from the loaded document alone, and
:func:`finish` adds the IR's names (and the few types the IR names inside them). The pipeline
runs :func:`prepare` in its own process while it builds the IR (:mod:`generator.parallel`);
:func:`render` does both, in the same order, so the module is the same either way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from generator.compiler.api import ModuleBuild
from generator.errors import SchemaError
from generator.ir import SchemaIR
from generator.load import LoadedSchema
from generator.targets import RenderJob


def render(job: RenderJob) -> Mapping[str, str]:
    return finish(prepare(job.loaded), job.loaded, ir_facts(job.ir))


def ir_facts(ir: SchemaIR) -> dict[str, str]:
    """``{snake name: location}`` of every named type: what :func:`finish` needs of the IR."""
    return {named.names.snake: named.location for named in ir.types}


def prepare(loaded: LoadedSchema) -> ModuleBuild:
    """The module's root and named schemas, compiled (no IR needed)."""
    with _in_file(loaded):
        build = ModuleBuild(
            loaded.contents,
            registry=loaded.registry,
            base_uri=loaded.uri,
            root=loaded.openapi is None,
            default_dialect=loaded.dialect.uri,
            root_checked=loaded.metaschema_checked,
            root_embeds=loaded.embeds_resources,
        )
        build.add(pointer for _, pointer, _ in loaded.definitions())
    return build


def finish(
    build: ModuleBuild, loaded: LoadedSchema, locations: Mapping[str, str]
) -> Mapping[str, str]:
    """``validators.py``, with the functions of each of ``locations`` (:func:`ir_facts`)."""
    with _in_file(loaded):
        return {"validators.py": build.finish(locations, layout=True)}


@contextmanager
def _in_file(loaded: LoadedSchema) -> Iterator[None]:
    try:
        yield
    except SchemaError as exc:
        if exc.file is not None:
            raise
        # (the compiler knows pointers, not files: a pointer of its own is in this one)
        raise SchemaError(exc.detail, file=loaded.display_name, pointer=exc.pointer) from None
