"""``schemagen validate``: check JSON documents and JSONL streams against a schema.

Output is one line per problem, ``FILE:LINE: POINTER: MESSAGE`` (``--format json``: one JSON
object per line). ``.json`` (and any other) files are one document; ``.jsonl``/``.ndjson`` files
are read line by line in constant memory; ``-`` is standard input (JSONL with ``--jsonl``).
Unreadable inputs and malformed JSON are reported and the run goes on.

Exit status: 0 everything valid, 1 some input invalid, 2 bad usage (an input that cannot be
read: missing, a directory, no permission) or a schema that cannot be loaded or compiled.
Text output escapes control characters, so every finding stays on one line.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from generator.compiler.api import PATTERN_TIMEOUT
from generator.errors import GeneratorError, SchemaError, one_line
from generator.load.parse import loads_json

if TYPE_CHECKING:
    from generator.load import LoadedSchema

JSONL_SUFFIXES = (".jsonl", ".ndjson")
CHUNK_LINES = 2000
BOM = b"\xef\xbb\xbf"

#: One finding: (line, column or None, instance pointer or None, keyword, schema path, message)
Finding = tuple[int, int | None, str | None, str, str, str]


@dataclass(frozen=True)
class Checker:
    """A compiled validator for the selected (sub)schema, and how to run it."""

    is_valid: Callable[[Any], bool]
    iter_errors: Callable[[Any], Iterator[Any]]


def _definition_pointer(loaded: LoadedSchema, name: str) -> str:
    for candidate, pointer, _ in loaded.definitions():
        if candidate == name:
            return pointer
    places = ", ".join(place[1:] for place in loaded.definition_places)
    raise SchemaError(f"no definition named {name!r} (looked in {places})")


def build_checker(
    schema_path: Path,
    definition: str | None,
    assert_formats: bool = False,
    pattern_timeout: float | None = PATTERN_TIMEOUT,
) -> Checker:
    """Load and compile the schema; raises :class:`GeneratorError` with a user-facing message."""
    from generator.load import load_schema

    return checker_for(load_schema(schema_path), definition, assert_formats, pattern_timeout)


def checker_for(
    loaded: LoadedSchema,
    definition: str | None,
    assert_formats: bool,
    pattern_timeout: float | None = PATTERN_TIMEOUT,
) -> Checker:
    """Compile an already loaded schema (root or ``definition``) into a :class:`Checker`;
    each pattern match may take ``pattern_timeout`` seconds (``None``: no limit)."""
    from generator.compiler import compile

    schema_path = loaded.display_name
    definitions = None
    if definition is not None:
        definitions = {"selected": _definition_pointer(loaded, definition)}
    elif loaded.openapi is not None:
        raise SchemaError(
            "an OpenAPI document has no root schema: choose one with --def NAME",
            file=str(schema_path),
        )
    validator = compile(
        loaded.contents,
        registry=loaded.registry,
        base_uri=loaded.uri,
        default_dialect=loaded.dialect.uri,
        definitions=definitions,
        format_assertion=assert_formats,
        pattern_timeout=pattern_timeout,
        root=loaded.openapi is None,  # (its schemas were checked by OpenAPI's rules)
    )
    if definitions:
        return Checker(
            validator.function("is_valid_selected"), validator.function("iter_errors_selected")
        )
    return Checker(validator.is_valid, validator.iter_errors)


# -- parsing -------------------------------------------------------------------------------------


def _parse(data: bytes, line: int) -> tuple[Any, Finding | None]:
    """Decode one document; a parse problem becomes a finding (value is then None)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        at_line = line + data.count(b"\n", 0, exc.start)
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = data[exc.start : exc.start + 1].hex()
        return None, (at_line, column, None, "", "", f"invalid UTF-8 (byte 0x{bad})")
    if not text.strip():
        return None, (line, 1, None, "", "", "invalid JSON: empty document")
    try:
        return loads_json(text), None
    except json.JSONDecodeError as exc:
        return None, (line + exc.lineno - 1, exc.colno, None, "", "", f"invalid JSON: {exc.msg}")
    except ValueError as exc:
        return None, (line, None, None, "", "", f"invalid JSON: {exc}")
    except RecursionError:
        return None, (line, None, None, "", "", "invalid JSON: nested too deeply to parse")


def _check(checker: Checker, instance: Any, line: int) -> list[Finding]:
    try:
        if checker.is_valid(instance):
            return []
        return [
            (line, None, error.path, error.keyword, error.schema_path, error.message)
            for error in checker.iter_errors(instance)
        ]
    except RuntimeError as exc:  # SchemaLoopError: the schema, not the instance, is broken
        return [(line, None, None, "", "", f"schema error: {exc}")]


def check_instance(checker: Checker, instance: Any) -> list[Finding]:
    """Findings for one already parsed document (reported at line 1)."""
    return _check(checker, instance, 1)


def check_document(checker: Checker, data: bytes) -> list[Finding]:
    """Findings for one whole JSON document."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    instance, problem = _parse(data, 1)
    if problem is not None:
        return [problem]
    return _check(checker, instance, 1)


def check_block(checker: Checker, data: bytes, first_line: int = 1) -> list[Finding]:
    """Findings for a block of whole JSONL lines whose first line is number ``first_line``."""
    lines = ((number + first_line - 1, raw) for number, raw in _numbered(io.BytesIO(data)))
    return check_lines(checker, lines)


def check_lines(checker: Checker, lines: Iterable[tuple[int, bytes]]) -> list[Finding]:
    """Findings for numbered JSONL records (blank lines are skipped)."""
    findings: list[Finding] = []
    for number, raw in lines:
        if number == 1 and raw.startswith(BOM):
            raw = raw[len(BOM) :]
        if not raw.strip():
            continue
        instance, problem = _parse(raw, number)
        if problem is not None:
            findings.append(problem)
        else:
            findings.extend(_check(checker, instance, number))
    return findings


# -- worker processes ----------------------------------------------------------------------------

_worker_checker: Checker | None = None


def _init_worker(
    schema_path: Path, definition: str | None, assert_formats: bool, timeout: float | None
) -> None:
    global _worker_checker
    _worker_checker = build_checker(schema_path, definition, assert_formats, timeout)


def _work(chunk: list[tuple[int, bytes]]) -> tuple[int, list[Finding]]:
    assert _worker_checker is not None
    return len(chunk), check_lines(_worker_checker, chunk)


# -- driving -------------------------------------------------------------------------------------


class Reporter:
    """Writes findings and keeps the exit status and the progress line."""

    def __init__(self, output_format: str, out: IO[str], err: IO[str]) -> None:
        self.output_format = output_format
        self.out = out
        self.err = err
        self.failed = False
        self.unreadable = False
        self.records = 0
        self.started = time.monotonic()
        self.last_progress = 0.0
        self.progress = bool(getattr(err, "isatty", lambda: False)())

    def findings(self, name: str, findings: list[Finding]) -> None:
        for line, column, pointer, keyword, schema_path, message in findings:
            self.failed = True
            if self.output_format == "json":
                record: dict[str, Any] = {"file": name, "line": line}
                if column is not None:
                    record["column"] = column
                if pointer is not None:
                    record.update(path=pointer, keyword=keyword, schema_path=schema_path)
                record["message"] = message
                self.out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif pointer is None:
                where = f"{name}:{line}:{column}" if column is not None else f"{name}:{line}"
                self.out.write(one_line(f"{where}: {message}") + "\n")
            else:
                self.out.write(one_line(f"{name}:{line}: {pointer or '(root)'}: {message}") + "\n")

    def status(self) -> int:
        """The exit status: 2 if an input could not be read, 1 if one was invalid, else 0."""
        return 2 if self.unreadable else 1 if self.failed else 0

    def problem(self, name: str, message: str) -> None:
        """An input that could not be read at all (exit status 2, as for bad usage)."""
        self.failed = True
        self.unreadable = True
        if self.output_format == "json":
            self.out.write(json.dumps({"file": name, "message": message}, ensure_ascii=False))
            self.out.write("\n")
        else:
            self.out.write(one_line(f"{name}: {message}") + "\n")

    def counted(self, records: int) -> None:
        self.records += records
        if not self.progress:
            return
        now = time.monotonic()
        if now - self.last_progress >= 0.5:
            self.last_progress = now
            rate = self.records / max(now - self.started, 1e-9)
            self.err.write(f"\r{self.records} records ({rate:,.0f}/s)")
            self.err.flush()

    def done(self) -> None:
        if self.progress and self.records:
            self.counted(0)
            self.err.write("\n")


def _numbered(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    # Binary iteration splits on b"\n" only, so U+2028/U+2029 inside strings are harmless.
    for number, raw in enumerate(stream, 1):
        yield number, raw.rstrip(b"\r\n") if raw.endswith(b"\n") else raw


def _chunks(lines: Iterator[tuple[int, bytes]]) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for item in lines:
        chunk.append(item)
        if len(chunk) >= CHUNK_LINES:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _stream(
    name: str,
    stream: IO[bytes],
    checker: Checker,
    reporter: Reporter,
    pool: Pool | None,
    workers: int,
) -> None:
    chunks = _chunks(_numbered(stream))
    if pool is None:
        for chunk in chunks:
            reporter.findings(name, check_lines(checker, chunk))
            reporter.counted(len(chunk))
        return
    pending: deque[AsyncResult[tuple[int, list[Finding]]]] = deque()
    for chunk in chunks:
        pending.append(pool.apply_async(_work, (chunk,)))
        while len(pending) > 2 * workers:  # bounded read-ahead: constant memory
            count, findings = pending.popleft().get()
            reporter.findings(name, findings)
            reporter.counted(count)
    while pending:
        count, findings = pending.popleft().get()
        reporter.findings(name, findings)
        reporter.counted(count)


def validate_input(
    name: str,
    checker: Checker,
    reporter: Reporter,
    pool: Pool | None,
    workers: int,
    jsonl_stdin: bool,
    stdin: IO[bytes],
) -> None:
    if name == "-":
        if jsonl_stdin:
            _stream("<stdin>", stdin, checker, reporter, pool, workers)
        else:
            reporter.findings("<stdin>", check_document(checker, stdin.read()))
            reporter.counted(1)
        return
    path = Path(name)
    try:
        if path.is_dir():
            reporter.problem(name, "is a directory")
            return
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                _stream(name, stream, checker, reporter, pool, workers)
            return
        data = path.read_bytes()
    except FileNotFoundError:
        reporter.problem(name, "no such file")
        return
    except OSError as exc:
        reporter.problem(name, f"cannot read: {exc.strerror or exc}")
        return
    reporter.findings(name, check_document(checker, data))
    reporter.counted(1)


def run(
    args: argparse.Namespace,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Run ``schemagen validate``; returns the exit status (0 valid, 1 invalid, 2 usage or an
    unreadable input)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    source = stdin if stdin is not None else sys.stdin.buffer
    try:
        checker = build_checker(
            args.schema, args.definition, args.assert_formats, args.pattern_timeout
        )
    except GeneratorError as exc:
        return refuse(err, exc)
    reporter = Reporter(args.output_format, out, err)
    pool: Pool | None = None
    if args.jobs > 1:
        init_args = (args.schema, args.definition, args.assert_formats, args.pattern_timeout)
        pool = Pool(args.jobs, _init_worker, init_args)
    try:
        for name in args.files:
            validate_input(name, checker, reporter, pool, args.jobs, args.jsonl, source)
        reporter.done()
        out.flush()
    except BrokenPipeError:
        return reader_gone(out)
    except BaseException:
        if pool is not None:
            pool.terminate()
            pool = None
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return reporter.status()


def refuse(err: IO[str], exc: GeneratorError) -> int:
    """Report ``exc`` as the one error line and give the exit status for it (2)."""
    err.write(one_line(f"schemagen: error: {exc}") + "\n")
    return 2


def reader_gone(out: IO[str]) -> int:
    """The reader of ``out`` went away (e.g. ``| head``): stop quietly, as Unix tools do."""
    if out is sys.stdout:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 1
