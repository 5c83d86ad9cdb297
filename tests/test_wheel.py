"""The installed tool: a wheel built from a clean clone, used from a folder outside the checkout.

Everything runs through the ``installed`` session fixture (tests/installed.py): the wheel is
built and installed once. Every command is checked for tracebacks.
"""

from __future__ import annotations

import json
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.installed import ORDER_SCHEMA, Installed

GOOD = {"id": "a1", "status": "open", "items": [1, 2], "note": None, "gift": True}


@pytest.fixture(scope="module")
def project(installed: Installed) -> Path:
    """A user's folder with a schema of its own and no pyproject.toml; output generated into it."""
    work = installed.root / "work"
    work.mkdir()
    assert not work.resolve().is_relative_to(ROOT)
    (work / "order.schema.json").write_text(ORDER_SCHEMA, encoding="utf-8")
    result = installed.schemagen("generate", "order.schema.json", "--out", "orders", cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("schemagen: 5 files: 5 written, 0 unchanged, 0 removed")
    return work


def test_the_wheel_holds_generator_and_its_templates_only(installed: Installed) -> None:
    clone = installed.clone
    expected = {
        f"generator/{path.relative_to(clone / 'generator').as_posix()}"
        for path in (clone / "generator").rglob("*.py")
    } | {
        f"generator/templates/{path.relative_to(clone / 'templates').as_posix()}"
        for path in (clone / "templates").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        info = next(n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(wheel.read(info).decode("utf-8"))
        top_level = next(n for n in names if n.endswith(".dist-info/top_level.txt"))
        assert wheel.read(top_level).decode().split() == ["generator"]
    assert {n for n in names if ".dist-info/" not in n} == expected
    assert "pydantic" in metadata.get_all("Provides-Extra", [])
    requires = metadata.get_all("Requires-Dist", [])
    assert 'datamodel-code-generator>=0.26; extra == "pydantic"' in requires
    assert not any("datamodel" in r for r in requires if "extra ==" not in r)


def test_version(installed: Installed) -> None:
    result = installed.schemagen("--version", cwd=installed.root)
    assert (result.returncode, result.stdout) == (0, f"schemagen {installed.version}\n")


def test_help_says_where_defaults_come_from(installed: Installed, project: Path) -> None:
    result = installed.schemagen("generate", "--help", cwd=project)
    assert result.returncode == 0
    for target in ("docs", "models", "validators", "pydantic"):
        assert f"\n  {target} " in result.stdout
    assert "none found from here" in result.stdout


def test_generated_files(project: Path) -> None:
    out = project / "orders"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        ".schemagen-manifest.json",
        "__init__.py",
        "docs/models/components/order.md",
        "docs/models/components/status.md",
        "models.py",
        "validators.py",
    ]


USE_THE_OUTPUT = """
import importlib.util, json
for absent in ("generator", "jinja2", "jsonschema"):
    assert importlib.util.find_spec(absent) is None, absent
from orders import validators
from orders.models import Order, Status, UNSET, ValidationError
doc = json.loads(DOC)
assert validators.is_valid(doc)
order = Order.from_dict(doc)
assert order.status is Status.OPEN and order.items == [1, 2] and order.note is None
assert order.to_dict() == doc, "exact round trip, unknown members kept"
assert Order.from_dict({"id": "b2", "items": [3]}).status is UNSET
print(json.dumps([str(e) for e in validators.iter_errors({"id": "A!", "items": []})]))
try:
    Order.from_dict({"id": "c3", "items": [0]})
except ValidationError as exc:
    print(exc)
"""


def test_the_output_runs_without_generator_or_jinja2(installed: Installed, project: Path) -> None:
    script = USE_THE_OUTPUT.replace("DOC", repr(json.dumps(GOOD)))
    result = installed.run(installed.bare_python, "-c", script, cwd=project)
    assert result.returncode == 0, result.stderr
    errors_line, refused = result.stdout.splitlines()[0], result.stdout.splitlines()[1:]
    assert json.loads(errors_line) == [
        "/id: 'A!' does not match '^[a-z0-9]+$'",
        "/items: [] has fewer than 1 items",
    ]
    assert refused and "/items/0" in "\n".join(refused)


def test_check_exit_codes(installed: Installed, project: Path) -> None:
    args = ("check", "order.schema.json", "--out", "orders")
    fresh = installed.schemagen(*args, cwd=project)
    assert (fresh.returncode, fresh.stdout) == (0, "schemagen: orders is up to date (5 files)\n")
    page = project / "orders/docs/models/components/status.md"
    original = page.read_bytes()
    page.write_text("edited by hand", encoding="utf-8")
    try:
        stale = installed.schemagen(*args, cwd=project)
    finally:
        page.write_bytes(original)
    assert stale.returncode == 1
    assert stale.stderr == (
        "schemagen: orders is stale; run `schemagen generate`:\n"
        "  changed: docs/models/components/status.md\n"
    )


def test_validate_exit_codes(installed: Installed, project: Path) -> None:
    data = project / "data"
    data.mkdir()
    (data / "good.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (data / "good.jsonl").write_text(json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n")
    (data / "bad.jsonl").write_text(json.dumps(GOOD) + "\n" + '{"id": "x", "items": [1, 0]}\n')
    schema = ("--schema", "order.schema.json")
    good = installed.schemagen(
        "validate", *schema, "data/good.json", "data/good.jsonl", cwd=project
    )
    assert (good.returncode, good.stdout) == (0, "")
    bad = installed.schemagen("validate", *schema, "data/good.json", "data/bad.jsonl", cwd=project)
    assert bad.returncode == 1
    assert bad.stdout == "data/bad.jsonl:2: /items/1: 0 is less than 1\n"
    usage = installed.schemagen(
        "validate", "--schema", "missing.json", "data/good.json", cwd=project
    )
    assert usage.returncode == 2
    assert usage.stderr.startswith("schemagen: error: missing.json")
    assert len(usage.stderr.splitlines()) == 1


def test_a_bad_schema_is_one_line_and_writes_nothing(installed: Installed, project: Path) -> None:
    (project / "broken.json").write_text('{"type": "object",\n "properties": {"a": 1}}')
    result = installed.schemagen("generate", "broken.json", "--out", "never", cwd=project)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("schemagen: error: broken.json")
    assert not (project / "never").exists()


def test_the_pydantic_target_without_its_extra_says_what_to_install(
    installed: Installed, project: Path
) -> None:
    args = ("generate", "order.schema.json", "--out", "typed", "--targets", "pydantic")
    result = installed.schemagen(*args, cwd=project)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(
        "schemagen: error: the pydantic target needs the pydantic extra: "
        "pip install 'schemagen[pydantic]'"
    )
    assert not (project / "typed").exists()


def test_pre_commit_try_repo_runs_schemagen_check(installed: Installed) -> None:
    """pre-commit installs the hook from the repository, as a user's pre-commit would."""
    repo = installed.root / "try-repo"
    repo.mkdir()
    (repo / "order.schema.json").write_text(ORDER_SCHEMA, encoding="utf-8")
    (repo / "pyproject.toml").write_text(
        '[tool.schemagen]\nschema = "order.schema.json"\nout = "orders"\ntargets = ["models"]\n'
    )
    installed.run("git", "init", "--quiet", cwd=repo)
    assert installed.schemagen("generate", cwd=repo).returncode == 0
    (repo / "orders/models.py").write_text("# edited by hand\n", encoding="utf-8")
    installed.run("git", "add", "-A", cwd=repo)
    installed.run("git", "commit", "--quiet", "-m", "stale output", cwd=repo)
    pre_commit = Path(sys.executable).parent / "pre-commit"  # from the dev extra
    result = installed.run(
        pre_commit, "try-repo", installed.clone, "schemagen-check", "--all-files", cwd=repo
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "schemagen check (generated output is fresh)" in result.stdout
    assert "Failed" in result.stdout
    assert "schemagen: orders is stale; run `schemagen generate`:" in result.stdout
    assert "  changed: models.py" in result.stdout
