"""JSON Pointer (RFC 6901) tokens and URI-fragment pointers, and ``$ref`` joining.

One copy of each rule. Hot loops that cannot afford a call per token inline
:func:`escape`'s body (``if "~" in s or "/" in s: s = s.replace(...)``) and name it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urljoin


def escape(token: str) -> str:
    """``token`` as a JSON Pointer reference token (``~`` and ``/`` escaped)."""
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def unescape(token: str) -> str:
    """The member name a JSON Pointer reference token stands for."""
    if "~" in token:
        return token.replace("~1", "/").replace("~0", "~")
    return token


def to_pointer(tokens: Iterable[Any]) -> str:
    """The JSON Pointer of a path of member names and array indices."""
    return "".join(f"/{escape(str(token))}" for token in tokens)


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
