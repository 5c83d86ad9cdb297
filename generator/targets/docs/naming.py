"""How the docs model names its models: Speakeasy's clash rules (RULES.md §11).

Components take their class names first (:class:`Naming` is built from the component keys).
The walk asks :meth:`Naming.first_name` for each model it makes and files the inline models
that must wait; :meth:`Naming.assign_names` names those once the walk is done, the shallowest
first, in walk order at one depth.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from generator.targets.docs import names
from generator.targets.docs.model import Context, Model


class Naming:
    def __init__(
        self,
        schemas: Mapping[str, Any],
        contested: frozenset[str] = frozenset(),
        silent: frozenset[int] = frozenset(),
        op_held: dict[str, str] | None = None,
    ) -> None:
        #: Short names several inline models want (``nameResolutionFeb2025``: none gets it).
        self.contested = contested
        #: Inline schemas (by identity) that make discriminator constants: they take no name.
        self.silent = silent
        #: Class names in use (lower-cased) → "component" or the kind of inline model.
        self.taken: dict[str, str] = {}
        #: Component class names as spelled, by lower-cased name ("" for overridden names).
        self.spelled: dict[str, str] = {}
        self.class_of: dict[str, str] = {}
        for key, schema in schemas.items():
            override = schema.get("x-speakeasy-name-override") if isinstance(schema, dict) else None
            cls = names.class_name(override) if isinstance(override, str) else names.class_name(key)
            base, number = cls, 2
            # keys that differ only in separators or case; an override naming an existing
            # class joins it (Speakeasy writes one page: mistral's *TrainingParametersIn)
            while cls.lower() in self.taken and not isinstance(override, str):
                cls, number = f"{base}{number}", number + 1
            self.class_of[key] = cls
            self.taken[cls.lower()] = "component"
            # an overridden name is matched only after names are resolved: read it as spelled
            # otherwise, so a clash with it takes the suffix
            self.spelled[cls.lower()] = "" if isinstance(override, str) else cls
        self.unnamed: list[tuple[int, int, Model, Context, str]] = []
        #: Kinds of the models of operations' own schemas, by short name (this walk's, and the
        #: first walk's, which the second reads).
        self.op_kinds: dict[str, str] = {}
        self.op_held = op_held or {}

    def first_name(self, kind: str, schema: Any, ctx: Context, component: str | None) -> str:
        """The name a new model takes at once ("" for one named after the walk)."""
        if component is not None:
            return self.class_of[component]
        if ctx.own_name is not None:
            return ctx.own_name
        if not ctx.page:  # named in the operations' own namespace, after the components
            self.op_kinds.setdefault(names.class_name(ctx.short).lower(), kind)
            return ctx.short
        if id(schema) in self.silent:
            return names.class_name(ctx.short)
        return ""  # named once the walk is done: shallow models first (assign_names)

    def file(self, model: Model, ctx: Context, kind: str) -> None:
        """Note the short name an inline model of a page wants, and file it for
        :meth:`assign_names` when it has no name yet."""
        model.wanted = names.class_name(ctx.short).lower() if ctx.member_of is None else ""
        if not model.name:
            self.unnamed.append((ctx.depth, len(self.unnamed), model, ctx, kind))

    def take(self, name: str, kind: str) -> None:
        self.taken[name.lower()] = kind

    def assign_names(self) -> None:
        """Name the inline models, the shallowest first (a model directly in a component
        before one inside another inline model), in walk order at one depth."""
        for _, _, model, ctx, kind in sorted(self.unnamed, key=lambda item: item[:2]):
            if ctx.member_of is not None:
                model.name = self.member_name(ctx, kind)
            else:
                model.name = self.free_name(ctx, kind)

    def member_name(self, ctx: Context, kind: str) -> str:
        """An anonymous union member: its position as a number word, else the union's short
        name and the position, else the union's name and the position."""
        index = ctx.member or 1
        word = names.NUMBER_WORDS[index - 1] if index <= len(names.NUMBER_WORDS) else None
        for candidate in (word, f"{ctx.union}{index}", f"{ctx.member_of.name}{index}"):
            if candidate is not None and candidate.lower() not in self.taken:
                self.taken[candidate.lower()] = kind
                return candidate
        return self.free_name(replace(ctx, short=f"{ctx.member_of.name}{index}"), kind)

    def free_name(self, ctx: Context, kind: str) -> str:
        """The first free name among: the short name; for an enum or union whose short name a
        component holds spelled otherwise (``ImageUrl``, ``ImageURL``: one file name) or by its
        ``x-speakeasy-name-override``, the
        short name with ``Enum``/``Union``; inside an anonymous union member, the union's short
        name before it; the enclosing component's name (and the union's) before it, then with
        the names of the inline models on the way; outside members, that with the suffix;
        then numbers (a member's position inside members)."""
        short = names.class_name(ctx.short)
        suffix = {"enum": "Enum", "union": "Union"}.get(kind, "")
        union = ctx.union or ""
        prefix = "" if short.startswith(ctx.enclosing) else ctx.enclosing
        candidates = [short] if short.lower() not in self.contested else []
        held = self.op_held.get(short.lower())
        if kind == "enum" and held is not None and held != kind:
            # an operation's own model of another kind holds the name: the enum takes the
            # suffix (bluesky EventEnum, beside the emitEvent body's Event union)
            candidates = [short + suffix]
        if (
            suffix
            and self.taken.get(short.lower()) == "component"
            and (self.spelled.get(short.lower()) != short)
            and short.lower() not in self.contested  # a contest is settled by prefixes first
        ):
            candidates.append(short + suffix)
        if union:
            candidates.append(union + short)
        along = prefix + union
        candidates.append(along + short)
        for segment in ctx.path:
            along += segment
            candidates.append(along + short)
        if suffix and ctx.member is None:
            candidates.append(along + short + suffix)
        for name in candidates:
            if name.lower() not in self.taken:
                self.taken[name.lower()] = kind
                return name
        number = ctx.member if ctx.member is not None else 2
        while f"{along}{number}{short}".lower() in self.taken:
            number += 1
        self.taken[f"{along}{number}{short}".lower()] = kind
        return f"{along}{number}{short}"
