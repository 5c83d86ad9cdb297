"""Targets rendered side by side in forked processes give exactly the serial output."""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import parallel
from generator.cli import main
from generator.errors import GeneratorError
from generator.load import load_contents, load_schema
from generator.pipeline import generate, render_all
from generator.targets import docs as docs_target
from generator.targets import validators as validators_target
from tests.conftest import SCHEMA

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="forked rendering is Linux-only")

TARGETS = ["docs", "models", "validators"]
CORPUS = Path(__file__).resolve().parent / "corpus"


def _synthetic(count: int) -> dict[str, object]:
    defs: dict[str, object] = {}
    for index in range(count):
        properties: dict[str, object] = {
            "name": {"type": "string", "description": f"Name | {index}"},
            "size": {"type": "integer", "minimum": 0},
        }
        if index:
            properties["previous"] = {"$ref": f"#/$defs/T{index - 1}"}
        defs[f"T{index}"] = {"type": "object", "properties": properties, "required": ["name"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "#/$defs/T0",
        "$defs": defs,
    }


def test_buckets_put_the_costliest_target_alone() -> None:
    assert parallel.buckets(TARGETS, 2) == [["validators"], ["docs", "models"]]
    assert parallel.buckets(TARGETS, 1) == [TARGETS]
    assert parallel.buckets(TARGETS, 8) == [["validators"], ["models"], ["docs"]]
    assert parallel.buckets(["docs"], 4) == [["docs"]]


def test_small_schemas_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cpus", lambda: 2)
    assert parallel.default_jobs(load_schema(SCHEMA)) == 1
    assert parallel.default_jobs(load_contents(_synthetic(parallel.PARALLEL_MIN_SIZE // 3))) == 2


def test_the_validators_child_compiles_them_while_this_process_builds_the_ir(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent = os.getpid()
    here: list[str] = []
    for name in ("render", "prepare", "finish"):
        real = getattr(validators_target, name)

        def spy(*args: object, _real: Any = real, _name: str = name) -> Any:
            if os.getpid() == parent:
                here.append(_name)
            return _real(*args)

        monkeypatch.setattr(validators_target, name, spy)
    loaded = load_schema(SCHEMA)
    assert render_all(loaded, TARGETS, jobs=2) == render_all(loaded, TARGETS, jobs=1)
    # (a failing child would go unnoticed otherwise: this process renders its bucket again)
    assert here == ["render", "prepare", "finish"], "only the serial run compiles here"


@pytest.mark.parametrize(
    "schema",
    [SCHEMA, CORPUS / "hostile/schema.json", CORPUS / "openapi31/schema.yaml"],
    ids=lambda p: p.parent.name if p.name.startswith("schema.") else p.stem,
)
def test_parallel_output_is_byte_identical_to_serial(schema: Path) -> None:
    loaded = load_schema(schema)
    assert render_all(loaded, TARGETS, jobs=3) == render_all(loaded, TARGETS, jobs=1)


def test_big_schema_goes_parallel_by_default_and_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cpus", lambda: 2)
    forks = []
    real_start = multiprocessing.process.BaseProcess.start

    def counting_start(self: multiprocessing.process.BaseProcess) -> None:
        forks.append(self)
        real_start(self)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", counting_start)
    loaded = load_contents(_synthetic(parallel.PARALLEL_MIN_SIZE // 3))
    by_default = render_all(loaded, TARGETS)
    assert len(forks) == 1, "one child renders validators while this process renders the rest"
    assert by_default == render_all(loaded, TARGETS, jobs=1)


def test_an_error_in_a_child_is_the_serial_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> dict[str, str]:
        raise GeneratorError("cannot compile this on purpose")

    monkeypatch.setattr(validators_target, "finish", refuse)  # (in the child and in render)
    with pytest.raises(GeneratorError, match="cannot compile this on purpose"):
        render_all(load_schema(SCHEMA), TARGETS, jobs=2)
    assert multiprocessing.active_children() == []


def test_a_crashed_child_is_replaced_by_rendering_here(monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    real = validators_target.prepare

    def crash_in_child(loaded: object) -> object:
        if os.getpid() != parent:
            os._exit(3)
        return real(loaded)  # type: ignore[arg-type]

    loaded = load_schema(SCHEMA)
    serial = render_all(loaded, TARGETS, jobs=1)
    monkeypatch.setattr(validators_target, "prepare", crash_in_child)
    assert render_all(loaded, TARGETS, jobs=2) == serial
    assert multiprocessing.active_children() == []


def test_an_error_here_stops_the_children(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(job: object) -> dict[str, str]:
        raise GeneratorError("docs refused")

    monkeypatch.setattr(docs_target, "render", refuse)
    with pytest.raises(GeneratorError, match="docs refused"):
        render_all(load_schema(SCHEMA), TARGETS, jobs=2)
    assert multiprocessing.active_children() == []


def test_cli_jobs_option_writes_the_same_files(tmp_path: Path) -> None:
    serial = generate(SCHEMA, tmp_path / "one", TARGETS, jobs=1)
    arguments = ["generate", str(SCHEMA), "--targets", ",".join(TARGETS), "--jobs", "2"]
    assert main([*arguments, "--out", str(tmp_path / "two")]) == 0
    for name in serial.files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_cli_refuses_a_zero_job_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["generate", str(SCHEMA), "--jobs", "0"])
    assert exit_info.value.code == 2
    assert "--jobs: expected a whole number of at least 1, got '0'" in capsys.readouterr().err


def test_a_failing_target_leaves_the_output_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(SCHEMA, tmp_path, TARGETS, jobs=1)

    def refuse(*args: object) -> dict[str, str]:
        raise GeneratorError("validators refused")

    monkeypatch.setattr(validators_target, "finish", refuse)
    (tmp_path / "docs").rename(tmp_path / "docs-moved")  # docs must be staged anew
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(GeneratorError, match="validators refused"):
        generate(SCHEMA, tmp_path, TARGETS, jobs=2)
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before, "the docs staged while validators rendered were removed"
    assert not (tmp_path / "docs").exists()


def test_an_ir_error_stops_the_child_that_started_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import generator.pipeline as pipeline

    def refuse(loaded: object) -> object:
        raise GeneratorError("no IR on purpose")

    monkeypatch.setattr(pipeline, "build_ir", refuse)
    with pytest.raises(GeneratorError, match="no IR on purpose"):
        render_all(load_schema(SCHEMA), TARGETS, jobs=2)
    assert multiprocessing.active_children() == []
