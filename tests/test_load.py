"""Load and resolve: bad input is refused with file, line/column or JSON Pointer, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import SchemaError, UnsupportedSchemaError
from generator.load import load_schema
from tests.conftest import ROOT, SCHEMA


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_canonical_schema_loads_with_its_dialect() -> None:
    loaded = load_schema(SCHEMA)
    assert loaded.dialect.uri == "https://json-schema.org/draft/2020-12/schema"
    assert loaded.dialect.id_keyword == "$id"
    assert loaded.openapi is None


def test_invalid_json_names_file_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.json", '{\n  "type": "object",\n  "properties": {,}\n}\n')
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(info.value) == (
        f"{path}:3:18: invalid JSON: Expecting property name enclosed in double quotes"
    )
    assert (info.value.line, info.value.column) == (3, 18)


def test_invalid_yaml_names_file_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", "type: object\nproperties: [a, b\n")
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(info.value).startswith(f"{path}:3:1: invalid YAML: ")


def test_yaml_schema_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, "s.yaml", "type: object\nproperties:\n  when: {const: 2001-01-01}\n")
    loaded = load_schema(path)
    # No implicit timestamps: YAML values stay JSON values.
    assert loaded.contents["properties"]["when"]["const"] == "2001-01-01"


@pytest.mark.parametrize(
    ("text", "what"),
    [("[1, 2]", "an array"), ('"x"', "a string"), ("3", "a number"), ("null", "null")],
)
def test_non_object_schema_is_refused(tmp_path: Path, text: str, what: str) -> None:
    path = _write(tmp_path, "s.json", text)
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(info.value) == (
        f"{path}#: expected a JSON object (a schema) at the top level, got {what}"
    )


def test_schema_failing_its_metaschema_names_the_pointer(tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"a": {"type": "strin"}}}
    path = _write(tmp_path, "s.json", json.dumps(schema))
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    message = str(info.value)
    assert message.startswith(f"{path}#/properties/a/type: not a valid schema: ")
    assert "'strin'" in message
    assert info.value.pointer == "/properties/a/type"


def test_draft4_metaschema_is_used_when_declared(tmp_path: Path) -> None:
    schema = {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "minimum": 1,
        "exclusiveMinimum": 5,
    }
    path = _write(tmp_path, "s.json", json.dumps(schema))
    with pytest.raises(SchemaError, match=r"#/exclusiveMinimum: not a valid schema"):
        load_schema(path)


def test_unresolvable_local_ref_names_the_pointer(tmp_path: Path) -> None:
    schema = {"properties": {"a": {"$ref": "#/$defs/Missing"}}}
    path = _write(tmp_path, "s.json", json.dumps(schema))
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(info.value) == (
        f"{path}#/properties/a/$ref: cannot resolve $ref '#/$defs/Missing': "
        "the JSON Pointer points to nothing"
    )


def test_ref_to_missing_sibling_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "s.json", json.dumps({"items": {"$ref": "other.json"}}))
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    assert str(info.value).startswith(f"{path}#/items/$ref: cannot resolve $ref 'other.json'")
    assert "no such file" in str(info.value)


def test_sibling_file_ref_resolves_relative_to_the_referring_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "leaf.json", json.dumps({"$defs": {"X": {"type": "integer"}}}))
    _write(tmp_path / "sub", "mid.json", json.dumps({"$ref": "leaf.json#/$defs/X"}))
    path = _write(tmp_path, "s.json", json.dumps({"items": {"$ref": "sub/mid.json"}}))
    loaded = load_schema(path)
    resolved = loaded.registry.resolver(loaded.uri).lookup("sub/mid.json")
    assert resolved.resolver.lookup("leaf.json#/$defs/X").contents == {"type": "integer"}


def test_remote_ref_is_never_fetched(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "s.json", json.dumps({"items": {"$ref": "https://example.com/s/x.json"}})
    )
    with pytest.raises(SchemaError) as info:
        load_schema(path)
    message = str(info.value)
    assert "https://example.com/s/x.json" in message
    assert "--ref-map https://example.com/s/=DIR" in message


def test_remote_ref_through_ref_map(tmp_path: Path) -> None:
    (tmp_path / "mirror").mkdir()
    _write(tmp_path / "mirror", "x.json", json.dumps({"type": "string"}))
    path = _write(
        tmp_path, "s.json", json.dumps({"items": {"$ref": "https://example.com/s/x.json"}})
    )
    loaded = load_schema(path, ref_map={"https://example.com/s/": tmp_path / "mirror"})
    assert loaded.registry.resolver(loaded.uri).lookup("https://example.com/s/x.json").contents == {
        "type": "string"
    }


@pytest.mark.parametrize("bad", [b"\xff\xfe{}", b'{"a": NaN}'])
def test_undecodable_or_non_json_constants(tmp_path: Path, bad: bytes) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(bad)
    with pytest.raises(SchemaError, match=str(path)):
        load_schema(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match="no such file"):
        load_schema(tmp_path / "nope.json")
    with pytest.raises(SchemaError, match="is a directory"):
        load_schema(tmp_path)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"type": "string"}).encode())
    assert load_schema(path).contents == {"type": "string"}


@pytest.mark.parametrize(
    "declared",
    ["http://json-schema.org/draft-03/schema#", "https://example.com/my-dialect"],
)
def test_unknown_dialect_is_refused_naming_the_keyword(tmp_path: Path, declared: str) -> None:
    path = _write(tmp_path, "s.json", json.dumps({"$schema": declared}))
    with pytest.raises(UnsupportedSchemaError) as info:
        load_schema(path)
    assert str(info.value) == (
        f"{path}#/$schema: unsupported '$schema': {declared!r} is not a dialect schemagen "
        "knows; use draft 4, 6, 7, 2019-09 or 2020-12"
    )


@pytest.mark.parametrize(
    ("declared", "dialect"),
    [
        ("http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-04/schema"),
        ("https://json-schema.org/draft-07/schema", "http://json-schema.org/draft-07/schema"),
        (
            "https://json-schema.org/draft/2019-09/schema#",
            "https://json-schema.org/draft/2019-09/schema",
        ),
    ],
)
def test_dialect_spellings(tmp_path: Path, declared: str, dialect: str) -> None:
    path = _write(tmp_path, "s.json", json.dumps({"$schema": declared}))
    assert load_schema(path).dialect.uri == dialect


def test_huge_integers_load(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"enum": [' + "9" * 5000 + ", 1]}")
    assert load_schema(path).contents["enum"][0] == 10**5000 - 1


@pytest.mark.parametrize(
    ("name", "text", "pointer"),
    [
        ("s.json", '{"multipleOf": 1e400}', "/multipleOf"),
        ("s.json", '{"properties": {"a": {"const": [-1e999]}}}', "/properties/a/const/0"),
        ("s.yaml", "type: number\nmultipleOf: .inf\n", "/multipleOf"),
        ("s.yaml", "default: .nan\n", "/default"),
    ],
)
def test_non_finite_numbers_are_refused_at_load(
    tmp_path: Path, name: str, text: str, pointer: str
) -> None:
    path = tmp_path / name
    path.write_text(text)
    with pytest.raises(SchemaError) as caught:
        load_schema(path)
    # (the YAML reader refuses them itself, with line and column too)
    assert caught.value.file == str(path) and caught.value.pointer == pointer
    assert "finite number" in str(caught.value)


def test_the_loader_imports_no_compiler_and_checks_with_the_shipped_metaschemas() -> None:
    """The metaschema check runs generator/metaschemas' precompiled modules: loading a schema
    (valid or not) imports nothing of generator.compiler."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from generator.load import load_contents\n"
        "from generator.errors import SchemaError\n"
        "load_contents({'type': 'object', 'properties': {'a': {'$ref': '#/$defs/b'}},"
        " '$defs': {'b': {}}})\n"
        "try:\n"
        "    load_contents({'type': 12})\n"
        "except SchemaError as e:\n"
        "    print(e)\n"
        "print(sorted(m for m in sys.modules if m.startswith('generator.compiler')))\n"
        "print('generator.metaschemas.draft2020_12' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.splitlines()
    assert "not a valid schema" in out[0] and "#/type" in out[0]
    assert out[1:] == ["[]", "True"]


def test_definitions_are_found_in_one_place_for_every_stage() -> None:
    from generator.load import load_contents

    schema = {"$defs": {"a/b": {}, "c~d": {}}, "definitions": {"e": {}}}
    loaded = load_contents(schema)
    assert [(name, pointer) for name, pointer, _ in loaded.definitions()] == [
        ("a/b", "/$defs/a~1b"),
        ("c~d", "/$defs/c~0d"),
        ("e", "/definitions/e"),
    ]
    document = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Pet": {"type": "object"}}},
    }
    openapi = load_contents(document)
    assert [(n, p) for n, p, _ in openapi.definitions()] == [("Pet", "/components/schemas/Pet")]
    assert openapi.definition_places == ("/components/schemas",)


@pytest.mark.parametrize(
    ("extra", "embeds"), [({}, False), ({"$defs": {"a": {"$anchor": "here"}}}, True)]
)
def test_whether_a_document_embeds_resources_is_asked_once_per_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: dict[str, object], embeds: bool
) -> None:
    import generator.compiler.scope
    import generator.load
    from generator.pipeline import render_all
    from generator.spec.keywords import may_embed_resources

    asked: list[object] = []

    def counting(contents: object, id_keyword: str = "$id") -> bool:
        asked.append(contents)
        return may_embed_resources(contents, id_keyword)

    for module in (generator.load, generator.compiler.scope):
        monkeypatch.setattr(module, "may_embed_resources", counting)
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"properties": {"a": {"type": "string"}}, **extra}))
    loaded = load_schema(path)
    assert loaded.embeds_resources is embeds
    files = render_all(loaded, ["validators"], jobs=1)
    assert len(asked) == 1 and asked[0] is loaded.contents
    assert "def is_valid(" in files["validators.py"]
