"""The cyclic garbage collector is paused while a generation runs, and restored after."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from generator.heap import collection_paused
from generator.pipeline import generate
from generator.targets import docs as docs_target
from tests.conftest import SCHEMA


def test_paused_inside_and_restored_after_even_when_nested() -> None:
    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # (the outer block still holds it)
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_generation_runs_paused_and_a_failing_one_restores_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    real = docs_target.render

    def recording(job: object) -> object:
        seen.append(gc.isenabled())
        return real(job)  # type: ignore[arg-type]

    monkeypatch.setattr(docs_target, "render", recording)
    generate(SCHEMA, tmp_path / "out", ["docs"], jobs=1)
    assert seen == [False] and gc.isenabled()

    def failing(job: object) -> object:
        raise RuntimeError("on purpose")

    monkeypatch.setattr(docs_target, "render", failing)
    with pytest.raises(RuntimeError, match="on purpose"):
        generate(SCHEMA, tmp_path / "out", ["docs"], jobs=1)
    assert gc.isenabled()
