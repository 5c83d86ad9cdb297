"""Writer fault injection (issue 10, item 2): whatever fails, and whenever, the output folder
is byte-identical afterwards and the failure is one :class:`GeneratorError` naming the path.

Every call the writer makes to change the file system (``os.open``, ``os.write``,
``os.chmod``, ``os.mkdir``, ``os.link``, ``os.replace``) is made to fail in turn, at each of
its calls during one run that writes, rewrites and removes files.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator import write as writer
from generator.errors import GeneratorError

ROOT = Path(__file__).resolve().parents[1]

OLD = {"a.py": "old A\n", "same.py": "same\n", "docs/old.md": "old page\n", "docs/x.md": "x\n"}
NEW = {
    "a.py": "new A\n",
    "same.py": "same\n",
    "docs/x.md": "new x\n",
    "docs/deeper/new.md": "new page\n",
    "b.py": "new B\n",
}
FAULTY = ("open", "write", "chmod", "mkdir", "link", "replace")


def snapshot(folder: Path) -> dict[str, Any]:
    """Every path under ``folder`` with its bytes (files) and mode."""
    found: dict[str, Any] = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        mode = path.lstat().st_mode
        found[key] = (path.read_bytes() if path.is_file() else "folder", mode)
    return found


def prepared(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    writer.write(out, OLD)
    os.chmod(out / "a.py", 0o640)  # a mode the rewrite must keep (or restore)
    (out / "docs" / "user-notes.md").write_text("mine\n")
    return out


def count_calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> int:
    out = prepared(tmp_path / "count")
    calls = 0
    real: Callable[..., Any] = getattr(os, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(writer.os, name, counting)
    writer.write(out, NEW)
    monkeypatch.undo()
    return calls


def failing_at(failing: int, real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, except that its call number ``failing`` raises a full disk's OSError."""
    calls = 0

    def faulty(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    return faulty


@pytest.mark.parametrize("name", FAULTY)
def test_an_os_error_at_any_call_leaves_the_folder_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    total = count_calls(tmp_path, monkeypatch, name)
    assert total > 0, f"the run made no os.{name} call to fail"
    for failing in range(1, total + 1):
        out = prepared(tmp_path / f"{name}-{failing}")
        before = snapshot(out)
        monkeypatch.setattr(writer.os, name, failing_at(failing, getattr(os, name)))
        try:
            writer.write(out, NEW)
        except GeneratorError as exc:
            assert "No space left on device" in str(exc)
            assert str(out) in str(exc), "the message names the path"
            assert snapshot(out) == before, f"os.{name} failing at call {failing}"
        else:
            # only a hard link may fail harmlessly: the writer then copies
            assert name == "link", f"os.{name} failed at call {failing} and nobody noticed"
            assert {k: (out / k).read_text() for k in NEW} == NEW
        finally:
            monkeypatch.undo()


def test_a_rename_failing_mid_commit_puts_back_what_was_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = prepared(tmp_path)
    before = snapshot(out)
    real = os.replace
    done: list[str] = []

    def replace(source: Any, target: Any) -> None:
        if str(target).endswith("b.py") and not str(target).endswith(".old"):
            raise OSError(errno.EIO, "Input/output error", str(target))
        real(source, target)
        done.append(str(target))

    monkeypatch.setattr(writer.os, "replace", replace)
    with pytest.raises(GeneratorError, match="b.py: Input/output error"):
        writer.write(out, NEW)
    assert any(path.endswith("a.py") for path in done), "a.py had been replaced first"
    assert snapshot(out) == before


def test_a_folder_where_a_file_goes_is_refused_before_anything_is_replaced(
    tmp_path: Path,
) -> None:
    out = prepared(tmp_path)
    (out / "b.py").mkdir()
    before = snapshot(out)
    with pytest.raises(GeneratorError, match=r"b\.py: something other than a file is there"):
        writer.write(out, NEW)
    assert snapshot(out) == before


def test_a_file_where_a_folder_goes_is_refused(tmp_path: Path) -> None:
    out = prepared(tmp_path)
    (out / "docs" / "deeper").write_text("in the way\n")
    before = snapshot(out)
    with pytest.raises(GeneratorError, match="deeper: a file is in the way"):
        writer.write(out, NEW)
    assert snapshot(out) == before


def test_an_output_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder\n")
    with pytest.raises(GeneratorError, match="a file is in the way"):
        writer.write(out, NEW)
    assert out.read_text() == "not a folder\n"


def test_text_utf8_cannot_encode_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    out = prepared(tmp_path)
    before = snapshot(out)
    with pytest.raises(GeneratorError, match=r"b\.py: line 2 holds U\+D800"):
        writer.write(out, {**NEW, "b.py": "fine\nnot \ud800 fine\n"})
    assert snapshot(out) == before


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )


@pytest.mark.parametrize("obstacle", ["validators.py", "docs", "out"])
def test_the_cli_refuses_an_obstacle_in_one_line_and_writes_nothing(
    tmp_path: Path, obstacle: str
) -> None:
    schema = tmp_path / "s.json"
    schema.write_text('{"title": "S", "properties": {"a": {"type": "string"}}}')
    out = tmp_path / "out"
    run = run_cli("generate", str(schema), "--out", str(out), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    (out / "models.py").write_text("edited by hand\n")  # so a run must rewrite it
    if obstacle == "validators.py":
        (out / "validators.py").unlink()
        (out / "validators.py").mkdir()
    elif obstacle == "docs":
        subprocess.run(["rm", "-r", str(out / "docs")], check=True)
        (out / "docs").write_text("a file\n")
    else:
        subprocess.run(["rm", "-r", str(out)], check=True)
        out.write_text("a file\n")
    before = snapshot(tmp_path)
    run = run_cli("generate", str(schema), "--out", str(out), cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("schemagen: error: ")
    assert "Traceback" not in run.stderr
    assert snapshot(tmp_path) == before


def test_the_cli_refuses_a_lone_surrogate_it_cannot_write(tmp_path: Path) -> None:
    schema = tmp_path / "s.json"
    schema.write_text('{"title": "S", "properties": {"\\ud800": {"type": "string"}}}')
    out = tmp_path / "out"
    run = run_cli("generate", str(schema), "--out", str(out), cwd=tmp_path)
    if run.returncode == 0:  # every target escaped it: then the output must be right
        assert "\\ud800" in (out / "validators.py").read_text()
    else:
        assert run.returncode == 2
        assert run.stderr.count("\n") == 1 and "U+D800" in run.stderr
        assert not out.exists()
