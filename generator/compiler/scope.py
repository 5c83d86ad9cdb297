"""Schema locations, base URIs and the (static) dynamic scope of ``$ref`` resolution.

Every subschema is compiled in a :class:`Scope`: its base URI, dialect, where it lives (for error
``schema_path``\\ s) and the *dynamic context* -- the part of the dynamic scope that
``$dynamicRef`` (2020-12) and ``$recursiveRef`` (2019-09) can observe. That context is finite:
for each dynamic anchor name, the outermost resource entered so far that defines it, and for
recursive anchors the outermost resource of the innermost unbroken run of
``$recursiveAnchor: true`` resources. Functions are memoised per (location, context), so
dynamic references are resolved at compile time and recursion is an ordinary function call.

Plain lookups (what a reference names from a base URI) are
:class:`generator.load.refs.References`'; :class:`Locations` records where each subschema
lives; :class:`Resolver` holds the dynamic-scope rules and the check of each target.
"""

from __future__ import annotations

import posixpath
from typing import Any, NamedTuple
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import attrs
import referencing
import referencing.exceptions
import referencing.jsonschema

from generator.compiler.check import check_schema, checked_retrieve
from generator.load.refs import References
from generator.spec.dialects import (
    Dialect,
    checked_by_metaschema,
    known_dialect,
    resource_dialect,
    specification_for,
)
from generator.spec.keywords import (
    SUBSCHEMA_KEYWORDS,
    may_embed_resources,
    subschema_pointers,
    subschemas,
)
from generator.spec.numbers import check_numbers
from generator.spec.pointer import escape


def _tolerant_registry(registry: referencing.Registry[Any]) -> referencing.Registry[Any]:
    """``registry`` with every JSON Schema resource read by our tolerant specifications (its
    crawl then walks schemas only, whatever the resources hold: they are checked when a
    reference reaches them) and every retrieved document checked against its metaschema."""

    def retrieved(uri: str) -> referencing.Resource[Any]:
        return registry.get_or_retrieve(uri).value

    retrieve = checked_retrieve(retrieved)

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
    dialect, tolerant = resource_dialect(resource)
    if dialect is None or tolerant:
        return resource
    return specification_for(dialect).create_resource(resource.contents)


class Scope(NamedTuple):
    """Where a subschema is compiled: base URI, dialect, dynamic context and location."""

    base: str
    dialect: Dialect
    #: for each ``$dynamicAnchor`` name, the base URI of the outermost resource defining it
    dynamic_anchors: tuple[tuple[str, str], ...]
    #: the base URI ``$recursiveRef: "#"`` resolves against, when ``$recursiveAnchor`` is on
    recursive_base: str | None
    doc: str
    ptr: str

    def schema_path(self, *segments: str) -> str:
        ptr = self.ptr
        for segment in segments:
            ptr += "/" + escape(segment)
        return ptr if self.doc == "" else f"{self.doc}#{ptr}"


def dialect_of(schema: Any, fallback: Dialect, registry: referencing.Registry[Any]) -> Dialect:
    """The dialect ``schema`` declares with ``$schema`` (a draft's, or a custom metaschema's in
    ``registry``, narrowed to its vocabularies), else ``fallback``."""
    if not isinstance(schema, dict):
        return fallback
    uri = schema.get("$schema")
    if not isinstance(uri, str):
        return fallback
    known = known_dialect(uri)
    if known is not None:
        return known
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


def only_ref(schema: Any, scope: Scope) -> bool:
    """Whether ``schema`` does nothing but apply its ``$ref`` (in ``scope``'s dialect)."""
    if not isinstance(schema, dict) or not isinstance(schema.get("$ref"), str):
        return False
    dialect = scope.dialect
    return dialect.ref_overrides_siblings or dialect.keywords.isdisjoint(schema.keys() - {"$ref"})


def own_id(schema: Any, dialect: Dialect) -> str | None:
    """The ``$id`` by which ``schema`` starts a resource of its own, if it does."""
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


class Locations:
    """Where each subschema lives (document, JSON Pointer, dialect), how error locations show
    documents, and which ``$dynamicAnchor``\\ s each resource defines."""

    def __init__(self, refs: References, base_uri: str) -> None:
        self.refs = refs
        #: Where the root document was read from (its ``$id`` aside): locations in other local
        #: files are shown relative to it, so generated code does not depend on the checkout.
        self.base_uri = base_uri
        self._shown: dict[str, str] = {"": ""}
        self.locations: dict[int, tuple[str, str, Dialect]] = {}
        self._anchor_cache: dict[int, frozenset[str]] = {}
        self._dynamic_anchor_seen = False  # has any indexed subschema a $dynamicAnchor?

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
                node_dialect = dialect_of(node, node_dialect, self.refs.registry)
            if "$dynamicAnchor" in node:
                self._dynamic_anchor_seen = True
            locations[id(node)] = (doc, ptr, node_dialect)
            if SUBSCHEMA_KEYWORDS.isdisjoint(node):
                continue  # (most are leaves)
            for suffix, child in subschema_pointers(node):
                stack.append((child, ptr + suffix, node_dialect))

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
            if node is not resource and own_id(node, dialect) is not None:
                continue
            anchor = node.get("$dynamicAnchor")
            if isinstance(anchor, str):
                names.add(anchor)
            stack.extend(child for _, child in subschemas(node))
        result = frozenset(names)
        self._anchor_cache[id(resource)] = result
        return result


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
        root_checked: bool = False,
        root_embeds: bool | None = None,
    ) -> None:
        from jsonschema_specifications import REGISTRY as SPECIFICATIONS

        self.default_dialect = default_dialect
        self.root = root
        registry = registry if registry is not None else referencing.Registry()
        # Nothing below may meet what is not a schema: the root, every resource the registry
        # holds and every one it retrieves later are checked first, ``$ref`` targets on arrival.
        registry = _tolerant_registry(registry)
        registry = registry.combine(SPECIFICATIONS)
        root_dialect = dialect_of(root, default_dialect, registry)
        self.root_dialect = root_dialect
        #: ids of the documents and subschemas checked so far (see :meth:`_check`)
        self._checked: set[int] = set()
        self.root_is_schema = root_is_schema
        if root_is_schema and not root_checked:
            check_schema(root, root_dialect.uri)
        else:  # (the caller checked the rest: the loader does)
            check_numbers(root)
        if root_is_schema:
            self._checked.add(id(root))
        resource = specification_for(root_dialect).create_resource(root)
        root_id = resource.id()
        base_uri = urldefrag(base_uri)[0]
        self.root_uri = (
            urldefrag(urljoin(base_uri, root_id))[0] if isinstance(root_id, str) else base_uri
        )
        known = registry.get(self.root_uri)
        if (
            known is None
            or known.contents is not root
            or known != resource  # (read with another specification: attrs records compare)
        ):
            # (a registry from :func:`generator.load.load_schema` already holds the root,
            # crawled with the same specification: re-crawling it would walk it all again)
            registry = registry.with_resource(self.root_uri, resource)
        if root_embeds is None:
            root_embeds = may_embed_resources(root, root_dialect.id_keyword)
        if root_id is None and not root_embeds:
            # Crawling the root would file nothing (no $id or anchor in it): every other
            # resource is crawled, the root put back as it was (a lookup that misses later
            # still crawls it, as referencing does).
            registry = registry.remove(self.root_uri).crawl().with_resource(self.root_uri, resource)
        else:
            registry = registry.crawl()
        #: the plain ``$ref`` lookups (and the registry, which grows as they retrieve documents)
        self.refs = References(registry, root=root, root_uri=self.root_uri)
        self._refs: dict[tuple[Any, ...], tuple[Any, Scope]] = {}
        self.places = Locations(self.refs, base_uri)
        self.shown_document = self.places.shown_document
        self.places.index("", root, root_dialect)
        self.root_scope = self.enter(
            Scope(self.root_uri, root_dialect, (), None, "", ""), root, None
        )

    def enter(self, scope: Scope, resource: Any, previous_base: str | None) -> Scope:
        """Scope after entering the schema resource ``resource`` (whose base is scope.base)."""
        if previous_base == scope.base:
            return scope
        dialect = scope.dialect
        dyn = scope.dynamic_anchors
        rec = scope.recursive_base
        if "$dynamicAnchor" in dialect.keywords:
            names = self.places.dynamic_anchors(resource, dialect)
            if names:
                known = dict(dyn)
                for name in sorted(names):
                    known.setdefault(name, scope.base)
                dyn = tuple(sorted(known.items()))
        if "$recursiveAnchor" in dialect.keywords:
            anchored = isinstance(resource, dict) and resource.get("$recursiveAnchor") is True
            rec = (rec if rec is not None else scope.base) if anchored else None
        return scope._replace(dynamic_anchors=dyn, recursive_base=rec)

    def descend(self, scope: Scope, child: Any, segments: tuple[str, ...]) -> Scope:
        ptr = scope.ptr
        for segment in segments:
            if "~" in segment or "/" in segment:
                segment = escape(segment)
            ptr += "/" + segment
        dialect = scope.dialect
        if not isinstance(child, dict) or dialect.id_keyword not in child:
            return Scope(
                scope.base, dialect, scope.dynamic_anchors, scope.recursive_base, scope.doc, ptr
            )  # no own id
        child_id = own_id(child, dialect)
        if child_id is None:
            return Scope(
                scope.base, dialect, scope.dynamic_anchors, scope.recursive_base, scope.doc, ptr
            )
        base = urldefrag(urljoin(scope.base, child_id))[0]
        dialect = dialect_of(child, dialect, self.registry)
        return self.enter(scope._replace(base=base, dialect=dialect, ptr=ptr), child, scope.base)

    # -- references ---------------------------------------------------------------------------

    @property
    def registry(self) -> referencing.Registry[Any]:
        return self.refs.registry

    def _lookup(self, base: str, ref: str, scope: Scope, keyword: str) -> tuple[Any, str]:
        contents, target_base = self.refs.lookup(
            base, ref, keyword=keyword, pointer=scope.schema_path(keyword)
        )
        if not urldefrag(ref)[1] and isinstance(contents, dict):
            # A whole document, looked up by the URI it was read from: referencing keeps that
            # URI as the base, but the document's own absolute ``$id`` (filed by the crawl
            # under that URI, as the same schema) is its base for relative references.
            own = own_id(contents, dialect_of(contents, scope.dialect, self.registry))
            if own is not None:
                candidate = urldefrag(urljoin(target_base, own))[0]
                known = self.registry.get(candidate) if candidate != target_base else None
                if known is not None and known.contents is contents:
                    target_base = candidate
        return contents, target_base

    def _target_scope(self, scope: Scope, contents: Any, base: str, fragment: str) -> Scope:
        info = self.places.locations.get(id(contents))
        if info is None:
            resource = self.refs.document(base)
            doc = "" if base == self.root_uri else base
            if resource is not None:
                self.places.index(doc, resource, dialect_of(resource, scope.dialect, self.registry))
            info = self.places.locations.get(id(contents))
            if info is None and fragment.startswith("/") and resource is not None:
                # inside a document that is not a schema itself (an OpenAPI description's
                # ``components``): the schema is where the JSON Pointer says
                self.places.index(
                    doc, contents, dialect_of(contents, scope.dialect, self.registry), fragment
                )
                info = self.places.locations.get(id(contents))
        if info is None:
            doc, ptr, dialect = base, "", dialect_of(contents, scope.dialect, self.registry)
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
        target = Scope(base, dialect, scope.dynamic_anchors, scope.recursive_base, doc, ptr)
        if base == scope.base:
            return target
        try:
            resource = self.registry.contents(base)
        except (referencing.exceptions.Unresolvable, LookupError, ValueError):
            resource = contents
        return self.enter(target, resource, scope.base)

    def ref_end(self, schema: dict[str, Any], scope: Scope) -> tuple[Any, Scope]:
        """Where ``schema``'s ``$ref`` leads, past every schema that only applies its own
        ``$ref`` (:func:`only_ref`): ``a -> b -> ... -> {"type": ...}`` ends at the last one,
        a loop of such schemas at the first one met twice."""
        target, target_scope = self.ref(scope, schema["$ref"])
        seen = {id(schema)}
        while id(target) not in seen and only_ref(target, target_scope):
            seen.add(id(target))
            target, target_scope = self.ref(target_scope, target["$ref"])
        return target, target_scope

    def ref(self, scope: Scope, ref: str) -> tuple[Any, Scope]:
        # the answer depends on the scope's base and dynamic context only, not on its location
        key = (ref, scope.base, scope.dialect, scope.dynamic_anchors, scope.recursive_base)
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
            outermost = dict(scope.dynamic_anchors).get(fragment)
            if outermost is not None:
                contents, base = self._lookup(outermost, "#" + fragment, scope, "$dynamicRef")
        return contents, self._target_scope(scope, contents, base, "")

    def recursive_ref(self, scope: Scope, ref: str) -> tuple[Any, Scope]:
        contents, base = self._lookup(scope.base, ref, scope, "$recursiveRef")
        if isinstance(contents, dict) and contents.get("$recursiveAnchor") is True:
            if scope.recursive_base is not None and ref == "#":
                contents, base = self._lookup(scope.recursive_base, "", scope, "$recursiveRef")
        return contents, self._target_scope(scope, contents, base, "")
