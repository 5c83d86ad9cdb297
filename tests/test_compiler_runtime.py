"""The runtime a validators module carries: cut from ``templates/validators/runtime.py`` at its
marker lines, and the format helpers from ``formats.py`` selected by name with what they use."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.compiler import compile, render_module
from generator.compiler.formats import FORMATS
from generator.compiler.runtime import FORMATS_MARKERS, format_helpers_source
from generator.errors import GeneratorError
from generator.render import builtin_templates, cut_at_markers, user_templates


def _top_level(source: str) -> set[str]:
    """The names ``source`` defines at its top level."""
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
    return names


def test_a_helper_comes_with_the_helpers_and_constants_it_uses_and_nothing_else() -> None:
    source, modules = format_helpers_source(["_f_date_time"])
    assert _top_level(source) == {"_DATE", "_f_date", "_TIME", "_f_time", "_f_date_time"}
    assert modules == {"re"}
    source, modules = format_helpers_source(["_f_iri"])
    assert {"_f_iri", "_f_uri", "_ascii_uri", "_host_ok", "_URI"} <= _top_level(source)
    assert "_f_uri_reference" not in _top_level(source)
    assert source.startswith("# RFC 3986"), "the comment written before a helper comes with it"
    assert modules == {"re", "ipaddress"}
    assert format_helpers_source(["_f_ipv4"])[1] == {"ipaddress"}
    assert format_helpers_source([]) == ("", frozenset())


def test_helpers_are_copied_in_the_order_of_the_file() -> None:
    source, _ = format_helpers_source(["_f_uuid", "_f_date"])
    assert source.index("def _f_date(") < source.index("def _f_uuid(")
    assert "\n\n\n\n" not in source and not source.endswith("\n")


@pytest.mark.parametrize("helper", sorted(set(FORMATS.values())))
def test_every_helper_is_in_our_formats_file(helper: str) -> None:
    fmt = next(name for name, value in FORMATS.items() if value == helper)
    validator = compile({"format": fmt}, format_assertion=True)
    assert f"def {helper}(" in validator.source
    assert validator.is_valid(1)
    # (tests/test_compiler_module.py lints each one-format module: no name is missing)


def test_uri_reference_and_relative_json_pointer_in_one_module_keep_their_own_patterns() -> None:
    """Both used to be named _RELATIVE, so the JSON-pointer one replaced the URI one."""
    schema = {
        "properties": {"u": {"format": "uri-reference"}, "p": {"format": "relative-json-pointer"}}
    }
    validator = compile(schema, format_assertion=True)
    assert validator.is_valid({"u": "foo/bar", "p": "0/a"})
    assert not validator.is_valid({"p": "foo/bar"})
    assert not validator.is_valid({"u": "\\\\x"})


def _replace(tmp_path: Path, name: str, old: str, new: str) -> Path:
    text = builtin_templates().joinpath("validators", name).read_text(encoding="utf-8")
    assert old in text
    folder = tmp_path / "tpl"
    (folder / "validators").mkdir(parents=True)
    (folder / "validators" / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def test_a_users_formats_helper_replaces_ours(tmp_path: Path) -> None:
    folder = _replace(
        tmp_path,
        "formats.py",
        "def _f_uuid(value: str) -> bool:\n",
        "def _f_uuid(value: str) -> bool:\n    # house uuid\n",
    )
    with user_templates(folder):
        source = render_module({"format": "uuid"}, format_assertion=True)
    assert "    # house uuid\n" in source
    assert "# house uuid" not in render_module({"format": "uuid"}, format_assertion=True)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("def _f_uuid(", "def _f_guid(", ": expected a function _f_uuid between its markers"),
        (
            "_UUID = re.compile(",
            "_DATE = re.compile(",
            ":186: _DATE is defined twice between the markers",
        ),
        (
            "def _f_uuid(value: str) -> bool:",
            "def _f_uuid(value: str) -> bool",
            ":189: expected ':'",
        ),
        (
            FORMATS_MARKERS[1],
            "# the end",
            f": expected the marker line {FORMATS_MARKERS[1]!r} once after the line "
            f"{FORMATS_MARKERS[0]!r}",
        ),
    ],
)
def test_a_users_formats_file_that_cannot_be_selected_from_is_refused(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _replace(tmp_path, "formats.py", old, new)
    with user_templates(folder), pytest.raises(GeneratorError) as info:
        render_module({"format": "uuid"}, format_assertion=True)
    assert str(info.value) == str(folder / "validators" / "formats.py") + message


def test_cut_parts_know_their_first_line(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    (folder / "validators").mkdir(parents=True)
    text = "head\n# A\n\n\nfirst\nsecond\n\n# B\nthird\n# C\ntail\n"
    (folder / "validators" / "runtime.py").write_text(text, encoding="utf-8")
    with user_templates(folder):
        parts = cut_at_markers("validators", "runtime.py", ["# A", "# B", "# C"])
        with pytest.raises(GeneratorError, match="expected the marker line '# A' once after"):
            cut_at_markers("validators", "runtime.py", ["# B", "# A"])
    assert [(part.text, part.line) for part in parts] == [("first\nsecond", 5), ("third", 9)]


def test_a_users_runtime_without_the_native_flag_is_refused_where_a_module_reads_it(
    tmp_path: Path,
) -> None:
    flag = '_NATIVE: Final = not hasattr(_too_deep, "__code__")\n'
    folder = _replace(tmp_path, "runtime.py", flag, "")
    wide = {"properties": {k: {"type": "integer"} for k in "abcdef"}}
    recursive = {"properties": {"a": {"$ref": "#"}}}
    narrow = {"properties": {"a": {"type": "integer"}}}
    with user_templates(folder):
        for schema in (wide, recursive):
            with pytest.raises(GeneratorError) as info:
                render_module(schema)
            assert str(info.value) == (
                f"{folder / 'validators' / 'runtime.py'}: expected a line '_NATIVE: Final = ...' "
                "(whether the module runs compiled) between the first two markers"
            )
        assert compile(narrow).is_valid({"a": 1})  # (a module that does not read it)
