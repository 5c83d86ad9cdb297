"""Docs pages of OpenAPI documents: time per component as the document grows (linearity).

Synthetic OpenAPI 3.1 documents of N components, each with an inline enum, an inline array of
objects, an inline union and a ``$ref`` to the next component (so the walk also meets one long
chain), one operation per ten components. Timed: the docs target alone (the docs model's two
walks and the pages), in one process, best of ``--repeat`` runs. A linear target keeps the
milliseconds per component flat.

Usage: ``python bench/bench_docs_openapi.py [--sizes 500,1000,2000,4000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from generator.load import load_contents
from generator.pipeline import render_all


def document(count: int) -> dict[str, Any]:
    schemas = {
        f"M{i}": {
            "type": "object",
            "description": "d",
            "required": ["a"],
            "properties": {
                "a": {"type": "string", "example": "x"},
                "kind": {"enum": ["p", "q"]},
                "next": {"$ref": f"#/components/schemas/M{(i + 1) % count}"},
                "items": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"z": {"type": "integer"}}},
                },
                "u": {
                    "oneOf": [
                        {"type": "string"},
                        {"type": "object", "properties": {"w": {"type": "boolean"}}},
                    ]
                },
            },
        }
        for i in range(count)
    }
    paths = {
        f"/p{i}": {"get": {"operationId": f"op{i}", "responses": _responses(i)}}
        for i in range(0, count, 10)
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "synthetic", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _responses(index: int) -> dict[str, Any]:
    schema = {"$ref": f"#/components/schemas/M{index}"}
    return {"200": {"content": {"application/json": {"schema": schema}}}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="500,1000,2000,4000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for count in (int(size) for size in args.sizes.split(",")):
        loaded = load_contents(document(count))
        best = float("inf")
        pages = 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            pages = len(render_all(loaded, ["docs"], jobs=1))
            best = min(best, time.perf_counter() - started)
        print(
            f"{count:>6} components, {pages:>6} pages: {best:6.2f} s, "
            f"{1000 * best / count:.2f} ms per component"
        )


if __name__ == "__main__":
    main()
