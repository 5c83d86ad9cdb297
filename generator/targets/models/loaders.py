"""The I/O code per named type: ``from_dict``/``from_json``/``_load``/``_build``/``to_dict``/
``to_json`` for a class, and ``_load_``/``_build_``/``_dump_`` plus the public
``load_``/``dump_`` functions for a union, alias or enum."""

from __future__ import annotations

import builtins

from generator.ir import AliasType, AnyType, EnumType, ObjectType, Ref, UnionType
from generator.targets.models.conversions import Conversions
from generator.targets.models.dumpers import Dumpers
from generator.targets.models.layout import (
    STEP,
    WIDTH,
    assign,
    negated,
    wrap_call,
    wrap_def,
    wrap_operands,
)
from generator.targets.models.literals import doc_lines, py_str, tupled

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


class Loaders(Conversions, Dumpers):
    """Load, build and dump code per class, union, alias and enum."""

    # -- unions, aliases and enums ---------------------------------------------------------

    def alias_functions(self, named: UnionType | AliasType | EnumType) -> list[str]:
        snake = named.names.snake
        if isinstance(named, EnumType):
            if self.enum_kind(named) == "str":
                cls = named.names.cls
                if named.closed:
                    return []
                return [
                    f"def _load_{snake}(v: {self.t('Any')}) -> {cls} | str:",
                    f"{STEP}if isinstance(v, str):",
                    f"{STEP}{STEP}return _ENUM_{snake}.get(v, v)",
                    f"{STEP}raise _Invalid",
                    "",
                    "",
                    f"def _dump_{snake}(v: {cls} | str) -> str:",
                    f"{STEP}return v.value if isinstance(v, {cls}) else v",
                ]
            if not named.closed:
                return []
            values = self.lit.lines(
                tuple(tupled(v) for v in named.values),
                "",
                f"_VALUES_{snake}: tuple[{self.t('Any')}, ...] = ",  # (mypy cannot infer ({},))
            )
            return [
                *values,
                "",
                "",
                *wrap_def(
                    "",
                    f"_is_{snake}",
                    ["v: object"],
                    f"{self.t('TypeGuard')}[{named.names.cls}]",
                ),
                f"{STEP}return any(_json_equal(v, c) for c in _VALUES_{snake})",
            ]
        if isinstance(named, AliasType) and self.is_plain(named):
            return []
        if isinstance(named, UnionType):
            load_lines = wrap_def("", f"_load_{snake}", ["v: " + self.t("Any")], named.names.cls)
            load_lines += self.union_body(named.members, self.discriminator(named), STEP)
            dump_lines = wrap_def("", f"_dump_{snake}", [f"v: {named.names.cls}"], self.t("Any"))
            dump_lines += self.dump_body(named.members, STEP)
        else:
            target = named.target
            load_lines = wrap_def("", f"_load_{snake}", ["v: " + self.t("Any")], named.names.cls)
            if named.nullable:
                load_lines += [f"{STEP}if v is None:", f"{STEP}{STEP}return None"]
            load_lines += self.load_body(target, STEP)
            dump_lines = wrap_def("", f"_dump_{snake}", [f"v: {named.names.cls}"], self.t("Any"))
            if named.nullable:
                dump_lines += [f"{STEP}if v is None:", f"{STEP}{STEP}return None"]
            dump_lines += [f"{STEP}return {self.dump(target, 'v')}"]
        return [*load_lines, "", "", *dump_lines, *self.named_builder(named)]

    def named_builder(self, named: UnionType | AliasType) -> list[str]:
        """``_build_<name>`` (after two blank lines) when the trusted path needs one."""
        if not self.with_validators or not self.needs_build(Ref(named.names.schema)):
            return []
        if isinstance(named, UnionType) and not self.has_builder(named):
            return []
        head = wrap_def("", f"_build_{named.names.snake}", ["v: " + self.t("Any")], named.names.cls)
        cls = named.names.cls
        if isinstance(named, UnionType):
            body = self.build_body(named.members, self.discriminator(named), cls, STEP)
        else:
            body = [f"{STEP}if v is None:", f"{STEP}{STEP}return None"] if named.nullable else []
            body += self.build_body([named.target], None, cls, STEP)
        return ["", "", *head, *body]

    def public_alias_functions(self, named: UnionType | AliasType) -> list[str]:
        """``load_<name>``/``dump_<name>``: the checked entry points of a union or alias."""
        snake, cls = named.names.snake, named.names.cls
        loader = f"_load_{snake}"
        lines: list[str] = []
        plain = isinstance(named, AliasType) and self.is_plain(named)
        if isinstance(named, AliasType) and plain:
            loader = f"_passthrough_{snake}"
            check = self.check(Ref(named.names.schema), "v")
            lines += wrap_def("", loader, ["v: " + self.t("Any")], cls)
            if check is not None and check != "True":
                lines += wrap_operands(STEP, "if ", [negated(check)], "and", ":")
                lines += [f"{STEP}{STEP}raise _Invalid"]
                returned = self.narrowed(named.target)
                if named.nullable and returned != "v":
                    returned = "v"
                lines += [f"{STEP}return {returned}"]
            else:
                lines += [f"{STEP}return v"]
            lines += ["", ""]
        lines += wrap_def(
            "",
            f"load_{snake}",
            ["data: " + self.t("Any"), "*", "validate: bool = True"],
            cls,
        )
        lines += doc_lines(f"Load a ``{named.names.schema}`` value, checked.", STEP)
        if self.with_validators:
            built = self.build(Ref(named.names.schema), "data")
            built = self.cast(cls, "data") if built == "data" else built
            lines += self.validated_load(snake, built, STEP)
        lines += wrap_call(STEP, "return _load_checked", [loader, "data", py_str(snake)])
        lines += ["", ""]
        lines += wrap_def("", f"dump_{snake}", [f"value: {cls}"], self.t("Any"))
        lines += doc_lines(f"A ``{named.names.schema}`` value as JSON data.", STEP)
        if plain:
            lines += [f"{STEP}return value"]
        else:
            lines += [f"{STEP}return _dump_{snake}(value)"]
        return lines

    # -- classes ----------------------------------------------------------------------------

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

    def methods(self, obj: ObjectType, shadow: frozenset[str]) -> list[str]:
        snake = obj.names.snake
        any_ = self.t("Any")
        self_ = self.t("Self")
        s, d = STEP, STEP * 2
        bool_ = self.builtin("bool", shadow)
        str_ = self.builtin("str", shadow)
        dict_ = self.builtin("dict", shadow)
        text = f"{str_} | {self.builtin('bytes', shadow)} | {self.builtin('bytearray', shadow)}"
        lines = ["", f"{s}@classmethod"]
        lines += wrap_def(
            s, "from_dict", ["cls", f"data: {any_}", "*", f"validate: {bool_} = True"], self_
        )
        lines += _METHOD_DOCS["from_dict"]
        if self.with_validators:
            lines += self.validated_load(snake, "cls._build(data)", d)
        lines += wrap_call(d, "return _load_checked", ["cls._load", "data", py_str(snake)])
        lines += ["", f"{s}@classmethod"]
        lines += wrap_def(
            s, "from_json", ["cls", f"text: {text}", "*", f"validate: {bool_} = True"], self_
        )
        lines += _METHOD_DOCS["from_json"]
        lines += [f"{d}return cls.from_dict(_parse_json(text), validate=validate)"]
        lines += ["", f"{s}def to_dict(self) -> {dict_}[{str_}, {any_}]:"]
        lines += _METHOD_DOCS["to_dict"]
        lines += self.dump_method(obj, d)
        lines += ["", f"{s}def to_json(self) -> {str_}:"]
        lines += _METHOD_DOCS["to_json"]
        lines += [f"{d}return json.dumps(self.to_dict(), ensure_ascii=False)"]
        lines += ["", f"{s}@classmethod"]
        lines += wrap_def(s, "_load", ["cls", f"data: {any_}"], self_)
        lines += self.load_method(obj, d)
        if self.with_validators:
            lines += ["", f"{s}@classmethod"]
            # (a dict, as the validator accepted it: mypyc then reads it with dict operations)
            lines += wrap_def(s, "_build", ["cls", f"data: {dict_}[{str_}, {any_}]"], self_)
            lines += _METHOD_DOCS["_build"]
            lines += self.build_method(obj, d)
        # (a method, not ``__repr__ = _model_repr``: mypyc binds no plain function as a method)
        lines += ["", f"{s}def __repr__(self) -> {str_}:", f"{d}return _model_repr(self)"]
        return lines

    def validated_load(self, snake: str, build: str, indent: str) -> list[str]:
        """The ``validate=True`` path of a loader when the validators module is generated.

        The validator's ``is_valid_*`` builds no error objects; only a refused document pays
        for ``iter_errors_*``. An accepted document is built without any further checks. Should
        the models be unable to hold a document the validator accepted (a generator bug), the
        checked loader below runs and reports it as a ValidationError, never a KeyError.
        """
        inner, body = indent + STEP, indent + STEP * 2
        self.validators_used = True
        return [
            f"{indent}if validate:",
            *wrap_operands(inner, "if not ", [f"_validators.is_valid_{snake}(data)"], "and", ":"),
            *wrap_call(body, "_refuse", [f"_validators.iter_errors_{snake}(data)"]),
            f"{inner}try:",
            f"{body}return {build}",
            f"{inner}except _LOAD_ERRORS:",
            f"{body}pass  # checked below, so the mismatch is reported as a ValidationError",
        ]

    def build_method(self, obj: ObjectType, indent: str) -> list[str]:
        """``_build``: the object's members converted (enums, nested objects), never checked."""
        inner = indent + STEP
        lines = [f"{indent}obj = cls.__new__(cls)"]
        for index, f in enumerate(obj.fields):
            wire = self.lit.string(f.wire_name)
            attr = f"obj.{f.py_name}"
            source = f"data[{wire}]" if f.required else f"data.get({wire}, UNSET)"
            var = self.local(obj, index)
            template = self.build(f.type, "\0")
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
        built = self.build(obj.additional or AnyType(), "x")
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
        inner = indent + STEP
        lines = [f"{indent}if not isinstance(data, dict):", f"{inner}raise _Invalid"]
        args: list[str] = []
        for index, f in enumerate(obj.fields):
            var = self.local(obj, index)
            wire = self.lit.string(f.wire_name)
            if f.required:
                lines.append(f"{indent}{var} = data[{wire}]")
            else:
                lines.append(f"{indent}{var} = data.get({wire}, UNSET)")
            guards = ([] if f.required else [f"{var} is not UNSET"]) + (
                [f"{var} is not None"] if f.nullable else []
            )
            check = self.check(f.type, var)
            if check == "True":
                pass
            elif check is not None:
                lines += wrap_operands(indent, "if ", [*guards, negated(check)], "and", ":")
                lines.append(f"{inner}raise _Invalid")
            else:
                expr = self.convert(f.type, var)
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
            check = self.check(obj.additional, "x")
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
                    lines.append(f"{inner}extra[k] = {self.convert(obj.additional, 'x')}")
                lines = [ln for ln in lines if ln]
            args.append("extra=extra")
        lines.append(f"{indent}obj = cls.__new__(cls)")
        lines += [f"{indent}obj.{arg.replace('=', ' = ', 1)}" for arg in args]
        lines.append(f"{indent}return obj")
        return lines

    def extra_lines(self, indent: str, keys: str) -> list[str]:
        """Undeclared members into ``extra``: a set test first, so the usual case is cheap."""
        inner = indent + STEP
        dict_any = f"dict[str, {self.t('Any')}]"
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
        any_ = self.t("Any")
        if not obj.fields and obj.additional is not None:
            if self.dump(obj.additional, "x") == "x":
                return [f"{indent}return dict(self.extra)"]
            dumped = self.dump(obj.additional, "x")
            return [f"{indent}return {{k: {dumped} for k, x in self.extra.items()}}"]
        lines = [f"{indent}out: dict[str, {any_}] = {{}}"]
        for index, f in enumerate(obj.fields):
            wire = self.lit.string(f.wire_name)
            attr = f"self.{f.py_name}"
            dumped = self.dump(f.type, "v")
            if f.required and not f.nullable:
                lines.append(f"{indent}out[{wire}] = {self.dump(f.type, attr)}")
                continue
            if dumped == "v":
                if f.required:
                    lines.append(f"{indent}out[{wire}] = {attr}")
                else:
                    lines += wrap_operands(indent, "if ", [f"{attr} is not UNSET"], "and", ":")
                    lines.append(f"{inner}out[{wire}] = {attr}")
                continue
            var = self.local(obj, index)
            dumped = self.dump(f.type, var)
            lines.append(f"{indent}{var} = {attr}")
            value = f"None if {var} is None else {dumped}" if f.nullable else dumped
            if f.required:
                lines += assign(indent, f"out[{wire}]", value)
            else:
                lines += [f"{indent}if {var} is not UNSET:"]
                lines += assign(inner, f"out[{wire}]", value)
        if obj.additional is not None:
            dumped = self.dump(obj.additional, "x")
            if dumped == "x":
                lines += [f"{indent}if self.extra:", f"{inner}out.update(self.extra)"]
            else:
                lines += [f"{indent}for k, x in self.extra.items():", f"{inner}out[k] = {dumped}"]
        lines.append(f"{indent}return out")
        return lines
