"""The whole job in one place: load → build IR → render every target → write or compare.

The CLI and the tests call these functions; nothing here parses arguments or prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import native
from generator.errors import GeneratorError
from generator.heap import collection_paused
from generator.ir import build_ir
from generator.load import LoadedSchema, load_schema
from generator.parallel import render_targets
from generator.render import check_user_templates
from generator.targets import RenderJob
from generator.write import MANIFEST, Changes, Staging, check_relative, plan


@dataclass(frozen=True)
class Result:
    files: Mapping[str, str]
    changes: Changes
    seconds: float

    def summary(self) -> str:
        c = self.changes
        written = [name for name in c.written if name != MANIFEST]
        return (
            f"{len(self.files)} files: {len(written)} written, {len(c.unchanged)} unchanged, "
            f"{len(c.removed)} removed in {self.seconds:.2f}s"
        )


def render_all(
    loaded: LoadedSchema,
    targets: Sequence[str],
    *,
    options: Mapping[str, Any] | None = None,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    while_waiting: Callable[[Mapping[str, str]], None] | None = None,
    templates: Path | None = None,
) -> dict[str, str]:
    """Render every target in memory: ``{relative path: text}``.

    ``jobs`` caps the processes used to render targets side by side (``None``: decided by the
    schema's size and the CPUs available; ``1``: all in this process). The files are the same
    either way. ``templates`` is the user's template folder (its ``<target>/<name>`` files
    replace ours).
    """
    if not targets:
        raise GeneratorError("no targets selected")
    if templates is not None:
        check_user_templates(templates)
    if progress is not None:
        progress("building the intermediate representation")

    def make_job() -> RenderJob:
        return RenderJob(
            ir=build_ir(loaded),
            loaded=loaded,
            targets=frozenset(targets),
            options=options or {},
            templates=templates,
        )

    with collection_paused():
        rendered = render_targets(
            loaded,
            make_job,
            targets,
            templates=templates,
            jobs=jobs,
            progress=progress,
            while_waiting=while_waiting,
        )
    files: dict[str, str] = {}
    for name in targets:
        for path, text in rendered[name].items():
            check_relative(path)
            if path in files and files[path] != text:
                raise GeneratorError(f"two targets produced {path!r}")
            files[path] = text
    return files


@collection_paused()
def generate(
    schema: Path,
    out: Path,
    targets: Sequence[str],
    *,
    ref_map: Mapping[str, Path] | None = None,
    options: Mapping[str, Any] | None = None,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
    jobs: int | None = None,
    templates: Path | None = None,
) -> Result:
    """Generate ``targets`` for ``schema`` into ``out`` (or only compare, with ``dry_run``)."""
    started = time.perf_counter()
    if progress is not None:
        progress(f"loading {schema}")
    loaded = load_schema(schema, ref_map=ref_map)
    if dry_run:
        files = render_all(
            loaded, targets, options=options, progress=progress, jobs=jobs, templates=templates
        )
        if progress is not None:
            progress(f"comparing {len(files)} files")
        changes = plan(out, files)
    else:
        # Files rendered in this process are staged while other processes still render.
        staging = Staging(out)
        try:
            files = render_all(
                loaded,
                targets,
                options=options,
                progress=progress,
                jobs=jobs,
                while_waiting=staging.stage,
                templates=templates,
            )
            if progress is not None:
                progress(f"writing {len(files)} files")
            changes = staging.commit(files)
        except BaseException:
            staging.abort()
            raise
        native.discard(out, changes.written + changes.removed)  # a stale build would win
    return Result(files=files, changes=changes, seconds=time.perf_counter() - started)
