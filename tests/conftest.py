"""Shared test fixtures: paths, the optional ../shared folder, golden-file helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"
GENERATED = ROOT / "generated"
UPDATE_GOLDENS = os.environ.get("SCHEMAGEN_UPDATE_GOLDENS") == "1"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a visible skip when this clone has none (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (../shared exists only in the team's workspace)")
    return path


def assert_golden(path: Path, actual: str) -> None:
    """Compare with a committed golden file; SCHEMAGEN_UPDATE_GOLDENS=1 rewrites it."""
    if UPDATE_GOLDENS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.is_file(), f"golden file {path} missing: run `make regen-goldens`"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{path} differs from the rendered output: run `make regen-goldens`"
