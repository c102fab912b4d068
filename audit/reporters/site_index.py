"""The editor's index of a site run (`index.html` in the results folder, `mtaudit report`).

A site has hundreds of thousands of pages, so the index is built in one pass over the shards
that keeps only what the page shows: totals, the charts' counts, and the `worst` pages with
their findings (a bounded heap); the other pages are counted, not listed. Pages have no
article text in the shards, so a listed page shows its findings, not highlighted prose.
Like the check report, the page is one file with no script and a policy that allows none.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import audit
from audit.reporters.html import asset, environment
from audit.reporters.html_charts import category_bars, histogram, score_bin

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
    bins: list[int] = field(default_factory=lambda: [0] * 5)
    heap: list = field(default_factory=list)  # ((-score, reversed path, -order), page): the worst kept
    errors: list[dict] = field(default_factory=list)
    error_count: int = 0

    def add(self, record: dict) -> None:
        if "message" in record:
            self.error_count += 1
            if len(self.errors) < ERRORS_SHOWN:
                self.errors.append({"path": record["path"], "message": record["message"]})
            return
        self.documents += 1
        self.score_total += record["score"]
        self.verdicts[record["verdict"]["label"]] += 1
        self.counts.update((f["category"], f["severity"]) for f in record["findings"])
        self.bins[score_bin(record["score"])] += 1
        rank = (-record["score"], _reversed(record["path"]), -self.documents)  # the kept page with the best score is on top
        if len(self.heap) < self.worst_shown:
            heapq.heappush(self.heap, (rank, _listed(record)))
        elif rank > self.heap[0][0]:
            heapq.heapreplace(self.heap, (rank, _listed(record)))

    @property
    def listed(self) -> list[ListedPage]:
        """Worst score first; ties by path."""
        return sorted((page for _, page in self.heap), key=lambda p: (p.score, p.path))


def _reversed(path: str) -> tuple[int, ...]:
    """A key that orders paths backwards, so the heap keeps the first paths of a tie."""
    return tuple(-ord(c) for c in path) + (1,)


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


def build_index(records: Iterable[dict], worst_shown: int = WORST_SHOWN) -> SiteIndex:
    index = SiteIndex(worst_shown=worst_shown)
    for record in records:
        index.add(record)
    return index


def render_site_index(index: SiteIndex, settings_signature: str) -> str:
    from markupsafe import Markup

    context = {
        "version": audit.__version__,
        "settings": settings_signature,
        "index": index,
        "pages": index.listed,
        "mean_score": index.score_total / index.documents if index.documents else None,
        "bars": category_bars(dict(index.counts)),
        "histogram": histogram(index.bins),
        "style": Markup(asset("report.css")),
    }
    return environment().get_template("site.html.j2").render(context)
