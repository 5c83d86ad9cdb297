"""Models and validators of the four Speakeasy SDK documents (``../shared/speakeasy``):
generated code that lints, type-checks and imports, and validators that agree with
python-jsonschema on every example the documents carry.

Every schema of ``components/schemas`` that holds ``example`` or ``examples`` (at any depth,
through properties, items and compositions) is compiled as a named definition of one module,
and each example is checked by it and by python-jsonschema (draft 4 for OpenAPI 3.0, whose
schemas the loader rewrites to draft 4; 2020-12 for OpenAPI 3.1). Real documents hold invalid
examples too: what matters is that both say the same.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import Draft4Validator, Draft202012Validator

from generator.compiler import compile as compile_schema
from generator.load import LoadedSchema, load_schema
from generator.pipeline import generate
from generator.spec.pointer import escape
from tests.conftest import ROOT, shared_path
from tests.speakeasy_corpus import SDKS, spec_path

BIN = Path(sys.executable).parent

_MAPS = ("properties", "patternProperties", "$defs", "definitions")
_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_ONE = ("items", "additionalProperties", "not", "contains", "propertyNames")


def example_sites(node: Any, pointer: str) -> Iterator[tuple[str, list[Any]]]:
    """``(JSON Pointer, examples)`` for every schema under ``node`` that carries examples."""
    stack = [(node, pointer)]
    while stack:
        schema, where = stack.pop()
        if not isinstance(schema, dict):
            continue
        found: list[Any] = []
        if "example" in schema:
            found.append(schema["example"])
        if isinstance(schema.get("examples"), list):
            found.extend(schema["examples"])
        if found:
            yield where, found
        if "$ref" in schema:
            continue
        for key in _MAPS:
            if isinstance(schema.get(key), dict):
                stack.extend((v, f"{where}/{key}/{escape(k)}") for k, v in schema[key].items())
        for key in _LISTS:
            if isinstance(schema.get(key), list):
                stack.extend((v, f"{where}/{key}/{i}") for i, v in enumerate(schema[key]))
        for key in _ONE:
            if isinstance(schema.get(key), dict):
                stack.append((schema[key], f"{where}/{key}"))


def _reference_validator(loaded: LoadedSchema, pointer: str) -> Any:
    cls = (
        Draft4Validator
        if loaded.openapi is not None and loaded.openapi.is_30
        else (Draft202012Validator)
    )
    return cls({"$ref": f"{loaded.uri}#{pointer}"}, registry=loaded.registry)


@pytest.mark.parametrize("sdk", SDKS)
def test_validators_agree_with_jsonschema_on_the_documents_examples(sdk: str) -> None:
    shared_path("speakeasy", sdk)
    loaded = load_schema(spec_path(sdk))
    schemas = loaded.contents["components"]["schemas"]
    sites = [
        site
        for name, schema in schemas.items()
        for site in example_sites(schema, f"/components/schemas/{escape(name)}")
    ]
    if not sites:
        pytest.skip(f"{sdk}: the document carries no examples")
    validator = compile_schema(
        loaded.contents,
        registry=loaded.registry,
        base_uri=loaded.uri,
        default_dialect=loaded.dialect.uri,
        definitions={f"site{i}": pointer for i, (pointer, _) in enumerate(sites)},
    )
    checked = disagreements = invalid = 0
    report = []
    for i, (pointer, examples) in enumerate(sites):
        ours = getattr(validator.module, f"is_valid_site{i}")
        reference = _reference_validator(loaded, pointer)
        for example in examples:
            expected = reference.is_valid(example)
            checked += 1
            invalid += not expected
            if ours(example) != expected:
                disagreements += 1
                report.append(f"{pointer}: {example!r:.80} (jsonschema: {expected})")
    print(f"{sdk}: {checked} examples at {len(sites)} schemas, {invalid} invalid by jsonschema")
    assert not report, "\n".join(report[:20])


def test_models_and_validators_of_every_sdk_lint_type_check_and_import(tmp_path: Path) -> None:
    """Each SDK document generates ``models.py`` and ``validators.py`` that pass ruff check,
    ruff format --check and mypy --strict (one mypy run for all four: mypy is slow) and import."""
    shared_path("speakeasy")
    packages = []
    for sdk in SDKS:
        package = f"sdk_{sdk}"
        generate(spec_path(sdk), tmp_path / package, ["models", "validators"], jobs=1)
        packages.append(package)
    config = str(ROOT / "pyproject.toml")
    for command in (
        [str(BIN / "ruff"), "check", "--no-cache", "--config", config, *packages],
        [str(BIN / "ruff"), "format", "--check", "--no-cache", "--config", config, *packages],
        [str(BIN / "mypy"), "--strict", "--no-incremental", *packages],
        [
            sys.executable,
            "-c",
            "import importlib, sys\n"
            "for p in sys.argv[1:]:\n"
            "    for module in ('models', 'validators'):\n"
            "        importlib.import_module(f'{p}.{module}')",
            *packages,
        ],
    ):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
