"""Golden files: the docs of every corpus schema, compared page by page.

Refresh with `make regen-goldens` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPUS_CASES, GOLDEN, assert_golden, render_case


@pytest.mark.parametrize("case", sorted(CORPUS_CASES))
def test_golden_docs(case: str) -> None:
    files = render_case(CORPUS_CASES[case], "docs")
    pages = {Path(name).name: text for name, text in files.items() if name.endswith(".md")}
    folder = GOLDEN / "docs" / case
    expected = sorted(p.name for p in folder.glob("*.md")) if folder.is_dir() else []
    if expected:
        assert sorted(pages) == expected
    for name, text in sorted(pages.items()):
        assert_golden(folder / name, text)
