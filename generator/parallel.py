"""Render several targets at once, in forked worker processes, when that is worth it.

The targets are independent functions of one frozen IR, so they can run side by side. On
Linux, with more than one CPU and a schema of at least ``PARALLEL_MIN_SIZE`` (named schemas
and their properties), the targets are split by their expected cost into one bucket per
process. Each bucket but the lightest runs in a child forked from this process, which sends
back only its ``{path: text}``; this process renders the lightest one, then stages its files
for writing while it waits for the others.

A bucket of two-step targets (:attr:`~generator.targets.Target.two_step`: the validators) is
forked before the IR is built: its child compiles from the loaded document while this process
builds the IR, then receives the little it needs of the IR (the types' names) and finishes.
Every other child is forked once the IR is built and inherits it instead of receiving a copy.

The output is the same whichever way it is produced (tested), so parallelism is only a matter
of time. Any failure in a child (an exception, a crash, a lost pipe) is not reported from the
child: that bucket is rendered again in the calling process, so the user sees exactly the
error, or the ``RecursionError``, a serial run gives.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator.load import LoadedSchema
from generator.targets import RenderJob, finish, ir_facts, prepare, renderer, target

#: Below this size (:func:`schema_size`) a fork costs more than it saves.
PARALLEL_MIN_SIZE = 300

Files = Mapping[str, str]


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def schema_size(loaded: LoadedSchema) -> int:
    """The named schemas of ``loaded`` and their properties: what the targets' work grows with
    (a few wide objects are as much work as many narrow ones)."""
    size = 0
    for _, _, schema in loaded.definitions():
        size += 1
        if isinstance(schema, dict) and isinstance(schema.get("properties"), dict):
            size += len(schema["properties"])
    return size


def default_jobs(loaded: LoadedSchema) -> int:
    """How many processes to use when the user did not say."""
    if schema_size(loaded) < PARALLEL_MIN_SIZE:
        return 1
    return available_cpus()


def buckets(targets: Sequence[str], jobs: int) -> list[list[str]]:
    """Split ``targets`` into at most ``jobs`` groups of similar cost (largest first)."""
    count = max(1, min(jobs, len(targets)))
    groups: list[list[str]] = [[] for _ in range(count)]
    loads = [0.0] * count
    for name in sorted(targets, key=lambda t: (-target(t).cost, targets.index(t))):
        lightest = loads.index(min(loads))
        groups[lightest].append(name)
        loads[lightest] += target(name).cost
    return [sorted(group, key=targets.index) for group in groups if group]


def _render(job: RenderJob, names: Sequence[str]) -> dict[str, Files]:
    return {name: renderer(name)(job) for name in names}


def _child(job: RenderJob, names: Sequence[str], conn: Connection) -> None:
    try:
        result: dict[str, Files] | None = {n: dict(f) for n, f in _render(job, names).items()}
    except BaseException:  # noqa: BLE001 - the parent renders this bucket again and reports it
        result = None
    _send(conn, result)


def _two_step_child(
    loaded: LoadedSchema,
    templates: Path | None,
    facts: Connection,
    names: Sequence[str],
    conn: Connection,
) -> None:
    """Prepare ``names`` from ``loaded``, wait for their IR facts, finish them, send the files."""
    try:
        prepared = {name: prepare(name, loaded) for name in names}
        known = facts.recv()
        result: dict[str, Files] | None = {
            name: dict(finish(name, prepared[name], loaded, known[name], templates))
            for name in names
        }
    except BaseException:  # noqa: BLE001 - the parent renders this bucket again and reports it
        result = None
    _send(conn, result)


def _send(conn: Connection, result: dict[str, Files] | None) -> None:
    try:
        conn.send(result)
    finally:
        conn.close()


def render_targets(
    loaded: LoadedSchema,
    make_job: Callable[[], RenderJob],
    targets: Sequence[str],
    *,
    templates: Path | None = None,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
    while_waiting: Callable[[Files], None] | None = None,
) -> dict[str, Files]:
    """``{target: {path: text}}`` for every target, using up to ``jobs`` processes.

    ``make_job`` builds the job of ``loaded`` (its IR; called once, in this process);
    ``templates`` is its user template folder. ``while_waiting`` is called with this process's
    own files when they are rendered and other processes are still at work (the pipeline
    stages them for writing meanwhile).
    """
    for name in targets:
        renderer(name)  # unknown names fail here, and every target is imported before a fork
    wanted = default_jobs(loaded) if jobs is None else jobs
    groups = buckets(targets, wanted)
    if len(groups) == 1 or sys.platform != "linux":
        job = make_job()
        for name in targets:
            if progress is not None:
                progress(f"rendering {name}")
        return _render(job, targets)
    context = multiprocessing.get_context("fork")
    children: list[tuple[list[str], Connection, multiprocessing.process.BaseProcess]] = []
    waiting: list[tuple[list[str], Connection]] = []  # two-step children, for their IR facts

    def fork(function: Callable[..., None], group: list[str], *args: Any) -> None:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=function, args=(*args, group, send), daemon=True)
        child.start()
        send.close()
        children.append((group, receive, child))

    try:
        early = [g for g in groups[:-1] if all(target(n).two_step for n in g)]
        for group in early:
            facts_in, facts_out = context.Pipe(duplex=False)
            fork(_two_step_child, group, loaded, templates, facts_in)
            facts_in.close()
            waiting.append((group, facts_out))
        job = make_job()
        for group, facts_out in waiting:
            known = {name: ir_facts(name, job.ir) for name in group}
            # (sent from a thread: the child reads only once it has prepared)
            threading.Thread(target=_send_facts, args=(facts_out, known), daemon=True).start()
        for group in groups[:-1]:
            if group not in early:
                fork(_child, group, job)
        if progress is not None:
            progress(f"rendering {', '.join(targets)} in {len(groups)} processes")
        results = _render(job, groups[-1])
        if while_waiting is not None:
            while_waiting(
                {path: text for files in results.values() for path, text in files.items()}
            )
        for group, receive, _ in children:
            try:
                received = receive.recv()
            except (EOFError, OSError):
                received = None
            results.update(received if received is not None else _render(job, group))
    finally:
        for _, receive, process in children:
            receive.close()
            if process.is_alive():
                process.terminate()
            process.join()
    return {name: results[name] for name in targets}


def _send_facts(conn: Connection, facts: dict[str, Any]) -> None:
    try:
        conn.send(facts)
    except OSError:  # (the child is gone: its bucket is rendered here)
        pass
    finally:
        conn.close()
