"""The Dask distributed engine: an existing scheduler (`--scheduler`) or a `LocalCluster`.

A worker plugin warms each worker up once (rule tables, language models) when it joins, so
no page pays for loading. Chunks carry their pages' content, so workers need no access to
the driver's files; if a worker dies, the scheduler reruns its chunks on another worker,
and the driver still writes each chunk's lines once, when its result arrives.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from itertools import islice

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from audit.config import Settings
from audit.engines import CHUNKS_IN_FLIGHT_PER_WORKER
from audit.errors import UserError
from audit.site_work import Line, audit_chunk, warm_up


class WarmUp(WorkerPlugin):
    """Loads mtaudit's tables and models once per worker process."""

    name = "mtaudit-warm-up"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker) -> None:
        warm_up(self.settings)


def dask_chunks(chunks: Iterator[list], settings: Settings, *, workers: int,
                scheduler: str | None) -> Iterator[list[Line]]:
    with ExitStack() as stack:
        client = stack.enter_context(_client(scheduler, workers, stack))
        client.register_plugin(WarmUp(settings))
        slots = max(1, len(client.scheduler_info()["workers"])) * CHUNKS_IN_FLIGHT_PER_WORKER
        running = as_completed(client.submit(audit_chunk, c, settings, pure=False) for c in islice(chunks, slots))
        for future in running:
            yield future.result()
            future.release()
            for chunk in islice(chunks, 1):
                running.add(client.submit(audit_chunk, chunk, settings, pure=False))


def _client(scheduler: str | None, workers: int, stack: ExitStack) -> Client:
    if scheduler:
        try:
            return Client(scheduler, timeout="10s")
        except OSError as error:
            raise UserError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
    cluster = stack.enter_context(LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1",
    ))
    return Client(cluster)
