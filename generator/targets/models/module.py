"""The generated module assembled: every part handed to ``templates/models/`` as text.

:class:`Module` makes the target's parts, each handed the parts it uses, and places their
blocks. Each block (a class, an enum, a function) is built as lines and joined into text as
soon as it is built; the template only places blocks.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.ir import AliasType, EnumType, ObjectType, SchemaIR, UnionType
from generator.pylayout import finish, mark
from generator.render import render as render_template
from generator.targets.models.aliases import Aliases, ordered
from generator.targets.models.checker import Checker
from generator.targets.models.classes import Classes
from generator.targets.models.cycles import break_alias_cycles
from generator.targets.models.dumping import Dumping
from generator.targets.models.helpers import Helpers
from generator.targets.models.layout import import_lines, isort_key
from generator.targets.models.literals import doc_lines
from generator.targets.models.loading import Building, Loading
from generator.targets.models.names import own_names
from generator.targets.models.runtime import runtime_source
from generator.targets.models.types import TYPING_NAMES, TypeView, enum_kind

#: ``typing`` names the runtime uses, imported by every module.
_RUNTIME_TYPING = ("Any", "Final", "Literal", "TypeAlias", "TypeGuard", "TypeVar")


class Module:
    """Builds ``models.py`` for one IR."""

    def __init__(self, ir: SchemaIR, *, with_validators: bool) -> None:
        self.ir = ir
        #: The IR's types with this module's names, aliases on a class-less cycle widened.
        self.view = TypeView(break_alias_cycles(own_names(ir.types)))
        self.helpers = Helpers()
        loading = Loading(self.view, self.helpers)
        building = Building(self.view, self.helpers, loading)
        dumping = Dumping(self.view, self.helpers)
        self.classes = Classes(loading, building, dumping, with_validators=with_validators)
        self.aliases = Aliases(loading, building, dumping, with_validators=with_validators)
        self.checker = Checker(self.view, loading)

    def render(self) -> str:
        view, classes, aliases = self.view, self.classes, self.aliases
        types = view.types
        enums = [t for t in types if isinstance(t, EnumType)]
        objects = [t for t in types if isinstance(t, ObjectType)]
        alias_types = ordered([t for t in types if isinstance(t, UnionType | AliasType)])

        enum_blocks = [mark(aliases.enum_block(e)) for e in enums]
        enum_maps = [mark(aliases.enum_map(e)) for e in enums if enum_kind(e) == "str"]
        class_blocks = [mark(classes.class_block(o)) for o in objects]
        keys = [mark(classes.keys_lines(o)) for o in objects if o.fields]
        alias_blocks: list[str] = []
        remaining = {a.names.schema for a in alias_types}
        for alias in alias_types:
            remaining.discard(alias.names.schema)
            alias_blocks.append(mark(aliases.alias_block(alias, remaining | {alias.names.schema})))
        functions = [aliases.enum_functions(e) for e in enums]
        functions += [aliases.alias_functions(a) for a in alias_types]
        public = [mark(aliases.public_functions(a)) for a in alias_types]
        specs = self.checker.table()
        builtin_aliases = [
            f"_{name}: {view.t('TypeAlias')} = {name}" for name in sorted(view.builtin_aliases)
        ]
        if view.validators_used:
            view.t("NoReturn")  # (the runtime's ``_refuse``)
        wanted = [n for n in TYPING_NAMES if n in _RUNTIME_TYPING or n in view.used_typing]
        return finish(
            render_template(
                "models",
                "module.py.jinja",
                module_doc=self.module_doc(),
                typing_imports=import_lines("typing", sorted(wanted, key=isort_key)),
                uses_validators=view.validators_used,
                builtin_aliases=builtin_aliases,
                constants=mark(view.lit.constant_lines()),
                enum_blocks=enum_blocks,
                enum_maps=enum_maps,
                class_blocks=class_blocks,
                keys=keys,
                alias_blocks=alias_blocks,
                functions=[
                    *(mark(block) for block in functions if block),
                    *map(mark, self.helpers.loaders),
                    *map(mark, self.helpers.dumpers),
                    *public,
                ],
                specs=specs,
                runtime=runtime_source(calls_validators=view.validators_used),
            )
        )

    def module_doc(self) -> list[str]:
        ir = self.ir
        root = self.view.by_name.get(ir.root) if ir.root else None
        source = PurePosixPath(ir.source.replace("\\", "/")).name or ir.source
        title = root.names.schema if root is not None else source
        return doc_lines(
            f"Typed models for ``{title}``, generated by schemagen from ``{source}``.\n\n"
            "Do not edit: regenerate instead. Every object type is a slotted dataclass with "
            "``from_dict``/``from_json`` (checked, raising ValidationError) and "
            "``to_dict``/``to_json``. Absent members are UNSET and stay absent; null members "
            "are None and stay null; undeclared members are kept in ``extra``.",
            "",
        )
