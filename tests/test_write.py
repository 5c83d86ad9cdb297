"""The writer: atomic, deterministic, tidy, and never outside its folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import write as writer
from generator.errors import GeneratorError


def test_writes_then_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    files = {"a.py": "A\n", "docs/b.md": "B"}
    first = writer.write(tmp_path, files)
    assert sorted(first.written) == [writer.MANIFEST, "a.py", "docs/b.md"]
    stamp = 1_000_000_000
    os.utime(tmp_path / "a.py", (stamp, stamp))
    second = writer.write(tmp_path, {"a.py": "A\n", "docs/b.md": "B2"})
    assert second.written == ["docs/b.md"]
    assert second.unchanged == ["a.py"]
    assert (tmp_path / "a.py").stat().st_mtime == stamp
    assert (tmp_path / "docs/b.md").read_text() == "B2"


def test_removes_only_files_it_generated(tmp_path: Path) -> None:
    writer.write(tmp_path, {"a.py": "A", "docs/old.md": "old"})
    (tmp_path / "docs/user-notes.md").write_text("mine")
    changes = writer.write(tmp_path, {"a.py": "A"})
    assert changes.removed == ["docs/old.md"]
    assert not (tmp_path / "docs/old.md").exists()
    assert (tmp_path / "docs/user-notes.md").read_text() == "mine"


def test_failure_while_staging_leaves_the_folder_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer.write(tmp_path, {"a.py": "old A", "b.py": "old B"})
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_write = os.write
    calls = 0

    def failing_write(fd: int, data: bytes) -> int:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(writer.os, "write", failing_write)
    with pytest.raises(GeneratorError, match="b.py: No space left"):
        writer.write(tmp_path, {"a.py": "new A", "b.py": "new B"})
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before, "no file changed and no temporary file left behind"


@pytest.mark.parametrize("bad", ["../x.py", "/etc/passwd", "a/../../x", "a\\b", "", "a//b"])
def test_paths_outside_the_folder_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(GeneratorError, match="refusing"):
        writer.write(tmp_path / "out", {bad: "x"})
    assert not (tmp_path / "x.py").exists()


def test_symlinks_are_never_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "docs").symlink_to(outside)
    with pytest.raises(GeneratorError, match="symbolic link"):
        writer.write(out, {"docs/page.md": "x"})
    assert list(outside.iterdir()) == []


def test_manifest_entries_leaving_the_folder_are_ignored(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / writer.MANIFEST).write_text('{"files": ["../victim.txt"]}')
    writer.write(out, {"a.py": "A"})
    assert victim.read_text() == "keep"


def test_plan_reports_staleness_without_writing(tmp_path: Path) -> None:
    writer.write(tmp_path, {"a.py": "A"})
    assert not writer.plan(tmp_path, {"a.py": "A"}).stale
    changes = writer.plan(tmp_path, {"a.py": "B"})
    assert changes.stale and changes.written == ["a.py"]
    assert (tmp_path / "a.py").read_text() == "A"


def test_new_files_follow_the_umask_and_rewritten_files_keep_their_mode(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        writer.write(tmp_path, {"a.py": "A", "docs/b.md": "B"})
        assert (tmp_path / "a.py").stat().st_mode & 0o777 == 0o644
        assert (tmp_path / "docs/b.md").stat().st_mode & 0o777 == 0o644
        (tmp_path / "a.py").chmod(0o600)
        writer.write(tmp_path, {"a.py": "A2", "docs/b.md": "B"})
        assert (tmp_path / "a.py").read_text() == "A2"
        assert (tmp_path / "a.py").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old_umask)


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def one_byte_at_a_time(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data[:1]))

    monkeypatch.setattr(writer.os, "write", one_byte_at_a_time)
    writer.write(tmp_path, {"a.py": "héllo\n"})
    assert (tmp_path / "a.py").read_text(encoding="utf-8") == "héllo\n"


def test_many_files_in_nested_folders_then_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    files = {f"docs/{i % 7}/page{i}.md": f"page {i}" for i in range(200)}
    writer.write(tmp_path, files)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.md")) == sorted(
        files
    )
    assert not list(tmp_path.rglob("*.tmp")), "no temporary file is left behind"
    outside = tmp_path.parent / (tmp_path.name + "-outside")
    outside.mkdir()
    (tmp_path / "docs/3").rename(tmp_path / "moved")
    (tmp_path / "docs/3").symlink_to(outside)
    with pytest.raises(GeneratorError, match="symbolic link"):
        writer.write(tmp_path, {**files, "docs/3/page3.md": "changed"})
    assert list(outside.iterdir()) == []


def test_staging_in_batches_commits_like_one_write(tmp_path: Path) -> None:
    files = {"a.py": "A", "docs/b.md": "B", "docs/deep/c.md": "C"}
    staging = writer.Staging(tmp_path / "batched")
    staging.stage({"docs/b.md": "B", "docs/deep/c.md": "C"})
    assert not (tmp_path / "batched/docs/b.md").exists(), "nothing is in place before commit"
    batched = staging.commit(files)
    whole = writer.write(tmp_path / "whole", files)
    assert batched == whole
    for name in files:
        assert (tmp_path / "batched" / name).read_text() == files[name]
    assert not list((tmp_path / "batched").rglob("*.tmp"))


def test_aborted_staging_leaves_no_trace(tmp_path: Path) -> None:
    writer.write(tmp_path, {"a.py": "old"})
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    staging = writer.Staging(tmp_path)
    staging.stage({"a.py": "new", "docs/deep/page.md": "x"})
    staging.abort()
    after = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert after == before, "temporaries and the folders staging created are gone"
    assert (tmp_path / "a.py").read_text() == "old"
