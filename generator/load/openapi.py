"""OpenAPI documents as schema sets: each ``components/schemas`` entry is a named type.

OpenAPI 3.1 schemas are JSON Schema 2020-12 and need nothing. OpenAPI 3.0 schemas are a
draft-4 dialect with extras; :func:`normalise_30` rewrites them into plain draft-4 JSON Schema
so every later stage (IR, validators) sees standard keywords:

* ``nullable: true`` → ``null`` added to ``type`` (and to ``enum`` when there is one); beside a
  ``$ref`` or an ``allOf`` with no ``type``, the schema becomes ``anyOf: [schema, {type: null}]``,
  which is what authors mean by it (OpenAPI 3.0.3 itself would ignore it).
* ``discriminator``, ``example``, ``xml``, ``externalDocs``, ``readOnly``/``writeOnly`` and
  ``x-`` extensions are annotations and stay as they are (validators ignore them; the IR reads
  ``discriminator``).
"""

from __future__ import annotations

from typing import Any

from generator.spec.keywords import SUBSCHEMA_KEYWORDS, subschemas


def normalise_30(document: dict[str, Any]) -> dict[str, Any]:
    """An OpenAPI 3.0 document whose schemas are plain draft-4 JSON Schema.

    The rewrite is copy-on-write: every changed schema is a new object, so ``document`` keeps
    its raw shape (the docs target reads it) and unchanged subtrees are shared, not copied.
    """
    components = document.get("components")
    if not isinstance(components, dict) or not isinstance(components.get("schemas"), dict):
        return document
    schemas: dict[str, Any] = components["schemas"]
    memo: dict[int, Any] = {}
    rewritten = {name: _normalise(schema, memo) for name, schema in schemas.items()}
    return {**document, "components": {**components, "schemas": rewritten}}


def _normalise(schema: Any, memo: dict[int, Any]) -> Any:
    if not isinstance(schema, dict):
        return schema
    key = id(schema)
    if key in memo:  # the same object twice (YAML anchors): one rewritten object too
        return memo[key]
    memo[key] = result = _rewrite(schema, memo)
    return result


def _rewrite(schema: dict[str, Any], memo: dict[int, Any]) -> Any:
    if "$ref" in schema:
        if schema.get("nullable") is True:
            rest = {k: v for k, v in schema.items() if k != "nullable"}
            return {"anyOf": [rest, {"type": "null"}]}
        return schema
    changed: dict[str, Any] = {}
    if not SUBSCHEMA_KEYWORDS.isdisjoint(schema):
        for segments, sub in subschemas(schema):
            new = _normalise(sub, memo)
            if new is sub:
                continue
            key = segments[0]
            if len(segments) == 1:
                changed[key] = new
                continue
            container = changed.get(key)
            if container is None:
                original = schema[key]
                container = list(original) if isinstance(original, list) else dict(original)
                changed[key] = container
            if isinstance(container, list):
                container[int(segments[1])] = new
            else:
                container[segments[1]] = new
    result = {**schema, **changed} if changed else schema
    if result.get("nullable") is True and "type" not in result and "allOf" in result:
        rest = {k: v for k, v in result.items() if k != "nullable"}
        return {"anyOf": [rest, {"type": "null"}]}
    if result.get("nullable") is True and "type" in result:
        declared = result["type"]
        types = declared if isinstance(declared, list) else [declared]
        enum = result.get("enum")
        extra: dict[str, Any] = {}
        if "null" not in types:
            extra["type"] = [*types, "null"]
        if isinstance(enum, list) and None not in enum:
            extra["enum"] = [*enum, None]
        if extra:
            result = {**result, **extra}
    return result
