"""The runtime part of ``models.py``, cut out of ``templates/models/runtime.py`` at its markers."""

from __future__ import annotations

from generator.errors import GeneratorError
from generator.render import render as render_template

#: The marker lines of ``templates/models/runtime.py``, in the order they appear.
MARKERS = (
    "# --- models.py: copied from here ---\n",
    "# --- models.py: from here to the next marker, only when it calls the validators ---\n",
    "# --- models.py: every module again ---\n",
    "# --- models.py: copied up to here ---\n",
)


def runtime_source(*, calls_validators: bool) -> str:
    """The runtime as ``models.py`` holds it (no final newline); the helpers that turn the
    validators' errors into a ValidationError only when ``calls_validators``."""
    text = render_template("models", "runtime.py")
    parts = []
    for start, end in zip(MARKERS, MARKERS[1:], strict=False):
        begin, finish = text.find(start), text.find(end)
        if begin < 0 or finish < begin:
            raise GeneratorError(
                f"models/runtime.py: expected the marker lines {start.strip()!r} and then "
                f"{end.strip()!r}"
            )
        parts.append(text[begin + len(start) : finish].strip("\n"))
    common, validators, rest = parts
    return "\n\n\n".join([common, validators, rest] if calls_validators else [common, rest])
