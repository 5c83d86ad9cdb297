"""The runtime part of ``models.py``, cut out of ``templates/models/runtime.py`` at its markers."""

from __future__ import annotations

from generator.render import cut_at_markers

#: The marker lines of ``templates/models/runtime.py``, in the order they appear.
MARKERS = (
    "# --- models.py: copied from here ---",
    "# --- models.py: from here to the next marker, only when it calls the validators ---",
    "# --- models.py: every module again ---",
    "# --- models.py: copied up to here ---",
)


def runtime_source(*, calls_validators: bool) -> str:
    """The runtime as ``models.py`` holds it (no final newline); the helpers that turn the
    validators' errors into a ValidationError only when ``calls_validators``."""
    common, validators, rest = (
        part.text for part in cut_at_markers("models", "runtime.py", MARKERS)
    )
    return "\n\n\n".join([common, validators, rest] if calls_validators else [common, rest])
