"""The Dask distributed engine: an existing scheduler (`--scheduler`) or a `LocalCluster`.

A worker plugin warms each worker up once (rule tables, language models) when it joins, so
no page pays for loading. Chunks carry their pages' content, so workers need no access to
the driver's files; if a worker dies, the driver resubmits the chunks it held (`InFlight`),
and still writes each chunk's lines once, when its result arrives.

Dask keeps some history in the driver, kept small here because it grows with the site:
`dask.utils.key_split` memoises every key it has seen (two new keys a chunk, up to 100,000
keys, 18 MiB, at 800,000 pages), so it is cleared every `KEY_CACHE_CHUNKS` chunks. A
`LocalCluster`'s scheduler lives in the driver: its developer logs keep 100 entries, not
1,000, and its system monitor, which only feeds the dashboard we do not start, keeps 60
samples, not an hour's. Its spans do not record the kind of each submission (see
`SpansWithoutCollections`); `dask scheduler --preload audit.site.engine_dask` does the same for
a long-lived scheduler.

A `LocalCluster` talks over 127.0.0.1. Where the loopback interface is down (a container with
its own network namespace), Dask waited 60 s and ended in a traceback; the loopback is now
tried first, in under a second, and its absence told in one line.
"""

from __future__ import annotations

import socket
from asyncio import CancelledError
from collections.abc import Iterator
from contextlib import ExitStack
from itertools import islice

import dask
from dask.utils import key_split
from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed.spans import SpansSchedulerExtension

from audit.config import Settings
from audit.errors import UserError
from audit.site.worker import CHUNKS_IN_FLIGHT_PER_WORKER, Line, audit_chunk, warm_up

MAX_ATTEMPTS = 3
KEY_CACHE_CHUNKS = 500  # chunks between clearings of key_split's memo
MONITOR_SAMPLES = 60
LOW_LEVEL_LOG = 100
LOOPBACK = "127.0.0.1"
LOOPBACK_TIMEOUT = 1.0  # seconds: a working loopback answers in microseconds


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
        in_flight = InFlight(client, settings)
        # A list, not a generator: as_completed holds its lock while it consumes one, and a
        # chunk that finishes meanwhile needs that lock on the event loop that scatter waits for.
        running = as_completed([in_flight.submit(c, 0) for c in islice(chunks, slots)])
        for done, future in enumerate(running, 1):
            if done % KEY_CACHE_CHUNKS == 0:
                key_split.cache_clear()
            lines = in_flight.result(future, running)
            if lines is not None:
                yield lines
                for chunk in islice(chunks, 1):
                    running.add(in_flight.submit(chunk, 0))


class SpansWithoutCollections(SpansSchedulerExtension):
    """Spans that do not keep the kind of every submission.

    Each `client.submit` appends `{"type": "Future"}` to the default span's metadata, and
    that span lasts until the cluster is idle, which it never is during a site audit: about
    300 bytes a chunk, kept to the end. Only the dashboard reads it; timings and task groups
    are still recorded.
    """

    def observe_tasks(self, tss, code, span_metadata):
        return super().observe_tasks(tss, code, None)


def dask_setup(scheduler) -> None:
    """Dask's preload hook: installs `SpansWithoutCollections` before any task arrives.

    Spans outlive their tasks, so a scheduler that serves nightly audits for months would
    otherwise keep a record for every chunk it ever ran.
    """
    scheduler.extensions["spans"] = SpansWithoutCollections(scheduler)


class InFlight:
    """Chunks submitted and not yet written, with their scattered pages.

    Pages are scattered, not passed as task arguments: Dask's client and scheduler keep
    copies of task arguments after the task is released (about 6 KB a page, so the driver
    grew with the site), while scattered data goes when released. Scattered pages die with
    their worker, so the driver, which still holds the chunk, resubmits it.
    """

    def __init__(self, client: Client, settings: Settings) -> None:
        self.client, self.settings, self.chunks = client, settings, {}

    def submit(self, chunk: list, attempt: int):
        [pages] = self.client.scatter([chunk], hash=False)
        future = self.client.submit(audit_chunk, pages, self.settings, pure=False)
        self.chunks[future.key] = (chunk, pages, attempt)
        return future

    def result(self, future, running) -> list[Line] | None:
        """The chunk's lines, or None when it was resubmitted after losing its worker."""
        chunk, pages, attempt = self.chunks.pop(future.key)
        try:
            return future.result()
        except (Exception, CancelledError):
            if attempt >= MAX_ATTEMPTS:
                raise
            running.add(self.submit(chunk, attempt + 1))
            return None
        finally:
            future.release()
            pages.release()


def _client(scheduler: str | None, workers: int, stack: ExitStack) -> Client:
    if scheduler:
        try:
            return Client(scheduler, timeout="10s")
        except OSError as error:
            raise UserError(f"cannot reach the Dask scheduler at {scheduler} ({error})") from None
    check_loopback()
    with dask.config.set({"distributed.admin.system-monitor.log-length": MONITOR_SAMPLES,
                          "distributed.admin.low-level-log-length": LOW_LEVEL_LOG}):
        try:
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, host=LOOPBACK,
                scheduler_kwargs={"preload": [__name__],
                                  "dashboard_address": f"{LOOPBACK}:0"},  # its health page: any free port
            ))
        except (OSError, RuntimeError) as error:  # RuntimeError: "Cluster failed to start: …"
            raise UserError(f"--engine dask: the local Dask cluster did not start ({error}); "
                            "use --engine local, or --scheduler ADDRESS") from None
    return Client(cluster)


def check_loopback() -> None:
    """Connect to a listening socket on the loopback, or say in one line why a LocalCluster cannot."""
    try:
        with socket.socket() as server:
            server.bind((LOOPBACK, 0))
            server.listen(1)
            socket.create_connection(server.getsockname(), timeout=LOOPBACK_TIMEOUT).close()
    except OSError as error:
        raise UserError(f"--engine dask runs a local cluster on {LOOPBACK}, and the loopback interface is not "
                        f"usable here ({error.strerror or error}); use --engine local, or --scheduler ADDRESS"
                        ) from None
