"""Code that turns JSON data of one type expression into Python values.

Checked loading (``convert`` and the ``_load_<n>`` helpers, raising at the first mismatch,
plus the checker's table that lists every problem afterwards) and trusted building (``build``
and the ``_build_<n>`` helpers, for documents the generated validator has accepted).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
from generator.targets.models.annotations import (
    CONTAINER_EXPRS,
    PLAIN_EXPRS,
    Annotations,
    Function,
)
from generator.targets.models.layout import STEP, negated, statement, wrap_def, wrap_operands
from generator.targets.models.literals import py_str, tupled


class Conversions(Annotations):
    """Loader and builder expressions, and the module-level helpers they register."""

    def __init__(self, ir: SchemaIR, *, with_validators: bool) -> None:
        super().__init__(ir, with_validators=with_validators)
        self.helpers: dict[str, Function] = {}
        self.helper_order: list[str] = []
        self.snake_of_class = {t.names.cls: t.names.snake for t in self.types}

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
            function = Function(ident, expr)
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
        if isinstance(expr, CONTAINER_EXPRS):
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
                    *wrap_operands(inner, "if ", [negated(check)], "and", ":"),
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
        if isinstance(expr, PLAIN_EXPRS) or not self.needs_build(expr):
            return var
        if isinstance(expr, CONTAINER_EXPRS):
            sub = expr.items if isinstance(expr, ArrayType) else expr.values
            if isinstance(sub, CONTAINER_EXPRS) and self.needs_build(sub):
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
        if isinstance(expr, PLAIN_EXPRS):
            return False
        if isinstance(expr, CONTAINER_EXPRS):
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
            function = Function(ident, expr)
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
            return statement(indent, "return ", self.cast(returns, "v") if built == "v" else built)
        lines = []
        for member in members:
            built = self.build(member, "v")
            if built != "v":
                lines += [f"{indent}if {self.guard(member)}:", *statement(inner, "return ", built)]
        return [*lines, *statement(indent, "return ", self.cast(returns, "v"))]

    def cast(self, annotation: str, var: str) -> str:
        """``cast`` to a quoted annotation (a constant: nothing is evaluated at run time)."""
        return f"{self.t('cast')}({py_str(annotation)}, {var})"

    # -- checker table ----------------------------------------------------------------------

    def spec(self, expr: TypeExpr, nullable: bool = False) -> tuple[Any, ...]:
        """The checker's description of ``expr`` (see ``_check`` in the runtime)."""
        base: tuple[Any, ...]
        if isinstance(expr, Primitive):
            base = (expr.kind,)
        elif isinstance(expr, AnyType):
            base = ("any",)
        elif isinstance(expr, ConstType):
            base = ("const", tupled(expr.value))
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
            return ("enum", tuple(tupled(v) for v in named.values))
        if isinstance(named, UnionType):
            tag = None
            found = self.discriminator(named)
            if found is not None:
                prop, cases = found
                tag = (prop, tuple((value, self.snake_of_class[cls]) for value, cls in cases))
            return ("union", tuple(self.spec(m) for m in named.members), tag)
        return self.spec(named.target, named.nullable)
