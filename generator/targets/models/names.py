"""The names ``models.py`` defines for itself, and the models target's numbering around them.

The IR's names are target-neutral: a schema type called ``Problem`` is ``Problem`` there (and
on its docs page). ``models.py`` also defines ``Problem``, imports ``Any`` and gives every
class a ``from_dict`` method, so here, and only for this module, a class name or an attribute
name that one of those would shadow is numbered, the way :func:`generator.ir.naming.unique`
numbers any repeat: ``Problem`` becomes ``Problem_2``, a member ``from_dict`` becomes
``from_dict_2``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from generator.ir import NamedType, ObjectType, naming

#: Methods the models target defines on every class: attribute names must not shadow them.
RESERVED_MEMBERS = (
    "from_dict",
    "to_dict",
    "from_json",
    "to_json",
    "validate",
    "extra",
    "UNSET",
)

#: Names the module defines or imports besides the schema's classes (its runtime, in
#: ``templates/models/runtime.py``, and the ``typing``/``collections.abc`` names it uses).
RUNTIME_NAMES = (
    "Unset",
    "UNSET",
    "Problem",
    "ValidationError",
    "SCHEMA_DEFAULTS",
    "Any",
    "Enum",
    "StrEnum",
    "Literal",
    "TypeAlias",
    "Final",
    "dataclass",
    "field",
    "json",
    "ClassVar",
    "NoReturn",
    "Self",
    "TypeGuard",
    "TypeVar",
    "Callable",
    "Iterable",
)

_MEMBERS = frozenset(RESERVED_MEMBERS)
_RUNTIME = frozenset(RUNTIME_NAMES)


def own_names(types: Iterable[NamedType]) -> tuple[NamedType, ...]:
    """``types`` with the class and attribute names ``models.py`` gives them.

    A type or field is copied only when its name changes. The IR numbered its names among
    themselves; numbering with the reserved names taken as well gives the same names unless
    a base name is a reserved one (no reserved name has the ``name_<n>`` form numbering
    makes), and then the whole list is numbered again from the base names.
    """
    types = tuple(types)
    if any(t.names.cls in _RUNTIME for t in types):
        classes = naming.unique(
            [naming.class_name(t.names.schema) for t in types], taken=RUNTIME_NAMES
        )
        types = tuple(
            t if t.names.cls == cls else replace(t, names=replace(t.names, cls=cls))
            for t, cls in zip(types, classes, strict=True)
        )
    return tuple(_own_members(t) if isinstance(t, ObjectType) else t for t in types)


def _own_members(obj: ObjectType) -> ObjectType:
    fields = obj.fields
    if not any(f.py_name in _MEMBERS for f in fields):
        return obj
    names = naming.unique([naming.snake_name(f.wire_name) for f in fields], taken=RESERVED_MEMBERS)
    return replace(
        obj,
        fields=tuple(
            f if f.py_name == name else replace(f, py_name=name)
            for f, name in zip(fields, names, strict=True)
        ),
    )
