"""`make eval`: the source checks (MT6xx) on translation pairs with known errors.

Three measures, each pair checked as `check --source` would (monotonic alignment, no index):
- ContraTICO development half (../shared/peer/contratico_enfr.tsv): for each critical error
  type, the share of perturbed translations that get an MT6xx finding against `src_en`
  (recall; target ≥ 80 %), and the share of the human references `ref_fr` that do (false
  alarms; target ≤ 5 %). Rows with `changed` = 0 are no-ops and skipped.
- WMT20 QE task 3 development data (../shared/peer/wmt20_qe_task3_enfr_dev_mqm.tsv): the
  precision of MT6xx spans against the professional MQM accuracy spans (target ≥ 0.6); a
  finding is correct when it overlaps an accuracy span of its segment.
- The Debian handbook's human translation (corpora/parallel/): MT6xx findings there are false,
  except MT606 on the nine sentences its French edition left in English (tests/test_sources_checks.py).

Figures carry their spread over five folds by document (ContraTICO: the id before `:`; WMT:
`doc_id`), so no figure rests on single items. Prints, and writes reports/eval/sources.json
and .md. Skips, saying so, when ../shared/peer is absent (the handbook is always measured).
"""

from __future__ import annotations

import csv
import json
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.document import Document
from audit.ingest import RawText
from audit.rules import REGISTRY, RuleContext, run_rules
from audit.segment import segment
from audit.sources import embed
from audit.sources.context import pair_context

PEER = ROOT.parent / "shared" / "peer"
CONTRATICO = PEER / "contratico_enfr.tsv"
WMT20 = PEER / "wmt20_qe_task3_enfr_dev_mqm.tsv"
OUT = ROOT / "reports" / "eval"
CRITICAL = ("alteration", "omission", "expansion_impact")
FOLDS = 5
# The MQM accuracy branch of the annotators' typology (Lommel et al.): what a source shows.
# Grammar (omitted determiners, agreement, word order), style and locale issues are fluency.
ACCURACY = frozenset({
    "Addition", "Untranslated", "Shouldn't Have Been Translated", "Lexical Selection", "Overly Literal",
    "False Friend", "Over-translation", "Under-translation", "Unit Conversion",
})
csv.field_size_limit(1 << 24)


def source_rules() -> list:
    return [rule for rule in REGISTRY.values() if rule.needs_source]


def document(text: str, name: str = "<article>") -> Document:
    return segment(RawText(name, text, "utf-8", "text/plain", ()))


def source_findings(french: str, english: str) -> list:
    """The MT6xx findings of `french` checked against `english` as its known source."""
    article = document(french)
    context = RuleContext(sources=pair_context(article, english, "en").sources)
    return list(run_rules(article, source_rules(), context))


def fold_of(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % FOLDS


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def share(flags: list[tuple[int, bool]]) -> dict:
    """The flagged share overall and its lowest and highest over the folds."""
    per_fold = [[f for k, f in flags if k == fold] for fold in range(FOLDS)]
    shares = [sum(f) / len(f) for f in per_fold if f]
    return {"n": len(flags), "share": round(sum(f for _, f in flags) / max(len(flags), 1), 4),
            "fold_min": round(min(shares, default=0), 4), "fold_max": round(max(shares, default=0), 4)}


def contratico() -> dict:
    data = [r for r in rows(CONTRATICO) if r["changed"] == "1"]
    # Minor perturbations are not measured: embedding them tripled the run.
    _warm([t for r in data for t in (r["src_en"], r["ref_fr"]) + ((r["pert_fr"],) if r["perturbation"] in CRITICAL else ())])
    perturbed, codes = defaultdict(list), defaultdict(Counter)
    references = {}
    for row in data:
        fold = fold_of(row["id"].split(":")[0])
        if row["id"] not in references:
            ref = source_findings(row["ref_fr"], row["src_en"])
            references[row["id"]] = (fold, bool(ref))
            codes["reference"].update({f.code for f in ref})
        if row["perturbation"] in CRITICAL:
            found = source_findings(row["pert_fr"], row["src_en"])
            perturbed[row["perturbation"]].append((fold, bool(found)))
            codes[row["perturbation"]].update({f.code for f in found})
    result = {kind: share(perturbed[kind]) for kind in CRITICAL}
    result["reference"] = share(list(references.values()))
    return {"shares": result, "codes": {k: dict(sorted(v.items())) for k, v in sorted(codes.items())}}


def wmt20() -> dict:
    data = rows(WMT20)
    _warm([t for r in data for t in (r["source"], r["mt"])])
    flags, codes, gold_spans = [], Counter(), 0
    for row in data:
        spans = [(e["start"], e["end"]) for e in json.loads(row["errors"]) if e["category"] in ACCURACY]
        gold_spans += len(spans)
        for finding in source_findings(row["mt"], row["source"]):
            hit = any(start < finding.end and finding.start < end for start, end in spans)
            flags.append((fold_of(row["doc_id"]), hit))
            codes[(finding.code, hit)] += 1
    return {"precision": share(flags), "accuracy_spans": gold_spans,
            "codes": {f"{code} {'correct' if hit else 'wrong'}": n for (code, hit), n in sorted(codes.items())}}


def handbook() -> dict:
    """MT6xx findings on a human translation, each section against its English."""
    from tools.eval_align import sections

    found = Counter()
    for french, english, _ in sections().values():
        for finding in source_findings("\n\n".join(french), "\n\n".join(english)):
            found[finding.code] += 1
    return {"findings": sum(found.values()), "false": sum(found.values()) - found["MT606"],
            "codes": dict(sorted(found.items()))}


def _warm(texts: list[str]) -> None:
    """Embed every sentence in one batch: one model call instead of one per pair."""
    if not embed.available():
        return
    embed.CACHED_TEXTS = max(embed.CACHED_TEXTS, 4 * len(texts))
    raws = [RawText("<warm>", t, "utf-8", "text/plain", ()) for t in texts]
    sentences = {s.text for raw in raws for lang in ("fr", "en") for s in segment(raw, lang).sentences}
    embed.embed(sorted(sentences))


def markdown(results: dict) -> str:
    lines = [f"# Source checks (MT6xx), similarity: {results['similarity']}", ""]
    if "contratico" in results:
        lines += ["## ContraTICO development half: share of pairs with an MT6xx finding", "",
                  "| pairs | n | share | folds (min–max) | target |", "|---|---|---|---|---|"]
        for kind, figures in results["contratico"]["shares"].items():
            target = "≤ 5 %" if kind == "reference" else "≥ 80 %"
            lines.append(f"| {kind} | {figures['n']} | {figures['share']:.1%} | "
                         f"{figures['fold_min']:.1%}–{figures['fold_max']:.1%} | {target} |")
    if "wmt20" in results:
        figures = results["wmt20"]["precision"]
        lines += ["", "## WMT20 QE task 3 dev: precision of MT6xx spans against MQM accuracy spans", "",
                  (f"{figures['share']:.3f} over {figures['n']} findings (folds {figures['fold_min']:.3f}–"
                   f"{figures['fold_max']:.3f}; target ≥ 0.6)")]
    lines += ["", "## Debian handbook human translation: MT6xx findings (false: all but MT606)", "",
              (f"{results['handbook']['false']} false of {results['handbook']['findings']} "
               f"{results['handbook']['codes']}"), ""]
    return "\n".join(lines)


def main() -> None:
    results = {"similarity": embed.signature() if embed.available() else "anchors (no [sources] extra)"}
    if CONTRATICO.exists() and WMT20.exists():
        results["contratico"] = contratico()
        results["wmt20"] = wmt20()
    else:
        print(f"eval_sources: {PEER} absent, ContraTICO and WMT20 skipped", file=sys.stderr)
    results["handbook"] = handbook()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "sources.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    report = markdown(results)
    (OUT / "sources.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
