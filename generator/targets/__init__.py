"""The targets: each turns the IR (and, for validators, the resolved schema) into files.

A target is a function ``render(job) -> {relative path: text}``; paths are relative to the
output folder. Targets are looked up by name here, in the order they are generated.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.errors import GeneratorError
from generator.ir import SchemaIR
from generator.load import LoadedSchema


@dataclass(frozen=True)
class RenderJob:
    """What every target receives."""

    ir: SchemaIR
    loaded: LoadedSchema
    #: All targets generated in this run (a target may adapt, e.g. models use validators).
    targets: frozenset[str]
    #: Target options from ``[tool.schemagen]`` (e.g. ``docs_package``).
    options: Mapping[str, Any] = field(default_factory=dict)


Renderer = Callable[[RenderJob], Mapping[str, str]]

#: Target name → module under ``generator.targets`` that defines ``render``.
TARGETS: dict[str, str] = {
    "docs": "generator.targets.docs",
    "models": "generator.targets.models",
    "validators": "generator.targets.validators",
    "pydantic": "generator.targets.pydantic",
}


def renderer(name: str) -> Renderer:
    if name not in TARGETS:
        known = ", ".join(TARGETS)
        raise GeneratorError(f"unknown target {name!r} (known targets: {known})")
    module = importlib.import_module(TARGETS[name])
    render: Renderer = module.render
    return render
