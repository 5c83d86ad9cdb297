"""End to end: run `python -m generator` as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SCHEMA


def run(
    *args: str, cwd: Path = ROOT, hash_seed: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if hash_seed is not None:
        env["PYTHONHASHSEED"] = hash_seed
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_generate_into_a_scratch_folder_then_check(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("generate", str(SCHEMA), "--out", str(out), "--targets", "docs")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("schemagen: 20 files: 20 written, 0 unchanged, 0 removed in ")
    again = run("generate", str(SCHEMA), "--out", str(out), "--targets", "docs")
    assert "0 written, 20 unchanged" in again.stdout
    check = run("check", str(SCHEMA), "--out", str(out), "--targets", "docs")
    assert check.returncode == 0, check.stderr
    assert "is up to date" in check.stdout


def test_check_reports_a_stale_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("generate", str(SCHEMA), "--out", str(out), "--targets", "docs")
    page = out / "docs/models/components/detail.md"
    page.write_text("edited by hand")
    check = run("check", str(SCHEMA), "--out", str(out), "--targets", "docs")
    assert check.returncode == 1
    assert "changed: docs/models/components/detail.md" in check.stderr
    assert page.read_text() == "edited by hand", "check never writes"


def test_bad_schema_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "object",\n "properties": {"a": {"$ref": "#/nowhere"}}}')
    out = tmp_path / "out"
    result = run("generate", str(bad), "--out", str(out), "--targets", "docs")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"schemagen: error: {bad}#/properties/a/$ref: cannot resolve $ref '#/nowhere': "
        "the JSON Pointer points to nothing"
    )
    assert not out.exists(), "nothing is written when the schema is refused"


def test_invalid_json_schema_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "object",}')
    result = run("generate", str(bad), "--out", str(tmp_path / "o"), "--targets", "docs")
    assert result.returncode == 2
    assert f"{bad}:1:19: invalid JSON" in result.stderr


def test_unknown_target_exits_2(tmp_path: Path) -> None:
    result = run("generate", str(SCHEMA), "--out", str(tmp_path), "--targets", "docs,nope")
    assert result.returncode == 2
    assert "unknown target 'nope'" in result.stderr
    assert not any(tmp_path.iterdir())


def test_defaults_come_from_pyproject(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "s.json").write_text(
        json.dumps({"title": "Thing", "type": "object", "properties": {"a": {"type": "string"}}})
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.schemagen]\nschema = "schemas/s.json"\nout = "gen"\ntargets = ["docs"]\n'
        'docs_package = "@acme/sdk"\n'
    )
    result = run("generate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "gen/docs/models/components/thing.md").read_text()
    assert 'import { Thing } from "@acme/sdk/models/components";' in page


def test_unknown_config_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.schemagen]\nshema = "x.json"\n')
    result = run("generate", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown key(s) in [tool.schemagen]: shema" in result.stderr


def test_ref_map_option(tmp_path: Path) -> None:
    (tmp_path / "mirror").mkdir()
    (tmp_path / "mirror" / "leaf.json").write_text(
        json.dumps({"title": "Leaf", "type": "object", "properties": {"n": {"type": "integer"}}})
    )
    schema = tmp_path / "s.json"
    schema.write_text(
        json.dumps(
            {
                "title": "Top",
                "type": "object",
                "properties": {"leaf": {"$ref": "https://example.com/x/leaf.json"}},
            }
        )
    )
    refused = run("generate", str(schema), "--out", str(tmp_path / "o"), "--targets", "docs")
    assert refused.returncode == 2
    assert "--ref-map https://example.com/x/=DIR" in refused.stderr
    mapped = run(
        "generate",
        str(schema),
        "--out",
        str(tmp_path / "o"),
        "--targets",
        "docs",
        "--ref-map",
        f"https://example.com/x/={tmp_path / 'mirror'}",
    )
    assert mapped.returncode == 0, mapped.stderr
    top = (tmp_path / "o/docs/models/components/top.md").read_text()
    assert "[components.Leaf](../../models/components/leaf.md)" in top
    assert (tmp_path / "o/docs/models/components/leaf.md").is_file()


def test_a_schema_2000_levels_deep_is_a_clear_error(tmp_path: Path) -> None:
    depth = 2000
    text = (
        '{"title": "Deep", '
        + '"type": "object", "properties": {"a": {' * depth
        + '"type": "string"'
        + "}}" * depth
        + "}"
    )
    schema = tmp_path / "deep.json"
    schema.write_text(text)
    result = run("generate", str(schema), "--out", str(tmp_path / "o"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{schema}: the schema nests too deeply to process" in result.stderr
    assert not (tmp_path / "o").exists()


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    first = run("generate", str(SCHEMA), "--out", str(tmp_path / "a"), hash_seed="1")
    second = run("generate", str(SCHEMA), "--out", str(tmp_path / "b"), hash_seed="4242")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*"))
    assert files_a == files_b and len(files_a) > 20
    for name in files_a:
        if (tmp_path / "a" / name).is_file():
            assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
