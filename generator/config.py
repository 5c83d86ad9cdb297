"""Defaults for the CLI from ``[tool.schemagen]`` in the nearest ``pyproject.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.targets import DEFAULT_TARGETS


@dataclass(frozen=True)
class Config:
    schema: Path | None = None
    out: Path = Path("generated")
    targets: tuple[str, ...] = DEFAULT_TARGETS
    ref_map: dict[str, Path] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    #: The user's template folder, whose ``<target>/<name>`` files replace ours.
    templates: Path | None = None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> Config:
    """Read ``[tool.schemagen]``; paths in it are relative to the pyproject's folder."""
    pyproject = find_pyproject((start or Path.cwd()).resolve())
    if pyproject is None:
        return Config()
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GeneratorError(f"{pyproject}: cannot read [tool.schemagen]: {exc}") from None
    section = data.get("tool", {}).get("schemagen")
    if section is None:
        return Config()
    if not isinstance(section, dict):
        raise GeneratorError(f"{pyproject}: [tool.schemagen] must be a table")
    root = pyproject.parent
    from generator.targets.docs.settings import OPTIONS, check_option

    known = {"schema", "out", "targets", "ref_map", "templates", "docs_config", *OPTIONS}
    unknown = sorted(set(section) - known)
    if unknown:
        raise GeneratorError(
            f"{pyproject}: unknown key(s) in [tool.schemagen]: {', '.join(unknown)}"
        )
    targets = section.get("targets", list(DEFAULT_TARGETS))
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise GeneratorError(f"{pyproject}: [tool.schemagen] targets must be a list of names")
    ref_map = section.get("ref_map", {})
    if not isinstance(ref_map, dict):
        raise GeneratorError(f"{pyproject}: [tool.schemagen] ref_map must be a table URL = DIR")
    return Config(
        schema=_relative(root, section.get("schema")),
        out=_relative(root, section.get("out")) or root / "generated",
        targets=tuple(targets),
        ref_map={str(url): root / str(folder) for url, folder in ref_map.items()},
        options=_docs_options(root, section, check_option, where=str(pyproject)),
        templates=_relative(root, section.get("templates")),
    )


def _docs_options(root: Path, section: dict[str, Any], check: Any, *, where: str) -> dict[str, Any]:
    """Docs settings: those of ``docs_config`` (a Speakeasy gen.yaml), then the table's own."""
    options: dict[str, Any] = {}
    if "docs_config" in section:
        config = _relative(root, section["docs_config"])
        assert config is not None
        options.update(read_docs_config(config))
    for key, value in section.items():
        if key.startswith("docs_") and key != "docs_config":
            check(key, value, where=f"{where}: [tool.schemagen]")
            options[key] = value
    return options


def read_docs_config(path: Path) -> dict[str, Any]:
    """The docs settings a Speakeasy ``gen.yaml`` holds, as ``docs_*`` options."""
    from generator.load.parse import read_document
    from generator.targets.docs.settings import from_gen_yaml

    return from_gen_yaml(read_document(path), where=str(path))


def _relative(root: Path, value: Any) -> Path | None:
    if value is None:
        return None
    path = Path(str(value))
    if path.is_absolute():
        return path
    # Relative to the pyproject, shown relative to the working folder when possible.
    full = root / path
    try:
        return full.relative_to(Path.cwd())
    except ValueError:
        return full
