"""The precompiled metaschema validators are current and check what the metaschemas say."""

from __future__ import annotations

import pytest

from generator import metaschemas
from generator.metaschemas import __main__ as command
from generator.spec.openapi import OAS30_SCHEMA_URI


@pytest.mark.parametrize("uri", list(metaschemas.MODULES))
def test_module_is_what_the_compiler_produces_now(uri: str) -> None:
    path = metaschemas.HERE / f"{metaschemas.MODULES[uri]}.py"
    assert path.read_text(encoding="utf-8") == command.source(uri), (
        f"{path.name} is stale: run `make generate` (python -m generator.metaschemas)"
    )


@pytest.mark.parametrize("uri", list(metaschemas.MODULES))
def test_module_validates_like_the_metaschema(uri: str) -> None:
    check = metaschemas.validator(uri)
    assert check.__name__.startswith("generator.metaschemas.")  # the shipped module
    if uri != OAS30_SCHEMA_URI:  # (OpenAPI 3.0's Schema Object is no schema of its own rules)
        assert check.is_valid(metaschemas.metaschema(uri))
    assert check.is_valid({"type": "object", "properties": {"a": {"type": "string"}}})
    assert not check.is_valid({"type": 12})
    assert not check.is_valid({"minLength": -1})
    assert not check.is_valid({"properties": {"a": {"required": "x"}}})


def test_headers_name_the_command_and_the_metaschema_hash() -> None:
    import hashlib
    import json

    for uri, name in metaschemas.MODULES.items():
        text = (metaschemas.HERE / f"{name}.py").read_text(encoding="utf-8")
        canonical = json.dumps(
            metaschemas.metaschema(uri), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        header = text.split('"""', 2)[1]
        assert uri in header and command.COMMAND in header and digest in header, name


def test_a_missing_module_falls_back_to_python_jsonschema(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bootstrap: with a module gone, the check still answers (python-jsonschema), so
    ``python -m generator.metaschemas`` can compile the metaschema that module came from."""
    uri = "http://json-schema.org/draft-07/schema"
    monkeypatch.setitem(metaschemas.MODULES, uri, "no_such_module")
    metaschemas.validator.cache_clear()
    try:
        check = metaschemas.validator(uri)
        assert not hasattr(check, "__name__")
        assert check.is_valid({"type": "string"})
        assert not check.is_valid({"minLength": -1})
        (error,) = list(check.iter_errors({"properties": {"a": {"type": 12}}}))
        assert error.path == "/properties/a/type"
        assert command.source(uri).startswith('"""Validators of the metaschema ' + uri)
    finally:
        metaschemas.validator.cache_clear()
