"""The official JSON-Schema-Test-Suite against the validator compiler.

Required tests (``tests/<draft>/*.json``) for drafts 4, 6, 7, 2019-09 and 2020-12 must all pass;
each schema is compiled once per test group. Selected ``optional/`` files run in a separate
parametrisation (``test_optional``) so their results are visible without gating the build.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import referencing

from generator.compiler import Validator, compile
from generator.spec.dialects import DIALECTS, specification_for

SUITE = Path(__file__).resolve().parents[1].parent / "shared" / "json-schema-test-suite"

if not SUITE.is_dir():
    pytest.skip(f"JSON-Schema-Test-Suite not found at {SUITE}", allow_module_level=True)

#: the suite's folder per draft (its names are our Dialect names) → the dialect's URI
DRAFTS = {dialect.name: uri for uri, dialect in DIALECTS.items()}
#: every optional file except format/ (formats are asserted only with format_assertion=True)
OPTIONAL = (
    "bignum",
    "ecmascript-regex",
    "float-overflow",
    "non-bmp-regex",
    "anchor",
    "content",
    "cross-draft",
    "dependencies-compatibility",
    "dynamicRef",
    "format-assertion",
    "id",
    "no-schema",
    "refOfUnknownKeyword",
    "unknownKeyword",
    "zeroTerminatedFloats",
)


def remotes_registry(draft: str) -> referencing.Registry[Any]:
    """The suite's ``remotes/`` served at http://localhost:1234/ (as its README specifies)."""
    resources = []
    root = SUITE / "remotes"
    for path in sorted(root.rglob("*.json")):
        relative = path.relative_to(root).as_posix()
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = referencing.Resource.from_contents(
            contents, default_specification=specification_for(DIALECTS[DRAFTS[draft]])
        )
        resources.append((f"http://localhost:1234/{relative}", resource))
    return referencing.Registry().with_resources(resources)


#: Optional files not followed, and why (README, Safety: deviations).
NOT_FOLLOWED = {
    ("draft7", "content"): "contentMediaType/contentEncoding are annotations (as in jsonschema)",
    ("draft2019-09", "dependencies-compatibility"): "dependencies is not a 2019-09 keyword",
    ("draft2020-12", "dependencies-compatibility"): "dependencies is not a 2020-12 keyword",
}


def load_groups(draft: str, optional: bool) -> list[Any]:
    directory = SUITE / "tests" / draft
    files = (
        [directory / "optional" / f"{name}.json" for name in OPTIONAL]
        if optional
        else sorted(directory.glob("*.json"))
    )
    params = []
    for path in files:
        if not path.is_file():
            continue
        reason = NOT_FOLLOWED.get((draft, path.stem)) if optional else None
        marks = [pytest.mark.skip(reason=reason)] if reason else []
        for index, group in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            ident = f"{draft}/{'optional/' if optional else ''}{path.stem}/{index}"
            params.append(pytest.param(draft, group, id=ident, marks=marks))
    return params


_registries: dict[str, referencing.Registry[Any]] = {}


def compile_group(draft: str, group: dict[str, Any]) -> Validator:
    registry = _registries.get(draft)
    if registry is None:
        registry = _registries[draft] = remotes_registry(draft)
    return compile(group["schema"], registry=registry, default_dialect=DRAFTS[draft])


def check_group(draft: str, group: dict[str, Any]) -> None:
    validator = compile_group(draft, group)
    failures = []
    for test in group["tests"]:
        valid = validator.is_valid(test["data"])
        errors = list(validator.iter_errors(test["data"]))
        if valid != test["valid"]:
            failures.append(f"{test['description']}: is_valid() -> {valid}")
        if (not errors) != test["valid"]:
            failures.append(f"{test['description']}: iter_errors() -> {errors}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("draft", "group"), [p for d in DRAFTS for p in load_groups(d, optional=False)]
)
def test_required(draft: str, group: dict[str, Any]) -> None:
    check_group(draft, group)


@pytest.mark.parametrize(
    ("draft", "group"), [p for d in DRAFTS for p in load_groups(d, optional=True)]
)
def test_optional(draft: str, group: dict[str, Any]) -> None:
    check_group(draft, group)
