"""The docs settings: what changes pages, from ``[tool.schemagen]`` or a Speakeasy ``gen.yaml``.

Options reach the target as ``docs_*`` keys (see :data:`OPTIONS`); :func:`from_options` checks
their values. Defaults reproduce the seed page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import GeneratorError

DEFAULT_PACKAGE = "@inkeep/inkeep-analytics"

#: Option key → (gen.yaml path, allowed values or a type). gen.yaml paths are dotted.
OPTIONS: dict[str, tuple[str, Any]] = {
    "docs_package": ("typescript.packageName", str),
    "docs_optional_property_rendering": (
        "generation.usageSnippets.optionalPropertyRendering",
        ("never", "withExample", "always"),
    ),
    "docs_name_resolution_feb2025": ("generation.fixes.nameResolutionFeb2025", bool),
    "docs_forward_compatible_enums": ("typescript.forwardCompatibleEnumsByDefault", bool),
    "docs_use_index_modules": ("typescript.useIndexModules", bool),
    "docs_enum_format": ("typescript.enumFormat", ("union",)),
}

#: gen.yaml settings that change pages in ways we do not reproduce: setting → supported value.
FIXED: dict[str, Any] = {
    "typescript.modelPropertyCasing": "camel",
    "generation.maintainOpenAPIOrder": True,
    "generation.schemas.allOfMergeStrategy": "shallowMerge",
    "typescript.imports.paths.shared": "models/components",
}


@dataclass(frozen=True)
class DocsSettings:
    package: str = DEFAULT_PACKAGE
    optional_rendering: str = "never"
    singular_items: bool = False
    open_enums: bool = False
    index_modules: bool = True


def check_option(key: str, value: Any, *, where: str) -> None:
    """One clear line for an option we do not support."""
    if key not in OPTIONS:
        raise GeneratorError(f"{where}: unknown docs setting {key!r}")
    allowed = OPTIONS[key][1]
    if isinstance(allowed, tuple):
        if value not in allowed:
            choices = ", ".join(repr(a) for a in allowed)
            raise GeneratorError(
                f"{where}: {key} = {value!r} is not supported (supported: {choices})"
            )
    elif not isinstance(value, allowed):
        raise GeneratorError(f"{where}: {key} must be a {allowed.__name__}, got {value!r}")


def from_options(options: Mapping[str, Any]) -> DocsSettings:
    for key, value in options.items():
        if key.startswith("docs_") and key != "docs_config":
            check_option(key, value, where="docs settings")
    return DocsSettings(
        package=str(options.get("docs_package", DEFAULT_PACKAGE)),
        optional_rendering=str(options.get("docs_optional_property_rendering", "never")),
        singular_items=bool(options.get("docs_name_resolution_feb2025", False)),
        open_enums=bool(options.get("docs_forward_compatible_enums", False)),
        index_modules=bool(options.get("docs_use_index_modules", True)),
    )


def from_gen_yaml(data: Any, *, where: str) -> dict[str, Any]:
    """The ``docs_*`` options a Speakeasy ``gen.yaml`` (parsed) sets."""
    if not isinstance(data, dict):
        raise GeneratorError(f"{where}: expected a mapping at the top level")
    options: dict[str, Any] = {}
    for key, (path, _) in OPTIONS.items():
        found, value = _lookup(data, path)
        if found:
            check_option(key, value, where=f"{where}: {path}")
            options[key] = value
    for path, supported in FIXED.items():
        found, value = _lookup(data, path)
        if found and value != supported:
            raise GeneratorError(
                f"{where}: {path}: {value!r} is not supported by the docs target "
                f"(supported: {supported!r})"
            )
    return options


def _lookup(data: dict[str, Any], path: str) -> tuple[bool, Any]:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node
