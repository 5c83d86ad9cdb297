"""Enums, unions and aliases: their declarations, and their ``_load_``/``_build_``/``_dump_``
and public ``load_``/``dump_`` functions."""

from __future__ import annotations

from typing import assert_never

from generator.ir import (
    AliasType,
    AnyType,
    ArrayType,
    ConstType,
    EnumType,
    InlineUnion,
    MapType,
    Primitive,
    Ref,
    TypeExpr,
    UnionType,
)
from generator.pylayout import str_literal
from generator.targets.models.dumping import Dumping
from generator.targets.models.layout import (
    STEP,
    logical,
    negated,
    wrap_call,
    wrap_def,
    wrap_operands,
)
from generator.targets.models.literals import doc_lines, tupled
from generator.targets.models.loading import Building, Loading, validated_load
from generator.targets.models.types import describe, enum_kind, is_plain

Alias = UnionType | AliasType


class Aliases:
    """The code of every enum, union and alias."""

    def __init__(
        self, loading: Loading, building: Building, dumping: Dumping, *, with_validators: bool
    ) -> None:
        self.view = loading.view
        self.loading = loading
        self.building = building
        self.dumping = dumping
        self.with_validators = with_validators

    # -- declarations -----------------------------------------------------------------------

    def enum_block(self, enum: EnumType) -> list[str]:
        view = self.view
        names = enum.names
        kind = enum_kind(enum)
        doc = doc_lines(describe(enum), STEP if kind == "str" else "")
        if kind == "str":
            lines = [f"class {names.cls}(enum.StrEnum):", *doc]
            lines.append("")
            for member, value in zip(enum.member_names, enum.values, strict=True):
                lines.extend(view.lit.lines(value, STEP, f"{member} = "))
            return lines
        if kind in ("int", "float"):
            return [f"{names.cls}: {view.t('TypeAlias')} = {kind}", *doc]
        if kind == "literal":
            values = [view.lit.flat(v) for v in enum.values]
            head = f"{names.cls}: {view.t('TypeAlias')} = "
            body = logical("", f"{head}{view.t('Literal')}[{', '.join(values)}]")
            return [*body, *doc]
        return [f"{names.cls}: {view.t('TypeAlias')} = {view.t('Any')}", *doc]

    def enum_map(self, enum: EnumType) -> list[str]:
        cls, snake = enum.names.cls, enum.names.snake
        head = f"_ENUM_{snake}: {self.view.t('Final')}[dict[str, {cls}]] = "
        return logical("", f"{head}{{m.value: m for m in {cls}}}")

    def alias_annotation(self, named: Alias) -> str:
        if isinstance(named, UnionType):
            return self.view.annotation(InlineUnion(named.members))
        text = self.view.annotation(named.target)
        return f"{text} | None" if named.nullable and text not in ("None", "Any") else text

    def alias_block(self, named: Alias, later: set[str]) -> list[str]:
        """``Name: TypeAlias = ...``; quoted when it refers to itself or to later aliases."""
        text = self.alias_annotation(named)
        if references(named) & later:
            text = str_literal(text)
        head = f"{named.names.cls}: {self.view.t('TypeAlias')} = "
        return [*logical("", head + text), *doc_lines(describe(named), "")]

    # -- functions --------------------------------------------------------------------------

    def enum_functions(self, enum: EnumType) -> list[str]:
        view, snake = self.view, enum.names.snake
        if enum_kind(enum) == "str":
            cls = enum.names.cls
            if enum.closed:
                return []
            return [
                f"def _load_{snake}(v: {view.t('Any')}) -> {cls} | str:",
                f"{STEP}if isinstance(v, str):",
                f"{STEP}{STEP}return _ENUM_{snake}.get(v, v)",
                f"{STEP}raise _Invalid",
                "",
                "",
                f"def _dump_{snake}(v: {cls} | str) -> str:",
                f"{STEP}return v.value if isinstance(v, {cls}) else v",
            ]
        if not enum.closed:
            return []
        values = view.lit.lines(
            tuple(tupled(v) for v in enum.values),
            "",
            f"_VALUES_{snake}: tuple[{view.t('Any')}, ...] = ",  # (mypy cannot infer ({},))
        )
        return [
            *values,
            "",
            "",
            *wrap_def(
                "", f"_is_{snake}", ["v: object"], f"{view.t('TypeGuard')}[{enum.names.cls}]"
            ),
            f"{STEP}return any(_json_equal(v, c) for c in _VALUES_{snake})",
        ]

    def alias_functions(self, named: Alias) -> list[str]:
        """``_load_<name>`` and ``_dump_<name>`` (and ``_build_<name>``) of a union or alias."""
        if isinstance(named, AliasType) and is_plain(named):
            return []
        snake, cls, any_ = named.names.snake, named.names.cls, self.view.t("Any")
        load_lines = wrap_def("", f"_load_{snake}", ["v: " + any_], cls)
        if isinstance(named, UnionType):
            load_lines += self.loading.union_body(
                named.members, self.loading.discriminator(named), STEP
            )
            dump_lines = wrap_def("", f"_dump_{snake}", [f"v: {cls}"], self.view.t("Any"))
            dump_lines += self.dumping.dump_body(named.members, STEP)
        else:
            if named.nullable:
                load_lines += [f"{STEP}if v is None:", f"{STEP}{STEP}return None"]
            load_lines += self.loading.load_body(named.target, STEP)
            dump_lines = wrap_def("", f"_dump_{snake}", [f"v: {cls}"], self.view.t("Any"))
            if named.nullable:
                dump_lines += [f"{STEP}if v is None:", f"{STEP}{STEP}return None"]
            dump_lines += [f"{STEP}return {self.dumping.dump(named.target, 'v')}"]
        return [*load_lines, "", "", *dump_lines, *self.named_builder(named)]

    def named_builder(self, named: Alias) -> list[str]:
        """``_build_<name>`` (after two blank lines) when the trusted path needs one."""
        building = self.building
        if not self.with_validators or not building.needs_build(Ref(named.names.schema)):
            return []
        if isinstance(named, UnionType) and not building.has_builder(named):
            return []
        cls = named.names.cls
        head = wrap_def("", f"_build_{named.names.snake}", ["v: " + self.view.t("Any")], cls)
        if isinstance(named, UnionType):
            tag = self.loading.discriminator(named)
            body = building.build_body(named.members, tag, cls, STEP)
        else:
            body = [f"{STEP}if v is None:", f"{STEP}{STEP}return None"] if named.nullable else []
            body += building.build_body([named.target], None, cls, STEP)
        return ["", "", *head, *body]

    def public_functions(self, named: Alias) -> list[str]:
        """``load_<name>``/``dump_<name>``: the checked entry points of a union or alias."""
        view = self.view
        snake, cls = named.names.snake, named.names.cls
        loader = f"_load_{snake}"
        lines: list[str] = []
        plain = isinstance(named, AliasType) and is_plain(named)
        if isinstance(named, AliasType) and plain:
            loader = f"_passthrough_{snake}"
            check = view.check(Ref(named.names.schema), "v")
            lines += wrap_def("", loader, ["v: " + view.t("Any")], cls)
            if check is not None and check != "True":
                lines += wrap_operands(STEP, "if ", [negated(check)], "and", ":")
                lines += [f"{STEP}{STEP}raise _Invalid"]
                returned = self.loading.narrowed(named.target)
                if named.nullable and returned != "v":
                    returned = "v"
                lines += [f"{STEP}return {returned}"]
            else:
                lines += [f"{STEP}return v"]
            lines += ["", ""]
        lines += wrap_def(
            "", f"load_{snake}", ["data: " + view.t("Any"), "*", "validate: bool = True"], cls
        )
        lines += doc_lines(f"Load a ``{named.names.schema}`` value, checked.", STEP)
        if self.with_validators:
            built = self.building.build(Ref(named.names.schema), "data")
            built = self.loading.cast(cls, "data") if built == "data" else built
            lines += validated_load(view, snake, built, STEP)
        lines += wrap_call(STEP, "return _load_checked", [loader, "data", str_literal(snake)])
        lines += ["", ""]
        lines += wrap_def("", f"dump_{snake}", [f"value: {cls}"], view.t("Any"))
        lines += doc_lines(f"A ``{named.names.schema}`` value as JSON data.", STEP)
        if plain:
            lines += [f"{STEP}return value"]
        else:
            lines += [f"{STEP}return _dump_{snake}(value)"]
        return lines


def references(named: Alias) -> set[str]:
    """The names ``named`` refers to, at any depth of its type expressions."""
    out: set[str] = set()
    stack: list[TypeExpr] = list(named.members) if isinstance(named, UnionType) else [named.target]
    while stack:
        expr = stack.pop()
        match expr:
            case Ref():
                out.add(expr.name)
            case ArrayType():
                stack.append(expr.items)
            case MapType():
                stack.append(expr.values)
            case InlineUnion():
                stack.extend(expr.members)
            case Primitive() | AnyType() | ConstType():
                pass
            case _:
                assert_never(expr)
    return out


def ordered(aliases: list[Alias]) -> list[Alias]:
    """Aliases after the aliases they refer to (cycles keep schema order)."""
    names = {a.names.schema: a for a in aliases}
    done: list[Alias] = []
    state: dict[str, int] = {}

    def visit(alias: Alias) -> None:
        key = alias.names.schema
        if state.get(key):
            return
        state[key] = 1
        for ref in sorted(references(alias)):
            if ref in names and not state.get(ref):
                visit(names[ref])
        state[key] = 2
        done.append(alias)

    for alias in aliases:
        visit(alias)
    return done
