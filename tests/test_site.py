"""Site runs: lazy inputs (tree, list, JSONL export), shards, resume, and a killed run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from itertools import islice

from runs import SPUN
from site_helpers import document_lines, documents, make_site, mtaudit

from audit.config import Settings
from audit.site.driver import SiteRun, _pages_to_audit, audit_site
from audit.site.keyset import KeySet
from audit.site.pages import Page, site_pages
from audit.site.shards import ShardWriter, current_records, finished_keys, repair
from audit.site.worker import failure_line


def test_shard_lines_are_the_json_reporters_documents(tmp_path):
    paths = make_site(tmp_path / "site", 4)
    report = json.loads(mtaudit("check", "--format", "json", "--exit-zero", *map(str, paths)).stdout)
    audit_site(map(str, paths), str(tmp_path / "out"), Settings(), workers=1)
    shards = {d["path"]: d for d in documents(tmp_path / "out")}
    for expected in report["documents"]:
        resume = shards[expected["path"]].pop("resume")
        assert shards[expected["path"]] == expected
        assert resume["settings"] == report["meta"]["settings"] and len(resume["content_sha256"]) == 64


def test_jsonl_export_and_files_from_stdin(tmp_path):
    export = tmp_path / "export.jsonl"
    records = [
        {"url": "https://site/a", "text": SPUN},
        {"url": "https://site/b", "html": "<html><body><article><p>" + SPUN.replace("\n\n", "</p><p>") + "</p></article></body></html>"},
        {"url": "https://site/c", "text": "The minister spoke on Friday.", "lang": "en"},
        {"text": "no url"},
    ]
    export.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n", encoding="utf-8")
    listed = make_site(tmp_path / "site", 2)
    out = tmp_path / "out"
    result = mtaudit("audit-site", "--exit-zero", str(export), "--files-from", "-", "--out", str(out), "-j", "1",
                     stdin="\n".join(map(str, listed)) + "\n")
    assert result.returncode == 0, result.stderr
    docs = {d["path"]: d for d in documents(out)}
    assert set(docs) == {"https://site/a", "https://site/b", *map(str, listed)}
    assert docs["https://site/b"]["media_type"] == "text/html" and docs["https://site/b"]["findings"]
    errors = {e["path"]: e["message"] for p in out.glob("errors-*.jsonl") for e in map(json.loads, p.open())}
    assert "not French" in errors["https://site/c"]
    assert errors[f"{export}:4"] == "record without a `url`" and f"{export}:5" in errors
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["pages"], summary["documents"], summary["errors"], summary["missing"]) == (7, 4, 3, 0)


def test_pages_are_read_lazily():
    endless = (f"/nonexistent/{n}.txt" for n in iter(int, 1))
    assert len(list(islice(site_pages(endless, 1000), 5))) == 5


def test_rerun_skips_unchanged_pages_and_audits_changed_ones(tmp_path):
    paths, out = make_site(tmp_path / "site", 6), str(tmp_path / "out")
    first = audit_site(map(str, paths), out, Settings(), workers=2)
    assert first["this_run"]["audited"] == 6
    paths[0].write_text(SPUN, encoding="utf-8")
    again = audit_site(map(str, paths), out, Settings(), workers=2)
    assert (again["this_run"]["audited"], again["this_run"]["skipped_unchanged"]) == (1, 5)
    assert again["pages"] == again["documents"] == 6
    other_settings = audit_site(map(str, paths), out, Settings(ignore=("MT104",)), workers=1)
    assert other_settings["this_run"]["audited"] == 6


def test_a_killed_run_loses_nothing_and_the_rerun_completes_it(tmp_path):
    paths, out = make_site(tmp_path / "site", 300), tmp_path / "out"
    command = [sys.executable, "-m", "audit", "audit-site", "--exit-zero", str(tmp_path / "site"), "--out", str(out), "-j", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(document_lines(out) if out.exists() else []) < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    survived = len(document_lines(out))
    assert 40 <= survived < 300, "the run finished before it could be killed"
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    summary = json.loads((out / "summary.json").read_text())
    assert summary["this_run"]["skipped_unchanged"] >= survived - 16  # at most a chunk's lines cut
    keys = [(d["path"], d["resume"]["content_sha256"]) for d in documents(out)]
    assert len(keys) == len(set(keys)) == 300
    assert sorted(path for path, _ in keys) == sorted(map(str, paths))


def test_a_run_with_sources_checks_them_and_the_summary_has_their_signatures(tmp_path):
    from conftest import ROOT

    from audit.inputs import input_paths
    from audit.sources.index import build_index

    index = str(tmp_path / "index.sqlite")
    build_index(str(ROOT / "corpora" / "news"), index)
    settings = Settings(sources=str(ROOT / "corpora" / "news"), index=index)
    samples = input_paths([str(ROOT / "corpora" / "samples")])
    summary = audit_site(samples, str(tmp_path / "out"), settings, workers=1)
    assert {"chrf", "bleu", "ter", "embedding"} <= set(summary["meta"]["scores"])
    spun = next(d for d in documents(tmp_path / "out") if d["path"].endswith("spun-north-korea.txt"))
    assert spun["sources"] and any(f["code"].startswith("MT6") for f in spun["findings"])


def test_no_inputs_is_a_usage_error(tmp_path):
    result = mtaudit("audit-site", "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and result.stderr == "mtaudit: audit-site: give PATHS or --files-from\n"


def test_repair_cuts_each_shard_back_to_its_last_whole_line(tmp_path):
    whole = b'{"path": "a"}\n{"path": "b"}\n'
    (tmp_path / "documents-00001.jsonl").write_bytes(whole + b"x" * 200_000)  # cut line over several blocks
    (tmp_path / "documents-00002.jsonl").write_bytes(b'{"path": "c", "cut')  # no whole line at all
    (tmp_path / "errors-00003.jsonl").write_bytes(whole)  # whole: untouched
    repair(tmp_path)
    assert (tmp_path / "documents-00001.jsonl").read_bytes() == whole
    assert (tmp_path / "documents-00002.jsonl").read_bytes() == b""
    assert (tmp_path / "errors-00003.jsonl").read_bytes() == whole


def test_the_driver_keeps_no_per_page_state(tmp_path):
    """What the driver holds while it picks pages, and while it reads records back, does not
    grow with the site: 30,000 pages would take about 3 MiB in a set of keys."""
    settings, count = Settings(), 30_000
    writer = ShardWriter(tmp_path, lines_per_shard=count)  # one shard of about 4 MiB, read back a line at a time
    for start in range(0, count, 1000):
        writer.write([failure_line(f"page-{n}", "empty input", settings) for n in range(start, start + 1000)])
    writer.close()
    pages = (Page(f"new-{n}", b"x") for n in range(count))
    tracemalloc.start()
    try:
        with finished_keys(tmp_path) as done, KeySet() as current:
            picked = sum(1 for _ in _pages_to_audit(pages, settings, done, current, SiteRun(), writer))
            newest = sum(1 for _ in current_records(tmp_path))
            kept = sum(1 for _ in current_records(tmp_path, done))
        repair(tmp_path)  # the next run's first step
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert picked == newest == kept == count
    assert peak < 1024 * 1024
