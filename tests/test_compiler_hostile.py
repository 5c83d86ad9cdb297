"""Hostile and edge-case schemas and instances for the validator compiler.

Schema text must only ever enter generated code as literals: quotes, triple quotes, newlines,
backslashes, NULs, template braces and lone surrogates in names, enums, consts, patterns and
``$defs`` keys must compile to a module that behaves correctly and executes nothing.
"""

from __future__ import annotations

import builtins
import os
from typing import Any

import pytest

from generator.compiler import compile, render_module
from generator.compiler.regex import translate
from generator.errors import SchemaError

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


def ecma_escape(text: str) -> str:
    return "".join("\\" + c if c in "^$\\.*+?()[]{}|/" else c for c in text)


def errors(validator: Any, instance: Any) -> list[tuple[str, str]]:
    return [(e.path, e.keyword) for e in validator.iter_errors(instance)]


def assert_consistent(validator: Any, instance: Any, valid: bool) -> None:
    assert validator.is_valid(instance) is valid
    assert (not list(validator.iter_errors(instance))) is valid


# -- regular expressions ------------------------------------------------------------------------


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


# -- schema text flowing into code ----------------------------------------------------------------


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


# -- references and recursion ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "pointer"),
    [
        ({"$ref": "#"}, "/$ref"),
        ({"$ref": "#", "additionalProperties": False}, "/$ref"),
        ({"allOf": [{"type": "number"}], "$ref": "#"}, "/$ref"),
        ({"allOf": [{"allOf": [{"$ref": "#/$defs/a"}]}], "$defs": {"a": {"$ref": "#"}}}, "/$ref"),
        (
            {"$schema": "http://json-schema.org/draft-07/schema#", "allOf": [{"$ref": "#"}]},
            "/allOf/0/$ref",
        ),
    ],
)
def test_a_schema_applying_itself_unconditionally_is_refused(schema: Any, pointer: str) -> None:
    # no instance has an answer (every one would be an error): refused at compile time
    with pytest.raises(SchemaError, match="applies itself to the same instance") as caught:
        compile(schema)
    assert caught.value.pointer in (pointer, "/$defs/a/$ref")


def test_a_draft7_ref_overrides_its_looping_allof() -> None:
    schema = {"$schema": "http://json-schema.org/draft-07/schema#", "allOf": [{"$ref": "#"}]}
    assert compile({**schema, "$ref": "#/definitions/x", "definitions": {"x": {}}}).is_valid(1)


def test_self_reference_loop_raises_when_reached() -> None:
    validator = compile({"anyOf": [{"$ref": "#"}, {"type": "string"}]})
    with pytest.raises(validator.SchemaLoopError, match="infinite reference loop"):
        validator.is_valid(1)
    with pytest.raises(RuntimeError, match="^#: infinite reference loop"):
        list(validator.iter_errors(1))


def test_mutual_reference_loop_only_matters_when_reached() -> None:
    schema = {
        "properties": {"a": {"$ref": "#/$defs/a"}},
        "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"$ref": "#/$defs/a"}, {}]}},
    }
    validator = compile(schema, definitions={"a": "/$defs/a"})
    assert_consistent(validator, {"b": 1}, True)
    with pytest.raises(validator.SchemaLoopError) as caught:
        validator.is_valid({"a": 1})
    assert caught.value.schema_path in ("/$defs/a", "/$defs/b", "/$defs/b/anyOf/0")  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError):
        validator.function("is_valid_a")(1)


def test_recursion_through_children_is_fine() -> None:
    tree = {
        "type": "object",
        "properties": {"value": {"type": "integer"}, "kids": {"items": {"$ref": "#"}}},
    }
    validator = compile(tree)
    assert "def _v1" in validator.source
    assert_consistent(validator, {"value": 1, "kids": [{"kids": [{"value": 2}]}]}, True)
    assert_consistent(validator, {"kids": [{"kids": [{"value": "x"}]}]}, False)
    assert errors(validator, {"kids": [{"kids": [{"value": "x"}]}]}) == [
        ("/kids/0/kids/0/value", "type")
    ]


def test_unresolvable_ref_is_a_schema_error() -> None:
    with pytest.raises(SchemaError) as caught:
        compile({"properties": {"a": {"$ref": "#/$defs/missing"}}})
    assert caught.value.pointer == "/properties/a/$ref"


def test_deep_instance_does_not_crash() -> None:
    validator = compile({"items": {"$ref": "#"}})
    instance: Any = []
    for _ in range(100_000):
        instance = [instance]
    assert validator.is_valid(instance) is False
    found = list(validator.iter_errors(instance))
    assert [e.keyword for e in found] == ["$depth"]
    with pytest.raises(ValueError, match="nested too deeply"):
        validator.validate(instance)
    assert compile({"type": "array"}).is_valid(instance)


def test_deep_schemas_compile() -> None:
    nested: Any = {"type": "integer"}
    for _ in range(2000):
        nested = {"type": "object", "properties": {"a": nested}}
    validator = compile(nested)
    instance: Any = 1
    for _ in range(2000):
        instance = {"a": instance}
    assert validator.is_valid(instance)
    chained: Any = {"type": "integer"}
    for _ in range(2000):
        chained = {"allOf": [chained]}
    validator = compile(chained)
    assert_consistent(validator, 1, True)
    assert_consistent(validator, "x", False)


def test_absurdly_deep_schema_data_is_a_schema_error() -> None:
    value: Any = 1
    for _ in range(5000):
        value = [value]
    with pytest.raises(SchemaError, match="nested too deeply"):
        compile({"const": value})


@pytest.mark.parametrize("schema", [True, False, {"not": True}, {"not": False}])
def test_boolean_schemas(schema: Any) -> None:
    valid = schema is True or schema == {"not": False}
    validator = compile(schema)
    for instance in (None, 0, "", [], {}):
        assert_consistent(validator, instance, valid)


def test_boolean_subschemas_everywhere() -> None:
    schema = {
        "properties": {"yes": True, "no": False},
        "items": False,
        "additionalProperties": True,
        "propertyNames": True,
    }
    validator = compile(schema)
    assert_consistent(validator, {"yes": 1}, True)
    assert_consistent(validator, {"no": 1}, False)
    assert_consistent(validator, [], True)
    assert_consistent(validator, [1], False)
    contains = compile({"contains": True})
    assert_consistent(contains, [], False)
    assert_consistent(contains, [None], True)


# -- numbers, equality and lengths ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("factor", "instance", "valid"),
    [
        (0.0001, 0.0075, True),
        (0.01, 0.07, True),
        (0.1, 0.3, True),
        (0.0001, 0.00751, False),
        (0.5, 1e308, True),
        (0.123456789, 1e308, False),
        (3, 10**40 * 3, True),
        (3, 10**40 * 3 + 1, False),
        (10**30, 10**60, True),
        (2, 4.0, True),
        (2, 5.0, False),
        (1.5, 4.5, True),
        (7, 1e300, False),
    ],
)
def test_multiple_of(factor: float, instance: float, valid: bool) -> None:
    assert_consistent(compile({"multipleOf": factor}), instance, valid)


@pytest.mark.parametrize(
    ("schema", "instance", "valid"),
    [
        ({"const": 1}, 1.0, True),
        ({"const": 1}, True, False),
        ({"const": True}, 1, False),
        ({"const": 0}, False, False),
        ({"const": False}, False, True),
        ({"const": None}, False, False),
        ({"const": [1, {"a": 1.0}]}, [1.0, {"a": 1}], True),
        ({"const": [1, {"a": 1.0}]}, [True, {"a": 1}], False),
        ({"const": {"a": [0]}}, {"a": [False]}, False),
        ({"enum": [1, "a"]}, 1.0, True),
        ({"enum": [1, "a"]}, True, False),
        ({"enum": [[0], {"x": None}]}, [0.0], True),
        ({"enum": [[0], {"x": None}]}, [False], False),
        ({"enum": ["a", "b"]}, ["a"], False),
        ({"enum": [False]}, 0, False),
        ({"uniqueItems": True}, [1, 1.0], False),
        ({"uniqueItems": True}, [1, True], True),
        ({"uniqueItems": True}, [0, False, None, "", [], {}], True),
        ({"uniqueItems": True}, [{"a": [1]}, {"a": [1.0]}], False),
        ({"uniqueItems": True}, [[1, True], [True, 1]], True),
        ({"uniqueItems": True}, [{"a": 1, "b": 2}, {"b": 2, "a": 1}], False),
    ],
)
def test_json_equality(schema: Any, instance: Any, valid: bool) -> None:
    assert_consistent(compile(schema), instance, valid)


@pytest.mark.parametrize(
    ("schema", "instance", "valid"),
    [
        ({"minLength": 2}, "😀", False),  # one code point, two UTF-16 units
        ({"maxLength": 1}, "😀", True),
        ({"maxLength": 2}, "😀😀", True),
        ({"minLength": 3}, "e\u0301e", True),  # combining mark counts
        ({"type": "integer"}, True, False),  # bool is not an integer
        ({"type": "number"}, False, False),
        ({"type": "integer"}, 1.0, True),
        ({"type": ["object", "boolean"], "required": ["a"]}, True, True),
        ({"type": ["object", "boolean"], "required": ["a"]}, {}, False),
        ({"type": ["array", "null"], "minItems": 1}, None, True),
        ({"type": ["string", "integer"], "minLength": 2}, 5, True),
        ({"type": ["number", "integer"], "minimum": 2}, 1, False),
        ({"type": "integer", "$schema": "http://json-schema.org/draft-04/schema#"}, 1.0, False),
        ({"minimum": 10**30}, 10**30 - 1, False),
        ({"maximum": 1e308}, 10**400, False),
        ({"exclusiveMaximum": 0}, -(10**400), True),
    ],
)
def test_lengths_and_types(schema: Any, instance: Any, valid: bool) -> None:
    assert_consistent(compile(schema), instance, valid)


def test_metaschema_validates_schemas() -> None:
    validator = compile({"$ref": "https://json-schema.org/draft/2020-12/schema"})
    for schema in (True, False, {}, {"properties": {"a": True, "b": False}}, {"items": True}):
        assert_consistent(validator, schema, True)
    for schema in (1, {"type": "strnig"}, {"minLength": -1}, {"properties": {"a": 1}}):
        assert_consistent(validator, schema, False)


def test_error_records_and_validate() -> None:
    schema = {
        "type": "object",
        "properties": {
            "messages": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"role": {"enum": ["system", "user", "assistant"]}},
                },
            }
        },
    }
    validator = compile(schema)
    instance = {"messages": [{"role": "user"}, {"role": "robot"}, {"role": 7}]}
    found = list(validator.iter_errors(instance))
    assert [str(e) for e in found] == [
        "/messages/1/role: 'robot' is not one of 'system', 'user', 'assistant'",
        "/messages/2/role: 7 is not one of 'system', 'user', 'assistant'",
    ]
    assert found[0].schema_path == "/properties/messages/items/properties/role/enum"
    assert found[0].keyword == "enum"
    with pytest.raises(ValueError) as caught:
        validator.validate(instance)
    assert isinstance(caught.value, validator.ValidationError)
    assert caught.value.errors == found  # type: ignore[attr-defined]


def test_tracebacks_show_generated_lines() -> None:
    import linecache

    validator = compile({"type": "string"})
    filename = validator.filename
    assert linecache.getline(filename, 1).startswith('"""JSON Schema validators')


def test_named_definitions_api() -> None:
    schema = {
        "$defs": {"Messages": {"type": "array", "items": {"type": "string"}}},
        "properties": {"messages": {"$ref": "#/$defs/Messages"}},
    }
    validator = compile(schema, definitions={"messages": "/$defs/Messages"})
    assert validator.function("is_valid_messages")(["a"])
    assert not validator.function("is_valid_messages")([1])
    assert [e.path for e in validator.function("iter_errors_messages")([1])] == ["/0"]
    with pytest.raises(ValueError):
        compile(schema, definitions={"Bad-Name": "/$defs/Messages"})
    by_uri = compile(
        schema,
        base_uri="file:///schemas/conversation.json",
        definitions={"messages": "file:///schemas/conversation.json#/$defs/Messages"},
    )
    assert not by_uri.function("is_valid_messages")([1])
    with pytest.raises(SchemaError):
        compile(schema, definitions={"missing": "/$defs/Nope"})
    odd = {"$defs": {"per%cent": {"type": "boolean"}, "a/b": {"type": "null"}}}
    raw = compile(
        odd,
        base_uri="file:///s.json",
        definitions={"pct": "file:///s.json#/$defs/per%cent", "slash": "#/$defs/a~1b"},
    )
    assert raw.function("is_valid_pct")(True) and not raw.function("is_valid_pct")(1)
    assert raw.function("is_valid_slash")(None) and not raw.function("is_valid_slash")(1)


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


def test_unknown_keywords_and_dialects() -> None:
    assert compile({"frobnicate": 1, "type": "string"}).is_valid("x")
    with pytest.raises(SchemaError):
        compile({"type": "strnig"})
    with pytest.raises(SchemaError):
        compile({"minLength": "3"})


def test_draft7_content_keywords_are_annotations() -> None:
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "contentMediaType": "application/json",
        "contentEncoding": "base64",
    }
    validator = compile(schema)
    assert validator.is_valid("not base64, not JSON")
    assert list(validator.iter_errors("!!")) == []


@pytest.mark.parametrize(
    "draft",
    [
        "https://json-schema.org/draft/2019-09/schema",
        "https://json-schema.org/draft/2020-12/schema",
    ],
)
def test_dependencies_is_not_a_2019_or_2020_keyword(draft: str) -> None:
    validator = compile({"$schema": draft, "dependencies": {"a": ["b"], "c": {"type": "null"}}})
    assert validator.is_valid({"a": 1}) and validator.is_valid({"c": 1})


def test_a_chain_of_thousands_of_refs_gets_the_right_answer() -> None:
    links = 3000
    defs: dict[str, Any] = {f"d{i}": {"$ref": f"#/$defs/d{i + 1}"} for i in range(links)}
    defs[f"d{links}"] = {"type": "string"}
    validator = compile({"$defs": defs, "$ref": "#/$defs/d0"})
    assert_consistent(validator, "x", True)
    assert_consistent(validator, 1, False)


def test_a_chain_of_thousands_of_applications_is_refused() -> None:
    links = 3000
    defs: dict[str, Any] = {
        f"d{i}": {"$ref": f"#/$defs/d{i + 1}", "minLength": 0} for i in range(links)
    }
    defs[f"d{links}"] = {"type": "string"}
    with pytest.raises(SchemaError, match="more than 250 subschemas apply to one value"):
        compile({"$defs": defs, "$ref": "#/$defs/d0"})


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
