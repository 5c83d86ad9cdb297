"""Compare our docs pages with Speakeasy's real pages in ``../shared/speakeasy/<sdk>/``.

The comparison rule is the corpus README's: outside code blocks and in the ``## Values``
block, byte for byte; in the Example Usage and Supported Types blocks, only the import line,
the statement head (``let value: Name =``), ``//`` comment lines and the keys of the top-level
object literal, in order (Speakeasy invents the literal values).

Also a script to iterate with::

    .venv/bin/python -m tests.speakeasy_corpus            # figures for every SDK
    .venv/bin/python -m tests.speakeasy_corpus dub -n 5   # and the diffs of 5 differing pages
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.config import read_docs_config
from generator.load import load_schema
from generator.pipeline import render_all

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "speakeasy"
SDKS = ("dub", "novu", "mistral", "bluesky")

_FENCE = re.compile(r"^```")
_KEY = re.compile(r'^  (?:"((?:[^"\\]|\\.)*)"|([A-Za-z_$][\w$]*)):')
_HEAD = re.compile(r"^(?:let|const) value: .*? =")


def spec_path(sdk: str) -> Path:
    folder = CORPUS / sdk
    return next(p for p in (folder / "openapi.yaml", folder / "openapi.json") if p.is_file())


def render_sdk(sdk: str) -> dict[str, str]:
    """Our pages for one SDK: file name → text."""
    folder = CORPUS / sdk
    options = read_docs_config(folder / "gen.yaml")
    files = render_all(load_schema(spec_path(sdk)), ["docs"], options=options, jobs=1)
    return {Path(name).name: text for name, text in files.items() if name.endswith(".md")}


def real_pages(sdk: str) -> dict[str, str]:
    folder = CORPUS / sdk / "components"
    return {p.name: p.read_bytes().decode("utf-8") for p in sorted(folder.glob("*.md"))}


def comparable(page: str) -> list[str]:
    """The parts of a page the rule compares, one string per line or summary line."""
    out: list[str] = []
    section = ""
    lines = page.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if not _FENCE.match(line):
            if line.startswith("## "):
                section = line
            out.append(line)
            index += 1
            continue
        block: list[str] = []
        index += 1
        while index < len(lines) and not _FENCE.match(lines[index]):
            block.append(lines[index])
            index += 1
        closing = lines[index] if index < len(lines) else "<unclosed>"
        index += 1
        out.append(line)
        if section == "## Values":
            out.extend(block)
        else:
            out.extend(_usage_summary(block))
        out.append(closing)
    return out


def _usage_summary(block: list[str]) -> list[str]:
    out: list[str] = []
    in_object = False
    for line in block:
        if line.startswith("import ") or line.startswith("//"):
            out.append(line)
            continue
        head = _HEAD.match(line)
        if head:
            out.append(head.group(0))
            in_object = line.endswith("{")
            if in_object:
                out.append("  {")
            continue
        if in_object:
            key = _KEY.match(line)
            if key:
                out.append(f"  key {key.group(1) if key.group(1) is not None else key.group(2)}")
            elif line.startswith("}"):
                in_object = False
    return out


@dataclass(frozen=True)
class Figures:
    sdk: str
    real: int
    same_name: int
    identical: int
    differing: tuple[str, ...]
    missing: tuple[str, ...]
    extra: tuple[str, ...]

    def line(self) -> str:
        return (
            f"{self.sdk}: Speakeasy wrote {self.real} pages, we wrote {self.same_name} under the "
            f"same name ({_pct(self.same_name, self.real)}), {self.identical} identical "
            f"({_pct(self.identical, self.real)}); {len(self.extra)} extra pages of ours"
        )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def compare(sdk: str, ours: Mapping[str, str], real: Mapping[str, str]) -> Figures:
    same = sorted(set(ours) & set(real))
    differing = tuple(n for n in same if comparable(ours[n]) != comparable(real[n]))
    return Figures(
        sdk=sdk,
        real=len(real),
        same_name=len(same),
        identical=len(same) - len(differing),
        differing=differing,
        missing=tuple(sorted(set(real) - set(ours))),
        extra=tuple(sorted(set(ours) - set(real))),
    )


def diff(ours: str, real: str, name: str) -> str:
    return "\n".join(
        difflib.unified_diff(
            comparable(real), comparable(ours), f"speakeasy/{name}", f"ours/{name}", lineterm=""
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sdks", nargs="*", default=list(SDKS))
    parser.add_argument("-n", type=int, default=0, help="show the diffs of N differing pages")
    parser.add_argument("--names", action="store_true", help="list missing and extra pages")
    parser.add_argument("--page", help="show the diff of this page only")
    args = parser.parse_args()
    for sdk in args.sdks:
        ours, real = render_sdk(sdk), real_pages(sdk)
        figures = compare(sdk, ours, real)
        print(figures.line())
        if args.names:
            print("  missing:", " ".join(figures.missing))
            print("  extra:  ", " ".join(figures.extra))
        chosen = [args.page] if args.page else list(figures.differing[: args.n])
        for name in chosen:
            if name in ours and name in real:
                print(diff(ours[name], real[name], name))
            else:
                print(f"{name}: ours {name in ours}, theirs {name in real}")


if __name__ == "__main__":
    main()
