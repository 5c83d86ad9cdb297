"""The declarations of named types: enum classes, ``TypeAlias`` lines, dataclass bodies with
their documented fields, and the module tables (``_KEYS_``, ``_ENUM_``) they rely on."""

from __future__ import annotations

from generator.ir import (
    AliasType,
    ArrayType,
    EnumType,
    Field,
    InlineUnion,
    MapType,
    NamedType,
    ObjectType,
    Ref,
    TypeExpr,
    UnionType,
)
from generator.targets.models.layout import STEP, WIDTH, logical
from generator.targets.models.literals import doc_lines, json_text, py_str
from generator.targets.models.loaders import Loaders

#: Builtins used in class-body annotations; a field of the same name would shadow them.
_BUILTINS = ("str", "int", "float", "bool", "list", "dict", "bytes", "bytearray")


class Declarations(Loaders):
    """Type declarations, in the order the module defines them."""

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
            body = logical("", f"{head}{self.t('Literal')}[{', '.join(values)}]")
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
        return [*logical("", head + text), *doc_lines(self.describe(named), "")]

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

    # -- classes ----------------------------------------------------------------------------

    def class_block(self, obj: ObjectType) -> list[str]:
        names = obj.names
        shadow = frozenset(f.py_name for f in obj.fields) & frozenset(_BUILTINS)
        lines: list[str] = []
        defaults = {f.py_name: f.default for f in obj.fields if f.has_default}
        header = f"class {names.cls}:"
        if defaults:
            # On a plain base class, not in the dataclass: mypyc hands dataclasses the type of
            # a ClassVar in a dataclass body, which then takes it for a field (mypyc/mypyc#1122).
            base = f"_{names.cls}Defaults"
            ann = (
                f"{self.t('ClassVar')}[{self.builtin('dict', shadow)}"
                f"[{self.builtin('str', shadow)}, {self.t('Any')}]]"
            )
            lines += [f"class {base}:"]
            lines += doc_lines(f"``{names.cls}.SCHEMA_DEFAULTS``.", STEP)
            lines += ["", f"{STEP}__slots__ = ()", ""]
            lines += self.lit.lines(defaults, STEP, f"SCHEMA_DEFAULTS: {ann} = ")
            lines += doc_lines(
                "Schema defaults by attribute; never filled in on load (absent stays absent).",
                STEP,
            )
            lines += ["", ""]
            header = f"class {names.cls}({base}):"
            if len(header) > WIDTH:
                header = f"class {names.cls}(\n{STEP}{base}\n):"
        lines += ["@_dc.dataclass(slots=True, kw_only=True, repr=False)", *header.split("\n")]
        lines += doc_lines(self.describe(obj), STEP)
        lines.append("")
        for f in obj.fields:
            lines += self.field_lines(f, shadow)
        if obj.additional is not None:
            value = self.annotation(obj.additional, shadow)
            extra_ann = f"{self.builtin('dict', shadow)}[{self.builtin('str', shadow)}, {value}]"
            lines += logical(STEP, f"extra: {extra_ann} = _dc.field(default_factory=dict)")
            lines += doc_lines("Members the schema does not declare, kept as they came.", STEP)
        members = len(lines)
        lines += self.methods(obj, shadow)
        if lines[members - 1 : members + 1] == ["", ""]:
            del lines[members]  # (a class of no fields: one blank line after its docstring)
        return lines

    def field_lines(self, f: Field, shadow: frozenset[str]) -> list[str]:
        parts = self.annotation_parts(f.type, shadow)
        if f.nullable and "None" not in parts:
            parts.append("None")
        if not f.required:
            parts.append("Unset")
        tail = "" if f.required else " = UNSET"
        head = f"{f.py_name}: "
        lines = logical(STEP, f"{head}{' | '.join(parts)}{tail}")
        notes: list[str] = []
        if f.description:
            notes.append(f.description)
        if f.wire_name != f.py_name:
            notes.append(f"JSON member: ``{f.wire_name}``.")
        if f.has_default:
            notes.append(
                f"Schema default: ``{json_text(f.default)}`` (not filled in on load; "
                "see ``SCHEMA_DEFAULTS``)."
            )
        if notes:
            lines += doc_lines("\n\n".join(notes), STEP)
        return lines

    # -- tables and order -------------------------------------------------------------------

    def keys_lines(self, obj: ObjectType) -> list[str]:
        wires = tuple(f.wire_name for f in obj.fields)
        head = f"_KEYS_{obj.names.snake}: {self.t('Final')} = frozenset("
        flat = self.lit.flat(wires)
        if len(head) + len(flat) + len(")") <= WIDTH:
            return [f"{head}{flat})"]
        return [head, *self.lit.lines(wires, STEP), ")"]

    def lit_lines_enum_map(self, enum: EnumType) -> list[str]:
        cls, snake = enum.names.cls, enum.names.snake
        head = f"_ENUM_{snake}: {self.t('Final')}[dict[str, {cls}]] = "
        return logical("", f"{head}{{m.value: m for m in {cls}}}")

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
