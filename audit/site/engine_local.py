"""The local engine: chunks audited in a pool of processes on this machine, which survives a
dead worker and dies with its driver.

A worker killed mid-chunk (the out-of-memory killer, a stray `kill`) breaks a
`ProcessPoolExecutor`: every chunk in flight fails with `BrokenProcessPool`, and the run used to
end there, with no summary. Here the pool is replaced and the chunks that were in flight are
run again, one at a time, alone in the new pool: a chunk that still kills its worker alone
holds the culprit, not a neighbour, and its pages are then run alone, one by one. A page that
kills its worker `SOLO_ATTEMPTS` times alone is recorded as an internal error (retried by the
next run), its chunk's other pages are audited, and the run always ends with its summary.
Dask does the same for its workers (`audit.site.engine_dask`).

Workers die with the driver: each asks Linux for SIGKILL when its parent dies
(`PR_SET_PDEATHSIG`; elsewhere a thread watches the parent), since a SIGTERM or SIGKILL of the
driver used to leave them alive. They also let go of the caller's standard streams, so a
pipe from `mtaudit audit-site … | tee log` ends when the driver does.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from itertools import islice

from audit.config import Settings
from audit.site.worker import CHUNKS_IN_FLIGHT_PER_WORKER, Line, audit_chunk, error_line, warm_up

SOLO_ATTEMPTS = 2  # deaths of a worker running the chunk alone before its pages are given up
LOST = "internal error: its worker process died auditing it (killed, e.g. by the out-of-memory killer)"
_PR_SET_PDEATHSIG = 1


def pool_chunks(chunks: Iterator[list], settings: Settings, workers: int) -> Iterator[list[Line]]:
    """Each chunk's lines, in completion order, whatever happens to the workers."""
    pool, suspects = _pool(workers, settings), deque()
    try:
        while True:
            if suspects:
                lines, pool = _run_alone(suspects, pool, workers, settings)
                if lines is not None:
                    yield lines
                continue
            in_flight = {pool.submit(audit_chunk, c, settings): c
                         for c in islice(chunks, workers * CHUNKS_IN_FLIGHT_PER_WORKER)}
            if not in_flight:
                return
            yield from _drain(in_flight, chunks, pool, settings, suspects)
            if suspects:
                pool.shutdown(wait=True)
                pool = _pool(workers, settings)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _drain(in_flight: dict[Future, list], chunks: Iterator[list], pool: ProcessPoolExecutor,
           settings: Settings, suspects: deque) -> Iterator[list[Line]]:
    """Completed chunks' lines, topping the pool up, until it is empty or broken; the chunks
    a broken pool held go to `suspects`."""
    while in_flight:
        done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
        for future in done:
            chunk = in_flight.pop(future)
            try:
                lines = future.result()
            except BrokenProcessPool:
                suspects.append((chunk, 0))
                continue
            yield lines
        if not suspects:
            in_flight |= {pool.submit(audit_chunk, c, settings): c for c in islice(chunks, len(done))}


def _run_alone(suspects: deque, pool: ProcessPoolExecutor, workers: int,
               settings: Settings) -> tuple[list[Line] | None, ProcessPoolExecutor]:
    """Run the first suspect with nothing else in flight: its lines, or None if its worker
    died again. Then the pool is replaced and the chunk split into pages, each run alone,
    so that only a page that kills its worker `SOLO_ATTEMPTS` times is given up."""
    chunk, deaths = suspects.popleft()
    try:
        return pool.submit(audit_chunk, chunk, settings).result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=True)
        pool = _pool(workers, settings)
    if len(chunk) > 1:
        suspects.extendleft(([page], deaths + 1) for page in reversed(chunk))
    elif deaths + 1 < SOLO_ATTEMPTS:
        suspects.appendleft((chunk, deaths + 1))
    else:
        return [error_line(chunk[0], LOST, settings)], pool
    return None, pool


def _pool(workers: int, settings: Settings) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, initializer=start_worker, initargs=(os.getpid(), settings))


def start_worker(driver: int, settings: Settings) -> None:
    """A pool worker's first act: die with the driver, let go of its streams, load tables."""
    die_with(driver)
    devnull = os.open(os.devnull, os.O_RDWR)
    for descriptor in range(3):  # standard input, output and error
        os.dup2(devnull, descriptor)
    os.close(devnull)
    # An initializer that raises breaks the pool, and every page would then be run alone twice;
    # left cold, the worker records the same error against each page it is given.
    with suppress(Exception):
        warm_up(settings)


def die_with(driver: int) -> None:
    """SIGKILL this process when `driver`, its parent, dies."""
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != driver:  # it died before the request was in place
                os._exit(1)
            return
    threading.Thread(target=_watch_parent, args=(driver,), daemon=True, name="mtaudit-parent-watch").start()


def _watch_parent(driver: int) -> None:
    while os.getppid() == driver:
        time.sleep(1.0)
    os._exit(1)
