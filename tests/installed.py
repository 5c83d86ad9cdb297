"""schemagen as a user gets it: a wheel built from a clean clone, installed in a fresh venv.

Used through the session fixture ``installed`` (tests/conftest.py), so the clone, the wheel and
the venvs are made once per test run. The clone is of the committed ``HEAD`` (as CI sees it):
uncommitted changes are not in it. Every command run through :meth:`Installed.run` is checked
for a traceback, which would be a bug whatever the exit code.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

#: A small schema of the test's own (not the canonical one): an object, an enum, an array, a
#: pattern and a nullable member.
ORDER_SCHEMA = """{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "title": "Order",
  "type": "object",
  "properties": {
    "id": {"type": "string", "pattern": "^[a-z0-9]+$", "description": "Order id"},
    "status": {"$ref": "#/$defs/Status"},
    "items": {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 1},
    "note": {"type": ["string", "null"]}
  },
  "required": ["id", "items"],
  "$defs": {"Status": {"type": "string", "enum": ["open", "closed"]}}
}
"""


@dataclass(frozen=True)
class Installed:
    root: Path  #: the session's scratch folder, outside the checkout
    clone: Path  #: a clean clone of the repository, tagged ``v<version>``
    version: str
    wheel: Path
    venv: Path  #: the wheel installed, with its dependencies and no extras
    bare_python: Path  #: a venv with nothing installed (no generator, no jinja2)
    env: dict[str, str]  #: the environment commands run in (the venv first on PATH)

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def run(
        self, *argv: str | Path, cwd: Path, env: dict[str, str] | None = None, timeout: int = 300
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(a) for a in argv],
            cwd=cwd,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        output = result.stdout + result.stderr
        assert "Traceback" not in output, f"{argv}: a traceback:\n{output}"
        return result

    def schemagen(self, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        return self.run(self.bin / "schemagen", *args, cwd=cwd)


def _checked(*argv: str | Path, cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        [str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{argv} failed:\n{result.stdout}\n{result.stderr}"


def user_env(venv: Path, home: Path) -> dict[str, str]:
    """The test's environment as a user's shell would have it after activating ``venv``."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)
    env["PRE_COMMIT_HOME"] = str(home / "pre-commit")
    for role in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{role}_NAME"] = "schemagen tests"
        env[f"GIT_{role}_EMAIL"] = "tests@example.invalid"
    return env


def install(root: Path, repository: Path) -> Installed:
    """Clone ``repository``, build its wheel, install it into a fresh venv."""
    env = user_env(root / "venv", root)
    clone = root / "schemagen"
    _checked("git", "clone", "--quiet", repository, clone, cwd=root, env=env)
    version = tomllib.loads((clone / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    _checked("git", "tag", f"v{version}", cwd=clone, env=env)
    dist = root / "dist"
    # pip builds through the PEP 517 backend in an isolated environment, as any user's pip does.
    _checked(
        sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, clone,
        cwd=root, env=env,
    )  # fmt: skip
    (wheel,) = dist.glob("schemagen-*.whl")
    venv = root / "venv"
    _checked(sys.executable, "-m", "venv", venv, cwd=root, env=env)
    _checked(venv / "bin/python", "-m", "pip", "install", "--quiet", wheel, cwd=root, env=env)
    bare = root / "bare"
    _checked(sys.executable, "-m", "venv", "--without-pip", bare, cwd=root, env=env)
    return Installed(
        root=root,
        clone=clone,
        version=version,
        wheel=wheel,
        venv=venv,
        bare_python=bare / "bin/python",
        env=env,
    )
