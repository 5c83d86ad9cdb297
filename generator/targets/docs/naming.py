"""How the docs model names inline models: Speakeasy's clash rules (RULES.md §11).

A mixin of :class:`~generator.targets.docs.spec.DocsModel`: the walk files every inline model
with its context, and :meth:`Naming.assign_names` names them once the walk is done, the
shallowest first, in walk order at one depth.
"""

from __future__ import annotations

from dataclasses import replace

from generator.targets.docs import names
from generator.targets.docs.model import Context, Model


class Naming:
    taken: dict[str, str]
    spelled: dict[str, str]
    contested: frozenset[str]
    op_held: dict[str, str]
    unnamed: list[tuple[int, int, Model, Context, str]]

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
