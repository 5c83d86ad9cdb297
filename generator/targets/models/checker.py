"""``_SPECS``, the table the runtime's checker walks to list every problem of a document."""

from __future__ import annotations

from typing import Any, assert_never

from generator.ir import (
    AliasType,
    AnyType,
    ArrayType,
    ConstType,
    EnumType,
    InlineUnion,
    MapType,
    NamedType,
    ObjectType,
    Primitive,
    Ref,
    TypeExpr,
    UnionType,
)
from generator.pylayout import mark
from generator.targets.models.layout import STEP, WIDTH
from generator.targets.models.literals import tupled
from generator.targets.models.loading import Loading
from generator.targets.models.types import TypeView, enum_kind


class Checker:
    """The checker's description of every named type (see ``_check`` in the runtime)."""

    def __init__(self, view: TypeView, loading: Loading) -> None:
        self.view = view
        self.loading = loading
        self.snake_of_class = {t.names.cls: t.names.snake for t in view.types}

    def spec(self, expr: TypeExpr, nullable: bool = False) -> tuple[Any, ...]:
        """The checker's description of ``expr``."""
        base: tuple[Any, ...]
        match expr:
            case Primitive():
                base = (expr.kind,)
            case Ref():
                base = ("ref", self.view.named(expr).names.snake)
            case AnyType():
                base = ("any",)
            case ConstType():
                base = ("const", tupled(expr.value))
            case ArrayType():
                base = ("array", self.spec(expr.items))
            case MapType():
                base = ("map", self.spec(expr.values))
            case InlineUnion():
                base = ("union", tuple(self.spec(m) for m in expr.members), None)
            case _:
                assert_never(expr)
        if nullable:
            return ("union", (base, ("null",)), None)
        return base

    def named_spec(self, named: NamedType) -> tuple[Any, ...]:
        match named:
            case ObjectType():
                fields = tuple(
                    (f.wire_name, f.required, self.spec(f.type, f.nullable)) for f in named.fields
                )
                extra = None if named.additional is None else self.spec(named.additional)
                return ("object", fields, extra)
            case EnumType():
                if not named.closed:
                    return ("string",) if enum_kind(named) == "str" else ("any",)
                return ("enum", tuple(tupled(v) for v in named.values))
            case UnionType():
                tag = None
                found = self.loading.discriminator(named)
                if found is not None:
                    prop, cases = found
                    tag = (prop, tuple((value, self.snake_of_class[cls]) for value, cls in cases))
                return ("union", tuple(self.spec(m) for m in named.members), tag)
            case AliasType():
                return self.spec(named.target, named.nullable)
            case _:
                assert_never(named)

    def table(self) -> str:
        """``_SPECS``, laid out as ``Literals.lines`` lays out a dict, written entry by entry."""
        lit = self.view.lit
        head = f"_SPECS: {self.view.t('Final')}[dict[str, _Spec]] = "
        by_snake = {t.names.snake: t for t in self.view.types}
        entries = []
        for snake, named in by_snake.items():
            key = f"{lit.string(snake)}: "
            entries.append(mark(lit.lines(self.named_spec(named), STEP, key, ",")))
        if not any("\n" in entry for entry in entries):
            # every entry fits a line: the whole table may too (a very small schema)
            one_line = head + "{" + ", ".join(entry[len(STEP) : -1] for entry in entries) + "}"
            if len(one_line) <= WIDTH:
                return one_line
        return mark([f"{head}{{", *entries, "}"])
