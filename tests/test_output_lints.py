"""Every accepted schema gives code that passes ``ruff check``, ``ruff format --check`` and
``mypy --strict`` (issue 10, item 5): one generated package per schema, one run of each tool
over all of them (mypy is slow), and each package imported and exercised."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import generate

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

CASES: dict[str, Any] = {
    "closed_recursive": {
        "$ref": "#/$defs/closed",
        "$defs": {"closed": {"additionalProperties": False}, "tree": {"items": {"$ref": "#"}}},
    },
    "null_with_string_keywords": {"type": "null", "minLength": 1},
    "null_or_boolean_with_keywords": {"type": ["null", "boolean"], "minimum": 1, "required": []},
    "enum_of_containers": {"enum": [{}, []]},
    "null": {"type": "null"},
    "null_member": {"properties": {"a": {"type": "null"}}, "required": ["a"]},
    "root_enum_of_numbers": {"enum": [1, 2.5, None]},
    "megabyte_const": {"properties": {"a": {"const": "x" * 1_000_000}}},
    "thousands_of_consts": {
        "properties": {"a": {"anyOf": [{"const": f"v{i}"} for i in range(3000)]}}
    },
    "huge_floats": {"properties": {"a": {"enum": [1e308, -1e-308, 2.5e-8]}}},
    # found by make fuzz: keywords of other types after a type check, in inlined subschemas
    "dependent_schema_of_other_types": {
        "type": "object",
        "dependentSchemas": {"a": {"exclusiveMinimum": 2.0, "unevaluatedProperties": {}}},
    },
    "string_with_unevaluated": {
        "type": "string",
        "unevaluatedProperties": False,
        "unevaluatedItems": False,
        "allOf": [{"properties": {"a": {}}}],
    },
    "string_with_object_keywords_in_allof": {
        "type": "string",
        "allOf": [{"properties": {"a": {"type": "string"}}, "minimum": 3, "minLength": 2}],
    },
}


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lint")
    for name, schema in CASES.items():
        path = root / f"{name}.json"
        path.write_text(json.dumps(schema), encoding="utf-8")
        generate(path, root / name, ["models", "validators"], jobs=1)
    return root


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache"],
        ["ruff", "format", "--check", "--no-cache"],
        ["mypy", "--strict", "--no-incremental"],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_the_generated_packages_pass(packages: Path, command: list[str]) -> None:
    config = ["--config", str(ROOT / "pyproject.toml")] if command[0] == "ruff" else []
    run = subprocess.run(
        [str(BIN / command[0]), *command[1:], *config, *CASES],
        cwd=packages,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]


def test_the_generated_packages_import_and_validate(
    packages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(packages))
    closed = importlib.import_module("closed_recursive.models")
    assert closed.Closed.from_dict({}).to_dict() == {}
    with pytest.raises(ValueError):
        closed.Closed.from_dict({"x": 1})
    consts = importlib.import_module("thousands_of_consts.validators")
    assert consts.is_valid({"a": "v2999"}) and not consts.is_valid({"a": "v3000"})
    models = importlib.import_module("thousands_of_consts.models")
    assert models.ThousandsOfConsts.from_dict({"a": "v17"}).a == "v17"
    big = importlib.import_module("megabyte_const.validators")
    assert big.is_valid({"a": "x" * 1_000_000}) and not big.is_valid({"a": "x"})
    null = importlib.import_module("null_with_string_keywords.validators")
    assert null.is_valid(None) and not null.is_valid("")
