"""Native builds (``schemagen native``): one small schema compiled with mypyc, same results.

A smoke test kept small so ``make test`` stays fast: the full official suite and the
hypothesis round trip on native builds are in ``tests/test_native_suite.py``, run by
``make native-test``. The toolchain checks and the removal of stale builds need no compiler.
"""

from __future__ import annotations

import importlib
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator import native
from generator.cli import main
from generator.pipeline import generate

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Tree",
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1, "pattern": "^[a-z]+$"},
        "kind": {"enum": ["leaf", "branch"], "default": "leaf"},
        "weight": {"type": ["number", "null"], "multipleOf": 0.5},
        "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "sizes": {"type": "object", "additionalProperties": {"type": "integer"}},
        "children": {"type": "array", "items": {"$ref": "#"}},
        "loop": {"$ref": "#/$defs/Loop"},
    },
    # (a loop through anyOf: one through $ref alone fails every instance, and is refused)
    "$defs": {"Loop": {"anyOf": [{"$ref": "#/$defs/Loop"}]}},
}

DOCUMENTS: list[Any] = [
    {"name": "root"},
    {"name": "root", "kind": "branch", "weight": 1.5, "tags": ["a", "b"], "sizes": {"x": 1}},
    {"name": "root", "children": [{"name": "kid", "children": [{"name": "leaf"}]}]},
    {"name": "root", "weight": None, "extra": {"kept": [1, 2]}},
    {"name": ""},
    {"name": "Root", "kind": "stump", "weight": 0.3, "tags": ["a", "a"], "sizes": {"x": 1.5}},
    {"children": [{"name": 3}, "no"]},
    [],
    None,
    # the compiled form counts the members of Tree (six optional properties): with a member it
    # does not declare, with the last or the first member present invalid
    {"name": "a", "kind": "leaf", "extra": 1},
    {"name": "a", "tags": ["x"], "children": [{"name": "b", "weight": None, "sizes": {"a": "no"}}]},
    {"name": "a", "kind": "stump"},
]


def _import_both(folder: Path) -> tuple[dict[str, ModuleType], dict[str, ModuleType]]:
    sys.path.insert(0, str(folder))
    try:
        return tuple(  # type: ignore[return-value]
            {name: importlib.import_module(f"{pkg}.{name}") for name in ("validators", "models")}
            for pkg in ("native_smoke_pure", "native_smoke_native")
        )
    finally:
        sys.path.remove(str(folder))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        native.check_toolchain()
    except Exception as exc:  # noqa: BLE001 - a machine without a C compiler: say so, do not pretend
        pytest.skip(f"no native toolchain: {exc}")
    folder = tmp_path_factory.mktemp("native")
    (folder / "tree.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    generate(folder / "tree.json", folder / "native_smoke_pure", ["models", "validators"])
    shutil.copytree(folder / "native_smoke_pure", folder / "native_smoke_native")
    written = native.build(folder / "native_smoke_native", opt_level="0")
    assert {p.name.split(".")[0] for p in written} >= {"validators", "models"}
    return _import_both(folder)


def _errors(module: ModuleType, document: Any) -> list[tuple[str, str, str, str]]:
    return [(e.path, e.schema_path, e.keyword, e.message) for e in module.iter_errors(document)]


def _load(module: ModuleType, document: Any) -> tuple[str, Any]:
    try:
        obj = module.Tree.from_dict(document)
    except module.ValidationError as exc:
        return "refused", str(exc)
    return repr(obj), obj.to_dict()


def test_both_builds_give_identical_results(built: Any) -> None:
    pure, compiled = built
    assert native.is_native(compiled["validators"]) and native.is_native(compiled["models"])
    assert not native.is_native(pure["validators"]) and not native.is_native(pure["models"])
    # each build runs its own form of the functions written twice (``if _NATIVE:``)
    assert "\nif _NATIVE:\n" in Path(pure["validators"].__file__).read_text(encoding="utf-8")
    assert compiled["validators"]._NATIVE is True and pure["validators"]._NATIVE is False
    verdicts = set()
    for document in DOCUMENTS:
        verdict = compiled["validators"].is_valid(document)
        verdicts.add(verdict)
        assert verdict == pure["validators"].is_valid(document), document
        assert _errors(compiled["validators"], document) == _errors(pure["validators"], document)
        assert _load(compiled["models"], document) == _load(pure["models"], document)
    assert verdicts == {True, False}
    assert compiled["models"].Tree.SCHEMA_DEFAULTS == {"kind": "leaf"}


def test_round_trip_through_native_models(built: Any) -> None:
    _, compiled = built
    for document in DOCUMENTS[:4]:
        loaded = compiled["models"].Tree.from_dict(document)
        assert loaded.to_dict() == document
        assert compiled["models"].Tree.from_json(loaded.to_json()) == loaded


def test_schema_loop_and_deep_nesting_natively(built: Any) -> None:
    pure, compiled = built
    for module in (pure, compiled):
        with pytest.raises(module["validators"].SchemaLoopError):
            module["validators"].is_valid({"name": "a", "loop": 1})
    deep: dict[str, Any] = {"name": "a"}
    for _ in range(100_000):
        deep = {"name": "a", "children": [deep]}
    for module in (pure, compiled):
        assert module["validators"].is_valid(deep) is False
        assert [e.keyword for e in module["validators"].iter_errors(deep)] == ["$depth"]


def test_missing_compiler_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(native.shutil, "which", lambda name: None)
    assert main(["native", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "need a C compiler" in err[0], err


def test_missing_mypy_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = native.importlib.util.find_spec
    monkeypatch.setattr(
        native.importlib.util, "find_spec", lambda name: None if name == "mypyc" else real(name)
    )
    assert main(["native", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "need mypy" in err[0], err


def test_nothing_to_compile_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["native", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nothing to compile" in err[0], err


def test_regenerating_removes_stale_native_builds(tmp_path: Path) -> None:
    (tmp_path / "tree.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    out = tmp_path / "pkg"
    generate(tmp_path / "tree.json", out, ["models", "validators"])
    suffix = native.extension_suffix()
    stale = [
        out / f"validators{suffix}",
        out / f"validators__mypyc{suffix}",
        out / f"models{suffix}",
    ]
    for path in stale:
        path.write_bytes(b"old build")
    generate(tmp_path / "tree.json", out, ["models", "validators"])  # nothing rewritten
    assert all(path.exists() for path in stale)
    schema = dict(SCHEMA, title="Forest")
    (tmp_path / "tree.json").write_text(json.dumps(schema), encoding="utf-8")
    generate(tmp_path / "tree.json", out, ["models", "validators"])
    assert not any(path.exists() for path in stale)
