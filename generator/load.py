"""Load and resolve: read schema files, check them against their metaschema, build a registry.

This is the only stage that touches files. It turns a path into a :class:`LoadedSchema`:
the parsed document, its base URI, its dialect and a :class:`referencing.Registry` that can
resolve every ``$ref`` it contains (local pointers, sibling files relative to the referring
file, and remote URLs mapped to local folders). Nothing is ever fetched from the network.

Every failure is a :class:`~generator.errors.SchemaError` naming the file and the line and
column (syntax errors) or the JSON Pointer (schema errors, unresolvable references).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import url2pathname

import referencing
import referencing._core
import referencing.exceptions
import referencing.jsonschema

from generator.compiler.check import check_numbers
from generator.compiler.dialects import escape_segment
from generator.compiler.scope import specification_for
from generator.errors import SchemaError, UnsupportedSchemaError
from generator.openapi import OAS30_SCHEMA_OBJECT, normalise_30
from generator.yaml12 import load_yaml

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
DRAFT_04 = "http://json-schema.org/draft-04/schema"
#: Base URI of a schema given in memory: hierarchical, so relative references join to it,
#: and never fetched (``.invalid`` is reserved), so a relative file reference fails clearly.
DEFAULT_URI = "https://schemagen.invalid/schema.json"
#: Where :data:`~generator.openapi.OAS30_SCHEMA_OBJECT` is filed for the metaschema check.
OAS30_SCHEMA_URI = "https://spec.openapis.org/oas/3.0/schema/2021-09-28#/definitions/Schema"

#: Keywords whose values are data, not schemas: never looked into for ``$ref``.
_DATA_KEYWORDS = frozenset({"enum", "const", "examples", "default", "example"})


@dataclass(frozen=True)
class LoadedSchema:
    """A schema document ready for the later stages."""

    path: Path | None
    uri: str
    contents: Any
    dialect: str
    registry: referencing.Registry[Any]
    #: ``openapi`` when the document is an OpenAPI description (its schemas live under
    #: ``/components/schemas``), else ``jsonschema``.
    kind: str = "jsonschema"
    openapi_version: str | None = None
    ref_map: Mapping[str, Path] = field(default_factory=dict)
    #: The document as read, before OpenAPI 3.0 schemas were rewritten to draft 4 (the docs
    #: target follows its raw shape); ``contents`` itself for every other document.
    source: Any = None

    @property
    def raw(self) -> Any:
        return self.contents if self.source is None else self.source

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path is not None else self.uri


def parse_document(text: str, *, file: str, yaml_ok: bool) -> Any:
    """Parse JSON (or YAML when ``yaml_ok``), reporting syntax errors with line and column."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not yaml_ok:
        try:
            return loads_json(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(
                f"invalid JSON: {exc.msg}", file=file, line=exc.lineno, column=exc.colno
            ) from None
        except ValueError as exc:  # NaN/Infinity, or numbers beyond int string limits
            raise SchemaError(f"invalid JSON: {exc}", file=file) from None
    return load_yaml(text, file=file)


def _parse_int(text: str) -> int:
    """JSON integers of any length (``int()`` refuses over 4,300 digits; Decimal does not)."""
    return int(text) if len(text) < 4000 else int(Decimal(text))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads_json(text: str) -> Any:
    """JSON as schemagen reads it, schemas and ``validate``'s instances alike: integers of
    any length, ``NaN``/``Infinity`` refused (``ValueError``, ``json.JSONDecodeError``)."""
    return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)


def read_document(path: Path) -> Any:
    """Read one JSON or YAML file (chosen by suffix)."""
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SchemaError("no such file", file=file) from None
    except IsADirectoryError:
        raise SchemaError("is a directory, expected a schema file", file=file) from None
    except OSError as exc:
        raise SchemaError(f"cannot read: {exc.strerror}", file=file) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SchemaError(
            f"not UTF-8 (byte {raw[exc.start]:#04x} at offset {exc.start})", file=file
        ) from None
    return parse_document(text, file=file, yaml_ok=path.suffix.lower() in (".yaml", ".yml"))


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
        contents,
        uri=uri,
        path=path,
        ref_map=ref_map,
        check_metaschema=check_metaschema,
        owned=True,  # freshly parsed: nobody else holds it
    )


def load_contents(
    contents: Any,
    *,
    uri: str = DEFAULT_URI,
    path: Path | None = None,
    ref_map: Mapping[str, str | Path] | None = None,
    registry: referencing.Registry[Any] | None = None,
    check_metaschema: bool = True,
    owned: bool = False,
) -> LoadedSchema:
    """Build a :class:`LoadedSchema` from an already-parsed document.

    ``owned`` is accepted for older callers and changes nothing: an OpenAPI 3.0 document is
    never modified (its rewrite is copy-on-write, :func:`~generator.openapi.normalise_30`).
    """
    file = str(path) if path is not None else uri
    if not isinstance(contents, (dict, bool)):
        raise SchemaError(
            f"expected a JSON object (a schema) at the top level, got {_json_type(contents)}",
            file=file,
            pointer="",
        )
    check_numbers(contents, file=file, integers=False)  # (YAML's .inf, JSON's 1e400)
    mapping = {prefix: Path(folder) for prefix, folder in (ref_map or {}).items()}
    source = contents
    kind = "jsonschema"
    openapi_version: str | None = None
    dialect = DRAFT_2020_12
    if isinstance(contents, dict) and "openapi" in contents:
        kind = "openapi"
        openapi_version = str(contents["openapi"])
        _check_openapi(contents, file=file, version=openapi_version)
        # 3.0 schemas are checked by the rules of OpenAPI 3.0's Schema Object, as read; 3.1
        # schemas are 2020-12 (its dialect adds only annotations).
        is_30 = openapi_version.startswith("3.0")
        if check_metaschema:
            for name, sub in contents["components"]["schemas"].items():
                _check_against_metaschema(
                    sub,
                    file=file,
                    default=OAS30_SCHEMA_URI if is_30 else dialect,
                    prefix=f"/components/schemas/{escape(name)}",
                )
        if is_30:
            contents = normalise_30(contents)
            dialect = DRAFT_04
    elif isinstance(contents, dict):
        declared = contents.get("$schema", DRAFT_2020_12)
        if not isinstance(declared, str):
            raise SchemaError("'$schema' must be a string URI", file=file, pointer="/$schema")
        dialect = _normalise_dialect(declared, file=file)
        if check_metaschema:
            _check_against_metaschema(contents, file=file, default=dialect)

    retrieve = _Retriever(mapping, file=file)
    # The compiler's (boolean-tolerant) specifications: its resolver then reuses this crawl.
    specification = specification_for(dialect)
    if kind == "openapi":
        # OpenAPI 3.0 schemas are a draft-4 dialect variant; 3.1 are 2020-12.
        specification = specification_for(
            DRAFT_04 if (openapi_version or "").startswith("3.0") else DRAFT_2020_12
        )
    resource = specification.create_resource(contents)
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
    registry_out = registry_out.crawl()
    loaded = LoadedSchema(
        path=path,
        uri=uri,
        contents=contents,
        dialect=dialect,
        registry=registry_out,
        kind=kind,
        openapi_version=openapi_version,
        ref_map=mapping,
        source=source if source is not contents else None,
    )
    check_references(loaded)
    return loaded


#: Every dialect we support, by the ``$schema`` spellings seen in the wild.
DIALECTS = {
    "http://json-schema.org/draft-04/schema": DRAFT_04,
    "http://json-schema.org/draft-06/schema": "http://json-schema.org/draft-06/schema",
    "http://json-schema.org/draft-07/schema": "http://json-schema.org/draft-07/schema",
    "https://json-schema.org/draft/2019-09/schema": "https://json-schema.org/draft/2019-09/schema",
    "https://json-schema.org/draft/2020-12/schema": DRAFT_2020_12,
    "http://json-schema.org/schema": DRAFT_2020_12,
}


def _normalise_dialect(declared: str, *, file: str) -> str:
    key = declared.rstrip("#")
    if key.startswith("https://json-schema.org/draft-0"):
        key = "http://" + key[len("https://") :]
    if key.startswith("http://json-schema.org/draft/20"):
        key = "https://" + key[len("http://") :]
    if key in DIALECTS:
        return DIALECTS[key]
    raise UnsupportedSchemaError(
        "$schema",
        "/$schema",
        f"{declared!r} is not a dialect schemagen knows; use draft 4, 6, 7, 2019-09 or 2020-12",
        file=file,
    )


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


def _check_against_metaschema(
    contents: Any, *, file: str, default: str = DRAFT_2020_12, prefix: str = ""
) -> None:
    """Check ``contents`` against the metaschema of its dialect (``default`` for OpenAPI).

    The check runs the metaschema compiled by our own compiler (about 250x faster than
    interpreting it); only a failing schema pays for importing python-jsonschema, whose
    choice of the most relevant error reads best.
    """
    if _compiled_metaschema(default).is_valid(contents):
        return
    from jsonschema.exceptions import best_match
    from jsonschema.validators import Draft4Validator, validator_for

    try:
        if default == OAS30_SCHEMA_URI:
            errors = list(Draft4Validator(OAS30_SCHEMA_OBJECT).iter_errors(contents))
        else:
            cls = validator_for({"$schema": default})
            errors = list(cls(cls.META_SCHEMA).iter_errors(contents))
    except (ValueError, RecursionError):  # (it cannot print a 5,000-digit integer, or recurse)
        errors = []
    if not errors:  # no words from python-jsonschema: our compiled metaschema's
        ours = next(iter(_compiled_metaschema(default).iter_errors(contents)), None)
        if ours is None:
            return
        raise SchemaError(
            f"not a valid schema: {ours.message} (keyword {ours.keyword!r})",
            file=file,
            pointer=prefix + ours.path,
        )
    error = best_match(errors)
    pointer = prefix + to_pointer(error.absolute_path)
    raise SchemaError(
        f"not a valid schema: {error.message} (keyword {error.validator!r})",
        file=file,
        pointer=pointer,
    )


@cache
def _compiled_metaschema(uri: str) -> Any:
    import jsonschema_specifications

    from generator.compiler import compile as compile_schema

    if uri == OAS30_SCHEMA_URI:
        return compile_schema(OAS30_SCHEMA_OBJECT)
    registry = jsonschema_specifications.REGISTRY
    return compile_schema(registry.contents(uri), registry=registry, base_uri=uri)


class _Retriever:
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
    """A referenced document as a resource, in the dialect its ``$schema`` names."""
    return referencing.jsonschema.specification_with(
        contents.get("$schema", DRAFT_2020_12) if isinstance(contents, dict) else "",
        default=referencing.jsonschema.DRAFT202012,
    ).create_resource(contents)


def _prefix_hint(uri: str) -> str:
    parts = urlsplit(uri)
    folder = parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{folder}"


_REF_KEYWORDS = ("$ref", "$dynamicRef", "$recursiveRef")
_REF_KEYWORD_SET = frozenset(_REF_KEYWORDS)


def iter_references(
    node: Any, base: str, pointer: str = "", *, draft4: bool = False
) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(keyword, base_uri, pointer, reference)`` for every ``$ref``-like keyword."""
    stack: list[tuple[Any, str, str]] = [(node, base, pointer)]
    id_keyword = "id" if draft4 else "$id"
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
                if isinstance(value, (dict, list)) and key not in _DATA_KEYWORDS:
                    token = key.replace("~", "~0").replace("/", "~1")  # escape(), inlined
                    stack.append((value, current_base, f"{current_pointer}/{token}"))
        elif isinstance(current, list):
            for index, value in enumerate(current):
                if isinstance(value, (dict, list)):
                    stack.append((value, current_base, f"{current_pointer}/{index}"))


def check_references(loaded: LoadedSchema) -> None:
    """Fail early, with a JSON Pointer, on any ``$ref`` that cannot be resolved."""
    draft4 = loaded.dialect.startswith("http://json-schema.org/draft-04") or (
        loaded.kind == "openapi" and (loaded.openapi_version or "").startswith("3.0")
    )
    registry = loaded.registry
    resolver = registry.resolver()
    #: Per base URI that fragment references join to by concatenation: a resolver there, and
    #: whether the base names the root document (whose JSON Pointers are read directly).
    in_base: dict[str, tuple[referencing._core.Resolver[Any], bool] | None] = {}
    file = loaded.display_name
    resolved: set[str] = set()  # many references name the same target: look each up once
    for keyword, base, pointer, target in iter_references(
        loaded.contents, loaded.uri, draft4=draft4
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
                resolver.lookup(uri)
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
                f"cannot resolve {keyword} {target!r}: {_unresolvable_reason(exc)}",
                file=file,
                pointer=f"{pointer}/{escape(keyword)}",
            ) from None


#: :func:`pointer_target`'s answer when it leaves a reference to :mod:`referencing`.
NOWHERE: Any = object()


def pointer_target(document: Any, pointer: str) -> Any:
    """The schema at JSON Pointer ``pointer`` (a URI fragment, ``/…``) in ``document``, read
    as :mod:`referencing` reads it, or ``NOWHERE`` at anything it might treat otherwise.

    Only objects are walked, and none may hold ``$id`` or ``id``: then no step moves the base
    URI and :mod:`referencing` would answer the same node, with the same base. Anything else (an
    array on the way, a missing member, a target that is not a schema) is left to it.
    """
    node = document
    for segment in unquote(pointer[1:]).split("/"):
        if not isinstance(node, dict):
            return NOWHERE
        segment = segment.replace("~1", "/").replace("~0", "~")
        if segment not in node:
            return NOWHERE
        node = node[segment]
        if isinstance(node, dict) and ("$id" in node or "id" in node):
            return NOWHERE
    return node if isinstance(node, (dict, bool)) else NOWHERE


def join_reference(base: str, reference: str) -> str:
    """``reference`` resolved against ``base`` as :mod:`referencing` resolves it.

    A fragment-only reference keeps the base document, whatever its scheme: ``urljoin`` only
    joins schemes it knows to be hierarchical, and drops the base of ``urn:`` URIs.
    """
    if reference.startswith("#"):
        return base.partition("#")[0] + reference
    return urljoin(base, reference)


def _fragment_base(
    loaded: LoadedSchema, base: str
) -> tuple[referencing._core.Resolver[Any], bool] | None:
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


def _unresolvable_reason(exc: referencing.exceptions.Unresolvable) -> str:
    if isinstance(exc, referencing.exceptions.PointerToNowhere):
        return "the JSON Pointer points to nothing"
    if isinstance(exc, referencing.exceptions.NoSuchAnchor):
        return "no such anchor"
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, SchemaError):
            return cause.detail
        cause = cause.__cause__ or cause.__context__
    return "no such resource"


#: Escape one JSON Pointer reference token (RFC 6901): the compiler's, one home for both.
escape = escape_segment


def to_pointer(tokens: Any) -> str:
    return "".join(f"/{escape(str(token))}" for token in tokens)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
