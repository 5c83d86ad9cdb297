"""Speakeasy's TypeScript names for docs pages: class names, field names, item names.

These names belong to the docs target alone (the models target keeps its Python names).
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[^A-Za-z0-9]+")
_HUMPS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

#: Class names that clash with JavaScript globals or the SDK's own names get a ``T`` suffix.
RESERVED = frozenset(
    {
        "Array", "ArrayBuffer", "Blob", "Boolean", "DataView", "Date", "Error", "EvalError",
        "File", "FormData", "Function", "Headers", "Infinity", "Iterator", "JSON", "Map",
        "Math", "NaN", "Number", "Object", "Promise", "Proxy", "RangeError", "Record",
        "ReferenceError", "Reflect", "RegExp", "Request", "Response", "Set", "String",
        "Symbol", "SyntaxError", "TypeError", "URIError", "URL", "WeakMap", "WeakSet",
        "ReadableStream", "Uint8Array", "Partial", "Pick", "Omit", "Readonly", "Required",
    }
)  # fmt: skip

NUMBER_WORDS = (
    "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen",
    "Eighteen", "Nineteen", "Twenty",
)  # fmt: skip


def words(name: str) -> list[str]:
    return [w for w in _SEPARATORS.split(name) if w]


_CAPS_DIGITS = re.compile(r"[A-Z]{2,}[0-9]+(?![a-z])")


def pascal(name: str) -> str:
    """``app.bsky.video.defs.jobStatus`` → ``AppBskyVideoDefsJobStatus``; capitals run into
    digits read as one word: ``ModerationLLMV1Config`` → ``ModerationLlmv1Config``."""
    joined = "".join(w[0].upper() + w[1:] for w in words(name))
    return _CAPS_DIGITS.sub(lambda m: m.group(0).capitalize(), joined)


def camel(name: str) -> str:
    """A wire name as a TypeScript field: ``utm_source`` → ``utmSource``, ``AND`` → ``and``,
    ``AppIOBaseUrl`` → ``appIOBaseUrl``, ``_id`` → ``id``."""
    parts = words(name)
    if not parts:
        return name
    first = parts[0]
    humps = _HUMPS.findall(first)
    head = (
        humps[0].lower() + first[len(humps[0]) :] if humps and first.startswith(humps[0]) else first
    )
    return head + "".join(w[0].upper() + w[1:] for w in parts[1:])


def class_name(name: str) -> str:
    """A schema key or short name as a class name, with the reserved-name suffix."""
    result = pascal(name) or "Model"
    if result[0].isdigit():
        result = "Model" + result
    return result + "T" if result in RESERVED else result


def singular(name: str) -> str:
    """The name of an array's items (``nameResolutionFeb2025``): ``entries`` → ``Entry``."""
    lower = name.lower()
    if lower.endswith("ies") and len(name) > 4:
        return name[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes", "zes")):
        return name[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(name) > 1:
        return name[:-1]
    return name
