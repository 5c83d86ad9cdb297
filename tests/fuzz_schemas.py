"""Hypothesis strategies for the fuzz tests: schemas drawn from each draft's metaschema, then
mutated the way hostile and careless schemas are.

:func:`schemas` reads the draft's metaschema (its ``properties``, and those of its vocabulary
metaschemas for 2019-09 and 2020-12) and draws, for each keyword it picks, a value the
metaschema allows: ``$ref``/``$dynamicRef``/``$recursiveRef`` back to the metaschema itself
are new subschemas, other references are followed inside the metaschema, ``type``/``enum``/
``anyOf``/``items``/``additionalProperties``/``minimum`` are honoured. Strings in a ``format``
position come from small pools of realistic values (patterns on which ECMA-262 and Python
agree; odd references and ids), so the differential test meets interesting cases.

:func:`mutated` then rewrites some nodes: wrong types for keywords, lists for objects, odd
``$id``/``$ref``/anchors, non-finite and huge numbers, unicode keys.
"""

from __future__ import annotations

import copy
import math
from typing import Any
from urllib.parse import urldefrag

import jsonschema_specifications
from hypothesis import strategies as st

DRAFTS = {
    "draft4": "http://json-schema.org/draft-04/schema",
    "draft6": "http://json-schema.org/draft-06/schema",
    "draft7": "http://json-schema.org/draft-07/schema",
    "draft2019-09": "https://json-schema.org/draft/2019-09/schema",
    "draft2020-12": "https://json-schema.org/draft/2020-12/schema",
}
REGISTRY = jsonschema_specifications.REGISTRY

#: Patterns whose meaning ECMA-262 and Python's re share (python-jsonschema uses re).
PATTERNS = ["^a", "b$", "^[a-c]+$", "x|y", "^.{2,4}$", "[0-9]", "^$", "a+b*", "^(ab)+", "é"]
REFS = [
    "#",
    "#/definitions/a",
    "#/$defs/a",
    "#/properties/a",
    "#a",
    "#/nowhere",
    "#/items/0",
    "#/%24defs/a",
    "#/definitions/a~1b",
    "other.json",
    "urn:example:x",
    "http://example.com/x.json",
    "",
]
IDS = ["#a", "urn:example:x", "http://example.com/root.json", "sub/x.json", "", "#", "a b"]
ANCHORS = ["a", "b", "A_1", "-bad", ""]
NAMES = ["a", "b", "a/b", "~", "", "$ref", "class", "from_dict", "é", "\ud800", "x\ny", "1"]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(-5, 5, allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "a", "ab", "abc", "é", "x\ny", "1"]),
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), inner, max_size=3)
    ),
    max_leaves=6,
)
KEYS = st.sampled_from(["a", "b", "c", "a/b", "é", "1"])


def keywords(draft: str) -> dict[str, Any]:
    """``keyword -> value schema`` from the draft's metaschema (and vocabularies)."""
    uri = DRAFTS[draft]
    root = REGISTRY.contents(uri)
    table: dict[str, tuple[str, Any]] = {}
    documents = [uri]
    for member in root.get("allOf", []):
        documents.append(urldefrag(_join(uri, member["$ref"]))[0])
    for document in documents:
        for name, value in REGISTRY.contents(document).get("properties", {}).items():
            table.setdefault(name, (document, value))
    table.pop("$schema", None)  # the draft is chosen, not drawn
    return table


def _join(base: str, ref: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, ref)


class _Drawer:
    def __init__(self, draft: str, depth: int) -> None:
        self.draft = draft
        self.uri = DRAFTS[draft]
        self.table = keywords(draft)
        self.names = sorted(self.table)
        self.depth = depth

    def schema(self, depth: int) -> st.SearchStrategy[Any]:
        leaf = st.sampled_from([True, False, {}, {"type": "string"}, {"minimum": 1}])
        if depth <= 0:
            return leaf
        picked = st.lists(st.sampled_from(self.names), max_size=4, unique=True)
        objects = picked.flatmap(
            lambda names: st.fixed_dictionaries(
                {name: self.value(*self.table[name], depth - 1, name) for name in names}
            )
        )
        return st.one_of(leaf, objects, objects)

    def value(self, document: str, schema: Any, depth: int, keyword: str = "") -> Any:
        if keyword in ("$ref", "$dynamicRef", "$recursiveRef"):
            return st.sampled_from(REFS)
        if keyword in ("$id", "id"):
            return st.sampled_from(IDS)
        if keyword in ("$anchor", "$dynamicAnchor"):
            return st.sampled_from(ANCHORS)
        if keyword == "pattern":
            return st.sampled_from(PATTERNS)
        if keyword == "patternProperties":
            return st.dictionaries(st.sampled_from(PATTERNS), self.schema(depth), max_size=2)
        if keyword in ("default", "const", "examples", "example"):
            return JSON
        if keyword == "enum":
            return st.lists(JSON, min_size=1, max_size=4)
        if keyword == "format":
            return st.sampled_from(["date", "email", "uri", "regex", "made-up"])
        if keyword == "$vocabulary" or keyword == "$comment":
            return st.just({}) if keyword == "$vocabulary" else st.just("c")
        return self.follow(document, schema, depth)

    def follow(self, document: str, schema: Any, depth: int) -> Any:
        if schema is True or schema == {}:
            return JSON
        if not isinstance(schema, dict):
            return st.just(None)
        for ref_keyword in ("$ref", "$dynamicRef", "$recursiveRef"):
            ref = schema.get(ref_keyword)
            if ref is None:
                continue
            target = _join(document, ref)
            if ref in ("#", "#meta") or urldefrag(target)[0] == self.uri:
                if urldefrag(target)[1] in ("", "meta"):
                    return self.schema(depth)
            resolved = REGISTRY.resolver(document).lookup(ref)
            base = urldefrag(target)[0] or document
            return self.follow(base, resolved.contents, depth)
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        for combinator in ("anyOf", "oneOf"):
            if combinator in schema:
                return st.one_of([self.follow(document, s, depth) for s in schema[combinator]])
        kind = schema.get("type")
        if isinstance(kind, list):
            return st.one_of([self.follow(document, {**schema, "type": k}, depth) for k in kind])
        if kind == "object" or "additionalProperties" in schema:
            values = schema.get("additionalProperties", True)
            return st.dictionaries(KEYS, self.follow(document, values, depth), max_size=3)
        if kind == "array" or "items" in schema:
            items = schema.get("items", True)
            return st.lists(
                self.follow(document, items, depth),
                min_size=min(schema.get("minItems", 0), 2),
                max_size=3,
                unique_by=(lambda v: repr(v)) if schema.get("uniqueItems") else None,
            )
        if kind == "string":
            return st.sampled_from(["a", "b", "c", "a/b"])
        if kind == "integer":
            return st.integers(schema.get("minimum", -3), 6)
        if kind == "number":
            if "exclusiveMinimum" in schema or "exclusiveMinimum" in str(schema):
                return st.sampled_from([0.5, 1, 2, 3, 0.1, 1e-3])
            return st.one_of(st.integers(-3, 6), st.sampled_from([0.5, -1.5, 2.0, 1e10]))
        if kind == "boolean":
            return st.booleans()
        return JSON


def schemas(draft: str, depth: int = 3) -> st.SearchStrategy[Any]:
    """Schemas valid under the draft's metaschema (mostly: references may dangle)."""
    return _Drawer(draft, depth).schema(depth)


#: Replacement values a mutation puts at a node: the kinds of hostile input issue 10 lists.
HOSTILE_VALUES = st.one_of(
    st.sampled_from(
        [
            math.inf,
            -math.inf,
            math.nan,
            10**5000,
            -(10**400),
            1e308,
            5e-324,
            -0.0,
            [],
            [{}],
            {},
            "",
            5,
            True,
            None,
            "#/nowhere",
            "#",
        ]
    ),
    JSON,
)


@st.composite
def mutated(draw: st.DrawFn, draft: str, depth: int = 3) -> Any:
    """A schema drawn from the draft's metaschema, then up to three nodes rewritten."""
    # (a copy: sampled values are shared objects, and mutations work in place)
    schema = copy.deepcopy(draw(schemas(draft, depth)))
    for _ in range(draw(st.integers(0, 3))):
        schema = _mutate_once(draw, schema)
    return schema


def _mutate_once(draw: st.DrawFn, schema: Any) -> Any:
    nodes: list[tuple[Any, Any]] = []  # (container, key) of every value
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                nodes.append((node, key))
                stack.append(value)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                nodes.append((node, index))
                stack.append(value)
    if not nodes or draw(st.integers(0, 9)) == 0:
        return copy.deepcopy(draw(HOSTILE_VALUES))  # the whole schema
    container, key = draw(st.sampled_from(nodes))
    action = draw(st.sampled_from(["value", "list", "key", "ref", "id", "anchor"]))
    if action == "value":
        container[key] = copy.deepcopy(draw(HOSTILE_VALUES))
    elif action == "list":
        container[key] = [container[key]]
    elif action == "key" and isinstance(container, dict):
        container[draw(st.sampled_from(NAMES))] = container.pop(key)
    elif isinstance(container, dict):
        keyword = {"ref": "$ref", "id": "$id", "anchor": "$anchor"}[action]
        if keyword == "$id" and "definitions" in str(list(container)):
            keyword = "id"
        pool = {"$ref": REFS, "$id": IDS, "id": IDS, "$anchor": ANCHORS}[keyword]
        container[keyword] = draw(st.sampled_from([*pool, 5, None, []]))
    return schema
