"""Real-world input: OpenAPI 3.0/3.1, multi-file schemas, the hostile-text corpus, metaschemas.

Every target is generated into a scratch package, linted (ruff, mypy --strict), imported and
used: examples validate (valid ones pass, invalid ones fail at the expected JSON Pointer) and
round-trip through the models exactly.
"""

from __future__ import annotations

import copy
import enum
import importlib
import json
import shutil
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema_specifications import REGISTRY as SPECIFICATIONS
from referencing import Registry, Resource

from generator.ir import SchemaIR, build_ir
from generator.load import LoadedSchema, load_contents, load_schema
from generator.pipeline import generate, render_all
from generator.write import write
from tests.conftest import CORPUS_CASES, ROOT, SCHEMA

OWN_TARGETS = ["docs", "models", "validators"]
BIN = Path(sys.executable).parent


METASCHEMAS = {
    "meta_draft4": "http://json-schema.org/draft-04/schema#",
    "meta_draft6": "http://json-schema.org/draft-06/schema#",
    "meta_draft7": "http://json-schema.org/draft-07/schema#",
    "meta_draft2019": "https://json-schema.org/draft/2019-09/schema",
    "meta_draft2020": "https://json-schema.org/draft/2020-12/schema",
}
ALL_CASES = [*CORPUS_CASES, *METASCHEMAS]


def _metaschema(uri: str) -> LoadedSchema:
    # Copies: other tests' tools (hypothesis-jsonschema) rewrite shared schemas in place.
    registry = Registry().with_resources(
        (key, Resource.from_contents(copy.deepcopy(SPECIFICATIONS.contents(key))))
        for key in SPECIFICATIONS
    )
    contents = registry.contents(uri.rstrip("#")) if uri.rstrip("#") in registry else None
    contents = contents if contents is not None else registry.contents(uri)
    return load_contents(contents, uri=uri.rstrip("#"), registry=registry)


def _metaschema_examples(case: str) -> dict[str, Any]:
    own = _metaschema(METASCHEMAS[case]).contents
    canonical = json.loads(SCHEMA.read_text())
    documents = [own, {"type": "object", "properties": {"a": {"type": "string"}}}, {}]
    if case in ("meta_draft2019", "meta_draft2020"):
        documents.append(canonical)
    return {
        "valid": {"$root": documents},
        "invalid": {
            "$root": [
                [{"type": 12}, "/type"],
                [{"minLength": -1}, "/minLength"],
                [{"properties": {"a": {"required": "x"}}}, "/properties/a/required"],
            ]
        },
    }


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, SchemaIR]]:
    """Generate every case once, as packages ``case_<name>`` in one scratch folder."""
    root = tmp_path_factory.mktemp("corpus")
    built = {}
    for case, schema in CORPUS_CASES.items():
        out = root / f"case_{case}"
        generate(schema, out, OWN_TARGETS)
        built[case] = (out, build_ir(load_schema(schema)))
    for case, uri in METASCHEMAS.items():
        loaded = _metaschema(uri)
        out = root / f"case_{case}"
        write(out, render_all(loaded, OWN_TARGETS))
        built[case] = (out, build_ir(loaded))
    sys.path.insert(0, str(root))
    return built


def _import(case: str, module: str) -> ModuleType:
    return importlib.import_module(f"case_{case}.{module}")


def _names(ir: SchemaIR, schema_name: str) -> tuple[str, str]:
    named = ir.get(ir.root if schema_name == "$root" and ir.root else schema_name)
    return named.names.cls, named.names.snake


def _validator(case: str, ir: SchemaIR, name: str, kind: str) -> Any:
    module = _import(case, "validators")
    if name in ("$root", ir.root):
        return getattr(module, kind)
    return getattr(module, f"{kind}_{_names(ir, name)[1]}")


@pytest.mark.parametrize("case", ALL_CASES)
def test_generated_code_lints_clean(case: str, packages: dict[str, tuple[Path, SchemaIR]]) -> None:
    out, _ = packages[case]
    config = str(ROOT / "pyproject.toml")
    for command in (
        [BIN / "ruff", "check", "--no-cache", "--config", config, str(out)],
        [BIN / "ruff", "format", "--check", "--no-cache", "--config", config, str(out)],
    ):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def test_generated_code_type_checks(packages: dict[str, tuple[Path, SchemaIR]]) -> None:
    folders = [str(out) for out, _ in packages.values()]
    done = subprocess.run(
        [
            BIN / "mypy",
            "--strict",
            "--no-incremental",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            *folders,
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=str(Path(folders[0]).parent),
    )
    assert done.returncode == 0, done.stdout[-5000:]


def _round_trip(models: ModuleType, ir: SchemaIR, name: str, document: Any) -> Any:
    """Load and dump ``document`` through the models: the class, or the alias functions."""
    cls_name, snake = _names(ir, name)
    model = getattr(models, cls_name)
    if isinstance(model, type) and issubclass(model, enum.Enum):
        return model(document).value
    if typing.get_origin(model) is typing.Literal:
        assert document in typing.get_args(model)
        return document
    if hasattr(model, "from_dict"):
        return model.from_dict(document).to_dict()
    loaded = getattr(models, f"load_{snake}")(document)
    return getattr(models, f"dump_{snake}")(loaded)


@pytest.mark.parametrize("case", ALL_CASES)
def test_examples_validate_and_round_trip(
    case: str, packages: dict[str, tuple[Path, SchemaIR]]
) -> None:
    _, ir = packages[case]
    if case in METASCHEMAS:
        examples = _metaschema_examples(case)
    else:
        examples = json.loads((CORPUS_CASES[case].parent / "examples.json").read_text())
    models = _import(case, "models")
    checked = 0
    for name, documents in examples["valid"].items():
        is_valid = _validator(case, ir, name, "is_valid")
        for document in documents:
            assert is_valid(document), (name, document)
            assert _round_trip(models, ir, name, document) == document
            checked += 1
    for name, cases in examples["invalid"].items():
        is_valid = _validator(case, ir, name, "is_valid")
        iter_errors = _validator(case, ir, name, "iter_errors")
        for document, pointer in cases:
            assert not is_valid(document), (name, document)
            paths = [error.path for error in iter_errors(document)]
            assert pointer in paths, (document, paths)
            checked += 1
    assert checked >= 4


def test_hostile_text_is_never_executed(packages: dict[str, tuple[Path, SchemaIR]]) -> None:
    out, _ = packages["hostile"]
    for module in ("models.py", "validators.py"):
        compile((out / module).read_text(), module, "exec")
    # Schema text appears only inside literals: the Jinja markers were not evaluated away.
    assert "{{ x }}" in (out / "models.py").read_text()


@pytest.mark.parametrize(
    ("case", "union", "document", "expected"),
    [
        ("openapi31", "Pet", {"petType": "dog", "name": "Rex"}, "Dog"),
        ("openapi31", "Pet", {"petType": "cat", "name": "Tom", "lives": 3}, "Cat"),
        ("openapi30", "Shape", {"kind": "square", "side": 2}, "Square"),
        ("openapi30", "Shape", {"kind": "circle", "radius": 1}, "Circle"),
    ],
)
def test_discriminated_unions_load_into_the_right_class(
    case: str,
    union: str,
    document: dict[str, Any],
    expected: str,
    packages: dict[str, tuple[Path, SchemaIR]],
) -> None:
    _, ir = packages[case]
    models = _import(case, "models")
    loaded = getattr(models, f"load_{_names(ir, union)[1]}")(document)
    assert type(loaded).__name__ == _names(ir, expected)[0]
    assert loaded.to_dict() == document
    owner = models.Owner if case == "openapi31" else models.Drawing
    field = "pets" if case == "openapi31" else "shapes"
    extra = {"id": "x"} if case == "openapi31" else {}
    parent = owner.from_dict({**extra, field: [document]})
    assert type(getattr(parent, field)[0]).__name__ == _names(ir, expected)[0]


@pytest.mark.parametrize("case", list(CORPUS_CASES))
def test_output_does_not_depend_on_where_the_schema_lives(case: str, tmp_path: Path) -> None:
    outputs = []
    for place in ("a", "deeper/b"):
        copy = tmp_path / place / case
        shutil.copytree(CORPUS_CASES[case].parent, copy)
        schema = copy / CORPUS_CASES[case].name
        outputs.append(render_all(load_schema(schema), OWN_TARGETS, jobs=1))
    assert outputs[0] == outputs[1]
    for text in outputs[0].values():
        assert str(tmp_path) not in text and "file:" not in text


def test_errors_in_another_file_name_it_relative_to_the_schema(
    packages: dict[str, tuple[Path, SchemaIR]],
) -> None:
    validators = _import("multifile", "validators")
    order = {"id": "o1", "lines": [{"sku": "bad", "quantity": 0}], "customer": {"name": 5}}
    found = {(e.path, e.schema_path) for e in validators.iter_errors(order)}
    assert found == {
        ("/lines/0/sku", "defs/common.json#/$defs/Line/properties/sku/pattern"),
        ("/lines/0/quantity", "defs/common.json#/$defs/Line/properties/quantity/minimum"),
        ("/customer/name", "defs/common.json#/$defs/Customer/properties/name/type"),
    }
    openapi = _import("openapi31", "validators")
    cat = next(n for n in dir(openapi) if n.startswith("iter_errors_cat"))
    assert {e.schema_path for e in getattr(openapi, cat)({"petType": "cat", "lives": -1})} >= {
        "/components/schemas/Cat/properties/lives/minimum"
    }


def test_relative_ref_under_the_root_id_reaches_a_nested_id(tmp_path: Path) -> None:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.com/root.json",
        "type": "object",
        "properties": {"a": {"$ref": "sub/a.json#/$defs/b"}},
        "$defs": {"x": {"$id": "sub/a.json", "$defs": {"b": {"type": "integer"}}}},
    }
    path = tmp_path / "nested.json"
    path.write_text(json.dumps(schema))
    files = render_all(load_schema(path), OWN_TARGETS, jobs=1)
    namespace: dict[str, Any] = {}
    exec(compile(files["validators.py"], "validators.py", "exec"), namespace)  # noqa: S102
    errors = list(namespace["iter_errors"]({"a": "x"}))
    # (the embedded resource is located in the document that holds it)
    assert [(e.path, e.schema_path) for e in errors] == [("/a", "/$defs/x/$defs/b/type")]
