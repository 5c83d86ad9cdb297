"""The models target: golden output, lint/type cleanliness, lossless round trips, refusals."""

from __future__ import annotations

import ast
import copy
import dataclasses
import importlib
import importlib.util
import json
import math
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import hypothesis_jsonschema
import jsonschema
import jsonschema_specifications
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import GeneratorError
from generator.ir import EnumType, build_ir
from generator.load import load_contents, load_schema
from generator.pipeline import generate
from generator.pylayout import str_literal
from generator.targets import RenderJob, renderer
from generator.targets.models import doc_lines, render

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


def _package(folder: Path, name: str, files: dict[str, str]) -> Path:
    """Write ``files`` as the package ``name`` in ``folder`` (on ``sys.path`` afterwards)."""
    package = folder / name
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for file, text in files.items():
        (package / file).write_text(text, encoding="utf-8")
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return package


@pytest.fixture(scope="module")
def validated(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The canonical models generated next to their validators (as ``schemagen generate``)."""
    folder = tmp_path_factory.mktemp("validated")
    generate(SCHEMA, folder / "schemagen_canonical_pkg", ["models", "validators"])
    sys.path.insert(0, str(folder))
    return importlib.import_module("schemagen_canonical_pkg.models")


# -- hostile input --------------------------------------------------------------------------

HUGE = 7**6000  # 5072 digits: beyond CPython's int/str conversion limit (4300)
NASTY_TEXT = 'ends with """ and \r\n\r a NUL \x00, U+2028 \u2028, a lone \ud800, a backslash \\'
HOSTILE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Hostile",
    "description": NASTY_TEXT,
    "type": "object",
    "properties": {
        "floats": {"enum": [1, 1.5, -0.0, 1e308, -1e308, 2.5e-8], "description": NASTY_TEXT},
        "ints": {"enum": [1, 2, 3]},  # values swapped for huge ints in the IR (see _hostile_ir)
        "big_const": {"const": 3},  # likewise
        "huge_default": {"type": "integer", "default": 3},  # likewise
        "data": {"type": "string"},
        "data_": {"type": "integer"},
        "obj": {"type": "string"},
        "fooBar": {"type": "string"},
        "foo_bar": {"type": "integer"},
        "member_names": {"enum": ["a-b", "a_b", "A B", "UNSET", "", '"""']},
        "a_very_long_property_name_that_needs_a_short_local_1": {"$ref": "#/$defs/Tree"},
        "a_very_long_property_name_that_needs_a_short_local_2": {"$ref": "#/$defs/Pet"},
        "either": {"$ref": "#/$defs/Either"},
        "loop": {"$ref": "#/$defs/Loop1"},
    },
    "$defs": {
        "Tree": {
            "anyOf": [{"type": "array", "items": {"$ref": "#/$defs/Tree"}}, {"type": "integer"}]
        },
        "Cat": {
            "type": "object",
            "properties": {"kind": {"const": "cat"}, "lives": {"type": "integer"}},
            "required": ["kind"],
        },
        "Dog": {"type": "object", "properties": {"kind": {"const": "dog"}}, "required": ["kind"]},
        "Pet": {"oneOf": [{"$ref": "#/$defs/Cat"}, {"$ref": "#/$defs/Dog"}]},
        "A": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
        "B": {"type": "object", "properties": {"b": {"type": "string"}}, "required": ["b"]},
        "Either": {"anyOf": [{"$ref": "#/$defs/A"}, {"$ref": "#/$defs/B"}]},
        "Loop1": {"$ref": "#/$defs/Loop2"},
        "Loop2": {"anyOf": [{"$ref": "#/$defs/Loop1"}, {"type": "integer"}]},
    },
}
#: JSON text cannot hold what the hostile schema needs (huge ints): load it as data. (Non-finite
#: numbers are refused at load: tests/test_load.py, tests/test_compiler_gate.py.)
_HOSTILE_URI = "https://schemagen.test/hostile.json"


def _hostile_job(targets: frozenset[str], *, huge: bool) -> RenderJob:
    """The hostile schema's job; with ``huge``, the ``ints`` enum, ``big_const`` and
    ``huge_default`` hold integers of 5072 digits (set in the IR: the IR builder's enum member
    naming cannot take them yet)."""
    loaded = load_contents(copy.deepcopy(HOSTILE), uri=_HOSTILE_URI, check_metaschema=False)
    ir = build_ir(loaded)
    if huge:
        types = []
        for named in ir.types:
            if isinstance(named, EnumType) and named.values == (1, 2, 3):
                named = dataclasses.replace(named, values=(1, HUGE, -HUGE))
            elif named.names.schema == "Hostile":
                fields = tuple(
                    dataclasses.replace(f, type=dataclasses.replace(f.type, value=HUGE))
                    if f.wire_name == "big_const"
                    else dataclasses.replace(f, default=HUGE)
                    if f.wire_name == "huge_default"
                    else f
                    for f in named.fields  # type: ignore[union-attr]
                )
                named = dataclasses.replace(named, fields=fields)  # type: ignore[arg-type]
            types.append(named)
        ir = dataclasses.replace(ir, types=tuple(types))
    return RenderJob(ir, loaded, targets)


def _hostile_files(targets: frozenset[str], *, huge: bool) -> dict[str, str]:
    job = _hostile_job(targets, huge=huge)
    files: dict[str, str] = {}
    for target in sorted(targets):
        files.update(renderer(target)(job))
    return files


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[ModuleType, ModuleType]:
    """The hostile models alone (huge numbers) and next to their validators (no huge ints)."""
    folder = tmp_path_factory.mktemp("hostile")
    _package(folder, "schemagen_hostile_alone", _hostile_files(frozenset({"models"}), huge=True))
    both = _hostile_files(frozenset({"models", "validators"}), huge=False)
    _package(folder, "schemagen_hostile_both", both)
    return (
        importlib.import_module("schemagen_hostile_alone.models"),
        importlib.import_module("schemagen_hostile_both.models"),
    )


def test_golden() -> None:
    actual = _render()
    if os.environ.get("SCHEMAGEN_UPDATE_GOLDENS") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(actual, encoding="utf-8", newline="")
    assert actual == GOLDEN.read_text(encoding="utf-8"), "run with SCHEMAGEN_UPDATE_GOLDENS=1"


def test_deterministic() -> None:
    assert _render() == _render()


def test_ruff_and_mypy_strict_on_generated(tmp_path: Path) -> None:
    """ruff check, ruff format --check and mypy --strict on the canonical module (alone and as
    a package with its validators), the draft-07 metaschema's module and the hostile schema's
    (alone with huge numbers, and with its validators); one mypy run: mypy is slow."""
    (tmp_path / "canonical.py").write_text(_render(), encoding="utf-8")
    (tmp_path / "draft7.py").write_text(_metaschema_source("draft7"), encoding="utf-8")
    generate(SCHEMA, tmp_path / "with_validators", ["models", "validators"])
    _package(tmp_path, "hostile_alone", _hostile_files(frozenset({"models"}), huge=True))
    both = _hostile_files(frozenset({"models", "validators"}), huge=False)
    _package(tmp_path, "hostile_both", both)
    config = str(ROOT / "pyproject.toml")
    files = ["canonical.py", "draft7.py", "with_validators", "hostile_alone", "hostile_both"]
    for command in (
        [str(BIN / "ruff"), "check", "--no-cache", "--config", config, *files],
        [str(BIN / "ruff"), "format", "--check", "--no-cache", "--config", config, *files],
        [str(BIN / "mypy"), "--strict", "--no-incremental", *files],
    ):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
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

    Much faster than hypothesis-jsonschema (which the round-trip test uses) and biased towards
    undeclared members; the mutation and pydantic tests use it. Every document is checked
    with jsonschema by the tests.
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


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@given(hypothesis_jsonschema.from_schema(copy.deepcopy(CONTENTS)))  # it rewrites its argument
def test_round_trip(models: ModuleType, validated: ModuleType, document: dict[str, Any]) -> None:
    """Any valid document round-trips exactly, through dicts and JSON text, with the models
    alone (structural checks) and next to the validators (validated, then built unchecked)."""
    original = copy.deepcopy(document)
    text = json.dumps(document)
    for module in (models, validated):
        cls = module.CreateOpenAIConversation
        loaded = cls.from_dict(document)
        assert loaded.to_dict() == original
        assert document == original, "loading must not change its input"
        assert cls.from_dict(document, validate=False) == loaded
        again = cls.from_json(text)
        assert again == loaded
        assert json.loads(again.to_json()) == original
        assert cls.from_json(again.to_json()).to_json() == again.to_json()
    assert repr(models.CreateOpenAIConversation.from_dict(document)) == repr(
        validated.CreateOpenAIConversation.from_dict(document)
    )


def test_validated_load_copies_containers(validated: ModuleType) -> None:
    """The unchecked path copies lists and dicts like the checked one: no aliasing of input."""
    document = {"type": "openai", "tags": ["a"], "messages": [{"role": "user", "content": "x"}]}
    loaded = validated.CreateOpenAIConversation.from_dict(document)
    document["tags"].append("b")
    document["messages"].append({"role": "user", "content": "y"})
    assert loaded.tags == ["a"] and len(loaded.messages) == 1


def test_validated_errors_come_from_the_validator(validated: ModuleType) -> None:
    bad = {"type": "openai", "messages": []}  # minItems: a rule only the validator knows
    with pytest.raises(validated.ValidationError) as info:
        validated.CreateOpenAIConversation.from_dict(bad)
    assert [p.path for p in info.value.errors] == ["/messages"]
    # without validation, only shapes are checked: an empty list loads
    assert validated.CreateOpenAIConversation.from_dict(bad, validate=False).messages == []


def test_validator_and_models_disagreeing_is_still_a_validation_error(
    validated: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the validator accept what the models cannot hold (a generator bug), from_dict
    falls back to the checked loader: a ValidationError with a pointer, never a KeyError."""
    validators = importlib.import_module("schemagen_canonical_pkg.validators")
    monkeypatch.setattr(validators, "is_valid_create_open_ai_conversation", lambda data: True)
    with pytest.raises(validated.ValidationError) as info:
        validated.CreateOpenAIConversation.from_dict({"type": "openai", "messages": [{}]})
    assert [p.path for p in info.value.errors] == ["/messages/0", "/messages/0"]


# -- hostile schema ------------------------------------------------------------------------


def test_hostile_numbers(hostile: tuple[ModuleType, ModuleType]) -> None:
    alone, _ = hostile
    cls = alone.Hostile
    assert cls.SCHEMA_DEFAULTS["huge_default"] == HUGE
    document = {"floats": -0.0, "ints": -HUGE, "big_const": HUGE}
    loaded = cls.from_dict(document)
    assert loaded.to_dict() == document
    assert math.copysign(1, loaded.floats) == -1
    assert cls.from_dict({"floats": -1e308}).floats == -1e308
    with pytest.raises(alone.ValidationError) as info:
        cls.from_dict({"ints": 4, "big_const": HUGE + 1, "floats": 7})
    assert [p.path for p in info.value.errors] == ["/floats", "/ints", "/big_const"]
    assert "too long to show" in str(info.value)


def test_hostile_text_stays_text(hostile: tuple[ModuleType, ModuleType]) -> None:
    alone, both = hostile
    for module in (alone, both):
        doc = module.Hostile.__doc__
        assert doc is not None and '"""' in doc and "\x00" in doc and "\u2028" in doc
        assert "a lone \\ud800," in doc  # escaped: a class docstring must encode as UTF-8
        assert module.Hostile.__doc__.rstrip().splitlines()[-1].endswith("``/``.")


@pytest.mark.parametrize("which", ["alone", "with validators"])
def test_hostile_structures_round_trip(hostile: tuple[ModuleType, ModuleType], which: str) -> None:
    module = hostile[0] if which == "alone" else hostile[1]
    cls = module.Hostile
    long1 = "a_very_long_property_name_that_needs_a_short_local_1"
    long2 = "a_very_long_property_name_that_needs_a_short_local_2"
    document = {
        "data": "d",
        "data_": 1,
        "obj": "o",
        "fooBar": "f",
        "foo_bar": 2,
        "member_names": "A B",
        long1: [[1, [2]], 3],
        long2: {"kind": "cat", "lives": 9},
        "either": {"b": "x"},
    }
    loaded = cls.from_dict(document)
    assert loaded.to_dict() == document
    attributes = {f.name: getattr(loaded, f.name) for f in dataclasses.fields(loaded)}
    assert all(v in attributes.values() for v in ("d", 1, "o", "f", 2))  # names kept apart
    named = _hostile_job(frozenset({"models"}), huge=False).ir.get("Hostile")
    attribute = {f.wire_name: f.py_name for f in named.fields}  # type: ignore[union-attr]
    assert isinstance(getattr(loaded, attribute[long2]), module.Cat)
    assert isinstance(loaded.either, module.B)
    assert cls.from_dict({long2: {"kind": "dog"}}).to_dict() == {long2: {"kind": "dog"}}
    assert module.load_tree([[[]], 1]) == [[[]], 1]
    assert module.Loop1 is module.Any  # an alias-only cycle has no Python type
    if which == "alone":
        assert cls.from_dict({"loop": [5]}).to_dict() == {"loop": [5]}
    else:  # the validator reports the loop once a value reaches it
        with pytest.raises(RuntimeError, match="infinite reference loop"):
            cls.from_dict({"loop": 5})
    with pytest.raises(module.ValidationError) as info:
        cls.from_dict({long2: {"kind": "cow"}, "either": {"c": 1}, long1: ["x"]})
    paths = {p.path for p in info.value.errors}
    assert "/either" in paths
    assert all(any(p.startswith(f"/{name}") for p in paths) for name in (long1, long2))


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
    assert ast.literal_eval(str_literal(text)) == text


@given(st.text())
def test_docstrings_are_inert(text: str) -> None:
    klass = "\n".join(["class C:", *(doc_lines(text, "    ") or ["    pass"])])
    exec(compile(klass, "<doc>", "exec"), {})  # noqa: S102 - type() refuses a non-UTF-8 __doc__
    source = "\n".join(["def f() -> None:", *(doc_lines(text, "    ") or ["    pass"])])
    tree = ast.parse(source)
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert all(isinstance(node, ast.Expr) or isinstance(node, ast.Pass) for node in function.body)
    assert all(len(line) <= 100 for line in source.splitlines())


def test_runtime_names_are_numbered_in_models_only(tmp_path: Path) -> None:
    """A schema type named like the models runtime keeps its name everywhere but models.py."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {"problem": {"$ref": "#/$defs/Problem"}, "any": {"$ref": "#/$defs/Any"}},
        "$defs": {
            "Problem": {
                "type": "object",
                "properties": {"from_dict": {"type": "string"}, "code": {"type": "integer"}},
            },
            "Any": {"type": "string"},
            "ValidationError": {"type": "object", "properties": {"self": {"type": "string"}}},
        },
    }
    loaded = load_contents(schema)
    job = RenderJob(build_ir(loaded), loaded, frozenset({"models", "docs"}))
    assert [t.names.cls for t in job.ir.types][1:] == ["Problem", "Any", "ValidationError"]

    pages = renderer("docs")(job)
    page = pages["docs/models/components/problem.md"]
    assert page.startswith("# Problem\n")
    assert "import { Problem } from " in page
    assert "Problem_2" not in "".join(pages.values())

    source = renderer("models")(job)["models.py"]
    assert "class Problem_2:" in source
    assert "Any_2: TypeAlias = str" in source
    assert "class ValidationError_2:" in source
    assert "    from_dict_2: str | Unset = UNSET" in source
    module = _import(source, tmp_path, "schemagen_test_reserved_models")
    loaded_problem = module.Problem_2.from_dict({"from_dict": "x", "code": 1})
    assert loaded_problem.from_dict_2 == "x"
    assert loaded_problem.to_dict() == {"from_dict": "x", "code": 1}
    assert issubclass(module.ValidationError, ValueError)
    with pytest.raises(module.ValidationError) as caught:
        module.Problem_2.from_dict({"code": "one"})
    assert caught.value.errors == [module.Problem("/code", "expected integer, got string")]


def test_a_users_runtime_keeps_the_markers_or_is_refused(tmp_path: Path) -> None:
    """A user's ``models/runtime.py`` is cut at the same marker lines as ours."""
    ours = (ROOT / "templates" / "models" / "runtime.py").read_text(encoding="utf-8")
    loaded = load_schema(SCHEMA)
    ir = build_ir(loaded)

    def render_with(runtime: str, name: str) -> str:
        # (one folder each: a process compiles each folder's templates once)
        folder = tmp_path / name / "models"
        folder.mkdir(parents=True)
        (folder / "runtime.py").write_text(runtime, encoding="utf-8")
        job = RenderJob(ir, loaded, frozenset({"models"}), templates=tmp_path / name)
        return renderer("models")(job)["models.py"]

    marked = ours.replace("class _Invalid(Exception):", "# (theirs)\nclass _Invalid(Exception):")
    assert "\n\n\n# (theirs)\nclass _Invalid(Exception):" in render_with(marked, "marked")
    unmarked = ours.replace("# --- models.py: copied up to here ---\n", "")
    with pytest.raises(GeneratorError) as refused:
        render_with(unmarked, "unmarked")
    assert str(refused.value) == (
        f"{tmp_path / 'unmarked' / 'models' / 'runtime.py'}: expected the marker line "
        "'# --- models.py: copied up to here ---' once after the line "
        "'# --- models.py: every module again ---'"
    )
