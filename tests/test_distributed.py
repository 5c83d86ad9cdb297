"""``validate --dask`` and the Dask pipeline helpers, on a real 2-process LocalCluster.

The cluster (two worker processes, one thread each, on loopback) is started once for the
module and always closed. Every comparison is against the local run of
:func:`generator.validate_files.run` on the same inputs: the Dask output must be the same bytes.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator import validate_files
from generator.cli import _parser
from tests.conftest import ROOT

distributed = pytest.importorskip("distributed", reason="distributed is in the dev extra")
db = pytest.importorskip("dask.bag")
gd = pytest.importorskip("generator.distributed")

SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"
#: Small blocks, so that 100,000+ lines make about a hundred tasks over the two workers.
BLOCK = 96 * 1024


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    import dask

    # the scheduler runs in this process: keep its whole transition log, to see reruns
    with dask.config.set({"distributed.admin.low-level-log-length": 1_000_000}):
        cluster = distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
        )
    try:
        with distributed.Client(cluster) as connected:
            connected.wait_for_workers(2, timeout=60)
            yield connected
    finally:
        cluster.close()


def _conversation(i: int) -> dict[str, Any]:
    return {
        "type": "openai",
        "id": f"c{i}",
        "messages": [
            {"role": "user", "content": f"question {i}"},
            {"role": "assistant", "content": "answer"},
        ],
    }


def _line(i: int, kind: int) -> bytes:
    """One JSONL line; about one in 40 is invalid and one in 100 malformed, of varied kinds."""
    if i % 97 == 5:
        return b'{"type": "openai", "messages": [{"role": "user"'  # truncated JSON
    if i % 211 == 7:
        return b'{"type": "openai", "messages": [{"role": "user", "content": "\xff"}]}'
    if i % 331 == 3:
        return b""  # blank: skipped
    if i % 499 == 11:
        return b"NaN"
    if i % 41 == 0:
        return json.dumps({"type": "openai", "messages": []}).encode()
    if i % 43 == 1:
        return json.dumps({"type": "other", "messages": [{"role": "robot"}]}).encode()
    doc = json.dumps(_conversation(i)).encode()
    return doc + b"\r" if kind == 1 and i % 2 else doc  # CRLF lines in one file


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("streams")
    names = []
    for kind, count in enumerate((45_000, 40_000, 30_000)):
        data = b"\n".join(_line(i, kind) for i in range(count))
        if kind == 0:
            data = b"\xef\xbb\xbf" + data + b"\n"  # a byte-order mark, then a final newline
        elif kind == 1:
            data += b"\n\xef\xbb\xbf{}\n"  # a BOM on a later line is not skipped
        path = folder / f"part-{kind}.jsonl"
        path.write_bytes(data)  # part-2 ends without a newline
        names.append(str(path))
    document = folder / "single.json"
    document.write_bytes(b'{"type": "openai",\n "messages": [{"role": 5}]}')
    empty = folder / "empty.jsonl"
    empty.write_bytes(b"")
    (folder / "a-folder.jsonl").mkdir()
    return [
        names[0],
        str(document),
        names[1],
        str(folder / "missing.jsonl"),
        str(empty),
        str(folder / "a-folder.jsonl"),
        names[2],
    ]


def _args(argv: list[str]) -> argparse.Namespace:
    return _parser().parse_args(["validate", *argv])


def _local(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = validate_files.run(_args(argv), stdin=io.BytesIO(b""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _dask(argv: list[str], client: Any, out: io.StringIO | None = None) -> tuple[int, str, str]:
    out = out if out is not None else io.StringIO()
    err = io.StringIO()
    args = _args([*argv, "--dask", "local"])
    code = gd.run(args, stdout=out, stderr=err, client=client, block_size=BLOCK)
    return code, out.getvalue(), err.getvalue()


def _lines(paths: list[str]) -> int:
    return sum(Path(p).read_bytes().count(b"\n") + 1 for p in paths if "part-" in p)


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_same_bytes_as_the_local_run(client: Any, inputs: list[str], output_format: str) -> None:
    argv = ["--schema", str(SCHEMA), "--format", output_format, *inputs]
    local = _local(argv)
    code, out, err = local
    assert code == 2 and err == ""  # (invalid documents, and unreadable inputs: exit 2)
    assert sum(Path(p).stat().st_size for p in inputs if "part-" in p) > 30 * BLOCK
    assert _lines(inputs) >= 100_000
    # the findings cover every kind of problem, in several files
    for needle in ("invalid JSON", "invalid UTF-8", "not valid JSON", "no such file"):
        assert needle in out
    streams = (inputs[0], inputs[2], inputs[6])
    assert all(f"{name}:" in out or f'"{name}"' in out for name in streams)
    assert _dask(argv, client) == local


def _blocks_run_twice(client: Any) -> set[str]:
    """Keys of block tasks the scheduler sent to a worker more than once."""

    def reruns(dask_scheduler: Any) -> set[str]:
        starts: dict[str, int] = {}
        for entry in dask_scheduler.transition_log:
            if str(entry.key).startswith("_check_block") and entry.finish == "processing":
                starts[entry.key] = starts.get(entry.key, 0) + 1
        return {key for key, count in starts.items() if count > 1}

    found: set[str] = client.run_on_scheduler(reruns)
    return found


def test_worker_killed_mid_run_loses_and_duplicates_nothing(client: Any, inputs: list[str]) -> None:
    argv = ["--schema", str(SCHEMA), *inputs]
    expected = _local(argv)
    pids_before = client.run(os.getpid)
    at_kill: dict[str, Any] = {}

    class KillOnFirstFinding(io.StringIO):
        """Kills the busiest worker process as soon as the first block's findings arrive."""

        def write(self, text: str) -> int:
            if not at_kill:
                processing = client.processing()
                held = client.has_what()
                victim = max(pids_before, key=lambda a: len(processing[a]) + len(held[a]))
                at_kill.update(
                    victim=victim,
                    busy=len(processing[victim]) + len(held[victim]),
                    unfinished=sum(len(tasks) for tasks in processing.values()),
                )
                os.kill(pids_before[victim], signal.SIGKILL)
            return super().write(text)

    rerun_before = _blocks_run_twice(client)
    result = _dask(argv, client, out=KillOnFirstFinding())
    assert at_kill, "the run produced no findings, so no worker was killed"
    assert at_kill["busy"] > 0 and at_kill["unfinished"] > 0  # killed mid-run, holding work
    assert _blocks_run_twice(client) - rerun_before, "no block was run again after the kill"
    assert result == expected
    client.wait_for_workers(2, timeout=60)
    assert pids_before[at_kill["victim"]] not in client.run(os.getpid).values()


def test_each_worker_compiles_the_validator_once(
    client: Any, inputs: list[str], tmp_path: Path
) -> None:
    schema = tmp_path / "schema.json"  # a schema source no worker has seen yet
    schema.write_text(SCHEMA.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    argv = ["--schema", str(schema), inputs[0]]
    assert _dask(argv, client) == _local(argv)
    digest = gd.SchemaSource.from_file(schema)[0].digest
    assert Path(inputs[0]).stat().st_size > 20 * BLOCK  # many blocks for each worker

    def compiled(digest: str = digest) -> int:
        from generator import distributed as module

        return module.compiles[digest]

    assert list(client.run(compiled).values()) == [1, 1]


def test_schema_is_shipped_as_documents_not_files(tmp_path: Path) -> None:
    root = tmp_path / "root.json"
    root.write_text(json.dumps({"$ref": "parts/item.json"}), encoding="utf-8")
    (tmp_path / "parts").mkdir()
    item = tmp_path / "parts" / "item.json"
    item.write_text(
        json.dumps({"type": "object", "properties": {"n": {"type": "integer"}}}),
        encoding="utf-8",
    )
    source, _ = gd.SchemaSource.from_file(root)
    root.unlink()
    item.unlink()
    checker = source.compile()  # what a worker does: no file is there to read
    assert [e.message for e in checker.iter_errors({"n": "x"})] == ["'x' is not of type 'integer'"]
    assert checker.is_valid({"n": 1})


def test_definition_and_multi_file_schema_on_the_cluster(client: Any, tmp_path: Path) -> None:
    (tmp_path / "defs.json").write_text(
        json.dumps({"$defs": {"Role": {"enum": ["user", "assistant"]}}}), encoding="utf-8"
    )
    schema = tmp_path / "schema.json"
    schema.write_text(
        json.dumps(
            {
                "$defs": {
                    "Message": {
                        "type": "object",
                        "required": ["role"],
                        "properties": {"role": {"$ref": "defs.json#/$defs/Role"}},
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    stream = tmp_path / "m.jsonl"
    stream.write_bytes(
        b"\n".join(b'{"role": "%s"}' % (b"robot" if i % 3 else b"user") for i in range(3000))
    )
    argv = ["--schema", str(schema), "--def", "Message", "--format", "json", str(stream)]
    local = _local(argv)
    assert local[0] == 1 and local[1].count("\n") == 2000
    assert _dask(argv, client) == local


def test_fsspec_urls_and_url_globs(client: Any, inputs: list[str]) -> None:
    streams = [inputs[2], inputs[6]]
    urls = [Path(p).as_uri() for p in streams]
    local = _local(["--schema", str(SCHEMA), *streams])[1]
    for path, url in zip(streams, urls, strict=True):
        local = local.replace(f"{path}:", f"{url}:")
    assert _dask(["--schema", str(SCHEMA), *urls], client) == (1, local, "")
    pattern = Path(inputs[0]).parent.as_uri() + "/part-[12].jsonl"  # no shell expands this
    assert _dask(["--schema", str(SCHEMA), pattern], client) == (1, local, "")
    nothing = Path(inputs[0]).parent.as_uri() + "/none-*.jsonl"
    missing = (2, f"{nothing}: no such file\n", "")
    assert _dask(["--schema", str(SCHEMA), nothing], client) == missing


def test_url_without_its_filesystem_is_one_line_exit_2(client: Any, inputs: list[str]) -> None:
    argv = ["--schema", str(SCHEMA), inputs[1], "nosuchfs://bucket/x.jsonl"]
    code, out, err = _dask(argv, client)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("schemagen: error: nosuchfs://bucket/x.jsonl")


def test_bad_schema_exits_2_before_any_work(client: Any, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"type": ')
    code, out, err = _dask(["--schema", str(broken), str(broken)], client)
    assert (code, out) == (2, "")
    assert err == _local(["--schema", str(broken), str(broken)])[2]


def test_cluster_gone_mid_run_is_one_line_exit_2(inputs: list[str]) -> None:
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=":0"
    )
    try:
        with distributed.Client(cluster) as own:

            class CloseOnFirstFinding(io.StringIO):
                def write(self, text: str) -> int:
                    if not self.tell():
                        cluster.close()  # scheduler and worker gone, blocks still pending
                    return super().write(text)

            out = CloseOnFirstFinding()
            code, printed, err = _dask(["--schema", str(SCHEMA), *inputs[:3]], own, out=out)
    finally:
        cluster.close()
    assert code == 2 and printed  # what was checked before stays printed
    assert err.count("\n") == 1, err
    assert err.startswith(f"schemagen: error: {inputs[0]}: the Dask cluster failed to check it")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_unreachable_scheduler_is_one_line_exit_2(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], inputs: list[str]
) -> None:
    monkeypatch.setattr(gd, "CONNECT_TIMEOUT", 2.0)
    address = f"tcp://127.0.0.1:{_free_port()}"
    args = _args(["--schema", str(SCHEMA), "--dask", address, inputs[1]])
    started = time.monotonic()
    code = gd.run(args)
    elapsed = time.monotonic() - started
    out, err = capfd.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1, err
    assert err.startswith(f"schemagen: error: cannot reach the Dask scheduler at {address}")
    print(f"unreachable scheduler reported after {elapsed:.1f} s")  # shown with -s / -rA


def test_malformed_address_is_one_line_exit_2(inputs: list[str]) -> None:
    err = io.StringIO()
    args = _args(["--schema", str(SCHEMA), "--dask", "bogus", inputs[1]])
    assert gd.run(args, stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().count("\n") == 1
    assert err.getvalue().startswith("schemagen: error: --dask bogus: ")


def test_cli_on_a_cluster_started_as_the_readme_says(inputs: list[str], tmp_path: Path) -> None:
    """``dask scheduler`` and ``dask worker`` processes, then ``validate --dask tcp://...``."""
    dask_cli = Path(sys.executable).with_name("dask")
    if not dask_cli.exists():
        pytest.skip(f"{dask_cli} is not installed (the dask package's command)")
    address = f"tcp://127.0.0.1:{_free_port()}"
    started: list[subprocess.Popen[bytes]] = []
    log = (tmp_path / "cluster.log").open("wb")
    try:
        port = address.rsplit(":", 1)[1]
        for command in (
            ["scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"],
            ["worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
        ):
            started.append(subprocess.Popen([str(dask_cli), *command], stdout=log, stderr=log))
        with distributed.Client(address, timeout=60) as probe:
            probe.wait_for_workers(2, timeout=60)
        argv = ["validate", "--schema", str(SCHEMA), *inputs[:4]]
        command = [sys.executable, "-m", "generator", *argv]
        local = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120)
        on_dask = subprocess.run(
            [*command, "--dask", address], cwd=ROOT, capture_output=True, timeout=180
        )
        assert local.returncode == 2 and local.stdout.count(b"\n") > 1000  # (one is missing)
        assert (on_dask.returncode, on_dask.stdout, on_dask.stderr) == (2, local.stdout, b"")
    finally:
        for process in reversed(started):
            process.terminate()
        for process in reversed(started):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def test_without_the_extra_one_line_says_what_to_install(inputs: list[str]) -> None:
    blocked = (
        "import sys; sys.modules['dask'] = None; sys.modules['distributed'] = None; "
        "from generator.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    argv = ["validate", "--schema", str(SCHEMA), "--dask", "local", inputs[1]]
    done = subprocess.run(
        [sys.executable, "-c", blocked, *argv], cwd=ROOT, capture_output=True, timeout=60
    )
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == f"schemagen: error: {gd.INSTALL_HINT}\n".encode()
    assert b"pip install 'schemagen[dask]'" in done.stderr


def test_jobs_option_needs_a_local_cluster(inputs: list[str]) -> None:
    address = "tcp://127.0.0.1:1"
    args = _args(["--schema", str(SCHEMA), "--dask", address, "--jobs", "2", inputs[1]])
    err = io.StringIO()
    assert gd.run(args, stdout=io.StringIO(), stderr=err) == 2
    assert err.getvalue().count("\n") == 1 and "--jobs" in err.getvalue()


def test_cli_dask_local_as_a_user_runs_it(inputs: list[str]) -> None:
    argv = ["validate", "--schema", str(SCHEMA), *inputs[1:4]]  # a document, a stream, missing
    command = [sys.executable, "-m", "generator"]
    local = subprocess.run([*command, *argv], cwd=ROOT, capture_output=True, timeout=120)
    on_dask = subprocess.run(
        [*command, *argv, "--dask", "local", "--workers", "2"],
        cwd=ROOT,
        capture_output=True,
        timeout=180,
    )
    assert local.returncode == 2 and local.stdout  # (one is missing)
    assert (on_dask.returncode, on_dask.stdout, on_dask.stderr) == (2, local.stdout, b"")


# -- pipelines holding documents in Dask ----------------------------------------------------------


def _documents() -> list[Any]:
    docs: list[Any] = []
    for i in range(400):
        if i % 50 == 3:
            docs.append('{"type": "openai", "messages": [')  # malformed JSON text
        elif i % 50 == 4:
            docs.append(json.dumps(_conversation(i)))  # valid JSON text
        elif i % 7 == 0:
            docs.append({"type": "openai", "messages": []})
        else:
            docs.append(_conversation(i))
    return docs


@functools.cache
def _local_checker() -> validate_files.Checker:
    return validate_files.build_checker(SCHEMA, None)


def _expected(document: Any) -> list[dict[str, Any]]:
    checker = _local_checker()
    if isinstance(document, str):
        findings = validate_files.check_document(checker, document.encode())
    else:
        findings = validate_files.check_instance(checker, document)
    return [
        {"path": p, "keyword": k, "schema_path": s, "message": m}
        | ({"column": c} if c is not None else {})
        for _, c, p, k, s, m in findings
    ]


def test_validate_bag_aligns_errors_with_documents(client: Any) -> None:
    documents = _documents()
    bag = db.from_sequence(documents, npartitions=6)
    errors = gd.validate_bag(bag, SCHEMA).compute()
    assert errors == [_expected(d) for d in documents]
    assert sum(1 for e in errors if e) > 50 and any("column" in e[0] for e in errors if e)


def test_validate_dataframe_one_row_per_error(client: Any) -> None:
    import dask.dataframe as dd
    import pandas

    documents = _documents()
    labels = [f"doc-{i:03d}" for i in range(len(documents))]  # sorted, as dask keeps them
    texts = [d if isinstance(d, str) else json.dumps(d) for d in documents]
    frame = dd.from_pandas(pandas.DataFrame({"body": texts}, index=labels), npartitions=4)
    found = gd.validate_dataframe(frame, SCHEMA, "body").compute()
    assert list(found.columns) == list(gd.FINDING_COLUMNS)
    expected = [
        (label, e["path"], e["keyword"], e["schema_path"], e["message"])
        for label, d in zip(labels, texts, strict=True)
        for e in _expected(d)
    ]
    assert len(expected) > 50
    assert list(found.itertuples(index=False, name=None)) == expected


def test_readme_pipeline_example_runs_on_the_cluster(client: Any) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```python\n(.*?)```", readme, re.DOTALL) if "dask" in b]
    assert blocks, "README has a Dask pipeline example"
    printed = io.StringIO()
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        from contextlib import redirect_stdout

        with redirect_stdout(printed):
            exec(compile(blocks[0], "README.md", "exec"), {})  # noqa: S102 - our own README
    finally:
        os.chdir(previous)
    assert printed.getvalue() == "1 /messages: [] has fewer than 1 items\n"


def test_pattern_timeout_reaches_the_workers(client: Any, tmp_path: Path) -> None:
    schema = tmp_path / "s.json"
    schema.write_text(json.dumps({"properties": {"a": {"pattern": "^(a|a)*$"}}}), "utf-8")
    stream = tmp_path / "p.jsonl"
    stream.write_text('{"a": "' + "a" * 30 + '!"}\n{"a": "aa"}\n', "utf-8")
    argv = ["--schema", str(schema), "--pattern-timeout", "0.05", str(stream)]
    local = _local(argv)
    assert local[0] == 1 and "ran out of time" in local[1] and local[1].count("\n") == 1
    assert _dask(argv, client) == local
    from generator.distributed import SchemaSource

    source, _ = SchemaSource.from_file(schema, pattern_timeout=0.05)
    assert source.pattern_timeout == 0.05  # what each worker compiles with
