"""Native builds: mypyc-compiled validators and models vs jsonschema-rs and pydantic v2.

Renders ``validators``, ``models`` and ``pydantic`` from the canonical schema into a scratch
package, compiles a copy of it with ``generator.native.build`` (what ``schemagen native``
does), and times, in this one process and on the same documents:

* ``is_valid`` (valid documents) and ``iter_errors`` (invalid ones, every error collected):
  native and pure Python vs jsonschema-rs (the documents of ``bench_validators.py``, as
  dict literals and as ``json.loads`` returns them);
* validated ``from_dict`` vs ``model_validate``, ``to_dict`` vs
  ``model_dump(by_alias=True, exclude_unset=True)``, and memory per loaded document
  (tracemalloc), native and pure Python (the documents of ``bench_models.py``).

Ratios are the peer's time over ours (higher = we are faster) for speed, ours over the peer's
for memory (lower = we use less). Writes ``bench/results/native.json``.
Run: ``.venv/bin/python bench/bench_native.py`` (the build takes a minute or two).
"""

from __future__ import annotations

import importlib
import json
import platform
import shutil
import sys
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import bench_models  # noqa: E402
import bench_validators  # noqa: E402

from generator import native  # noqa: E402
from generator.pipeline import generate  # noqa: E402

SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"
RESULTS = HERE / "results" / "native.json"
PURE, NATIVE = "bench_pure_gen", "bench_native_gen"


def build_packages(folder: Path) -> tuple[dict[str, ModuleType], dict[str, ModuleType]]:
    """(pure, native) modules by name, from one rendering of the schema."""
    generate(SCHEMA, folder / PURE, ["models", "validators", "pydantic"])
    shutil.copytree(folder / PURE, folder / NATIVE)
    native.build(folder / NATIVE, progress=lambda line: print(line, flush=True))
    sys.path.insert(0, str(folder))
    out: list[dict[str, ModuleType]] = []
    for package in (PURE, NATIVE):
        out.append(
            {
                name: importlib.import_module(f"{package}.{name}")
                for name in ("validators", "models", "pydantic_models")
            }
        )
    pure, compiled = out
    assert not native.is_native(pure["validators"]) and not native.is_native(pure["models"])
    assert native.is_native(compiled["validators"]) and native.is_native(compiled["models"])
    return pure, compiled


def interleaved(contenders: dict[str, Callable[[], Any]], number: int) -> dict[str, float]:
    """Seconds per call of each contender: the best of 9 rounds, each round timing every
    contender once in turn, so that a pause of the machine spoils one round of all of them
    rather than every repeat of one."""
    best = dict.fromkeys(contenders, float("inf"))
    for _ in range(9):
        for name, func in contenders.items():
            best[name] = min(best[name], timeit.timeit(func, number=number) / number)
    return best


def per_document_us(funcs: dict[str, Callable[[Any], Any]], docs: list[Any]) -> dict[str, float]:
    """Microseconds per document of each function over ``docs``, timed :func:`interleaved`
    (as many passes over the documents per round as the slowest takes in about 0.2 s)."""
    runs = {name: (lambda f=func: [f(doc) for doc in docs]) for name, func in funcs.items()}
    slowest = max(timeit.timeit(run, number=3) / 3 for run in runs.values())
    number = max(1, int(0.2 / max(slowest, 1e-9)))
    return {name: s * 1e6 / len(docs) for name, s in interleaved(runs, number).items()}


def validators(pure: ModuleType, compiled: ModuleType, schema: Any) -> list[dict[str, Any]]:
    import jsonschema_rs

    rs = jsonschema_rs.validator_for(schema)
    contenders = {
        "native": (compiled.is_valid, lambda d: list(compiled.iter_errors(d))),
        "pure": (pure.is_valid, lambda d: list(pure.iter_errors(d))),
        "jsonschema-rs": (rs.is_valid, lambda d: list(rs.iter_errors(d))),
    }
    rows = []
    for size in bench_validators.SIZES:
        valid = [bench_validators.conversation(size, seed) for seed in range(10)]
        invalid = [bench_validators.break_document(d, seed) for seed, d in enumerate(valid)]
        for doc in valid:
            assert compiled.is_valid(doc) and pure.is_valid(doc) and rs.is_valid(doc)
        for doc in invalid:  # the same errors (each module has its own error class)
            assert [repr(e) for e in compiled.iter_errors(doc)] == [
                repr(e) for e in pure.iter_errors(doc)
            ]
        # the same documents as a JSON parser returns them: their keys are not the interned
        # strings of the literals above (nor of the generated code), so each hit of a lookup
        # also compares the strings
        parsed = [json.loads(json.dumps(doc)) for doc in valid]
        parsed_invalid = [json.loads(json.dumps(doc)) for doc in invalid]
        cases = (
            ("is_valid", "", valid, 0),
            ("iter_errors", "", invalid, 1),
            ("is_valid", ", parsed", parsed, 0),
            ("iter_errors", ", parsed", parsed_invalid, 1),
        )
        for mode, kind, docs, index in cases:
            us = per_document_us({name: f[index] for name, f in contenders.items()}, docs)
            row = {
                "case": f"{mode} {size} msg{kind}",
                "us": {k: round(v, 3) for k, v in us.items()},
                "rs_over_native": round(us["jsonschema-rs"] / us["native"], 2),
                "rs_over_pure": round(us["jsonschema-rs"] / us["pure"], 2),
                "pure_over_native": round(us["pure"] / us["native"], 2),
            }
            rows.append(row)
            print(
                f"{row['case']:<28} native {us['native']:8.2f} µs  pure {us['pure']:8.2f} µs  "
                f"jsonschema-rs {us['jsonschema-rs']:8.2f} µs  "
                f"rs/native {row['rs_over_native']:5.2f}x  rs/pure {row['rs_over_pure']:5.2f}x"
            )
    return rows


def models(pure: dict[str, ModuleType], compiled: dict[str, ModuleType]) -> list[dict[str, Any]]:
    pyd = compiled["pydantic_models"].CreateOpenAIConversation
    ours = {
        "native": compiled["models"].CreateOpenAIConversation,
        "pure": pure["models"].CreateOpenAIConversation,
    }
    rows = []
    for size in (1, 10, 100):
        doc = bench_models.conversation(size)
        model = pyd.model_validate(doc)
        objects = {name: cls.from_dict(doc) for name, cls in ours.items()}
        for obj in objects.values():
            assert obj.to_dict() == doc
        number = max(10, 2000 // size)
        loaders: dict[str, Callable[[], Any]] = {
            name: (lambda c=cls, d=doc: c.from_dict(d)) for name, cls in ours.items()
        }
        loaders["pydantic"] = lambda d=doc: pyd.model_validate(d)
        dumpers: dict[str, Callable[[], Any]] = {name: obj.to_dict for name, obj in objects.items()}
        dumpers["pydantic"] = lambda m=model: m.model_dump(by_alias=True, exclude_unset=True)
        load, dump = interleaved(loaders, number), interleaved(dumpers, number)
        memory = {name: bench_models.memory(cls.from_dict, doc) for name, cls in ours.items()}
        memory["pydantic"] = bench_models.memory(pyd.model_validate, doc)
        row = {
            "messages": size,
            "from_dict_us": {k: round(v * 1e6, 3) for k, v in load.items()},
            "to_dict_us": {k: round(v * 1e6, 3) for k, v in dump.items()},
            "bytes_per_document": {k: round(v) for k, v in memory.items()},
            "pydantic_over_native_load": round(load["pydantic"] / load["native"], 2),
            "pydantic_over_pure_load": round(load["pydantic"] / load["pure"], 2),
            "pydantic_over_native_dump": round(dump["pydantic"] / dump["native"], 2),
            "pydantic_over_pure_dump": round(dump["pydantic"] / dump["pure"], 2),
            "native_over_pydantic_memory": round(memory["native"] / memory["pydantic"], 2),
            "pure_over_pydantic_memory": round(memory["pure"] / memory["pydantic"], 2),
        }
        rows.append(row)
        print(
            f"{size:>4} messages: from_dict pydantic/native {row['pydantic_over_native_load']:.2f}x"
            f" (pure {row['pydantic_over_pure_load']:.2f}x), to_dict pydantic/native "
            f"{row['pydantic_over_native_dump']:.2f}x (pure {row['pydantic_over_pure_dump']:.2f}x),"
            f" memory native/pydantic {row['native_over_pydantic_memory']:.2f}"
            f" (pure {row['pure_over_pydantic_memory']:.2f})"
        )
    return rows


def main() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-native-") as tmp:
        pure, compiled = build_packages(Path(tmp))
        results = {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "validators_unit": "µs per document, best of 9 interleaved rounds",
            "validators": validators(pure["validators"], compiled["validators"], schema),
            "models_unit": "µs per call, best of 9 interleaved rounds; bytes per document",
            "models": models(pure, compiled),
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
