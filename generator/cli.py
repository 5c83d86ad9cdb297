"""Command line: argument parsing and exit codes only.

``schemagen generate [SCHEMA] [--out DIR] [--targets LIST] [--jobs N]``, ``schemagen check``,
``schemagen native [OUT]`` and ``schemagen validate``. Exit codes: 0 success, 1 stale output /
invalid instances, 2 bad usage or a schema the generator refuses (one line on stderr, never a
traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.config import Config, load_config
from generator.errors import GeneratorError
from generator.pipeline import generate, stderr_progress


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="schemagen",
        description="Generate dataclasses, validators and Markdown docs from a JSON Schema.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("generate", "render the targets into the output folder"),
        ("check", "exit 1 when the output folder is stale"),
    ):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("schema", nargs="?", type=Path, help="schema file (JSON or YAML)")
        sub.add_argument("--out", type=Path, help="output folder (default: from pyproject)")
        sub.add_argument(
            "--targets", help="comma-separated targets: docs,models,validators,pydantic"
        )
        sub.add_argument(
            "--ref-map",
            action="append",
            default=[],
            metavar="URL=DIR",
            help="resolve $ref URLs starting with URL from the local folder DIR",
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


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _add_validate_arguments(parser: argparse.ArgumentParser) -> None:
    from generator import validate_files

    validate_files.add_arguments(parser)


def _settings(
    args: argparse.Namespace, config: Config
) -> tuple[Path, Path, list[str], dict[str, Path]]:
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
    return schema, out, targets, ref_map


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            from generator import validate_files

            return validate_files.run(args)
        config = load_config()
        if args.command == "native":
            from generator import native

            written = native.build(args.out or config.out, progress=stderr_progress)
            print(f"schemagen: {len(written)} native files built: " + ", ".join(map(str, written)))
            return 0
        schema, out, targets, ref_map = _settings(args, config)
        check = args.command == "check"
        result = generate(
            schema,
            out,
            targets,
            ref_map=ref_map,
            options=config.options,
            dry_run=check,
            progress=stderr_progress,
            jobs=args.jobs,
        )
    except GeneratorError as exc:
        print(f"schemagen: error: {exc}", file=sys.stderr)
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
            print(f"schemagen: {out} is stale; run `make generate`:", file=sys.stderr)
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
