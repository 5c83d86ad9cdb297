"""The official JSON-Schema-Test-Suite and the hypothesis round trip on native (mypyc) builds.

Marked ``native`` and left out of ``make test`` (the build takes minutes): ``make native-test``
runs it. The suite's required tests of each draft are batched into a few modules
(``generator.compiler.render_batch``: one ``is_valid_g<N>``/``iter_errors_g<N>`` per test
group, each schema its own root), compiled with ``generator.native.build`` at mypyc's
optimisation level 0 (results do not depend on it), and every test must pass on the compiled
module exactly as ``tests/test_jsonschema_suite.py`` requires of the pure-Python one. The
canonical models and validators are compiled too, and the round trip of
``tests/test_models_target.py`` runs on them.
"""

from __future__ import annotations

import copy
import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import hypothesis_jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from generator import native
from generator.compiler.api import render_batch
from generator.pipeline import generate
from tests.test_jsonschema_suite import DRAFTS, SUITE, remotes_registry

pytestmark = pytest.mark.native

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "create_openai_conversation.schema.json"
CONTENTS = json.loads(SCHEMA.read_text(encoding="utf-8"))
BATCHES_PER_DRAFT = 2
PACKAGE = "native_suite_pkg"


def _groups(draft: str) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for path in sorted((SUITE / "tests" / draft).glob("*.json")):
        for index, group in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            groups.append(dict(group, where=f"{draft}/{path.stem}/{index}"))
    return groups


def _module_name(draft: str, batch: int) -> str:
    return f"{draft.replace('-', '_')}_{batch}"


@pytest.fixture(scope="module")
def suite_modules(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """draft -> [(module, groups)], compiled natively."""
    if not SUITE.is_dir():
        pytest.skip(f"JSON-Schema-Test-Suite not found at {SUITE}")
    native.check_toolchain()
    folder = tmp_path_factory.mktemp("suite")
    package = folder / PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    plan: dict[str, list[tuple[str, list[dict[str, Any]]]]] = {}
    for draft in DRAFTS:
        groups = _groups(draft)
        size = -(-len(groups) // BATCHES_PER_DRAFT)
        registry = remotes_registry(draft)
        for batch in range(BATCHES_PER_DRAFT):
            chunk = groups[batch * size : (batch + 1) * size]
            name = _module_name(draft, batch)
            source = render_batch(
                {f"g{i}": group["schema"] for i, group in enumerate(chunk)},
                registry=registry,
                default_dialect=DRAFTS[draft],
            )
            (package / f"{name}.py").write_text(source, encoding="utf-8")
            plan.setdefault(draft, []).append((name, chunk))
    names = [name for batches in plan.values() for name, _ in batches]
    native.build(package, names, opt_level="0")
    sys.path.insert(0, str(folder))
    out: dict[str, Any] = {}
    for draft, batches in plan.items():
        out[draft] = []
        for name, chunk in batches:
            module = importlib.import_module(f"{PACKAGE}.{name}")
            assert native.is_native(module), module
            out[draft].append((module, chunk))
    return out


@pytest.mark.parametrize("draft", list(DRAFTS))
def test_suite_on_native_validators(suite_modules: dict[str, Any], draft: str) -> None:
    failures = []
    count = 0
    for module, groups in suite_modules[draft]:
        for index, group in enumerate(groups):
            is_valid = getattr(module, f"is_valid_g{index}")
            iter_errors = getattr(module, f"iter_errors_g{index}")
            for test in group["tests"]:
                count += 1
                valid = is_valid(test["data"])
                errors = list(iter_errors(test["data"]))
                if valid != test["valid"]:
                    failures.append(f"{group['where']}: {test['description']}: is_valid -> {valid}")
                if (not errors) != test["valid"]:
                    failures.append(f"{group['where']}: {test['description']}: {errors[:2]}")
    assert count > 0
    assert not failures, f"{len(failures)} of {count} failed:\n" + "\n".join(failures[:40])


@pytest.fixture(scope="module")
def canonical(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    native.check_toolchain()
    folder = tmp_path_factory.mktemp("canonical")
    generate(SCHEMA, folder / "native_canonical_pkg", ["models", "validators"])
    native.build(folder / "native_canonical_pkg", opt_level="0")
    sys.path.insert(0, str(folder))
    models = importlib.import_module("native_canonical_pkg.models")
    assert native.is_native(models) and native.is_native(models._validators)
    return models


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@given(hypothesis_jsonschema.from_schema(copy.deepcopy(CONTENTS)))  # it rewrites its argument
def test_round_trip_on_native_models(canonical: ModuleType, document: dict[str, Any]) -> None:
    """Any valid document round-trips exactly through the compiled models and validators."""
    original = copy.deepcopy(document)
    cls = canonical.CreateOpenAIConversation
    assert canonical._validators.is_valid(document)
    loaded = cls.from_dict(document)
    assert loaded.to_dict() == original
    assert document == original, "loading must not change its input"
    assert cls.from_dict(document, validate=False) == loaded
    again = cls.from_json(json.dumps(document))
    assert again == loaded
    assert json.loads(again.to_json()) == original
