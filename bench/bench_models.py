"""Benchmark: our generated models vs pydantic v2 models (both from the canonical schema).

Times validated ``from_dict`` (the models next to their validators, as ``schemagen generate``
writes them to ``generated/``) vs ``model_validate``, ``to_dict`` vs
``model_dump(by_alias=True, exclude_unset=True)``, and measures memory per loaded document
(tracemalloc), on deterministic conversations of 1, 10 and 100 messages. Uses the repo's
``generated/`` package (regenerate it first: ``.venv/bin/python -m generator generate``);
``--fresh`` renders the three modules from the current generator into a scratch package
instead. Writes ``bench/results/models.json``. Run: ``.venv/bin/python bench/bench_models.py``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import tempfile
import timeit
import tracemalloc
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.pipeline import generate  # noqa: E402

SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"


def modules(fresh: Path | None) -> tuple[ModuleType, ModuleType]:
    """Our models (with their validators) and the pydantic models: ``generated/`` or fresh."""
    package = "generated"
    if fresh is not None:
        package = "bench_fresh_models"
        generate(SCHEMA, fresh / package, ["models", "validators", "pydantic"])
        sys.path.insert(0, str(fresh))
    ours = importlib.import_module(f"{package}.models")
    if not hasattr(ours, "_validators"):
        raise SystemExit(f"{package}/models.py was generated without the validators target")
    return ours, importlib.import_module(f"{package}.pydantic_models")


def conversation(messages: int) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    for i in range(messages):
        message: dict[str, Any] = {
            "id": f"m{i}",
            "role": ("system", "user", "assistant")[i % 3],
            "createdAt": "2024-01-01T00:00:00Z",
            "externalId": None,
            "content": "plain text"
            if i % 2
            else [
                {"type": "text", "text": f"hello {i}"},
                {"type": "image_url", "image_url": {"url": f"https://x/{i}.png", "detail": "low"}},
            ],
            "links": [{"url": f"https://docs/{i}", "type": "documentation", "breadcrumbs": ["a"]}],
        }
        if i % 3 == 2:
            message["tool_calls"] = [
                {"id": f"c{i}", "type": "function", "function": {"name": "f", "arguments": "{}"}}
            ]
        out.append(message)
    return {"type": "openai", "id": "conv", "tags": ["t"], "properties": {"k": 1}, "messages": out}


def best(stmt: Any, number: int) -> float:
    return min(timeit.repeat(stmt, number=number, repeat=5)) / number


def memory(load: Any, document: dict[str, Any], count: int = 200) -> float:
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = [load(document) for _ in range(count)]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return (after - before) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="render the modules first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        ours, pyd = modules(Path(folder) if args.fresh else None)
        ours_cls, pyd_cls = ours.CreateOpenAIConversation, pyd.CreateOpenAIConversation
        results: dict[str, Any] = {}
        for size in (1, 10, 100):
            doc = conversation(size)
            obj, model = ours_cls.from_dict(doc), pyd_cls.model_validate(doc)
            assert obj.to_dict() == doc
            assert model.model_dump(by_alias=True, exclude_unset=True, mode="json") == doc
            number = max(10, 2000 // size)
            row = {
                "from_dict_s": best(lambda d=doc: ours_cls.from_dict(d), number),
                "model_validate_s": best(lambda d=doc: pyd_cls.model_validate(d), number),
                "to_dict_s": best(obj.to_dict, number),
                "model_dump_s": best(
                    lambda m=model: m.model_dump(by_alias=True, exclude_unset=True), number
                ),
                "ours_bytes": memory(ours_cls.from_dict, doc),
                "pydantic_bytes": memory(pyd_cls.model_validate, doc),
            }
            row["load_ratio"] = row["from_dict_s"] / row["model_validate_s"]
            row["dump_ratio"] = row["to_dict_s"] / row["model_dump_s"]
            row["memory_ratio"] = row["ours_bytes"] / row["pydantic_bytes"]
            results[f"{size}_messages"] = row
            print(
                f"{size:>4} messages: load x{row['load_ratio']:.2f}, dump x{row['dump_ratio']:.2f},"
                f" memory x{row['memory_ratio']:.2f} (ours/pydantic; <1 is better)"
            )
    out = ROOT / "bench" / "results" / "models.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
