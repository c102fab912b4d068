"""A results folder, an engine and a source index under hostile conditions (issue 17):
damaged shards, killed workers and drivers, concurrent runs, paths spelled several ways, a
read-only or locked index, no loopback interface. Each ends in one clear line or a complete
run, never a traceback or a lost page."""

from __future__ import annotations

import json
import sys

import pytest
from site_helpers import make_site

from audit.cli import main
from audit.config import Settings
from audit.site.driver import audit_site


def run_cli(capsys, monkeypatch, *args: str) -> tuple[int, str]:
    """`mtaudit ARGS` in this process: (exit code, stderr)."""
    monkeypatch.setattr(sys, "argv", ["mtaudit", *args])
    with pytest.raises(SystemExit) as exit_:
        main()
    return exit_.value.code, capsys.readouterr().err


def test_a_damaged_line_mid_shard_is_skipped_told_and_its_page_audited_again(tmp_path, capsys, monkeypatch):
    paths, out = make_site(tmp_path / "site", 3), tmp_path / "out"
    audit_site(map(str, paths), str(out), Settings(), workers=1)
    [shard] = out.glob("documents-*.jsonl")
    first, _lost, third = shard.read_bytes().splitlines(keepends=True)
    shard.write_bytes(first + b'{"path": "x"}\n' + b"\x00\xff garbage\n" + third)  # the second page's line is lost
    code, err = run_cli(capsys, monkeypatch, "report", str(out))
    assert code == 0 and "Traceback" not in err
    assert f"2 damaged shard line(s) skipped: {shard}:3 (not JSON), {shard}:2 (not a record" in err
    code, err = run_cli(capsys, monkeypatch, "audit-site", *map(str, paths), "--out", str(out), "-j", "1", "--exit-zero")
    assert code == 0 and "2 damaged shard line(s)" in err, err
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["documents"], summary["missing"], summary["this_run"]["audited"]) == (3, 0, 1)
    assert summary["damaged_lines"]["count"] == 2
    assert sorted(d["path"] for d in documents_whole(out)) == sorted(map(str, paths))


def documents_whole(out):
    """The records of a folder whose shards may hold damaged lines."""
    from audit.site.shards import records

    return list(records(out, "documents"))


def test_a_second_run_on_a_locked_folder_stops_in_one_line(tmp_path, capsys, monkeypatch):
    import fcntl

    from audit.site.lock import LOCK_NAME

    paths, out = make_site(tmp_path / "site", 2), tmp_path / "out"
    out.mkdir()
    with open(out / LOCK_NAME, "a+") as held:  # another run, as the kernel sees it
        held.write("pid 4242 on elsewhere\n")
        held.flush()
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        code, err = run_cli(capsys, monkeypatch, "audit-site", *map(str, paths), "--out", str(out), "-j", "1", "--exit-zero")
        assert code == 2 and err.count("\n") == 1, err
        assert err.startswith(f"mtaudit: {out}: another audit-site run (pid 4242 on elsewhere) is writing")
        assert not list(out.glob("*.jsonl")), "the second run wrote shards"
    code, err = run_cli(capsys, monkeypatch, "audit-site", *map(str, paths), "--out", str(out), "-j", "1", "--exit-zero")
    assert code == 0, err  # released with its holder
    assert json.loads((out / "summary.json").read_text())["documents"] == 2


def test_a_page_is_one_page_however_its_path_is_spelled(tmp_path, monkeypatch):
    from audit.inputs import input_paths
    from audit.site.index_page import build_index
    from audit.site.shards import current_records

    make_site(tmp_path / "site", 3)
    monkeypatch.chdir(tmp_path)
    runs = [audit_site(input_paths([spelling]), "out", Settings(), workers=1)
            for spelling in ("site", "./site", str(tmp_path / "site"), "site/../site")]
    assert [run["this_run"]["audited"] for run in runs] == [3, 0, 0, 0]
    assert [(run["pages"], run["documents"]) for run in runs] == [(3, 3)] * 4
    assert build_index(current_records(tmp_path / "out")).documents == 3  # what `mtaudit report` lists
    assert len(list((tmp_path / "out").glob("documents-*.jsonl"))) == 1


def test_a_killed_worker_does_not_end_the_run(tmp_path, monkeypatch):
    """One worker is killed once (its chunks run again); another page kills its worker every
    time (recorded as an internal error, retried next run); the summary is written."""
    import multiprocessing
    import os
    import signal

    from audit.site import driver, shards, worker

    monkeypatch.setattr(driver, "PAGES_PER_CHUNK", 2)
    real_audit = worker.audit_text

    def poisoned(raw, settings):  # inherited by the forked workers
        if "POISON" in raw.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_audit(raw, settings)

    monkeypatch.setattr(worker, "audit_text", poisoned)
    paths = make_site(tmp_path / "site", 12)
    paths[7].write_text(paths[7].read_text(encoding="utf-8") + "POISON\n", encoding="utf-8")
    victims, written = [True], shards.ShardWriter.write

    def kill_a_worker_after_the_first_chunk(self, lines):
        written(self, lines)
        if victims and (children := multiprocessing.active_children()):
            victims.pop()
            os.kill(children[0].pid, signal.SIGKILL)

    monkeypatch.setattr(shards.ShardWriter, "write", kill_a_worker_after_the_first_chunk)
    summary = audit_site(map(str, paths), str(tmp_path / "out"), Settings(), workers=2)
    assert not victims
    assert (summary["pages"], summary["documents"], summary["errors"], summary["missing"]) == (12, 11, 1, 0)
    [lost] = [record for record in records_of(tmp_path / "out") if "message" in record]
    assert lost["path"] == str(paths[7]) and lost["message"].startswith("internal error: its worker process died")
    assert sorted(r["path"] for r in records_of(tmp_path / "out")) == sorted(map(str, paths))  # each once


def records_of(out):
    from audit.site.shards import records

    return list(records(out))


def _children(pid: int) -> list[int]:
    from pathlib import Path

    tasks = Path(f"/proc/{pid}/task")
    return [int(c) for task in tasks.iterdir() for c in (task / "children").read_text().split()]


def _alive(pid: int) -> bool:
    from pathlib import Path

    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead, waiting to be reaped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_workers_die_with_their_driver_and_let_go_of_its_pipes(tmp_path, signal_name, engine):
    """Dask's LocalCluster workers exit when a pipe from the driver closes (distributed's
    `AsyncProcess` watches it), the local engine's by `die_with`."""
    import os
    import signal
    import subprocess
    import time

    from conftest import ROOT
    from site_helpers import document_lines

    if engine == "dask":
        pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    make_site(tmp_path / "site", 48 if engine == "local" else 200)  # Dask's chunks are larger
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "audit", "audit-site", str(tmp_path / "site"), "--out",
                                str(out), "-j", "2", "--engine", engine],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers = []
    try:
        deadline = time.monotonic() + 120
        while not (out.exists() and document_lines(out)) and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = _children(process.pid)
        assert len(workers) >= 2 and process.poll() is None, "the run ended before it could be killed"
        os.kill(process.pid, getattr(signal, signal_name))
        process.communicate(timeout=20)  # both pipes closed: no worker holds them
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers))
    finally:
        for pid in [process.pid, *workers]:  # only what this test started
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait()


@pytest.mark.parametrize("lock", ["EXCLUSIVE", "IMMEDIATE"])
def test_an_index_another_process_writes_is_said_to_be_busy_not_unreadable(tmp_path, lock, capsys, monkeypatch):
    """EXCLUSIVE: the writer is committing (readers wait too); IMMEDIATE: it holds its write lock."""
    import sqlite3

    from audit.sources import index

    corpus = _corpus(tmp_path)
    assert run_cli(capsys, monkeypatch, "index", str(corpus))[0] == 0
    monkeypatch.setattr(index, "LOCK_WAIT_SECONDS", 0.2, raising=False)
    (corpus / "new.txt").write_text("Le ministre a parlé vendredi à Séoul.\n", encoding="utf-8")
    writer = sqlite3.connect(corpus / index.INDEX_NAME, isolation_level=None)
    try:
        writer.execute(f"BEGIN {lock}")
        code, err = run_cli(capsys, monkeypatch, "index", str(corpus))
    finally:
        writer.close()
    busy = (f"mtaudit: {corpus / index.INDEX_NAME}: another process is writing this index "
            "(a running `mtaudit index`?); try again when it has finished\n")
    assert (code, err) == (2, busy)
    assert run_cli(capsys, monkeypatch, "index", str(corpus))[0] == 0  # once it has finished


@pytest.mark.parametrize("exists", [True, False], ids=["read-only index", "read-only folder"])
def test_a_read_only_index_or_folder_is_one_line(tmp_path, exists, capsys, monkeypatch):
    """Opened read-only by SQLite itself (file:…?mode=ro): file modes do not stop root, who runs CI here."""
    import sqlite3

    from audit.sources import index

    corpus = _corpus(tmp_path)
    if exists:
        assert run_cli(capsys, monkeypatch, "index", str(corpus))[0] == 0
        (corpus / "new.txt").write_text("Le ministre a parlé vendredi à Séoul.\n", encoding="utf-8")
    connect = sqlite3.connect
    monkeypatch.setattr(index.sqlite3, "connect",
                        lambda path, **options: connect(f"file:{path}?mode=ro", uri=True, **options))
    code, err = run_cli(capsys, monkeypatch, "index", str(corpus))
    expected = ("the index or its folder is read-only" if exists else "cannot open or create the index there")
    assert code == 2 and err.count("\n") == 1 and expected in err, err


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The minister spoke in Seoul on Friday about the troops.\n", encoding="utf-8")
    return corpus


def _without_network() -> list[str] | None:
    """A command prefix that runs in a network namespace of its own, whose loopback is down."""
    import shutil
    import subprocess

    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True, check=False).returncode == 0:
        return [unshare, "-n"]
    return None


def test_dask_without_a_loopback_interface_is_one_line_and_quick(tmp_path):
    import subprocess
    import time

    from conftest import ROOT

    pytest.importorskip("distributed")
    prefix = _without_network()
    if prefix is None:
        pytest.skip("needs `unshare -n` (root or user namespaces) to take the loopback away")
    paths = make_site(tmp_path / "site", 1)
    started = time.monotonic()
    result = subprocess.run([*prefix, sys.executable, "-m", "audit", "audit-site", str(paths[0]), "--out",
                             str(tmp_path / "out"), "--engine", "dask", "-j", "1"],
                            cwd=ROOT, capture_output=True, text=True, timeout=90, check=False)
    elapsed = time.monotonic() - started
    print(f"refused in {elapsed:.1f} s")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "the loopback interface is not usable here" in result.stderr
    assert elapsed < 20  # Dask alone waited 60 s


def test_the_local_pool_writes_what_one_process_writes(tmp_path):
    from site_helpers import document_lines

    paths = [str(p) for p in make_site(tmp_path / "site", 6)]
    audit_site(paths, str(tmp_path / "one"), Settings(), workers=1)
    audit_site(paths, str(tmp_path / "two"), Settings(), workers=2)
    assert len(document_lines(tmp_path / "one")) == 6
    assert document_lines(tmp_path / "one") == document_lines(tmp_path / "two")


def test_a_folder_written_before_resume_page_still_resumes(tmp_path, monkeypatch):
    from audit.inputs import input_paths

    make_site(tmp_path / "site", 2)
    monkeypatch.chdir(tmp_path)
    audit_site(input_paths(["site"]), "out", Settings(), workers=1)
    for shard in (tmp_path / "out").glob("*.jsonl"):  # as the previous version wrote them
        lines = [json.loads(line) for line in shard.read_text(encoding="utf-8").splitlines()]
        for record in lines:
            del record["resume"]["page"]
        shard.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    again = audit_site(input_paths(["./site"]), "out", Settings(), workers=1)
    assert (again["this_run"]["audited"], again["documents"]) == (0, 2)
