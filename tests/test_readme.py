"""The README tells the truth: its examples run (against the committed output, or the wheel)."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT
from tests.installed import ORDER_SCHEMA, Installed, user_env


def test_readme_python_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)
    assert blocks, "README has a Python example"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(blocks[0], "README.md", "exec"), {})  # noqa: S102 - our own README
    assert printed.getvalue() == "/messages: [] has fewer than 1 items\n"


def test_readme_quick_start_names_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "make generate" in quick and "make test" in quick
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


# "Use it in your project": every example runs against the wheel (tests/installed.py).

REPOSITORY_PLACEHOLDER = "<URL of this repository>"


def use_it_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Use it in your project\n", 1)[1].split("\n## ", 1)[0]


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", use_it_section(), re.DOTALL)


def bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    assert result.returncode == 0, f"{script}\n{result.stdout}\n{result.stderr}"
    return result


def test_readme_install_lines_work(installed: Installed) -> None:
    """pip from git (pinned to the tag), from a clone, with the pydantic extra; and pipx."""
    (install_block, _templates_block) = blocks("sh")
    lines = [line.split("  #", 1)[0].strip() for line in install_block.splitlines()]
    lines = [line.replace(REPOSITORY_PLACEHOLDER, f"file://{installed.clone}") for line in lines]
    assert [line.split()[:2] for line in lines] == [["pip", "install"]] * 3 + [["pipx", "install"]]
    assert installed.clone.name == "schemagen"  # the lines say ./schemagen: run beside the clone
    root = installed.root / "readme-install"
    root.mkdir()
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    env = user_env(venv, root)
    env["PATH"] += os.pathsep + str(Path(sys.executable).parent)  # pipx, from the dev extra
    env.update(PIPX_HOME=str(root / "pipx"), PIPX_BIN_DIR=str(root / "bin"))
    env["PIPX_MAN_DIR"] = str(root / "man")
    version = f"schemagen {installed.version}\n"
    for line in lines:
        bash(f"cd {installed.root} && {line}", cwd=root, env=env)
        command = root / "bin/schemagen" if line.startswith("pipx") else venv / "bin/schemagen"
        assert bash(f"{command} --version", cwd=root, env=env).stdout == version
    # The extra brought the pydantic target.
    (root / "order.schema.json").write_text(ORDER_SCHEMA, encoding="utf-8")
    bash("schemagen generate order.schema.json --out typed --targets pydantic", cwd=root, env=env)
    use = (
        "from typed.pydantic_models import Order\n"
        "print(Order.model_validate({'id': 'a', 'items': [1]}).model_dump_json(exclude_none=True))"
    )
    assert bash(f'python -c "{use}"', cwd=root, env=env).stdout == '{"id":"a","items":[1]}\n'


def test_readme_project_settings_templates_and_pre_commit(installed: Installed) -> None:
    (toml_block,) = blocks("toml")
    (yaml_block,) = blocks("yaml")
    (_install_block, templates_block) = blocks("sh")
    project = installed.root / "readme-project"
    project.mkdir()
    (project / "pyproject.toml").write_text(toml_block, encoding="utf-8")
    settings = tomllib.loads(toml_block)["tool"]["schemagen"]
    schema = project / settings["schema"]
    schema.parent.mkdir(parents=True)
    schema.write_text(ORDER_SCHEMA, encoding="utf-8")
    env = installed.env

    # The templates example: copies of ours with a line added, then `schemagen generate`.
    bash(templates_block, cwd=project, env=env)
    out = project / settings["out"]
    models = (out / "models.py").read_text(encoding="utf-8")
    assert models.startswith("# Copyright ACME Corp.\n")
    pages = out / "docs/models/components"
    header = "> Generated from schemas/order.schema.json: edit the schema, not this page.\n"
    assert (pages / "order.md").read_text(encoding="utf-8").startswith(header + "\n# Order\n")
    assert (pages / "status.md").read_text(encoding="utf-8").startswith("# Status\n")
    used = installed.run(
        installed.bare_python,
        "-c",
        "from orders.models import Order; print(Order.from_dict({'id': 'a1', 'items': [1]}).id)",
        cwd=out.parent,
    )
    assert used.stdout == "a1\n", used.stderr

    # The pre-commit snippet, pointed at the clone (tagged like the snippet's rev).
    (project / ".pre-commit-config.yaml").write_text(
        yaml_block.replace(REPOSITORY_PLACEHOLDER, str(installed.clone)), encoding="utf-8"
    )
    (project / "data").mkdir()
    (project / "data/orders.jsonl").write_text(
        '{"id": "a1", "items": [1]}\n{"id": "b2", "items": [2]}\n'
    )
    installed.run("git", "init", "--quiet", cwd=project)

    def pre_commit() -> subprocess.CompletedProcess[str]:
        installed.run("git", "add", "-A", cwd=project)
        return installed.run(
            Path(sys.executable).parent / "pre-commit", "run", "--all-files", cwd=project
        )

    passed = pre_commit()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert re.search(r"schemagen check \(generated output is fresh\)\.+Passed", passed.stdout)
    assert re.search(
        r"schemagen validate \(JSON/JSONL files against a schema\)\.+Passed", passed.stdout
    )

    (project / "data/refund.json").write_text('{"id": "c3", "items": []}', encoding="utf-8")
    invalid = pre_commit()
    assert invalid.returncode == 1
    assert "data/refund.json:1: /items: [] has fewer than 1 items" in invalid.stdout
    assert re.search(r"schemagen check \(generated output is fresh\)\.+Passed", invalid.stdout)
    (project / "data/refund.json").unlink()

    (out / "models.py").write_text(models + "# edited by hand\n", encoding="utf-8")
    stale = pre_commit()
    assert stale.returncode == 1
    assert "changed: models.py" in stale.stdout
