"""Validation on a Dask cluster: ``schemagen validate --dask ADDRESS`` and pipeline helpers.

The driver (this process) loads and compiles the schema once, to refuse a bad schema before any
work starts, and packs it as a :class:`SchemaSource`: the parsed schema documents themselves,
not paths, so workers need ``schemagen`` installed but neither the schema files, the checkout
nor the generated package. Each worker process compiles the validator from it once (cached by
the source's digest) and checks blocks of whole JSONL lines, read by the worker through fsspec
(local paths, or any URL whose filesystem package is installed). The per-line and per-document
checks are :mod:`generator.validate_files`' own, and so is the output: the driver gathers each
block's findings in file and block order, shifts their line numbers by the lines of the blocks
before, and prints them through the same :class:`~generator.validate_files.Reporter`, so the
output is byte for byte that of a local run.

Faults: every block is an independent, deterministic task read from its file, so when a worker
dies Dask recomputes what it held and each result is still gathered exactly once. A scheduler
that cannot be reached within :data:`CONNECT_TIMEOUT` is one line and exit status 2.

Pipelines that already hold documents in Dask use :func:`validate_bag` and
:func:`validate_dataframe`.

Dask is an optional extra (``pip install 'schemagen[dask]'``): nothing here imports it until
it is used.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import pickle
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from generator import validate_files
from generator.compiler.api import PATTERN_TIMEOUT
from generator.errors import GeneratorError
from generator.validate_files import JSONL_SUFFIXES, Checker, Finding, Reporter

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import distributed

#: What ``--dask`` without the extra says (exit status 2).
INSTALL_HINT = "--dask needs Dask and distributed: pip install 'schemagen[dask]'"
#: How long to wait for the scheduler before giving up (exit status 2).
CONNECT_TIMEOUT = 10.0
#: Bytes of JSONL per task: some 20,000 conversation lines, a quarter of a second of work, so
#: that scheduling is small next to it, while a 1 GB file still spreads over 64 tasks.
#: ``bench/bench_dask.py`` compares 4 MiB blocks: 17-33% slower on 2 workers in 3 runs.
BLOCK_SIZE = 16 * 2**20

#: Columns of :func:`validate_dataframe`'s result.
FINDING_COLUMNS = ("row", "path", "keyword", "schema_path", "message")


# -- the schema, shipped as data ------------------------------------------------------------------


@dataclass(frozen=True)
class SchemaSource:
    """The parsed schema documents and the options a worker needs to compile the validator."""

    name: str
    uri: str
    contents: Any
    #: Every other document its ``$ref`` chain reached, by URI (sibling files).
    documents: tuple[tuple[str, Any], ...]
    definition: str | None
    assert_formats: bool
    #: Seconds each pattern match may take (``None``: no bound), as ``--pattern-timeout``.
    pattern_timeout: float | None = PATTERN_TIMEOUT
    digest: str = field(default="", compare=False)

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        definition: str | None = None,
        assert_formats: bool = False,
        pattern_timeout: float | None = PATTERN_TIMEOUT,
    ) -> tuple[SchemaSource, Checker]:
        """Load and compile the schema here (errors are :class:`GeneratorError`), and pack it."""
        import referencing

        from generator.load import load_contents
        from generator.load.parse import read_document
        from generator.load.registry import Retriever

        path = Path(path)
        contents = read_document(path)
        retriever = Retriever({}, file=str(path))
        loaded = load_contents(
            contents,
            uri=path.resolve().as_uri(),
            path=path,
            registry=referencing.Registry(retrieve=retriever),  # type: ignore[call-arg]
        )
        checker = validate_files.checker_for(loaded, definition, assert_formats, pattern_timeout)
        documents = tuple(
            (uri, resource.contents) for uri, resource in sorted(retriever.remembered.items())
        )
        source = cls(
            str(path), loaded.uri, contents, documents, definition, assert_formats, pattern_timeout
        )
        digest = hashlib.sha256(pickle.dumps(source, protocol=5)).hexdigest()
        object.__setattr__(source, "digest", digest)
        _compiled[digest] = checker  # the driver's own copy, for inputs it checks itself
        return source, checker

    def compile(self) -> Checker:
        """Compile the validator from the shipped documents (no file is read)."""
        import referencing

        from generator.load import load_contents
        from generator.load.registry import Retriever, document_resource

        retriever = Retriever({}, file=self.name)
        retriever.remembered.update(
            (uri, document_resource(contents)) for uri, contents in self.documents
        )
        loaded = load_contents(
            self.contents,
            uri=self.uri,
            path=Path(self.name),
            registry=referencing.Registry(retrieve=retriever),  # type: ignore[call-arg]
            check_metaschema=False,  # the driver checked it
        )
        return validate_files.checker_for(
            loaded, self.definition, self.assert_formats, self.pattern_timeout
        )

    def checker(self) -> Checker:
        """This process's compiled validator: compiled on first use, then reused."""
        with _compile_lock:
            checker = _compiled.get(self.digest)
            if checker is None:
                checker = _compiled[self.digest] = self.compile()
                compiles[self.digest] += 1
            return checker


_compiled: dict[str, Checker] = {}
_compile_lock = threading.Lock()
#: How often this process compiled each schema source (by digest): at most once.
compiles: Counter[str] = Counter()


# -- worker tasks ---------------------------------------------------------------------------------


def _keep(source: SchemaSource) -> SchemaSource:
    """A task whose result is the schema: one copy per worker, recomputed if a worker dies."""
    return source


#: What a block task returns: (first line number used, lines, findings, unreadable: why).
BlockResult = tuple[int, int, list[Finding], str | None]


def _unreadable(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"  # as validate_files words it


def _check_block(
    source: SchemaSource, fs: Any, path: str, offset: int, length: int | None
) -> BlockResult:
    """Check one block of a JSONL file.

    The block starts at the first line boundary at or after ``offset``; its true first line
    number is known only to the driver. Lines are numbered from 1 in the file's first block and
    from 2 in the others, so the byte-order-mark rule (line 1 only) applies exactly as locally;
    the driver shifts the numbers.
    """
    from fsspec.utils import read_block

    try:
        with fs.open(path, "rb") as stream:
            data = read_block(stream, offset, length, delimiter=b"\n")
    except OSError as exc:
        return 1, 0, [], _unreadable(exc)
    first = 1 if offset == 0 else 2
    lines = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return first, lines, validate_files.check_block(source.checker(), data, first), None


def _check_file(source: SchemaSource, fs: Any, path: str) -> BlockResult:
    """Check one whole JSON document."""
    try:
        with fs.open(path, "rb") as stream:
            data = stream.read()
    except OSError as exc:
        return 1, 0, [], _unreadable(exc)
    return 1, 1, validate_files.check_document(source.checker(), data), None


# -- the command ----------------------------------------------------------------------------------


@dataclass
class _Input:
    """One input: checked here (``futures`` empty) or as tasks on the cluster."""

    name: str
    futures: list[distributed.Future] = field(default_factory=list)


def _is_url(name: str) -> bool:
    return "://" in name


def _expand(name: str) -> list[tuple[str, Any, str | None]]:
    """``(name to print, filesystem, its path)`` per input; filesystem None: check it locally.

    A URL with glob characters (``s3://bucket/part-*.jsonl``, which no shell expands) stands
    for every file it matches, in sorted order.
    """
    if name == "-":
        return [(name, None, None)]
    if not _is_url(name):
        path = Path(name)
        if not path.is_file() or not os.access(path, os.R_OK):
            return [(name, None, None)]  # missing, a folder, unreadable: reported as locally
    import fsspec.core

    try:
        fs, fs_path = fsspec.core.url_to_fs(name)
    except (ImportError, ValueError) as exc:
        raise GeneratorError(f"{name}: cannot read this URL: {exc}") from None
    if _is_url(name) and any(char in fs_path for char in "*?["):
        matches = sorted(fs.glob(fs_path))
        return [(fs.unstrip_protocol(m), fs, m) for m in matches] or [(name, None, None)]
    return [(name, fs, fs_path)]


def _plan(
    name: str, fs: Any, path: str | None, client: Any, source: Any, block_size: int
) -> _Input:
    """Submit the tasks for one input; inputs the cluster cannot read stay local."""
    if fs is None or path is None:
        return _Input(name)
    try:
        if fs.isdir(path):
            return _Input(name)
        size = fs.info(path)["size"]
    except OSError:  # missing or forbidden: reported as locally
        return _Input(name)
    if not name.lower().endswith(JSONL_SUFFIXES):
        return _Input(name, [client.submit(_check_file, source, fs, path, pure=False)])
    offsets = range(0, max(size, 1), block_size)
    futures = [
        client.submit(_check_block, source, fs, path, offset, block_size, pure=False)
        for offset in offsets
    ]
    return _Input(name, futures)


def _gather(item: _Input, reporter: Reporter) -> None:
    """Report one input's findings in order, each block's lines shifted to its place."""
    next_line = 1
    for number, future in enumerate(item.futures):
        try:
            first, lines, findings, unreadable = future.result()
        except Exception as exc:  # noqa: BLE001 - the task failed on the cluster, whatever it raised
            detail = str(exc).splitlines()[0] if str(exc) else ""
            raise GeneratorError(
                f"{item.name}: the Dask cluster failed to check it: {type(exc).__name__}"
                + (f": {detail}" if detail else "")
            ) from None
        future.release()
        if unreadable is not None:  # the file went away or broke during the run
            reporter.problem(item.name, unreadable)
            for rest in item.futures[number + 1 :]:
                rest.cancel()
            return
        shift = next_line - first
        if shift:
            findings = [(line + shift, *rest) for line, *rest in findings]
        reporter.findings(item.name, findings)
        reporter.counted(lines)
        next_line += lines


def connect(address: str, workers: int | None = None) -> tuple[distributed.Client, Any]:
    """A client of the scheduler at ``address`` or, for ``local``, of a new LocalCluster.

    Returns ``(client, cluster)`` (``cluster`` is None for a remote scheduler); close both.
    Raises :class:`GeneratorError` when the scheduler cannot be reached in time.
    """
    import distributed

    if address == "local":
        try:
            cluster = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,  # validation is pure Python: one process per core
                processes=True,
                host="127.0.0.1",
                dashboard_address=":0",  # its HTTP server always starts: any free loopback port
                silence_logs=logging.ERROR,
            )
        except Exception as exc:  # noqa: BLE001 - Dask raises many kinds; each is one line here
            raise GeneratorError(f"cannot start a local Dask cluster: {exc}") from None
        try:
            return distributed.Client(cluster), cluster
        except BaseException:
            cluster.close()
            raise
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT), None
    except ValueError as exc:
        raise GeneratorError(
            f"--dask {address}: {exc} (expected a scheduler address such as "
            "tcp://host:8786, or local)"
        ) from None
    except OSError as exc:  # TimeoutError included
        detail = str(exc).splitlines()[0] if str(exc) else ""
        if isinstance(exc, TimeoutError) or detail.startswith("Timed out"):
            detail = f"no answer within {CONNECT_TIMEOUT:g} s"
        raise GeneratorError(
            f"cannot reach the Dask scheduler at {address}: {detail or type(exc).__name__}"
        ) from None


def run(
    args: argparse.Namespace,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    client: distributed.Client | None = None,
    block_size: int = BLOCK_SIZE,
) -> int:
    """Run ``schemagen validate --dask``; the exit status is that of the local run.

    ``client`` reuses a connected client instead of ``args.dask``; ``block_size`` is the bytes
    of JSONL per task.
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    source_stdin = stdin if stdin is not None else sys.stdin.buffer
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        err.write(f"schemagen: error: {INSTALL_HINT}\n")
        return 2
    if args.jobs > 1 and args.dask != "local" and client is None:
        err.write("schemagen: error: --jobs sizes a local cluster (--dask local) only\n")
        return 2
    cluster = None
    try:
        source, checker = SchemaSource.from_file(
            args.schema, args.definition, args.assert_formats, args.pattern_timeout
        )
        if client is None:
            client, cluster = connect(args.dask, args.jobs if args.jobs > 1 else None)
            owned = True
        else:
            owned = False
    except GeneratorError as exc:
        return validate_files.refuse(err, exc)
    reporter = Reporter(args.output_format, out, err)
    try:
        source_future = client.submit(_keep, source, key=f"schemagen-schema-{source.digest}")
        inputs = [
            _plan(shown, fs, path, client, source_future, block_size)
            for name in args.files
            for shown, fs, path in _expand(name)
        ]
        for item in inputs:
            if item.futures:
                _gather(item, reporter)
            else:
                validate_files.validate_input(
                    item.name, checker, reporter, None, 1, args.jsonl, source_stdin
                )
        reporter.done()
        out.flush()
    except GeneratorError as exc:
        return validate_files.refuse(err, exc)
    except BrokenPipeError:
        return validate_files.reader_gone(out)
    finally:
        if owned:
            client.close()
        if cluster is not None:
            cluster.close()
    return reporter.status()


# -- pipelines that hold documents in Dask --------------------------------------------------------


def _records(findings: list[Finding]) -> list[dict[str, Any]]:
    records = []
    for _line, column, pointer, keyword, schema_path, message in findings:
        record: dict[str, Any] = {
            "path": pointer,
            "keyword": keyword,
            "schema_path": schema_path,
            "message": message,
        }
        if column is not None:
            record["column"] = column
        records.append(record)
    return records


def _findings_of(checker: Checker, document: Any) -> list[Finding]:
    if isinstance(document, str):
        document = document.encode("utf-8")
    if isinstance(document, (bytes, bytearray)):
        return validate_files.check_document(checker, bytes(document))
    return validate_files.check_instance(checker, document)


def _bag_partition(documents: Iterator[Any], source: SchemaSource) -> list[list[dict[str, Any]]]:
    checker = source.checker()
    return [_records(_findings_of(checker, document)) for document in documents]


def _frame_partition(column: Any, source: SchemaSource) -> Any:
    import pandas

    checker = source.checker()
    rows: dict[str, list[Any]] = {name: [] for name in FINDING_COLUMNS}
    for label, document in column.items():
        for record in _records(_findings_of(checker, document)):
            rows["row"].append(label)
            for name in FINDING_COLUMNS[1:]:
                rows[name].append(record[name])
    return pandas.DataFrame({name: pandas.Series(rows[name], dtype=object) for name in rows})


def _source_of(schema: str | Path | SchemaSource, definition: str | None, formats: bool) -> Any:
    import dask

    if not isinstance(schema, SchemaSource):
        schema, _ = SchemaSource.from_file(schema, definition, formats)
    return dask.delayed(schema, name=f"schemagen-schema-{schema.digest}", traverse=False)


def validate_bag(
    bag: dask.bag.Bag,
    schema: str | Path | SchemaSource,
    *,
    definition: str | None = None,
    assert_formats: bool = False,
) -> dask.bag.Bag:
    """A lazy bag of the same length as ``bag``: for each document, the list of its errors.

    Documents are parsed objects, or JSON text (``str``/``bytes``, e.g. from
    ``dask.bag.read_text``), which is parsed as ``validate`` parses it. Each error is a dict
    with ``path`` (JSON Pointer, None for a parse error), ``keyword``, ``schema_path`` and
    ``message`` (and ``column`` for a parse error); a valid document gets ``[]``.
    """
    return bag.map_partitions(_bag_partition, _source_of(schema, definition, assert_formats))


def validate_dataframe(
    frame: dask.dataframe.DataFrame,
    schema: str | Path | SchemaSource,
    column: str,
    *,
    definition: str | None = None,
    assert_formats: bool = False,
) -> dask.dataframe.DataFrame:
    """A lazy frame of one row per error of the documents in ``frame[column]``.

    Columns: ``row`` (the index label of the document's row), ``path``, ``keyword``,
    ``schema_path``, ``message``; documents are parsed objects or JSON text.
    """
    import pandas

    meta = pandas.DataFrame({name: pandas.Series([], dtype=object) for name in FINDING_COLUMNS})
    source = _source_of(schema, definition, assert_formats)
    return frame[column].map_partitions(_frame_partition, source, meta=meta)
