"""The precompiled metaschema validators are current and check what the metaschemas say."""

from __future__ import annotations

import pytest

from generator import metaschemas


@pytest.mark.parametrize("uri", list(metaschemas.MODULES))
def test_module_is_what_the_compiler_produces_now(uri: str) -> None:
    path = metaschemas.HERE / f"{metaschemas.MODULES[uri]}.py"
    assert path.read_text(encoding="utf-8") == metaschemas.source(uri), (
        f"{path.name} is stale: run `make generate` (python -m generator.metaschemas)"
    )


@pytest.mark.parametrize("uri", list(metaschemas.MODULES))
def test_module_validates_like_the_metaschema(uri: str) -> None:
    import jsonschema_specifications

    check = metaschemas.validator(uri)
    assert check.is_valid(jsonschema_specifications.REGISTRY.contents(uri))
    assert check.is_valid({"type": "object", "properties": {"a": {"type": "string"}}})
    assert not check.is_valid({"type": 12})
    assert not check.is_valid({"minLength": -1})
    assert not check.is_valid({"properties": {"a": {"required": "x"}}})
