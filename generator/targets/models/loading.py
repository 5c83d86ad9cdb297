"""Code that turns JSON data of one type expression into Python values.

:class:`Loading` writes checked loading (``convert`` and the ``_load_<n>`` helpers, raising at
the first mismatch; the checker's table lists every problem afterwards), :class:`Building`
trusted building (``build`` and the ``_build_<n>`` helpers, for documents the generated
validator has accepted).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from generator.ir import (
    AliasType,
    ArrayType,
    ConstType,
    EnumType,
    Field,
    InlineUnion,
    MapType,
    ObjectType,
    Ref,
    TypeExpr,
    UnionType,
)
from generator.pylayout import str_literal
from generator.targets.models.helpers import Helpers
from generator.targets.models.layout import (
    STEP,
    negated,
    statement,
    wrap_call,
    wrap_def,
    wrap_operands,
)
from generator.targets.models.types import CONTAINER_EXPRS, PLAIN_EXPRS, TypeView, enum_kind

#: A union told apart by one member: ``(property, [(tag value, class name), ...])``.
Tag = tuple[str, list[tuple[str, str]]]


class Loading:
    """Loader expressions, and the ``_load_<n>`` helpers they register."""

    def __init__(self, view: TypeView, helpers: Helpers) -> None:
        self.view = view
        self.helpers = helpers
        #: each union's tag, found once (the loader, the builder and the checker all ask)
        self._tags: dict[int, tuple[UnionType, Tag | None]] = {}

    def convert(self, expr: TypeExpr, var: str) -> str:
        """An expression that loads ``var`` as ``expr`` (raising on a mismatch)."""
        if not isinstance(expr, Ref):
            return f"{self.helpers.get('load', expr, self.loader_function)}({var})"
        named = self.view.named(expr)
        if isinstance(named, ObjectType):
            return f"{named.names.cls}._load({var})"
        if isinstance(named, EnumType) and named.closed and enum_kind(named) == "str":
            return f"_ENUM_{named.names.snake}[{var}]"
        if isinstance(named, EnumType | UnionType | AliasType):
            return f"_load_{named.names.snake}({var})"
        assert_never(named)

    def loader_function(self, name: str, expr: TypeExpr) -> list[str]:
        lines = wrap_def("", name, ["v: " + self.view.t("Any")], self.view.annotation(expr))
        return lines + self.load_body(expr, STEP)

    def load_body(self, expr: TypeExpr, indent: str) -> list[str]:
        """Statements that ``return`` ``v`` loaded as ``expr`` or raise."""
        inner = indent + STEP
        if isinstance(expr, CONTAINER_EXPRS):
            kind = "list" if isinstance(expr, ArrayType) else "dict"
            sub = expr.items if isinstance(expr, ArrayType) else expr.values
            lines = [f"{indent}if not isinstance(v, {kind}):", f"{inner}raise _Invalid"]
            check = self.view.check(sub, "x")
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

    def union_body(self, members: Sequence[TypeExpr], tag: Tag | None, indent: str) -> list[str]:
        view = self.view
        inner = indent + STEP
        lines: list[str] = []
        if tag is not None:
            prop, cases = tag
            lines.append(f"{indent}if isinstance(v, dict):")
            lines.append(f"{inner}tag = v.get({view.lit.string(prop)})")
            for value, cls in cases:
                lines.append(f"{inner}if tag == {view.lit.string(value)}:")
                lines.append(f"{inner}{STEP}return {cls}._load(v)")
            lines.append(f"{indent}raise _Invalid")
            return lines
        for index, member in enumerate(members):
            later = frozenset().union(*(view.shape(m) for m in members[index + 1 :]))
            check = view.check(member, "v")
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
            if view.shape(member) & later:
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
            named = self.view.named(expr)
            if isinstance(named, EnumType) and named.closed and enum_kind(named) == "str":
                return f"_ENUM_{named.names.snake}"
        return None

    def narrowed(self, expr: TypeExpr) -> str:
        """What a union loader returns once ``check(expr, "v")`` held."""
        if isinstance(expr, ConstType):
            value = expr.value
            if value is None or isinstance(value, str | bool | int):
                return self.view.lit.flat(value)
            return f"{self.view.t('cast')}({self.view.const_annotation(value, frozenset())}, v)"
        if isinstance(expr, Ref):
            named = self.view.named(expr)
            if isinstance(named, AliasType) and isinstance(named.target, ConstType):
                return f"{self.view.t('cast')}({named.names.cls}, v)"
        return "v"

    def guard(self, expr: TypeExpr) -> str | None:
        """A cheap ``isinstance`` test that must hold for ``expr`` to load, if one exists."""
        shape = self.view.shape(expr)
        if shape == frozenset({"object"}):
            return "isinstance(v, dict)"
        if shape == frozenset({"array"}):
            return "isinstance(v, list)"
        if shape == frozenset({"string"}):
            return "isinstance(v, str)"
        return None

    def discriminator(self, union: UnionType) -> Tag | None:
        """``(property, [(tag, class), ...])`` when every member is told apart by one tag."""
        known = self._tags.get(id(union))
        if known is None or known[0] is not union:
            known = self._tags[id(union)] = (union, self._discriminator(union))
        return known[1]

    def _discriminator(self, union: UnionType) -> Tag | None:
        refs = [m for m in union.members if isinstance(m, Ref)]
        if len(refs) != len(union.members):
            return None
        objects = [self.view.named(m) for m in refs]
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
            named = self.view.named(expr)
            if isinstance(named, EnumType) and named.closed and len(named.values) == 1:
                value = named.values[0]
                return value if isinstance(value, str) else None
        return None

    def cast(self, annotation: str, var: str) -> str:
        """``cast`` to a quoted annotation (a constant: nothing is evaluated at run time)."""
        return f"{self.view.t('cast')}({str_literal(annotation)}, {var})"


class Building:
    """Trusted construction (after the validator accepted the document): ``_build_<n>``."""

    def __init__(self, view: TypeView, helpers: Helpers, loading: Loading) -> None:
        self.view = view
        self.helpers = helpers
        self.loading = loading

    def build(self, expr: TypeExpr, var: str) -> str:
        """An expression for ``var`` as ``expr``, converting without checking anything.

        Only for values a generated validator has accepted. Unions whose members cannot be
        told apart by their JSON type alone use the checked loader.
        """
        if isinstance(expr, PLAIN_EXPRS):
            return var
        if isinstance(expr, Ref):
            if not self.needs_build(expr):
                return var
            return self.build_named(expr, var)
        if isinstance(expr, ArrayType):
            inner = self.element(expr.items)
            return f"list({var})" if inner == "x" else f"[{inner} for x in {var}]"
        if isinstance(expr, MapType):
            inner = self.element(expr.values)
            if inner == "x":
                return f"dict({var})"
            return f"{{k: {inner} for k, x in {var}.items()}}"
        if isinstance(expr, InlineUnion):
            if not self.needs_build(expr):
                return var
            if not self.dispatchable(expr.members):
                return self.loading.convert(expr, var)
            return f"{self.build_helper(expr)}({var})"
        assert_never(expr)

    def element(self, sub: TypeExpr) -> str:
        """A container's member ``x`` built (a nested container by its own helper)."""
        if isinstance(sub, CONTAINER_EXPRS):
            return f"{self.build_helper(sub)}(x)"
        return self.build(sub, "x")

    def build_named(self, ref: Ref, var: str) -> str:
        named = self.view.named(ref)
        snake = named.names.snake
        if isinstance(named, ObjectType):
            return f"{named.names.cls}._build({var})"
        if isinstance(named, EnumType):  # a StrEnum: needs_build is false for the others
            return f"_ENUM_{snake}[{var}]" if named.closed else f"_load_{snake}({var})"
        if isinstance(named, UnionType):
            if not self.has_builder(named):
                return f"_load_{snake}({var})"
            return f"_build_{snake}({var})"
        if isinstance(named, AliasType):
            return f"_build_{snake}({var})"
        assert_never(named)

    def needs_build(self, expr: TypeExpr, seen: frozenset[str] = frozenset()) -> bool:
        """Whether a valid value of ``expr`` must be converted (or copied) to be loaded."""
        if isinstance(expr, PLAIN_EXPRS):
            return False
        if isinstance(expr, CONTAINER_EXPRS):
            return True
        if isinstance(expr, InlineUnion):
            return any(self.needs_build(m, seen) for m in expr.members)
        if isinstance(expr, Ref):
            if expr.name in seen:
                return True
            named = self.view.named(expr)
            if isinstance(named, ObjectType):
                return True
            if isinstance(named, EnumType):
                return enum_kind(named) == "str"
            if isinstance(named, UnionType):
                return any(self.needs_build(m, seen | {expr.name}) for m in named.members)
            if isinstance(named, AliasType):
                return self.needs_build(named.target, seen | {expr.name})
            assert_never(named)
        assert_never(expr)

    def dispatchable(self, members: Sequence[TypeExpr]) -> bool:
        """Whether every member that needs converting is told apart by an ``isinstance``."""
        shape = self.view.shape
        for index, member in enumerate(members):
            if not self.needs_build(member):
                continue
            others = [m for i, m in enumerate(members) if i != index]
            overlap = shape(member) & frozenset().union(*(shape(m) for m in others))
            if self.loading.guard(member) is None or overlap:
                return False
        return True

    def has_builder(self, union: UnionType) -> bool:
        return self.loading.discriminator(union) is not None or self.dispatchable(union.members)

    def build_helper(self, expr: TypeExpr) -> str:
        """The name of the module-level builder for an anonymous type expression."""
        return self.helpers.get("build", expr, self.builder_function)

    def builder_function(self, name: str, expr: TypeExpr) -> list[str]:
        returns = self.view.annotation(expr)
        lines = wrap_def("", name, ["v: " + self.view.t("Any")], returns)
        members = expr.members if isinstance(expr, InlineUnion) else (expr,)
        return lines + self.build_body(members, None, returns, STEP)

    def build_body(
        self, members: Sequence[TypeExpr], tag: Tag | None, returns: str, indent: str
    ) -> list[str]:
        """Statements returning ``v`` built as one of ``members`` (dispatching on its type);
        ``returns`` is the annotation a value that needs no building is cast to."""
        inner = indent + STEP
        lit, cast = self.view.lit, self.loading.cast
        if tag is not None:
            prop, cases = tag
            lines = [f"{indent}tag = v.get({lit.string(prop)})"]
            for value, cls in cases:
                lines.append(f"{indent}if tag == {lit.string(value)}:")
                lines.append(f"{inner}return {cls}._build(v)")
            return [*lines, f"{indent}raise _Invalid"]
        if len(members) == 1:
            built = self.build(members[0], "v")
            return statement(indent, "return ", cast(returns, "v") if built == "v" else built)
        lines = []
        for member in members:
            built = self.build(member, "v")
            if built != "v":
                guard = self.loading.guard(member)
                lines += [f"{indent}if {guard}:", *statement(inner, "return ", built)]
        return [*lines, *statement(indent, "return ", cast(returns, "v"))]


def validated_load(view: TypeView, snake: str, build: str, indent: str) -> list[str]:
    """The ``validate=True`` path of a loader when the validators module is generated.

    The validator's ``is_valid_*`` builds no error objects; only a refused document pays
    for ``iter_errors_*``. An accepted document is built without any further checks. Should
    the models be unable to hold a document the validator accepted (a generator bug), the
    checked loader below runs and reports it as a ValidationError, never a KeyError.
    """
    inner, body = indent + STEP, indent + STEP * 2
    view.validators_used = True
    return [
        f"{indent}if validate:",
        *wrap_operands(inner, "if not ", [f"_validators.is_valid_{snake}(data)"], "and", ":"),
        *wrap_call(body, "_refuse", [f"_validators.iter_errors_{snake}(data)"]),
        f"{inner}try:",
        f"{body}return {build}",
        f"{inner}except _LOAD_ERRORS:",
        f"{body}pass  # checked below, so the mismatch is reported as a ValidationError",
    ]
