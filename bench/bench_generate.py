"""Generation speed and memory: every schemagen target vs datamodel-code-generator.

Each measurement runs in a fresh Python process (so peak RSS is that run's alone), on the same
synthetic schema files (``bench/synthetic.py``) of 100, 1,000 and 10,000 definitions. Timed:
load + metaschema check + IR + render + write for schemagen's own targets (docs, models,
validators) together; ``datamodel_code_generator.generate`` to dataclasses for the peer, both
after imports. The ``pydantic`` target is not in the sum: it *is* datamodel-code-generator.

schemagen is measured twice: as users run it (big schemas render their targets in two
processes on a machine with two CPUs or more) and with ``jobs=1`` (one process). For every run
the record holds the wall-clock seconds, the CPU seconds of the process and its children, and
the peak memory of the process plus that of its largest child (an upper bound of the total).

Each tool runs ``--repeat`` times per size (default 3; once for 10,000 definitions and more,
where the peer takes minutes) and the fastest run is kept, the usual way to read timings on
a shared machine. The runs write under ``--out-root`` (default ``/dev/shm``, a RAM folder: see
:func:`out_root`), and schemagen's bytecode is written first, as an installed wheel has it
(:func:`compile_bytecode`).

``--shapes`` runs the same comparison on other shapes of about ``--shape-size`` definitions
(``bench/synthetic.py``: ``refs``, the shape of issue 14; ``deep-chain``; ``wide`` objects;
``enums``; big ``unions``; an ``openapi`` document, which datamodel-code-generator reads as
OpenAPI), adds the ``pydantic`` target vs datamodel-code-generator's own pydantic v2 run, and
says where schemagen's time goes on each (load with metaschema check, IR, each target's render,
writing; one process).

Usage: ``python bench/bench_generate.py [--sizes 100,1000,10000] [--repeat 3]
[--shapes refs,deep-chain,wide,enums,unions,openapi] [--shape-size 1000]``; writes
``bench/results/generation.json`` (``generation-shapes.json`` with ``--shapes``) and
``bench/results/generation.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
OUR_TARGETS = ["docs", "models", "validators"]


TOOLS = {
    "schemagen": "schemagen (docs+models+validators)",
    "schemagen-serial": "schemagen, one process (--jobs 1)",
    "datamodel-code-generator": "datamodel-code-generator (dataclasses)",
}
PEER = "datamodel-code-generator"
SHAPE_TOOLS = [*TOOLS, "schemagen-pydantic", "datamodel-code-generator-pydantic"]


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def stages(schema: Path, out: Path) -> dict[str, float]:
    """Seconds per stage of one schemagen run in one process (the three targets)."""
    sys.path.insert(0, str(ROOT))
    from generator.ir import build_ir
    from generator.load import load_schema
    from generator.targets import RenderJob, renderer
    from generator.write import Staging

    times: dict[str, float] = {}
    started = time.perf_counter()
    loaded = load_schema(schema)
    times["load"] = time.perf_counter() - started
    started = time.perf_counter()
    ir = build_ir(loaded)
    times["ir"] = time.perf_counter() - started
    job = RenderJob(ir=ir, loaded=loaded, targets=frozenset(OUR_TARGETS))
    files: dict[str, str] = {}  # (each Python target adds the package's __init__.py)
    for target in OUR_TARGETS:
        started = time.perf_counter()
        files.update(renderer(target)(job))
        times[target] = time.perf_counter() - started
    started = time.perf_counter()
    Staging(out).commit(files)
    times["write"] = time.perf_counter() - started
    times["seconds"] = sum(times.values())
    return times


def worker(tool: str, schema: Path, out: Path) -> dict[str, float]:
    if tool == "stages":
        return stages(schema, out)
    openapi = schema.name.endswith(".openapi.json")
    if tool == "schemagen-pydantic":
        sys.path.insert(0, str(ROOT))
        from generator.pipeline import generate

        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        generate(schema, out, ["pydantic"], jobs=1)
        seconds = time.perf_counter() - started
    elif tool.startswith("schemagen"):
        sys.path.insert(0, str(ROOT))
        from generator.pipeline import generate

        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        generate(schema, out, OUR_TARGETS, jobs=1 if tool == "schemagen-serial" else None)
        seconds = time.perf_counter() - started
    else:
        from datamodel_code_generator import DataModelType, InputFileType
        from datamodel_code_generator import generate as peer_generate

        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        pydantic = tool.endswith("-pydantic")
        peer_generate(
            schema,
            input_file_type=InputFileType.OpenAPI if openapi else InputFileType.JsonSchema,
            output=out / "models.py",
            output_model_type=DataModelType.PydanticV2BaseModel
            if pydantic
            else DataModelType.DataclassesDataclass,
            disable_timestamp=True,
        )
        seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    peak_kib = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak_kib / 1024}


def measure(tool: str, schema: Path, scratch: Path) -> dict[str, float]:
    # A new output folder per run (under ``--out-root``); all are deleted at the end. Deleting
    # files just before a run would make an ext4 without a journal slow to create the next ones
    # (see ``out_root``), which would charge the previous run's clean-up to whichever tool
    # writes more files.
    out = Path(tempfile.mkdtemp(dir=scratch))
    done = subprocess.run(
        [sys.executable, __file__, "--worker", tool, str(schema), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{tool} failed on {schema.name}:\n{done.stderr[-2000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def plot(rows: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["definitions"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for tool, label in TOOLS.items():
        left.plot(sizes, [r[tool]["seconds"] for r in rows], marker="o", label=label)
        right.plot(sizes, [r[tool]["peak_mb"] for r in rows], marker="o", label=label)
    for axis, title, unit in ((left, "Generation time", "seconds"), (right, "Peak memory", "MB")):
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_xlabel("definitions in the schema")
        axis.set_ylabel(unit)
        axis.set_title(title)
        axis.grid(True, which="both", alpha=0.3)
    left.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def out_root(wanted: str | None) -> str | None:
    """Where the runs write: ``wanted``, else a RAM folder (``/dev/shm``) when there is one.

    Both tools write the same way, but schemagen writes a file per doc page (thousands) and the
    peer one file. Creating a file on an ext4 without a journal (this project's benchmark
    machine) scans for inodes deleted in the last minutes (``perf``: the kernel's
    ``recently_deleted`` takes most of ``open``), so each of those files costs 0.02 to 0.8 ms
    depending on what else deleted files lately: on RAM it costs the same every run. Pass
    ``--out-root /tmp`` (or any folder) to measure on a disk instead.
    """
    if wanted is not None:
        return wanted
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def shapes(names: list[str], args: argparse.Namespace) -> None:
    from synthetic import write_shape

    rows: list[dict[str, Any]] = []
    root = out_root(args.out_root)
    with tempfile.TemporaryDirectory(dir=root) as folder:
        for shape in names:
            schema = write_shape(Path(folder), shape, args.shape_size)
            tools = [
                t for t in SHAPE_TOOLS if not (shape == "openapi" and t == "schemagen-pydantic")
            ]
            measured: dict[str, list[dict[str, float]]] = {tool: [] for tool in tools}
            stage_runs = []
            for _ in range(max(1, args.repeat)):
                for tool in tools:
                    measured[tool].append(measure(tool, schema, Path(folder)))
                stage_runs.append(measure("stages", schema, Path(folder)))
            row: dict[str, Any] = {
                "shape": shape,
                "definitions": args.shape_size,
                "written_under": root or tempfile.gettempdir(),
            }
            for tool in tools:
                row[tool] = min(measured[tool], key=lambda r: r["seconds"])
            row["stages"] = min(stage_runs, key=lambda r: r["seconds"])
            peer = row[PEER]["seconds"]
            row["speedup"] = peer / row["schemagen"]["seconds"]
            row["speedup_serial"] = peer / row["schemagen-serial"]["seconds"]
            if "schemagen-pydantic" in row:
                row["pydantic_ratio"] = (
                    row["schemagen-pydantic"]["seconds"]
                    / row["datamodel-code-generator-pydantic"]["seconds"]
                )
            rows.append(row)
            st = row["stages"]
            where = ", ".join(f"{k} {st[k]:.2f}s" for k in ("load", "ir", *OUR_TARGETS, "write"))
            pyd = (
                f", pydantic target / dcg pydantic {row['pydantic_ratio']:.2f}x"
                if "pydantic_ratio" in row
                else ""
            )
            print(
                f"{shape:>10}: schemagen {row['schemagen']['seconds']:.2f}s "
                f"(one process {row['schemagen-serial']['seconds']:.2f}s), dcg dataclasses "
                f"{peer:.2f}s: {row['speedup']:.1f}x faster ({row['speedup_serial']:.1f}x one "
                f"process){pyd} | time: {where}",
                flush=True,
            )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "generation-shapes.json").write_text(json.dumps(rows, indent=2) + "\n")


def compile_bytecode() -> None:
    """Write the bytecode of schemagen's modules, as an installed wheel has it.

    Python caches each module's compiled code beside it (``__pycache__``), unless
    ``PYTHONDONTWRITEBYTECODE`` is set, as it is on this project's benchmark machine: then
    every fresh worker compiled schemagen's hundred modules from source again (60 ms of each
    run, most of it inside the timed call, whose imports are lazy), while the peer runs from
    the bytecode pip wrote when it was installed.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], env=env, check=True
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker", nargs=3, metavar=("TOOL", "SCHEMA", "OUT"))
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--skip-peer-above", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool and size")
    parser.add_argument("--shapes", help="comma-separated shapes of bench/synthetic.py SHAPES")
    parser.add_argument("--shape-size", type=int, default=1000, help="definitions per shape")
    parser.add_argument(
        "--out-root", help="folder the runs write under (default: /dev/shm; see out_root())"
    )
    args = parser.parse_args()
    if args.worker:
        tool, schema, out = args.worker
        print(json.dumps(worker(tool, Path(schema), Path(out))))
        return
    sys.path.insert(0, str(HERE))
    compile_bytecode()
    if args.shapes:
        shapes([s.strip() for s in args.shapes.split(",") if s.strip()], args)
        return
    from synthetic import write_synthetic

    rows: list[dict[str, Any]] = []
    root = out_root(args.out_root)
    with tempfile.TemporaryDirectory(dir=root) as folder:
        for size in [int(s) for s in args.sizes.split(",")]:
            schema = write_synthetic(Path(folder), size)
            row: dict[str, Any] = {
                "definitions": size,
                "written_under": root or tempfile.gettempdir(),
            }
            tools = [t for t in TOOLS if t != PEER or size <= args.skip_peer_above]
            runs = max(1, args.repeat if size < 10_000 else 1)
            measured: dict[str, list[dict[str, float]]] = {tool: [] for tool in tools}
            for _ in range(runs):  # interleaved, so a noisy moment hits every tool alike
                for tool in tools:
                    measured[tool].append(measure(tool, schema, Path(folder)))
            for tool in tools:
                row[tool] = min(measured[tool], key=lambda r: r["seconds"])
                row[tool]["runs"] = runs
            if PEER in row:
                peer = row[PEER]
                row["speedup"] = peer["seconds"] / row["schemagen"]["seconds"]
                row["speedup_serial"] = peer["seconds"] / row["schemagen-serial"]["seconds"]
                row["cpu_ratio"] = peer["cpu_seconds"] / row["schemagen"]["cpu_seconds"]
            rows.append(row)
            parts = [f"{size:>6} defs:"]
            for tool in TOOLS:
                if tool in row:
                    r = row[tool]
                    parts.append(
                        f"{tool} {r['seconds']:6.2f}s wall {r['cpu_seconds']:6.2f}s CPU"
                        f" {r['peak_mb']:6.0f} MB"
                    )
            if "speedup" in row:
                parts.append(
                    f"schemagen is {row['speedup']:.1f}x faster (wall), "
                    f"{row['speedup_serial']:.1f}x in one process, "
                    f"uses {row['cpu_ratio']:.1f}x less CPU"
                )
            print(" | ".join(parts), flush=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "generation.json").write_text(json.dumps(rows, indent=2) + "\n")
    if all(PEER in r for r in rows):
        plot(rows, RESULTS / "generation.png")


if __name__ == "__main__":
    main()
