"""The writer: put rendered files on disk atomically, deterministically, and tidily.

* Changed files are first written next to their destination as temporary files (possibly in
  batches, while other targets are still rendering: :class:`Staging`); only when every file
  has been rendered and staged are they renamed into place. Staging checks every destination
  (a folder where a file goes, a file where a folder goes, text UTF-8 cannot encode) and a
  failure there removes the temporaries. Each file replaced is first linked to a backup
  name, each stale file renamed to one, so a failure while renaming (a full disk, a
  permission, anything) puts every replaced and removed file back: whatever fails, and
  whenever, the output folder is as it was, byte for byte. Every failure is a
  :class:`~generator.errors.GeneratorError` naming the path.
* Files whose bytes did not change are not touched, so their mtimes stay (``make`` stays a
  no-op on an unchanged schema).
* New files get the usual permissions (``0o666`` less the umask); a regenerated file keeps the
  mode it had.
* A manifest (``.schemagen-manifest.json``) lists what the generator wrote; a file listed there
  that the new run does not produce is removed. Files the generator did not write are never
  deleted, and no path may leave the output folder (``..``, absolute paths, symlinks).

The per-file work uses plain ``os`` calls on string paths and checks each folder for symbolic
links once, not once per file; in a folder the run created (empty then) files are written
without looking for old ones.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

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


def check_relative(path: str) -> None:
    """Refuse a path that is not relative, with forward slashes and no ``..``."""
    if (
        not path
        or "\\" in path
        or "\x00" in path
        or path.startswith("/")
        or any(part in ("..", ".", "") for part in path.split("/"))
    ):
        raise GeneratorError(f"refusing to write outside the output folder: {path!r}")


class _Folder:
    """String paths under the output folder, with every folder checked for symlinks once."""

    def __init__(self, out: Path) -> None:
        self.root = os.fspath(out)
        self._checked: set[str] = set()
        #: folders this run created, parents first: empty then, so no symlink (nor any old
        #: file) is in them
        self.made: dict[str, None] = {}

    def destination(self, name: str) -> str:
        """The file's path; refuses ``name`` if it leaves the folder or passes a symlink."""
        check_relative(name)
        folder, _, base = name.rpartition("/")
        folder = os.path.join(self.root, folder) if folder else self.root
        if folder in self.made:
            return os.path.join(folder, base)
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
                check_relative(name)
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
    except OSError as exc:
        raise _failure("cannot read", path, exc) from None


def _failure(what: str, path: str, exc: OSError) -> GeneratorError:
    return GeneratorError(f"{what} {path}: {exc.strerror or exc}")


def _encoded(name: str, text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(text[exc.start])
        line = text.count("\n", 0, exc.start) + 1
        raise GeneratorError(
            f"cannot write {name}: line {line} holds U+{code:04X}, a lone surrogate that "
            "UTF-8 cannot encode (it came from the schema's text)"
        ) from None


def _removed(folder: _Folder, files: Mapping[str, str], out: Path) -> list[str]:
    """Files the manifest lists that this run no longer produces (and that still exist)."""
    return [
        name
        for name in read_manifest(out)
        if name not in files and os.path.isfile(folder.destination(name))
    ]


def _new_manifest(folder: _Folder, files: Mapping[str, str]) -> bytes | None:
    """The manifest's new bytes, or ``None`` if it is current (or nothing needs one)."""
    manifest = _manifest_text(files).encode("utf-8")
    current = _read(folder.destination(MANIFEST))
    return manifest if current != manifest and (files or current is not None) else None


def plan(out: Path, files: Mapping[str, str]) -> Changes:
    """Compare rendered ``files`` with the output folder, without writing."""
    folder = _Folder(out)
    changes = Changes()
    for name in sorted(files):
        same = _read(folder.destination(name)) == _encoded(name, files[name])
        (changes.unchanged if same else changes.written).append(name)
    changes.removed = _removed(folder, files, out)
    if _new_manifest(folder, files) is not None:
        changes.written.append(MANIFEST)
    return changes


_temporary_names = itertools.count()


def _stage(target: str, data: bytes, *, new: bool = False) -> str:
    """Write ``data`` to a new temporary file beside ``target``; return its path. (``new``:
    no file is at ``target``, whose mode the temporary would otherwise take.)"""
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
            mode = None if new else stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = None
        if mode is not None:
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


class Staging:
    """One atomic write of the output folder, which may be staged in several batches.

    :meth:`stage` compares a batch of files with the folder and writes a temporary file beside
    each one that changed; :meth:`commit` stages the rest, then renames every temporary into
    place and removes what the manifest lists but this run no longer produces; :meth:`abort`
    removes the temporaries (and any folder it created that is left empty). Until
    :meth:`commit` renames, the output folder's files are as they were. Staging in batches
    lets the pipeline write the files it has while other processes still render theirs.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        self.root_name = os.fspath(out)
        self._folder = _Folder(out)
        #: name -> (temporary, destination, whether no file was there when staged)
        self._staged: dict[str, tuple[str, str, bool]] = {}
        self._unchanged: set[str] = set()
        self._known_folders: set[str] = set()

    def stage(self, files: Mapping[str, str]) -> None:
        for name in sorted(files):
            if name in self._staged or name in self._unchanged:
                continue
            self._stage_one(name, _encoded(name, files[name]))

    def _stage_one(self, name: str, data: bytes) -> None:
        target = self._folder.destination(name)
        folder = os.path.dirname(target)
        self._make_folder(folder)
        new = folder in self._folder.made  # (nothing was there: no old file to compare)
        if not new:
            if os.path.lexists(target) and not os.path.isfile(target):
                raise GeneratorError(f"cannot write {target}: something other than a file is there")
            if _read(target) == data:
                self._unchanged.add(name)
                return
        try:
            self._staged[name] = (_stage(target, data, new=new), target, new)
        except OSError as exc:
            raise _failure("cannot write", target, exc) from None

    def _make_folder(self, folder: str) -> None:
        if folder in self._known_folders:
            return
        missing = []
        current = folder
        while current and not os.path.isdir(current):
            if os.path.lexists(current):
                raise GeneratorError(f"cannot make the folder {current}: a file is in the way")
            missing.append(current)
            current = os.path.dirname(current)
        for made in reversed(missing):
            try:
                os.mkdir(made)
            except OSError as exc:
                raise _failure("cannot make the folder", made, exc) from None
            self._folder.made[made] = None
        self._known_folders.add(folder)

    def commit(self, files: Mapping[str, str]) -> Changes:
        """Stage what is left of ``files``, then put everything in place."""
        self.stage(files)
        for name in self._staged:
            if name not in files:
                raise GeneratorError(f"staged {name!r}, which the run did not produce")
        changes = Changes(
            written=sorted(self._staged),
            unchanged=sorted(self._unchanged),
            removed=_removed(self._folder, files, self.out),
        )
        manifest = _new_manifest(self._folder, files)
        if manifest is not None:
            self._stage_one(MANIFEST, manifest)
            changes.written.append(MANIFEST)
        stale = [self._folder.destination(name) for name in changes.removed]
        self._replace(stale)
        for path in stale:
            _remove_empty_parents(Path(path).parent, self.out)
        return changes

    def _replace(self, stale: list[str]) -> None:
        """Rename every staged file into place and remove ``stale``, or, failing anywhere,
        put back everything replaced or removed (then raise)."""
        replaced: list[tuple[str, str | None]] = []  # (target, its backup; None: was new)
        removed: list[tuple[str, str]] = []  # (stale file, its backup)
        current = self.root_name
        try:
            for temporary, target, new in self._staged.values():
                current = target
                backup = None if new else _backup(target, keep=True)
                try:
                    os.replace(temporary, target)
                except BaseException:
                    if backup is not None:
                        _discard(backup)
                    raise
                replaced.append((target, backup))
            for path in stale:
                current = path
                backup = _backup(path, keep=False)
                if backup is not None:
                    removed.append((path, backup))
        except BaseException as exc:
            undo: list[tuple[str | None, str]] = [(b, path) for path, b in reversed(removed)]
            undo += [(old, target) for target, old in reversed(replaced)]
            for old, path in undo:
                try:
                    if old is None:
                        os.unlink(path)
                    else:
                        os.replace(old, path)
                except OSError:  # pragma: no cover - nothing better to do than go on
                    pass
            if isinstance(exc, OSError):
                raise _failure("cannot write", current, exc) from None
            raise
        finally:
            # (the temporaries not renamed yet; :meth:`abort` then removes the folders)
            for temporary, _, _ in itertools.islice(self._staged.values(), len(replaced), None):
                if os.path.lexists(temporary):
                    _discard(temporary)
            self._staged.clear()
        for _, backup in replaced:
            if backup is not None:
                _discard(backup)
        for _, backup in removed:
            _discard(backup)

    def abort(self) -> None:
        """Remove every temporary file, and the folders staging created that are now empty."""
        for temporary, _, _ in self._staged.values():
            try:
                os.unlink(temporary)
            except FileNotFoundError:
                pass
        self._staged.clear()
        for folder in reversed(self._folder.made):
            try:
                os.rmdir(folder)
            except OSError:
                pass
        self._folder.made.clear()


def _backup(path: str, *, keep: bool) -> str | None:
    """A second name for the file at ``path`` (a hard link when ``keep``, else the file moved
    there), in its folder; ``None`` when there is no file."""
    if not os.path.lexists(path):
        return None
    folder, name = os.path.split(path)
    while True:
        backup = os.path.join(folder, f".{name}.{os.getpid()}.{next(_temporary_names)}.old")
        if not os.path.lexists(backup):
            break
    if not keep:
        os.replace(path, backup)
        return backup
    try:
        os.link(path, backup)
    except OSError:  # no hard links here: a copy (same bytes and mode)
        shutil.copy2(path, backup)
    return backup


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write(out: Path, files: Mapping[str, str]) -> Changes:
    """Write ``files`` under ``out`` atomically; see the module docstring."""
    staging = Staging(out)
    try:
        return staging.commit(files)
    except BaseException:
        staging.abort()
        raise


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
