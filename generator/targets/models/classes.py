"""Dataclass blocks: the class body with its documented fields and ``SCHEMA_DEFAULTS``, the
``_KEYS_`` table, and the methods ``from_dict``/``from_json``/``to_dict``/``to_json``/
``_load``/``_build``."""

from __future__ import annotations

import builtins

from generator.ir import AnyType, Field, ObjectType
from generator.pylayout import str_literal
from generator.targets.models.dumping import Dumping
from generator.targets.models.layout import (
    STEP,
    WIDTH,
    assign,
    logical,
    negated,
    wrap_call,
    wrap_def,
    wrap_operands,
)
from generator.targets.models.literals import doc_lines, json_text
from generator.targets.models.loading import Building, Loading, validated_load
from generator.targets.models.types import describe

#: Builtins used in class-body annotations; a field of the same name would shadow them.
_BUILTINS = ("str", "int", "float", "bool", "list", "dict", "bytes", "bytearray")
#: Local names used by the generated methods, and the builtins (``object.__new__``,
#: ``isinstance``, ``str``...): a field's local variable avoids them all.
_LOCALS = frozenset(
    {"cls", "data", "self", "obj", "out", "extra", "x", "k", "v", "value", "validate"}
) | frozenset(dir(builtins))
#: Attribute names longer than this get a short local variable (``m3``) in generated methods.
_MAX_LOCAL = 32

#: The docstrings of every class's methods (at method-body indentation), written once.
_METHOD_DOCS = {
    name: tuple(doc_lines(text, STEP * 2))
    for name, text in {
        "from_dict": "Load a document (JSON data), raising ValidationError listing every problem.",
        "from_json": "Load a JSON document, raising ValidationError if it does not match.",
        "to_dict": "This object as JSON data: absent members stay absent.",
        "to_json": "This object as a JSON document.",
        "_build": "Construct from a document the validator accepted: no checks.",
    }.items()
}


class Classes:
    """The block of each object type: its dataclass and the methods on it."""

    def __init__(
        self, loading: Loading, building: Building, dumping: Dumping, *, with_validators: bool
    ) -> None:
        self.view = loading.view
        self.bodies = MethodBodies(loading, building, dumping)
        self.with_validators = with_validators

    def class_block(self, obj: ObjectType) -> list[str]:
        view = self.view
        names = obj.names
        shadow = frozenset(f.py_name for f in obj.fields) & frozenset(_BUILTINS)
        lines: list[str] = []
        defaults = {f.py_name: f.default for f in obj.fields if f.has_default}
        header = f"class {names.cls}:"
        if defaults:
            # On a plain base class, not in the dataclass: mypyc hands dataclasses the type of
            # a ClassVar in a dataclass body, which then takes it for a field (mypyc/mypyc#1122).
            base = f"_{names.cls}Defaults"
            ann = (
                f"{view.t('ClassVar')}[{view.builtin('dict', shadow)}"
                f"[{view.builtin('str', shadow)}, {view.t('Any')}]]"
            )
            lines += [f"class {base}:"]
            lines += doc_lines(f"``{names.cls}.SCHEMA_DEFAULTS``.", STEP)
            lines += ["", f"{STEP}__slots__ = ()", ""]
            lines += view.lit.lines(defaults, STEP, f"SCHEMA_DEFAULTS: {ann} = ")
            lines += doc_lines(
                "Schema defaults by attribute; never filled in on load (absent stays absent).",
                STEP,
            )
            lines += ["", ""]
            header = f"class {names.cls}({base}):"
            if len(header) > WIDTH:
                header = f"class {names.cls}(\n{STEP}{base}\n):"
        lines += ["@_dc.dataclass(slots=True, kw_only=True, repr=False)", *header.split("\n")]
        lines += doc_lines(describe(obj), STEP)
        lines.append("")
        for f in obj.fields:
            lines += self.field_lines(f, shadow)
        if obj.additional is not None:
            value = view.annotation(obj.additional, shadow)
            extra_ann = f"{view.builtin('dict', shadow)}[{view.builtin('str', shadow)}, {value}]"
            lines += logical(STEP, f"extra: {extra_ann} = _dc.field(default_factory=dict)")
            lines += doc_lines("Members the schema does not declare, kept as they came.", STEP)
        members = len(lines)
        lines += self.methods(obj, shadow)
        if lines[members - 1 : members + 1] == ["", ""]:
            del lines[members]  # (a class of no fields: one blank line after its docstring)
        return lines

    def field_lines(self, f: Field, shadow: frozenset[str]) -> list[str]:
        parts = self.view.annotation_parts(f.type, shadow)
        if f.nullable and "None" not in parts:
            parts.append("None")
        if not f.required:
            parts.append("Unset")
        tail = "" if f.required else " = UNSET"
        head = f"{f.py_name}: "
        lines = logical(STEP, f"{head}{' | '.join(parts)}{tail}")
        notes: list[str] = []
        if f.description:
            notes.append(f.description)
        if f.wire_name != f.py_name:
            notes.append(f"JSON member: ``{f.wire_name}``.")
        if f.has_default:
            notes.append(
                f"Schema default: ``{json_text(f.default)}`` (not filled in on load; "
                "see ``SCHEMA_DEFAULTS``)."
            )
        if notes:
            lines += doc_lines("\n\n".join(notes), STEP)
        return lines

    def keys_lines(self, obj: ObjectType) -> list[str]:
        wires = tuple(f.wire_name for f in obj.fields)
        head = f"_KEYS_{obj.names.snake}: {self.view.t('Final')} = frozenset("
        flat = self.view.lit.flat(wires)
        if len(head) + len(flat) + len(")") <= WIDTH:
            return [f"{head}{flat})"]
        return [head, *self.view.lit.lines(wires, STEP), ")"]

    def methods(self, obj: ObjectType, shadow: frozenset[str]) -> list[str]:
        view, bodies = self.view, self.bodies
        snake = obj.names.snake
        any_ = view.t("Any")
        self_ = view.t("Self")
        s, d = STEP, STEP * 2
        bool_ = view.builtin("bool", shadow)
        str_ = view.builtin("str", shadow)
        dict_ = view.builtin("dict", shadow)
        text = f"{str_} | {view.builtin('bytes', shadow)} | {view.builtin('bytearray', shadow)}"
        lines = ["", f"{s}@classmethod"]
        lines += wrap_def(
            s, "from_dict", ["cls", f"data: {any_}", "*", f"validate: {bool_} = True"], self_
        )
        lines += _METHOD_DOCS["from_dict"]
        if self.with_validators:
            lines += validated_load(view, snake, "cls._build(data)", d)
        lines += wrap_call(d, "return _load_checked", ["cls._load", "data", str_literal(snake)])
        lines += ["", f"{s}@classmethod"]
        lines += wrap_def(
            s, "from_json", ["cls", f"text: {text}", "*", f"validate: {bool_} = True"], self_
        )
        lines += _METHOD_DOCS["from_json"]
        lines += [f"{d}return cls.from_dict(_parse_json(text), validate=validate)"]
        lines += ["", f"{s}def to_dict(self) -> {dict_}[{str_}, {any_}]:"]
        lines += _METHOD_DOCS["to_dict"]
        lines += bodies.dump_method(obj, d)
        lines += ["", f"{s}def to_json(self) -> {str_}:"]
        lines += _METHOD_DOCS["to_json"]
        lines += [f"{d}return json.dumps(self.to_dict(), ensure_ascii=False)"]
        lines += ["", f"{s}@classmethod"]
        lines += wrap_def(s, "_load", ["cls", f"data: {any_}"], self_)
        lines += bodies.load_method(obj, d)
        if self.with_validators:
            lines += ["", f"{s}@classmethod"]
            # (a dict, as the validator accepted it: mypyc then reads it with dict operations)
            lines += wrap_def(s, "_build", ["cls", f"data: {dict_}[{str_}, {any_}]"], self_)
            lines += _METHOD_DOCS["_build"]
            lines += bodies.build_method(obj, d)
        # (a method, not ``__repr__ = _model_repr``: mypyc binds no plain function as a method)
        lines += ["", f"{s}def __repr__(self) -> {str_}:", f"{d}return _model_repr(self)"]
        return lines


class MethodBodies:
    """The bodies of ``_load``, ``_build`` and ``to_dict``: straight-line code per field."""

    def __init__(self, loading: Loading, building: Building, dumping: Dumping) -> None:
        self.view = loading.view
        self.loading = loading
        self.building = building
        self.dumping = dumping

    def local(self, obj: ObjectType, index: int) -> str:
        """The local variable for a field: its attribute name, unless that is one of the
        method's own names, or long enough to push ``obj.<name> = <name>`` past the width."""
        name = obj.fields[index].py_name
        if len(name) > _MAX_LOCAL:
            name = f"m{index}"
        elif name not in _LOCALS:
            return name
        taken = _LOCALS | {f.py_name for i, f in enumerate(obj.fields) if i != index}
        while name in taken:
            name += "_"
        return name

    def build_method(self, obj: ObjectType, indent: str) -> list[str]:
        """``_build``: the object's members converted (enums, nested objects), never checked."""
        inner = indent + STEP
        lines = [f"{indent}obj = cls.__new__(cls)"]
        for index, f in enumerate(obj.fields):
            wire = self.view.lit.string(f.wire_name)
            attr = f"obj.{f.py_name}"
            source = f"data[{wire}]" if f.required else f"data.get({wire}, UNSET)"
            var = self.local(obj, index)
            template = self.building.build(f.type, "\0")
            if template == "\0":
                lines += assign(indent, attr, source)
                continue
            guards = ([] if f.required else [f"{var} is not UNSET"]) + (
                [f"{var} is not None"] if f.nullable else []
            )
            if not guards and template.count("\0") == 1:
                lines += assign(indent, attr, template.replace("\0", source))
                continue
            lines += assign(indent, var, source)
            built = template.replace("\0", var)
            if guards:
                lines += wrap_operands(indent, "if ", guards, "and", ":")
                lines += assign(inner, var, built)
                lines.append(f"{indent}{attr} = {var}")
            else:
                lines += assign(indent, attr, built)
        if obj.additional is not None:
            lines += self.build_extra(obj, indent)
        lines.append(f"{indent}return obj")
        return lines

    def build_extra(self, obj: ObjectType, indent: str) -> list[str]:
        built = self.building.build(obj.additional or AnyType(), "x")
        keys = f"_KEYS_{obj.names.snake}"
        if not obj.fields:
            if built == "x":
                return [f"{indent}obj.extra = dict(data)"]
            return assign(indent, "obj.extra", f"{{k: {built} for k, x in data.items()}}")
        if built == "x":
            comprehension = f"{{k: x for k, x in data.items() if k not in {keys}}}"
            if len(indent + STEP) + len("obj.extra = ") + len(comprehension) > WIDTH:
                return wrap_call(indent, "obj.extra = _extra", ["data", keys])
            return [
                f"{indent}obj.extra = {{}}",
                f"{indent}if not {keys}.issuperset(data):",
                f"{indent}{STEP}obj.extra = {comprehension}",
            ]
        value = f"{{k: {built} for k, x in data.items() if k not in {keys}}}"
        return assign(indent, "obj.extra", value)

    def load_method(self, obj: ObjectType, indent: str) -> list[str]:
        view, convert = self.view, self.loading.convert
        inner = indent + STEP
        lines = [f"{indent}if not isinstance(data, dict):", f"{inner}raise _Invalid"]
        args: list[str] = []
        for index, f in enumerate(obj.fields):
            var = self.local(obj, index)
            wire = view.lit.string(f.wire_name)
            if f.required:
                lines.append(f"{indent}{var} = data[{wire}]")
            else:
                lines.append(f"{indent}{var} = data.get({wire}, UNSET)")
            guards = ([] if f.required else [f"{var} is not UNSET"]) + (
                [f"{var} is not None"] if f.nullable else []
            )
            check = view.check(f.type, var)
            if check == "True":
                pass
            elif check is not None:
                lines += wrap_operands(indent, "if ", [*guards, negated(check)], "and", ":")
                lines.append(f"{inner}raise _Invalid")
            else:
                expr = convert(f.type, var)
                at = inner if guards else indent
                if guards:
                    lines += wrap_operands(indent, "if ", guards, "and", ":")
                call = f"({var})"
                head = expr[: -len(call)] if expr.endswith(call) else ""
                if len(at) + len(var) + 3 + len(expr) > WIDTH and head.isidentifier():
                    # what ruff format does with a long one-argument call: the argument alone
                    lines += [f"{at}{var} = {head}(", f"{at}{STEP}{var}", f"{at})"]
                else:
                    lines.append(f"{at}{var} = {expr}")
            args.append(f"{f.py_name}={var}")
        keys = f"_KEYS_{obj.names.snake}"
        if obj.additional is None:
            # (no fields: no key table either, and any member is one too many)
            test = f"not {keys}.issuperset(data)" if obj.fields else "data"
            lines += [f"{indent}if {test}:", f"{inner}raise _Invalid"]
        else:
            check = view.check(obj.additional, "x")
            if not obj.fields:
                source = "data.items()"
                lines.append(f"{indent}extra = {{}}" if check != "True" else "")
            if check == "True":
                if obj.fields:
                    lines = [ln for ln in lines if ln] + self.extra_lines(indent, keys)
                else:
                    lines = [ln for ln in lines if ln] + [f"{indent}extra = dict(data)"]
            else:
                source = "data.items()"
                lines.append(f"{indent}extra = {{}}") if obj.fields else None
                lines.append(f"{indent}for k, x in {source}:")
                body = inner + STEP
                if obj.fields:
                    lines.append(f"{inner}if k in {keys}:")
                    lines.append(f"{body}continue")
                if check is not None:
                    lines += wrap_operands(inner, "if ", [negated(check)], "and", ":")
                    lines.append(f"{body}raise _Invalid")
                    lines.append(f"{inner}extra[k] = x")
                else:
                    lines.append(f"{inner}extra[k] = {convert(obj.additional, 'x')}")
                lines = [ln for ln in lines if ln]
            args.append("extra=extra")
        lines.append(f"{indent}obj = cls.__new__(cls)")
        lines += [f"{indent}obj.{arg.replace('=', ' = ', 1)}" for arg in args]
        lines.append(f"{indent}return obj")
        return lines

    def extra_lines(self, indent: str, keys: str) -> list[str]:
        """Undeclared members into ``extra``: a set test first, so the usual case is cheap."""
        inner = indent + STEP
        dict_any = f"dict[str, {self.view.t('Any')}]"
        comprehension = f"{{k: x for k, x in data.items() if k not in {keys}}}"
        if len(inner) + len("extra = ") + len(comprehension) <= WIDTH:
            return [
                f"{indent}extra: {dict_any} = {{}}",
                f"{indent}if not {keys}.issuperset(data):",
                f"{inner}extra = {comprehension}",
            ]
        return wrap_call(indent, "extra = _extra", ["data", keys])

    def dump_method(self, obj: ObjectType, indent: str) -> list[str]:
        inner = indent + STEP
        dump = self.dumping.dump
        any_ = self.view.t("Any")
        if not obj.fields and obj.additional is not None:
            if dump(obj.additional, "x") == "x":
                return [f"{indent}return dict(self.extra)"]
            dumped = dump(obj.additional, "x")
            return [f"{indent}return {{k: {dumped} for k, x in self.extra.items()}}"]
        lines = [f"{indent}out: dict[str, {any_}] = {{}}"]
        for index, f in enumerate(obj.fields):
            wire = self.view.lit.string(f.wire_name)
            attr = f"self.{f.py_name}"
            dumped = dump(f.type, "v")
            if f.required and not f.nullable:
                lines.append(f"{indent}out[{wire}] = {dump(f.type, attr)}")
                continue
            if dumped == "v":
                if f.required:
                    lines.append(f"{indent}out[{wire}] = {attr}")
                else:
                    lines += wrap_operands(indent, "if ", [f"{attr} is not UNSET"], "and", ":")
                    lines.append(f"{inner}out[{wire}] = {attr}")
                continue
            var = self.local(obj, index)
            dumped = dump(f.type, var)
            lines.append(f"{indent}{var} = {attr}")
            value = f"None if {var} is None else {dumped}" if f.nullable else dumped
            if f.required:
                lines += assign(indent, f"out[{wire}]", value)
            else:
                lines += [f"{indent}if {var} is not UNSET:"]
                lines += assign(inner, f"out[{wire}]", value)
        if obj.additional is not None:
            dumped = dump(obj.additional, "x")
            if dumped == "x":
                lines += [f"{indent}if self.extra:", f"{inner}out.update(self.extra)"]
            else:
                lines += [f"{indent}for k, x in self.extra.items():", f"{inner}out[k] = {dumped}"]
        lines.append(f"{indent}return out")
        return lines
