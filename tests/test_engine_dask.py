"""The Dask engine writes the same shard lines as the local one, and survives a dead worker."""

from __future__ import annotations

import os
import signal
import warnings

import pytest
from site_helpers import document_lines, make_site

from audit.config import Settings
from audit.site.driver import audit_site

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """A cluster started as the README says, with `--preload audit.site.engine_dask`."""
    preloaded = {"preload": ["audit.site.engine_dask"], "dashboard_address": "127.0.0.1:0"}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1", scheduler_kwargs=preloaded) as local:
        yield local


def test_dask_and_local_engines_write_the_same_lines(tmp_path, cluster):
    paths = [str(p) for p in make_site(tmp_path / "site", 60)]
    audit_site(paths, str(tmp_path / "local"), Settings(), engine="local", workers=2)
    summary = audit_site(paths, str(tmp_path / "dask"), Settings(), engine="dask", scheduler=cluster.scheduler_address)
    assert summary["documents"] == 60 and summary["missing"] == 0
    local, dask = document_lines(tmp_path / "local"), document_lines(tmp_path / "dask")
    assert len(local) == 60 and dask == local


def test_workers_are_warmed_up_once(tmp_path, cluster):
    with distributed.Client(cluster.scheduler_address) as client:
        audit_site([str(p) for p in make_site(tmp_path / "site", 4)], str(tmp_path / "out"), Settings(),
                   engine="dask", scheduler=cluster.scheduler_address)
        plugins = client.run(lambda dask_worker: sorted(dask_worker.plugins))
    assert all("mtaudit-warm-up" in names for names in plugins.values())


def test_a_killed_worker_loses_no_page(tmp_path, cluster, monkeypatch):
    from audit.site import shards

    paths = [str(p) for p in make_site(tmp_path / "site", 120)]
    with distributed.Client(cluster.scheduler_address) as client:
        victims = [next(iter(client.run(os.getpid).values()))]
        killed = victims[0]
        written = shards.ShardWriter.write

        def kill_after_first_chunk(self, lines):
            written(self, lines)
            if victims:
                os.kill(victims.pop(), signal.SIGKILL)

        monkeypatch.setattr(shards.ShardWriter, "write", kill_after_first_chunk)
        summary = audit_site(paths, str(tmp_path / "out"), Settings(), engine="dask",
                             scheduler=cluster.scheduler_address)
        assert not victims and killed not in client.run(os.getpid).values()
    assert summary["documents"] == 120 and summary["missing"] == 0
    assert len(document_lines(tmp_path / "out")) == 120


def test_without_a_scheduler_the_engine_starts_its_own_local_cluster(tmp_path, cluster, monkeypatch):
    """Its scheduler lives in the driver, so what it keeps per chunk is bounded or dropped.

    Another cluster (the fixture's) already runs here: the new one takes any free port for
    its health page and does not warn about 8787.
    """
    from audit.site import driver as site
    from audit.site import engine_dask

    schedulers = []

    def watched_cluster(**options):
        started = distributed.LocalCluster(**options)
        schedulers.append(started.scheduler)
        return started

    monkeypatch.setattr(engine_dask, "LocalCluster", watched_cluster)
    monkeypatch.setattr(site, "PAGES_PER_CHUNK", 1)
    paths = [str(p) for p in make_site(tmp_path / "site", 5)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        summary = audit_site(paths, str(tmp_path / "out"), Settings(), engine="dask", workers=1)
    assert summary["documents"] == 5 and len(document_lines(tmp_path / "out")) == 5
    [scheduler] = schedulers
    assert (scheduler.monitor.maxlen, scheduler.transition_log.maxlen) == (
        engine_dask.MONITOR_SAMPLES, engine_dask.LOW_LEVEL_LOG)
    spans = scheduler.extensions["spans"].spans.values()
    assert spans and all(span.metadata is None and span.groups for span in spans)


def test_the_drivers_key_memo_does_not_grow_with_the_site(tmp_path, cluster, monkeypatch):
    """The scheduler runs in this process, as in a LocalCluster driver: every chunk adds two keys.

    Its spans keep no record per chunk either: it was preloaded with `audit.site.engine_dask`.

    Single-page chunks also finish while the first ones are still being submitted, which
    deadlocked the engine when it fed as_completed a generator.
    """
    from dask.utils import key_split

    from audit.site import driver as site
    from audit.site import engine_dask

    monkeypatch.setattr(site, "PAGES_PER_CHUNK", 1)
    monkeypatch.setattr(engine_dask, "KEY_CACHE_CHUNKS", 4)
    key_split.cache_clear()
    audit_site([str(p) for p in make_site(tmp_path / "site", 48)], str(tmp_path / "out"), Settings(),
               engine="dask", scheduler=cluster.scheduler_address)
    assert len(document_lines(tmp_path / "out")) == 48
    assert key_split.cache_info().currsize < 48
    spans = cluster.scheduler.extensions["spans"].spans.values()
    assert spans and all(span.metadata is None for span in spans)
