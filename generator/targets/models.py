"""The ``models`` target: one typed, slotted dataclass per object type, with lossless I/O.

The generated ``models.py`` holds, for a schema's named types:

* a ``@dataclass(slots=True, kw_only=True)`` per :class:`~generator.ir.ObjectType`, with
  ``from_dict``/``from_json`` (checked) and ``to_dict``/``to_json``;
* an ``enum.StrEnum`` per string enum (``Enum | str`` where the enum is open), a ``Literal``
  alias for enums of other values;
* a ``TypeAlias`` plus ``load_<name>``/``dump_<name>`` functions per union and alias.

Absent is not null: a member absent from the document is :data:`UNSET` on the object and
stays absent on dump; a ``null`` member is ``None`` and stays ``null``. Schema defaults are
never filled in (they are listed in ``SCHEMA_DEFAULTS``), so ``from_dict(d).to_dict() == d``.

Loading is straight-line code per class (no reflection over fields at run time), and objects
are made with ``object.__new__`` plus slot assignments (the keyword-only dataclass
``__init__`` costs more than all the checks). There are two paths:

* validated (``validate=True`` when the ``validators`` target is generated too): the
  validator's ``is_valid_<name>`` decides, building no error objects; a refused document
  pays for ``iter_errors_<name>`` to fill the ValidationError; an accepted one is built by
  ``_build``/``_build_<name>``, which convert (enums, nested objects, unions told apart by
  JSON type or tag) without checking anything again;
* checked (no validators, or ``validate=False``): each loader checks shapes with
  ``isinstance`` and raises a private exception at the first mismatch; only then does a
  table-driven checker walk the document again to list every problem with its JSON Pointer.

Aliases on a reference cycle that passes through no class and no container (``A = B``,
``B = A | int``) have no Python type; they become aliases of ``Any``
(:func:`_break_alias_cycles`).

All code is built here, in Python, and handed to ``templates/models/`` as lines. Schema text
reaches the output only as string literals (:func:`py_str`, a ``repr`` with the quote choice
``ruff format`` makes) or escaped docstrings (:func:`doc_lines`); identifiers come only from
the IR's names. Lines are wrapped here the way ``ruff format`` would wrap them, so the module
passes ``ruff format --check`` without running ruff.
"""

from __future__ import annotations

import ast
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal

from generator.errors import GeneratorError
from generator.ir import (
    AliasType,
    AnyType,
    ArrayType,
    ConstType,
    EnumType,
    Field,
    InlineUnion,
    MapType,
    NamedType,
    ObjectType,
    Primitive,
    Ref,
    SchemaIR,
    TypeExpr,
    UnionType,
)
from generator.render import render as render_template
from generator.targets import RenderJob

WIDTH = 100
STEP = "    "
#: String literals longer than this become module constants, so nested code stays short.
_MAX_INLINE_STRING = 48

#: Names the generated module defines for its runtime support; no schema type may take them.
RUNTIME_NAMES = frozenset({"Unset", "UNSET", "Problem", "ValidationError", "SCHEMA_DEFAULTS"})
#: ``typing`` names the module uses; aliased (``_Any``) when a schema type has the same name.
_TYPING_NAMES = (
    "Any",
    "ClassVar",
    "Final",
    "Literal",
    "NoReturn",
    "Self",
    "TypeAlias",
    "TypeGuard",
    "TypeVar",
    "cast",
)
#: Builtins used in class-body annotations; a field of the same name would shadow them.
_BUILTINS = ("str", "int", "float", "bool", "list", "dict", "bytes", "bytearray")
#: Local names used by the generated methods; a field's local variable avoids them.
_LOCALS = frozenset(
    {"cls", "data", "self", "obj", "out", "extra", "x", "k", "v", "value", "validate"}
)
#: Attribute names longer than this get a short local variable (``m3``) in generated methods.
_MAX_LOCAL = 32

_PRIMITIVE_ANNOTATION = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "null": "None",
}

Shape = frozenset[str]
_ALL: Shape = frozenset({"object", "array", "string", "number", "boolean", "null"})


def render(job: RenderJob) -> dict[str, str]:
    """Render ``models.py`` for ``job.ir``."""
    module = _Module(job.ir, with_validators="validators" in job.targets)
    return {"models.py": module.render()}


# -- literals and docstrings ---------------------------------------------------------------


def py_str(text: str) -> str:
    """A Python string literal for ``text``, quoted the way ``ruff format`` leaves it.

    Like ``repr`` it escapes backslashes, the quote and every non-printable character; unlike
    ``repr`` it prefers double quotes, switching to single quotes only when the text holds
    more double than single quotes (ruff's rule), so formatting never changes it.
    """
    if text.isprintable() and "\\" not in text:
        if '"' not in text:
            return f'"{text}"'
        if "'" not in text:
            return f"'{text}'"
    quote = "'" if text.count('"') > text.count("'") else '"'
    parts: list[str] = []
    for char in text:
        if char == "\\":
            parts.append("\\\\")
        elif char == quote:
            parts.append("\\" + quote)
        elif char == "\n":
            parts.append("\\n")
        elif char == "\r":
            parts.append("\\r")
        elif char == "\t":
            parts.append("\\t")
        elif char.isprintable():
            parts.append(char)
        else:
            parts.append(_escape_codepoint(char))
    return quote + "".join(parts) + quote


def _escape_codepoint(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _doc_escape(text: str) -> str:
    if text.isprintable() and "\\" not in text and '"' not in text:
        return text
    parts: list[str] = []
    for char in text:
        if char == "\\":
            parts.append("\\\\")
        elif char == '"':
            parts.append('\\"')
        elif char == "\t":
            parts.append("\\t")
        elif char.isprintable():
            parts.append(char)
        elif 0xD800 <= ord(char) <= 0xDFFF:
            # a lone surrogate: shown as its escape, since a class's ``__doc__`` must encode
            # as UTF-8 (``type()`` raises UnicodeEncodeError otherwise)
            parts.append("\\" + _escape_codepoint(char))
        else:
            parts.append(_escape_codepoint(char))
    return "".join(parts)


def _wrap_escaped(line: str, width: int) -> list[str]:
    """Wrap one docstring line at spaces, measuring escaped text; split over-long words."""
    out: list[str] = []
    current = ""
    for word in line.split(" "):
        if not word:
            continue
        piece = _doc_escape(word)
        candidate = f"{current} {piece}" if current else piece
        if len(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        current = ""
        while len(piece) > width:
            cut = width
            while "\\" in piece[max(0, cut - 10) : cut] and cut > 1:
                # never cut inside an escape sequence: back up to before its backslash
                backslash = piece.rfind("\\", 0, cut)
                if backslash <= 0 or cut - backslash > 10:
                    break
                cut = backslash
                if piece[:cut].endswith("\\") and not piece[:cut].endswith("\\\\"):
                    cut -= 1
            out.append(piece[:cut])
            piece = piece[cut:]
        current = piece
    if current:
        out.append(current)
    return out


def doc_lines(text: str, indent: str) -> list[str]:
    """A docstring for ``text``: escaped, wrapped to the line width, ruff-stable."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = WIDTH - len(indent)
    body: list[str] = []
    for line in raw:
        wrapped = _wrap_escaped(line.strip(), width - 6)
        body.extend(wrapped or [""])
    while body and not body[-1]:
        body.pop()
    while body and not body[0]:
        body.pop(0)
    if not body:
        return []
    if len(body) == 1 and len(indent) + len(body[0]) + 6 <= WIDTH:
        return [f'{indent}"""{body[0]}"""']
    lines = [f'{indent}"""{body[0]}']
    lines.extend(f"{indent}{line}" if line else "" for line in body[1:])
    lines.append(f'{indent}"""')
    return lines


def json_type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


class _Literals:
    """Python literals for JSON values; long strings become module constants (``_S1``)."""

    def __init__(self) -> None:
        self.constants: dict[str, str] = {}
        self.integers: dict[int, str] = {}

    def string(self, text: str) -> str:
        literal = py_str(text)
        if len(literal) <= _MAX_INLINE_STRING:
            return literal
        if text not in self.constants:
            self.constants[text] = f"_S{len(self.constants) + 1}"
        return self.constants[text]

    def flat(self, value: Any, memo: dict[int, str] | None = None) -> str:
        if memo is not None and isinstance(value, tuple | list | dict):
            found = memo.get(id(value))
            if found is None:
                found = memo[id(value)] = self._flat(value, memo)
            return found
        return self._flat(value, memo)

    def _flat(self, value: Any, memo: dict[int, str] | None) -> str:
        if isinstance(value, str):
            return self.string(value)
        if value is None or isinstance(value, bool) or _is_short_int(value):
            return repr(value)
        if isinstance(value, int):
            return self.integer(value)
        if isinstance(value, float):
            # 1e400 parses as inf; a dict handed to the API may hold nan: never a bare name
            return repr(value) if math.isfinite(value) else f'float("{value!r}")'
        if isinstance(value, tuple):
            items = [self.flat(v, memo) for v in value]
            return f"({items[0]},)" if len(items) == 1 else f"({', '.join(items)})"
        if isinstance(value, list):
            return f"[{', '.join(self.flat(v, memo) for v in value)}]"
        if isinstance(value, dict):
            pairs = (f"{self.string(str(k))}: {self.flat(v, memo)}" for k, v in value.items())
            return "{" + ", ".join(pairs) + "}"
        raise GeneratorError(f"cannot write {type(value).__name__} as a literal")

    def integer(self, value: int) -> str:
        """A module constant for a long integer, written in hex: decimal ``repr`` of ints with
        more than 4300 digits raises ValueError (CPython's int/str conversion limit)."""
        if value not in self.integers:
            self.integers[value] = f"_N{len(self.integers) + 1}"
        return self.integers[value]

    def lines(
        self,
        value: Any,
        indent: str,
        head: str = "",
        tail: str = "",
        memo: dict[int, str] | None = None,
    ) -> list[str]:
        """``head + literal + tail`` at ``indent``, exploded one element a line if too long."""
        if memo is None:
            memo = {}  # flat text of each container, by id: linear, not quadratic, when nested
        flat = self.flat(value, memo)
        if len(indent) + len(head) + len(flat) + len(tail) <= WIDTH or not _is_container(value):
            return [f"{indent}{head}{flat}{tail}"]
        opening, closing = _brackets(value)
        inner = indent + STEP
        out = [f"{indent}{head}{opening}"]
        if isinstance(value, dict):
            for key, item in value.items():
                out.extend(self.lines(item, inner, f"{self.string(str(key))}: ", ",", memo))
        else:
            for item in value:
                out.extend(self.lines(item, inner, "", ",", memo))
        out.append(f"{indent}{closing}{tail}")
        return out

    def constant_lines(self) -> list[str]:
        out: list[str] = []
        for text, name in self.constants.items():
            literal = py_str(text)
            if len(name) + 3 + len(literal) <= WIDTH:
                out.append(f"{name} = {literal}")
                continue
            out.append(f"{name} = (")
            out.extend(STEP + chunk for chunk in _string_chunks(text, WIDTH - len(STEP)))
            out.append(")")
        for number, name in self.integers.items():
            digits = f"{abs(number):x}"
            sign = "-" if number < 0 else ""
            step = WIDTH - len(STEP) - 2
            out.append(f"{name} = {sign}int(")
            chunks = [f'{STEP}"{digits[i : i + step]}"' for i in range(0, len(digits), step)]
            out.extend([*chunks[:-1], chunks[-1] + ",", f"{STEP}16,", ")"])
        return out


def _is_short_int(value: Any) -> bool:
    """An int (not a bool) short enough to write inline, also inside ``Literal[...]``."""
    return isinstance(value, int) and not isinstance(value, bool) and value.bit_length() <= 64


def _is_container(value: Any) -> bool:
    return isinstance(value, tuple | list | dict) and len(value) > 0


def _brackets(value: Any) -> tuple[str, str]:
    if isinstance(value, tuple):
        return "(", ")"
    if isinstance(value, list):
        return "[", "]"
    return "{", "}"


def _string_chunks(text: str, width: int) -> list[str]:
    """Split ``text`` into literals of at most ``width`` characters each (greedy)."""
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = start + 1
        while end < len(text) and len(py_str(text[start : end + 1])) <= width:
            end += 1
        chunks.append(py_str(text[start:end]))
        start = end
    return chunks


# -- line wrapping, the way ruff format does it for the few shapes we emit -----------------


def wrap_call(indent: str, head: str, args: Sequence[str], tail: str = "") -> list[str]:
    """``head(arg, ...)tail``; exploded one argument a line (magic trailing comma) if long."""
    line = f"{indent}{head}({', '.join(args)}){tail}"
    if len(line) <= WIDTH or not args:
        return [line]
    return [f"{indent}{head}(", *(f"{indent}{STEP}{a}," for a in args), f"{indent}){tail}"]


def wrap_operands(indent: str, head: str, operands: Sequence[str], op: str, tail: str) -> list[str]:
    """``head a op b tail``, else parenthesised on one line, else one operand a line."""
    joined = f" {op} ".join(operands)
    line = f"{indent}{head}{joined}{tail}"
    if len(line) <= WIDTH:
        return [line]
    inner = indent + STEP
    if len(inner) + len(joined) <= WIDTH or len(operands) == 1:
        return [f"{indent}{head}(", f"{inner}{joined}", f"{indent}){tail}"]
    body = [f"{inner}{operands[0]}", *(f"{inner}{op} {o}" for o in operands[1:])]
    return [f"{indent}{head}(", *body, f"{indent}){tail}"]


def wrap_def(indent: str, name: str, params: Sequence[str], returns: str) -> list[str]:
    line = f"{indent}def {name}({', '.join(params)}) -> {returns}:"
    if len(line) <= WIDTH:
        return [line]
    return [
        f"{indent}def {name}(",
        *(f"{indent}{STEP}{p}," for p in params),
        f"{indent}) -> {returns}:",
    ]


# -- the module ----------------------------------------------------------------------------


@dataclass
class _Function:
    """A module-level helper: ``_load_<id>``/``_dump_<id>`` for one type expression."""

    ident: str
    expr: TypeExpr
    lines: list[str] = field(default_factory=list)


@dataclass
class ClassView:
    name: str
    lines: list[str]


class _Module:
    def __init__(self, ir: SchemaIR, *, with_validators: bool) -> None:
        self.ir = ir
        self.with_validators = with_validators
        #: The IR's types, with aliases caught in a class-less cycle widened to ``Any``.
        self.types: tuple[NamedType, ...] = _break_alias_cycles(ir.types)
        self.by_name: dict[str, NamedType] = {t.names.schema: t for t in self.types}
        self.lit = _Literals()
        classes = {t.names.cls for t in self.types}
        clash = sorted(classes & RUNTIME_NAMES)
        if clash:
            raise GeneratorError(
                f"the models target defines {', '.join(clash)} itself; rename the schema "
                "type(s) with that name (title or $defs key)"
            )
        self.typing = {n: (f"_{n}" if n in classes else n) for n in _TYPING_NAMES}
        self.used_typing: set[str] = set()
        self.helpers: dict[str, _Function] = {}
        self.helper_order: list[str] = []
        self.dump_helpers: dict[str, _Function] = {}
        self.dump_order: list[str] = []
        self.builtin_aliases: set[str] = set()

    # -- names ------------------------------------------------------------------------------

    def t(self, name: str) -> str:
        """A ``typing`` name as this module spells it."""
        self.used_typing.add(name)
        return self.typing[name]

    def named(self, ref: Ref) -> NamedType:
        try:
            return self.by_name[ref.name]
        except KeyError:
            raise GeneratorError(f"the IR refers to an unknown type {ref.name!r}") from None

    # -- classification ---------------------------------------------------------------------

    def enum_kind(self, enum: EnumType) -> Literal["str", "literal", "int", "float", "any"]:
        """How an enum is written: a StrEnum, a ``Literal`` alias, ``int``/``float``, ``Any``."""
        values = enum.values
        if all(isinstance(v, str) for v in values):
            return "str"
        if all(v is None or isinstance(v, str) or _is_short_int(v) for v in values):
            return "literal"
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return "int"
        if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
            return "float"
        return "any"

    def shape(self, expr: TypeExpr, seen: frozenset[str] = frozenset()) -> Shape:
        """The JSON types a value of ``expr`` can have."""
        if isinstance(expr, Primitive):
            return frozenset({"number" if expr.kind == "integer" else expr.kind})
        if isinstance(expr, AnyType):
            return _ALL
        if isinstance(expr, ConstType):
            kind = json_type_name(expr.value)
            return frozenset({"number" if kind == "integer" else kind})
        if isinstance(expr, ArrayType):
            return frozenset({"array"})
        if isinstance(expr, MapType):
            return frozenset({"object"})
        if isinstance(expr, InlineUnion):
            return frozenset().union(*(self.shape(m, seen) for m in expr.members))
        if expr.name in seen:
            return _ALL
        named = self.named(expr)
        inner = seen | {expr.name}
        if isinstance(named, ObjectType):
            return frozenset({"object"})
        if isinstance(named, EnumType):
            if not named.closed:
                return frozenset({"string"}) if self.enum_kind(named) == "str" else _ALL
            kinds = (json_type_name(v) for v in named.values)
            return frozenset("number" if k == "integer" else k for k in kinds)
        if isinstance(named, UnionType):
            return frozenset().union(*(self.shape(m, inner) for m in named.members))
        base = self.shape(named.target, inner)
        return base | {"null"} if named.nullable else base

    def check(self, expr: TypeExpr, var: str) -> str | None:
        """A condition true when ``var`` is a value of ``expr`` that loads unchanged.

        ``None`` when ``expr`` needs conversion (classes, enums, containers, unions).
        ``"True"`` for :class:`AnyType`.
        """
        if isinstance(expr, AnyType):
            return "True"
        if isinstance(expr, Primitive):
            return {
                "string": f"isinstance({var}, str)",
                "integer": f"_is_int({var})",
                "number": f"_is_number({var})",
                "boolean": f"isinstance({var}, bool)",
                "null": f"{var} is None",
            }[expr.kind]
        if isinstance(expr, ConstType):
            value = expr.value
            if isinstance(value, str):
                return f"{var} == {self.lit.string(value)}"
            if value is None or isinstance(value, bool):
                return f"{var} is {value!r}"
            return f"_json_equal({var}, {self.lit.flat(_tupled(value))})"
        if isinstance(expr, Ref):
            named = self.named(expr)
            if isinstance(named, EnumType) and self.enum_kind(named) != "str":
                return f"_is_{named.names.snake}({var})" if named.closed else "True"
            if isinstance(named, AliasType) and self.is_plain(named):
                inner = self.check(named.target, var)
                assert inner is not None
                if named.nullable and inner != "True":
                    return f"({var} is None or {inner})"
                return inner
        return None

    def is_plain(self, alias: AliasType) -> bool:
        """An alias of a primitive/const/Any: values load unchanged."""
        return isinstance(alias.target, Primitive | ConstType | AnyType)

    # -- annotations ------------------------------------------------------------------------

    def annotation(self, expr: TypeExpr, shadow: frozenset[str] = frozenset()) -> str:
        """The annotation for ``expr``; builtins a field shadows use module aliases."""
        return " | ".join(self.annotation_parts(expr, shadow))

    def builtin(self, name: str, shadow: frozenset[str]) -> str:
        if name in shadow:
            self.builtin_aliases.add(name)
            return f"_{name}"
        return name

    def annotation_parts(self, expr: TypeExpr, shadow: frozenset[str]) -> list[str]:
        if isinstance(expr, Primitive):
            text = _PRIMITIVE_ANNOTATION[expr.kind]
            return [text if text == "None" else self.builtin(text, shadow)]
        if isinstance(expr, AnyType):
            return [self.t("Any")]
        if isinstance(expr, ConstType):
            return [self.const_annotation(expr.value, shadow)]
        if isinstance(expr, ArrayType):
            return [f"{self.builtin('list', shadow)}[{self.annotation(expr.items, shadow)}]"]
        if isinstance(expr, MapType):
            key = self.builtin("str", shadow)
            value = self.annotation(expr.values, shadow)
            return [f"{self.builtin('dict', shadow)}[{key}, {value}]"]
        if isinstance(expr, InlineUnion):
            parts: list[str] = []
            for member in expr.members:
                for part in self.annotation_parts(member, shadow):
                    if part not in parts:
                        parts.append(part)
            if "None" in parts:
                parts.remove("None")
                parts.append("None")
            return parts
        named = self.named(expr)
        if isinstance(named, EnumType) and not named.closed and self.enum_kind(named) == "str":
            return [named.names.cls, self.builtin("str", shadow)]
        return [named.names.cls]

    def const_annotation(self, value: Any, shadow: frozenset[str]) -> str:
        if value is None:
            return "None"
        if isinstance(value, str | bool) or _is_short_int(value):
            return f"{self.t('Literal')}[{self.lit.flat(value)}]"
        if isinstance(value, int):
            return self.builtin("int", shadow)
        if isinstance(value, float):
            return self.builtin("float", shadow)
        if isinstance(value, list):
            return f"{self.builtin('list', shadow)}[{self.t('Any')}]"
        return f"{self.builtin('dict', shadow)}[{self.builtin('str', shadow)}, {self.t('Any')}]"

    # -- loaders ----------------------------------------------------------------------------

    def convert(self, expr: TypeExpr, var: str) -> str:
        """An expression that loads ``var`` as ``expr`` (raising on a mismatch)."""
        if isinstance(expr, Ref):
            named = self.named(expr)
            if isinstance(named, ObjectType):
                return f"{named.names.cls}._load({var})"
            if isinstance(named, EnumType) and named.closed and self.enum_kind(named) == "str":
                return f"_ENUM_{named.names.snake}[{var}]"
            return f"_load_{named.names.snake}({var})"
        return f"{self.helper(expr)}({var})"

    def helper(self, expr: TypeExpr) -> str:
        """The name of the module-level loader for an anonymous type expression."""
        key = repr(expr)
        if key not in self.helpers:
            ident = str(len(self.helpers) + 1)
            function = _Function(ident, expr)
            self.helpers[key] = function
            function.lines = self.loader_function(f"_load_{ident}", expr)
            self.helper_order.append(key)
        return f"_load_{self.helpers[key].ident}"

    def loader_function(self, name: str, expr: TypeExpr, *, nullable: bool = False) -> list[str]:
        returns = self.annotation(expr) + (" | None" if nullable else "")
        lines = wrap_def("", name, ["v: " + self.t("Any")], returns)
        body: list[str] = []
        if nullable:
            body += [f"{STEP}if v is None:", f"{STEP}{STEP}return None"]
        body += self.load_body(expr, STEP)
        return lines + body

    def load_body(self, expr: TypeExpr, indent: str) -> list[str]:
        """Statements that ``return`` ``v`` loaded as ``expr`` or raise."""
        inner = indent + STEP
        if isinstance(expr, ArrayType | MapType):
            kind = "list" if isinstance(expr, ArrayType) else "dict"
            sub = expr.items if isinstance(expr, ArrayType) else expr.values
            lines = [f"{indent}if not isinstance(v, {kind}):", f"{inner}raise _Invalid"]
            check = self.check(sub, "x")
            loop = "for x in v:" if kind == "list" else "for x in v.values():"
            if check == "True":
                return [*lines, f"{indent}return {kind}(v)"]
            if check is not None:
                return [
                    *lines,
                    f"{indent}{loop}",
                    *wrap_operands(inner, "if not ", [check], "and", ":"),
                    f"{inner}{STEP}raise _Invalid",
                    f"{indent}return {kind}(v)",
                ]
            if kind == "list":
                return [*lines, f"{indent}return [{self.convert(sub, 'x')} for x in v]"]
            return [*lines, f"{indent}return {{k: {self.convert(sub, 'x')} for k, x in v.items()}}"]
        members = expr.members if isinstance(expr, InlineUnion) else (expr,)
        return self.union_body(members, None, indent)

    def union_body(
        self,
        members: Sequence[TypeExpr],
        tag: tuple[str, list[tuple[str, str]]] | None,
        indent: str,
    ) -> list[str]:
        inner = indent + STEP
        lines: list[str] = []
        if tag is not None:
            prop, cases = tag
            lines.append(f"{indent}if isinstance(v, dict):")
            lines.append(f"{inner}tag = v.get({self.lit.string(prop)})")
            for value, cls in cases:
                lines.append(f"{inner}if tag == {self.lit.string(value)}:")
                lines.append(f"{inner}{STEP}return {cls}._load(v)")
            lines.append(f"{indent}raise _Invalid")
            return lines
        for index, member in enumerate(members):
            later = frozenset().union(*(self.shape(m) for m in members[index + 1 :]))
            check = self.check(member, "v")
            if check == "True":
                lines.append(f"{indent}return v")
                return lines
            if check is not None:
                lines.extend(wrap_operands(indent, "if ", [check], "and", ":"))
                lines.append(f"{inner}return {self.narrowed(member)}")
                continue
            enum_map = self.closed_str_enum_map(member)
            if enum_map is not None:
                lines.append(f"{indent}if isinstance(v, str) and v in {enum_map}:")
                lines.append(f"{inner}return {enum_map}[v]")
                continue
            guard = self.guard(member)
            body_indent = inner if guard else indent
            if guard:
                lines.append(f"{indent}if {guard}:")
            if self.shape(member) & later:
                lines.append(f"{body_indent}try:")
                lines.append(f"{body_indent}{STEP}return {self.convert(member, 'v')}")
                lines.append(f"{body_indent}except _LOAD_ERRORS:")
                lines.append(f"{body_indent}{STEP}pass")
            else:
                lines.append(f"{body_indent}return {self.convert(member, 'v')}")
                if not guard:
                    return lines
        lines.append(f"{indent}raise _Invalid")
        return lines

    def closed_str_enum_map(self, expr: TypeExpr) -> str | None:
        if isinstance(expr, Ref):
            named = self.named(expr)
            if isinstance(named, EnumType) and named.closed and self.enum_kind(named) == "str":
                return f"_ENUM_{named.names.snake}"
        return None

    def narrowed(self, expr: TypeExpr) -> str:
        """What a union loader returns once ``check(expr, "v")`` held."""
        if isinstance(expr, ConstType):
            value = expr.value
            if value is None or isinstance(value, str | bool | int):
                return self.lit.flat(value)
            return f"{self.t('cast')}({self.const_annotation(value, frozenset())}, v)"
        if isinstance(expr, Ref):
            named = self.named(expr)
            if isinstance(named, AliasType) and isinstance(named.target, ConstType):
                return f"{self.t('cast')}({named.names.cls}, v)"
        return "v"

    def guard(self, expr: TypeExpr) -> str | None:
        """A cheap ``isinstance`` test that must hold for ``expr`` to load, if one exists."""
        shape = self.shape(expr)
        if shape == frozenset({"object"}):
            return "isinstance(v, dict)"
        if shape == frozenset({"array"}):
            return "isinstance(v, list)"
        if shape == frozenset({"string"}):
            return "isinstance(v, str)"
        return None

    def discriminator(self, union: UnionType) -> tuple[str, list[tuple[str, str]]] | None:
        """``(property, [(tag, class), ...])`` when every member is told apart by one tag."""
        refs = [m for m in union.members if isinstance(m, Ref)]
        if len(refs) != len(union.members):
            return None
        objects = [self.named(m) for m in refs]
        if not all(isinstance(o, ObjectType) for o in objects):
            return None
        classes = {o.names.schema: o.names.cls for o in objects}
        if union.discriminator is not None and union.discriminator.mapping:
            mapping = union.discriminator.mapping
            if {name for _, name in mapping} == set(classes):
                return union.discriminator.property, [(v, classes[n]) for v, n in mapping]
        candidates: dict[str, list[tuple[str, str]]] | None = None
        for obj in objects:
            assert isinstance(obj, ObjectType)
            tags = {f.wire_name: self.tag_value(f) for f in obj.fields if f.required}
            found = {wire: [(value, obj.names.cls)] for wire, value in tags.items() if value}
            if candidates is None:
                candidates = found
            else:
                candidates = {w: c + found[w] for w, c in candidates.items() if w in found}
        for wire, cases in (candidates or {}).items():
            if len({value for value, _ in cases}) == len(cases):
                return wire, cases
        return None

    def tag_value(self, field_: Field) -> str | None:
        if field_.nullable:
            return None
        expr = field_.type
        if isinstance(expr, ConstType) and isinstance(expr.value, str):
            return expr.value
        if isinstance(expr, Ref):
            named = self.named(expr)
            if isinstance(named, EnumType) and named.closed and len(named.values) == 1:
                value = named.values[0]
                return value if isinstance(value, str) else None
        return None

    # -- trusted construction (after the validator accepted the document) --------------------

    def build(self, expr: TypeExpr, var: str) -> str:
        """An expression for ``var`` as ``expr``, converting without checking anything.

        Only for values a generated validator has accepted. Unions whose members cannot be
        told apart by their JSON type alone use the checked loader.
        """
        if isinstance(expr, Primitive | AnyType | ConstType) or not self.needs_build(expr):
            return var
        if isinstance(expr, ArrayType | MapType):
            sub = expr.items if isinstance(expr, ArrayType) else expr.values
            if isinstance(sub, ArrayType | MapType) and self.needs_build(sub):
                inner = f"{self.build_helper(sub)}(x)"
            else:
                inner = self.build(sub, "x")
            if isinstance(expr, ArrayType):
                return f"list({var})" if inner == "x" else f"[{inner} for x in {var}]"
            return f"dict({var})" if inner == "x" else f"{{k: {inner} for k, x in {var}.items()}}"
        if isinstance(expr, InlineUnion):
            if not self.dispatchable(expr.members):
                return self.convert(expr, var)
            return f"{self.build_helper(expr)}({var})"
        named = self.named(expr)
        snake = named.names.snake
        if isinstance(named, ObjectType):
            return f"{named.names.cls}._build({var})"
        if isinstance(named, EnumType):  # a StrEnum: needs_build is false for the others
            return f"_ENUM_{snake}[{var}]" if named.closed else f"_load_{snake}({var})"
        if isinstance(named, UnionType) and not self.has_builder(named):
            return f"_load_{snake}({var})"
        return f"_build_{snake}({var})"

    def needs_build(self, expr: TypeExpr, seen: frozenset[str] = frozenset()) -> bool:
        """Whether a valid value of ``expr`` must be converted (or copied) to be loaded."""
        if isinstance(expr, Primitive | AnyType | ConstType):
            return False
        if isinstance(expr, ArrayType | MapType):
            return True
        if isinstance(expr, InlineUnion):
            return any(self.needs_build(m, seen) for m in expr.members)
        if expr.name in seen:
            return True
        named = self.named(expr)
        if isinstance(named, ObjectType):
            return True
        if isinstance(named, EnumType):
            return self.enum_kind(named) == "str"
        if isinstance(named, UnionType):
            return any(self.needs_build(m, seen | {expr.name}) for m in named.members)
        return self.needs_build(named.target, seen | {expr.name})

    def dispatchable(self, members: Sequence[TypeExpr]) -> bool:
        """Whether every member that needs converting is told apart by an ``isinstance``."""
        for index, member in enumerate(members):
            if not self.needs_build(member):
                continue
            others = [m for i, m in enumerate(members) if i != index]
            overlap = self.shape(member) & frozenset().union(*(self.shape(m) for m in others))
            if self.guard(member) is None or overlap:
                return False
        return True

    def has_builder(self, union: UnionType) -> bool:
        return self.discriminator(union) is not None or self.dispatchable(union.members)

    def build_helper(self, expr: TypeExpr) -> str:
        """The name of the module-level builder for an anonymous type expression."""
        key = "build " + repr(expr)
        if key not in self.helpers:
            ident = str(sum(1 for k in self.helpers if k.startswith("build ")) + 1)
            function = _Function(ident, expr)
            self.helpers[key] = function
            returns = self.annotation(expr)
            lines = wrap_def("", f"_build_{ident}", ["v: " + self.t("Any")], returns)
            members = expr.members if isinstance(expr, InlineUnion) else (expr,)
            function.lines = lines + self.build_body(members, None, returns, STEP)
            self.helper_order.append(key)
        return f"_build_{self.helpers[key].ident}"

    def build_body(
        self,
        members: Sequence[TypeExpr],
        tag: tuple[str, list[tuple[str, str]]] | None,
        returns: str,
        indent: str,
    ) -> list[str]:
        """Statements returning ``v`` built as one of ``members`` (dispatching on its type);
        ``returns`` is the annotation a value that needs no building is cast to."""
        inner = indent + STEP
        if tag is not None:
            prop, cases = tag
            lines = [f"{indent}tag = v.get({self.lit.string(prop)})"]
            for value, cls in cases:
                lines.append(f"{indent}if tag == {self.lit.string(value)}:")
                lines.append(f"{inner}return {cls}._build(v)")
            return [*lines, f"{indent}raise _Invalid"]
        if len(members) == 1:
            built = self.build(members[0], "v")
            return _statement(indent, "return ", self.cast(returns, "v") if built == "v" else built)
        lines = []
        for member in members:
            built = self.build(member, "v")
            if built != "v":
                lines += [f"{indent}if {self.guard(member)}:", *_statement(inner, "return ", built)]
        return [*lines, *_statement(indent, "return ", self.cast(returns, "v"))]

    def cast(self, annotation: str, var: str) -> str:
        """``cast`` to a quoted annotation (a constant: nothing is evaluated at run time)."""
        return f"{self.t('cast')}({py_str(annotation)}, {var})"

    # -- dumpers ----------------------------------------------------------------------------

    def dump(self, expr: TypeExpr, var: str) -> str:
        """An expression for ``var`` (a loaded ``expr``) as JSON data."""
        if isinstance(expr, Primitive | AnyType | ConstType):
            return var
        if isinstance(expr, ArrayType | MapType):
            sub = expr.items if isinstance(expr, ArrayType) else expr.values
            inner = self.dump(sub, "x")
            if isinstance(expr, ArrayType):
                return f"list({var})" if inner == "x" else f"[{inner} for x in {var}]"
            return f"dict({var})" if inner == "x" else f"{{k: {inner} for k, x in {var}.items()}}"
        if isinstance(expr, InlineUnion):
            return f"{self.dump_helper(expr)}({var})"
        named = self.named(expr)
        if isinstance(named, ObjectType):
            return f"{var}.to_dict()"
        if isinstance(named, EnumType):
            if self.enum_kind(named) != "str":
                return var
            if named.closed:
                return f"{var}.value"
            return f"_dump_{named.names.snake}({var})"
        if isinstance(named, AliasType) and self.is_plain(named):
            return var
        return f"_dump_{named.names.snake}({var})"

    def dump_helper(self, expr: TypeExpr) -> str:
        key = repr(expr)
        if key not in self.dump_helpers:
            ident = str(len(self.dump_helpers) + 1)
            function = _Function(ident, expr)
            self.dump_helpers[key] = function
            function.lines = self.dumper_function(f"_dump_{ident}", expr)
            self.dump_order.append(key)
        return f"_dump_{self.dump_helpers[key].ident}"

    def dumper_function(self, name: str, expr: TypeExpr, *, nullable: bool = False) -> list[str]:
        params = ["v: " + self.annotation(expr) + (" | None" if nullable else "")]
        lines = wrap_def("", name, params, self.t("Any"))
        members = list(expr.members) if isinstance(expr, InlineUnion) else [expr]
        return lines + self.dump_body(members, STEP)

    def dump_body(self, members: Sequence[TypeExpr], indent: str) -> list[str]:
        """Dispatch on the Python type of a union's value: models, enums, containers, rest."""
        flat = self.flatten(members)
        if flat is None:
            return [f"{indent}return _to_json(v)"]
        inner = indent + STEP
        lines: list[str] = []
        lists = [m for m in flat if isinstance(m, ArrayType)]
        maps = [m for m in flat if isinstance(m, MapType)]
        has_any = any(isinstance(m, AnyType) for m in flat)
        for member in flat:
            if isinstance(member, Ref):
                named = self.named(member)
                if isinstance(named, ObjectType):
                    lines += [f"{indent}if isinstance(v, {named.names.cls}):"]
                    lines += [f"{inner}return v.to_dict()"]
                elif isinstance(named, EnumType) and self.enum_kind(named) == "str":
                    lines += [f"{indent}if isinstance(v, {named.names.cls}):"]
                    lines += [f"{inner}return v.value"]
        for kind, group in (("list", lists), ("dict", maps)):
            if not group:
                continue
            lines.append(f"{indent}if isinstance(v, {kind}):")
            dumped = self.dump(group[0], "v")
            if len(group) > 1 or has_any:
                dumped = "v" if dumped == "v" else "_to_json(v)"
            lines.append(f"{inner}return {dumped}")
        lines.append(f"{indent}return v")
        return lines

    def flatten(
        self, members: Iterable[TypeExpr], seen: frozenset[str] = frozenset()
    ) -> list[TypeExpr] | None:
        """Union members with aliases and nested unions expanded; ``None`` on a cycle."""
        out: list[TypeExpr] = []
        for member in members:
            if isinstance(member, InlineUnion):
                parts = self.flatten(member.members, seen)
            elif isinstance(member, Ref) and isinstance(self.named(member), UnionType | AliasType):
                if member.name in seen:
                    return None
                named = self.named(member)
                inner = (
                    named.members
                    if isinstance(named, UnionType)
                    else (named.target,)
                    if isinstance(named, AliasType)
                    else ()
                )
                parts = self.flatten(inner, seen | {member.name})
            else:
                parts = [member]
            if parts is None:
                return None
            out.extend(p for p in parts if p not in out)
        return out

    # -- checker table ----------------------------------------------------------------------

    def spec(self, expr: TypeExpr, nullable: bool = False) -> tuple[Any, ...]:
        """The checker's description of ``expr`` (see ``_check`` in the runtime)."""
        base: tuple[Any, ...]
        if isinstance(expr, Primitive):
            base = (expr.kind,)
        elif isinstance(expr, AnyType):
            base = ("any",)
        elif isinstance(expr, ConstType):
            base = ("const", _tupled(expr.value))
        elif isinstance(expr, ArrayType):
            base = ("array", self.spec(expr.items))
        elif isinstance(expr, MapType):
            base = ("map", self.spec(expr.values))
        elif isinstance(expr, InlineUnion):
            base = ("union", tuple(self.spec(m) for m in expr.members), None)
        else:
            base = ("ref", self.named(expr).names.snake)
        if nullable:
            return ("union", (base, ("null",)), None)
        return base

    def named_spec(self, named: NamedType) -> tuple[Any, ...]:
        if isinstance(named, ObjectType):
            fields = tuple(
                (f.wire_name, f.required, self.spec(f.type, f.nullable)) for f in named.fields
            )
            extra = None if named.additional is None else self.spec(named.additional)
            return ("object", fields, extra)
        if isinstance(named, EnumType):
            if not named.closed:
                return ("string",) if self.enum_kind(named) == "str" else ("any",)
            return ("enum", tuple(_tupled(v) for v in named.values))
        if isinstance(named, UnionType):
            tag = None
            found = self.discriminator(named)
            if found is not None:
                prop, cases = found
                snakes = {t.names.cls: t.names.snake for t in self.types}
                tag = (prop, tuple((value, snakes[cls]) for value, cls in cases))
            return ("union", tuple(self.spec(m) for m in named.members), tag)
        return self.spec(named.target, named.nullable)

    # -- named types ------------------------------------------------------------------------

    def enum_block(self, enum: EnumType) -> list[str]:
        names = enum.names
        kind = self.enum_kind(enum)
        doc = doc_lines(self.describe(enum), STEP if kind == "str" else "")
        if kind == "str":
            lines = [f"class {names.cls}(enum.StrEnum):", *doc]
            lines.append("")
            for member, value in zip(enum.member_names, enum.values, strict=True):
                lines.extend(self.lit.lines(value, STEP, f"{member} = "))
            return lines
        if kind in ("int", "float"):
            return [f"{names.cls}: {self.t('TypeAlias')} = {kind}", *doc]
        if kind == "literal":
            values = [self.lit.flat(v) for v in enum.values]
            head = f"{names.cls}: {self.t('TypeAlias')} = "
            if len(head) + len(self.t("Literal")) + 2 + len(", ".join(values)) > WIDTH:
                body = wrap_call("", head + self.t("Literal"), values)
                body[0] = body[0][:-1] + "["
                body[-1] = "]"
            else:
                body = [f"{head}{self.t('Literal')}[{', '.join(values)}]"]
            return [*body, *doc]
        return [f"{names.cls}: {self.t('TypeAlias')} = {self.t('Any')}", *doc]

    def describe(self, named: NamedType) -> str:
        text = named.description or f"The ``{named.names.schema}`` schema."
        where = named.pointer or "/"
        return f"{text}\n\nSchema location: ``{where}``."

    def alias_annotation(self, named: UnionType | AliasType) -> str:
        if isinstance(named, UnionType):
            return self.annotation(InlineUnion(named.members))
        text = self.annotation(named.target)
        return f"{text} | None" if named.nullable and text not in ("None", "Any") else text

    def alias_block(self, named: UnionType | AliasType, later: set[str]) -> list[str]:
        """``Name: TypeAlias = ...``; quoted when it refers to itself or to later aliases."""
        text = self.alias_annotation(named)
        refers = self.alias_references(named)
        if refers & later:
            text = py_str(text)
        head = f"{named.names.cls}: {self.t('TypeAlias')} = "
        parts = [text] if text.startswith(("'", '"')) else _split_union(text)
        lines = wrap_operands("", head, parts, "|", "")
        return [*lines, *doc_lines(self.describe(named), "")]

    def alias_references(self, named: UnionType | AliasType) -> set[str]:
        out: set[str] = set()
        stack: list[TypeExpr] = (
            list(named.members) if isinstance(named, UnionType) else [named.target]
        )
        while stack:
            expr = stack.pop()
            if isinstance(expr, Ref):
                out.add(expr.name)
            elif isinstance(expr, ArrayType):
                stack.append(expr.items)
            elif isinstance(expr, MapType):
                stack.append(expr.values)
            elif isinstance(expr, InlineUnion):
                stack.extend(expr.members)
        return out

    def alias_functions(self, named: UnionType | AliasType | EnumType) -> list[str]:
        snake = named.names.snake
        if isinstance(named, EnumType):
            if self.enum_kind(named) == "str":
                cls = named.names.cls
                if named.closed:
                    return []
                return [
                    f"def _load_{snake}(v: {self.t('Any')}) -> {cls} | str:",
                    f"{STEP}if isinstance(v, str):",
                    f"{STEP}{STEP}return _ENUM_{snake}.get(v, v)",
                    f"{STEP}raise _Invalid",
                    "",
                    "",
                    f"def _dump_{snake}(v: {cls} | str) -> str:",
                    f"{STEP}return v.value if isinstance(v, {cls}) else v",
                ]
            if not named.closed:
                return []
            values = self.lit.lines(
                tuple(_tupled(v) for v in named.values), "", f"_VALUES_{snake} = "
            )
            return [
                *values,
                "",
                "",
                *wrap_def(
                    "",
                    f"_is_{snake}",
                    ["v: object"],
                    f"{self.t('TypeGuard')}[{named.names.cls}]",
                ),
                f"{STEP}return any(_json_equal(v, c) for c in _VALUES_{snake})",
            ]
        if isinstance(named, AliasType) and self.is_plain(named):
            return []
        if isinstance(named, UnionType):
            load_lines = wrap_def("", f"_load_{snake}", ["v: " + self.t("Any")], named.names.cls)
            load_lines += self.union_body(named.members, self.discriminator(named), STEP)
            dump_lines = wrap_def("", f"_dump_{snake}", [f"v: {named.names.cls}"], self.t("Any"))
            dump_lines += self.dump_body(named.members, STEP)
        else:
            target = named.target
            load_lines = wrap_def("", f"_load_{snake}", ["v: " + self.t("Any")], named.names.cls)
            if named.nullable:
                load_lines += [f"{STEP}if v is None:", f"{STEP}{STEP}return None"]
            load_lines += self.load_body(target, STEP)
            dump_lines = wrap_def("", f"_dump_{snake}", [f"v: {named.names.cls}"], self.t("Any"))
            if named.nullable:
                dump_lines += [f"{STEP}if v is None:", f"{STEP}{STEP}return None"]
            dump_lines += [f"{STEP}return {self.dump(target, 'v')}"]
        return [*load_lines, "", "", *dump_lines, *self.named_builder(named)]

    def named_builder(self, named: UnionType | AliasType) -> list[str]:
        """``_build_<name>`` (after two blank lines) when the trusted path needs one."""
        if not self.with_validators or not self.needs_build(Ref(named.names.schema)):
            return []
        if isinstance(named, UnionType) and not self.has_builder(named):
            return []
        head = wrap_def("", f"_build_{named.names.snake}", ["v: " + self.t("Any")], named.names.cls)
        cls = named.names.cls
        if isinstance(named, UnionType):
            body = self.build_body(named.members, self.discriminator(named), cls, STEP)
        else:
            body = [f"{STEP}if v is None:", f"{STEP}{STEP}return None"] if named.nullable else []
            body += self.build_body([named.target], None, cls, STEP)
        return ["", "", *head, *body]

    def public_alias_functions(self, named: UnionType | AliasType) -> list[str]:
        """``load_<name>``/``dump_<name>``: the checked entry points of a union or alias."""
        snake, cls = named.names.snake, named.names.cls
        loader = f"_load_{snake}"
        lines: list[str] = []
        plain = isinstance(named, AliasType) and self.is_plain(named)
        if isinstance(named, AliasType) and plain:
            loader = f"_passthrough_{snake}"
            check = self.check(Ref(named.names.schema), "v")
            lines += wrap_def("", loader, ["v: " + self.t("Any")], cls)
            if check is not None and check != "True":
                lines += wrap_operands(STEP, "if not ", [check], "and", ":")
                lines += [f"{STEP}{STEP}raise _Invalid"]
                returned = self.narrowed(named.target)
                if named.nullable and returned != "v":
                    returned = "v"
                lines += [f"{STEP}return {returned}"]
            else:
                lines += [f"{STEP}return v"]
            lines += ["", ""]
        lines += wrap_def(
            "",
            f"load_{snake}",
            ["data: " + self.t("Any"), "*", "validate: bool = True"],
            cls,
        )
        lines += doc_lines(f"Load a ``{named.names.schema}`` value, checked.", STEP)
        if self.with_validators:
            built = self.build(Ref(named.names.schema), "data")
            built = self.cast(cls, "data") if built == "data" else built
            lines += self.validated_load(snake, built, STEP)
        lines += wrap_call(STEP, "return _load_checked", [loader, "data", py_str(snake)])
        lines += ["", ""]
        lines += wrap_def("", f"dump_{snake}", [f"value: {cls}"], self.t("Any"))
        lines += doc_lines(f"A ``{named.names.schema}`` value as JSON data.", STEP)
        if plain:
            lines += [f"{STEP}return value"]
        else:
            lines += [f"{STEP}return _dump_{snake}(value)"]
        return lines

    # -- classes ----------------------------------------------------------------------------

    def class_view(self, obj: ObjectType) -> ClassView:
        names = obj.names
        shadow = frozenset(f.py_name for f in obj.fields) & frozenset(_BUILTINS)
        lines = ["@_dc.dataclass(slots=True, kw_only=True, repr=False)", f"class {names.cls}:"]
        lines += doc_lines(self.describe(obj), STEP)
        lines.append("")
        defaults = {f.py_name: f.default for f in obj.fields if f.has_default}
        if defaults:
            ann = (
                f"{self.t('ClassVar')}[{self.builtin('dict', shadow)}"
                f"[{self.builtin('str', shadow)}, {self.t('Any')}]]"
            )
            lines += self.lit.lines(defaults, STEP, f"SCHEMA_DEFAULTS: {ann} = ")
            lines += doc_lines(
                "Schema defaults by attribute; never filled in on load (absent stays absent).",
                STEP,
            )
        for f in obj.fields:
            lines += self.field_lines(f, shadow)
        if obj.additional is not None:
            value = self.annotation(obj.additional, shadow)
            extra_ann = f"{self.builtin('dict', shadow)}[{self.builtin('str', shadow)}, {value}]"
            lines.append(f"{STEP}extra: {extra_ann} = _dc.field(default_factory=dict)")
            lines += doc_lines("Members the schema does not declare, kept as they came.", STEP)
        lines += self.methods(obj, shadow)
        return ClassView(names.cls, lines)

    def field_lines(self, f: Field, shadow: frozenset[str]) -> list[str]:
        parts = self.annotation_parts(f.type, shadow)
        if f.nullable and "None" not in parts:
            parts.append("None")
        if not f.required:
            parts.append("Unset")
        tail = "" if f.required else " = UNSET"
        head = f"{f.py_name}: "
        joined = " | ".join(parts)
        if len(STEP) + len(head) + len(joined) + len(tail) <= WIDTH:
            lines = [f"{STEP}{head}{joined}{tail}"]
        else:
            lines = wrap_operands(STEP, head, parts, "|", tail)
        notes: list[str] = []
        if f.description:
            notes.append(f.description)
        if f.wire_name != f.py_name:
            notes.append(f"JSON member: ``{f.wire_name}``.")
        if f.has_default:
            notes.append(
                f"Schema default: ``{_json_text(f.default)}`` (not filled in on load; "
                "see ``SCHEMA_DEFAULTS``)."
            )
        if notes:
            lines += doc_lines("\n\n".join(notes), STEP)
        return lines

    def local(self, obj: ObjectType, index: int) -> str:
        """The local variable for a field: its attribute name, unless that is one of the
        method's own names, or long enough to push ``obj.<name> = <name>`` past the width."""
        name = obj.fields[index].py_name
        if len(name) > _MAX_LOCAL:
            name = f"m{index}"
        elif name not in _LOCALS:
            return name
        taken = _LOCALS | {f.py_name for i, f in enumerate(obj.fields) if i != index}
        while name in taken:
            name += "_"
        return name

    def methods(self, obj: ObjectType, shadow: frozenset[str]) -> list[str]:
        snake = obj.names.snake
        any_ = self.t("Any")
        self_ = self.t("Self")
        s, d = STEP, STEP * 2
        bool_ = self.builtin("bool", shadow)
        str_ = self.builtin("str", shadow)
        dict_ = self.builtin("dict", shadow)
        text = f"{str_} | {self.builtin('bytes', shadow)} | {self.builtin('bytearray', shadow)}"
        lines = ["", f"{s}@classmethod"]
        lines += wrap_def(
            s, "from_dict", ["cls", f"data: {any_}", "*", f"validate: {bool_} = True"], self_
        )
        lines += doc_lines(
            "Load a document (JSON data), raising ValidationError listing every problem.", d
        )
        if self.with_validators:
            lines += self.validated_load(snake, "cls._build(data)", d)
        lines += wrap_call(d, "return _load_checked", ["cls._load", "data", py_str(snake)])
        lines += ["", f"{s}@classmethod"]
        lines += wrap_def(
            s, "from_json", ["cls", f"text: {text}", "*", f"validate: {bool_} = True"], self_
        )
        lines += doc_lines("Load a JSON document, raising ValidationError if it does not match.", d)
        lines += [f"{d}return cls.from_dict(_parse_json(text), validate=validate)"]
        lines += ["", f"{s}def to_dict(self) -> {dict_}[{str_}, {any_}]:"]
        lines += doc_lines("This object as JSON data: absent members stay absent.", d)
        lines += self.dump_method(obj, d)
        lines += ["", f"{s}def to_json(self) -> {str_}:"]
        lines += doc_lines("This object as a JSON document.", d)
        lines += [f"{d}return json.dumps(self.to_dict(), ensure_ascii=False)"]
        lines += ["", f"{s}@classmethod"]
        lines += wrap_def(s, "_load", ["cls", f"data: {any_}"], self_)
        lines += self.load_method(obj, d)
        if self.with_validators:
            lines += ["", f"{s}@classmethod"]
            lines += wrap_def(s, "_build", ["cls", f"data: {any_}"], self_)
            lines += doc_lines("Construct from a document the validator accepted: no checks.", d)
            lines += self.build_method(obj, d)
        lines += ["", f"{s}__repr__ = _model_repr"]
        return lines

    def validated_load(self, snake: str, build: str, indent: str) -> list[str]:
        """The ``validate=True`` path of a loader when the validators module is generated.

        The validator's ``is_valid_*`` builds no error objects; only a refused document pays
        for ``iter_errors_*``. An accepted document is built without any further checks. Should
        the models be unable to hold a document the validator accepted (a generator bug), the
        checked loader below runs and reports it as a ValidationError, never a KeyError.
        """
        inner, body = indent + STEP, indent + STEP * 2
        return [
            f"{indent}if validate:",
            *wrap_operands(inner, "if not ", [f"_validators.is_valid_{snake}(data)"], "and", ":"),
            *wrap_call(body, "_refuse", [f"_validators.iter_errors_{snake}(data)"]),
            f"{inner}try:",
            f"{body}return {build}",
            f"{inner}except _LOAD_ERRORS:",
            f"{body}pass  # checked below, so the mismatch is reported as a ValidationError",
        ]

    def build_method(self, obj: ObjectType, indent: str) -> list[str]:
        """``_build``: the object's members converted (enums, nested objects), never checked."""
        inner = indent + STEP
        lines = [f"{indent}obj = object.__new__(cls)"]
        for index, f in enumerate(obj.fields):
            wire = self.lit.string(f.wire_name)
            attr = f"obj.{f.py_name}"
            source = f"data[{wire}]" if f.required else f"data.get({wire}, UNSET)"
            var = self.local(obj, index)
            template = self.build(f.type, "\0")
            if template == "\0":
                lines += _assign(indent, attr, source)
                continue
            guards = ([] if f.required else [f"{var} is not UNSET"]) + (
                [f"{var} is not None"] if f.nullable else []
            )
            if not guards and template.count("\0") == 1:
                lines += _assign(indent, attr, template.replace("\0", source))
                continue
            lines += _assign(indent, var, source)
            built = template.replace("\0", var)
            if guards:
                lines += wrap_operands(indent, "if ", guards, "and", ":")
                lines += _assign(inner, var, built)
                lines.append(f"{indent}{attr} = {var}")
            else:
                lines += _assign(indent, attr, built)
        if obj.additional is not None:
            lines += self.build_extra(obj, indent)
        lines.append(f"{indent}return obj")
        return lines

    def build_extra(self, obj: ObjectType, indent: str) -> list[str]:
        built = self.build(obj.additional or AnyType(), "x")
        keys = f"_KEYS_{obj.names.snake}"
        if not obj.fields:
            if built == "x":
                return [f"{indent}obj.extra = dict(data)"]
            return _assign(indent, "obj.extra", f"{{k: {built} for k, x in data.items()}}")
        if built == "x":
            comprehension = f"{{k: x for k, x in data.items() if k not in {keys}}}"
            if len(indent + STEP) + len("obj.extra = ") + len(comprehension) > WIDTH:
                return wrap_call(indent, "obj.extra = _extra", ["data", keys])
            return [
                f"{indent}obj.extra = {{}}",
                f"{indent}if not {keys}.issuperset(data):",
                f"{indent}{STEP}obj.extra = {comprehension}",
            ]
        value = f"{{k: {built} for k, x in data.items() if k not in {keys}}}"
        return _assign(indent, "obj.extra", value)

    def load_method(self, obj: ObjectType, indent: str) -> list[str]:
        inner = indent + STEP
        lines = [f"{indent}if not isinstance(data, dict):", f"{inner}raise _Invalid"]
        args: list[str] = []
        for index, f in enumerate(obj.fields):
            var = self.local(obj, index)
            wire = self.lit.string(f.wire_name)
            if f.required:
                lines.append(f"{indent}{var} = data[{wire}]")
            else:
                lines.append(f"{indent}{var} = data.get({wire}, UNSET)")
            guards = ([] if f.required else [f"{var} is not UNSET"]) + (
                [f"{var} is not None"] if f.nullable else []
            )
            check = self.check(f.type, var)
            if check == "True":
                pass
            elif check is not None:
                lines += wrap_operands(indent, "if ", [*guards, f"not {_paren(check)}"], "and", ":")
                lines.append(f"{inner}raise _Invalid")
            else:
                expr = self.convert(f.type, var)
                at = inner if guards else indent
                if guards:
                    lines += wrap_operands(indent, "if ", guards, "and", ":")
                call = f"({var})"
                head = expr[: -len(call)] if expr.endswith(call) else ""
                if len(at) + len(var) + 3 + len(expr) > WIDTH and head.isidentifier():
                    # what ruff format does with a long one-argument call: the argument alone
                    lines += [f"{at}{var} = {head}(", f"{at}{STEP}{var}", f"{at})"]
                else:
                    lines.append(f"{at}{var} = {expr}")
            args.append(f"{f.py_name}={var}")
        keys = f"_KEYS_{obj.names.snake}"
        if obj.additional is None:
            lines += [f"{indent}if not {keys}.issuperset(data):", f"{inner}raise _Invalid"]
        else:
            check = self.check(obj.additional, "x")
            if not obj.fields:
                source = "data.items()"
                lines.append(f"{indent}extra = {{}}" if check != "True" else "")
            if check == "True":
                if obj.fields:
                    lines = [ln for ln in lines if ln] + self.extra_lines(indent, keys)
                else:
                    lines = [ln for ln in lines if ln] + [f"{indent}extra = dict(data)"]
            else:
                source = "data.items()"
                lines.append(f"{indent}extra = {{}}") if obj.fields else None
                lines.append(f"{indent}for k, x in {source}:")
                body = inner + STEP
                if obj.fields:
                    lines.append(f"{inner}if k in {keys}:")
                    lines.append(f"{body}continue")
                if check is not None:
                    lines += wrap_operands(inner, "if not ", [check], "and", ":")
                    lines.append(f"{body}raise _Invalid")
                    lines.append(f"{inner}extra[k] = x")
                else:
                    lines.append(f"{inner}extra[k] = {self.convert(obj.additional, 'x')}")
                lines = [ln for ln in lines if ln]
            args.append("extra=extra")
        lines.append(f"{indent}obj = object.__new__(cls)")
        lines += [f"{indent}obj.{arg.replace('=', ' = ', 1)}" for arg in args]
        lines.append(f"{indent}return obj")
        return lines

    def extra_lines(self, indent: str, keys: str) -> list[str]:
        """Undeclared members into ``extra``: a set test first, so the usual case is cheap."""
        inner = indent + STEP
        dict_any = f"dict[str, {self.t('Any')}]"
        comprehension = f"{{k: x for k, x in data.items() if k not in {keys}}}"
        if len(inner) + len("extra = ") + len(comprehension) <= WIDTH:
            return [
                f"{indent}extra: {dict_any} = {{}}",
                f"{indent}if not {keys}.issuperset(data):",
                f"{inner}extra = {comprehension}",
            ]
        return wrap_call(indent, "extra = _extra", ["data", keys])

    def dump_method(self, obj: ObjectType, indent: str) -> list[str]:
        inner = indent + STEP
        any_ = self.t("Any")
        if not obj.fields and obj.additional is not None:
            if self.dump(obj.additional, "x") == "x":
                return [f"{indent}return dict(self.extra)"]
            dumped = self.dump(obj.additional, "x")
            return [f"{indent}return {{k: {dumped} for k, x in self.extra.items()}}"]
        lines = [f"{indent}out: dict[str, {any_}] = {{}}"]
        for index, f in enumerate(obj.fields):
            wire = self.lit.string(f.wire_name)
            attr = f"self.{f.py_name}"
            dumped = self.dump(f.type, "v")
            if f.required and not f.nullable:
                lines.append(f"{indent}out[{wire}] = {self.dump(f.type, attr)}")
                continue
            if dumped == "v":
                if f.required:
                    lines.append(f"{indent}out[{wire}] = {attr}")
                else:
                    lines += wrap_operands(indent, "if ", [f"{attr} is not UNSET"], "and", ":")
                    lines.append(f"{inner}out[{wire}] = {attr}")
                continue
            var = self.local(obj, index)
            dumped = self.dump(f.type, var)
            lines.append(f"{indent}{var} = {attr}")
            value = f"None if {var} is None else {dumped}" if f.nullable else dumped
            if f.required:
                lines += _assign(indent, f"out[{wire}]", value)
            else:
                lines += [f"{indent}if {var} is not UNSET:"]
                lines += _assign(inner, f"out[{wire}]", value)
        if obj.additional is not None:
            dumped = self.dump(obj.additional, "x")
            if dumped == "x":
                lines += [f"{indent}if self.extra:", f"{inner}out.update(self.extra)"]
            else:
                lines += [f"{indent}for k, x in self.extra.items():", f"{inner}out[k] = {dumped}"]
        lines.append(f"{indent}return out")
        return lines

    # -- assembly ---------------------------------------------------------------------------

    def render(self) -> str:
        ir = self.ir
        enums = [t for t in self.types if isinstance(t, EnumType)]
        objects = [t for t in self.types if isinstance(t, ObjectType)]
        aliases = [t for t in self.types if isinstance(t, UnionType | AliasType)]

        enum_blocks = [self.enum_block(e) for e in enums]
        enum_maps = [self.lit_lines_enum_map(e) for e in enums if self.enum_kind(e) == "str"]
        class_views = [self.class_view(o) for o in objects]
        keys = [self.keys_lines(o) for o in objects if o.fields]
        ordered_aliases = self.order_aliases(aliases)
        alias_blocks: list[list[str]] = []
        defined: set[str] = set()
        remaining = {a.names.schema for a in ordered_aliases}
        for alias in ordered_aliases:
            remaining.discard(alias.names.schema)
            alias_blocks.append(self.alias_block(alias, remaining | {alias.names.schema}))
            defined.add(alias.names.schema)
        functions: list[list[str]] = []
        for named in [*enums, *ordered_aliases]:
            block = self.alias_functions(named)
            if block:
                functions.append(block)
        public = [self.public_alias_functions(a) for a in ordered_aliases]
        specs = {t.names.snake: self.named_spec(t) for t in self.types}
        spec_lines = self.lit.lines(specs, "", f"_SPECS: {self.t('Final')}[dict[str, _Spec]] = ")
        # helpers may register more helpers while rendering: drain until stable
        helper_blocks = [self.helpers[k].lines for k in self.helper_order]
        dump_blocks = [self.dump_helpers[k].lines for k in self.dump_order]
        while len(helper_blocks) < len(self.helper_order) or len(dump_blocks) < len(
            self.dump_order
        ):
            helper_blocks = [self.helpers[k].lines for k in self.helper_order]
            dump_blocks = [self.dump_helpers[k].lines for k in self.dump_order]
        builtin_aliases = [
            f"_{name}: {self.t('TypeAlias')} = {name}" for name in sorted(self.builtin_aliases)
        ]
        no_return = self.t("NoReturn") if self.with_validators else ""
        always = ("Any", "Final", "Literal", "TypeAlias", "TypeGuard", "TypeVar")
        wanted = [n for n in _TYPING_NAMES if n in always or n in self.used_typing]
        plain = sorted((n for n in wanted if self.typing[n] == n), key=_isort_key)
        aliased = [f"{n} as {self.typing[n]}" for n in wanted if self.typing[n] != n]
        root = self.by_name.get(ir.root) if ir.root else None
        source = PurePosixPath(ir.source.replace("\\", "/")).name or ir.source
        title = root.names.schema if root is not None else source
        module_doc = doc_lines(
            f"Typed models for ``{title}``, generated by schemagen from ``{source}``.\n\n"
            "Do not edit: regenerate instead. Every object type is a slotted dataclass with "
            "``from_dict``/``from_json`` (checked, raising ValidationError) and "
            "``to_dict``/``to_json``. Absent members are UNSET and stay absent; null members "
            "are None and stay null; undeclared members are kept in ``extra``.",
            "",
        )
        return render_template(
            "models",
            "module.py.jinja",
            module_doc=module_doc,
            typing_imports=_import_lines("typing", plain)
            + [f"from typing import {name}" for name in aliased],
            with_validators=self.with_validators,
            builtin_aliases=builtin_aliases,
            constants=self.lit.constant_lines(),
            enum_blocks=enum_blocks,
            enum_maps=enum_maps,
            class_views=class_views,
            keys=keys,
            alias_blocks=alias_blocks,
            functions=functions,
            helper_blocks=helper_blocks,
            dump_blocks=dump_blocks,
            public=public,
            spec_lines=spec_lines,
            any_=self.t("Any"),
            final=self.t("Final"),
            literal=self.t("Literal"),
            type_alias=self.t("TypeAlias"),
            type_guard=self.t("TypeGuard"),
            no_return=no_return,
            callable_t="Callable",
        )

    def keys_lines(self, obj: ObjectType) -> list[str]:
        wires = tuple(f.wire_name for f in obj.fields)
        head = f"_KEYS_{obj.names.snake}: {self.t('Final')} = frozenset("
        one = self.lit.lines(wires, "", head, ")")
        if len(one) == 1:
            return one
        return [head, *self.lit.lines(wires, STEP), ")"]

    def lit_lines_enum_map(self, enum: EnumType) -> list[str]:
        cls, snake = enum.names.cls, enum.names.snake
        head = f"_ENUM_{snake}: {self.t('Final')}[dict[str, {cls}]] = "
        line = f"{head}{{m.value: m for m in {cls}}}"
        if len(line) <= WIDTH:
            return [line]
        return [f"{head}{{", f"{STEP}m.value: m for m in {cls}", "}"]

    def order_aliases(self, aliases: list[UnionType | AliasType]) -> list[UnionType | AliasType]:
        """Aliases after the aliases they refer to (cycles keep schema order)."""
        names = {a.names.schema: a for a in aliases}
        done: list[UnionType | AliasType] = []
        state: dict[str, int] = {}

        def visit(alias: UnionType | AliasType) -> None:
            key = alias.names.schema
            if state.get(key):
                return
            state[key] = 1
            for ref in sorted(self.alias_references(alias)):
                if ref in names and not state.get(ref):
                    visit(names[ref])
            state[key] = 2
            done.append(alias)

        for alias in aliases:
            visit(alias)
        return done


def _break_alias_cycles(types: Sequence[NamedType]) -> tuple[NamedType, ...]:
    """``types`` with every alias on a class-less reference cycle made an alias of ``Any``.

    ``Loop1 = Loop2`` with ``Loop2 = Loop1 | int`` has no Python type (mypy: "invalid
    recursive alias"), and loading it would recurse forever. A cycle through a class
    (``Node.next: Node``) or a container (``Tree = list[Tree] | int``) is fine; only cycles
    whose every step is an alias or a union member are broken. The schema's validator still
    decides what such a value may be (it reports the loop when it reaches one).
    """
    named = {t.names.schema: t for t in types}
    edges: dict[str, set[str]] = {}
    for t in types:
        if isinstance(t, UnionType | AliasType):
            members = t.members if isinstance(t, UnionType) else (t.target,)
            edges[t.names.schema] = {
                r for r in _direct_refs(members) if isinstance(named.get(r), UnionType | AliasType)
            }
    cyclic = {name for name in edges if name in _reachable(name, edges)}
    return tuple(
        AliasType(
            names=t.names,
            uri=t.uri,
            pointer=t.pointer,
            description=t.description,
            examples=t.examples,
            target=AnyType("a reference cycle through aliases only"),
        )
        if t.names.schema in cyclic
        else t
        for t in types
    )


def _direct_refs(members: Iterable[TypeExpr]) -> set[str]:
    """Names referred to by ``members`` outside any container (union members, alias targets)."""
    out: set[str] = set()
    for member in members:
        if isinstance(member, Ref):
            out.add(member.name)
        elif isinstance(member, InlineUnion):
            out |= _direct_refs(member.members)
    return out


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    """Names reachable from ``start`` in one or more steps."""
    seen: set[str] = set()
    stack = list(edges.get(start, ()))
    while stack:
        name = stack.pop()
        if name not in seen:
            seen.add(name)
            stack.extend(edges.get(name, ()))
    return seen


def _import_lines(module: str, names: list[str]) -> list[str]:
    line = f"from {module} import {', '.join(names)}"
    if len(line) <= WIDTH:
        return [line]
    return [f"from {module} import (", *(f"{STEP}{n}," for n in names), ")"]


def _isort_key(name: str) -> tuple[int, str]:
    """isort's force-sort-within-sections order, as ruff's ``I`` rule applies it."""
    base = name.split(" ")[0]
    if base.isupper() and len(base) > 1:
        kind = 0
    elif base[:1].isupper():
        kind = 1
    else:
        kind = 2
    return (kind, base)


def _split_union(text: str) -> list[str]:
    """Top-level ``|`` operands of an annotation (brackets respected)."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


def _paren(check: str) -> str:
    return check if check.startswith(("isinstance(", "_", "(")) else f"({check})"


def _assign(indent: str, target: str, value: str) -> list[str]:
    return _statement(indent, f"{target} = ", value)


def _statement(indent: str, head: str, value: str) -> list[str]:
    """``head + value`` (an assignment, a ``return``), its value split the way ruff does."""
    line = f"{indent}{head}{value}"
    if len(line) <= WIDTH:
        return [line]
    if value[:1] in "[{" and _one_group(value):
        body = value[1:-1]
        if len(indent) + len(STEP) + len(body) > WIDTH:
            return [
                f"{indent}{head}{value[0]}",
                *_clauses(indent + STEP, value),
                f"{indent}{value[-1]}",
            ]
        return [f"{indent}{head}{value[0]}", f"{indent}{STEP}{body}", f"{indent}{value[-1]}"]
    if value.endswith(")") and _one_group(value[value.index("(") :]) and "," not in value:
        call = value.index("(")
        return wrap_call(indent, head + value[:call], [value[call + 1 : -1]])
    return [f"{indent}{head}(", f"{indent}{STEP}{value}", f"{indent})"]


def _clauses(indent: str, comprehension: str) -> list[str]:
    """The parts of a too-long comprehension one a line (element, ``for``, ``if``), as ruff
    splits them; found with ``ast`` so that string literals holding `` for `` are safe."""
    node = ast.parse(comprehension, mode="eval").body
    if not isinstance(node, ast.ListComp | ast.DictComp | ast.SetComp) or len(node.generators) != 1:
        return [f"{indent}{comprehension[1:-1]}"]

    def text(part: ast.expr) -> str:
        segment = ast.get_source_segment(comprehension, part)
        assert segment is not None
        return segment

    if isinstance(node, ast.DictComp):
        element = f"{text(node.key)}: {text(node.value)}"
    else:
        element = text(node.elt)
    loop = node.generators[0]
    parts = [element, f"for {text(loop.target)} in {text(loop.iter)}"]
    parts += [f"if {text(condition)}" for condition in loop.ifs]
    return [f"{indent}{part}" for part in parts]


def _one_group(text: str) -> bool:
    """Whether ``text`` is one bracketed group (``{...}``), so ruff hugs its brackets."""
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0 and index != len(text) - 1:
                return False
    return depth == 0


def _tupled(value: Any) -> Any:
    """JSON arrays as tuples (hashable, immutable) for the checker's tables."""
    if isinstance(value, list):
        return tuple(_tupled(v) for v in value)
    if isinstance(value, dict):
        return {k: _tupled(v) for k, v in value.items()}
    return value


def _json_text(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False)
    except ValueError:  # an integer beyond CPython's int/str conversion limit
        return "(a number too long to show)"
