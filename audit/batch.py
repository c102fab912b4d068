"""Audit many inputs, in parallel if asked; one input that fails is recorded, the others go on.

A bad input (unreadable, empty, binary…) becomes an `InputFailure` with its one-line reason;
so does an unexpected crash on one input, labelled as an internal error, so that a single odd
page never loses a whole site's results. Results keep the order of the inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from audit.config import Settings
from audit.errors import InputError
from audit.pipeline import audit_path
from audit.results import Audit, InputFailure, Run

Outcome = Audit | InputFailure


def audit_one(path: str, settings: Settings) -> Outcome:
    try:
        return audit_path(path, settings)
    except InputError as error:
        return InputFailure(path, str(error).removeprefix(f"{path}: "))
    except Exception as error:  # noqa: BLE001 - isolate the crash to its input, keep the run
        return InputFailure(path, f"internal error: {type(error).__name__}: {error}")


def audit_all(
    paths: list[str], settings: Settings, *, jobs: int = 1, on_done: Callable[[str], None] | None = None
) -> Run:
    """Audit `paths` with `jobs` processes; `on_done(path)` is called as each one finishes."""
    audits, failures = [], []
    for path, outcome in zip(paths, _outcomes(paths, settings, jobs)):
        (failures if isinstance(outcome, InputFailure) else audits).append(outcome)
        if on_done is not None:
            on_done(path)
    return Run(tuple(audits), tuple(failures), settings)


def _outcomes(paths: list[str], settings: Settings, jobs: int) -> Iterator[Outcome]:
    if jobs <= 1 or len(paths) < 2 or "-" in paths:
        yield from (audit_one(path, settings) for path in paths)
        return
    # The first input is audited here so that forked workers inherit loaded tables and models.
    yield audit_one(paths[0], settings)
    rest = paths[1:]
    chunk = max(1, min(16, len(rest) // (jobs * 8)))
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing costs 50 ms to import

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(partial(audit_one, settings=settings), rest, chunksize=chunk)
