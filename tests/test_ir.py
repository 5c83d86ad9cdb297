"""The IR stage: snapshots of the SchemaIR of every corpus case, and what the IR must hold.

A snapshot (``tests/golden/ir/<case>.txt``) prints every named type: its kind, its Names, where
it lives, and each field's wire and Python names, requiredness and type expression. Refresh
with `make regen-goldens` and review the diff: a refactor of the builder must not move it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.ir import (
    AliasType,
    AnyType,
    ArrayType,
    ConstType,
    EnumType,
    Field,
    InlineUnion,
    MapType,
    NamedType,
    ObjectType,
    Primitive,
    Ref,
    SchemaIR,
    TypeExpr,
    UnionType,
    build_ir,
)
from generator.load import LoadedSchema, load_schema
from generator.pipeline import render_all
from tests.conftest import SCHEMA, assert_golden

CORPUS = Path(__file__).resolve().parent / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden" / "ir"
CASES = sorted(p.parent.name for p in CORPUS.glob("*/schema.*"))


def _json(value: Any) -> str:
    """One line of JSON for any value the IR holds (strings quoted, control characters escaped)."""
    return json.dumps(value, ensure_ascii=True)


def type_text(expr: TypeExpr) -> str:
    """A type expression as one line: ``string(date-time)``, ``array[Ref Foo]``, ``a | b``."""
    if isinstance(expr, Primitive):
        return expr.kind if expr.format is None else f"{expr.kind}({_json(expr.format)})"
    if isinstance(expr, AnyType):
        return "any" if expr.reason is None else f"any({_json(expr.reason)})"
    if isinstance(expr, ConstType):
        return f"const {_json(expr.value)}"
    if isinstance(expr, ArrayType):
        return f"array[{type_text(expr.items)}]"
    if isinstance(expr, MapType):
        return f"map[{type_text(expr.values)}]"
    if isinstance(expr, Ref):
        return f"Ref {_json(expr.name)}"
    if isinstance(expr, InlineUnion):
        return "(" + " | ".join(type_text(m) for m in expr.members) + ")"
    raise AssertionError(f"unknown type expression {expr!r}")


def _field_lines(fld: Field) -> list[str]:
    flags = ["required" if fld.required else "optional"]
    if fld.nullable:
        flags.append("nullable")
    lines = [
        f"  field {_json(fld.wire_name)} -> {fld.py_name}: {type_text(fld.type)} "
        f"[{' '.join(flags)}]"
    ]
    if fld.has_default:
        lines.append(f"    default: {_json(fld.default)}")
    if fld.title is not None:
        lines.append(f"    title: {_json(fld.title)}")
    if fld.description is not None:
        lines.append(f"    description: {_json(fld.description)}")
    if fld.examples:
        lines.append(f"    examples: {_json(list(fld.examples))}")
    return lines


def _kind_lines(named: NamedType) -> list[str]:
    if isinstance(named, ObjectType):
        lines = [line for fld in named.fields for line in _field_lines(fld)]
        extra = "forbidden" if named.additional is None else type_text(named.additional)
        return [*lines, f"  additional: {extra}"]
    if isinstance(named, EnumType):
        lines = [
            f"  value {_json(value)} -> {member}"
            for value, member in zip(named.values, named.member_names, strict=True)
        ]
        return [*lines, f"  closed: {named.closed}"]
    if isinstance(named, UnionType):
        lines = [f"  member {type_text(member)}" for member in named.members]
        if named.discriminator is not None:
            lines.append(f"  discriminator {_json(named.discriminator.property)}")
            lines += [
                f"    {_json(value)} -> {_json(target)}"
                for value, target in named.discriminator.mapping
            ]
        return lines
    if isinstance(named, AliasType):
        return [f"  target {type_text(named.target)}" + (" [nullable]" if named.nullable else "")]
    raise AssertionError(f"unknown named type {named!r}")


def ir_text(ir: SchemaIR, base: str) -> str:
    """The snapshot of ``ir``; URIs under ``base`` (a directory URI) are shown relative to it."""

    def where(uri: str) -> str:
        return uri[len(base) :] if uri.startswith(base) else uri

    lines = [f"root: {_json(ir.root)}", f"dialect: {ir.dialect}"]
    for named in ir.types:
        names = named.names
        kind = type(named).__name__.removesuffix("Type").lower()
        lines.append("")
        lines.append(f"{kind} {_json(names.schema)}")
        lines.append(f"  names: cls={names.cls} snake={names.snake} file={names.file}")
        lines.append(f"  at: {_json(where(named.uri) + '#' + named.pointer)}")
        if named.description is not None:
            lines.append(f"  description: {_json(named.description)}")
        if named.examples:
            lines.append(f"  examples: {_json(list(named.examples))}")
        lines += _kind_lines(named)
    return "\n".join(lines) + "\n"


def _snapshot(loaded: LoadedSchema) -> str:
    base = loaded.uri.rsplit("/", 1)[0] + "/"
    return ir_text(build_ir(loaded), base)


@pytest.mark.parametrize("case", CASES)
def test_ir_golden(case: str) -> None:
    schema = next((CORPUS / case).glob("schema.*"))
    assert_golden(GOLDEN / f"{case}.txt", _snapshot(load_schema(schema)))


def test_ir_golden_canonical() -> None:
    assert_golden(GOLDEN / "canonical.txt", _snapshot(load_schema(SCHEMA)))


def test_snapshot_shows_every_part_of_a_type(tmp_path: Path) -> None:
    schema = {
        "title": "Order",
        "type": "object",
        "properties": {
            "class": {"type": "string", "format": "date", "default": "x", "description": "d"},
            "tags": {"type": "array", "items": {"type": ["integer", "null"]}},
            "kind": {"enum": ["a", None]},
        },
        "required": ["class"],
        "additionalProperties": False,
    }
    path = tmp_path / "order.json"
    path.write_text(json.dumps(schema))
    text = _snapshot(load_schema(path))
    assert text.splitlines() == [
        'root: "Order"',
        "dialect: https://json-schema.org/draft/2020-12/schema",
        "",
        'object "Order"',
        "  names: cls=Order snake=order file=order",
        '  at: "order.json#"',
        '  field "class" -> class_: string("date") [required]',
        '    default: "x"',
        '    description: "d"',
        '  field "tags" -> tags: array[(integer | null)] [optional]',
        '  field "kind" -> kind: Ref "OrderKind" [optional nullable]',
        "  additional: forbidden",
        "",
        'enum "OrderKind"',
        "  names: cls=OrderKind snake=order_kind file=orderkind",
        '  at: "order.json#/properties/kind"',
        '  value "a" -> A',
        "  value null -> NULL",
        "  closed: True",
    ]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_reference_to_one_schema_in_another_file_is_one_type(tmp_path: Path) -> None:
    (tmp_path / "defs").mkdir()
    (tmp_path / "defs" / "common.json").write_text(
        json.dumps({"$defs": {"Customer": {"type": "object", "properties": {"n": {}}}}})
    )
    customer = {"$ref": "defs/common.json#/$defs/Customer"}

    def load(properties: dict[str, object], local: dict[str, object]) -> LoadedSchema:
        schema = tmp_path / "order.json"
        body = {"title": "Order", "type": "object", "properties": properties}
        body["$defs"] = {"L": {"type": "object", "properties": local}}
        schema.write_text(json.dumps(body))
        return load_schema(schema)

    once = load({"buyer": customer, "local": {"$ref": "#/$defs/L"}}, {})
    thrice = load(
        {"buyer": customer, "seller": customer, "local": {"$ref": "#/$defs/L"}}, {"c": customer}
    )
    assert sorted(t.names.cls for t in build_ir(thrice).types) == ["Customer", "L", "Order"]
    files = render_all(thrice, ["docs", "models", "validators"], jobs=1)
    assert [name for name in files if "customer" in name] == ["docs/models/components/customer.md"]
    validators_once = render_all(once, ["validators"], jobs=1)["validators.py"]
    assert files["validators.py"].count("\ndef _v") == validators_once.count("\ndef _v"), (
        "the validator of Customer is compiled once, however many references reach it"
    )


def test_fragment_references_under_a_urn_id(tmp_path: Path) -> None:
    schema = {
        "$id": "urn:example:order",
        "type": "object",
        "properties": {
            "a": {"$ref": "#/$defs/Item"},
            "b": {"$ref": "urn:example:order#/$defs/Item"},
        },
        "$defs": {"Item": {"type": "object", "properties": {"n": {"type": "integer"}}}},
    }
    loaded = load_schema(_write(tmp_path, "urn.json", json.dumps(schema)))
    ir = build_ir(loaded)
    assert sorted(t.names.cls for t in ir.types) == ["Item", "Urn"]
    files = render_all(loaded, ["docs", "models", "validators"], jobs=1)
    namespace: dict[str, object] = {}
    exec(compile(files["validators.py"], "validators.py", "exec"), namespace)  # noqa: S102
    errors = list(namespace["iter_errors"]({"a": {"n": "x"}, "b": {"n": 1}}))  # type: ignore[operator]
    assert [(e.path, e.keyword) for e in errors] == [("/a/n", "type")]


def test_references_resolve_under_each_id_they_pass(tmp_path: Path) -> None:
    # Each $ref resolves against the base URI of where it is written: a definition under the
    # root's absolute $id with a relative $id of its own, a pointer walking through a
    # subschema's $id (the fast path must not read "#/$defs/Z" from the root there), an anchor.
    schema = {
        "$id": "https://example.com/root.json",
        "type": "object",
        "properties": {
            "a": {"$ref": "sub/item.json"},
            "p": {"$ref": "#/$defs/Outer/$defs/Inner"},
            "q": {"$ref": "#node"},
        },
        "$defs": {
            "Item": {
                "$id": "sub/item.json",
                "type": "object",
                "properties": {"n": {"$ref": "#/$defs/N"}},
                "$defs": {"N": {"enum": [1, 2]}},
            },
            "Outer": {
                "$id": "outer/",
                "$defs": {
                    "Inner": {"type": "object", "properties": {"z": {"$ref": "#/$defs/Z"}}},
                    "Z": {"enum": ["inner"]},
                },
            },
            "Z": {"enum": ["root"]},
            "Node": {"$anchor": "node", "type": "object", "properties": {"x": {"type": "string"}}},
        },
    }
    loaded = load_schema(_write(tmp_path, "ids.json", json.dumps(schema)))
    text = _snapshot(loaded)
    for expected in (
        'field "a" -> a: Ref "Item" [optional]',
        'field "p" -> p: Ref "Inner" [optional]',
        'field "q" -> q: Ref "Node" [optional]',
        'field "n" -> n: Ref "N" [optional]',
        'field "z" -> z: Ref "Z_2" [optional]',
        'at: "https://example.com/sub/item.json#/$defs/N"',
        'at: "https://example.com/outer/#/$defs/Z"',
        '  value "inner" -> INNER',
    ):
        assert expected in text, expected
    # The validators target resolves with the compiler's own resolver (not the IR's), which
    # does not enter the root's $id for "sub/item.json" yet: only docs and models are checked.
    files = render_all(loaded, ["docs", "models"], jobs=1)
    assert "class Z2" in files["models.py"] and "docs/models/components/z_2.md" in files


def test_draft4_id_moves_the_base(tmp_path: Path) -> None:
    schema = {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "id": "https://example.com/d4/root.json",
        "type": "object",
        "properties": {"a": {"$ref": "#/definitions/A"}},
        "definitions": {
            "A": {
                "id": "a/",
                "type": "object",
                "properties": {"k": {"$ref": "#/definitions/K"}},
                "definitions": {"K": {"enum": ["a"]}},
            },
            "K": {"enum": ["root"]},
        },
    }
    text = _snapshot(load_schema(_write(tmp_path, "d4.json", json.dumps(schema))))
    assert 'field "k" -> k: Ref "K_2" [optional]' in text
    assert 'at: "https://example.com/d4/a/#/definitions/K"' in text
