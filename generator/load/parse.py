"""JSON and YAML text to values, with line and column on syntax errors.

Also the reader of ``schemagen validate``'s instances (:func:`loads_json`): schemas and
instances are read by the same rules.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.errors import SchemaError
from generator.load.yaml12 import load_yaml


def parse_document(text: str, *, file: str, yaml_ok: bool) -> Any:
    """Parse JSON (or YAML when ``yaml_ok``), reporting syntax errors with line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not yaml_ok:
        try:
            return loads_json(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(
                f"invalid JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno
            ) from None
        except ValueError as exc:  # NaN/Infinity, or numbers beyond int string limits
            raise SchemaError(f"invalid JSON: {exc}", file=file) from None
    return load_yaml(text, file=file)


def _parse_int(text: str) -> int:
    """JSON integers of any length (``int()`` refuses over 4,300 digits; Decimal does not)."""
    return int(text) if len(text) < 4000 else int(Decimal(text))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads_json(text: str) -> Any:
    """JSON as schemagen reads it, schemas and ``validate``'s instances alike: integers of
    any length, ``NaN``/``Infinity`` refused (``ValueError``, ``json.JSONDecodeError``)."""
    return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)


def read_document(path: Path) -> Any:
    """Read one JSON or YAML file (chosen by suffix)."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SchemaError("no such file", file=file) from None
    except IsADirectoryError:
        raise SchemaError("is a directory, expected a schema file", file=file) from None
    except OSError as exc:
        raise SchemaError(f"cannot read: {exc.strerror}", file=file) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SchemaError(
            f"not UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start})", file=file
        ) from None
    return parse_document(text, file=file, yaml_ok=path.suffix.lower() in (".yaml", ".yml"))


def json_type(value: Any) -> str:
    """``value``'s JSON type with its article, for messages (``an object``, ``null``)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
