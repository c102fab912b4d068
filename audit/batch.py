"""Audit many inputs, in parallel if asked; one input that fails is recorded, the others go on.

A bad input (unreadable, empty, binary…) becomes an `InputFailure` with its one-line reason;
so does an unexpected crash on one input, labelled as an internal error, so that a single odd
page never loses a whole site's results. Results keep the order of the inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from audit.config import Settings
from audit.errors import InputError
from audit.pipeline import audit_path
from audit.results import Audit, InputFailure, Run

Outcome = Audit | InputFailure


def audit_one(path: str, settings: Settings, name: str | None = None) -> Outcome:
    """One input's audit or failure; `name` stands for `path` in both (standard input's name)."""
    shown = name or path
    try:
        return audit_path(path, settings, name)
    except InputError as error:
        return InputFailure(shown, str(error).removeprefix(f"{path}: ").removeprefix(f"{shown}: "))
    except Exception as error:  # noqa: BLE001 - isolate the crash to its input, keep the run
        return InputFailure(shown, f"internal error: {type(error).__name__}: {error}")


def _audit_task(task: tuple[str, Settings, str | None]) -> Outcome:
    return audit_one(*task)


def audit_all(
    paths: list[str], settings: Settings, *, jobs: int = 1, on_done: Callable[[str], None] | None = None,
    settings_for: Callable[[str], Settings] | None = None, stdin_name: str | None = None,
) -> Run:
    """Audit `paths` with `jobs` processes; `on_done(path)` is called as each one finishes.
    `settings_for(path)` gives a file its own settings (its nearest configuration file), else
    every file has `settings`, which the run keeps; `stdin_name` names standard input."""
    tasks = [(path, settings_for(path) if settings_for else settings, stdin_name if path == "-" else None)
             for path in paths]
    audits, failures = [], []
    for path, outcome in zip(paths, _outcomes(tasks, jobs)):
        (failures if isinstance(outcome, InputFailure) else audits).append(outcome)
        if on_done is not None:
            on_done(path)
    return Run(tuple(audits), tuple(failures), settings)


def _outcomes(tasks: list[tuple[str, Settings, str | None]], jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or len(tasks) < 2 or any(path == "-" for path, _, _ in tasks):
        yield from map(_audit_task, tasks)
        return
    # The first input is audited here so that forked workers inherit loaded tables and models.
    yield _audit_task(tasks[0])
    rest = tasks[1:]
    chunk = max(1, min(16, len(rest) // (jobs * 8)))
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing costs 50 ms to import

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_audit_task, rest, chunksize=chunk)
