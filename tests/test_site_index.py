"""The HTML index of a site run: built from the shards, worst pages first, bounded, escaped."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from browser import needs_chromium
from site_helpers import documents, make_site, mtaudit

from audit.config import Settings
from audit.site.driver import audit_site
from audit.site.index_page import build_index, write_site_index
from audit.site.shards import current_records

HOSTILE = ('<script>alert(1)</script> Le Kremlin <img src=x onerror="alert(2)"> dément “l’envoi” '
           'de soldats, selon cette Source proche du dossier.')


class Page(HTMLParser):
    """What the tests look at: rows of the pages table, links, scripts, event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.rows, self.hrefs, self.scripts, self.handlers, self.details = [], [], 0, [], 0
        self._cell: list[str] | None = None
        self._in_pages = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.handlers += [name for name in attributes if name.startswith("on")]
        if tag == "script":
            self.scripts += 1
        if tag == "table" and attributes.get("id") == "pages":
            self._in_pages = True
        if tag == "tr" and self._in_pages and attributes.get("class") == "page":
            self.rows.append([])
        if tag == "td" and self._in_pages and self.rows:
            self._cell = []
        if tag == "a":
            self.hrefs.append(attributes["href"])
        if tag == "details" and attributes.get("class") == "page-findings":
            self.details += 1

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        if tag == "table":
            self._in_pages = False

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def test_audit_site_writes_an_index_of_its_pages_worst_first(tmp_path):
    paths = [str(p) for p in make_site(tmp_path / "site", 12)]
    (tmp_path / "site" / "broken.txt").write_bytes(b"\x00\x01binary")
    summary = audit_site([*paths, str(tmp_path / "site" / "broken.txt")], str(tmp_path / "out"), Settings(), workers=1)
    page = parse((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    scores = [float(row[1]) for row in page.rows]
    assert len(page.rows) == summary["documents"] == 12 and page.details == 12
    assert scores == sorted(scores)
    worst = min(documents(tmp_path / "out"), key=lambda d: (d["score"], d["path"]))
    assert page.rows[0][0].startswith(worst["path"]) and page.rows[0][3] == worst["verdict"]["label"]
    severities = [sum(int(cell) for cell in row[4:7]) for row in page.rows]
    findings = {d["path"]: len(d["findings"]) for d in documents(tmp_path / "out")}
    assert severities == [findings[row[0].split(" · ")[0]] for row in page.rows]
    assert "broken.txt" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_the_index_lists_only_the_worst_pages_but_counts_them_all(tmp_path):
    paths = [str(p) for p in make_site(tmp_path / "site", 9)]
    audit_site(paths, str(tmp_path / "out"), Settings(), workers=1)
    index = build_index(current_records(tmp_path / "out"), worst_shown=4)
    expected = sorted((d["score"], d["path"]) for d in documents(tmp_path / "out"))[:4]
    assert [(p.score, p.path) for p in index.listed] == expected
    assert index.documents == 9 and sum(index.bins) == 9 and sum(index.verdicts.values()) == 9
    write_site_index(index, "sig", tmp_path / "index.html")
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert len(parse(html).rows) == 4 and "4 of 9 listed" in html


def test_everything_from_a_page_is_escaped_and_only_web_addresses_are_links(tmp_path):
    records = [
        {"url": "javascript:alert(3)", "text": HOSTILE},
        {"url": "https://example.org/a?<b>=\"1\"", "text": HOSTILE},
        {"url": "<svg onload=alert(4)>.txt", "text": HOSTILE},
    ]
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    audit_site([str(export)], str(tmp_path / "out"), Settings(), workers=1)
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    page = parse(html)
    assert page.scripts == 0 and page.handlers == [] and "script-src" not in html
    assert "<script>" not in html and "&lt;script&gt;" in html and "onerror=\"alert" not in html
    assert [h for h in page.hrefs if not h.startswith("#")] == ['https://example.org/a?<b>="1"']
    assert "javascript:alert(3)" in html and not any(h.startswith("javascript:") for h in page.hrefs)


def test_the_index_banner_counts_findings_by_severity_worst_first(tmp_path):
    paths = [str(p) for p in make_site(tmp_path / "site", 6)]
    audit_site(paths, str(tmp_path / "out"), Settings(), workers=1)
    findings = [f for d in documents(tmp_path / "out") for f in d["findings"]]
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    banner = html[html.index('class="leading"') : html.index('class="charts"')]
    shown = re.findall(r'class="sev-count sev-(\w+)" data-severity="\w+"><strong>(\d+)</strong>', banner)
    expected = [(s, sum(f["severity"] == s for f in findings)) for s in ("critical", "major", "minor")]
    assert [(s, int(n)) for s, n in shown] == [(s, n) for s, n in expected if n]
    assert 'class="legend"' in html and "MQM score" not in html[html.index('class="legend"') :]  # no text, no margin
    assert re.search(r'<td>MT\d+</td><td><span class="sev-label sev-\w+"><span class="icon"', html)
    assert "checked with every rule;" in html and '<details class="technical"><summary>Technical details</summary><p>Settings signature: <code>select:MT|' in html
    print(f"site banner: {shown}")


def test_report_command_rebuilds_the_index_from_the_newest_record_of_each_page(tmp_path):
    paths = make_site(tmp_path / "site", 4)
    out = tmp_path / "out"
    assert mtaudit("audit-site", "--exit-zero", str(tmp_path / "site"), "--out", str(out), "-j", "1").returncode == 0
    first = (out / "index.html").read_text(encoding="utf-8")
    assert mtaudit("report", str(out), "-o", str(tmp_path / "again.html")).returncode == 0
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == first

    paths[0].write_text("Un article propre, écrit en français correct, sans rien à redire du tout.\n",
                        encoding="utf-8")
    assert mtaudit("audit-site", "--exit-zero", str(paths[0]), "--out", str(out), "-j", "1").returncode == 0
    assert len(parse((out / "index.html").read_text(encoding="utf-8")).rows) == 1  # this run's pages
    assert mtaudit("report", str(out)).returncode == 0
    rows = parse((out / "index.html").read_text(encoding="utf-8")).rows
    assert len(rows) == 4
    changed = next(row for row in rows if row[0].startswith(str(paths[0])))
    assert float(changed[1]) == 100.0


def test_report_on_a_folder_without_shards_is_a_one_line_error(tmp_path):
    result = mtaudit("report", str(tmp_path))
    assert result.returncode == 2 and "no audit-site shards" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


@needs_chromium
def test_in_chromium_the_index_shows_every_listed_page_and_opens_its_findings(browser, tmp_path):
    paths = [str(p) for p in make_site(tmp_path / "site", 6)]
    audit_site(paths, str(tmp_path / "out"), Settings(), workers=1)
    browser.open(tmp_path / "out" / "index.html")
    assert browser.evaluate("document.querySelectorAll('#pages tr.page').length") == 6
    assert browser.evaluate("document.scripts.length") == 0
    assert browser.evaluate("document.querySelectorAll('svg.chart rect.bar').length") > 0
    assert browser.evaluate("document.querySelectorAll('details[open]').length") == 0
    browser.evaluate("document.getElementById('p1').closest('details').querySelector('summary').click()")
    assert browser.evaluate("document.querySelectorAll('details[open]').length") == 1
    assert browser.evaluate("document.querySelectorAll('#p1 tr.finding').length") == len(
        min(documents(tmp_path / "out"), key=lambda d: (d["score"], d["path"]))["findings"])
    shot = browser.screenshot(tmp_path / "site.png")
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def synthetic_record(path: str, score: float, findings: int) -> dict:
    """A shard record as the JSON reporter writes it, with only what the index reads."""
    finding = {"start": 0, "end": 5, "line": 1, "column": 1, "code": "MT101", "name": "english-quotes", "severity": "minor",
               "category": "fluency", "text": "cette", "message": "x" * 80, "suggestion": None}
    return {"path": path, "score": score, "words": 300, "verdict": {"label": "suspect", "mt_likelihood": 0.5},
            "findings": [{**finding, "start": n, "end": n + 5} for n in range(findings)],
            "resume": {"content_sha256": path, "settings": "sig"}}


def write_shard(folder, records) -> None:
    from audit.site.shards import ShardWriter
    from audit.site.worker import dumps

    writer = ShardWriter(folder, lines_per_shard=len(records))
    writer.write([("documents", dumps(r)) for r in records])
    writer.close()


def test_ties_on_score_are_listed_and_kept_by_path(tmp_path):
    write_shard(tmp_path, [synthetic_record(p, s, 1) for p, s in
                           [("c", 50.0), ("a", 50.0), ("d", 10.0), ("b", 50.0), ("e", 90.0)]])
    index = build_index(current_records(tmp_path), worst_shown=3)
    assert [(p.score, p.path) for p in index.listed] == [(10.0, "d"), (50.0, "a"), (50.0, "b")]


def test_the_index_holds_where_listed_pages_are_not_their_findings(tmp_path):
    """400 listed pages of 150 findings: 60,000 finding dicts (over 20 MiB) if the index kept
    them; it keeps offsets and reads each page back as the page is written."""
    import tracemalloc

    write_shard(tmp_path, [synthetic_record(f"page-{n:03d}", float(n % 97), 150) for n in range(400)])
    tracemalloc.start()
    try:
        index = build_index(current_records(tmp_path), worst_shown=400)
        write_site_index(index, "sig", tmp_path / "index.html")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    page = parse((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert len(page.rows) == page.details == 400
    assert peak < 2 * 1024 * 1024, f"{peak / 2**20:.1f} MiB"


@needs_chromium
def test_in_chromium_the_index_links_open_the_pages_they_point_to(browser, tmp_path):
    paths = [str(p) for p in make_site(tmp_path / "site", 4)]
    audit_site(paths, str(tmp_path / "out"), Settings(), workers=1)
    index = tmp_path / "out" / "index.html"
    browser.open(index)
    opened = "Array.from(document.querySelectorAll('details[open] [id]')).map(e => e.id)"
    assert browser.evaluate(opened) == [] and browser.evaluate("document.getElementById('p3').checkVisibility()") is False
    browser.evaluate("document.querySelector('#pages a[href=\"#p3\"]').click()")
    assert browser.evaluate(opened) == ["p3"] and browser.evaluate("document.getElementById('p3').checkVisibility()") is True
    assert browser.evaluate("document.getElementById('p3').getBoundingClientRect().top") < 900  # scrolled to it
    browser.send("Page.navigate", url=index.resolve().as_uri() + "#p2")  # a link from elsewhere, loading the page
    browser.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert "p2" in browser.evaluate(opened)
    assert browser.evaluate("document.scripts.length") == 0
