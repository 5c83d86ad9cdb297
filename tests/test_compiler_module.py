"""The generated module is clean Python: ruff check, ruff format --check and mypy --strict pass.

Every required test-suite schema is rendered (ruff is fast, so all of them are checked); mypy
runs on a handful of modules chosen to cover the runtime's optional parts (regex module,
format helpers, annotation tracking, named definitions).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.compiler import render_module
from generator.compiler.formats import FORMATS

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT.parent / "shared" / "json-schema-test-suite"
BIN = Path(sys.executable).parent
RUFF = shutil.which("ruff", path=str(BIN)) or shutil.which("ruff")
MYPY_ARGS = [sys.executable, "-m", "mypy", "--strict", "--no-incremental"]

CONVERSATION_LIKE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "messages"],
    "properties": {
        "id": {"type": ["string", "null"]},
        "type": {"enum": ["openai"]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "when": {"type": "string", "format": "date-time"},
        "name": {"type": "string", "pattern": "^\\p{L}[\\p{L} ]*$"},
        "messages": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/Message"}},
    },
    "additionalProperties": False,
    "$defs": {
        "Message": {
            "type": "object",
            "required": ["role"],
            "properties": {
                "role": {"enum": ["system", "user", "assistant"]},
                "content": {"anyOf": [{"type": "string"}, {"type": "array"}]},
            },
            "unevaluatedProperties": False,
        }
    },
}


def _hostile_modules() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from test_compiler_hostile import NASTY, ecma_escape
    finally:
        sys.path.pop(0)
    nasty = {
        "$defs": {text: {"const": text, "enum": [text, 1]} for text in NASTY},
        "properties": {
            text: {"$ref": "#/$defs/" + text.replace("~", "~0").replace("/", "~1")}
            for text in NASTY
            if "%" not in text and "#" not in text
        },
        "patternProperties": {"^" + ecma_escape(text) + "$": {"maxLength": 3} for text in NASTY},
        "required": NASTY,
        "dependentRequired": {text: NASTY for text in NASTY},
    }
    deep: Any = {"type": "integer"}
    for _ in range(300):
        deep = {"type": "object", "properties": {"a" * 40: deep}, "allOf": [{"minProperties": 1}]}
    long_names = render_module(
        {"$defs": {"X": {"type": "string"}, "Y": {"$anchor": "why", "type": "integer"}}},
        definitions={"n" * 48: "/$defs/X", "short": "#/$defs/X", "anchored": "#why"},
        root=False,
    )
    return [
        ("nasty", render_module(nasty, format_assertion=True)),
        ("deep", render_module(deep)),
        ("long_names", long_names),
    ]


def _formats_module() -> str:
    names = ("date", "time", "date-time", "ipv4", "ipv6", "uri", "email", "hostname", "uuid")
    names += ("regex", "duration", "relative-json-pointer", "uri-reference", "iri")
    names += ("iri-reference", "uri-template", "json-pointer", "idn-email")
    return render_module(
        {"properties": {name: {"format": name} for name in names}}, format_assertion=True
    )


def _one_format_modules() -> list[tuple[str, str]]:
    """A module per format: each carries only its helper and what that uses."""
    return [
        (f"format_{name.replace('-', '_')}", render_module({"format": name}, format_assertion=True))
        for name in sorted(FORMATS)
    ]


def _suite_modules() -> list[tuple[str, str]]:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from test_jsonschema_suite import DRAFTS, remotes_registry
    finally:
        sys.path.pop(0)
    modules = []
    for draft, dialect in DRAFTS.items():
        registry = remotes_registry(draft)
        for path in sorted((SUITE / "tests" / draft).glob("*.json")):
            for index, group in enumerate(json.loads(path.read_text(encoding="utf-8"))):
                name = f"m_{draft}_{path.stem}_{index}".replace("-", "_")
                source = render_module(group["schema"], registry=registry, default_dialect=dialect)
                modules.append((name, source))
    return modules


def _write(directory: Path, modules: list[tuple[str, str]]) -> list[Path]:
    shutil.copy(ROOT / "pyproject.toml", directory / "pyproject.toml")
    paths = []
    for name, source in modules:
        path = directory / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        paths.append(path)
    return paths


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed")
def test_generated_modules_pass_ruff(tmp_path: Path) -> None:
    modules = [
        ("conversation", render_module(CONVERSATION_LIKE)),
        (
            "conversation_defs",
            render_module(
                CONVERSATION_LIKE, definitions={"message": "/$defs/Message"}, format_assertion=True
            ),
        ),
    ]
    modules += _hostile_modules()
    modules.append(("formats", _formats_module()))
    modules += _one_format_modules()
    if SUITE.is_dir():
        modules += _suite_modules()
    _write(tmp_path, modules)
    assert RUFF is not None
    check = _run([RUFF, "check", "--no-cache", "."], tmp_path)
    assert check.returncode == 0, check.stdout[-5000:]
    fmt = _run([RUFF, "format", "--check", "--no-cache", "."], tmp_path)
    assert fmt.returncode == 0, fmt.stdout[-5000:]


def test_generated_modules_pass_mypy_strict(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    recursive = {
        "$defs": {"node": {"type": "object", "properties": {"kids": {"items": {"$ref": "#"}}}}},
        "anyOf": [{"$ref": "#/$defs/node"}, {"type": "null"}],
        "oneOf": [{"minProperties": 1}, {"type": "null"}],
        "if": {"required": ["a"]},
        "then": {"dependentRequired": {"a": ["b"]}},
        "else": {"propertyNames": {"maxLength": 3}},
        "unevaluatedProperties": {"type": "integer", "multipleOf": 0.5},
        "prefixItems": [{"const": {"a": [1, 2]}}],
        "contains": {"enum": [1, "x", None]},
        "maxContains": 2,
        "unevaluatedItems": False,
        "uniqueItems": True,
    }
    modules = [
        ("conversation", render_module(CONVERSATION_LIKE)),
        (
            "conversation_defs",
            render_module(
                CONVERSATION_LIKE, definitions={"message": "/$defs/Message"}, format_assertion=True
            ),
        ),
        ("recursive", render_module(recursive)),
        (
            "content",
            render_module(
                {
                    "$schema": "http://json-schema.org/draft-07/schema#",
                    "contentEncoding": "base64",
                    "contentMediaType": "application/json",
                }
            ),
        ),
        *_hostile_modules(),
        ("formats", _formats_module()),
        *_one_format_modules(),
    ]
    paths = _write(tmp_path, modules)
    result = _run([*MYPY_ARGS, *(p.name for p in paths)], tmp_path)
    assert result.returncode == 0, result.stdout[-5000:]


def test_output_is_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    """Same schema, same module text -- whatever the interpreter's string hash seed."""
    script = tmp_path / "render.py"
    script.write_text(
        "import hashlib, json, sys\n"
        "from generator.compiler import render_module\n"
        "schemas = json.loads(sys.argv[1])\n"
        "digest = hashlib.sha256()\n"
        "for schema in schemas:\n"
        "    digest.update(render_module(schema, format_assertion=True).encode())\n"
        "print(digest.hexdigest())\n",
        encoding="utf-8",
    )
    schemas = [
        {"$ref": "https://json-schema.org/draft/2020-12/schema"},
        CONVERSATION_LIKE,
        {
            "properties": {"a": {"$ref": "#/$defs/a"}, "u": {"format": "uri"}},
            "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"$ref": "#/$defs/a"}, {}]}},
        },
    ]
    digests = set()
    for seed in ("1", "2", "3"):
        result = subprocess.run(
            [sys.executable, str(script), json.dumps(schemas)],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1
