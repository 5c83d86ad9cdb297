"""Schema locations, base URIs, ``$ref`` resolution and the (static) dynamic scope.

Every subschema is compiled in a :class:`Scope`: its base URI, dialect, where it lives (for error
``schema_path``\\ s) and the *dynamic context* -- the part of the dynamic scope that
``$dynamicRef`` (2020-12) and ``$recursiveRef`` (2019-09) can observe. That context is finite:
for each dynamic anchor name, the outermost resource entered so far that defines it, and for
recursive anchors the outermost resource of the innermost unbroken run of
``$recursiveAnchor: true`` resources. Functions are memoised per (location, context), so
dynamic references are resolved at compile time and recursion is an ordinary function call.
"""

from __future__ import annotations

import posixpath
from typing import Any, NamedTuple
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import attrs
import referencing
import referencing.exceptions
import referencing.jsonschema

from generator.compiler.check import (
    check_numbers,
    check_schema,
    checked_retrieve,
    specification_dialect,
)
from generator.compiler.dialects import (
    DRAFT4,
    DRAFT6,
    DRAFT7,
    DRAFT2019,
    DRAFT2020,
    SUBSCHEMA_KEYWORDS,
    Dialect,
    checked_by_metaschema,
    escape_segment,
    known_dialect,
    subschema_pointers,
    subschemas,
)
from generator.errors import SchemaError


def _tolerant(spec: referencing.Specification[Any]) -> referencing.Specification[Any]:
    """``spec`` made to accept boolean subschemas (draft 4 proper has none; users do), and to
    walk only schemas: :mod:`referencing` also yields the arrays of ``dependencies`` (draft 4-7)
    as subresources, and would read the members of anything else it meets."""
    id_of = spec.id_of
    anchors_in = spec._anchors_in
    subresources_of = spec.subresources_of

    def tolerant_subresources_of(contents: Any) -> Any:
        if not isinstance(contents, dict):
            return []
        try:
            found = list(subresources_of(contents))
        except (AttributeError, TypeError):
            # a keyword's value of another type than the draft says (``properties: 4``):
            # referencing reads it as if it were right; our walk looks at types
            found = [child for _, child in subschemas(contents)]
        return [each for each in found if isinstance(each, (dict, bool))]

    def tolerant_id_of(contents: Any) -> str | None:
        found = id_of(contents) if isinstance(contents, dict) else None
        return found if isinstance(found, str) else None

    def tolerant_anchors_in(specification: referencing.Specification[Any], contents: Any) -> Any:
        if not isinstance(contents, dict):
            return []
        return [a for a in anchors_in(specification, contents) if isinstance(a.name, str)]

    return attrs.evolve(  # type: ignore[misc]  # Specification is an attrs class
        spec,
        id_of=tolerant_id_of,
        anchors_in=tolerant_anchors_in,
        subresources_of=tolerant_subresources_of,
    )


_SPECS = {
    uri: _tolerant(referencing.jsonschema.specification_with(uri))
    for uri in (DRAFT4, DRAFT6, DRAFT7, DRAFT2019, DRAFT2020)
}


def specification_for(dialect_uri: str) -> referencing.Specification[Any]:
    """The :mod:`referencing` specification for a dialect (tolerating boolean subschemas)."""
    known = known_dialect(dialect_uri)
    return _SPECS[known.uri if known is not None else DRAFT2020]


def _tolerant_registry(registry: referencing.Registry[Any]) -> referencing.Registry[Any]:
    """``registry`` with every JSON Schema resource read by our tolerant specifications (its
    crawl then walks schemas only, whatever the resources hold: they are checked when a
    reference reaches them) and every retrieved document checked against its metaschema."""
    retrieve = checked_retrieve(registry._retrieve)

    def tolerant_retrieve(uri: str) -> referencing.Resource[Any]:
        return _tolerant_resource(retrieve(uri))

    replaced = []
    for uri in registry:
        resource = registry[uri]
        tolerant = _tolerant_resource(resource)
        if tolerant is not resource:
            replaced.append((uri, tolerant))
    if replaced:
        registry = registry.with_resources(replaced)
    return attrs.evolve(registry, retrieve=tolerant_retrieve)  # type: ignore[misc]


def _tolerant_resource(resource: referencing.Resource[Any]) -> referencing.Resource[Any]:
    dialect = specification_dialect(resource)
    if dialect is None:
        return resource
    specification = _SPECS[dialect]
    if resource._specification is specification:  # noqa: SLF001
        return resource
    return specification.create_resource(resource.contents)


_MISSING = object()


class Scope(NamedTuple):
    """Where a subschema is compiled: base URI, dialect, dynamic context and location."""

    base: str
    dialect: Dialect
    dyn: tuple[tuple[str, str], ...]
    rec: str | None
    doc: str
    ptr: str

    def schema_path(self, *segments: str) -> str:
        ptr = self.ptr
        for segment in segments:
            ptr += "/" + escape_segment(segment)
        return ptr if self.doc == "" else f"{self.doc}#{ptr}"


class Resolver:
    """Resolves references with :mod:`referencing` and tracks where each subschema lives."""

    def __init__(
        self,
        root: Any,
        registry: referencing.Registry[Any] | None,
        default_dialect: Dialect,
        base_uri: str = "",
        *,
        root_is_schema: bool = True,
    ) -> None:
        from jsonschema_specifications import REGISTRY as SPECIFICATIONS

        self.default_dialect = default_dialect
        self.root = root
        registry = registry if registry is not None else referencing.Registry()
        # Nothing below may meet what is not a schema: the root, every resource the registry
        # holds and every one it retrieves later are checked first, ``$ref`` targets on arrival.
        registry = _tolerant_registry(registry)
        registry = registry.combine(SPECIFICATIONS)
        root_dialect = self.dialect_of(root, default_dialect, registry)
        self.root_dialect = root_dialect
        #: ids of the documents and subschemas checked so far (see :meth:`_check`)
        self._checked: set[int] = set()
        self.root_is_schema = root_is_schema
        if root_is_schema:
            check_schema(root, root_dialect.uri)
            self._checked.add(id(root))
        else:
            check_numbers(root)
        resource = specification_for(root_dialect.uri).create_resource(root)
        root_id = resource.id()
        base_uri = urldefrag(base_uri)[0]
        #: Where the root document was read from (its ``$id`` aside): locations in other local
        #: files are shown relative to it, so generated code does not depend on the checkout.
        self.base_uri = base_uri
        self._shown: dict[str, str] = {"": ""}
        self.root_uri = (
            urldefrag(urljoin(base_uri, root_id))[0] if isinstance(root_id, str) else base_uri
        )
        known = registry.get(self.root_uri)
        if (
            known is None
            or known.contents is not root
            or known._specification is not resource._specification  # noqa: SLF001
        ):
            # (a registry from :func:`generator.load.load_schema` already holds the root,
            # crawled with the same specification: re-crawling it would walk it all again)
            registry = registry.with_resource(self.root_uri, resource)
        self.registry = registry.crawl()
        self._refs: dict[tuple[Any, ...], tuple[Any, Scope]] = {}
        self.locations: dict[int, tuple[str, str, Dialect]] = {}
        self._anchor_cache: dict[int, frozenset[str]] = {}
        self._dynamic_anchor_seen = False  # has any indexed subschema a $dynamicAnchor?
        # the root's own absolute URI, a "#" and a JSON Pointer: its subschemas, unless joining
        # the URI to itself changes it (referencing would then look elsewhere)
        probe = self.root_uri + "#/"
        self._root_ref_prefix = probe if urljoin(self.root_uri, probe) == probe else None
        self.index("", root, root_dialect)
        self.root_scope = self.enter(
            Scope(self.root_uri, root_dialect, (), None, "", ""), root, None
        )

    # -- dialects ---------------------------------------------------------------------------

    def dialect_of(
        self, schema: Any, fallback: Dialect, registry: referencing.Registry[Any] | None = None
    ) -> Dialect:
        if not isinstance(schema, dict):
            return fallback
        uri = schema.get("$schema")
        if not isinstance(uri, str):
            return fallback
        known = known_dialect(uri)
        if known is not None:
            return known
        registry = registry if registry is not None else self.registry
        try:
            meta = registry.contents(urldefrag(uri)[0])
        except (referencing.exceptions.Unresolvable, LookupError, ValueError):
            return fallback
        if not isinstance(meta, dict):
            return fallback
        base = known_dialect(str(meta.get("$schema", ""))) or fallback
        vocabularies = meta.get("$vocabulary")
        if isinstance(vocabularies, dict):
            return base.with_vocabularies(vocabularies)
        return base

    # -- locations --------------------------------------------------------------------------

    def shown_document(self, doc: str) -> str:
        """``doc`` as error locations show it: ``""`` for the root document, a relative
        reference for another local file (``defs/common.json``), else the URI itself."""
        shown = self._shown.get(doc)
        if shown is None:
            shown = doc
            if doc == self.base_uri:
                shown = ""
            elif doc.startswith("file:") and self.base_uri.startswith("file:"):
                here = posixpath.dirname(urlsplit(self.base_uri).path)
                there = urlsplit(doc)
                if not there.query and not there.fragment:
                    shown = posixpath.relpath(there.path, here)
            self._shown[doc] = shown
        return shown

    def index(self, doc: str, root: Any, dialect: Dialect, ptr: str = "") -> None:
        """Record ``(document, pointer, dialect)`` of every subschema of ``root`` (iteratively),
        ``root`` being at JSON Pointer ``ptr`` of ``doc``."""
        locations = self.locations
        stack: list[tuple[Any, str, Dialect]] = [(root, ptr, dialect)]
        while stack:
            node, ptr, node_dialect = stack.pop()
            if not isinstance(node, dict) or id(node) in locations:
                continue
            if "$schema" in node:
                node_dialect = self.dialect_of(node, node_dialect)
            if "$dynamicAnchor" in node:
                self._dynamic_anchor_seen = True
            locations[id(node)] = (doc, ptr, node_dialect)
            if SUBSCHEMA_KEYWORDS.isdisjoint(node):
                continue  # (most are leaves)
            for suffix, child in subschema_pointers(node):
                stack.append((child, ptr + suffix, node_dialect))

    def own_id(self, schema: Any, dialect: Dialect) -> str | None:
        if not isinstance(schema, dict):
            return None
        if dialect.ref_overrides_siblings and "$ref" in schema:
            return None
        value = schema.get(dialect.id_keyword)
        if not isinstance(value, str):
            return None
        if dialect.ref_overrides_siblings and value.startswith("#"):
            return None  # draft 4-7 plain-name fragment: an anchor, not a new base
        return value

    def dynamic_anchors(self, resource: Any, dialect: Dialect) -> frozenset[str]:
        """Names of ``$dynamicAnchor``\\ s in ``resource``, not descending into subresources."""
        cached = self._anchor_cache.get(id(resource))
        if cached is not None:
            return cached
        if not self._dynamic_anchor_seen and id(resource) in self.locations:
            return frozenset()  # an indexed subschema: all of it was indexed, without anchors
        names: set[str] = set()
        stack: list[Any] = [resource]
        while stack:
            node = stack.pop()
            if not isinstance(node, dict):
                continue
            if node is not resource and self.own_id(node, dialect) is not None:
                continue
            anchor = node.get("$dynamicAnchor")
            if isinstance(anchor, str):
                names.add(anchor)
            stack.extend(child for _, child in subschemas(node))
        result = frozenset(names)
        self._anchor_cache[id(resource)] = result
        return result

    def enter(self, scope: Scope, resource: Any, previous_base: str | None) -> Scope:
        """Scope after entering the schema resource ``resource`` (whose base is scope.base)."""
        if previous_base == scope.base:
            return scope
        dialect = scope.dialect
        dyn = scope.dyn
        rec = scope.rec
        if "$dynamicAnchor" in dialect.keywords:
            names = self.dynamic_anchors(resource, dialect)
            if names:
                known = dict(dyn)
                for name in sorted(names):
                    known.setdefault(name, scope.base)
                dyn = tuple(sorted(known.items()))
        if "$recursiveAnchor" in dialect.keywords:
            anchored = isinstance(resource, dict) and resource.get("$recursiveAnchor") is True
            rec = (rec if rec is not None else scope.base) if anchored else None
        return scope._replace(dyn=dyn, rec=rec)

    def descend(self, scope: Scope, child: Any, segments: tuple[str, ...]) -> Scope:
        ptr = scope.ptr
        for segment in segments:
            if "~" in segment or "/" in segment:
                segment = escape_segment(segment)
            ptr += "/" + segment
        dialect = scope.dialect
        if not isinstance(child, dict) or dialect.id_keyword not in child:
            return Scope(scope.base, dialect, scope.dyn, scope.rec, scope.doc, ptr)  # no own id
        child_id = self.own_id(child, dialect)
        if child_id is None:
            return Scope(scope.base, dialect, scope.dyn, scope.rec, scope.doc, ptr)
        base = urldefrag(urljoin(scope.base, child_id))[0]
        dialect = self.dialect_of(child, dialect)
        return self.enter(scope._replace(base=base, dialect=dialect, ptr=ptr), child, scope.base)

    # -- references ---------------------------------------------------------------------------

    def _local(self, ref: str) -> Any:
        """The root's subschema at JSON Pointer fragment ``ref`` (``#/...``), or ``_MISSING``.

        The common case, without :mod:`referencing`'s machinery; anything unusual on the way
        (an ``$id`` that would move the base, a missing member, an odd array index) is left
        to :mod:`referencing` by answering ``_MISSING``.
        """
        node = self.root
        for raw in unquote(ref[2:]).split("/"):
            if isinstance(node, dict):
                segment = raw.replace("~1", "/").replace("~0", "~")
                if segment not in node:
                    return _MISSING
                node = node[segment]
            elif isinstance(node, list) and raw.isdigit() and int(raw) < len(node):
                node = node[int(raw)]
            else:
                return _MISSING
            if isinstance(node, dict) and (
                isinstance(node.get("$id"), str) or isinstance(node.get("id"), str)
            ):
                return _MISSING
        return node

    def _lookup(self, base: str, ref: str, scope: Scope, keyword: str) -> tuple[Any, str]:
        if base == self.root_uri:
            local = ref
            if self._root_ref_prefix is not None and ref.startswith(self._root_ref_prefix):
                local = ref[len(self.root_uri) :]  # the root's own absolute URI, then a pointer
            if local.startswith("#/"):
                found = self._local(local)
                if found is not _MISSING:
                    return found, base
        try:
            resolved = self.registry.resolver(base).lookup(ref)
        except (LookupError, TypeError, ValueError, AttributeError):
            # a JSON Pointer walking into data that is no container (``#/enum/0/x``)
            raise SchemaError(
                f"cannot resolve {keyword} {_short(ref)}: the JSON Pointer points to nothing",
                pointer=scope.schema_path(keyword),
            ) from None
        except referencing.exceptions.Unresolvable as exc:
            cause = _schema_error(exc)
            if cause is not None:
                raise cause from None  # the referenced document is not a valid schema
            raise SchemaError(
                f"cannot resolve {keyword} {_short(ref)}: {unresolvable_reason(exc)}",
                pointer=scope.schema_path(keyword),
            ) from None
        target_base = str(getattr(resolved.resolver, "_base_uri", base))
        contents = resolved.contents
        if not urldefrag(ref)[1] and isinstance(contents, dict):
            # A whole document, looked up by the URI it was read from: referencing keeps that
            # URI as the base, but the document's own absolute ``$id`` (filed by the crawl
            # under that URI, as the same schema) is its base for relative references.
            own = self.own_id(contents, self.dialect_of(contents, scope.dialect))
            if own is not None:
                candidate = urldefrag(urljoin(target_base, own))[0]
                known = self.registry.get(candidate) if candidate != target_base else None
                if known is not None and known.contents is contents:
                    target_base = candidate
        return contents, target_base

    def _document(self, uri: str) -> Any:
        """The document at ``uri``, retrieved (and kept in the registry) if need be; ``None``
        if there is none. (A file a ``$ref`` reached is retrieved by the lookup, whose
        extended registry is not kept: without this, its locations would not be known.)"""
        try:
            retrieved = self.registry.get_or_retrieve(uri)
        except (referencing.exceptions.Unresolvable, LookupError, ValueError):
            return None
        self.registry = retrieved.registry
        return retrieved.value.contents

    def _target_scope(self, scope: Scope, contents: Any, base: str, fragment: str) -> Scope:
        info = self.locations.get(id(contents))
        if info is None:
            resource = self._document(base)
            doc = "" if base == self.root_uri else base
            if resource is not None:
                self.index(doc, resource, self.dialect_of(resource, scope.dialect))
            info = self.locations.get(id(contents))
            if info is None and fragment.startswith("/") and resource is not None:
                # inside a document that is not a schema itself (an OpenAPI description's
                # ``components``): the schema is where the JSON Pointer says
                self.index(doc, contents, self.dialect_of(contents, scope.dialect), fragment)
                info = self.locations.get(id(contents))
        if info is None:
            doc, ptr, dialect = base, "", self.dialect_of(contents, scope.dialect)
        else:
            doc, ptr, dialect = info
        if (
            id(contents) not in self._checked
            and (doc != "" or self.root_is_schema)
            and not (
                doc == "" and dialect is self.root_dialect and checked_by_metaschema(ptr, dialect)
            )
        ):
            # (a subschema of the root the metaschema looked at when it checked the root, as
            # ``#/$defs/X`` in 2020-12, was checked with it: not checked again)
            # (a root that is no schema, an OpenAPI description, had its schemas checked by
            # its reader, against OpenAPI's own metaschema: its targets are not re-checked)
            # (a reference may lead where the metaschema does not look: into a keyword it
            # does not know, or into another draft's keyword)
            check_schema(contents, dialect.uri, file=self.shown_document(doc) or None, at=ptr)
            self._checked.add(id(contents))
        target = Scope(base, dialect, scope.dyn, scope.rec, doc, ptr)
        if base == scope.base:
            return target
        try:
            resource = self.registry.contents(base)
        except (referencing.exceptions.Unresolvable, LookupError, ValueError):
            resource = contents
        return self.enter(target, resource, scope.base)

    def ref(self, scope: Scope, ref: str) -> tuple[Any, Scope]:
        # the answer depends on the scope's base and dynamic context only, not on its location
        key = (ref, scope.base, scope.dialect, scope.dyn, scope.rec)
        found = self._refs.get(key)
        if found is None:
            contents, base = self._lookup(scope.base, ref, scope, "$ref")
            document, fragment = urldefrag(ref)
            if ref.startswith("#"):
                document = scope.base
            elif document:
                document = urldefrag(urljoin(scope.base, document))[0]
            # (the pointer locates the target only if the lookup stayed in that document)
            pointer = unquote(fragment) if document == base else ""
            found = contents, self._target_scope(scope, contents, base, pointer)
            self._refs[key] = found
        return found

    def dynamic_ref(self, scope: Scope, ref: str) -> tuple[Any, Scope]:
        contents, base = self._lookup(scope.base, ref, scope, "$dynamicRef")
        fragment = unquote(urldefrag(urljoin(scope.base, ref))[1])
        if (
            fragment
            and not fragment.startswith("/")
            and isinstance(contents, dict)
            and contents.get("$dynamicAnchor") == fragment
        ):
            outermost = dict(scope.dyn).get(fragment)
            if outermost is not None:
                contents, base = self._lookup(outermost, "#" + fragment, scope, "$dynamicRef")
        return contents, self._target_scope(scope, contents, base, "")

    def recursive_ref(self, scope: Scope, ref: str) -> tuple[Any, Scope]:
        contents, base = self._lookup(scope.base, ref, scope, "$recursiveRef")
        if isinstance(contents, dict) and contents.get("$recursiveAnchor") is True:
            if scope.rec is not None and ref == "#":
                contents, base = self._lookup(scope.rec, "", scope, "$recursiveRef")
        return contents, self._target_scope(scope, contents, base, "")


def _schema_error(exc: BaseException) -> SchemaError | None:
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
    cause = _schema_error(exc)
    return cause.detail if cause is not None else "no such resource"


def _short(text: str, limit: int = 100) -> str:
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 4] + "...'"
