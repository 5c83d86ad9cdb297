"""Shared test fixtures: paths, the corpus cases, the optional ../shared folder, rendering one
target, golden-file helpers."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from generator.ir import build_ir
from generator.load import load_contents, load_schema
from generator.targets import RenderJob, renderer

if TYPE_CHECKING:
    from tests.installed import Installed

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"
GENERATED = ROOT / "generated"
GOLDEN = ROOT / "tests" / "golden"
CORPUS = ROOT / "tests" / "corpus"
#: Every corpus case (a folder ``tests/corpus/<case>/`` with ``schema.json`` or ``schema.yaml``)
#: → its schema file, by case name.
CORPUS_CASES: dict[str, Path] = {p.parent.name: p for p in sorted(CORPUS.glob("*/schema.*"))}
UPDATE_GOLDENS = os.environ.get("SCHEMAGEN_UPDATE_GOLDENS") == "1"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a visible skip when this clone has none (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared exists only in the team's workspace)")
    return path


def render_case(case: Path | Any, target: str, **options: Any) -> dict[str, str]:
    """The files one target renders (``{relative path: text}``) for ``case``: a schema file's
    path, or a schema document given as its contents; ``options`` as from ``[tool.schemagen]``."""
    loaded = load_schema(case) if isinstance(case, Path) else load_contents(case)
    job = RenderJob(
        ir=build_ir(loaded), loaded=loaded, targets=frozenset({target}), options=options
    )
    return dict(renderer(target)(job))


def assert_golden(path: Path, actual: str) -> None:
    """Compare with a committed golden file; SCHEMAGEN_UPDATE_GOLDENS=1 rewrites it."""
    if UPDATE_GOLDENS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.is_file(), f"golden file {path} missing: run `make regen-goldens`"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{path} differs from the rendered output: run `make regen-goldens`"


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """schemagen built as a wheel from a clean clone and installed in a fresh venv, once."""
    from tests.installed import install

    return install(tmp_path_factory.mktemp("installed"), ROOT)
