"""The writer: put rendered files on disk atomically, deterministically, and tidily.

* Nothing is written until every file has been rendered (the caller renders in memory).
* Changed files are first written next to their destination as temporary files; only when all
  of them exist are they renamed into place. A failure while staging removes the temporaries
  and leaves the output folder as it was.
* Files whose bytes did not change are not touched, so their mtimes stay (``make`` stays a
  no-op on an unchanged schema).
* A manifest (``.schemagen-manifest.json``) lists what the generator wrote; a file listed there
  that the new run does not produce is removed. Files the generator did not write are never
  deleted, and no path may leave the output folder (``..``, absolute paths, symlinks).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.errors import GeneratorError

MANIFEST = ".schemagen-manifest.json"


@dataclass
class Changes:
    """What a run would change (``check``) or changed (``write``) in the output folder."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return bool(self.written or self.removed)


def safe_relative(path: str) -> PurePosixPath:
    """Validate a path a target produced: relative, forward slashes, no ``..``."""
    pure = PurePosixPath(path)
    if (
        not path
        or "\\" in path
        or "\x00" in path
        or pure.is_absolute()
        or any(part in ("..", ".", "") for part in path.split("/"))
    ):
        raise GeneratorError(f"refusing to write outside the output folder: {path!r}")
    return pure


def _destination(out: Path, relative: PurePosixPath) -> Path:
    target = out.joinpath(*relative.parts)
    current = out
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            raise GeneratorError(f"refusing to write through a symbolic link: {current}")
    return target


def read_manifest(out: Path) -> list[str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return []
    files = data.get("files", []) if isinstance(data, dict) else []
    result = []
    for name in files:
        if isinstance(name, str):
            try:
                safe_relative(name)
            except GeneratorError:
                continue
            result.append(name)
    return result


def _manifest_text(files: Mapping[str, str]) -> str:
    return json.dumps({"generator": "schemagen", "files": sorted(files)}, indent=2) + "\n"


def plan(out: Path, files: Mapping[str, str]) -> Changes:
    """Compare rendered ``files`` with the output folder, without writing."""
    changes = Changes()
    for name in sorted(files):
        target = _destination(out, safe_relative(name))
        try:
            same = target.read_bytes() == files[name].encode("utf-8")
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            same = False
        (changes.unchanged if same else changes.written).append(name)
    for name in read_manifest(out):
        if name not in files and (out / name).is_file():
            changes.removed.append(name)
    manifest = out / MANIFEST
    expected = _manifest_text(files)
    if not manifest.is_file() or manifest.read_text(encoding="utf-8") != expected:
        if files:
            changes.written.append(MANIFEST)
    return changes


def write(out: Path, files: Mapping[str, str]) -> Changes:
    """Write ``files`` under ``out`` atomically; see the module docstring."""
    all_files = dict(files)
    all_files[MANIFEST] = _manifest_text(files)
    changes = plan(out, files)
    staged: list[tuple[Path, Path]] = []
    try:
        for name in changes.written:
            target = _destination(out, safe_relative(name))
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            staged.append((Path(temp_name), target))
            with os.fdopen(handle, "wb") as stream:
                stream.write(all_files[name].encode("utf-8"))
    except BaseException:
        for staged_file, _ in staged:
            staged_file.unlink(missing_ok=True)
        raise
    for staged_file, destination in staged:
        os.replace(staged_file, destination)
    for name in changes.removed:
        stale = _destination(out, safe_relative(name))
        stale.unlink(missing_ok=True)
        _remove_empty_parents(stale.parent, out)
    return changes


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
