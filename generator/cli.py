"""Command line: every subcommand's arguments, progress lines and exit codes; the work is elsewhere.

``schemagen generate [SCHEMA] [--out DIR] [--targets LIST] [--templates DIR] [--jobs N]``,
``schemagen check``, ``schemagen native [OUT]``, ``schemagen validate`` and ``schemagen
--version``. Exit codes: 0 success, 1 stale output / invalid instances, 2 bad usage or a schema
the generator refuses (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from generator.config import Config, find_pyproject, load_config
from generator.errors import GeneratorError, one_line
from generator.pipeline import generate
from generator.targets import DEFAULT_TARGETS, TARGETS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="schemagen",
        description="Generate dataclasses, validators and Markdown docs from a JSON Schema.",
    )
    parser.add_argument("--version", action="version", version=f"schemagen {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("generate", "render the targets into the output folder"),
        ("check", "exit 1 when the output folder is stale"),
    ):
        sub = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=_epilog(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("schema", nargs="?", type=Path, help="schema file (JSON or YAML)")
        sub.add_argument("--out", type=Path, help="output folder (default: generated)")
        sub.add_argument(
            "--targets",
            help=f"comma-separated targets (default: {','.join(DEFAULT_TARGETS)})",
        )
        sub.add_argument(
            "--templates",
            type=Path,
            metavar="DIR",
            help="folder of <target>/<name> templates that replace ours of the same name",
        )
        sub.add_argument(
            "--ref-map",
            action="append",
            default=[],
            metavar="URL=DIR",
            help="resolve $ref URLs starting with URL from the local folder DIR",
        )
        sub.add_argument(
            "--docs-config",
            type=Path,
            metavar="GEN_YAML",
            help="read the docs settings from a Speakeasy gen.yaml",
        )
        sub.add_argument(
            "--jobs",
            type=_positive,
            metavar="N",
            help="render targets in up to N processes (default: the CPUs, for big schemas)",
        )
    native = commands.add_parser(
        "native",
        help="compile the generated validators and models with mypyc (C extension modules)",
        description="Compile OUT/validators.py and OUT/models.py with mypyc into extension "
        "modules beside them (imported instead of the .py files; the .py stay the default).",
    )
    native.add_argument("out", nargs="?", type=Path, help="output folder (default: from pyproject)")
    validate = commands.add_parser(
        "validate",
        help="validate JSON or JSONL files against a schema",
        description="Validate JSON documents and JSONL streams against a schema.",
    )
    _add_validate_arguments(validate)
    return parser


def _version() -> str:
    try:
        return metadata.version("schemagen")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _epilog() -> str:
    """The targets, and where the defaults come from (shown by ``--help``)."""
    width = max(map(len, TARGETS))
    lines = ["targets:"]
    lines += [f"  {name:<{width}}  {target.summary}" for name, target in TARGETS.items()]
    pyproject = find_pyproject(Path.cwd().resolve())
    found = f"here: {pyproject}" if pyproject is not None else "none found from here"
    lines += [
        "",
        "defaults: SCHEMA, --out, --targets, --ref-map and --templates default to the keys",
        "schema, out, targets, ref_map and templates of [tool.schemagen] in the nearest",
        f"pyproject.toml at or above the working folder ({found});",
        "paths there are relative to that file. Options given here win.",
    ]
    return "\n".join(lines)


def stderr_progress(message: str) -> None:
    """Progress of long work, for a person watching a terminal (silent when piped)."""
    if sys.stderr.isatty():
        print(f"schemagen: {message}…", file=sys.stderr, flush=True)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _add_validate_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``validate`` command's options (its engine is :mod:`generator.validate_files`)."""
    from generator.compiler.api import PATTERN_TIMEOUT

    parser.add_argument("files", nargs="+", metavar="FILE", help="JSON or JSONL files; - = stdin")
    parser.add_argument("--schema", required=True, type=Path, help="the schema file")
    parser.add_argument(
        "--def",
        dest="definition",
        metavar="NAME",
        help="validate against $defs/NAME (or definitions/NAME) instead of the root",
    )
    parser.add_argument("--format", dest="output_format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--jobs",
        "--workers",
        dest="jobs",
        type=_positive,
        default=1,
        metavar="N",
        help="validate JSONL streams with N processes (output order is kept); with --dask "
        "local, the size of the local cluster (--workers: the same, its old spelling)",
    )
    parser.add_argument(
        "--jsonl", action="store_true", help="read standard input (-) as JSONL, not one document"
    )
    parser.add_argument(
        "--pattern-timeout",
        type=_seconds,
        default=PATTERN_TIMEOUT,
        metavar="SECONDS",
        help=f"time one pattern match may take before it counts as an error "
        f"(default {PATTERN_TIMEOUT:g}; 0: no limit)",
    )
    parser.add_argument(
        "--assert-formats",
        action="store_true",
        help="treat 'format' as an assertion (date-time, email, uri, ...), not an annotation",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="validate on the Dask cluster at ADDRESS (tcp://host:8786, or local for a "
        "LocalCluster); needs schemagen[dask]",
    )


def _seconds(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds (0: none), got {text!r}")
    return value or None


def _settings(
    args: argparse.Namespace, config: Config
) -> tuple[Path, Path, list[str], dict[str, Path], Path | None]:
    schema = args.schema or config.schema
    if schema is None:
        raise GeneratorError("no schema given and none set in [tool.schemagen] schema")
    out = args.out or config.out
    targets = (
        [t.strip() for t in args.targets.split(",") if t.strip()]
        if args.targets
        else list(config.targets)
    )
    ref_map = dict(config.ref_map)
    for item in args.ref_map:
        url, sep, folder = item.partition("=")
        if not sep or not url or not folder:
            raise GeneratorError(f"--ref-map expects URL=DIR, got {item!r}")
        ref_map[url] = Path(folder)
    return schema, out, targets, ref_map, args.templates or config.templates


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            if args.dask is not None:
                from generator import distributed

                return distributed.run(args)
            from generator import validate_files

            return validate_files.run(args)
        config = load_config()
        if args.command == "native":
            from generator import native

            written = native.build(args.out or config.out, progress=stderr_progress)
            print(f"schemagen: {len(written)} native files built: " + ", ".join(map(str, written)))
            return 0
        schema, out, targets, ref_map, templates = _settings(args, config)
        check = args.command == "check"
        options = dict(config.options)
        if args.docs_config is not None:
            from generator.config import read_docs_config

            options.update(read_docs_config(args.docs_config))
        result = generate(
            schema,
            out,
            targets,
            ref_map=ref_map,
            options=options,
            dry_run=check,
            progress=stderr_progress,
            jobs=args.jobs,
            templates=templates,
        )
    except GeneratorError as exc:
        print(one_line(f"schemagen: error: {exc}"), file=sys.stderr)
        return 2
    except RecursionError:
        where = f"{args.schema}: " if getattr(args, "schema", None) else ""
        print(
            f"schemagen: error: {where}the schema nests too deeply to process "
            f"(more levels than Python's recursion limit of {sys.getrecursionlimit()})",
            file=sys.stderr,
        )
        return 2
    if check:
        changes = result.changes
        if changes.stale:
            print(f"schemagen: {out} is stale; run `schemagen generate`:", file=sys.stderr)
            for name in changes.written:
                print(f"  changed: {name}", file=sys.stderr)
            for name in changes.removed:
                print(f"  no longer generated: {name}", file=sys.stderr)
            return 1
        print(f"schemagen: {out} is up to date ({len(result.files)} files)")
        return 0
    print(f"schemagen: {result.summary()}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
