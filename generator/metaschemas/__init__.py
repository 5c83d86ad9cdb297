"""The metaschemas, compiled ahead of time by our own validator compiler.

Every load checks the schema against its dialect's metaschema (:mod:`generator.load.metaschema`)
and the compiler checks every document it reads (:mod:`generator.compiler.check`) with these
modules: importing one costs a fraction of compiling the metaschema again.

They are generated code: ``python -m generator.metaschemas`` (run by ``make generate``;
:mod:`.__main__`, the only part that imports the compiler) rewrites them, and
``tests/test_metaschemas.py`` fails when one differs from what the compiler produces now.
Each module's header names that command and the sha256 of the metaschema it came from.
While a module is missing or cannot be imported (the command is rewriting it, or a
checkout lost it), :func:`validator` answers with python-jsonschema instead, so the compiler
can still check the metaschema it compiles.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from generator.spec.dialects import DRAFT4, DRAFT6, DRAFT7, DRAFT2019, DRAFT2020
from generator.spec.openapi import OAS30_SCHEMA_OBJECT, OAS30_SCHEMA_URI
from generator.spec.pointer import to_pointer

#: Metaschema URI → module in this package.
MODULES = {
    DRAFT4: "draft4",
    DRAFT6: "draft6",
    DRAFT7: "draft7",
    DRAFT2019: "draft2019_09",
    DRAFT2020: "draft2020_12",
    OAS30_SCHEMA_URI: "oas30",
}
HERE = Path(__file__).resolve().parent


def metaschema(uri: str) -> Any:
    """The metaschema ``uri`` names, as a JSON value."""
    if uri == OAS30_SCHEMA_URI:
        return OAS30_SCHEMA_OBJECT
    import jsonschema_specifications

    return jsonschema_specifications.REGISTRY.contents(uri)


@cache
def validator(uri: str) -> Any:
    """The precompiled validator module of the metaschema ``uri`` (its ``is_valid`` and
    ``iter_errors``), or python-jsonschema's while that module is missing or broken."""
    try:
        return importlib.import_module(f"{__name__}.{MODULES[uri]}")
    except (ImportError, SyntaxError):
        return _Interpreted(metaschema(uri))


@dataclass(frozen=True)
class _Error:
    path: str
    message: str
    keyword: str


class _Interpreted:
    """A metaschema checked by python-jsonschema, with the compiled modules' interface."""

    def __init__(self, schema: Any) -> None:
        from jsonschema.validators import validator_for

        cls = validator_for(schema)
        self._validator = cls(schema)

    def is_valid(self, instance: Any) -> bool:
        return bool(self._validator.is_valid(instance))

    def iter_errors(self, instance: Any) -> Iterator[_Error]:
        for error in self._validator.iter_errors(instance):
            path = to_pointer(error.absolute_path)
            yield _Error(path, error.message, str(error.validator))
