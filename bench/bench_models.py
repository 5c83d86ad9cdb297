"""Benchmark: our generated models vs pydantic v2 models (both from the canonical schema).

Times checked ``from_dict`` vs ``model_validate``, ``to_dict`` vs
``model_dump(by_alias=True, exclude_unset=True)`` and measures memory per loaded document
(tracemalloc), on deterministic conversations of 1, 10 and 100 messages. Writes
``bench/results/models.json``. Run: ``.venv/bin/python bench/bench_models.py``.
"""

from __future__ import annotations

import importlib.util
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

from generator.build import build_ir  # noqa: E402
from generator.load import load_schema  # noqa: E402
from generator.targets import RenderJob  # noqa: E402
from generator.targets.models import render as render_models  # noqa: E402
from generator.targets.pydantic import render as render_pydantic  # noqa: E402

SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def modules(folder: Path) -> tuple[ModuleType, ModuleType]:
    """Standalone models (structural check, no validators module) and pydantic models."""
    loaded = load_schema(SCHEMA)
    job = RenderJob(build_ir(loaded), loaded, frozenset({"models", "pydantic"}))
    (folder / "bench_models.py").write_text(render_models(job)["models.py"], encoding="utf-8")
    (folder / "bench_pyd.py").write_text(
        render_pydantic(job)["pydantic_models.py"], encoding="utf-8"
    )
    return _module("bench_models", folder / "bench_models.py"), _module(
        "bench_pyd", folder / "bench_pyd.py"
    )


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
    with tempfile.TemporaryDirectory() as folder:
        ours, pyd = modules(Path(folder))
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
