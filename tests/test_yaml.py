"""YAML 1.2 reading: JSON values out, or one error with line, column and JSON Pointer."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import SchemaError
from generator.load import load_schema, yaml12
from generator.load.yaml12 import load_yaml


def _error(text: str) -> SchemaError:
    with pytest.raises(SchemaError) as info:
        load_yaml(text, file="s.yaml")
    return info.value


def test_yaml_12_scalars() -> None:
    # YAML 1.1 read 1e-08 as a string and yes/no/on/off as booleans; 1.2 does neither.
    value = load_yaml(
        "minimum: 1e-08\nmax: 1e+09\nflag: yes\noff: on\nn: ~\noct: 0o17\nhex: 0x1F\nt: true\n"
        "when: 2001-01-01\nneg: -3\nf: 2.5\n",
        file="s.yaml",
    )
    assert value == {
        "minimum": 1e-08,
        "max": 1e09,
        "flag": "yes",
        "off": "on",
        "n": None,
        "oct": 15,
        "hex": 31,
        "t": True,
        "when": "2001-01-01",  # timestamps stay the text they were written as
        "neg": -3,
        "f": 2.5,
    }
    assert isinstance(value["max"], float) and isinstance(value["neg"], int)


def test_key_order_and_empty_document() -> None:
    assert list(load_yaml("b: 1\na: 2\nc: 3\n", file="s.yaml")) == ["b", "a", "c"]
    assert load_yaml("", file="s.yaml") is None


def test_big_integers_are_exact() -> None:
    digits = "9" * 5000
    assert load_yaml(f"x: {digits}\n", file="s.yaml")["x"] == 10**5000 - 1


def test_recursive_alias_is_refused() -> None:
    error = _error("x: &a [*a]\n")
    assert (error.line, error.column, error.pointer) == (1, 4, "/x/0")
    assert "recursive alias" in str(error)
    assert "recursive alias" in str(_error("x: &a {y: *a}\n"))


def test_alias_expansion_is_bounded() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    text = "\n".join(levels) + "\n"  # about 400 bytes standing for 10**9 nodes
    assert len(text) < 450
    start = time.perf_counter()
    error = _error(text)
    elapsed = time.perf_counter() - start
    assert f"aliases expand to more than {yaml12.ALIAS_BUDGET:,} nodes" in str(error)
    assert elapsed < 60  # generous: it must stop, not finish 10**9 nodes


def test_aliases_within_the_budget_are_copies() -> None:
    value = load_yaml("defs: &d {type: string}\nitems: *d\n", file="s.yaml")
    assert value == {"defs": {"type": "string"}, "items": {"type": "string"}}
    assert value["defs"] is not value["items"]  # later stages may rewrite one in place


def test_merge_keys() -> None:
    value = load_yaml("b: &b {type: string, minLength: 1}\nx: {<<: *b, minLength: 2}\n", file="s")
    assert value["x"] == {"type": "string", "minLength": 2}


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            "properties:\n  1: {type: string}\n",
            (2, 3, "/properties"),
            "mapping key '1' is not a string",
        ),
        ("default: !!binary aGVsbG8=\n", (1, 10, "/default"), "a !!binary value has no JSON"),
        ("x: !!set {a, b}\n", (1, 4, "/x"), "a !!set value"),
        ("x: !custom 1\n", (1, 4, "/x"), "a !custom value"),
        ("multipleOf: .inf\n", (1, 13, "/multipleOf"), ".inf is not a finite number"),
        ("x: [1, -.Inf]\n", (1, 8, "/x/1"), "-.Inf is not a finite number"),
        ("x: .nan\n", (1, 4, "/x"), ".nan is not a finite number"),
        ("x: 1e400\n", (1, 4, "/x"), "1e400 is not a finite number"),
        ("a: 1\na: 2\n", (2, 1, ""), "duplicate key 'a'"),
        ("? [a]\n: 1\n", (1, 3, ""), "mapping key"),
    ],
)
def test_non_json_content_is_refused_where_it_stands(
    text: str, where: tuple[int, int, str], message: str
) -> None:
    error = _error(text)
    assert (error.line, error.column, error.pointer) == where
    assert message in str(error)
    assert str(error).startswith(f"s.yaml:{where[0]}:{where[1]}#{where[2]}: invalid YAML: ")


def test_syntax_errors_and_several_documents() -> None:
    error = _error("type: object\nproperties: [a, b\n")
    assert (error.line, error.column) == (3, 1)
    assert "single document" in str(_error("a: 1\n---\nb: 2\n"))


def test_from_a_file_through_the_loader(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("type: number\nminimum: 1e-08\n", encoding="utf-8")
    assert load_schema(path).contents == {"type": "number", "minimum": 1e-08}
    path.write_text("type: object\nproperties:\n  1: {type: string}\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"s\.yaml:3:3#/properties: invalid YAML: mapping key"):
        load_schema(path)


_PIECES = [
    "a",
    "b",
    ": ",
    "- ",
    "\n",
    "  ",
    "&x ",
    "*x",
    "&y ",
    "*y",
    "<<: ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "!!binary ",
    "!!set ",
    "!tag ",
    "? ",
    "'q'",
    '"\\ud800"',
    "1",
    "-2",
    "0o7",
    "0x1F",
    ".inf",
    ".nan",
    "1e400",
    "1e-08",
    "~",
    "null",
    "true",
    "yes",
    "2001-01-01",
    "#c",
    "---",
    "...",
    "%YAML 1.2\n",
    "|\n  text",
    ">\n  text",
    "\t",
    "\ufeff",
    "\x00",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_gives_json_values_or_one_schema_error(pieces: list[str]) -> None:
    text = "".join(pieces)
    try:
        value = load_yaml(text, file="f.yaml")
    except SchemaError as exc:
        assert str(exc).startswith("f.yaml")
        assert "\n" not in str(exc)
        return
    # Only JSON values come out, and JSON can say them again.
    assert json.loads(json.dumps(value, allow_nan=False)) == value
