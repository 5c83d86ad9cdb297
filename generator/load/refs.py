"""THE ``$ref`` lookup over a crawled registry, and the loader's check that every ``$ref`` resolves.

:class:`References` answers ``lookup(base, ref) -> (contents, base URI of the target)``:

* in-document JSON Pointers of the root (``#/...``, or the root's own URI then ``#/...``) are
  read directly when no step meets an ``$id`` (:meth:`References.root_pointer`; arrays and
  data are walked too, as the compiler's targets may lie there);
* everything else goes to :meth:`referencing.Resolver.lookup` of the registry, and the target's
  base URI is worked out here with referencing's public API (the document's URI, moved by the
  subresources a JSON Pointer enters through ``Specification.maybe_in_subresource`` and
  ``Resource.id``, or by the resource a dynamic anchor names);
* :class:`referencing.exceptions.Unresolvable` becomes a :class:`~generator.errors.SchemaError`
  at the pointer of the referring keyword.

Users: the compiler's :class:`~generator.compiler.scope.Resolver` (every plain lookup; it keeps
the dynamic scope), the IR builder (:func:`generator.ir.references.in_document`: the fast path
only; its other lookups walk their pointer themselves, entering each ``$id`` by the IR's rule
of "entered once" that :meth:`References.lookup`'s base does not record) and
:func:`check_references` (below), which shares :func:`unresolvable_reason` but keeps its own
walk: it must look every reference up once, through :mod:`referencing`, with the URI rules of
``urn:`` bases and of fragments holding tabs that its tests pin.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urldefrag, urljoin

import referencing
import referencing.exceptions
import referencing.jsonschema

from generator.errors import SchemaError
from generator.spec.dialects import resource_specification
from generator.spec.keywords import DATA_KEYWORDS
from generator.spec.pointer import NOWHERE, escape, join_reference, pointer_target, unescape

if TYPE_CHECKING:
    from generator.load.schema import LoadedSchema

_MISSING: Any = object()


class _Base:
    """The one thing ``Specification.maybe_in_subresource`` asks of a resolver: entering a
    subresource, which may move the base URI."""

    __slots__ = ("uri",)

    def __init__(self, uri: str) -> None:
        self.uri = uri

    def in_subresource(self, subresource: referencing.Resource[Any]) -> _Base:
        own = subresource.id()
        return self if own is None else _Base(urljoin(self.uri, own))


class References:
    """``$ref`` lookups over ``registry`` (crawled), whose root document is ``root`` at
    ``root_uri``. ``registry`` grows as lookups retrieve documents (:meth:`document`)."""

    def __init__(self, registry: referencing.Registry[Any], *, root: Any, root_uri: str) -> None:
        self.registry = registry
        self.root = root
        self.root_uri = root_uri
        # the root's own absolute URI, a "#" and a JSON Pointer: its subschemas, unless joining
        # the URI to itself changes it (referencing would then look elsewhere)
        probe = root_uri + "#/"
        self._root_ref_prefix = probe if urljoin(root_uri, probe) == probe else None
        #: base URI → whether the registry files the root document there (its URI, its $id)
        self._root_bases: dict[str, bool] = {root_uri: True}

    def _is_root(self, base: str) -> bool:
        known = self._root_bases.get(base)
        if known is None:
            resource = self.registry.get(base) if base and not base.endswith("#") else None
            known = self._root_bases[base] = resource is not None and resource.contents is self.root
        return known

    def root_pointer(self, base: str, ref: str) -> Any:
        """The root's node a reference names by JSON Pointer, read directly, or ``NOWHERE``
        (then only :meth:`lookup` knows)."""
        if not self._is_root(base):
            return NOWHERE
        local = ref
        if (
            base == self.root_uri
            and self._root_ref_prefix is not None
            and ref.startswith(self._root_ref_prefix)
        ):
            local = ref[len(self.root_uri) :]  # the root's own absolute URI, then a pointer
        if not local.startswith("#/"):
            return NOWHERE
        node = self.root
        for raw in unquote(local[2:]).split("/"):
            if isinstance(node, dict):
                segment = unescape(raw)
                if segment not in node:
                    return NOWHERE
                node = node[segment]
            elif isinstance(node, list) and raw.isdigit() and int(raw) < len(node):
                node = node[int(raw)]
            else:
                return NOWHERE
            if isinstance(node, dict) and (
                isinstance(node.get("$id"), str) or isinstance(node.get("id"), str)
            ):
                return NOWHERE
        return node

    def lookup(
        self, base: str, ref: str, *, keyword: str = "$ref", pointer: str = ""
    ) -> tuple[Any, str]:
        """``(contents, base URI)`` of what ``ref`` names from ``base``; a
        :class:`SchemaError` at ``pointer`` (the referring keyword's) when nothing is there."""
        found = self.root_pointer(base, ref)
        if found is not NOWHERE:
            return found, base
        try:
            contents = self.registry.resolver(base).lookup(ref).contents
            return contents, self._target_base(base, ref)
        except (LookupError, TypeError, ValueError, AttributeError):
            # a JSON Pointer walking into data that is no container (``#/enum/0/x``)
            raise SchemaError(
                f"cannot resolve {keyword} {_short(ref)}: the JSON Pointer points to nothing",
                pointer=pointer,
            ) from None
        except referencing.exceptions.Unresolvable as exc:
            cause = schema_error(exc)
            if cause is not None:
                raise cause from None  # the referenced document is not a valid schema
            raise SchemaError(
                f"cannot resolve {keyword} {_short(ref)}: {unresolvable_reason(exc)}",
                pointer=pointer,
            ) from None

    def _target_base(self, base: str, ref: str) -> str:
        """The base URI :meth:`referencing.Resolver.lookup` leaves its answer with."""
        if ref.startswith("#"):
            uri, fragment = base, ref[1:]
        else:
            uri, fragment = urldefrag(urljoin(base, ref))
        retrieved = self.registry.get_or_retrieve(uri)
        resource = retrieved.value
        specification = resource_specification(resource)
        if fragment.startswith("/"):
            if specification is None:
                return uri
            contents = resource.contents
            at = _Base(uri)
            segments: list[int | str] = []
            for raw in unquote(fragment[1:]).split("/"):
                segment: int | str = int(raw) if isinstance(contents, list) else unescape(raw)
                contents = contents[segment]
                segments.append(segment)
                last = at
                at = specification.maybe_in_subresource(  # type: ignore[assignment]
                    segments=segments,
                    resolver=at,  # type: ignore[arg-type]  # (all it calls is in_subresource)
                    subresource=specification.create_resource(contents),
                )
                if at is not last:
                    segments = []
            return at.uri
        if fragment:
            anchor = retrieved.registry.anchor(uri, fragment).value
            if isinstance(anchor, referencing.jsonschema.DynamicAnchor):
                last_resource = anchor.resource
                try:
                    outer = retrieved.registry.anchor(base, fragment).value
                except referencing.exceptions.Unresolvable:
                    outer = None
                if isinstance(outer, referencing.jsonschema.DynamicAnchor) and base:
                    last_resource = outer.resource
                return _Base(uri).in_subresource(last_resource).uri
        return uri

    def enter(self, base: str, subschema: Any, id_keyword: str) -> str:
        """The base URI inside ``subschema`` entered from ``base``: its own ``$id`` (``id`` in
        draft 4) joined to ``base``, when the registry holds a resource there (the crawl files
        each one), else ``base``."""
        if not isinstance(subschema, dict):
            return base
        own = subschema.get(id_keyword)
        if not isinstance(own, str) or own.startswith("#"):
            return base
        uri = urldefrag(urljoin(base, own))[0]
        try:
            self.registry.resolver(base).lookup(uri)
        except referencing.exceptions.Unresolvable:
            return base
        return uri

    def document(self, uri: str) -> Any:
        """The document at ``uri``, retrieved (and kept in the registry) if need be; ``None``
        if there is none."""
        try:
            retrieved = self.registry.get_or_retrieve(uri)
        except (referencing.exceptions.Unresolvable, LookupError, ValueError):
            return None
        self.registry = retrieved.registry
        return retrieved.value.contents


_REF_KEYWORDS = ("$ref", "$dynamicRef", "$recursiveRef")
_REF_KEYWORD_SET = frozenset(_REF_KEYWORDS)


def iter_references(
    node: Any, base: str, pointer: str = "", *, id_keyword: str = "$id"
) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(keyword, base_uri, pointer, reference)`` for every ``$ref``-like keyword."""
    stack: list[tuple[Any, str, str]] = [(node, base, pointer)]
    while stack:
        current, current_base, current_pointer = stack.pop()
        if isinstance(current, dict):
            if id_keyword in current:
                own_id = current[id_keyword]
                if isinstance(own_id, str) and not own_id.startswith("#"):
                    current_base = urljoin(current_base, own_id)
            if not _REF_KEYWORD_SET.isdisjoint(current):
                for keyword in _REF_KEYWORDS:
                    target = current.get(keyword)
                    if isinstance(target, str):
                        yield keyword, current_base, current_pointer, target
            for key, value in current.items():
                if isinstance(value, (dict, list)) and key not in DATA_KEYWORDS:
                    if "~" in key or "/" in key:  # escape(), inlined
                        key = escape(key)
                    stack.append((value, current_base, f"{current_pointer}/{key}"))
        elif isinstance(current, list):
            for index, value in enumerate(current):
                if isinstance(value, (dict, list)):
                    stack.append((value, current_base, f"{current_pointer}/{index}"))


def check_references(loaded: LoadedSchema) -> None:
    """Fail early, with a JSON Pointer, on any ``$ref`` that cannot be resolved."""
    registry = loaded.registry
    root_resolver = registry.resolver()
    #: Per base URI that fragment references join to by concatenation: a resolver there, and
    #: whether the base names the root document (whose JSON Pointers are read directly).
    in_base: dict[str, tuple[Any, bool] | None] = {}
    file = loaded.display_name
    resolved: set[str] = set()  # many references name the same target: look each up once
    for keyword, base, pointer, target in iter_references(
        loaded.contents, loaded.uri, id_keyword=loaded.dialect.id_keyword
    ):
        local = None
        if target.startswith("#") and _plain_fragment(target):
            if base not in in_base:
                in_base[base] = _fragment_base(loaded, base)
            local = in_base[base]
        uri = join_reference(base, target)
        if uri in resolved:
            continue
        try:
            if local is None:
                root_resolver.lookup(uri)
            elif not (
                local[1]
                and target.startswith("#/")
                and pointer_target(loaded.contents, target[1:]) is not NOWHERE
            ):
                local[0].lookup(target)  # the same lookup, without re-parsing ``uri``
            resolved.add(uri)
        except SchemaError as exc:
            raise SchemaError(
                exc.detail, file=file, pointer=f"{pointer}/{escape(keyword)}"
            ) from None
        except referencing.exceptions.Unresolvable as exc:
            raise SchemaError(
                f"cannot resolve {keyword} {target!r}: {unresolvable_reason(exc)}",
                file=file,
                pointer=f"{pointer}/{escape(keyword)}",
            ) from None


def _fragment_base(loaded: LoadedSchema, base: str) -> tuple[Any, bool] | None:
    """A resolver at ``base`` and whether ``base`` names the root document, when
    ``urljoin(base, "#fragment")`` is ``base + "#fragment"`` for every fragment.

    That holds for the usual bases (``file:`` and ``https:`` URIs without a fragment), not for
    an empty base, a non-hierarchical one (``urn:``) or one that URL parsing would rewrite.
    """
    if not base or "#" in base or urljoin(base, "#x") != base + "#x":
        return None
    resource = loaded.registry.get(base)
    at_root = resource is not None and resource.contents is loaded.contents
    return loaded.registry.resolver(base_uri=base), at_root


def _plain_fragment(target: str) -> bool:
    """A fragment reference that URL parsing keeps as it is (it drops tabs and newlines)."""
    return "\t" not in target and "\r" not in target and "\n" not in target


def schema_error(exc: BaseException) -> SchemaError | None:
    """The :class:`SchemaError` behind ``exc`` (raised while retrieving a document), if any."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, SchemaError):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def unresolvable_reason(exc: referencing.exceptions.Unresolvable) -> str:
    """Why a reference did not resolve, in a few words (never the document's text)."""
    if isinstance(exc, referencing.exceptions.PointerToNowhere):
        return "the JSON Pointer points to nothing"
    if isinstance(exc, referencing.exceptions.NoSuchAnchor):
        return "no such anchor"
    if isinstance(exc, referencing.exceptions.InvalidAnchor):
        return "not a valid anchor reference (use a JSON Pointer: '#/...')"
    cause = schema_error(exc)
    return cause.detail if cause is not None else "no such resource"


def _short(text: str, limit: int = 100) -> str:
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 4] + "...'"
