"""The editor's index of a site run (`index.html` in the results folder, `mtaudit report`).

A site has hundreds of thousands of pages, so the index is built in one pass over the shards
that keeps totals, the charts' counts, and where in the shards the `worst` pages' records
are (a bounded heap of ranks and offsets, not the records); the other pages are counted, not
listed. The page is then streamed to disk, each listed record read back as it is shown, so
memory holds one record at a time however many pages and findings are listed. Pages have
no article text in the shards, so a listed page shows its findings, not highlighted prose.
Like the check report, the page is one file with no script and a policy that allows none.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import audit
from audit.reporters.html import asset, environment
from audit.reporters.html_charts import category_bars, histogram, score_bin
from audit.reporters.html_summary import leading_rules, severity_totals
from audit.reporters.settings_words import settings_in_words
from audit.site.shards import Location, read_record, write_atomically

WORST_SHOWN = 500
FINDINGS_SHOWN = 200  # per listed page
ERRORS_SHOWN = 100
_LINKABLE = ("http", "https")


@dataclass(frozen=True)
class ListedPage:
    """One of the worst pages, as the index lists it."""

    path: str
    href: str | None  # only for http(s) addresses: a page's path is not trusted as a link
    score: float
    verdict: str
    mt_likelihood: float
    words: int
    severities: dict[str, int]
    findings: tuple[dict, ...]  # the first FINDINGS_SHOWN, in reading order
    finding_count: int


@dataclass
class SiteIndex:
    """What one pass over a results folder keeps."""

    worst_shown: int = WORST_SHOWN
    documents: int = 0
    score_total: float = 0.0
    verdicts: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)  # (category, severity) → findings
    rules: Counter = field(default_factory=Counter)  # (severity, code, name) → findings
    bins: list[int] = field(default_factory=lambda: [0] * 5)
    heap: list = field(default_factory=list)  # of _Kept: the worst pages so far, the least bad on top
    errors: list[dict] = field(default_factory=list)
    error_count: int = 0

    def add(self, location: Location, record: dict) -> None:
        if "message" in record:
            self.error_count += 1
            if len(self.errors) < ERRORS_SHOWN:
                self.errors.append({"path": record["path"], "message": record["message"]})
            return
        self.documents += 1
        self.score_total += record["score"]
        self.verdicts[record["verdict"]["label"]] += 1
        self.counts.update((f["category"], f["severity"]) for f in record["findings"])
        self.rules.update((f["severity"], f["code"], f["name"]) for f in record["findings"])
        self.bins[score_bin(record["score"])] += 1
        page = _Kept(record["score"], record["path"], self.documents, location)
        if len(self.heap) < self.worst_shown:
            heapq.heappush(self.heap, page)
        elif self.heap[0] < page:
            heapq.heapreplace(self.heap, page)

    @property
    def listed(self) -> ListedPages:
        """Worst score first; ties by path, then by reading order."""
        return ListedPages([page.location for page in sorted(self.heap, reverse=True)])


@dataclass(frozen=True, slots=True)
class _Kept:
    """A kept page, ordered best first so that heapq's top is the one to give up next."""

    score: float
    path: str
    order: int
    location: Location

    def __lt__(self, other: _Kept) -> bool:
        return (self.score, self.path, self.order) > (other.score, other.path, other.order)


@dataclass(frozen=True)
class ListedPages:
    """The listed pages, read from the shards each time the page walks them (it does twice)."""

    locations: list[Location]

    def __len__(self) -> int:
        return len(self.locations)

    def __iter__(self) -> Iterator[ListedPage]:
        return (_listed(read_record(location)) for location in self.locations)


def _listed(record: dict) -> ListedPage:
    findings = tuple(sorted(record["findings"], key=lambda f: (f["start"], f["end"], f["code"])))
    return ListedPage(
        path=record["path"],
        href=record["path"] if urlsplit(record["path"]).scheme in _LINKABLE else None,
        score=record["score"],
        verdict=record["verdict"]["label"],
        mt_likelihood=record["verdict"]["mt_likelihood"],
        words=record["words"],
        severities=dict(Counter(f["severity"] for f in findings)),
        findings=findings[:FINDINGS_SHOWN],
        finding_count=len(findings),
    )


def build_index(records: Iterable[tuple[Location, dict]], worst_shown: int = WORST_SHOWN) -> SiteIndex:
    index = SiteIndex(worst_shown=worst_shown)
    for location, record in records:
        index.add(location, record)
    return index


def write_site_index(index: SiteIndex, settings_signature: str, target: Path) -> None:
    """Stream the page to `target`: the text is never whole in memory."""
    from markupsafe import Markup

    context = {
        "version": audit.__version__,
        "settings": settings_signature,
        "settings_words": settings_in_words(settings_signature),
        "index": index,
        "pages": index.listed,
        "mean_score": index.score_total / index.documents if index.documents else None,
        "severity_totals": severity_totals(index.rules),
        "leading_rules": leading_rules(index.rules),
        "bars": category_bars(dict(index.counts)),
        "histogram": histogram(index.bins),
        "style": Markup(asset("report.css")),
    }
    write_atomically(target, environment().get_template("site.html.j2").generate(context))
