"""Where chunks of pages are audited: here, in local processes, or on a Dask cluster.

Every engine takes a lazy iterator of chunks and yields each chunk's lines as it completes,
with a bounded number of chunks in flight, so the driver's memory does not grow with the
site. Completion order varies; shard consumers sort. Dask is imported only by its engine.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from audit.config import Settings
from audit.site.worker import CHUNKS_IN_FLIGHT_PER_WORKER, Line, audit_chunk, warm_up

ENGINES = ("local", "dask")


def run_chunks(chunks: Iterator[list], settings: Settings, *, engine: str = "local", workers: int = 1,
               scheduler: str | None = None) -> Iterator[list[Line]]:
    """Each chunk's lines, in completion order; `workers` ≤ 1 audits in this process."""
    if engine == "dask":
        from audit.site.engine_dask import dask_chunks

        return dask_chunks(chunks, settings, workers=workers, scheduler=scheduler)
    if workers <= 1:
        return (audit_chunk(chunk, settings) for chunk in chunks)
    return _process_chunks(chunks, settings, workers)


def _process_chunks(chunks: Iterator[list], settings: Settings, workers: int) -> Iterator[list[Line]]:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    with ProcessPoolExecutor(workers, initializer=warm_up, initargs=(settings,)) as pool:
        pending = {pool.submit(audit_chunk, c, settings)
                   for c in islice(chunks, workers * CHUNKS_IN_FLIGHT_PER_WORKER)}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
            pending |= {pool.submit(audit_chunk, c, settings) for c in islice(chunks, len(done))}
