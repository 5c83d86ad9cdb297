"""The :class:`referencing.Registry` of a loaded schema: its documents, crawled once.

References to other files are read from disk (relative ``file:`` URIs, and remote prefixes
mapped to local folders by ``--ref-map``); nothing is ever fetched from the network.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

import referencing

from generator.errors import SchemaError
from generator.load.parse import read_document
from generator.spec.dialects import Dialect, document_specification, specification_for


class Retriever:
    """Resolve URIs the registry does not know: local files, and mapped remote prefixes."""

    def __init__(self, mapping: Mapping[str, Path], *, file: str) -> None:
        self.mapping = mapping
        self.file = file
        #: What was read, by URI: each file is read once however many references lead to it,
        #: so every reference to one schema in another file reaches the same object (the IR
        #: tells named types apart by identity).
        self.remembered: dict[str, referencing.Resource[Any]] = {}

    def __call__(self, uri: str) -> referencing.Resource[Any]:
        if uri not in self.remembered:
            self.remembered[uri] = self.read(uri)
        return self.remembered[uri]

    def read(self, uri: str) -> referencing.Resource[Any]:
        local = self.local_path(uri)
        if local is None:
            raise SchemaError(
                f"reference to {uri!r} is not fetched (schemagen never uses the network); "
                f"map it to a local folder with --ref-map {_prefix_hint(uri)}=DIR",
                file=self.file,
            )
        try:
            contents = read_document(local)
        except SchemaError as exc:
            raise SchemaError(str(exc), file=self.file) from None
        return document_resource(contents)

    def local_path(self, uri: str) -> Path | None:
        uri = urldefrag(uri)[0]
        for prefix in sorted(self.mapping, key=len, reverse=True):
            if uri.startswith(prefix):
                rest = uri[len(prefix) :].lstrip("/")
                return self.mapping[prefix] / unquote(rest)
        parts = urlsplit(uri)
        if parts.scheme == "file":
            return Path(url2pathname(parts.path))
        return None


def document_resource(contents: Any) -> referencing.Resource[Any]:
    """A referenced document as a resource, in the dialect its ``$schema`` names (2020-12
    without one)."""
    return document_specification(contents).create_resource(contents)


def _prefix_hint(uri: str) -> str:
    parts = urlsplit(uri)
    folder = parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{folder}"


def crawled_registry(
    contents: Any,
    *,
    uri: str,
    dialect: Dialect,
    retrieve: Retriever,
    embeds_resources: bool,
    registry: referencing.Registry[Any] | None = None,
) -> referencing.Registry[Any]:
    """``registry`` (a new one reading through ``retrieve`` by default) holding ``contents``
    at ``uri`` read as ``dialect``, crawled: every ``$id`` in it is known.
    ``embeds_resources``: what :func:`generator.spec.keywords.may_embed_resources` says of
    ``contents``."""
    resource = specification_for(dialect).create_resource(contents)
    base = registry if registry is not None else referencing.Registry(retrieve=retrieve)  # type: ignore[call-arg]
    registry_out = base.with_resource(uri, resource)
    own_id = resource.id()
    if own_id is not None:
        # The crawl files the root under its $id by itself; adding it there too only makes
        # the crawl walk the whole document twice. Unless the $id is relative: the second walk
        # joins it once more (``sub/s.json`` → ``sub/sub/s.json``) and references have always
        # been able to reach what that files, so it stays.
        id_uri = urljoin(uri, own_id)
        if urljoin(id_uri, own_id) != id_uri:
            registry_out = registry_out.with_resource(id_uri, resource)
    if own_id is None and not embeds_resources:
        # (no $id or anchor anywhere in it: its crawl would walk every subschema to file
        # nothing; a lookup that misses later still crawls it, as referencing does)
        plain: referencing.Registry[Any] = registry_out
        return plain
    crawled: referencing.Registry[Any] = registry_out.crawl()
    return crawled
