"""Which keywords each JSON Schema dialect (draft) understands, and how to walk its subschemas."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import astuple, dataclass
from typing import Any

DRAFT4 = "http://json-schema.org/draft-04/schema"
DRAFT6 = "http://json-schema.org/draft-06/schema"
DRAFT7 = "http://json-schema.org/draft-07/schema"
DRAFT2019 = "https://json-schema.org/draft/2019-09/schema"
DRAFT2020 = "https://json-schema.org/draft/2020-12/schema"

_COMMON_VALIDATION = frozenset(
    {
        "type",
        "enum",
        "multipleOf",
        "maximum",
        "minimum",
        "exclusiveMaximum",
        "exclusiveMinimum",
        "maxLength",
        "minLength",
        "pattern",
        "maxItems",
        "minItems",
        "uniqueItems",
        "maxProperties",
        "minProperties",
        "required",
    }
)
_COMMON_APPLICATOR = frozenset(
    {
        "items",
        "additionalItems",
        "properties",
        "patternProperties",
        "additionalProperties",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
    }
)

_VOCAB_2019 = "https://json-schema.org/draft/2019-09/vocab/"
_VOCAB_2020 = "https://json-schema.org/draft/2020-12/vocab/"

VOCABULARIES: dict[str, frozenset[str]] = {
    _VOCAB_2019 + "core": frozenset(
        {"$ref", "$recursiveRef", "$recursiveAnchor", "$anchor", "$id"}
    ),
    _VOCAB_2019 + "applicator": frozenset(
        {
            "additionalItems",
            "unevaluatedItems",
            "items",
            "contains",
            "additionalProperties",
            "unevaluatedProperties",
            "properties",
            "patternProperties",
            "dependentSchemas",
            "propertyNames",
            "if",
            "then",
            "else",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
        }
    ),
    _VOCAB_2019 + "validation": _COMMON_VALIDATION
    | {"const", "dependentRequired", "maxContains", "minContains"},
    _VOCAB_2019 + "format": frozenset({"format"}),
    _VOCAB_2019 + "content": frozenset(),
    _VOCAB_2019 + "meta-data": frozenset(),
    _VOCAB_2020 + "core": frozenset({"$ref", "$dynamicRef", "$dynamicAnchor", "$anchor", "$id"}),
    _VOCAB_2020 + "applicator": frozenset(
        {
            "prefixItems",
            "items",
            "contains",
            "additionalProperties",
            "properties",
            "patternProperties",
            "dependentSchemas",
            "propertyNames",
            "if",
            "then",
            "else",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
        }
    ),
    _VOCAB_2020 + "unevaluated": frozenset({"unevaluatedItems", "unevaluatedProperties"}),
    _VOCAB_2020 + "validation": _COMMON_VALIDATION
    | {"const", "dependentRequired", "maxContains", "minContains"},
    _VOCAB_2020 + "format-annotation": frozenset({"format"}),
    _VOCAB_2020 + "format-assertion": frozenset({"format"}),
    _VOCAB_2020 + "content": frozenset(),
    _VOCAB_2020 + "meta-data": frozenset(),
}


@dataclass(frozen=True, eq=False)
class Dialect:
    """One draft's rules, optionally narrowed to the vocabularies a custom metaschema declares.

    Dialects are interned (:data:`DIALECTS`, :meth:`with_vocabularies`): equal dialects are the
    same object, so they compare and hash by identity, cheaply (they key every memo).
    """

    name: str
    uri: str
    keywords: frozenset[str]
    id_keyword: str
    ref_overrides_siblings: bool
    boolean_schemas: bool
    float_integers: bool
    #: "array-or-schema" (draft 4 .. 2019-09) or "prefixItems" (2020-12)
    items_mode: str
    contains_annotates_items: bool
    format_asserts: bool = False

    def with_vocabularies(self, vocabularies: Mapping[str, bool]) -> Dialect:
        """Restrict this dialect to the known vocabularies listed in a metaschema."""
        keywords: set[str] = set()
        format_asserts = False
        for uri in vocabularies:
            keywords |= VOCABULARIES.get(uri, frozenset())
            if uri.endswith("/format-assertion"):
                format_asserts = True
        # core keywords are always on, whatever the metaschema claims
        keywords |= {"$ref", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor"} & self.keywords
        keywords |= {"$recursiveRef", "$recursiveAnchor"} & self.keywords
        dialect = Dialect(
            name=self.name,
            uri=self.uri,
            keywords=frozenset(keywords & self.keywords),
            id_keyword=self.id_keyword,
            ref_overrides_siblings=self.ref_overrides_siblings,
            boolean_schemas=self.boolean_schemas,
            float_integers=self.float_integers,
            items_mode=self.items_mode,
            contains_annotates_items=self.contains_annotates_items,
            format_asserts=format_asserts,
        )
        return _INTERNED.setdefault(astuple(dialect), dialect)


_D4_KEYWORDS = _COMMON_VALIDATION | _COMMON_APPLICATOR | {"$ref", "id", "dependencies", "format"}
_D6_KEYWORDS = (_D4_KEYWORDS - {"id"}) | {"$id", "const", "contains", "propertyNames"}
_D7_KEYWORDS = _D6_KEYWORDS | {"if", "then", "else"}
# ``dependencies`` was split into dependentRequired/dependentSchemas in 2019-09: from there on
# it is an unknown keyword, as python-jsonschema reads it (the suite's optional
# dependencies-compatibility, which honours it, is not followed).
_D2019_KEYWORDS = frozenset().union(
    *(v for k, v in VOCABULARIES.items() if k.startswith(_VOCAB_2019))
)
_D2020_KEYWORDS = frozenset().union(
    *(v for k, v in VOCABULARIES.items() if k.startswith(_VOCAB_2020))
)

_INTERNED: dict[tuple[Any, ...], Dialect] = {}  # fields -> the one dialect with them

DIALECTS: dict[str, Dialect] = {
    DRAFT4: Dialect("draft4", DRAFT4, _D4_KEYWORDS, "id", True, False, False, "array", False),
    DRAFT6: Dialect("draft6", DRAFT6, _D6_KEYWORDS, "$id", True, True, True, "array", False),
    DRAFT7: Dialect("draft7", DRAFT7, _D7_KEYWORDS, "$id", True, True, True, "array", False),
    DRAFT2019: Dialect(
        "draft2019-09", DRAFT2019, _D2019_KEYWORDS, "$id", False, True, True, "array", False
    ),
    DRAFT2020: Dialect(
        "draft2020-12", DRAFT2020, _D2020_KEYWORDS, "$id", False, True, True, "prefixItems", True
    ),
}


for _dialect in DIALECTS.values():
    _INTERNED[astuple(_dialect)] = _dialect


def known_dialect(uri: str) -> Dialect | None:
    """The dialect a ``$schema`` URI names, tolerating a trailing ``#`` and http/https."""
    key = uri.rstrip("#")
    found = DIALECTS.get(key)
    if found is None and key.startswith("https://json-schema.org/draft-0"):
        found = DIALECTS.get("http://" + key[len("https://") :])
    return found


# Keywords whose value is a schema, an array of schemas, or an object of schemas.
_IN_VALUE = frozenset(
    {
        "additionalItems",
        "additionalProperties",
        "contains",
        "else",
        "if",
        "not",
        "propertyNames",
        "then",
        "unevaluatedItems",
        "unevaluatedProperties",
        "contentSchema",
    }
)
_IN_ARRAY = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
_IN_OBJECT = frozenset(
    {"$defs", "definitions", "dependentSchemas", "patternProperties", "properties"}
)


def checked_by_metaschema(pointer: str, dialect: Dialect) -> bool:
    """Whether the subschema at ``pointer`` (from a schema document's root) is one that the
    dialect's metaschema validates when it validates the root: every step a keyword of the
    dialect that holds schemas (``$defs``/``definitions`` as its metaschema knows them)."""
    locations = _LOCATIONS.get(dialect.uri)
    if locations is None:  # a custom metaschema: no knowledge of what it validates
        return False
    tokens = pointer.split("/")[1:] if pointer else []
    index = 0
    while index < len(tokens):
        keyword = tokens[index]
        if keyword not in dialect.keywords and keyword not in locations:
            return False
        if keyword in _IN_OBJECT or keyword in _IN_ARRAY or keyword == "dependencies":
            index += 2
        elif keyword == "items":
            index += 2 if index + 1 < len(tokens) and tokens[index + 1].isdigit() else 1
        elif keyword in _IN_VALUE:
            index += 1
        else:
            return False
    return index == len(tokens)


#: Keywords that only hold schemas for ``$ref``, as each draft's metaschema validates them.
_LOCATIONS_2019 = frozenset({"$defs", "definitions"})
_LOCATIONS: dict[str, frozenset[str]] = {
    DRAFT4: frozenset({"definitions"}),
    DRAFT6: frozenset({"definitions"}),
    DRAFT7: frozenset({"definitions"}),
    DRAFT2019: _LOCATIONS_2019,
    DRAFT2020: _LOCATIONS_2019,
}


# Every keyword :func:`subschemas` looks into.
SUBSCHEMA_KEYWORDS = _IN_VALUE | _IN_ARRAY | _IN_OBJECT | {"items", "dependencies"}


def subschemas(schema: Any) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Yield ``(path segments, subschema)`` for every direct subschema of ``schema``."""
    if not isinstance(schema, dict):
        return
    for key, value in schema.items():
        if key in _IN_VALUE:
            yield (key,), value
        elif key in _IN_ARRAY and isinstance(value, list):
            for index, item in enumerate(value):
                yield (key, str(index)), item
        elif key in _IN_OBJECT and isinstance(value, dict):
            for name, item in value.items():
                yield (key, name), item
        elif key == "items":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield (key, str(index)), item
            else:
                yield (key,), value
        elif key == "dependencies" and isinstance(value, dict):
            for name, item in value.items():
                if not isinstance(item, list):
                    yield (key, name), item


def subschema_pointers(schema: dict[str, Any]) -> list[tuple[str, Any]]:
    """``(JSON Pointer suffix, subschema)`` for every direct subschema, as :func:`subschemas`.

    The suffix is the escaped ``/segment/...`` that leads from ``schema`` to the subschema.
    """
    found: list[tuple[str, Any]] = []
    if SUBSCHEMA_KEYWORDS.isdisjoint(schema):
        return found
    for key, value in schema.items():
        if key in _IN_VALUE:
            found.append(("/" + key, value))
        elif key in _IN_ARRAY and isinstance(value, list):
            for index, item in enumerate(value):
                found.append((f"/{key}/{index}", item))
        elif key in _IN_OBJECT and isinstance(value, dict):
            prefix = f"/{key}/"
            for name, item in value.items():
                if "~" in name or "/" in name:
                    name = escape_segment(name)
                found.append((prefix + name, item))
        elif key == "items":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    found.append((f"/items/{index}", item))
            else:
                found.append(("/items", value))
        elif key == "dependencies" and isinstance(value, dict):
            for name, item in value.items():
                if not isinstance(item, list):
                    found.append((f"/dependencies/{escape_segment(name)}", item))
    return found


def escape_segment(segment: str) -> str:
    """``segment`` as a JSON Pointer reference token (``~`` and ``/`` escaped)."""
    if "~" in segment or "/" in segment:
        return segment.replace("~", "~0").replace("/", "~1")
    return segment
