"""Long lines of generated code laid out by ruff: the result is what `ruff format` keeps."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import pylayout
from generator.errors import GeneratorError
from generator.pylayout import LONG, WIDTH, finish, mark

_RUFF = [sys.executable, "-m", "ruff"]

_LONG_STATEMENTS = [
    # annotations, calls, subscripts, conditions, headers: the shapes the targets write
    "    details: ToolsOzoneModerationDefsImageDetails | ToolsOzoneModerationDefsVideoDetails"
    " | Unset = UNSET",
    "_ENUM_partner_application_submitted_event_event: Final[dict[str, "
    "PartnerApplicationSubmittedEventEvent]] = {m.value: m for m in "
    "PartnerApplicationSubmittedEventEvent}",
    "            joined_via_starter_pack = AppBskyGraphDefsStarterPackViewBasic._load("
    "joined_via_starter_pack)",
    "        if hide_replies_by_unfollowed is not UNSET and not isinstance("
    "hide_replies_by_unfollowed, bool):",
    "def _load_app_bsky_embed_record_view_record(v: Any) -> AppBskyEmbedRecordViewRecord | "
    "AppBskyEmbedRecordViewNotFound | AppBskyEmbedRecordViewBlocked:",
    '        if "prompt_tokens" not in x1908 or "completion_tokens" not in x1908 or '
    '"total_tokens" not in x1908:',
]


def _module(statements: list[str]) -> str:
    """A module holding each statement at its indentation, with bodies where needed."""
    lines: list[str] = []
    for statement in statements:
        depth = (len(statement) - len(statement.lstrip())) // 4
        for level in range(depth):
            lines.append("    " * level + ("def _():" if level == 0 else "if _:"))
        lines.append(statement)
        if statement.endswith(":"):
            lines.append("    " * (depth + 1) + "pass")
        lines += ["", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _ruff_format(text: str) -> str:
    done = subprocess.run(
        [*_RUFF, "format", "--isolated", "--line-length=100", "-"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def test_marked_lines_come_out_as_ruff_formats_them() -> None:
    source = _module(_LONG_STATEMENTS)
    marked = mark(source.split("\n"))
    assert marked.count(LONG) == len(_LONG_STATEMENTS)
    laid_out = finish(marked)
    assert LONG not in laid_out
    assert max(len(line) for line in laid_out.split("\n")) <= WIDTH
    assert laid_out == _ruff_format(source)  # exactly what ruff makes of the whole module
    assert _ruff_format(laid_out) == laid_out  # and stable


def test_short_lines_are_left_alone_and_ruff_is_not_started(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(text: str) -> str:
        raise AssertionError("ruff started for a module without long lines")

    monkeypatch.setattr(pylayout, "_run_ruff", fail)
    lines = ["def f(x: int) -> int:", "    return x + 1"]
    assert mark(lines) == "\n".join(lines)
    assert finish("\n".join(lines)) == "\n".join(lines)


def test_long_lines_inside_docstrings_and_laid_out_constructs_are_not_touched() -> None:
    long_piece = "    " + " + ".join(f"value_{n}" for n in range(20))
    doc = "    " + "word " * 30
    statement = "x = " + " + ".join(f"other_{n}" for n in range(20))
    block = ["y = (", long_piece, ")", '"""Doc:', doc, '"""', '"""One line."""', statement]
    out = finish(mark(block)).split("\n")
    assert out[:7] == block[:7]  # unchanged
    assert all(len(line) <= WIDTH for line in out[7:]) and len(out) > 8


def test_missing_ruff_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    pylayout._ruff.cache_clear()
    monkeypatch.setitem(sys.modules, "ruff.__main__", None)  # import fails
    try:
        with pytest.raises(GeneratorError, match="needs ruff: pip install ruff"):
            finish(mark(["x = " + "a" * 120]))
    finally:
        pylayout._ruff.cache_clear()


def test_generated_modules_of_a_schema_with_long_names_pass_ruff(tmp_path: Path) -> None:
    from generator.load import load_contents
    from generator.pipeline import render_all

    long = "AVeryLongSchemaNameThatKeepsGoingAndGoing"
    schema = {
        "$defs": {
            f"{long}{n}": {
                "type": "object",
                "properties": {
                    "choice": {"anyOf": [{"$ref": f"#/$defs/{long}{m}"} for m in range(1, n + 1)]},
                    "kind": {"enum": ["a", "b"]},
                },
            }
            for n in range(1, 5)
        },
        "$ref": f"#/$defs/{long}4",
    }
    files = render_all(load_contents(schema), ["models", "validators"], jobs=1)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    for command in (
        ["check", "--isolated", "--line-length=100", "--select=E,F,W,I,B,UP"],
        ["format", "--check", "--isolated", "--line-length=100"],
    ):
        done = subprocess.run([*_RUFF, *command, str(tmp_path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
