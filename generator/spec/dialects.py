"""The JSON Schema dialects (drafts) schemagen knows: one :class:`Dialect` record each.

A record holds what differs between drafts: the ``$schema`` URI (and its spellings, through
:func:`known_dialect`), the keywords it understands (narrowed by a custom metaschema's
``$vocabulary``), the ``$id`` keyword, whether ``$ref`` overrides its siblings, and the
:mod:`referencing` specification (boolean-tolerant) its documents are crawled with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import astuple, dataclass
from typing import Any

import attrs
import referencing
import referencing.jsonschema

from generator.spec.keywords import IN_ARRAY, IN_OBJECT, IN_VALUE, subschemas

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
    #: The keyword that moves the base URI: ``id`` (draft 4) or ``$id``.
    id_keyword: str
    #: Whether ``$ref`` makes its siblings ignored (draft 4 to 7).
    ref_overrides_siblings: bool
    #: Whether ``1.0`` is an integer (draft 6 on).
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
    DRAFT4: Dialect(
        name="draft4",
        uri=DRAFT4,
        keywords=_D4_KEYWORDS,
        id_keyword="id",
        ref_overrides_siblings=True,
        float_integers=False,
        items_mode="array",
        contains_annotates_items=False,
    ),
    DRAFT6: Dialect(
        name="draft6",
        uri=DRAFT6,
        keywords=_D6_KEYWORDS,
        id_keyword="$id",
        ref_overrides_siblings=True,
        float_integers=True,
        items_mode="array",
        contains_annotates_items=False,
    ),
    DRAFT7: Dialect(
        name="draft7",
        uri=DRAFT7,
        keywords=_D7_KEYWORDS,
        id_keyword="$id",
        ref_overrides_siblings=True,
        float_integers=True,
        items_mode="array",
        contains_annotates_items=False,
    ),
    DRAFT2019: Dialect(
        name="draft2019-09",
        uri=DRAFT2019,
        keywords=_D2019_KEYWORDS,
        id_keyword="$id",
        ref_overrides_siblings=False,
        float_integers=True,
        items_mode="array",
        contains_annotates_items=False,
    ),
    DRAFT2020: Dialect(
        name="draft2020-12",
        uri=DRAFT2020,
        keywords=_D2020_KEYWORDS,
        id_keyword="$id",
        ref_overrides_siblings=False,
        float_integers=True,
        items_mode="prefixItems",
        contains_annotates_items=True,
    ),
}


for _dialect in DIALECTS.values():
    _INTERNED[astuple(_dialect)] = _dialect


#: ``$schema`` spellings seen in the wild beyond the drafts' own URIs.
_SPELLINGS = {"http://json-schema.org/schema": DRAFT2020}


def known_dialect(uri: str) -> Dialect | None:
    """The dialect a ``$schema`` URI names, tolerating a trailing ``#``, ``https`` for the
    draft-0x URIs, ``http`` for the dated ones, and the undated ``json-schema.org/schema``."""
    key = uri.rstrip("#")
    found = DIALECTS.get(key)
    if found is None:
        if key.startswith("https://json-schema.org/draft-0"):
            key = "http://" + key[len("https://") :]
        elif key.startswith("http://json-schema.org/draft/20"):
            key = "https://" + key[len("http://") :]
        found = DIALECTS.get(_SPELLINGS.get(key, key))
    return found


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
        if keyword in IN_OBJECT or keyword in IN_ARRAY or keyword == "dependencies":
            index += 2
        elif keyword == "items":
            index += 2 if index + 1 < len(tokens) and tokens[index + 1].isdigit() else 1
        elif keyword in IN_VALUE:
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


def _tolerant(spec: referencing.Specification[Any]) -> referencing.Specification[Any]:
    """``spec`` made to accept boolean subschemas (draft 4 proper has none; users do), and to
    walk only schemas: :mod:`referencing` also yields the arrays of ``dependencies`` (draft 4-7)
    as subresources, and would read the members of anything else it meets."""
    id_of = spec.id_of
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
        return [
            attrs.evolve(anchor, resource=specification.create_resource(anchor.resource.contents))
            for anchor in spec.anchors_in(contents)
            if isinstance(anchor.name, str)
        ]

    return attrs.evolve(  # type: ignore[misc]  # Specification is an attrs class
        spec,
        id_of=tolerant_id_of,
        anchors_in=tolerant_anchors_in,
        subresources_of=tolerant_subresources_of,
    )


_SPECIFICATIONS = {
    uri: _tolerant(referencing.jsonschema.specification_with(uri)) for uri in DIALECTS
}


def specification_for(dialect: Dialect | None) -> referencing.Specification[Any]:
    """The :mod:`referencing` specification of ``dialect`` (2020-12 for ``None``), tolerating
    boolean subschemas and keywords of the wrong type."""
    return _SPECIFICATIONS[dialect.uri if dialect is not None else DRAFT2020]


def document_specification(
    contents: Any, default: Dialect | None = None
) -> referencing.Specification[Any]:
    """The specification of a document by its own ``$schema`` (``default`` without one, or
    with one no dialect answers to)."""
    declared = contents.get("$schema") if isinstance(contents, dict) else None
    known = known_dialect(declared) if isinstance(declared, str) else None
    return specification_for(known or default)


_BY_SPECIFICATION = [
    (specification, DIALECTS[uri]) for uri, specification in _SPECIFICATIONS.items()
] + [(referencing.jsonschema.specification_with(uri), DIALECTS[uri]) for uri in DIALECTS]


def resource_specification(
    resource: referencing.Resource[Any],
) -> referencing.Specification[Any] | None:
    """The JSON Schema specification ``resource`` is read with (``None`` for any other)."""
    contents = resource.contents
    for specification, _ in _BY_SPECIFICATION:
        if resource == specification.create_resource(contents):
            return specification
    return None


def resource_dialect(resource: referencing.Resource[Any]) -> tuple[Dialect | None, bool]:
    """The dialect whose specification ``resource`` is read with (``None`` for any other), and
    whether that specification is :func:`specification_for`'s tolerant one.

    Told by equality with a resource made by each candidate (resources are attrs records; their
    contents compare by identity first, so this costs no walk of the document).
    """
    contents = resource.contents
    for index, (specification, dialect) in enumerate(_BY_SPECIFICATION):
        if resource == specification.create_resource(contents):
            return dialect, index < len(_SPECIFICATIONS)
    return None, False
