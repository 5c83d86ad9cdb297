"""Property-based fuzzing (issue 10's acceptance test): nothing breaks schemagen.

Schemas are drawn from each draft's metaschema and then mutated (:mod:`tests.fuzz_schemas`).

* ``compile()`` either raises :class:`SchemaError` or returns a validator that agrees with
  python-jsonschema on every instance tried (``is_valid`` and ``iter_errors`` alike), except
  where python-jsonschema itself has no answer (it raises: an infinite loop, a huge integer it
  cannot print), where ours must not answer either (or the schema was refused).
* The pipeline (``schemagen generate``, models, validators and docs) either exits 0 with output
  that imports, passes ``ruff check``, ``ruff format --check`` and ``mypy --strict``, or exits
  2 with one line on stderr and the output folder byte-identical to before.

``make test`` runs a bounded, derandomised number of examples; ``make fuzz`` sets
``SCHEMAGEN_FUZZ_EXAMPLES`` (and ``SCHEMAGEN_FUZZ_PIPELINE``) for thousands, and prints the
counts of each outcome.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema.validators
import pytest
import referencing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.compiler import compile
from generator.errors import SchemaError
from tests.fuzz_schemas import DRAFTS, JSON, mutated

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LONG = "SCHEMAGEN_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("SCHEMAGEN_FUZZ_EXAMPLES", "60"))
PIPELINE_BATCHES = int(os.environ.get("SCHEMAGEN_FUZZ_PIPELINE", "1"))
PIPELINE_BATCH = 12
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=not LONG,
    suppress_health_check=list(HealthCheck),
)


def report(title: str, counts: Counter[str]) -> None:
    line = ", ".join(f"{key}: {value}" for key, value in sorted(counts.items()))
    print(f"\nfuzz {title}: {line}")  # shown with -s (make fuzz)


def instances_for(schema: Any) -> list[Any]:
    """Values found in the schema (enum members, consts, defaults): likely to be valid."""
    found: list[Any] = []
    stack = [schema]
    while stack and len(found) < 8:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("const", "default"):
                    found.append(value)
                elif key == "enum" and isinstance(value, list):
                    found.extend(value[:3])
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found


def reference_answer(reference: Any, instance: Any) -> bool | None:
    """python-jsonschema's answer, or None when it has none (it raised)."""
    try:
        return bool(reference.is_valid(instance))
    except Exception:  # noqa: BLE001 - RecursionError, Unresolvable, ValueError...
        return None


@pytest.mark.parametrize("draft", list(DRAFTS))
def test_compile_agrees_with_python_jsonschema_or_refuses(draft: str) -> None:
    counts: Counter[str] = Counter()
    uri = DRAFTS[draft]
    cls = jsonschema.validators.validator_for({"$schema": uri})
    no_network = referencing.Registry()  # (a remote $ref must never be fetched)

    @SETTINGS
    @given(mutated(draft), st.lists(JSON, max_size=6))
    def check(schema: Any, drawn: list[Any]) -> None:
        try:
            validator = compile(schema, default_dialect=uri, pattern_timeout=5.0)
        except SchemaError as exc:
            counts["refused (SchemaError)"] += 1
            assert "\n" not in str(exc) and len(str(exc)) < 1000
            return
        counts["compiled"] += 1
        reference = cls(schema, registry=no_network)
        for instance in [*instances_for(schema), *drawn]:
            expected = reference_answer(reference, instance)
            try:
                ours = validator.is_valid(instance)
                errors = list(validator.iter_errors(instance))
            except validator.SchemaLoopError:
                # The schema applies itself to this instance without end through conditional
                # keywords: there is no answer. python-jsonschema finds out (RecursionError)
                # only if its evaluation order reaches the loop, which lazy allOf/anyOf may
                # skip (README, Safety: deviations).
                counts["instances in a schema loop (no answer)"] += 1
                continue
            assert ours == (not errors), f"is_valid {ours} but errors {errors}"
            if expected is None:
                counts["instances python-jsonschema cannot answer"] += 1
                continue
            assert ours == expected, f"{instance!r}: ours {ours}, python-jsonschema {expected}"
            counts["instances valid" if ours else "instances invalid"] += 1

    check()
    report(f"compile {draft}", counts)
    assert counts["compiled"] > 0, "no schema compiled: the strategy draws nothing useful"


# -- the pipeline -----------------------------------------------------------------------------

TARGETS = "models,validators,docs"


def snapshot(folder: Path) -> dict[str, Any]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def json_text(value: Any) -> str:
    """``value`` as JSON text, whatever it holds: integers of any length (Python prints at
    most 4,300 digits unless told), NaN/Infinity as Python writes them (the loader must
    refuse them), lone surrogates escaped."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return json.dumps(value)
    finally:
        sys.set_int_max_str_digits(limit)


def run_cli(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(list(args))
    return code, err.getvalue()


def test_the_pipeline_writes_good_code_or_refuses_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts: Counter[str] = Counter()
    batches = iter(range(10**9))
    seed_schema = tmp_path / "seed.json"
    seed_schema.write_text('{"title": "Seed", "properties": {"a": {"type": "string"}}}')

    @settings(SETTINGS, max_examples=PIPELINE_BATCHES)
    @given(
        st.lists(
            st.sampled_from(list(DRAFTS)).flatmap(lambda d: st.tuples(st.just(d), mutated(d))),
            min_size=PIPELINE_BATCH,
            max_size=PIPELINE_BATCH,
        )
    )
    def check(batch: list[tuple[str, Any]]) -> None:
        root = tmp_path / f"batch{next(batches)}"
        root.mkdir()
        written: list[str] = []
        for index, (draft, schema) in enumerate(batch):
            if isinstance(schema, dict):
                schema = {"$schema": DRAFTS[draft], **schema}
            path = root / f"s{index}.json"
            path.write_text(json_text(schema), encoding="utf-8")
            out = root / f"p{index}"
            # an output folder with something in it already: a refusal must leave it alone
            assert run_cli("generate", str(seed_schema), "--out", str(out), "--jobs", "1")[0] == 0
            (out / "notes.txt").write_text("the user's\n")
            before = snapshot(out)
            code, err = run_cli(
                "generate", str(path), "--out", str(out), "--targets", TARGETS, "--jobs", "1"
            )
            if code == 2:
                counts["refused (exit 2)"] += 1
                assert err.count("\n") == 1 and err.startswith("schemagen: error: "), err
                assert snapshot(out) == before, "a refusal changed the output folder"
                continue
            assert code == 0, err
            counts["generated (exit 0)"] += 1
            written.append(out.name)
        if not written:
            return
        config = ["--config", str(ROOT / "pyproject.toml")]
        for command in (
            [str(BIN / "ruff"), "check", "--no-cache", *config, *written],
            [str(BIN / "ruff"), "format", "--check", "--no-cache", *config, *written],
            [str(BIN / "mypy"), "--strict", "--no-incremental", *written],
        ):
            run = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
            assert run.returncode == 0, (run.stdout + run.stderr)[-4000:]
        monkeypatch.syspath_prepend(str(root))
        for name in written:
            importlib.import_module(f"{name}.models")
            importlib.import_module(f"{name}.validators")
        counts["linted, type-checked and imported"] += len(written)

    check()
    report("pipeline", counts)
