"""Hostile schema text for the validator compiler.

Schema text must only ever enter generated code as literals: quotes, triple quotes, newlines,
backslashes, NULs, template braces and lone surrogates in names, enums, consts, patterns and
``$defs`` keys must compile to a module that behaves correctly and executes nothing.
"""

from __future__ import annotations

import builtins
import os

import pytest

from generator.compiler import compile
from tests.compiler_support import assert_consistent, ecma_escape

NASTY = [
    'quote"',
    "apos'",
    "both'\"",
    '"""triple"""',
    "'''triple'''",
    "new\nline\r\n",
    "back\\slash\\",
    "nul\x00byte",
    "{{ jinja }}{% raw %}{#",
    "lone \ud800 surrogate \udfff",
    "__import__('os').environ.__setitem__('SCHEMAGEN_PWNED', '1')",
    '"); import os; os.environ["SCHEMAGEN_PWNED"] = "2"; ("',
    "'''); import os; os.environ['SCHEMAGEN_PWNED'] = '3'; ('''",
    '\\"); import os; os.environ["SCHEMAGEN_PWNED"] = "4"; #',
    "\\N{BULLET}\\x00\\u0041",
    "tab\tand\x0bvt\x7f",
    "astral 😀",
    "",
    "x" * 300,
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nasty_strings_are_only_data(text: str, capfd: pytest.CaptureFixture[str]) -> None:
    schema = {
        "$defs": {text: {"const": text}},
        "type": "object",
        "properties": {text: {"$ref": "#/$defs/" + text.replace("~", "~0").replace("/", "~1")}},
        "required": [text],
        "propertyNames": {"enum": [text, "other"]},
        "patternProperties": {"^" + ecma_escape(text) + "$": {"const": text}},
        "dependentRequired": {text: ["other"]},
    }
    if "%" in text or "#" in text:
        schema["properties"] = {text: {"const": text}}
    validator = compile(schema)
    compiled = builtins.compile(validator.source, "<check>", "exec")
    assert compiled is not None
    assert_consistent(validator, {text: text, "other": 1}, True)
    assert_consistent(validator, {text: text}, False)  # dependentRequired
    assert_consistent(validator, {text: "nope", "other": 1}, False)
    assert_consistent(validator, {"other": 1}, False)  # required
    assert_consistent(validator, {text: text, "other": 1, "third": 0}, False)  # propertyNames
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert "SCHEMAGEN_PWNED" not in os.environ  # no payload ran


def test_nasty_enum_and_messages_round_trip() -> None:
    validator = compile({"enum": NASTY})
    for text in NASTY:
        assert_consistent(validator, text, True)
    assert_consistent(validator, "not in there", False)
    message = next(iter(validator.iter_errors("zzz"))).message
    assert message.startswith("'zzz' is not one of ")


def test_dollar_ref_escapes() -> None:
    schema = {
        "$defs": {"a/b": {"type": "integer"}, "c~d": {"type": "string"}, "e%f": {"type": "null"}},
        "properties": {
            "slash": {"$ref": "#/$defs/a~1b"},
            "tilde": {"$ref": "#/$defs/c~0d"},
            "percent": {"$ref": "#/$defs/e%25f"},
        },
    }
    validator = compile(schema)
    assert_consistent(validator, {"slash": 1, "tilde": "x", "percent": None}, True)
    assert_consistent(validator, {"slash": "1"}, False)
    assert_consistent(validator, {"tilde": 1}, False)
    assert_consistent(validator, {"percent": 0}, False)
