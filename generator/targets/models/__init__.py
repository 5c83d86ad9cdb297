"""The ``models`` target: one typed, slotted dataclass per object type, with lossless I/O.

The generated ``models.py`` holds, for a schema's named types:

* a ``@dataclass(slots=True, kw_only=True)`` per :class:`~generator.ir.ObjectType`, with
  ``from_dict``/``from_json`` (checked) and ``to_dict``/``to_json``;
* an ``enum.StrEnum`` per string enum (``Enum | str`` where the enum is open), a ``Literal``
  alias for enums of other values;
* a ``TypeAlias`` plus ``load_<name>``/``dump_<name>`` functions per union and alias.

Absent is not null: a member absent from the document is :data:`UNSET` on the object and
stays absent on dump; a ``null`` member is ``None`` and stays ``null``. Schema defaults are
never filled in (they are listed in ``SCHEMA_DEFAULTS``), so ``from_dict(d).to_dict() == d``.

Loading is straight-line code per class (no reflection over fields at run time), and objects
are made with ``cls.__new__(cls)`` plus slot assignments (the keyword-only dataclass
``__init__`` costs more than all the checks). There are two paths:

* validated (``validate=True`` when the ``validators`` target is generated too): the
  validator's ``is_valid_<name>`` decides, building no error objects; a refused document
  pays for ``iter_errors_<name>`` to fill the ValidationError; an accepted one is built by
  ``_build``/``_build_<name>``, which convert (enums, nested objects, unions told apart by
  JSON type or tag) without checking anything again;
* checked (no validators, or ``validate=False``): each loader checks shapes with
  ``isinstance`` and raises a private exception at the first mismatch; only then does a
  table-driven checker walk the document again to list every problem with its JSON Pointer.

Aliases on a reference cycle that passes through no class and no container (``A = B``,
``B = A | int``) have no Python type; they become aliases of ``Any``
(:func:`~generator.targets.models.cycles.break_alias_cycles`).

All code is built here, in Python, and handed to ``templates/models/`` as lines. Schema text
reaches the output only as string literals (:func:`str_literal`, a ``repr`` with the quote choice
``ruff format`` makes) or escaped docstrings (:func:`doc_lines`); identifiers come only from
the IR's names, numbered again where ``models.py`` reserves them (:mod:`.names`). Lines are
wrapped the way ``ruff format`` would wrap them, and the few too long to fit are laid out by
ruff itself (:func:`generator.pylayout.finish`), so the module passes ``ruff format --check``.

The package, one module per concern; each part is an object handed the parts it uses:

* :mod:`.names`: the names ``models.py`` reserves, and the numbering around them;
* :mod:`.runtime`: ``templates/models/runtime.py`` cut at its marker lines;
* :mod:`.layout`, :mod:`.literals`: line wrapping; string, number and JSON literals, docstrings;
* :mod:`.cycles`: aliases on a class-less reference cycle widened to ``Any``;
* :mod:`.types`: :class:`~.types.TypeView`, type expressions as annotations, shapes and checks;
* :mod:`.helpers`: the one registry of ``_load_<n>``/``_build_<n>``/``_dump_<n>`` helpers;
* :mod:`.loading`: JSON data to Python values, checked (``Loading``) and trusted (``Building``);
* :mod:`.dumping`: Python values back to JSON data;
* :mod:`.classes`: the dataclass blocks and their methods;
* :mod:`.aliases`: enums, unions and aliases, and their functions;
* :mod:`.checker`: the ``_SPECS`` table the runtime's checker walks;
* :mod:`.module`: the parts made and the whole module assembled for ``templates/models/``.
"""

from __future__ import annotations

from generator.targets import RenderJob
from generator.targets.models.literals import doc_lines
from generator.targets.models.module import Module

__all__ = ["doc_lines", "render"]


def render(job: RenderJob) -> dict[str, str]:
    """Render ``models.py`` for ``job.ir``."""
    module = Module(job.ir, with_validators="validators" in job.targets)
    return {"models.py": module.render()}
