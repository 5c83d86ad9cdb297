"""`make bench`: every benchmark, one after the other, each printing its own ratios.

Results land in ``bench/results/*.json`` (and the generation plot ``generation.png``); the
README's Benchmarks section records the figures of the last run that was written up.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ["bench_validators.py"],
    ["bench_models.py"],
    ["bench_native.py"],  # mypyc builds vs jsonschema-rs and pydantic (builds for a minute)
    ["bench_generate.py"],
    ["bench_generate.py", "--shapes", "refs,deep-chain,wide,enums,unions,openapi", "--repeat", "1"],
    ["bench_dask.py"],
]


def main() -> int:
    failed = []
    for script, *args in SCRIPTS:
        name = " ".join([script, *args])
        print(f"\n=== {name} ===", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *args], check=False)
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
