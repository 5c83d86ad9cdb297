"""The check of a schema against its dialect's metaschema, before anything walks it.

The check runs the validators precompiled in :mod:`generator.metaschemas`; only a failing
schema pays for importing python-jsonschema, whose choice of the most relevant error reads
best (and whose words are used when it finds one).
"""

from __future__ import annotations

from typing import Any

from generator import metaschemas
from generator.errors import SchemaError
from generator.spec.openapi import OAS30_SCHEMA_URI
from generator.spec.pointer import to_pointer


def check_against_metaschema(
    contents: Any, *, file: str, metaschema: str, prefix: str = ""
) -> None:
    """Refuse ``contents`` (at JSON Pointer ``prefix`` of ``file``) unless the metaschema at
    URI ``metaschema`` (a dialect's, or OpenAPI 3.0's Schema Object) accepts it."""
    compiled = metaschemas.validator(metaschema)
    if compiled.is_valid(contents):
        return
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for

    try:
        if metaschema == OAS30_SCHEMA_URI:
            schema = metaschemas.metaschema(metaschema)
            errors = list(validator_for(schema)(schema).iter_errors(contents))
        else:
            cls = validator_for({"$schema": metaschema})
            errors = list(cls(cls.META_SCHEMA).iter_errors(contents))
    except (ValueError, RecursionError):  # (it cannot print a 5,000-digit integer, or recurse)
        errors = []
    if not errors:  # no words from python-jsonschema: the compiled metaschema's
        ours = next(iter(compiled.iter_errors(contents)), None)
        if ours is None:
            return
        raise SchemaError(
            f"not a valid schema: {ours.message} (keyword {ours.keyword!r})",
            file=file,
            pointer=prefix + ours.path,
        )
    error = best_match(errors)
    raise SchemaError(
        f"not a valid schema: {error.message} (keyword {error.validator!r})",
        file=file,
        pointer=prefix + to_pointer(error.absolute_path),
    )
