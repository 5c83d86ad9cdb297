"""``validate`` locally vs on a 2-worker Dask LocalCluster: lines per second, same output.

Writes deterministic JSONL conversation streams (about 1 in 10 lines invalid, 1 in 200
malformed) to a temporary folder and validates them against the canonical schema:

- locally in one process (``schemagen validate``), and with ``--workers 2``;
- on a ``LocalCluster`` of 2 worker processes (one thread each, loopback), the cluster already
  running (the figure a long-lived cluster gives), with the default and with smaller blocks;
- end to end as a user types it, in a fresh process each: ``schemagen validate`` and
  ``schemagen validate --dask local --workers 2`` (which starts and stops its own cluster).

Each figure is the best of 3 runs (wall clock); every run's output must equal the local one.
Results are printed and written to ``bench/results/dask.json``.
"""

from __future__ import annotations

import io
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_validators import break_document, conversation  # noqa: E402

from generator import distributed as gd  # noqa: E402
from generator import validate_files  # noqa: E402
from generator.cli import _parser  # noqa: E402

SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"
RESULTS = HERE / "results" / "dask.json"
FILES = 4
LINES_PER_FILE = 50_000
REPEATS = 3


def write_streams(folder: Path) -> list[str]:
    rng = random.Random(15)
    pool: list[bytes] = []
    for seed in range(2000):
        doc = conversation(rng.choice((1, 1, 2, 3, 5)), seed)
        if seed % 10 == 3:
            doc = break_document(doc, seed)
        pool.append(json.dumps(doc).encode())
    names = []
    for number in range(FILES):
        lines = []
        for i in range(LINES_PER_FILE):
            if i % 200 == 17:
                lines.append(b'{"type": "openai", "messages": [')
            else:
                lines.append(pool[(i * 7 + number) % len(pool)])
        path = folder / f"export-{number}.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        names.append(str(path))
    return names


def best(run: Callable[[], str], expected: str | None) -> tuple[float, str]:
    times = []
    output = ""
    for _ in range(REPEATS):
        started = time.perf_counter()
        output = run()
        times.append(time.perf_counter() - started)
        if expected is not None and output != expected:
            raise SystemExit("the outputs differ: the benchmark is void")
    return min(times), output


def main() -> None:
    import distributed

    with tempfile.TemporaryDirectory() as tmp:
        files = write_streams(Path(tmp))
        lines = FILES * LINES_PER_FILE
        megabytes = sum(Path(f).stat().st_size for f in files) / 2**20
        argv = ["validate", "--schema", str(SCHEMA), *files]

        def local(workers: int) -> Callable[[], str]:
            def run() -> str:
                out = io.StringIO()
                args = _parser().parse_args([*argv, "--workers", str(workers)])
                validate_files.run(args, stdout=out, stderr=io.StringIO())
                return out.getvalue()

            return run

        figures: dict[str, float] = {}
        one, expected = best(local(1), None)
        figures["local, 1 process"] = one
        figures["local, --workers 2"] = best(local(2), expected)[0]

        started = time.perf_counter()
        cluster = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=40,
        )
        client = distributed.Client(cluster)
        startup = time.perf_counter() - started
        try:
            for label, block in (("4 MiB", 4 * 2**20), ("16 MiB", gd.BLOCK_SIZE)):

                def on_dask(block: int = block) -> str:
                    out = io.StringIO()
                    args = _parser().parse_args([*argv, "--dask", "local"])
                    gd.run(args, stdout=out, stderr=io.StringIO(), client=client, block_size=block)
                    return out.getvalue()

                figures[f"Dask, 2 workers, running cluster, {label} blocks"] = best(
                    on_dask, expected
                )[0]
        finally:
            client.close()
            cluster.close()

        command = [sys.executable, "-m", "generator", *argv]

        def cli(extra: list[str]) -> Callable[[], str]:
            def run() -> str:
                done = subprocess.run([*command, *extra], capture_output=True, check=False)
                return done.stdout.decode()

            return run

        figures["CLI end to end, local"] = best(cli([]), expected)[0]
        figures["CLI end to end, --dask local --workers 2"] = best(
            cli(["--dask", "local", "--workers", "2"]), expected
        )[0]

    findings = expected.count("\n")
    print(f"{lines:,} lines ({megabytes:.0f} MB) in {FILES} files, {findings:,} findings")
    print(f"LocalCluster of 2 worker processes started in {startup:.2f} s")
    header = f"{'run':<52}{'seconds':>9}{'lines/s':>12}"
    print(header)
    print("-" * len(header))
    results: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "lines": lines,
        "megabytes": round(megabytes, 1),
        "findings": findings,
        "cluster_startup_s": round(startup, 2),
        "unit": "wall-clock seconds, best of 3; every output equal to the local run's",
        "runs": [],
    }
    for label, seconds in figures.items():
        rate = lines / seconds
        print(f"{label:<52}{seconds:>9.2f}{rate:>12,.0f}")
        results["runs"].append(
            {"run": label, "seconds": round(seconds, 3), "lines_per_second": round(rate)}
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
