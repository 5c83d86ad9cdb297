"""Read YAML 1.2 text into plain JSON values, or refuse it with the line, column and pointer.

OpenAPI requires YAML 1.2 (where ``1e-08`` is a number and ``yes`` is a string), so documents
are parsed by ruamel.yaml, the maintained YAML 1.2 parser for Python. Only its parser and
composer are used: the node graph is turned into JSON values here, so that what JSON cannot
hold is refused where it stands instead of surfacing later as a traceback:

* mapping keys must be strings (``1: x`` is an integer key: quote it);
* only the JSON-shaped tags are accepted (``!!binary``, ``!!set`` and custom tags are not);
  timestamps stay the text they were written as;
* ``.inf``, ``.nan`` and floats too large for a double are refused (JSON has no such number);
* duplicate keys are refused, as the YAML specification says;
* aliases are expanded into copies, within a budget: a recursive alias (``x: &a [*a]``) is
  refused, and so is a document whose aliases expand to more than :data:`ALIAS_BUDGET` nodes
  beyond its own (nested aliases in a few hundred bytes can stand for billions of nodes).
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import SchemaError
from generator.spec.pointer import escape

#: How many nodes alias expansion may add to a document, beyond the nodes written in it.
ALIAS_BUDGET = 1_000_000

_TAG = "tag:yaml.org,2002:"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})


def load_yaml(text: str, *, file: str) -> Any:
    """The JSON value of one YAML 1.2 document (an empty document is ``null``)."""
    parser = YAML(typ="safe")  # libyaml's scanner when ruamel.yaml.clib is there
    try:
        root = parser.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        problem = exc.problem or exc.context or str(exc)
        if exc.context and exc.problem and exc.problem.startswith("but "):
            problem = f"{exc.context}, {exc.problem}"
        problem = " ".join(problem.split())
        raise SchemaError(f"invalid YAML: {problem}", file=file, line=line, column=column) from None
    except YAMLError as exc:  # e.g. a character YAML does not allow, such as NUL
        raise SchemaError(f"invalid YAML: {' '.join(str(exc).split())}", file=file) from None
    except RecursionError:
        raise SchemaError("invalid YAML: nested too deeply to parse", file=file) from None
    if root is None:
        return None
    return _Converter(file).convert(root)


class _Converter:
    """Node graph → JSON values, iteratively (no recursion limit), counting expanded nodes."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.seen: set[int] = set()
        self.built = 0

    def fail(self, node: Node, pointer: str, message: str) -> SchemaError:
        mark = node.start_mark
        return SchemaError(
            message, file=self.file, line=mark.line + 1, column=mark.column + 1, pointer=pointer
        )

    def convert(self, root: Node) -> Any:
        # Each frame: (node, pointer, container being filled, ids of the node's ancestors).
        result: list[Any] = []
        stack: list[tuple[Node, str, Any, Any, frozenset[int]]] = [
            (root, "", result, None, frozenset())
        ]
        while stack:
            node, pointer, parent, key, path = stack.pop()
            value = self.begin(node, pointer, path)
            if isinstance(parent, list) and key is None:
                parent.append(value)
            else:
                parent[key] = value
            if isinstance(node, ScalarNode):
                continue
            inner = path | {id(node)}
            if isinstance(node, SequenceNode):
                value.extend([None] * len(node.value))
                for index in range(len(node.value) - 1, -1, -1):
                    stack.append((node.value[index], f"{pointer}/{index}", value, index, inner))
                continue
            assert isinstance(node, MappingNode)
            entries = self.entries(node, pointer, inner)
            for name in entries:
                value[name] = None  # keep the written order; filled in below
            for name, child in reversed(list(entries.items())):
                stack.append((child, f"{pointer}/{escape(name)}", value, name, inner))
        return result[0]

    def begin(self, node: Node, pointer: str, path: frozenset[int]) -> Any:
        identity = id(node)
        if identity in path:
            raise self.fail(node, pointer, "invalid YAML: recursive alias (a node contains itself)")
        self.built += 1
        self.seen.add(identity)
        if self.built - len(self.seen) > ALIAS_BUDGET:
            raise self.fail(
                node,
                pointer,
                f"invalid YAML: aliases expand to more than {ALIAS_BUDGET:,} nodes",
            )
        if isinstance(node, ScalarNode):
            return self.scalar(node, pointer)
        if isinstance(node, SequenceNode):
            if node.tag != _TAG + "seq":
                raise self.unsupported_tag(node, pointer)
            return []
        if node.tag != _TAG + "map":
            raise self.unsupported_tag(node, pointer)
        return {}

    def entries(self, node: MappingNode, pointer: str, path: frozenset[int]) -> dict[str, Node]:
        """The node's members by key, with ``<<`` merge keys applied (explicit keys win)."""
        own: dict[str, Node] = {}
        merged: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                for source in self.merge_sources(value_node, pointer, path):
                    for name, child in self.entries(source, pointer, path | {id(source)}).items():
                        merged.setdefault(name, child)
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
                shown = key_node.value if isinstance(key_node, ScalarNode) else "a collection"
                raise self.fail(
                    key_node,
                    pointer,
                    f"invalid YAML: mapping key {shown!r} is not a string "
                    "(JSON object keys are strings: quote it)",
                )
            name = key_node.value
            if name in own:
                raise self.fail(key_node, pointer, f"invalid YAML: duplicate key {name!r}")
            own[name] = value_node
        if not merged:
            return own
        return {**{k: v for k, v in merged.items() if k not in own}, **own}

    def merge_sources(self, value: Node, pointer: str, path: frozenset[int]) -> list[MappingNode]:
        sources = value.value if isinstance(value, SequenceNode) else [value]
        for source in sources:
            if not isinstance(source, MappingNode):
                raise self.fail(source, pointer, "invalid YAML: '<<' merges only mappings")
            if id(source) in path:
                raise self.fail(source, pointer, "invalid YAML: recursive alias in '<<'")
        return list(sources)

    def scalar(self, node: ScalarNode, pointer: str) -> Any:
        tag, text = node.tag, node.value
        if tag == _TAG + "str" or tag == _TAG + "timestamp":
            return text
        if tag == _TAG + "null" and text in _NULLS:
            return None
        if tag == _TAG + "bool":
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
        if tag == _TAG + "int":
            return self.integer(node, pointer)
        if tag == _TAG + "float":
            if text.lstrip("+-").lower() in (".inf", ".nan"):
                number = math.nan
            else:
                try:
                    number = float(text.replace("_", ""))
                except ValueError:
                    message = f"invalid YAML: {text!r} is not a number"
                    raise self.fail(node, pointer, message) from None
            if not math.isfinite(number):
                raise self.fail(
                    node, pointer, f"invalid YAML: {text} is not a finite number (JSON has none)"
                )
            return number
        raise self.unsupported_tag(node, pointer)

    def integer(self, node: ScalarNode, pointer: str) -> int:
        text = node.value.replace("_", "")
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        try:
            if digits[:2] in ("0o", "0O"):
                return sign * int(digits[2:], 8)
            if digits[:2] in ("0x", "0X"):
                return sign * int(digits[2:], 16)
            return int(text) if len(text) < 4000 else int(Decimal(text))
        except (ValueError, ArithmeticError):
            raise self.fail(
                node, pointer, f"invalid YAML: {node.value!r} is not an integer"
            ) from None

    def unsupported_tag(self, node: Node, pointer: str) -> SchemaError:
        tag = str(node.tag)
        tag = tag.replace(_TAG, "!!") if tag.startswith(_TAG) else tag
        return self.fail(node, pointer, f"invalid YAML: a {tag} value has no JSON equivalent")
