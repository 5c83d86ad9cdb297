"""The models target: golden output, lint/type cleanliness, lossless round trips, refusals."""

from __future__ import annotations

import ast
import copy
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import jsonschema_specifications
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import build_ir
from generator.load import load_contents, load_schema
from generator.targets import RenderJob
from generator.targets.models import doc_lines, py_str, render

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"
GOLDEN = ROOT / "tests" / "golden" / "models" / "create_openai_conversation" / "models.py"
BIN = Path(sys.executable).parent
CONTENTS = json.loads(SCHEMA.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(CONTENTS)


def _render(path: Path = SCHEMA, targets: frozenset[str] = frozenset({"models"})) -> str:
    loaded = load_schema(path)
    return render(RenderJob(build_ir(loaded), loaded, targets))["models.py"]


def _import(source: str, folder: Path, name: str) -> ModuleType:
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _import(_render(), tmp_path_factory.mktemp("models"), "schemagen_test_models")


def test_golden() -> None:
    actual = _render()
    if os.environ.get("SCHEMAGEN_UPDATE_GOLDENS") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8", newline="")
    assert actual == GOLDEN.read_text(encoding="utf-8"), "run with SCHEMAGEN_UPDATE_GOLDENS=1"


def test_deterministic() -> None:
    assert _render() == _render()


def test_ruff_and_mypy_strict_on_generated(tmp_path: Path) -> None:
    """ruff check, ruff format --check and mypy --strict on the canonical module and on the
    draft-07 metaschema's module (one mypy run for both: mypy is slow)."""
    (tmp_path / "canonical.py").write_text(_render(), encoding="utf-8")
    (tmp_path / "draft7.py").write_text(_metaschema_source("draft7"), encoding="utf-8")
    (tmp_path / "with_validators.py").write_text(
        _render(targets=frozenset({"models", "validators"})), encoding="utf-8"
    )
    config = str(ROOT / "pyproject.toml")
    files = ["canonical.py", "draft7.py", "with_validators.py"]
    for command in (
        [str(BIN / "ruff"), "check", "--config", config, *files],
        [str(BIN / "ruff"), "format", "--check", "--config", config, *files],
    ):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    # the validators import cannot resolve outside a package: type-check the standalone ones
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", "canonical.py", "draft7.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- round trips ---------------------------------------------------------------------------

_JSON_LEAF = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
_JSON = st.recursive(
    _JSON_LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def from_schema(schema: dict[str, Any], root: dict[str, Any] | None = None) -> Any:
    """Documents valid against ``schema``, for the keywords the canonical schema uses.

    (hypothesis-jsonschema's ``from_schema`` is broken with this Hypothesis version: it uses
    private internals that changed.) Every document is checked with jsonschema by the tests.
    """
    root = root if root is not None else schema
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return st.deferred(lambda: from_schema(root["$defs"][name], root))
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([from_schema(branch, root) for branch in schema["anyOf"]])
    kinds = schema.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    options = []
    for kind in kinds:
        if kind == "null":
            options.append(st.none())
        elif kind == "string":
            options.append(st.text(max_size=8))
        elif kind == "array":
            items = from_schema(schema.get("items", {}), root) if "items" in schema else _JSON
            options.append(st.lists(items, min_size=schema.get("minItems", 0), max_size=3))
        elif kind == "object":
            options.append(_object(schema, root))
    return st.one_of(options)


def _object(schema: dict[str, Any], root: dict[str, Any]) -> Any:
    properties = schema.get("properties", {})
    required = set(schema.get("required", []))

    @st.composite
    def build(draw: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, sub in properties.items():
            if name in required or draw(st.booleans()):
                out[name] = draw(from_schema(sub, root))
        if schema.get("additionalProperties", True) is not False:
            extra = draw(st.dictionaries(st.text(max_size=6), _JSON, max_size=2))
            out.update({k: v for k, v in extra.items() if k not in properties})
        return out

    return build()


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(from_schema(CONTENTS).filter(VALIDATOR.is_valid))
def test_round_trip_dict(models: ModuleType, document: dict[str, Any]) -> None:
    original = copy.deepcopy(document)
    loaded = models.CreateOpenAIConversation.from_dict(document)
    assert loaded.to_dict() == original
    assert document == original, "loading must not change its input"


@_SETTINGS
@given(from_schema(CONTENTS).filter(VALIDATOR.is_valid))
def test_round_trip_json(models: ModuleType, document: dict[str, Any]) -> None:
    text = json.dumps(document)
    loaded = models.CreateOpenAIConversation.from_json(text)
    assert json.loads(loaded.to_json()) == document
    assert models.CreateOpenAIConversation.from_json(loaded.to_json()) == loaded


def test_absent_null_and_extra_are_kept(models: ModuleType) -> None:
    document = {
        "type": "openai",
        "externalId": None,
        "messages": [{"role": "user", "content": "hi", "x-extra": {"a": [1]}}],
        "unknown": True,
    }
    loaded = models.CreateOpenAIConversation.from_dict(document)
    assert loaded.external_id is None
    assert loaded.id is models.UNSET
    assert loaded.messages[0].extra == {"x-extra": {"a": [1]}}
    assert loaded.extra == {"unknown": True}
    assert loaded.to_dict() == document
    assert list(loaded.to_dict()) == ["externalId", "type", "messages", "unknown"]
    assert repr(loaded).startswith("CreateOpenAIConversation(external_id=None, type=")


def test_defaults_are_not_filled_in(models: ModuleType) -> None:
    image = models.OpenAIImageUrlObject.from_dict({"url": "u"})
    assert image.detail is models.UNSET
    assert image.to_dict() == {"url": "u"}
    assert models.OpenAIImageUrlObject.SCHEMA_DEFAULTS == {"detail": "auto"}


def test_enum_or_string_union(models: ModuleType) -> None:
    link = models.CreateOpenAIConversationLinks.from_dict({"url": "u", "type": "site"})
    assert link.type is models.CreateOpenAIConversationType1.SITE
    other = models.CreateOpenAIConversationLinks.from_dict({"url": "u", "type": "blog"})
    assert other.type == "blog" and not isinstance(other.type, models.enum.Enum)
    assert other.to_dict() == {"url": "u", "type": "blog"}


# -- refusals ------------------------------------------------------------------------------


def _mutations(document: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """Invalid variants of a valid document, each with a JSON Pointer it must be refused at."""
    out: list[tuple[dict[str, Any], str]] = []
    bad = copy.deepcopy(document)
    bad["type"] = "anthropic"
    out.append((bad, "/type"))
    bad = copy.deepcopy(document)
    del bad["messages"]
    out.append((bad, ""))
    bad = copy.deepcopy(document)
    bad["tags"] = [1]
    out.append((bad, "/tags/0"))
    bad = copy.deepcopy(document)
    bad["messages"][0]["role"] = 7
    out.append((bad, "/messages/0/role"))
    bad = copy.deepcopy(document)
    del bad["messages"][-1]["content"]
    out.append((bad, f"/messages/{len(bad['messages']) - 1}"))
    bad = copy.deepcopy(document)
    bad["messages"][0]["content"] = [{"type": "video"}]
    out.append((bad, "/messages/0/content/0/type"))
    bad = copy.deepcopy(document)
    bad["messages"][0]["tool_calls"] = [{"id": "1", "type": "function", "function": {}}]
    out.append((bad, "/messages/0/tool_calls/0/function"))
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(from_schema(CONTENTS).filter(VALIDATOR.is_valid))
def test_mutations_are_refused_with_pointers(models: ModuleType, document: dict[str, Any]) -> None:
    for bad, pointer in _mutations(document):
        assert not VALIDATOR.is_valid(bad)
        with pytest.raises(models.ValidationError) as info:
            models.CreateOpenAIConversation.from_dict(bad)
        paths = [problem.path for problem in info.value.errors]
        assert pointer in paths, (pointer, paths)


def test_every_problem_is_listed(models: ModuleType) -> None:
    bad = {
        "id": 3,
        "type": "x",
        "messages": [{"role": "bad", "content": 5}, {"content": [{"type": 1}]}],
    }
    with pytest.raises(models.ValidationError) as info:
        models.CreateOpenAIConversation.from_dict(bad)
    assert [(p.path, p.message) for p in info.value.errors] == [
        ("/id", "expected string or null, got integer"),
        ("/type", 'expected one of "openai", got string'),
        ("/messages/0/role", 'expected one of "system", "user", "assistant", got string'),
        ("/messages/0/content", "expected string or array, got integer"),
        ("/messages/1", 'missing required member "role"'),
        ("/messages/1/content/0/type", 'expected one of "text", "image_url", got integer'),
    ]
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("text", ["{", "NaN", '{"type": Infinity}', b"\xff"])
def test_from_json_refuses_non_json(models: ModuleType, text: str | bytes) -> None:
    with pytest.raises(models.ValidationError) as info:
        models.CreateOpenAIConversation.from_json(text)
    assert info.value.errors[0].path == ""


@pytest.mark.parametrize("value", [None, [], "x", 1, True])
def test_top_level_non_object(models: ModuleType, value: Any) -> None:
    with pytest.raises(models.ValidationError) as info:
        models.CreateOpenAIConversation.from_dict(value)
    assert [p.path for p in info.value.errors] == [""]


# -- metaschemas ---------------------------------------------------------------------------

_METASCHEMAS = {
    "draft7": "http://json-schema.org/draft-07/schema#",
    "draft2020": "https://json-schema.org/draft/2020-12/schema",
}


def _metaschema_source(key: str) -> str:
    uri = _METASCHEMAS[key]
    contents = jsonschema_specifications.REGISTRY.contents(uri)
    loaded = load_contents(
        contents, uri=uri.rstrip("#"), registry=jsonschema_specifications.REGISTRY
    )
    return render(RenderJob(build_ir(loaded), loaded, frozenset({"models"})))["models.py"]


@pytest.mark.parametrize("key", sorted(_METASCHEMAS))
def test_metaschema_models_round_trip(key: str, tmp_path: Path) -> None:
    module = _import(_metaschema_source(key), tmp_path, f"schemagen_meta_{key}")
    loaded = load_contents(
        jsonschema_specifications.REGISTRY.contents(_METASCHEMAS[key]),
        uri=_METASCHEMAS[key].rstrip("#"),
        registry=jsonschema_specifications.REGISTRY,
    )
    ir = build_ir(loaded)
    root = ir.get(ir.root or "")
    documents = [
        jsonschema_specifications.REGISTRY.contents(_METASCHEMAS[key]),
        CONTENTS if key == "draft2020" else {"type": "object", "properties": {"a": {}}},
        True,
        {},
    ]
    for document in documents:
        original = copy.deepcopy(document)
        if hasattr(module, root.names.cls) and hasattr(getattr(module, root.names.cls), "to_dict"):
            cls = getattr(module, root.names.cls)
            if not isinstance(document, dict):
                continue
            assert cls.from_dict(document).to_dict() == original
        else:
            snake = root.names.snake
            value = getattr(module, f"load_{snake}")(document)
            assert getattr(module, f"dump_{snake}")(value) == original


# -- literals ------------------------------------------------------------------------------


@given(st.text())
def test_py_str_is_a_literal_of_the_text(text: str) -> None:
    assert ast.literal_eval(py_str(text)) == text


@given(st.text())
def test_docstrings_are_inert(text: str) -> None:
    source = "\n".join(["def f() -> None:", *(doc_lines(text, "    ") or ["    pass"])])
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert all(isinstance(node, ast.Expr) or isinstance(node, ast.Pass) for node in function.body)
    assert all(len(line) <= 100 for line in source.splitlines())
