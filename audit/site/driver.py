"""Audit a whole site into a results folder: pages in, shards and a summary out, resumable.

Data flows one way: pages are read lazily (`audit.site.pages`), those already in the folder with
the same content and settings are skipped, the rest go to an engine in chunks
(`audit.site.engines`), and each completed chunk is written durably (`audit.site.shards`) before more
are taken. The summary and the HTML index are then computed by streaming over the shards, so
they cover pages audited by earlier, interrupted runs too. The keys of what is done and of
this run's pages are kept on disk (`audit.site.keyset`), so memory holds the chunks in flight and
the summary's bounded tallies, whatever the number of pages.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path

from audit.config import Settings
from audit.gate import record_fails
from audit.site.damage import Damage
from audit.site.engines import run_chunks
from audit.site.index_page import SiteIndex, write_site_index
from audit.site.keyset import KeySet
from audit.site.lock import locked_folder
from audit.site.pages import Page, Unreadable, site_pages
from audit.site.shards import (
    Location,
    ShardWriter,
    current_records,
    finished_keys,
    page_key,
    repair,
    write_atomically,
)
from audit.site.worker import failure_line
from audit.verdict import NOT_FRENCH

SUMMARY_SCHEMA_VERSION = "1.2"  # 1.1: `gate` (failing pages, skipped, baseline matches); 1.2: damaged_lines
PAGES_PER_CHUNK = 16
WORST_LISTED = 20
INDEX_PAGE = "index.html"


@dataclass
class SiteRun:
    """What one invocation did: pages seen, audited now, skipped as unchanged."""

    pages: int = 0
    audited: int = 0
    skipped: int = 0
    unreadable: int = 0


def audit_site(inputs: Iterable[str], out: str, settings: Settings, *, engine: str = "local",
               workers: int = 1, scheduler: str | None = None,
               on_page: Callable[[str], None] | None = None) -> dict:
    """Audit every page of `inputs` not already in `out`; write shards and `summary.json`.
    `on_page` is called once a page is audited, unchanged or unreadable (a progress bar)."""
    advance = on_page or (lambda _: None)
    folder = Path(out)
    with locked_folder(folder):
        repair(folder)
        tally, writer = SiteRun(), ShardWriter(folder)
        with finished_keys(folder) as done, KeySet() as current:
            try:
                todo = _pages_to_audit(site_pages(inputs, settings.max_bytes), settings, done, current, tally,
                                       writer, advance)
                for lines in run_chunks(_chunks(todo), settings, engine=engine, workers=workers, scheduler=scheduler):
                    writer.write(lines)
                    tally.audited += len(lines)
                    for _ in lines:
                        advance("")
            finally:
                writer.close()
            index = SiteIndex()
            summary = summarise(folder, settings, current, tally, index.add)
        write_atomically(folder / "summary.json",
                         [json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True) + "\n"])
        write_site_index(index, settings.signature, folder / INDEX_PAGE)
    return summary


def _pages_to_audit(pages: Iterator[Page | Unreadable], settings: Settings, done: KeySet,
                    current: KeySet, tally: SiteRun, writer: ShardWriter,
                    advance: Callable[[str], None] = lambda _: None) -> Iterator[Page]:
    signature = settings.signature
    for page in pages:
        tally.pages += 1
        if isinstance(page, Unreadable):
            tally.unreadable += 1
            key = page_key(page.identity, None, signature)
            if current.add(key) and key not in done:
                writer.write([failure_line(page.path, page.message, settings, page.identity)])
            advance(page.path)
            continue
        key = page_key(page.identity, page.sha256, signature)
        if not current.add(key):
            continue  # the same page listed twice: audited once
        if key in done:
            tally.skipped += 1
            advance(page.path)
        else:
            yield page


def _chunks(pages: Iterator[Page]) -> Iterator[list[Page]]:
    while chunk := list(islice(pages, PAGES_PER_CHUNK)):
        yield chunk


def summarise(folder: Path, settings: Settings, current: KeySet, tally: SiteRun,
              observe: Callable[[Location, dict], None]) -> dict:
    """Totals over this run's pages, read back from the shards (one record a page), each
    record also shown to `observe` (the HTML index), so the shards are read once.

    Consumes `current`: each page's key is removed as its record is counted."""
    from audit.provenance import provenance

    verdicts, severities, codes, errors = Counter(), Counter(), Counter(), 0
    gate = {"failing_pages": 0, "skipped_not_french": 0, "baseline_matched": 0}
    scores, worst, pages, damage = 0.0, [], len(current), Damage()
    for location, record in current_records(folder, current, damage):
        observe(location, record)
        if "message" in record:
            errors += 1
            continue
        verdicts[record["verdict"]["label"]] += 1
        severities.update(f["severity"] for f in record["findings"])
        codes.update(f["code"] for f in record["findings"])
        scores += record["score"]
        gate["failing_pages"] += record_fails(record, settings)
        gate["skipped_not_french"] += record["verdict"]["label"] == NOT_FRENCH
        gate["baseline_matched"] += record.get("baseline_matched") or 0
        worst = sorted([*worst, (record["score"], record["path"], record["verdict"]["label"])])[:WORST_LISTED]
    documents = sum(verdicts.values())
    return {
        "schema_version": SUMMARY_SCHEMA_VERSION,
        **provenance(settings),
        "pages": pages,
        "documents": documents,
        "errors": errors,
        "missing": len(current),  # pages with no record: 0 unless the folder was tampered with
        "damaged_lines": asdict(damage),  # shard lines that are not records, skipped
        "this_run": {"pages_read": tally.pages, "audited": tally.audited, "skipped_unchanged": tally.skipped,
                     "unreadable": tally.unreadable},
        "mean_score": round(scores / documents, 4) if documents else None,
        "verdicts": dict(sorted(verdicts.items())),
        "findings_by_severity": dict(sorted(severities.items())),
        "findings_by_code": dict(sorted(codes.items())),
        "worst": [{"path": p, "score": s, "verdict": v} for s, p, v in worst],
        "gate": gate,
    }

