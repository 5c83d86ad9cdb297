"""schemagen: JSON Schema → typed dataclasses, standalone validators and Markdown docs.

Stages, one module each: :mod:`generator.load` (read, check, resolve), :mod:`generator.ir`
(the IR and its builder), :mod:`generator.targets` (one renderer per target),
:mod:`generator.write` (atomic, deterministic output), :mod:`generator.cli`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from generator.errors import GeneratorError, SchemaError, UnsupportedSchemaError

__all__ = ["GeneratorError", "SchemaError", "UnsupportedSchemaError", "compile"]

if TYPE_CHECKING:
    from generator.compiler import compile as compile
else:

    def compile(schema: Any, **kwargs: Any) -> Any:  # noqa: A001 - the public name, as re.compile
        """Compile ``schema`` into an in-memory validator (see :mod:`generator.compiler`)."""
        from generator.compiler import compile as _compile

        return _compile(schema, **kwargs)
