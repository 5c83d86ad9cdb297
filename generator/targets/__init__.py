"""The targets: each turns the IR (and, for validators, the resolved schema) into files.

A target is a function ``render(job) -> {relative path: text}``; paths are relative to the
output folder. Targets are looked up by name here, in the order they are generated; each
renders with the user's template folder of its job, if any, in effect (:mod:`generator.render`).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.ir import SchemaIR
from generator.load import LoadedSchema
from generator.render import user_templates


@dataclass(frozen=True)
class RenderJob:
    """What every target receives."""

    ir: SchemaIR
    loaded: LoadedSchema
    #: All targets generated in this run (a target may adapt, e.g. models use validators).
    targets: frozenset[str]
    #: Target options from ``[tool.schemagen]`` (e.g. ``docs_package``).
    options: Mapping[str, Any] = field(default_factory=dict)
    #: The user's template folder (``--templates``): its ``<target>/<name>`` files replace ours.
    templates: Path | None = None


Renderer = Callable[[RenderJob], Mapping[str, str]]

#: Target name → module under ``generator.targets`` that defines ``render``.
TARGETS: dict[str, str] = {
    "docs": "generator.targets.docs",
    "models": "generator.targets.models",
    "validators": "generator.targets.validators",
    "pydantic": "generator.targets.pydantic",
}

#: Target name → what it writes (``schemagen generate --help``).
SUMMARIES: dict[str, str] = {
    "docs": "Markdown pages, one per named type (docs/models/components/*.md)",
    "models": "typed dataclasses with lossless JSON I/O (models.py)",
    "validators": "standalone validators, every error with its JSON Pointer (validators.py)",
    "pydantic": "pydantic v2 models (pydantic_models.py); needs schemagen[pydantic]",
}


def renderer(name: str) -> Renderer:
    if name not in TARGETS:
        known = ", ".join(TARGETS)
        raise GeneratorError(f"unknown target {name!r} (known targets: {known})")
    module = importlib.import_module(TARGETS[name])
    render: Renderer = module.render
    return functools.partial(_with_user_templates, render)


def _with_user_templates(render: Renderer, job: RenderJob) -> Mapping[str, str]:
    with user_templates(job.templates):
        return render(job)
