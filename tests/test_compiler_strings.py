"""The compiler's string keywords: ECMA-262 patterns (translation, errors, time limits),
lengths, ``format`` (annotation unless asserted), draft 7's content keywords, and the
validators target naming the file of a pattern it cannot compile."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.compiler import compile, render_module
from generator.compiler.regex import translate
from generator.errors import SchemaError
from generator.pipeline import generate
from tests.compiler_support import assert_consistent


@pytest.mark.parametrize(
    ("pattern", "instance", "valid"),
    [
        ("^abc$", "abc\n", False),  # Python's $ would match before the final newline
        ("^abc$", "abc", True),
        ("^\\d+$", "123", True),
        ("^\\d+$", "\u0661\u0662", False),  # Arabic-Indic digits are not ECMA \d
        ("^\\w+$", "abc_1", True),
        ("^\\w+$", "é", False),  # \w is ASCII-only
        ("^\\W$", "é", True),
        ("^\\s$", "\u00a0", True),  # ECMA \s includes NBSP ...
        ("^\\s$", "\ufeff", True),  # ... and BOM
        ("^\\S$", "\u2003", False),
        ("^[\\s]$", "\u3000", True),
        ("^[^\\S]$", " ", True),
        ("^[a\\D]$", "7", False),
        ("^\\p{L}+$", "héllo", True),
        ("^\\p{Letter}+$", "日本", True),
        ("^\\p{L}+$", "a1", False),
        ("^\\P{L}$", "1", True),
        ("^.$", "\u2028", False),  # . excludes ECMA line terminators
        ("^.$", "😀", True),  # ... but matches astral characters whole
        ("^[^]$", "\n", True),
        ("[]", "anything", False),
        ("\\bfoo\\b", "éfooé", True),  # \b is ASCII-word based
        ("^\\u{1F600}$", "😀", True),
        ("^\\uD83D\\uDE00$", "😀", True),
        ("^\\cJ$", "\n", True),
        ("(?<year>\\d{4})-\\k<year>", "2024-2024", True),
        ("a", "bab", True),  # unanchored: search, not match
        ("^a{,2}$", "a{,2}", True),  # not a quantifier in ECMA: literal braces
        ("^a{,2}$", "aa", False),
    ],
)
def test_ecma_regex_semantics(pattern: str, instance: str, valid: bool) -> None:
    for timeout in (1.0, None):  # on the regex module (bounded), and on re
        validator = compile({"pattern": pattern}, pattern_timeout=timeout)
        assert_consistent(validator, instance, valid)
    if "\\p" not in pattern and "\\P" not in pattern:
        # unbounded (as generated modules are), the standard library's re suffices
        assert "import regex" not in render_module({"pattern": pattern})


@pytest.mark.parametrize("pattern", ["(unclosed", "a{2,1}", "\\", "[z-a]", "(?i)x", "\\q"])
def test_invalid_pattern_is_a_schema_error_with_pointer(pattern: str) -> None:
    schema = {"properties": {"a/b": {"pattern": pattern}}}
    with pytest.raises(SchemaError) as caught:
        compile(schema)
    assert caught.value.pointer == "/properties/a~1b/pattern"


def test_invalid_pattern_properties_key_reports_its_pointer() -> None:
    with pytest.raises(SchemaError) as caught:
        compile({"patternProperties": {"([": {}}})
    assert caught.value.pointer == "/patternProperties/(["


def test_patterns_compile_once_at_module_level() -> None:
    source = render_module({"properties": {"a": {"pattern": "^x"}, "b": {"pattern": "^x"}}})
    assert source.count("_re_compile(") == 2  # the helper definition and one constant


def test_translate_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        translate("\\p{No Such Property}")


def test_format_is_annotation_unless_asserted() -> None:
    schema = {"format": "date"}
    assert compile(schema).is_valid("not a date")
    asserting = compile(schema, format_assertion=True)
    assert_consistent(asserting, "2024-02-29", True)
    assert_consistent(asserting, "2023-02-29", False)
    assert_consistent(asserting, 20240229, True)  # formats only apply to strings


@pytest.mark.parametrize(
    ("fmt", "good", "bad"),
    [
        ("date-time", "2024-01-02T03:04:05.6+01:00", "2024-01-02 03:04:05"),
        ("time", "23:59:60Z", "24:00:00Z"),
        ("email", "a.b@example.com", "a..b@example.com"),
        ("ipv4", "192.168.0.1", "192.168.0.256"),
        ("ipv6", "::1", "1::2::3"),
        ("uuid", "123e4567-e89b-12d3-a456-426614174000", "123e4567e89b12d3a456426614174000"),
        ("uri", "https://example.com/a?b#c", "//no-scheme"),
        ("hostname", "example.com", "-bad-.com"),
        ("regex", "^a+$", "(unclosed"),
        ("json-pointer", "/a/~0b", "a/b"),
        ("duration", "P1DT2H", "P1DT"),
        ("uri-reference", "../a?b#c", "\\\\server"),
        ("iri", "https://例え.jp/パス", "https://example.com/a b"),
        ("uri-template", "/users/{id}{?q,page}", "/users/{id"),
        ("uri", "http://[::1]:80/", "http://[::1::]/"),
    ],
)
def test_format_assertion(fmt: str, good: str, bad: str) -> None:
    validator = compile({"format": fmt}, format_assertion=True)
    assert_consistent(validator, good, True)
    assert_consistent(validator, bad, False)


def test_draft7_content_keywords_are_annotations() -> None:
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "contentMediaType": "application/json",
        "contentEncoding": "base64",
    }
    validator = compile(schema)
    assert validator.is_valid("not base64, not JSON")
    assert list(validator.iter_errors("!!")) == []


CATASTROPHIC = "^(a|a)*$"  # exponential backtracking on the regex module too


SLOW = "a" * 30 + "!"


def test_a_pattern_match_that_runs_out_of_time_is_an_error_at_its_pointer() -> None:
    schema = {"properties": {"a": {"pattern": CATASTROPHIC}}}
    validator = compile(schema, pattern_timeout=0.05)
    assert validator.is_valid({"a": "aaa"}) and not validator.is_valid({"a": "b"})
    assert not validator.is_valid({"a": SLOW})
    errors = list(validator.iter_errors({"a": SLOW}))
    assert [(e.path, e.keyword) for e in errors] == [("/a", "pattern")]
    assert "ran out of time" in errors[0].message
    assert [e.message for e in validator.iter_errors({"a": "b"})] == [
        f"'b' does not match {CATASTROPHIC!r}"
    ]


def test_a_pattern_property_match_that_runs_out_of_time_is_an_error() -> None:
    schema = {"patternProperties": {CATASTROPHIC: {"type": "string"}}}
    validator = compile(schema, pattern_timeout=0.05)
    assert validator.is_valid({"aa": "x"}) and not validator.is_valid({"aa": 1})
    assert validator.is_valid({"b": 1})  # no match: not constrained
    assert not validator.is_valid({SLOW: "x"})
    errors = list(validator.iter_errors({SLOW: "x"}))
    assert [(e.path, e.keyword) for e in errors] == [(f"/{SLOW}", "patternProperties")]


def test_pattern_timeout_must_be_positive() -> None:
    for bad in (0, -1.0, float("nan")):
        with pytest.raises(ValueError, match="pattern_timeout"):
            compile({"pattern": "a"}, pattern_timeout=bad)


def test_the_validators_target_names_the_file_of_a_bad_pattern(tmp_path: Path) -> None:
    schema = tmp_path / "bad.schema.json"
    schema.write_text('{"properties": {"a": {"pattern": "(unclosed"}}}', encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(SchemaError) as info:
        generate(schema, out, ["validators"], jobs=1)
    assert info.value.file is not None and info.value.file.endswith("bad.schema.json")
    assert info.value.pointer == "/properties/a/pattern"
    assert str(info.value).startswith(info.value.file + "#/properties/a/pattern: invalid regular")
    assert not out.exists()  # nothing half-written
