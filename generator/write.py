"""The writer: put rendered files on disk atomically, deterministically, and tidily.

* Nothing is written until every file has been rendered (the caller renders in memory).
* Changed files are first written next to their destination as temporary files; only when all
  of them exist are they renamed into place. A failure while staging removes the temporaries
  and leaves the output folder as it was.
* Files whose bytes did not change are not touched, so their mtimes stay (``make`` stays a
  no-op on an unchanged schema).
* New files get the usual permissions (``0o666`` less the umask); a regenerated file keeps the
  mode it had.
* A manifest (``.schemagen-manifest.json``) lists what the generator wrote; a file listed there
  that the new run does not produce is removed. Files the generator did not write are never
  deleted, and no path may leave the output folder (``..``, absolute paths, symlinks).

The per-file work uses plain ``os`` calls on string paths and checks each folder for symbolic
links once, not once per file: with thousands of pages the writer was a third of a run.
"""

from __future__ import annotations

import itertools
import json
import os
import stat
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
    if (
        not path
        or "\\" in path
        or "\x00" in path
        or path.startswith("/")
        or any(part in ("..", ".", "") for part in path.split("/"))
    ):
        raise GeneratorError(f"refusing to write outside the output folder: {path!r}")
    return PurePosixPath(path)


class _Folder:
    """String paths under the output folder, with every folder checked for symlinks once."""

    def __init__(self, out: Path) -> None:
        self.root = os.fspath(out)
        self._checked: set[str] = set()

    def destination(self, name: str) -> str:
        """The file's path; refuses ``name`` if it leaves the folder or passes a symlink."""
        safe_relative(name)
        parts = name.split("/")
        current = self.root
        for index, part in enumerate(parts):
            current = os.path.join(current, part)
            last = index == len(parts) - 1
            if not last and current in self._checked:
                continue
            if os.path.islink(current):
                raise GeneratorError(f"refusing to write through a symbolic link: {current}")
            if not last:
                self._checked.add(current)
        return current


def read_manifest(out: Path) -> list[str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, ValueError):
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


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None


def _compare(folder: _Folder, files: Mapping[str, str], out: Path) -> tuple[Changes, list[str]]:
    """The changes, and the destination of each name in ``changes.written`` (same order)."""
    changes = Changes()
    targets: list[str] = []
    for name in sorted(files):
        target = folder.destination(name)
        if _read(target) == files[name].encode("utf-8"):
            changes.unchanged.append(name)
        else:
            changes.written.append(name)
            targets.append(target)
    for name in read_manifest(out):
        if name not in files and os.path.isfile(folder.destination(name)):
            changes.removed.append(name)
    manifest = folder.destination(MANIFEST)
    current = _read(manifest)
    if current != _manifest_text(files).encode("utf-8") and (files or current is not None):
        changes.written.append(MANIFEST)
        targets.append(manifest)
    return changes, targets


def plan(out: Path, files: Mapping[str, str]) -> Changes:
    """Compare rendered ``files`` with the output folder, without writing."""
    changes, _ = _compare(_Folder(out), files, out)
    return changes


_temporary_names = itertools.count()


def _stage(target: str, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``target``; return its path."""
    folder, name = os.path.split(target)
    while True:
        temporary = os.path.join(folder, f".{name}.{os.getpid()}.{next(_temporary_names)}.tmp")
        try:
            # 0o666 is narrowed by the umask, like any file the user creates.
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            pass
        else:
            os.chmod(handle, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    except BaseException:
        os.close(handle)
        os.unlink(temporary)
        raise
    os.close(handle)
    return temporary


def write(out: Path, files: Mapping[str, str]) -> Changes:
    """Write ``files`` under ``out`` atomically; see the module docstring."""
    folder = _Folder(out)
    changes, targets = _compare(folder, files, out)
    contents = [
        (_manifest_text(files) if name == MANIFEST else files[name]).encode("utf-8")
        for name in changes.written
    ]
    staged: list[tuple[str, str]] = []
    made: set[str] = set()
    try:
        for target, data in zip(targets, contents, strict=True):
            parent = os.path.dirname(target)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            staged.append((_stage(target, data), target))
    except BaseException:
        for temporary, _ in staged:
            try:
                os.unlink(temporary)
            except FileNotFoundError:
                pass
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
    for name in changes.removed:
        stale = folder.destination(name)
        try:
            os.unlink(stale)
        except FileNotFoundError:
            pass
        _remove_empty_parents(Path(stale).parent, out)
    return changes


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
