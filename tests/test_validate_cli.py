"""``schemagen validate``: the engine through a small argparse driver, and the real CLI.

The driver tests call :func:`generator.validate_files.run` in-process (fast, exact output);
the subprocess tests run ``python -m generator validate`` the way a user would.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import validate_files
from generator.cli import _parser

ROOT = Path(__file__).resolve().parents[1]

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["role"],
    "properties": {
        "role": {"enum": ["system", "user", "assistant"]},
        "n": {"type": "integer"},
    },
    "$defs": {"Name": {"type": "string", "minLength": 2}},
    "definitions": {"Count": {"type": "integer"}},
}


@pytest.fixture
def schema(tmp_path: Path) -> Path:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(SCHEMA), encoding="utf-8")
    return path


def run(argv: list[str], stdin: bytes = b"", cwd: Path | None = None) -> tuple[int, str, str]:
    args = _parser().parse_args(["validate", *argv])
    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        code = validate_files.run(args, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    finally:
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_valid_document(tmp_path: Path, schema: Path) -> None:
    doc = write(tmp_path, "ok.json", b'{"role": "user", "n": 3}')
    assert run(["--schema", str(schema), doc]) == (0, "", "")


def test_invalid_document_lists_every_error(tmp_path: Path, schema: Path) -> None:
    doc = write(tmp_path, "bad.json", b'{"role": "robot", "n": 1.5}')
    code, out, _ = run(["--schema", str(schema), doc])
    assert code == 1
    assert out.splitlines() == [
        f"{doc}:1: /role: 'robot' is not one of 'system', 'user', 'assistant'",
        f"{doc}:1: /n: 1.5 is not of type 'integer'",
    ]


def test_root_error_and_json_format(tmp_path: Path, schema: Path) -> None:
    doc = write(tmp_path, "list.json", b"[1]")
    code, out, _ = run(["--schema", str(schema), "--format", "json", doc])
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert records == [
        {
            "file": doc,
            "line": 1,
            "path": "",
            "keyword": "type",
            "schema_path": "/type",
            "message": "[1] is not of type 'object'",
        }
    ]
    code, out, _ = run(["--schema", str(schema), doc])
    assert out == f"{doc}:1: (root): [1] is not of type 'object'\n"


def test_malformed_json_reports_line_and_column(tmp_path: Path, schema: Path) -> None:
    doc = write(tmp_path, "broken.json", b'{\n  "role": "user",\n  "n": ,\n}')
    code, out, _ = run(["--schema", str(schema), doc])
    assert code == 1
    assert out == f"{doc}:3:8: invalid JSON: Expecting value\n"


@pytest.mark.parametrize("data", [b"", b"  \n\t \n"], ids=["empty", "whitespace"])
def test_empty_documents_are_errors(tmp_path: Path, schema: Path, data: bytes) -> None:
    doc = write(tmp_path, "empty.json", data)
    code, out, _ = run(["--schema", str(schema), doc])
    assert code == 1
    assert out == f"{doc}:1:1: invalid JSON: empty document\n"


def test_bom_is_accepted_and_invalid_utf8_reported(tmp_path: Path, schema: Path) -> None:
    bom = write(tmp_path, "bom.json", b'\xef\xbb\xbf{"role": "system"}')
    latin = write(tmp_path, "latin1.json", b'{"role": "caf\xe9"}')
    code, out, _ = run(["--schema", str(schema), bom, latin])
    assert code == 1
    assert out == f"{latin}:1:14: invalid UTF-8 (byte 0xe9)\n"


def test_nan_is_not_json(tmp_path: Path, schema: Path) -> None:
    doc = write(tmp_path, "nan.json", b'{"role": "user", "n": NaN}')
    code, out, _ = run(["--schema", str(schema), doc])
    assert (code, out) == (1, f"{doc}:1: invalid JSON: NaN is not valid JSON\n")


def test_jsonl_stream(tmp_path: Path, schema: Path) -> None:
    lines = [
        b'\xef\xbb\xbf{"role": "user"}\n',  # 1: BOM on the first line
        b'{"role": "robot"}\n',  # 2: invalid
        b"\n",  # 3: blank, skipped
        b"   \r\n",  # 4: blank with CRLF, skipped
        b'{"role": "assistant", "n": 2}\r\n',  # 5: CRLF ending
        b'{"role": "user", "x": "a\xe2\x80\xa8b"}\n',  # 6: U+2028 inside a string
        b'{"role": \n',  # 7: malformed
        b'{"role": "system"',  # 8: truncated last line, no newline
    ]
    doc = write(tmp_path, "stream.jsonl", b"".join(lines))
    code, out, _ = run(["--schema", str(schema), doc])
    assert code == 1
    assert out.splitlines() == [
        f"{doc}:2: /role: 'robot' is not one of 'system', 'user', 'assistant'",
        f"{doc}:7:10: invalid JSON: Expecting value",
        f"{doc}:8:18: invalid JSON: Expecting ',' delimiter",
    ]


def test_jsonl_last_line_without_newline_is_fine(tmp_path: Path, schema: Path) -> None:
    doc = write(tmp_path, "ok.jsonl", b'{"role": "user"}\n{"role": "system"}')
    assert run(["--schema", str(schema), doc]) == (0, "", "")


def test_missing_file_directory_and_duplicates(tmp_path: Path, schema: Path) -> None:
    good = write(tmp_path, "good.json", b'{"role": "user"}')
    bad = write(tmp_path, "bad.json", b'{"role": 1}')
    missing = str(tmp_path / "nope.json")
    code, out, _ = run(["--schema", str(schema), missing, str(tmp_path), good, bad, bad])
    assert code == 2  # an unreadable input is bad usage; the others are still checked
    message = f"{bad}:1: /role: 1 is not one of 'system', 'user', 'assistant'"
    assert out.splitlines() == [
        f"{missing}: no such file",
        f"{tmp_path}: is a directory",
        message,
        message,
    ]


def test_missing_file_or_directory_alone_exits_2(tmp_path: Path, schema: Path) -> None:
    code, out, _ = run(["--schema", str(schema), str(tmp_path / "absent.json")])
    assert code == 2 and "no such file" in out
    code, out, _ = run(["--schema", str(schema), str(tmp_path)])
    assert code == 2 and "is a directory" in out


def test_stdin_document_and_jsonl(schema: Path) -> None:
    assert run(["--schema", str(schema), "-"], stdin=b'{"role": "user"}') == (0, "", "")
    code, out, _ = run(["--schema", str(schema), "-"], stdin=b'{"role": 5}')
    assert code == 1 and out.startswith("<stdin>:1: /role: 5 is not one of")
    code, out, _ = run(
        ["--schema", str(schema), "--jsonl", "-"], stdin=b'{"role": "user"}\n{"role": 5}\n'
    )
    assert code == 1 and out.startswith("<stdin>:2: /role: 5 is not one of")


def test_def_selects_a_definition(tmp_path: Path, schema: Path) -> None:
    doc = write(tmp_path, "name.json", b'"x"')
    code, out, _ = run(["--schema", str(schema), "--def", "Name", doc])
    assert (code, out) == (1, f"{doc}:1: (root): 'x' is shorter than 2 characters\n")
    doc2 = write(tmp_path, "count.json", b"7")
    assert run(["--schema", str(schema), "--def", "Count", doc2]) == (0, "", "")
    code, out, err = run(["--schema", str(schema), "--def", "Missing", doc2])
    assert code == 2 and out == "" and "no definition named 'Missing'" in err


def test_assert_formats(tmp_path: Path) -> None:
    schema = write(tmp_path, "s.json", b'{"format": "date"}')
    doc = write(tmp_path, "d.json", b'"2023-02-29"')
    assert run(["--schema", schema, doc]) == (0, "", "")
    code, out, _ = run(["--schema", schema, "--assert-formats", doc])
    assert (code, out) == (1, f"{doc}:1: (root): '2023-02-29' is not a valid 'date'\n")


def test_bad_schema_exits_2_without_traceback(tmp_path: Path) -> None:
    doc = write(tmp_path, "doc.json", b"{}")
    broken = write(tmp_path, "broken-schema.json", b'{"type": ')
    code, out, err = run(["--schema", broken, doc])
    assert code == 2 and out == ""
    assert err.startswith("schemagen: error: ") and "Traceback" not in err
    bad_pattern = write(tmp_path, "pattern-schema.json", b'{"pattern": "(unclosed"}')
    code, out, err = run(["--schema", bad_pattern, doc])
    assert code == 2 and "Traceback" not in err and "/pattern" in err
    missing = str(tmp_path / "no-schema.json")
    code, out, err = run(["--schema", missing, doc])
    assert code == 2 and err.startswith("schemagen: error: ")


def test_schema_loop_is_reported_not_a_traceback(tmp_path: Path) -> None:
    looping = write(tmp_path, "loop.json", b'{"properties": {"a": {"$ref": "#/properties/a"}}}')
    fine = write(tmp_path, "fine.json", b'{"b": 1}')
    reached = write(tmp_path, "reached.json", b'{"a": 1}')
    code, out, _ = run(["--schema", looping, fine, reached])
    assert code == 1
    assert out == (
        f"{reached}:1: schema error: /properties/a: infinite reference loop: "
        "this schema applies itself to the same instance without end\n"
    )


def test_workers_keep_order(tmp_path: Path, schema: Path) -> None:
    count = validate_files.CHUNK_LINES * 3 + 17
    records = [
        json.dumps({"role": "user" if i % 7 else "robot", "n": i}).encode() for i in range(count)
    ]
    doc = write(tmp_path, "many.jsonl", b"\n".join(records) + b"\n")
    single = run(["--schema", str(schema), doc])
    parallel = run(["--schema", str(schema), "--workers", "2", doc])
    assert single == parallel
    code, out, _ = single
    expected = [
        f"{doc}:{i + 1}: /role: 'robot' is not one of 'system', 'user', 'assistant'"
        for i in range(0, count, 7)
    ]
    assert code == 1 and out.splitlines() == expected


@pytest.mark.parametrize("spelling", ["--jobs", "--workers"])
def test_bad_job_count_is_usage_error(
    tmp_path: Path, schema: Path, spelling: str, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = write(tmp_path, "ok.json", b'{"role": "user"}')
    with pytest.raises(SystemExit) as exit_info:
        run(["--schema", str(schema), spelling, "0", doc])
    assert exit_info.value.code == 2
    expected = "argument --jobs/--workers: expected a whole number of at least 1"
    assert expected in capsys.readouterr().err


def test_jobs_and_workers_are_one_option(tmp_path: Path, schema: Path) -> None:
    doc = write(tmp_path, "ok.jsonl", b'{"role": "user"}\n{"role": 1}\n')
    assert run(["--schema", str(schema), "--jobs", "2", doc]) == run(
        ["--schema", str(schema), "--workers", "2", doc]
    )


# -- the real command line --------------------------------------------------------------------


def _cli(args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def _cli_wired() -> bool:
    try:
        from generator import cli  # noqa: F401
    except ImportError:
        return False
    return _cli(["--help"]).returncode == 0


cli_wired = pytest.mark.skipif(
    not _cli_wired(), reason="generator/cli.py does not expose the 'validate' command yet"
)


@cli_wired
def test_cli_valid_invalid_and_exit_codes(tmp_path: Path, schema: Path) -> None:
    good = write(tmp_path, "good.json", b'{"role": "user"}')
    bad = write(tmp_path, "bad.jsonl", b'{"role": "user"}\n{"role": "x"}\n')
    ok = _cli(["--schema", str(schema), good])
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, b"", b"")
    result = _cli(["--schema", str(schema), good, bad, str(tmp_path / "missing.json")])
    assert result.returncode == 2
    assert result.stdout.decode().splitlines() == [
        f"{bad}:2: /role: 'x' is not one of 'system', 'user', 'assistant'",
        f"{tmp_path / 'missing.json'}: no such file",
    ]


@cli_wired
def test_cli_stdin_json_format_and_workers(tmp_path: Path, schema: Path) -> None:
    result = _cli(
        ["--schema", str(schema), "--jsonl", "--format", "json", "--workers", "2", "-"],
        stdin=b'{"role": 1}\n\n{"role": "user"}\n{oops\n',
    )
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["file"], r["line"]) for r in records] == [("<stdin>", 1), ("<stdin>", 4)]
    assert records[1]["column"] == 2 and records[1]["message"].startswith("invalid JSON")


@cli_wired
def test_cli_bad_schema_exits_2(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.json", b"{nope")
    doc = write(tmp_path, "doc.json", b"{}")
    result = _cli(["--schema", broken, doc])
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and result.stderr.startswith(b"schemagen: error:")


def test_integers_of_any_length_are_read_as_the_loader_reads_them(tmp_path: Path) -> None:
    schema = write(tmp_path, "s.json", b'{"properties": {"n": {"type": "integer", "maximum": 10}}}')
    digits = "9" * 5000
    fine = write(tmp_path, "fine.json", b'{"n": -' + digits.encode() + b"}")
    big = write(tmp_path, "big.jsonl", b'{"n": ' + digits.encode() + b"}\n")
    assert run(["--schema", schema, fine]) == (0, "", "")
    code, out, _ = run(["--schema", schema, big])
    assert (code, out) == (1, f"{big}:1: /n: a very long integer is greater than 10\n")


def test_control_characters_cannot_forge_output_lines(tmp_path: Path) -> None:
    schema = write(tmp_path, "s.json", b'{"additionalProperties": false}')
    doc = write(tmp_path, "d.json", b'{"x\\nd.json:1: forged\\u2028\\u001b[2J": 1}')
    code, out, _ = run(["--schema", schema, doc])
    assert code == 1
    assert out.count("\n") == 1 and "\u2028" not in out and "\x1b" not in out
    assert "x\\nd.json:1: forged\\u2028\\x1b[2J" in out


def test_a_pattern_that_runs_out_of_time_is_reported_not_waited_for(tmp_path: Path) -> None:
    schema = write(tmp_path, "s.json", b'{"properties": {"a": {"pattern": "^(a|a)*$"}}}')
    doc = write(tmp_path, "d.json", b'{"a": "' + b"a" * 30 + b'!"}')
    code, out, _ = run(["--schema", schema, "--pattern-timeout", "0.05", doc])
    assert code == 1
    assert out.startswith(f"{doc}:1: /a: ") and "ran out of time" in out
    assert run(
        [
            "--schema",
            schema,
            "--pattern-timeout",
            "0.05",
            write(tmp_path, "ok.json", b'{"a": "aa"}'),
        ]
    ) == (0, "", "")


def test_def_in_an_openapi_30_document_is_checked_by_openapi_rules(tmp_path: Path) -> None:
    # OpenAPI 3.0 allows a boolean exclusiveMinimum without minimum (draft 4 does not): the
    # document is read, and --def compiles its component without re-checking it as draft 4.
    document = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {
            "schemas": {
                "Price": {
                    "type": "object",
                    "required": ["amount"],
                    "properties": {
                        "amount": {"type": "number", "exclusiveMinimum": True},
                        "note": {"$ref": "#/components/schemas/Note"},
                    },
                },
                "Note": {"type": "string", "nullable": True, "maxLength": 3},
            }
        },
    }
    schema = write(tmp_path, "api.json", json.dumps(document).encode())
    good = write(tmp_path, "good.json", b'{"amount": 2, "note": null}')
    bad = write(tmp_path, "bad.json", b'{"note": "long"}')
    assert run(["--schema", schema, "--def", "Price", good]) == (0, "", "")
    code, out, _ = run(["--schema", schema, "--def", "Price", bad])
    assert code == 1
    assert f"{bad}:1: (root): 'amount' is a required property" in out
    assert f"{bad}:1: /note: " in out
