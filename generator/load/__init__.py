"""Stage 1, load: read schema files, check them against their metaschema, build a registry.

This is the only stage that touches files. It turns a path into a :class:`LoadedSchema`: the
parsed document (:mod:`.parse`), its base URI, its :class:`~generator.spec.dialects.Dialect`
and a :class:`referencing.Registry` (:mod:`.registry`) that resolves every ``$ref`` it
contains (local pointers, sibling files relative to the referring file, and remote URLs mapped
to local folders). Nothing is ever fetched from the network. OpenAPI documents are read as
sets of named schemas (:mod:`.openapi`); every schema is checked against its metaschema
(:mod:`.metaschema`) and every ``$ref`` resolved once (:mod:`.refs`).

Every failure is a :class:`~generator.errors.SchemaError` naming the file and the line and
column (syntax errors) or the JSON Pointer (schema errors, unresolvable references).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import referencing

from generator.errors import SchemaError, UnsupportedSchemaError
from generator.load.metaschema import check_against_metaschema
from generator.load.openapi import normalise_30
from generator.load.parse import json_type, read_document
from generator.load.refs import check_references
from generator.load.registry import Retriever, crawled_registry
from generator.load.schema import DEFAULT_URI, LoadedSchema, OpenAPI
from generator.spec.dialects import DIALECTS, DRAFT4, DRAFT2020, Dialect, known_dialect
from generator.spec.keywords import may_embed_resources
from generator.spec.numbers import check_numbers
from generator.spec.openapi import OAS30_SCHEMA_URI
from generator.spec.pointer import escape

__all__ = ["DEFAULT_URI", "LoadedSchema", "OpenAPI", "load_contents", "load_schema"]


def load_schema(
    path: str | Path,
    *,
    ref_map: Mapping[str, str | Path] | None = None,
    check_metaschema: bool = True,
) -> LoadedSchema:
    """Load the schema at ``path`` and everything its ``$ref`` chain reaches."""
    path = Path(path)
    contents = read_document(path)
    uri = path.resolve().as_uri()
    return load_contents(
        contents, uri=uri, path=path, ref_map=ref_map, check_metaschema=check_metaschema
    )


def load_contents(
    contents: Any,
    *,
    uri: str = DEFAULT_URI,
    path: Path | None = None,
    ref_map: Mapping[str, str | Path] | None = None,
    registry: referencing.Registry[Any] | None = None,
    check_metaschema: bool = True,
) -> LoadedSchema:
    """Build a :class:`LoadedSchema` from an already-parsed document (never modified: an
    OpenAPI 3.0 document's rewrite is copy-on-write)."""
    file = str(path) if path is not None else uri
    if not isinstance(contents, (dict, bool)):
        raise SchemaError(
            f"expected a JSON object (a schema) at the top level, got {json_type(contents)}",
            file=file,
            pointer="",
        )
    check_numbers(contents, file=file, integers=False)  # (YAML's .inf, JSON's 1e400)
    mapping = {prefix: Path(folder) for prefix, folder in (ref_map or {}).items()}
    source = contents
    openapi: OpenAPI | None = None
    dialect = DIALECTS[DRAFT2020]
    if isinstance(contents, dict) and "openapi" in contents:
        openapi = OpenAPI(str(contents["openapi"]))
        _check_openapi(contents, file=file, version=openapi.version)
        # 3.0 schemas are checked by the rules of OpenAPI 3.0's Schema Object, as read; 3.1
        # schemas are 2020-12 (its dialect adds only annotations).
        if check_metaschema:
            for name, sub in contents["components"]["schemas"].items():
                check_against_metaschema(
                    sub,
                    file=file,
                    metaschema=OAS30_SCHEMA_URI if openapi.is_30 else dialect.uri,
                    prefix=f"/components/schemas/{escape(name)}",
                )
        if openapi.is_30:
            contents = normalise_30(contents)
            dialect = DIALECTS[DRAFT4]
    elif isinstance(contents, dict):
        declared = contents.get("$schema", DRAFT2020)
        if not isinstance(declared, str):
            raise SchemaError("'$schema' must be a string URI", file=file, pointer="/$schema")
        dialect = _dialect(declared, file=file)
        if check_metaschema:
            check_against_metaschema(contents, file=file, metaschema=dialect.uri)

    embeds = may_embed_resources(contents, dialect.id_keyword)
    loaded = LoadedSchema(
        path=path,
        uri=uri,
        contents=contents,
        dialect=dialect,
        registry=crawled_registry(
            contents,
            uri=uri,
            dialect=dialect,
            retrieve=Retriever(mapping, file=file),
            embeds_resources=embeds,
            registry=registry,
        ),
        openapi=openapi,
        ref_map=mapping,
        source=source if source is not contents else None,
        metaschema_checked=check_metaschema,
        embeds_resources=embeds,
    )
    check_references(loaded)
    return loaded


def _dialect(declared: str, *, file: str) -> Dialect:
    found = known_dialect(declared)
    if found is None:
        raise UnsupportedSchemaError(
            "$schema",
            "/$schema",
            f"{declared!r} is not a dialect schemagen knows; use draft 4, 6, 7, 2019-09 or 2020-12",
            file=file,
        )
    return found


def _check_openapi(contents: dict[str, Any], *, file: str, version: str) -> None:
    if not (version.startswith("3.0") or version.startswith("3.1")):
        raise SchemaError(
            f"OpenAPI version {version!r} is not supported (expected 3.0.x or 3.1.x)",
            file=file,
            pointer="/openapi",
        )
    components = contents.get("components", {})
    schemas = components.get("schemas", {}) if isinstance(components, dict) else None
    if not isinstance(schemas, dict):
        raise SchemaError(
            "expected an object of named schemas", file=file, pointer="/components/schemas"
        )
