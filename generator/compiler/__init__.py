"""JSON Schema to plain-Python validator compiler (see :mod:`generator.compiler.api`)."""

from generator.compiler.api import Validator, compile, render_module

__all__ = ["Validator", "compile", "render_module"]
