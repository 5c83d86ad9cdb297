"""The build context: the discovery state every module of the IR stage shares.

One :class:`Context` per :func:`~generator.ir.build_ir` call. It holds the loaded schema, the
named types discovered so far (by the identity of their schema dict) and the queue of those
not yet built, and it is the stage's one recursion point: :meth:`Context.convert` (one schema
node → type expression) is implemented by :class:`generator.ir.convert.Converter`, and the
modules for references, objects and unions call back into it through the context they get.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Protocol

import referencing
import referencing.jsonschema

from generator.ir.naming import UniqueNames
from generator.ir.types import TypeExpr
from generator.load import LoadedSchema
from generator.load.refs import References


class Resolved(Protocol):
    """What :meth:`Resolver.lookup` answers (``referencing``'s ``Resolved``)."""

    @property
    def contents(self) -> Any: ...

    @property
    def resolver(self) -> Resolver: ...


class Resolver(Protocol):
    """The public methods of ``referencing``'s resolver that the builder uses."""

    def lookup(self, ref: str) -> Resolved: ...

    def in_subresource(self, subresource: referencing.Resource[Any]) -> Resolver: ...


@dataclass(frozen=True, slots=True)
class Scope:
    """A resolver and the base URI it resolves against, tracked here: ``referencing`` keeps
    its own copy private. Every step that moves the base (entering an ``$id``, a lookup)
    computes both together, by the same rule."""

    resolver: Resolver
    base: str
    #: ``id()`` of the schema whose own ``$id`` is already entered here (entering is not
    #: idempotent for a relative ``$id`` such as ``sub/``), or 0.
    at: int = 0


@dataclass
class Pending:
    """A named type discovered but not yet built."""

    key: str
    schema: Any
    scope: Scope
    uri: str
    pointer: str


@dataclass
class Context(ABC):
    loaded: LoadedSchema
    #: ``$ref`` overrides its siblings (drafts 4 to 7, and OpenAPI 3.0 read as draft 4).
    legacy_ref: bool
    #: IR name of every named schema dict, by ``id()`` of the dict.
    named_ids: dict[int, str] = field(default_factory=dict)
    pending: deque[Pending] = field(default_factory=deque)
    #: IR names in discovery order (the root first).
    order: list[str] = field(default_factory=list)
    keys: UniqueNames = field(default_factory=UniqueNames)
    #: Unnamed schemas a ``$ref`` is being inlined from (a second visit is a recursion).
    inline_stack: list[int] = field(default_factory=list)
    #: Document URI of the schema being converted (named types record where they live).
    doc_uri: str = ""
    #: Scopes of subschemas that ``allOf`` merging moved out of their own resource.
    scopes: dict[int, Scope] = field(default_factory=dict)
    #: Where such a moved subschema really lives (document URI, JSON Pointer): types named
    #: there must be found again by that location (the validators target looks them up).
    origins: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: The keyword that moves the base URI: ``id`` in draft 4, else ``$id``.
    id_keyword: str = "$id"
    #: The dialect's ``referencing`` specification (which ``$id`` a subschema declares).
    specification: referencing.Specification[Any] = referencing.jsonschema.DRAFT202012
    #: The one ``$ref`` lookup (:mod:`generator.load.refs`): its in-document fast path.
    references: References = field(init=False)

    def __post_init__(self) -> None:
        self.id_keyword = self.loaded.dialect.id_keyword
        self.specification = referencing.jsonschema.specification_with(
            self.loaded.dialect.uri, default=referencing.jsonschema.DRAFT202012
        )
        loaded = self.loaded
        self.references = References(loaded.registry, root=loaded.contents, root_uri=loaded.uri)

    def register(self, name: str, schema: Any, scope: Scope, uri: str, pointer: str) -> str:
        """The IR name of ``schema`` as a named type, queued to be built when it is new."""
        if isinstance(schema, dict) and id(schema) in self.named_ids:
            return self.named_ids[id(schema)]
        key = self.keys.add(name or "Model")
        if isinstance(schema, dict):
            self.named_ids[id(schema)] = key
        self.order.append(key)
        self.pending.append(Pending(key, schema, scope, uri, pointer))
        return key

    @abstractmethod
    def convert(
        self, schema: Any, scope: Scope, hint: str, pointer: str, *, top: bool = False
    ) -> TypeExpr:
        """The type expression for one schema node (``hint`` names inline types it needs)."""
