"""Golden files: the docs of every corpus schema, compared page by page.

Refresh with `make regen-goldens` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load_schema
from generator.pipeline import render_all
from tests.conftest import assert_golden

CORPUS = Path(__file__).resolve().parent / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden" / "docs"
CASES = sorted(p.parent.name for p in CORPUS.glob("*/schema.*"))


@pytest.mark.parametrize("case", CASES)
def test_golden_docs(case: str) -> None:
    schema = next((CORPUS / case).glob("schema.*"))
    files = render_all(load_schema(schema), ["docs"])
    pages = {Path(name).name: text for name, text in files.items() if name.endswith(".md")}
    folder = GOLDEN / case
    expected = sorted(p.name for p in folder.glob("*.md")) if folder.is_dir() else []
    if expected:
        assert sorted(pages) == expected
    for name, text in sorted(pages.items()):
        assert_golden(folder / name, text)
