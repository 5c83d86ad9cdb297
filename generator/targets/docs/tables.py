"""The Fields table of OpenAPI docs pages and the type names in it, as Speakeasy writes them.

One column width for the whole table (the widest raw cell); cells with newlines as ``<br/>``
and pipes escaped, so no schema text breaks a table; the Example column when any row has an
example, values as Go's ``json.MarshalIndent`` writes them. Type cells and TypeScript names
match over every kind of :data:`~generator.targets.docs.model.Type`.
"""

from __future__ import annotations

import json
from typing import Any, assert_never

from generator.targets.docs.markdown import json_scalar, neutralise_links
from generator.targets.docs.model import (
    Arr,
    Const,
    MapOf,
    Model,
    Prim,
    Ref,
    Row,
    Type,
    extra_example,
    shows_required,
)
from generator.targets.docs.spec import DocsModel

LINK_DIR = "../../models/components"
CHECK = ":heavy_check_mark:"
MINUS = ":heavy_minus_sign:"
MIN_WIDTH = len("Description")
DEPRECATED_FIELD = (
    ": warning: ** DEPRECATED **: This will be removed in a future release, "
    "please migrate away from it as soon as possible."
)
_PRIM_CELL = {
    "string": "*string*",
    "number": "*number*",
    "boolean": "*boolean*",
    "any": "*any*",
    "Uint8Array": "*Uint8Array*",
    "ReadableStream": "*ReadableStream<Uint8Array>*",
    "Date": "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)",
    "RFCDate": "[RFCDate](../../types/rfcdate.md)",
    "File": "[File](https://developer.mozilla.org/en-US/docs/Web/API/File) | "
    "[Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) | LINK",
}


class Fields:
    """The Fields table of object pages, and the type names of Supported Types sections."""

    def __init__(self, model: DocsModel) -> None:
        self.model = model

    def table(self, model: Model) -> str:
        header = ["Field", "Type", "Required", "Description"]
        rows: list[list[tuple[int, str]]] = []
        additional_example = extra_example(model)
        with_examples = additional_example is not None or any(
            row.examples is not None for row in model.rows
        )
        for row in model.rows:
            cells = [
                _cell(f"~~`{row.ts_name}`~~" if row.deprecated else f"`{row.ts_name}`"),
                _cell(self.type_cell(row.type, model, row)),
                _cell(CHECK if shows_required(model, row) else MINUS),
                _cell(self.description_cell(row)),
            ]
            if with_examples:
                cells.append(_example_cell(row.examples))
            rows.append(cells)
        if model.additional is not None:
            extra = [
                _cell("`additionalProperties`"),
                _cell(f"Record<string, {self.type_cell(model.additional, model, None)}>"),
                _cell(MINUS),
                _cell("N/A"),
            ]
            if with_examples:
                extra.append(
                    _example_cell(None if additional_example is None else [additional_example])
                )
            rows.append(extra)
        if with_examples:
            header.append("Example")
        width = max(MIN_WIDTH, *(len(h) for h in header), *(w for r in rows for w, _ in r))
        lines = [
            _row([h.ljust(width) for h in header]),
            _row(["-" * width] * len(header)),
        ]
        lines.extend(_row([text.ljust(width) for _, text in r]) for r in rows)
        return "\n".join(lines)

    def description_cell(self, row: Row) -> str:
        if row.deprecated:
            return DEPRECATED_FIELD + ("\n\n" + row.description if row.description else "")
        return row.description or "N/A"

    # -- type cells and TypeScript names --------------------------------------------------

    def type_cell(self, typ: Type, owner: Model | None, row: Row | None) -> str:
        if owner is not None and row is not None and row.wire in owner.discriminators:
            if not owner.plain_use or _is_single_enum(typ):
                return f"*{json_scalar(owner.discriminators[row.wire])}*"
        match typ:
            case Prim():
                if typ.name == "File":
                    file_model = self.model.ensure_file_model()
                    link = (
                        f"[components.{file_model.name}]({LINK_DIR}/{file_model.name.lower()}.md)"
                    )
                    return _PRIM_CELL["File"].replace("LINK", link)
                return _PRIM_CELL[typ.name]
            case Const():
                return f"*{json_scalar(typ.value)}*"
            case Arr():
                return self.type_cell(typ.items, None, None) + "[]"
            case MapOf():
                return f"Record<string, {self.type_cell(typ.values, None, None)}>"
            case Ref():
                target = typ.model
                if target.hidden:
                    return "*string*"
                label = f"components.{target.name}"
                if target.kind == "union":
                    return f"*{label}*"
                return f"[{label}]({LINK_DIR}/{target.name.lower()}.md)"
            case _:
                assert_never(typ)

    def ts_type(self, typ: Type) -> str:
        match typ:
            case Prim():
                return {"any": "any", "RFCDate": "RFCDate"}.get(typ.name, typ.name)
            case Const():
                return json_scalar(typ.value)
            case Arr():
                return self.ts_type(typ.items) + "[]"
            case MapOf():
                return "{ [k: string]: " + self.ts_type(typ.values) + " }"
            case Ref():
                if typ.model.hidden:
                    return "string"
                return f"components.{typ.model.name}"
            case _:
                assert_never(typ)


def _is_single_enum(typ: Type) -> bool:
    return isinstance(typ, Ref) and typ.model.kind == "enum" and len(typ.model.values) == 1


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(raw: str) -> tuple[int, str]:
    """A cell's width (raw code points) and its escaped text."""
    return len(raw), neutralise_links(raw.replace("\n", "<br/>").replace("|", "\\|"))


def _example_cell(examples: list[Any] | None) -> tuple[int, str]:
    if examples is None:
        return 0, ""
    parts = [_cell(_example_text(e)) for e in examples]
    if len(parts) == 1:
        return parts[0]
    labelled = [
        (len(f"**Example {i}:** ") + w, f"**Example {i}:** {t}")
        for i, (w, t) in enumerate(parts, 1)
    ]
    width = sum(w for w, _ in labelled) + len("<br/>") * (len(labelled) - 1)
    return width, "<br/>".join(t for _, t in labelled)


def _example_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return go_json(value)


def go_json(value: Any) -> str:
    """Go's ``json.MarshalIndent(value, "", "")``: one token per line, HTML-escaped."""
    text = _go_marshal(value)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _go_marshal(value: Any) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        body = ",\n".join(f"{_go_scalar(str(k))}: {_go_marshal(v)}" for k, v in value.items())
        return "{\n" + body + "\n}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(_go_marshal(v) for v in value) + "\n]"
    return _go_scalar(value)


def _go_scalar(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, float):
        text = repr(value)
        if "e" in text:
            mantissa, exponent = text.split("e")
            sign = exponent[0] if exponent[0] in "+-" else "+"
            digits = exponent.lstrip("+-").lstrip("0") or "0"
            text = f"{mantissa}e{sign if sign == '-' else '+'}{digits.zfill(2)}"
        return text
    return json.dumps(value, ensure_ascii=False)
