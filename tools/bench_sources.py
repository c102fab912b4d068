"""`make bench` (sources): index build rate, retrieval latency and alignment time, by size.

A synthetic corpus (JSONL, seeded) of news-like reports mixing countries, names, numbers and
French or English filler stands in for a real archive. Sizes are arguments, because building
100,000 reports takes a while: `python tools/bench_sources.py --sizes 1000 10000 100000`.
Results go to reports/bench/sources.json; nothing here is asserted, the targets are printed.

Measured on a shared 2-core machine (2026-11-28, 100,000 reports): index 2,144–2,262 reports/s;
lexical query 23–29 ms, with the rerank 40–44 ms; alignment 100×100 fr–fr 0.15 s. The
synthetic vocabulary is small (every report names a few of the same dozen places and people),
so most of an article's terms occur in most reports: the worst case for BM25, which only the
rarest terms' budget of postings (`audit.sources.retrieve.POSTINGS_BUDGET`) keeps bounded.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "bench"
TARGETS = {"index_reports_per_s": 1000, "retrieval_ms": 50, "align_100x100_s": 0.5, "check_vs_grammalecte": 1.5}
_PLACES = ["Russie", "Ukraine", "Corée", "Séoul", "Pyongyang", "Kiev", "Moscou", "Paris", "Berlin", "Pékin", "Téhéran", "Washington"]
_NAMES = ["Kim", "Rutte", "Zelensky", "Poutine", "Lagarde", "Macron", "Scholz", "Yoon", "Peskov", "Shoigu", "Han", "Milton"]
_FILLER = {
    "fr": ["le", "gouvernement", "a", "annoncé", "une", "nouvelle", "mesure", "après", "la", "réunion", "des", "ministres", "selon", "des", "sources", "proches"],
    "en": ["the", "government", "announced", "a", "new", "measure", "after", "the", "meeting", "of", "ministers", "according", "to", "sources", "close"],
}


def synthetic_report(rng: random.Random, number: int) -> dict:
    lang = rng.choice(("fr", "en"))
    sentences = []
    for _ in range(rng.randint(8, 16)):
        words = rng.sample(_FILLER[lang], 8) + [rng.choice(_PLACES), rng.choice(_NAMES), str(rng.randint(1, 20000))]
        rng.shuffle(words)
        sentences.append(" ".join(words).capitalize() + ".")
    return {"id": f"r{number}", "lang": lang, "title": sentences[0], "text": " ".join(sentences)}


def write_corpus(folder: Path, size: int, per_file: int = 1000) -> None:
    rng = random.Random(size)
    for start in range(0, size, per_file):
        lines = [json.dumps(synthetic_report(rng, n), ensure_ascii=False) for n in range(start, min(size, start + per_file))]
        (folder / f"part-{start // per_file:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_index(size: int) -> dict:
    from audit.ingest import load
    from audit.segment import segment
    from audit.sources.index import build_index
    from audit.sources.retrieve import lexical_candidates, query_terms, retrieve, selective_terms

    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), size)
        stats = build_index(folder, embed_sentences=False)  # the lexical index; sentence vectors: bench_check
        raw = load(str(ROOT / "corpora" / "samples" / "spun-north-korea.txt"))
        article = segment(raw)
        new_leads = iter([segment(replace(raw, text=f"Mise à jour n° {n}.\n\n{raw.text}")) for n in range(3)])
        from audit.sources.index import open_index

        connection = open_index(stats.path)
        terms = query_terms(article.text)
        lexical = _median_ms(lambda: lexical_candidates(connection, selective_terms(connection, terms)), 20)
        connection.close()
        retrieve(article, stats.path)  # first query embeds and caches the candidates' leads
        full = _median_ms(lambda: retrieve(article, stats.path), 10)
        new_article = _median_ms(lambda: retrieve(next(new_leads), stats.path), 3)  # a lead never embedded
    return {"reports": size, "index_s": stats.seconds, "reports_per_s": round(size / stats.seconds),
            "lexical_ms": lexical, "retrieve_ms": full, "new_article_ms": new_article}


def bench_align(size: int) -> dict:
    from audit.sources.align import align
    from audit.sources.corpus import Report, report_document

    rng = random.Random(size)
    fr = " ".join(synthetic_report(rng, 0)["text"] for _ in range(size // 10 + 1))
    source = report_document(Report("s", "s", "fr", "", fr))
    sentences = source.sentences[:size]
    target = report_document(Report("t", "t", "fr", "", " ".join(s.text for s in sentences)))
    source = report_document(Report("s", "s", "fr", "", " ".join(s.text for s in sentences)))
    chrf_s = _median_ms(lambda: align(target, source, "fr", "fr"), 3) / 1000
    return {"sentences": len(sentences), "chrf_s": round(chrf_s, 3)}


SEED = ROOT.parent / "shared" / "seed" / "article.txt"


def bench_check(rounds: int = 3) -> dict:
    """Wall time of a whole `mtaudit check --sources` process, warm (index built with its
    sentence vectors, leads cached by a first run), next to `grammalecte-cli` on the same article.

    Two warm times: a new article (its sentences never embedded: the warm cache without its
    vector store each round) and a repeat check of the same one (its vectors in the store, `vector_store`)."""
    import os
    import shutil
    import subprocess
    import sys

    article = SEED if SEED.exists() else ROOT / "corpora" / "samples" / "spun-north-korea.txt"
    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "news.sqlite"
        corpus = str(ROOT / "corpora" / "news")
        repeat_env = dict(os.environ, MTAUDIT_CACHE_DIR=str(Path(folder) / "cache"))
        subprocess.run([sys.executable, "-m", "audit", "index", corpus, "--index", str(index)], check=True,
                       capture_output=True, env=repeat_env)
        command = [sys.executable, "-m", "audit", "check", "--exit-zero", "--format", "json", "--sources", corpus,
                   "--index", str(index), str(article)]
        subprocess.run(command, check=True, capture_output=True, env=repeat_env)  # leads and the article's vectors

        def new_article():
            # The warm cache (tables, compiled patterns) without the vector store: an article
            # never seen, on a machine that has checked others, not a cold install.
            with tempfile.TemporaryDirectory() as fresh:
                shutil.copytree(repeat_env["MTAUDIT_CACHE_DIR"], fresh, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("vectors.sqlite*"))
                subprocess.run(command, check=True, capture_output=True, env=dict(repeat_env, MTAUDIT_CACHE_DIR=fresh))

        row = {"article": article.name, "words": len(article.read_text(encoding="utf-8").split()),
               "check_sources_s": _median_ms(new_article, rounds) / 1000,
               "recheck_sources_s": _median_ms(lambda: subprocess.run(command, check=True, capture_output=True,
                                                                      env=repeat_env), rounds) / 1000}
        if shutil.which("grammalecte-cli"):
            grammalecte = ["grammalecte-cli", "-j", "-f", str(article)]
            row["grammalecte_s"] = _median_ms(lambda: subprocess.run(grammalecte, check=True, capture_output=True),
                                              rounds) / 1000
            row["ratio"] = round(row["check_sources_s"] / row["grammalecte_s"], 2)
            row["recheck_ratio"] = round(row["recheck_sources_s"] / row["grammalecte_s"], 2)
    return row


def _median_ms(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--align-sizes", type=int, nargs="+", default=[10, 100, 1000])
    options = parser.parse_args()
    results = {"targets": TARGETS, "index": [], "align": []}
    for size in options.sizes:
        row = bench_index(size)
        results["index"].append(row)
        print(f"index {size:>7} reports: {row['reports_per_s']:>6} reports/s · lexical {row['lexical_ms']:.1f} ms"
              f" · retrieve with rerank {row['retrieve_ms']:.1f} ms · a new article {row['new_article_ms']:.0f} ms")
    for size in options.align_sizes:
        row = bench_align(size)
        results["align"].append(row)
        print(f"align {row['sentences']}×{row['sentences']} (fr–fr, chrF): {row['chrf_s']:.3f} s")
    results["check"] = check = bench_check()
    print(f"warm check --sources, {check['article']} ({check['words']} words): new article "
          f"{check['check_sources_s']:.2f} s, re-check {check['recheck_sources_s']:.2f} s"
          + (f"; grammalecte-cli {check['grammalecte_s']:.2f} s, ratios {check['ratio']} and "
             f"{check['recheck_ratio']} (target ≤ 1.5)"
             if "grammalecte_s" in check else "; grammalecte-cli not installed (apt-get install grammalecte-cli)"))
    print(f"targets: ≥ {TARGETS['index_reports_per_s']} reports/s, < {TARGETS['retrieval_ms']} ms per query "
          f"at 100,000 reports, 100×100 alignment < {TARGETS['align_100x100_s']} s")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "sources.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
