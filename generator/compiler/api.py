"""Public entry points: :func:`compile` (in-process validator) and :func:`render_module`."""

from __future__ import annotations

import builtins
import itertools
import keyword
import linecache
import re
import sys
import types
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import quote, urldefrag

import referencing

from generator.compiler.check import check_self_application
from generator.compiler.codegen import two_forms
from generator.compiler.context import Mode
from generator.compiler.core import Compiler
from generator.compiler.formats import helpers_for
from generator.compiler.loops import loop_members
from generator.compiler.runtime import format_helpers_source, runtime_source
from generator.compiler.scope import Resolver
from generator.errors import SchemaError
from generator.heap import collection_paused
from generator.pylayout import WIDTH, finish, mark
from generator.render import render as render_template
from generator.spec.dialects import DRAFT2020, known_dialect

_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,47}")
_counter = itertools.count(1)
#: Seconds one pattern match may take in :func:`compile` (and ``schemagen validate``): ample for
#: any sane pattern (matches take microseconds), short enough that a catastrophic one (such as
#: ``^(a|a)*$`` on a long non-match) cannot hang a pipeline.
PATTERN_TIMEOUT = 1.0


@dataclass(frozen=True)
class _Api:
    """One public ``is_valid``/``iter_errors``/``validate`` triple of the module."""

    suffix: str  # "" for the root's, "_<name>" for a definition's
    doc: str  # what it validates against, for the docstrings
    is_valid_function: str  # the generated VALID function it calls
    iter_errors_function: str  # the generated ERRORS function it calls

    def _header(self, prefix: str, returns: str) -> str:
        line = f"def {prefix}{self.suffix}(instance: Any) -> {returns}:"
        if len(line) <= WIDTH:
            return line
        return f"def {prefix}{self.suffix}(\n    instance: Any,\n) -> {returns}:"

    @property
    def is_valid_def(self) -> str:
        return self._header("is_valid", "bool")

    @property
    def iter_errors_def(self) -> str:
        return self._header("iter_errors", "Iterator[SchemaValidationError]")

    @property
    def validate_def(self) -> str:
        return self._header("validate", "None")


def _definition_ref(location: str) -> str:
    """A ``$ref`` for a definition: a JSON Pointer, or ``uri#fragment`` / ``#fragment``.

    Fragments are taken literally (a raw JSON Pointer such as ``/$defs/per%cent`` or a plain
    anchor name), not percent-decoded: they come from our own IR, not from a ``$ref``.
    """
    uri, hash_sign, fragment = location.partition("#")
    if not hash_sign:
        uri, fragment = "", location
    if fragment.startswith("/") or fragment == "":
        fragment = quote(fragment, safe="/~$!&'()*+,;=:@")
    return f"{uri}#{fragment}"


def render_module(
    schema: Any,
    *,
    registry: referencing.Registry[Any] | None = None,
    definitions: Mapping[str, str] | None = None,
    format_assertion: bool = False,
    default_dialect: str = DRAFT2020,
    base_uri: str = "",
    root: bool = True,
    layout: bool = False,
    pattern_timeout: float | None = None,
    root_checked: bool = False,
    root_embeds: bool | None = None,
) -> str:
    """Source of a standalone validator module for ``schema``.

    ``definitions`` maps Python names to JSON Pointers (e.g. ``{"messages": "/$defs/Messages"}``)
    or URI references (``uri#/$defs/Messages``, ``#anchor``); each gets ``is_valid_<name>``,
    ``iter_errors_<name>`` and ``validate_<name>``. ``root=False`` leaves out the root's own
    three functions (for documents without a root schema, such as OpenAPI descriptions).
    ``registry`` holds the resources ``$ref`` may name; ``base_uri`` is the document's own URI
    (relative references and ``$id`` resolve against it). ``layout`` has lines too long to
    fit laid out by ruff (:mod:`generator.pylayout`), for modules that are written to files.
    ``pattern_timeout`` bounds each pattern match (seconds, on the ``regex`` module, which the
    module then imports); a match that runs out of time is an error at its pointer. ``None``:
    unbounded, standard library only. ``root_checked``: the caller has checked ``schema``
    against its dialect's metaschema, as the loader does, so it is not checked again (its
    numbers still are, documents retrieved later and ``$ref`` targets the metaschema does not
    reach too). ``root_embeds``: what :func:`generator.spec.keywords.may_embed_resources` says
    of ``schema``, when the caller has asked it already (the loader has), so it is not asked
    again (``None``: it is).
    Raises :class:`~generator.errors.SchemaError` for schemas that cannot be compiled.
    """
    with collection_paused():  # (see generator.heap: compile() is used alone too)
        build = ModuleBuild(
            schema,
            registry=registry,
            format_assertion=format_assertion,
            default_dialect=default_dialect,
            base_uri=base_uri,
            root=root,
            pattern_timeout=pattern_timeout,
            root_checked=root_checked,
            root_embeds=root_embeds,
        )
        return build.finish(definitions or {}, layout=layout)


class ModuleBuild:
    """A validator module compiled in steps: :meth:`add` compiles the schemas at some
    locations (any time, any number of times), :meth:`finish` names the definitions and writes
    the module. The functions are numbered in the order they were compiled, so the same steps
    give the same module.

    Compiling a document's definitions needs only the document; their Python names come from
    the IR. The pipeline compiles them while another process builds the IR, then finishes with
    the names (``render_module`` does both at once). The arguments are ``render_module``'s.
    """

    def __init__(
        self,
        schema: Any,
        *,
        registry: referencing.Registry[Any] | None = None,
        format_assertion: bool = False,
        default_dialect: str = DRAFT2020,
        base_uri: str = "",
        root: bool = True,
        pattern_timeout: float | None = None,
        root_checked: bool = False,
        root_embeds: bool | None = None,
    ) -> None:
        if pattern_timeout is not None and not pattern_timeout > 0:
            raise ValueError("pattern_timeout must be a positive number of seconds or None")
        dialect = known_dialect(default_dialect)
        if dialect is None:
            raise SchemaError(f"unknown default dialect {default_dialect!r}")
        self.base_uri = base_uri
        with _compiling():
            resolver = Resolver(
                schema,
                registry,
                dialect,
                base_uri,
                root_is_schema=root,
                root_checked=root_checked,
                root_embeds=root_embeds,
            )
        self.resolver = resolver
        self.compiler = Compiler(
            resolver, format_assertion=format_assertion, pattern_timeout=pattern_timeout
        )
        self._ending: set[int] = set()  # subschemas known not to apply themselves without end
        self._apis: list[_Api] = []
        if root:
            root_scope = resolver.root_scope
            with _compiling():
                check_self_application(resolver, schema, root_scope, self._ending)
                valid = self.compiler.function(Mode.VALID, schema, root_scope)
                errors = self.compiler.function(Mode.ERRORS, schema, root_scope)
            self._apis.append(_Api("", "the schema", valid, errors))

    def _functions(self, location: str) -> tuple[str, str]:
        """The (VALID, ERRORS) functions of the schema at ``location`` (queued if new)."""
        ref = _definition_ref(location)
        document = ref.partition("#")[0]
        if document and document == urldefrag(self.base_uri)[0]:
            # the root document by the URI it was read from: inside it, its own $id is the base
            ref = ref[len(document) :]
        resolver = self.resolver
        target, scope = resolver.ref(resolver.root_scope, ref)
        check_self_application(resolver, target, scope, self._ending)
        compiler = self.compiler
        return compiler.function(Mode.VALID, target, scope), compiler.function(
            Mode.ERRORS, target, scope
        )

    def add(self, locations: Iterable[str]) -> None:
        """Compile the schemas at ``locations`` (JSON Pointers or URI references, as
        ``render_module``'s ``definitions`` values) and what they reach."""
        with collection_paused(), _compiling():
            for location in locations:
                self._functions(location)
            self.compiler.drain()

    def finish(self, definitions: Mapping[str, str], *, layout: bool = False) -> str:
        """The module, with ``definitions`` (``render_module``'s) among its functions."""
        with collection_paused(), _compiling():
            for name, location in definitions.items():
                if not _IDENTIFIER.fullmatch(name) or keyword.iskeyword(name):
                    raise ValueError(
                        f"definition name {name!r} is not a lower-case Python identifier "
                        "(max. 48 chars)"
                    )
                valid, errors = self._functions(location)
                self._apis.append(_Api("_" + name, f"definition ``{name}``", valid, errors))
            self.compiler.run()
            return _module_source(
                self.compiler, self._apis, definitions=bool(definitions), layout=layout
            )


@contextmanager
def _compiling() -> Iterator[None]:
    """A schema too deeply nested to compile is a :class:`SchemaError`."""
    try:
        yield
    except RecursionError:
        raise SchemaError("the schema is nested too deeply to compile") from None


def render_batch(
    schemas: Mapping[str, Any],
    *,
    registry: referencing.Registry[Any] | None = None,
    format_assertion: bool = False,
    default_dialect: str = DRAFT2020,
) -> str:
    """Source of one module validating many independent schemas (``is_valid_<name>``, ...).

    Each schema is its own root (its ``$ref: "#"`` is itself, its ``$id`` its own base); only
    the runtime helpers and the constants are shared. Used to compile many small schemas (the
    official test suite) into a few native modules rather than one module per schema.
    """
    dialect = known_dialect(default_dialect)
    if dialect is None:
        raise SchemaError(f"unknown default dialect {default_dialect!r}")
    comp: Compiler | None = None
    apis = []
    for name, schema in schemas.items():
        if not _IDENTIFIER.fullmatch(name) or keyword.iskeyword(name):
            raise ValueError(f"schema name {name!r} is not a lower-case Python identifier")
        resolver = Resolver(schema, registry, dialect, "")
        if comp is None:
            comp = Compiler(resolver, format_assertion=format_assertion)
        comp.resolver = resolver  # the queue is drained below, before the next root
        scope = resolver.root_scope
        valid = comp.function(Mode.VALID, schema, scope)
        errors = comp.function(Mode.ERRORS, schema, scope)
        apis.append(_Api("_" + name, f"schema ``{name}``", valid, errors))
        comp.run()
    if comp is None:
        raise ValueError("render_batch needs at least one schema")
    return _module_source(comp, apis, definitions=True)


def _module_source(
    comp: Compiler, apis: list[_Api], *, definitions: bool, layout: bool = False
) -> str:
    formats, format_modules = format_helpers_source(helpers_for(comp.formats_used))
    constants = comp.constants
    # (a cycle of calls: validation depth then grows with the instance's nesting)
    recursive = bool(loop_members(comp.calls))
    stdlib = {"json", "math"} | format_modules
    if constants.needs_re:
        stdlib.add("re")
    pattern_timeout = None if comp.pattern_timeout is None else repr(float(comp.pattern_timeout))
    functions = [two_forms(lines) for lines in comp.functions]
    runtime = runtime_source(
        needs_re=constants.needs_re,
        needs_regex=constants.needs_regex,
        pattern_timeout=pattern_timeout,
        recursive=recursive,
        native_flag=recursive
        or any(new is not old for new, old in zip(functions, comp.functions, strict=True)),
    )
    imports = [f"import {name}" for name in sorted(stdlib)] + [
        "from collections.abc import Callable, Iterator",
        "from dataclasses import dataclass",
        "from fractions import Fraction",
        "from typing import Any, Final, TypeVar",
    ]
    third_party = (
        ["import regex  # type: ignore[import-untyped,unused-ignore]"]
        if constants.needs_regex
        else []
    )
    exports = ["SchemaValidationError", "Error", "ValidationError", "SchemaLoopError"]
    for api in apis:
        exports += [f"is_valid{api.suffix}", f"iter_errors{api.suffix}", f"validate{api.suffix}"]
    join = mark if layout else "\n".join
    source = render_template(
        "validators",
        "module.py.jinja",
        imports=imports,
        third_party=third_party,
        exports=exports,
        needs_regex=constants.needs_regex,
        runtime=runtime + "\n\n\n" + formats if formats else runtime,
        # (joined here: thousands of lines are cheaper to join than to loop over in Jinja)
        constants="\n".join(constants.lines),
        functions="".join("\n\n" + join(lines) + "\n" for lines in functions),
        late_constants="\n".join(constants.late_lines),
        apis=apis,
        definitions=definitions,
        recursive=recursive,
    )
    return finish(source) if layout else source


def _no_root(instance: Any) -> Any:
    raise TypeError("compiled with root=False: use function('is_valid_<definition>') and friends")


class Validator:
    """A compiled validator: ``is_valid``, ``iter_errors``, ``validate`` and ``source``."""

    def __init__(self, source: str, filename: str, module_name: str) -> None:
        self.source = source
        self.filename = filename
        module = types.ModuleType(module_name)
        module.__file__ = filename
        namespace: dict[str, Any] = module.__dict__
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        weakref.finalize(self, linecache.cache.pop, filename, None)  # no leak per compile
        code = builtins.compile(source, filename, "exec")
        sys.modules[module_name] = module  # dataclasses look the module up while decorating
        try:
            exec(code, namespace)  # noqa: S102 - our own generated code
        finally:
            del sys.modules[module_name]  # do not keep every compiled schema alive forever
        self.module = module
        self._namespace = namespace
        self.is_valid = cast(Callable[[Any], bool], namespace.get("is_valid", _no_root))
        self.iter_errors = cast(
            Callable[[Any], Iterator[Any]], namespace.get("iter_errors", _no_root)
        )
        self.ValidationError = cast(type[ValueError], namespace["ValidationError"])
        self.SchemaValidationError = cast(type, namespace["SchemaValidationError"])
        self.SchemaLoopError = cast(type[RuntimeError], namespace["SchemaLoopError"])

    def validate(self, instance: Any) -> None:
        """Raise the module's ``ValidationError`` (a ``ValueError``) listing all errors."""
        validate = cast(Callable[[Any], None], self._namespace.get("validate", _no_root))
        validate(instance)

    def function(self, name: str) -> Callable[..., Any]:
        """A generated function by name (e.g. ``is_valid_messages``)."""
        return cast(Callable[..., Any], self._namespace[name])


def compile(  # noqa: A001 - the natural name for this API
    schema: Any,
    *,
    registry: referencing.Registry[Any] | None = None,
    format_assertion: bool = False,
    default_dialect: str = DRAFT2020,
    definitions: Mapping[str, str] | None = None,
    base_uri: str = "",
    pattern_timeout: float | None = PATTERN_TIMEOUT,
    root: bool = True,
) -> Validator:
    """Compile ``schema`` to a :class:`Validator` (generated Python, executed in-process).

    Each pattern match may take ``pattern_timeout`` seconds (``None``: no bound); one that runs
    out of time is an error at its pointer (``is_valid`` says False), never a hang.
    ``root=False``: ``schema`` is a document without a root schema (an OpenAPI description,
    whose reader checked its schemas by OpenAPI's rules): only ``definitions`` are compiled,
    reached through :meth:`Validator.function`.
    """
    source = render_module(
        schema,
        registry=registry,
        definitions=definitions,
        format_assertion=format_assertion,
        default_dialect=default_dialect,
        base_uri=base_uri,
        pattern_timeout=pattern_timeout,
        root=root,
    )
    number = next(_counter)
    return Validator(source, f"<schemagen-validator-{number}>", f"_schemagen_validator_{number}")
