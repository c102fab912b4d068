"""Where chunks of pages are audited: here, in local processes, or on a Dask cluster.

Every engine takes a lazy iterator of chunks and yields each chunk's lines as it completes,
with a bounded number of chunks in flight, so the driver's memory does not grow with the
site. Completion order varies; shard consumers sort. Dask is imported only by its engine.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.config import Settings
from audit.site.worker import Line, audit_chunk

ENGINES = ("local", "dask")


def run_chunks(chunks: Iterator[list], settings: Settings, *, engine: str = "local", workers: int = 1,
               scheduler: str | None = None) -> Iterator[list[Line]]:
    """Each chunk's lines, in completion order; `workers` ≤ 1 audits in this process."""
    if engine == "dask":
        from audit.site.engine_dask import dask_chunks

        return dask_chunks(chunks, settings, workers=workers, scheduler=scheduler)
    if workers <= 1:
        return (audit_chunk(chunk, settings) for chunk in chunks)
    from audit.site.engine_local import pool_chunks

    return pool_chunks(chunks, settings, workers)
