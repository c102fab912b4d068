"""Batch runs: order, parallel processes, and isolation of a crash to its own input."""

from __future__ import annotations

from runs import SPUN

from audit import batch
from audit.config import Settings


def _site(tmp_path, n: int = 6) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"page{i}.txt"
        path.write_text(SPUN.replace("vendredi", f"le {i + 1} mars"), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_jobs_give_the_same_results_in_the_same_order(tmp_path):
    paths = _site(tmp_path) + [str(tmp_path / "missing.txt")]
    serial = batch.audit_all(paths, Settings())
    parallel = batch.audit_all(paths, Settings(), jobs=2)
    assert [a.document.path for a in parallel.audits] == [a.document.path for a in serial.audits]
    assert [a.findings for a in parallel.audits] == [a.findings for a in serial.audits]
    assert parallel.failures == serial.failures and serial.failures[0].message == "no such file"


def test_a_crash_is_reported_for_its_input_and_the_others_complete(tmp_path, monkeypatch):
    paths = _site(tmp_path, 3)
    real = batch.audit_path

    def flaky(path, settings, name=None):
        if path == paths[1]:
            raise RuntimeError("boom")
        return real(path, settings, name)

    monkeypatch.setattr(batch, "audit_path", flaky)
    done = []
    run = batch.audit_all(paths, Settings(), on_done=done.append)
    assert [a.document.path for a in run.audits] == [paths[0], paths[2]]
    assert run.failures[0].path == paths[1]
    assert run.failures[0].message == "internal error: RuntimeError: boom"
    assert done == paths


def test_progress_bar_only_when_asked_or_on_a_terminal():
    from audit.progress import progress

    with progress(3, enabled=False) as advance:
        assert advance is None
    with progress(2, enabled=True) as advance:
        advance("a/b.txt")
        advance("a/c.txt")
