"""Functions written in two forms: the one mypyc compiles (``if _NATIVE:``) and the
interpreter's (``else:``).

The compiled form of a wide object counts its members and stops looking properties up once
every member is accounted for; the interpreter's form looks each one up (there the count costs
more than the lookups it spares). Both forms must give the same answers and the same errors:
here the compiled form runs interpreted (``native_form``), against the interpreter's form and
python-jsonschema; ``tests/test_native.py`` runs it compiled.
"""

from __future__ import annotations

import ast
import itertools
import re
from typing import Any

from jsonschema import Draft202012Validator

from generator.compiler import compile, render_module
from generator.compiler.codegen import native_only, two_forms
from tests.compiler_support import native_form

ROW = {
    "type": "object",
    "required": ["p"],
    "properties": {k: {"type": "integer"} for k in "pqrstuv"},
    # (annotations: the count serves the functions collecting evaluated properties too)
    "unevaluatedProperties": False,
    "anyOf": [{"required": ["q"]}, {"properties": {"w": {"const": 0}}}],
}
WIDE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["a", "z", "absent-from-properties"],
    "properties": {
        "a": {"type": "integer"},
        "b": {"type": "string"},
        "c": {"type": ["string", "null"]},
        "d": True,
        "e": {"description": "no check"},
        "f": {"type": "array", "items": {"$ref": "#/$defs/Row"}},
        "g": {"enum": [1, 2, 3]},
        "h": {"type": "boolean"},
        "i": {"$ref": "#/$defs/Row"},
        "z": {"type": "string", "maxLength": 3},
    },
    "patternProperties": {"^x-": {"type": "integer"}},
    "additionalProperties": {"type": ["string", "integer"]},
    "$defs": {"Row": ROW},
}
ROWS = [{"p": 1}, {"q": 1}, {"p": 1, "q": "s"}, {"p": 1, "v": 2, "w": None}, {"p": 1, "u": 0}]


def test_two_forms_of_a_function() -> None:
    plain = ["def _v1(x: Any) -> bool:", "    return True"]
    assert two_forms(plain) is plain
    marked = [
        "def _v1(x: Any) -> bool:",
        "    " + native_only("n1 = len(x)"),
        f'    if {native_only("n1 and ")}"a" in x:',
        "        return False",
        "    return True",
    ]
    assert two_forms(marked) == [
        "if _NATIVE:",
        "",
        "    def _v1(x: Any) -> bool:",
        "        n1 = len(x)",
        '        if n1 and "a" in x:',
        "            return False",
        "        return True",
        "else:",
        "",
        "    def _v1(x: Any) -> bool:",
        '        if "a" in x:',
        "            return False",
        "        return True",
    ]


def _forms(source: str) -> dict[str, tuple[str, str]]:
    """name -> (compiled form, interpreted form) of each function written twice."""
    found = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "_NATIVE":
            (native,), (interpreted,) = node.body, node.orelse
            assert isinstance(native, ast.FunctionDef) and isinstance(interpreted, ast.FunctionDef)
            assert native.name == interpreted.name
            found[native.name] = (ast.unparse(native), ast.unparse(interpreted))
    return found


def test_only_wide_objects_are_written_twice_and_only_the_compiled_form_counts() -> None:
    narrow = {"properties": {k: {"type": "integer"} for k in "abcde"}}
    assert _forms(render_module(narrow)) == {}
    forms = _forms(render_module(WIDE))
    # the root, Row (called: its unevaluatedProperties needs its own function) and the
    # function collecting the properties Row evaluates
    assert sorted(forms) == ["_a01", "_v1", "_v2"]
    for native, interpreted in forms.values():
        assert "= len(x" in native and "= len(x" not in interpreted
        # the interpreted form is the compiled one without the count
        uncounted = re.sub(r"\bn\d+ and ", "", native)
        kept = [line for line in uncounted.splitlines() if not COUNT_LINE.match(line)]
        assert "\n".join(kept) == interpreted


COUNT_LINE = re.compile(r"\s*n\d+ (=|-=) ")


#: a valid and an invalid value of each optional member (rows: a member of the row decides)
VALUES: dict[str, tuple[Any, Any]] = {
    "b": ("s", 1),
    "c": (None, 1),
    "d": ([1], None),  # (d and e accept anything)
    "e": ([], None),
    "f": ([{"p": 1, "u": 0}, {"p": 2}], [{"p": 1, "u": 0}, {"p": 1, "q": "s"}]),
    "g": (1, 4),
    "h": (True, 0),
    "i": ({"p": 1, "t": 1}, {"p": 1, "t": 1, "v": "s"}),
    "x-1": (1, "s"),
    "other": ("s", None),
}
REQUIRED = {"a": 1, "z": "s", "absent-from-properties": 0}


def _instances() -> list[dict[str, Any]]:
    """The required members with every subset of the optional ones, all valid, and with the
    first or the last of the subset invalid (the count decides which members are looked up)."""
    names = list(VALUES)
    out = []
    for size in range(len(names) + 1):
        for subset in itertools.combinations(names, size):
            valid = {**REQUIRED, **{n: VALUES[n][0] for n in subset}}
            out.append(valid)
            for bad in {subset[0], subset[-1]} if subset else ():
                if VALUES[bad][1] is not None:
                    out.append({**valid, bad: VALUES[bad][1]})
    return out


def test_both_forms_agree_with_jsonschema_on_every_mix_of_members() -> None:
    reference = Draft202012Validator(WIDE)
    interpreted, compiled_form = compile(WIDE), native_form(compile(WIDE))
    verdicts = []
    for members in _instances():
        expected = reference.is_valid(members)
        verdicts.append(expected)
        errors = [repr(e) for e in interpreted.iter_errors(members)]
        assert interpreted.is_valid(members) is expected, members
        assert compiled_form.is_valid(members) is expected, members
        assert (not errors) is expected, members
        assert [repr(e) for e in compiled_form.iter_errors(members)] == errors, members
    assert verdicts.count(True) == 2**10 and verdicts.count(False) > 1000
