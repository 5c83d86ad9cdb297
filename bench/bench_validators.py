"""Validator speed: our compiled validator vs fastjsonschema, jsonschema and jsonschema-rs.

All four validate the same deterministic conversation documents (1, 5 and 50 messages) in one
process. ``is_valid`` is timed on valid documents; the full error path (``iter_errors``, or each
peer's closest equivalent) on invalid ones. Each figure is the best of several ``timeit``
repeats (per-document microseconds); ratios are peer time / our time (higher = we are faster).
Results are printed as a table and written to ``bench/results/validators.json``.
"""

from __future__ import annotations

import copy
import json
import platform
import random
import statistics
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from generator.compiler import compile as compile_validator  # noqa: E402

SCHEMA_PATH = ROOT / "schema" / "create_openai_conversation.schema.json"
RESULTS = HERE / "results" / "validators.json"
SIZES = (1, 5, 50)

#: Used only when the canonical schema is absent (a faithful stand-in of its structure).
FALLBACK_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        **{
            name: {"type": ["string", "null"]}
            for name in (
                "id",
                "externalId",
                "externalUrl",
                "supportTicketConversationId",
                "createdAt",
                "updatedAt",
                "projectId",
                "integrationId",
            )
        },
        "type": {"type": "string", "enum": ["openai"]},
        "properties": {"anyOf": [{"type": "object"}, {"type": "null"}]},
        "userProperties": {"anyOf": [{"type": "object"}, {"type": "null"}]},
        "tags": {"type": ["array", "null"], "items": {"type": "string"}},
        "visibility": {"anyOf": [{"enum": ["private", "public"]}, {"type": "null"}]},
        "messages": {"type": "array", "items": {"$ref": "#/$defs/Messages"}, "minItems": 1},
    },
    "required": ["type", "messages"],
    "$defs": {
        "Messages": {
            "type": "object",
            "required": ["role", "content"],
            "properties": {
                "id": {"type": "string"},
                "role": {"type": "string", "enum": ["system", "user", "assistant"]},
                "content": {
                    "anyOf": [
                        {"type": "string"},
                        {"type": "array", "items": {"$ref": "#/$defs/Item"}},
                    ]
                },
                "name": {"type": ["string", "null"]},
                "links": {"type": ["array", "null"], "items": {"$ref": "#/$defs/Link"}},
                "tool_calls": {"type": ["array", "null"], "items": {"$ref": "#/$defs/ToolCall"}},
            },
        },
        "Item": {
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {"enum": ["text", "image_url"]},
                "text": {"type": ["string", "null"]},
                "image_url": {
                    "anyOf": [
                        {
                            "type": "object",
                            "required": ["url"],
                            "properties": {
                                "url": {"type": "string"},
                                "detail": {"enum": ["auto", "low", "high"]},
                            },
                        },
                        {"type": "null"},
                    ]
                },
            },
        },
        "Link": {
            "type": "object",
            "required": ["url"],
            "properties": {
                "label": {"type": ["string", "null"]},
                "url": {"type": "string"},
                "title": {"type": ["string", "null"]},
                "description": {"type": ["string", "null"]},
                "type": {"anyOf": [{"enum": ["documentation", "site"]}, {"type": "string"}]},
                "breadcrumbs": {"type": ["array", "null"], "items": {"type": "string"}},
            },
        },
        "ToolCall": {
            "type": "object",
            "required": ["id", "type", "function"],
            "properties": {
                "id": {"type": "string"},
                "type": {"const": "function"},
                "function": {
                    "type": "object",
                    "required": ["name", "arguments"],
                    "properties": {"name": {"type": "string"}, "arguments": {"type": "string"}},
                },
            },
        },
    },
}


def load_schema() -> tuple[dict[str, Any], str]:
    if SCHEMA_PATH.is_file():
        return json.loads(SCHEMA_PATH.read_text(encoding="utf-8")), str(
            SCHEMA_PATH.relative_to(ROOT)
        )
    return FALLBACK_SCHEMA, "bench fallback copy (schema/ file missing)"


def _words(rng: random.Random, count: int) -> str:
    vocabulary = "the a conversation message user assistant tool call link docs api key".split()
    return " ".join(rng.choice(vocabulary) for _ in range(count))


def message(rng: random.Random, index: int) -> dict[str, Any]:
    role = ("system", "user", "assistant")[index % 3 if index else 0]
    msg: dict[str, Any] = {"role": role, "id": f"msg_{index:04d}"}
    if rng.random() < 0.5:
        msg["content"] = _words(rng, rng.randrange(5, 60))
    else:
        msg["content"] = [
            {"type": "text", "text": _words(rng, rng.randrange(3, 30))},
            *(
                [
                    {
                        "type": "image_url",
                        "image_url": {"url": "https://x.test/i.png", "detail": "low"},
                    }
                ]
                if rng.random() < 0.3
                else []
            ),
        ]
    if role == "assistant" and rng.random() < 0.5:
        msg["links"] = [
            {
                "url": f"https://docs.example.com/page/{rng.randrange(1000)}",
                "title": _words(rng, 4),
                "label": None,
                "type": rng.choice(["documentation", "site", "github_issue"]),
                "breadcrumbs": ["Docs", "API"],
            }
            for _ in range(rng.randrange(1, 4))
        ]
    if role == "assistant" and rng.random() < 0.3:
        msg["tool_calls"] = [
            {
                "id": f"call_{index}",
                "type": "function",
                "function": {"name": "search", "arguments": json.dumps({"q": _words(rng, 3)})},
            }
        ]
    if rng.random() < 0.2:
        msg["name"] = None
    return msg


def conversation(messages: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    return {
        "id": f"conv_{seed}",
        "type": "openai",
        "externalId": None,
        "projectId": "proj_123",
        "createdAt": "2024-05-01T12:00:00Z",
        "tags": ["support", "billing"],
        "visibility": "private",
        "properties": {"source": "web", "n": seed},
        "messages": [message(rng, i) for i in range(messages)],
    }


def break_document(document: dict[str, Any], seed: int) -> dict[str, Any]:
    """A copy with a few typical mistakes (bad enum, wrong type, missing required)."""
    rng = random.Random(seed)
    broken = copy.deepcopy(document)
    msgs = broken["messages"]
    msgs[rng.randrange(len(msgs))]["role"] = "robot"
    msgs[rng.randrange(len(msgs))]["content"] = 42
    victim = msgs[rng.randrange(len(msgs))]
    victim.pop("role", None)
    broken["visibility"] = "secret"
    return broken


def best_us(func: Callable[[], Any], documents: int) -> tuple[float, float]:
    """(min, median) microseconds per document over several timeit repeats."""
    timer = timeit.Timer(func)
    number, elapsed = timer.autorange()
    number = max(1, int(number * 0.3 / max(elapsed, 1e-9)))
    runs = timer.repeat(repeat=7, number=number)
    per_doc = [run / number / documents * 1e6 for run in runs]
    return min(per_doc), statistics.median(per_doc)


def peers(schema: dict[str, Any]) -> dict[str, dict[str, Callable[[Any], Any]]]:
    """name -> {"is_valid": f, "errors": f} for every installed peer."""
    found: dict[str, dict[str, Callable[[Any], Any]]] = {}
    try:
        import fastjsonschema

        validate = fastjsonschema.compile(schema)

        def fjs_valid(doc: Any) -> bool:
            try:
                validate(doc)
            except fastjsonschema.JsonSchemaException:
                return False
            return True

        # fastjsonschema stops at the first error: its "error path" is the same call
        found["fastjsonschema"] = {"is_valid": fjs_valid, "errors": fjs_valid}
    except ImportError:
        pass
    try:
        from jsonschema.validators import validator_for

        reference = validator_for(schema)(schema)
        found["jsonschema"] = {
            "is_valid": reference.is_valid,
            "errors": lambda doc: list(reference.iter_errors(doc)),
        }
    except ImportError:
        pass
    try:
        import jsonschema_rs

        rs = jsonschema_rs.validator_for(schema)
        found["jsonschema-rs"] = {
            "is_valid": rs.is_valid,
            "errors": lambda doc: list(rs.iter_errors(doc)),
        }
    except ImportError:
        pass
    return found


def main() -> None:
    schema, source = load_schema()
    ours = compile_validator(schema)
    contenders: dict[str, dict[str, Callable[[Any], Any]]] = {
        "schemagen": {
            "is_valid": ours.is_valid,
            "errors": lambda doc: list(ours.iter_errors(doc)),
        },
        **peers(schema),
    }
    results: dict[str, Any] = {
        "schema": source,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "unit": "microseconds per document (best of 7 repeats; median alongside)",
        "cases": [],
    }
    header = f"{'case':<22}{'validator':<16}{'best µs':>12}{'median µs':>12}{'peer/ours':>11}"
    print(f"schema: {source}")
    print(header)
    print("-" * len(header))
    for size in SIZES:
        valid_docs = [conversation(size, seed) for seed in range(10)]
        invalid_docs = [break_document(doc, seed) for seed, doc in enumerate(valid_docs)]
        for doc in valid_docs:
            assert ours.is_valid(doc), list(ours.iter_errors(doc))[:3]
        for doc in invalid_docs:
            assert not ours.is_valid(doc)
        for mode, docs in (("is_valid", valid_docs), ("errors", invalid_docs)):
            case = f"{mode} {size} msg"
            timings: dict[str, tuple[float, float]] = {}
            for name, funcs in contenders.items():
                func = funcs[mode]

                def run(func: Callable[[Any], Any] = func, docs: list[Any] = docs) -> None:
                    for doc in docs:
                        func(doc)

                timings[name] = best_us(run, len(docs))
            our_best = timings["schemagen"][0]
            for name, (low, median) in timings.items():
                ratio = low / our_best
                label = "" if name == "schemagen" else f"{ratio:>10.1f}x"
                print(f"{case:<22}{name:<16}{low:>12.2f}{median:>12.2f}{label:>11}")
                results["cases"].append(
                    {
                        "case": case,
                        "mode": mode,
                        "messages": size,
                        "validator": name,
                        "best_us": round(low, 3),
                        "median_us": round(median, 3),
                        "peer_over_ours": round(ratio, 2),
                    }
                )
            print()
    print("errors mode: schemagen/jsonschema/jsonschema-rs collect all errors;")
    print("fastjsonschema raises at the first one (so its figure is a lower bound).")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
