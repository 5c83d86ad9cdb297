"""The Example Usage block of OpenAPI docs pages, and the literals of Supported Types.

Which fields a literal names follows ``optionalPropertyRendering`` (RULES.md §9.2): ``never``
names the required fields, ``withExample`` adds the optional ones the schema-level example
names (or, without one, those whose schema carries an example anywhere), ``always`` names
every field. Values come from ``example``/``examples``/``const``/``default``; otherwise a
placeholder of the right shape (Speakeasy's own placeholders are random).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, assert_never

from generator.targets.docs.markdown import json_scalar
from generator.targets.docs.model import (
    Arr,
    Const,
    MapOf,
    Model,
    Prim,
    Ref,
    Type,
    model_of,
    shows_required,
)
from generator.targets.docs.spec import DocsModel

#: Models nested deeper than this in one literal are written as ``{}``.
MAX_DEPTH = 30
#: No example given (``None`` is a JSON value).
NO_EXAMPLE: Any = object()
DATE = 'new Date("2024-08-23T06:20:02.699Z")'
LINE = 80


@dataclass(frozen=True)
class _Code:
    """TypeScript source as it is (``new Date(...)``)."""

    text: str


@dataclass(frozen=True)
class _Object:
    """An object literal whose keys are already written (bare or quoted)."""

    entries: tuple[tuple[str, Any], ...]


class Usage:
    def __init__(self, model: DocsModel) -> None:
        self.model = model
        self.settings = model.settings

    def import_line(self, model: Model) -> str:
        package = self.settings.package
        where = f"{package}/models/components"
        if not self.settings.index_modules:
            where += f"/{model.name.lower()}.js"
        return f"import {{ {model.name} }} from {json_scalar(where)};"

    def block(self, model: Model) -> str:
        head = self.import_line(model) + "\n\n"
        if model.no_example:
            return head + "// No examples available for this model"
        value = self.model_value(model, set())
        statement = _statement(f"let value: {model.name} =", value)
        if model.kind == "enum" and model.open:
            kind = "number" if all(isinstance(v, (int, float)) for v in model.values) else "string"
            statement += (
                f"\n\n// Open enum: unrecognized values are captured as Unrecognized<{kind}>"
            )
        return head + statement

    def model_literal(self, model: Model) -> str:
        """The literal after ``let value: Name =`` (``""`` when the model has no example)."""
        return "" if model.no_example else _format(self.model_value(model, set()), "")

    def literal(self, typ: Type, example: Any = NO_EXAMPLE) -> str:
        """The literal after ``const value: T =`` in a Supported Types section: an unnamed
        member's own example (``example``), else the member's value."""
        if example is not NO_EXAMPLE and not isinstance(typ, Ref):
            if isinstance(typ, MapOf) and isinstance(example, dict):
                return _format(_Object(tuple((json_scalar(k), v) for k, v in example.items())), "")
            return _format(example, "")
        return _format(self.value(typ, set()), "")

    # -- values ----------------------------------------------------------------------------

    def value(self, typ: Type, seen: set[int]) -> Any:
        match typ:
            case Prim():
                return _PLACEHOLDERS.get(typ.name, "<value>")
            case Const():
                return typ.value
            case Arr():
                return [self.value(typ.items, seen)]
            case MapOf():  # Speakeasy's maps hold three keys
                value = self.value(typ.values, seen)
                return _Object(tuple((f'"{key}"', value) for key in ("key", "key1", "key2")))
            case Ref():
                return self.model_value(typ.model, seen)
            case _:
                assert_never(typ)

    def model_value(self, model: Model, seen: set[int]) -> Any:
        match model.kind:
            case "enum":
                if model.has_example:
                    return model.example
                return model.values[0] if model.values else "<value>"
            case "union":
                if id(model) in seen or not model.members:
                    return "<value>"
                return self.value(model.members[0], seen | {id(model)})
            case "object":
                if id(model) in seen or len(seen) > MAX_DEPTH:  # a cycle, or nesting without end
                    return _Object(())
                return _Object(tuple(self.entries(model, seen | {id(model)})))
            case _:
                assert_never(model.kind)

    def entries(self, model: Model, seen: set[int]) -> list[tuple[str, Any]]:
        rendering = self.settings.optional_rendering
        example = model.example if model.has_example and isinstance(model.example, dict) else None
        out: list[tuple[str, Any]] = []
        for row in model.rows:
            if not shows_required(model, row):
                if rendering == "never" or row.deprecated:
                    continue
                if rendering == "withExample":
                    if example is not None:
                        if row.wire not in example:
                            continue
                    elif not (row.examples is not None or self.carries(row.type, row.schema)):
                        continue
            if example is not None and row.wire in example:
                value = example[row.wire]
            elif row.wire in model.discriminators:
                value = model.discriminators[row.wire]
            elif row.has_value:
                value = row.value
            else:
                value = self.value(row.type, seen)
            if isinstance(row.type, Prim) and row.type.name == "Date" and isinstance(value, str):
                value = _Code(f"new Date({json_scalar(value)})")
            out.append((row.ts_name, value))
        if example is not None and model.additional is not None:
            wires = {row.wire for row in model.rows}
            extra = [(json_scalar(k), v) for k, v in example.items() if k not in wires]
            if extra:
                out.append(("additionalProperties", _Object(tuple(extra))))
        return out

    def carries(self, typ: Type, schema: Any) -> bool:
        """Whether a field's type or schema carries an example (``withExample``)."""
        target = model_of(typ)
        if target is not None and target.carries_example:
            return True
        return self.model.objects.subtree_example(schema)


_PLACEHOLDERS: dict[str, Any] = {
    "string": "<value>",
    "number": 0,
    "boolean": False,
    "any": "<value>",
    "Date": _Code(DATE),
    "RFCDate": _Code('new RFCDate("2024-08-23")'),
    "Uint8Array": _Code('new TextEncoder().encode("0xdeadbeef")'),
}


def _statement(head: str, value: Any) -> str:
    text = _format(value, "")
    if "\n" not in text and len(head) + 1 + len(text) + 1 > LINE:
        return f"{head}\n  {text};"
    return f"{head} {text};"


def _format(value: Any, indent: str) -> str:
    inner = indent + "  "
    if isinstance(value, _Code):
        return value.text
    if isinstance(value, _Object):
        if not value.entries:
            return "{}"
        return "{\n" + "".join(_entry(k, v, inner) for k, v in value.entries) + indent + "}"
    if isinstance(value, dict):
        return _format(_Object(tuple((json_scalar(str(k)), v) for k, v in value.items())), indent)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"{inner}{_format(v, inner)},\n" for v in value) + indent + "]"
    if isinstance(value, float) and value.is_integer():
        return json.dumps(value)[:-2]
    return json_scalar(value)


def _entry(key: str, value: Any, indent: str) -> str:
    text = _format(value, indent)
    line = f"{indent}{key}: {text},"
    if "\n" not in text and len(line) > LINE:
        return f"{indent}{key}:\n{indent}  {text},\n"
    return line + "\n"
