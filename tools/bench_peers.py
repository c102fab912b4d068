"""`make bench` (peers): mtaudit next to Grammalecte and sacrebleu's chrF, on the same texts.

The texts are those of `make eval`: the spun and clean corpora (and the seed when present).
- Time per article, as ratios to mtaudit: a whole process per article (`mtaudit check
  --format json` against `grammalecte-cli -f FILE -j`), and in-process once loaded
  (mtaudit's `audit_text`, Grammalecte's `getParagraphErrors` per line, and as a floor
  sacrebleu's sentence chrF of every sentence against the next one: what a metric-only
  check costs before it finds anything).
- Annotated spans found (tests/data/annotations.jsonl, source-free codes): a tool finds a
  span when one of its findings overlaps it; mtaudit is also counted with the category
  required, as `make eval` does. Findings per 1,000 words on the clean texts, for both.
Grammalecte (Debian `grammalecte-cli`) is skipped with a message when it is not installed.
Results go to reports/bench/peers.json.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from evaluate import DATA, SOURCE_ONLY, clean_paths, path_of, spun_paths

from audit.config import Settings
from audit.evaluation import Span, read_annotations
from audit.ingest import load
from audit.pipeline import audit_text

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "bench"
# Run by Grammalecte's own interpreter: load once, then time each article line by line, as its CLI reads.
GRAMMALECTE_WARM = """
import json, sys, time, grammalecte
checker = grammalecte.GrammarChecker("fr")
checker.getParagraphErrors("Échauffement du moteur avant la mesure.")
times = {}
for path in sys.argv[1:]:
    lines = open(path, encoding="utf-8").read().split("\\n")
    start = time.perf_counter()
    for line in lines:
        checker.getParagraphErrors(line)
    times[path] = time.perf_counter() - start
print(json.dumps(times))
"""


def process_seconds(command: list[str], paths: list[Path], rounds: int = 3) -> dict[Path, float]:
    """Median wall time of one process per article, over `rounds` passes."""
    times: dict[Path, list[float]] = {p: [] for p in paths}
    for _ in range(rounds):
        for path in paths:
            start = time.perf_counter()
            subprocess.run([*command, str(path)], capture_output=True, check=True)
            times[path].append(time.perf_counter() - start)
    return {p: statistics.median(t) for p, t in times.items()}


def grammalecte_spans(path: Path) -> list[tuple[int, int]]:
    """Grammar and spelling errors as offsets into the file (the CLI counts per line, from 1)."""
    done = subprocess.run(["grammalecte-cli", "-f", str(path), "-j", "-owe"], capture_output=True, text=True, check=True)
    line_starts, offset = [], 0
    for line in path.read_text(encoding="utf-8").split("\n"):
        line_starts.append(offset)
        offset += len(line) + 1
    spans = []
    for paragraph in json.loads(done.stdout)["data"]:
        base = line_starts[paragraph["iParagraph"] - 1]
        for error in paragraph["lGrammarErrors"] + paragraph["lSpellingErrors"]:
            spans.append((base + error["nStart"], base + error["nEnd"]))
    return spans


def grammalecte_warm_seconds(paths: list[Path]) -> dict[Path, float]:
    interpreter = Path(shutil.which("grammalecte-cli")).read_text(encoding="utf-8").splitlines()[0][2:].strip()
    done = subprocess.run([interpreter, "-c", GRAMMALECTE_WARM, *map(str, paths)], capture_output=True, text=True, check=True)
    return {Path(p): t for p, t in json.loads(done.stdout).items()}


def mtaudit_warm_seconds(paths: list[Path], runs: int = 5) -> dict[Path, float]:
    settings, times = Settings(), {}
    for path in paths:
        raw = load(str(path))
        audit_text(raw, settings)
        start = time.perf_counter()
        for _ in range(runs):
            audit_text(raw, settings)
        times[path] = (time.perf_counter() - start) / runs
    return times


def chrf_warm_seconds(paths: list[Path], runs: int = 5) -> dict[Path, float]:
    from sacrebleu.metrics import CHRF

    from audit.segment import segment

    chrf, times = CHRF(), {}
    for path in paths:
        sentences = [s.text for s in segment(load(str(path))).sentences]
        pairs = list(zip(sentences, sentences[1:] + sentences[:1]))
        start = time.perf_counter()
        for _ in range(runs):
            for hypothesis, reference in pairs:
                chrf.sentence_score(hypothesis, [reference])
        times[path] = (time.perf_counter() - start) / runs
    return times


def found(gold: list[Span], predicted: dict[str, list[Span]], same_category: bool) -> int:
    def hit(g: Span, p: Span) -> bool:
        return g.start < p.end and p.start < g.end and (not same_category or g.category == p.category)

    return sum(any(hit(g, p) for p in predicted.get(g.doc, [])) for g in gold)


def mean_ms(times: dict[Path, float]) -> float:
    return round(1000 * statistics.mean(times.values()), 2)


def compare(paths: list[Path], clean: list[Path], gold: list[Span], has_grammalecte: bool) -> dict:
    settings = Settings()
    audits = {p: audit_text(load(str(p)), settings) for p in paths}
    words = {p: a.document.word_count for p, a in audits.items()}
    docs = {path_of(g.doc): g.doc for g in gold}
    mtaudit_spans = {docs[p]: [Span(docs[p], f.start, f.end, f.category.value) for f in audits[p].findings] for p in docs}
    clean_words = sum(words[p] for p in clean)
    results = {
        "articles": len(paths), "words": sum(words.values()), "annotated_spans": len(gold),
        "process_ms_per_article": {"mtaudit": mean_ms(process_seconds([sys.executable, "-m", "audit", "check", "--exit-zero", "--format", "json"], paths))},
        "in_process_ms_per_article": {"mtaudit": mean_ms(mtaudit_warm_seconds(paths)), "sacrebleu_chrf": mean_ms(chrf_warm_seconds(paths))},
        "spans_found": {"mtaudit": found(gold, mtaudit_spans, False), "mtaudit_same_category": found(gold, mtaudit_spans, True)},
        "clean_findings_per_1000_words": {"mtaudit": round(1000 * sum(len(audits[p].findings) for p in clean) / clean_words, 2)},
    }
    if has_grammalecte:
        results["process_ms_per_article"]["grammalecte"] = mean_ms(process_seconds(["grammalecte-cli", "-j", "-f"], paths))
        results["in_process_ms_per_article"]["grammalecte"] = mean_ms(grammalecte_warm_seconds(paths))
        spans = {p: [Span(docs.get(p, ""), s, e, "") for s, e in grammalecte_spans(p)] for p in paths}
        by_doc = {docs[p]: spans[p] for p in docs}
        results["spans_found"]["grammalecte"] = found(gold, by_doc, False)
        results["spans_found"]["either"] = found(gold, {d: by_doc[d] + mtaudit_spans[d] for d in by_doc}, False)
        results["clean_findings_per_1000_words"]["grammalecte"] = round(1000 * sum(len(spans[p]) for p in clean) / clean_words, 2)
    return results


def report(results: dict) -> None:
    base = results["process_ms_per_article"]["mtaudit"], results["in_process_ms_per_article"]["mtaudit"]
    print(f"peers on {results['articles']} articles ({results['words']} words), ratio to mtaudit")
    for kind, reference in zip(("process_ms_per_article", "in_process_ms_per_article"), base):
        for tool, ms in results[kind].items():
            print(f"  {kind.replace('_ms_per_article', ''):<11} {tool:<15} {ms:8.1f} ms/article   ×{ms / reference:.2f}")
    print(f"annotated spans found (of {results['annotated_spans']}): "
          + ", ".join(f"{tool} {n}" for tool, n in results["spans_found"].items()))
    print("findings per 1,000 words on clean French: "
          + ", ".join(f"{tool} {n}" for tool, n in results["clean_findings_per_1000_words"].items()))


def main() -> None:
    has_grammalecte = shutil.which("grammalecte-cli") is not None
    if not has_grammalecte:
        print("grammalecte-cli not installed: Grammalecte left out (Debian: apt-get install grammalecte-cli)")
    gold = [a for a in read_annotations(DATA / "annotations.jsonl") if not a.code.startswith(SOURCE_ONLY)]
    spun, clean = [p for p in spun_paths() if p.exists()], clean_paths()
    gold = [g for g in gold if path_of(g.doc) in spun]
    results = compare(spun + clean, clean, gold, has_grammalecte)
    report(results)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "peers.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
