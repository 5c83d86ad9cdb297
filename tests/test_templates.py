"""User templates (``--templates DIR``, ``[tool.schemagen] templates``), ``--version``, ``--help``.

A file ``DIR/<target>/<name>`` replaces our template of that name for that target; the others
stay ours. A template that fails names its file and line, and nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import cli
from generator.render import builtin_templates, template_names
from generator.targets import TARGETS

SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Order",
    "type": "object",
    "properties": {
        "id": {"type": "string", "description": "Order id"},
        "status": {"$ref": "#/$defs/Status"},
    },
    "required": ["id"],
    "$defs": {"Status": {"type": "string", "enum": ["open", "closed"]}},
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch project folder (the working folder) with a schema and no pyproject."""
    (tmp_path / "order.schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def ours(target: str, name: str) -> str:
    return builtin_templates().joinpath(target, name).read_text(encoding="utf-8")


def override(folder: Path, target: str, name: str, text: str) -> None:
    path = folder / target / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def generate(*args: str) -> int:
    return cli.main(["generate", "order.schema.json", "--out", "out", *args])


def test_a_user_template_replaces_ours_of_the_same_name_only(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override(
        project / "tpl",
        "docs",
        "object.md.jinja",
        "<!-- house style -->\n" + ours("docs", "object.md.jinja"),
    )
    override(
        project / "tpl",
        "models",
        "module.py.jinja",
        "# Copyright ACME\n" + ours("models", "module.py.jinja"),
    )
    assert generate("--targets", "docs,models,validators", "--templates", "tpl") == 0, (
        capsys.readouterr().err
    )
    pages = project / "out/docs/models/components"
    order = (pages / "order.md").read_text(encoding="utf-8")
    assert order.startswith("<!-- house style -->\n# Order\n")
    assert "| `id`" in order, "the rest of the page is still ours"
    status = (pages / "status.md").read_text(encoding="utf-8")
    assert "house style" not in status, "the enum page keeps our enum template"
    models = (project / "out/models.py").read_text(encoding="utf-8")
    assert models.startswith("# Copyright ACME\n")
    assert not (project / "out/validators.py").read_text(encoding="utf-8").startswith("#")
    # The models still work: import the package and round-trip a document.
    import importlib
    import sys

    sys.path.insert(0, str(project))
    try:
        module = importlib.import_module("out.models")
        doc = {"id": "a1", "status": "open"}
        assert module.Order.from_dict(doc).to_dict() == doc
    finally:
        sys.path.remove(str(project))
        for name in [n for n in sys.modules if n == "out" or n.startswith("out.")]:
            del sys.modules[name]


def test_the_folder_can_come_from_pyproject_and_check_uses_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    override(
        project / "house",
        "validators",
        "module.py.jinja",
        "# ACME\n" + ours("validators", "module.py.jinja"),
    )
    (project / "pyproject.toml").write_text(
        '[tool.schemagen]\nschema = "order.schema.json"\nout = "out"\n'
        'targets = ["validators"]\ntemplates = "house"\n',
        encoding="utf-8",
    )
    assert cli.main(["generate"]) == 0, capsys.readouterr().err
    assert (project / "out/validators.py").read_text(encoding="utf-8").startswith("# ACME\n")
    assert cli.main(["check"]) == 0
    capsys.readouterr()
    # Our templates alone give other output, so `check` with an empty folder finds it stale.
    (project / "plain").mkdir()
    assert cli.main(["check", "--templates", "plain"]) == 1
    assert "changed: validators.py" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# {{ title }}\n\n{{ nope }}\n", 3, "'nope' is undefined"),
        ("# {{ title }}\n{% if %}\n", 2, "Expected an expression, got 'end of statement block'"),
        ("{{ title }}\n{% include 'missing.jinja' %}\n", 2, "template 'missing.jinja' not found"),
        (
            "{{ title }}\n\n\n{{ title + 1 }}\n",
            4,
            'TypeError: can only concatenate str (not "int") to str',
        ),
    ],
)
def test_a_failing_template_names_its_file_and_line(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, line: int, message: str
) -> None:
    override(project / "tpl", "docs", "object.md.jinja", text)
    assert generate("--targets", "docs", "--templates", "tpl") == 2
    err = capsys.readouterr().err
    expected = f"schemagen: error: tpl/docs/object.md.jinja:{line}: {message}\n"
    assert err == expected
    assert not (project / "out").exists(), "nothing is written"


def test_a_failing_validators_template_is_the_users_not_a_metaschema_failure(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The metaschema checks compile validators too; they always use our templates."""
    override(project / "tpl", "validators", "module.py.jinja", "{{ nothing_here }}\n")
    assert generate("--targets", "validators", "--templates", "tpl") == 2
    assert capsys.readouterr().err == (
        "schemagen: error: tpl/validators/module.py.jinja:1: 'nothing_here' is undefined\n"
    )


def test_a_users_plain_python_runtime_is_cut_at_the_same_markers(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runtime = ours("validators", "runtime.py").replace(
        "def _eq(a: Any, b: Any) -> bool:", "# house equality\ndef _eq(a: Any, b: Any) -> bool:"
    )
    override(project / "tpl", "validators", "runtime.py", runtime)
    assert generate("--targets", "validators", "--templates", "tpl") == 0, capsys.readouterr().err
    source = (project / "out/validators.py").read_text(encoding="utf-8")
    assert "\n\n\n# house equality\ndef _eq(" in source
    assert "# --- validators.py" not in source, "no marker line is copied"
    assert "_found" not in source, "nor a part this schema does not need"


def test_a_users_runtime_without_our_markers_is_refused_in_one_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marker = "# --- validators.py: every module again ---"
    runtime = ours("validators", "runtime.py").replace(marker + "\n", "")
    override(project / "tpl", "validators", "runtime.py", runtime)
    assert generate("--targets", "validators", "--templates", "tpl") == 2
    assert capsys.readouterr().err == (
        f"schemagen: error: tpl/validators/runtime.py: expected the marker line {marker!r} "
        'once after the line "# --- validators.py: only with a pattern timeout (after the '
        "module's _PATTERN_TIMEOUT) ---\"\n"
    )
    assert not (project / "out").exists(), "nothing is written"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: None, "tpl: templates folder not found"),
        (
            lambda d: override(d, "docs", "objcet.md.jinja", "x"),
            "tpl/docs/objcet.md.jinja: not one of the docs templates it could replace "
            "(enum.md.jinja, object.md.jinja, union.md.jinja)",
        ),
        (
            lambda d: override(d, "pydantic", "x.jinja", "x"),
            "tpl/pydantic: expected a folder named after a target with templates "
            "(docs, models, validators)",
        ),
    ],
)
def test_a_folder_that_would_be_ignored_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], make: object, message: str
) -> None:
    assert callable(make)
    make(project / "tpl")
    assert generate("--targets", "docs", "--templates", "tpl") == 2
    assert capsys.readouterr().err == f"schemagen: error: {message}\n"
    assert not (project / "out").exists()


def test_template_names_are_our_template_folders() -> None:
    names = template_names()
    assert set(names) == {"docs", "models", "validators"}
    assert "object.md.jinja" in names["docs"]
    assert names["validators"] == {"module.py.jinja", "runtime.py", "formats.py"}
    assert set(names) <= set(TARGETS)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"schemagen {version('schemagen')}\n"


def test_generate_help_lists_the_targets_and_where_defaults_come_from(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "pyproject.toml").write_text("[tool.schemagen]\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["generate", "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for name, target in TARGETS.items():
        assert f"  {name}" in text and target.summary in text
    assert "[tool.schemagen]" in text
    assert f"here: {project.resolve() / 'pyproject.toml'}" in text
    assert "--templates DIR" in text


def test_user_templates_apply_in_forked_workers_and_nowhere_else(tmp_path: Path) -> None:
    import generator
    from generator.load import load_contents
    from generator.pipeline import render_all

    for target, name, header in (
        ("docs", "enum.md.jinja", "<!-- enum -->\n"),
        ("models", "module.py.jinja", "# models header\n"),
        ("validators", "module.py.jinja", "# validators header\n"),
    ):
        override(tmp_path, target, name, header + ours(target, name))
    loaded = load_contents(SCHEMA)
    targets = ["docs", "models", "validators"]
    forked = render_all(loaded, targets, jobs=3, templates=tmp_path)
    assert forked == render_all(loaded, targets, jobs=1, templates=tmp_path)
    assert forked["docs/models/components/status.md"].startswith("<!-- enum -->\n")
    assert not forked["docs/models/components/order.md"].startswith("<!--")
    assert forked["models.py"].startswith("# models header\n")
    assert forked["validators.py"].startswith("# validators header\n")
    # Outside a target's rendering, our templates only: the in-memory compiler, a plain run.
    assert not generator.compile(SCHEMA).source.startswith("#")
    assert not render_all(loaded, ["validators"], jobs=1)["validators.py"].startswith("#")


def test_the_output_is_a_package_exactly_when_a_target_writes_python(project: Path) -> None:
    from generator.load import load_contents
    from generator.pipeline import render_all

    loaded = load_contents({"$defs": {"A": {"type": "object"}}})
    # (pydantic is left out: it needs its extra and reads a file; tests/test_pydantic* cover it)
    for name in ("docs", "models", "validators"):
        files = render_all(loaded, [name], jobs=1)
        assert ("__init__.py" in files) is TARGETS[name].python, name
