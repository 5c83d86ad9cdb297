"""Native builds: compile generated modules with mypyc into extension modules beside them.

``schemagen native [OUT]`` (and ``make native``) turns ``OUT/validators.py`` and
``OUT/models.py`` into C extension modules in the same folder; Python imports an extension
module before a ``.py`` of the same name, so nothing else changes. The ``.py`` files stay the
portable default (and what ``schemagen check`` compares); the built files are ignored by git,
and :func:`discard` removes those of a module whose source ``schemagen generate`` rewrote, so
a stale build is never imported.

mypyc is the compiler that ships with mypy; it compiles exactly the code that passes
``mypy --strict``, which the generated modules do. Each module is its own compilation group
(``separate=True``), so its extension and its runtime library both sit beside its source.
The build runs setuptools in a child process, in a temporary folder; only finished files are
moved into place. A missing mypy, C compiler or Python headers is one line (exit code 2).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from generator.errors import GeneratorError

#: the generated modules that are worth compiling, in build order
MODULES = ("validators", "models")

#: mypy options of the build: a generated function written in two forms (``if _NATIVE:`` /
#: ``else:``, see :func:`generator.compiler.codegen.two_forms`) is compiled in its first,
#: the interpreter's form being unreachable to mypyc
NATIVE_FLAGS = ("--always-true=_NATIVE",)

_SETUP = """\
import json
import sys
from setuptools import setup
from mypyc.build import mypycify

paths, target_dir, opt_level = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
del sys.argv[1:4]
setup(
    name="schemagen-native",
    ext_modules=mypycify(
        paths,
        opt_level=opt_level,
        debug_level="0" if opt_level == "0" else "1",
        separate=True,
        target_dir=target_dir,
    ),
)
"""


def extension_suffix() -> str:
    """The file name ending of this interpreter's extension modules (``.cpython-311-...so``)."""
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    return suffix if isinstance(suffix, str) and suffix else ".so"


def built_files(source: Path) -> list[Path]:
    """The extension module and mypyc runtime library built from ``source`` (if present)."""
    suffix = extension_suffix()
    stem = source.with_suffix("")
    return [p for p in (Path(f"{stem}{suffix}"), Path(f"{stem}__mypyc{suffix}")) if p.exists()]


def check_toolchain() -> None:
    """Raise :class:`GeneratorError` (one line) unless mypyc, a C compiler and headers exist."""
    if importlib.util.find_spec("mypyc") is None:
        raise GeneratorError("native builds need mypy (which ships mypyc): pip install mypy")
    if importlib.util.find_spec("setuptools") is None:
        raise GeneratorError("native builds need setuptools: pip install setuptools")
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        raise GeneratorError(f"native builds need a C compiler: {compiler!r} is not on PATH")
    include = sysconfig.get_paths()["include"]
    if not (Path(include) / "Python.h").is_file():
        raise GeneratorError(f"native builds need the Python headers: no Python.h in {include}")


def package_root(folder: Path) -> Path:
    """The folder from which ``folder``'s modules are imported (above its outermost package)."""
    root = folder.resolve()
    while (root / "__init__.py").is_file():
        root = root.parent
    return root


def build(
    folder: Path,
    modules: Sequence[str] = MODULES,
    *,
    opt_level: str = "3",
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Compile ``folder/<module>.py`` for each module present; return the files written.

    ``opt_level`` is mypyc's (and the C compiler's) optimisation level: ``"3"`` for use,
    ``"0"`` (also without debug information) builds several times faster, for tests.
    """
    check_toolchain()
    folder = folder.resolve()
    sources = [folder / f"{name}.py" for name in modules if (folder / f"{name}.py").is_file()]
    if not sources:
        wanted = ", ".join(f"{name}.py" for name in modules)
        raise GeneratorError(f"{folder}: nothing to compile (no {wanted}; run generate first)")
    root = package_root(folder)
    with tempfile.TemporaryDirectory(prefix="schemagen-native-") as tmp:
        work = Path(tmp)
        (work / "setup.py").write_text(_SETUP, encoding="utf-8")
        if progress is not None:
            names = ", ".join(p.name for p in sources)
            progress(f"compiling {names} with mypyc (a minute or more per module)")
        # A copy of the modules and their packages' __init__.py: setuptools and mypy then read
        # no configuration of the project around them.
        src = work / "src"
        relative = [p.relative_to(root) for p in sources]
        for path in [*relative, *_package_inits(folder, root)]:
            (src / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / path, src / path)
        command = [
            sys.executable,
            str(work / "setup.py"),
            json.dumps(
                ["--cache-dir", str(work / "mypy-cache"), *NATIVE_FLAGS, *map(str, relative)]
            ),
            str(work / "c"),
            opt_level,
            "build_ext",
            "--build-lib",
            str(work / "lib"),
            "--build-temp",
            str(work / "temp"),
            "--parallel",
            str(min(len(sources), os.cpu_count() or 1)),
        ]
        result = subprocess.run(
            command, cwd=src, capture_output=True, text=True, check=False, env=_environment()
        )
        if result.returncode != 0:
            raise GeneratorError(f"mypyc could not compile {folder}: {_first_error(result)}")
        return _install(work / "lib", root, sources)


def _package_inits(folder: Path, root: Path) -> list[Path]:
    inits = []
    while folder != root:
        inits.append((folder / "__init__.py").relative_to(root))
        folder = folder.parent
    return inits


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("MYPYPATH", None)  # the generated modules import nothing of the user's
    return env


def _first_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = (result.stdout + result.stderr).splitlines()
    for line in lines:
        if ": error:" in line or line.startswith("error:"):
            return line.strip()
    shown = [line.strip() for line in lines if line.strip()]
    return shown[-1] if shown else f"exit code {result.returncode}"


def _install(lib: Path, root: Path, sources: Iterable[Path]) -> list[Path]:
    """Move the built files beside their sources (each renamed into place whole)."""
    suffix = extension_suffix()
    written: list[Path] = []
    for source in sources:
        stem = source.relative_to(root).with_suffix("")
        for name in (f"{stem}{suffix}", f"{stem}__mypyc{suffix}"):
            built = lib / name
            if not built.is_file():
                continue
            target = root / name
            partial = target.with_name(target.name + ".partial")
            shutil.copyfile(built, partial)
            os.replace(partial, target)
            written.append(target)
        if not (root / f"{stem}{suffix}").is_file():
            raise GeneratorError(f"mypyc built no extension module for {source}")
    return written


def discard(folder: Path, rewritten: Iterable[str]) -> list[Path]:
    """Remove the native builds of modules among ``rewritten`` (names relative to ``folder``).

    Called after ``generate`` rewrote files: an extension module built from the old source
    would otherwise be imported instead of the new ``.py``.
    """
    removed: list[Path] = []
    for name in rewritten:
        source = folder / name
        if source.suffix != ".py" or source.stem not in MODULES:
            continue
        for path in built_files(source):
            path.unlink()
            removed.append(path)
    return removed


def is_native(module: object) -> bool:
    """Whether an imported module is a compiled extension (not its ``.py`` source)."""
    filename = getattr(module, "__file__", None) or ""
    return filename.endswith(extension_suffix())
