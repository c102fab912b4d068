"""Find the reports an article was written from: BM25 candidates, then a cross-lingual rerank.

Stage 1 (lexical, SQLite FTS5): the article's entity concepts, proper names, numbers and most
frequent content words, OR-ed and ranked by BM25 with entities and numbers weighted above
words, since they are what a French article shares with an English source. Only the rarest
terms are OR-ed, within a budget of postings: BM25 scores every report a term occurs in, so a
term found in half the archive (« Russie » in a news archive) would cost a walk over half the
archive while saying little about which report is the source.
Stage 2 (rerank, the top `RERANK` only): the similarity of the article's lead with each
candidate's lead (multilingual-e5 across languages, chrF within French; vectors cached in
the index), and the overlap of anchors. The evidence, shared entities and numbers, is kept
so a reader can see why a source was chosen.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from audit.document import Document
from audit.sources import embed
from audit.sources.anchors import display
from audit.sources.corpus import Report, guess_language
from audit.sources.index import entity_terms, number_terms, open_index
from audit.sources.similarity import E5_BACKGROUND, lexical_similarities

CANDIDATES = 50
RERANK = 10
LEAD_CHARS = 700
MIN_SCORE = 0.35
WEIGHTS = {"similarity": 0.45, "anchors": 0.35, "bm25": 0.20}
# The spun sample's lead and its English source: cosine 0.91; unrelated leads of corpora/news
# 0.73-0.76. A wider scale than sentences' keeps a source short of 1.0, so close versions rank.
LEAD_E5_SCALE = 0.12
_BM25_COLUMNS = (1.0, 4.0, 3.0)  # words, entities, numbers
_WORD = re.compile(r"[^\W\d_]{4,}")


@dataclass(frozen=True)
class Candidate:
    """A source report with its score (0–1) and the evidence behind it."""

    report: Report
    score: float
    bm25: float
    similarity: float
    shared_entities: tuple[str, ...]
    shared_numbers: tuple[str, ...]


MAX_TERMS = 40  # each term costs a (capped) count of the reports holding it
# Postings BM25 may score per query: the query's cost is bounded whatever the archive's size.
POSTINGS_BUDGET = 5_000


def query_terms(text: str, lang: str = "fr", words: int = 12) -> list[str]:
    """FTS5 terms for `text`: entity and number terms first, then frequent content words."""
    anchors = entity_terms(text, lang) + number_terms(text, lang)
    common = Counter(w.lower() for w in _WORD.findall(text)).most_common(words)
    terms = dict.fromkeys(re.sub(r"[^\w-]", "", t) for t in anchors + [w for w, _ in common])
    return [t for t in terms if t][:MAX_TERMS]


def selective_terms(connection: sqlite3.Connection, terms: list[str]) -> list[str]:
    """The rarest of `terms` whose postings fit `POSTINGS_BUDGET` (the rarest alone if none fits).

    Reports are counted only up to the budget, which keeps the counting itself bounded.
    """
    counts = {t: _reports_with(connection, t, POSTINGS_BUDGET + 1) for t in terms}
    rarest_first = sorted((t for t in terms if counts[t]), key=counts.__getitem__)
    chosen, postings = [], 0
    for term in rarest_first:
        if postings + counts[term] > POSTINGS_BUDGET:
            break
        chosen.append(term)
        postings += counts[term]
    return chosen or rarest_first[:1]


def _reports_with(connection: sqlite3.Connection, term: str, cap: int) -> int:
    query = "SELECT count(*) FROM (SELECT 1 FROM terms WHERE terms MATCH ? LIMIT ?)"
    return connection.execute(query, (f'"{term}"', cap)).fetchone()[0]


def lexical_candidates(connection: sqlite3.Connection, terms: list[str], limit: int = CANDIDATES) -> list[tuple[int, float]]:
    """(rowid, BM25 relevance ≥ 0) of the best matches, best first."""
    if not terms:
        return []
    query = " OR ".join(f'"{t}"' for t in terms)
    rows = connection.execute(
        f"SELECT rowid, bm25(terms, {', '.join(map(str, _BM25_COLUMNS))}) AS rank FROM terms "
        "WHERE terms MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    return [(rowid, -rank) for rowid, rank in rows]


def retrieve(document: Document, index_path: str | Path, limit: int = 2, relative: float = 0.6) -> list[Candidate]:
    """The best sources for `document` (at most `limit`, scoring at least `relative` × the
    best's), most likely first."""
    connection = open_index(index_path)
    try:
        lang = guess_language(document.text)
        terms = selective_terms(connection, query_terms(document.text, lang))
        hits = lexical_candidates(connection, terms)[:RERANK]
        ranked = _rerank(connection, document.text, lang, hits)
    finally:
        connection.close()
    if not ranked:
        return []
    best = ranked[0].score
    return [c for c in ranked if c.score >= max(MIN_SCORE, relative * best)][:limit]


def _rerank(connection: sqlite3.Connection, text: str, lang: str, hits: list[tuple[int, float]]) -> list[Candidate]:
    top_bm25 = max((b for _, b in hits), default=1.0) or 1.0
    entities, figures = set(entity_terms(text, lang)), set(number_terms(text, lang))
    reports = {rowid: _report(connection, rowid) for rowid, _ in hits}
    leads = _lead_similarities(connection, text, lang, reports)
    candidates = []
    for rowid, bm25 in hits:
        report = reports[rowid]
        shared_e = sorted(entities & set(entity_terms(report.text, report.lang)))
        shared_n = sorted(figures & set(number_terms(report.text, report.lang)))
        overlap = min(1.0, (len(shared_e) + 2 * len(shared_n)) / 20)
        score = (
            WEIGHTS["similarity"] * leads[rowid] + WEIGHTS["anchors"] * overlap + WEIGHTS["bm25"] * bm25 / top_bm25
        )
        candidates.append(
            Candidate(report, round(score, 4), round(bm25, 3), round(leads[rowid], 4),
                      tuple(dict.fromkeys(display(t) for t in shared_e)),
                      tuple(n[1:].replace("x", ".") for n in shared_n))
        )
    return sorted(candidates, key=lambda c: (-c.score, c.report.id))


def _report(connection: sqlite3.Connection, rowid: int) -> Report:
    row = connection.execute(
        "SELECT id, path, lang, title, text, url, date FROM reports WHERE rowid = ?", (rowid,)
    ).fetchone()
    return Report(*row)


def _lead(text: str) -> str:
    return " ".join(text[:LEAD_CHARS].split())


def _lead_similarities(connection: sqlite3.Connection, text: str, lang: str, reports: dict[int, Report]) -> dict[int, float]:
    """Calibrated similarity (0–1) of the article's lead with each candidate's, by rowid.

    One batch per method and language, so the article's lead is embedded or cut into
    n-grams once; candidates' vectors are cached in the index.
    """
    lead = _lead(text)
    by_method: dict[str, list[int]] = {}
    for rowid, report in reports.items():
        cross = report.lang != lang and embed.available()
        by_method.setdefault("e5" if cross else report.lang, []).append(rowid)
    calibrated = {}
    for method, rowids in by_method.items():
        if method == "e5":
            cosines = np.stack([_cached_vector(connection, r, reports[r]) for r in rowids]) @ embed.embed([lead])[0]
            background, scale = E5_BACKGROUND, LEAD_E5_SCALE
        else:
            sims = lexical_similarities([lead], [_lead(reports[r].text) for r in rowids], lang, method)
            cosines, background, scale = sims.one[0], sims.background, sims.scale
        calibrated.update((r, min(1.0, max(0.0, (float(c) - background) / scale))) for r, c in zip(rowids, cosines))
    return calibrated


def _cached_vector(connection: sqlite3.Connection, rowid: int, report: Report) -> np.ndarray:
    model = embed.signature()
    row = connection.execute("SELECT vector FROM vectors WHERE rowid = ? AND model = ?", (rowid, model)).fetchone()
    if row:
        return np.frombuffer(row[0], dtype=np.float32)
    vector = embed.embed([_lead(report.text)])[0]
    try:
        with connection:
            connection.execute("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?)", (rowid, model, vector.tobytes()))
    except sqlite3.OperationalError:  # a read-only index still answers, it just caches nothing
        pass
    return vector
