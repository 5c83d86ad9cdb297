"""Naming rules, decided once: Python identifiers and file names for any text a schema holds.

Every name a target emits comes from here, so a JSON key can never become code. The rules:

* Identifiers are ASCII (``[A-Za-z_][A-Za-z0-9_]*``); anything else in the source text acts
  as a word separator. Python keywords and soft keywords get a trailing underscore.
* Class names are PascalCase (``create openai-conversation`` → ``CreateOpenaiConversation``,
  an existing ``CreateOpenAIConversation`` is kept), attribute names snake_case
  (``externalId`` → ``external_id``).
* Collisions are resolved in declaration order by numbering (``foo_bar``, ``foo_bar_2``), so
  the same schema always yields the same names.
* Identifiers longer than 48 characters keep their start plus a short hash of the whole.
* File names are lower-cased, limited to ``[a-z0-9_.-]``, never ``.``/``..``, never a Windows
  device name, unique case-insensitively and at most 120 characters.
"""

from __future__ import annotations

import hashlib
import keyword
import re
from collections.abc import Iterable
from functools import lru_cache

#: One ASCII word. Its classes hold only ASCII letters and digits, so a match never spans
#: a separator (anything else): finding words in the whole text splits at separators too.
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z0-9])|[A-Z]?[a-z0-9]+|[A-Z]+|[0-9]+")
_WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_RESERVED_IDENTIFIERS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)
_FILE_UNSAFE = re.compile(r"[^a-z0-9_.-]+")
MAX_FILE_STEM = 120
MAX_IDENTIFIER = 48


def words(text: str) -> list[str]:
    """Split any text into ASCII words at case changes, digits and separators."""
    return _WORD.findall(text)


#: Names are derived from the same few texts over and over (every object's ``id``, ``name``
#: …): the pure functions below remember their recent answers.
_remembered = lru_cache(maxsize=1 << 14)


@_remembered
def class_name(text: str, *, fallback: str = "Model") -> str:
    """A PascalCase class name for ``text``."""
    if text.isidentifier() and text.isascii() and text[:1].isupper() and "_" not in text:
        name = text
    else:
        name = "".join(w[:1].upper() + w[1:] for w in words(text))
    if not name:
        name = fallback
    elif name[0].isdigit():
        name = fallback + name
    return _not_reserved(name)


@_remembered
def snake_name(text: str, *, fallback: str = "field") -> str:
    """A snake_case identifier for ``text`` (an attribute or function name)."""
    return _joined([w.lower() for w in words(text)], fallback)


@_remembered
def constant_name(text: str, *, fallback: str = "VALUE") -> str:
    """An UPPER_SNAKE identifier (enum members)."""
    return _joined([w.upper() for w in words(text)], fallback)


def _joined(parts: list[str], fallback: str) -> str:
    name = "_".join(parts)
    if not name:
        name = fallback
    elif name[0].isdigit():
        name = f"{fallback}_{name}"
    return _not_reserved(name)


def _not_reserved(name: str) -> str:
    name = _capped(name)
    return name + "_" if name in _RESERVED_IDENTIFIERS else name


def _capped(name: str) -> str:
    """Long names keep their start and get a short hash, so generated lines stay readable."""
    if len(name) <= MAX_IDENTIFIER:
        return name
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
    return f"{name[: MAX_IDENTIFIER - 9].rstrip('_')}_{digest}"


class UniqueNames:
    """Hands out names, numbering repeats in order: ``a, a, b`` → ``a, a_2, b``.

    ``taken`` holds names already in use (reserved methods, say). With ``fold_case`` two names
    that differ only by case collide too. Each call is O(1) on average, however often a name
    repeats: numbering resumes after the last number handed out for that name.
    """

    def __init__(self, taken: Iterable[str] = (), *, fold_case: bool = False) -> None:
        self.fold_case = fold_case
        self.seen = {self._key(n) for n in taken}
        #: The last number tried for each name that repeated (every lower one is taken).
        self.numbered: dict[str, int] = {}

    def _key(self, name: str) -> str:
        return name.lower() if self.fold_case else name

    def add(self, name: str) -> str:
        key = self._key(name)
        if key not in self.seen:
            self.seen.add(key)
            return name
        counter = self.numbered.get(name, 1)
        while True:
            counter += 1
            candidate = f"{name}_{counter}"
            key = self._key(candidate)
            if key not in self.seen:
                break
        self.numbered[name] = counter
        self.seen.add(key)
        return candidate


def unique(
    names: Iterable[str], *, taken: Iterable[str] = (), fold_case: bool = False
) -> list[str]:
    """Make every name in ``names`` unique (see :class:`UniqueNames`)."""
    namer = UniqueNames(taken, fold_case=fold_case)
    return [namer.add(name) for name in names]


def file_stem(text: str) -> str:
    """A safe, lower-case file name stem for a type named ``text``."""
    stem = _FILE_UNSAFE.sub("_", text.lower()).strip("._-") or "type"
    if stem.split(".")[0] in _WINDOWS_DEVICES:
        stem += "_"
    if len(stem) > MAX_FILE_STEM:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        stem = f"{stem[: MAX_FILE_STEM - 11]}_{digest}"
    return stem
