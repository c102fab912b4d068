"""`make eval`: the segment checks (MT7xx) on real English–French pairs of ../shared/peer/.

Three figures, none of which tunes anything:
- the target/source length ratios of human translations (TICO-19 human, ParaCrawl pairs
  validated V), sources of 30 characters or more: their extremes are what the MT706 bounds
  in data/segment_checks.toml were set just outside of;
- false alarms: the share of professionally translated units (ContraTICO `ref_fr`, the
  same as TICO-19's human side) on which any segment check fires, by code;
- detection: per ContraTICO perturbation (one injected error per unit), the share of
  perturbed units flagged where the reference unit is not.
Skips, saying so, when ../shared/peer/ is absent. Nothing read here enters the repository.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PEER = ROOT.parent / "shared" / "peer"
MIN_SOURCE_CHARS = 30


def rows(name: str) -> list[dict]:
    csv.field_size_limit(1 << 30)
    with open(PEER / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def length_ratios() -> list[float]:
    pairs = [(r["src_en"], r["human_fr"]) for r in rows("tico19_enfr_human_vs_googletranslate.tsv")]
    pairs += [(r["src_en"], r["trg_fr"]) for r in rows("paracrawl_enfr_human_validation.tsv") if r["label"] == "V"]
    return sorted(len(t.strip()) / len(s.strip()) for s, t in pairs if len(s.strip()) >= MIN_SOURCE_CHARS and t.strip())


def flagged_units(pairs: list[tuple[str, str]]) -> list[set[str]]:
    """The MT7xx codes found on each (source, target) unit, the units audited as one file."""
    from audit.bilingual import Unit, joined
    from audit.config import Settings
    from audit.pipeline import audit_text

    units = [Unit(str(n), source, target) for n, (source, target) in enumerate(pairs)]
    result = audit_text(joined("eval.xlf", units, "application/xliff+xml"), Settings(select=("MT7",)))
    found: list[set[str]] = [set() for _ in pairs]
    for finding in result.findings:
        found[int(finding.segment.id)].add(finding.code)
    return found


def main() -> None:
    if not PEER.exists():
        print(f"eval_segments: skipped, {PEER} not found (the peer data lives outside the repository)")
        return
    ratios = length_ratios()
    print(f"length ratio of {len(ratios)} human pairs: min {ratios[0]:.2f}, "
          f"0.5% {ratios[len(ratios) // 200]:.2f}, median {ratios[len(ratios) // 2]:.2f}, "
          f"99.5% {ratios[-len(ratios) // 200]:.2f}, max {ratios[-1]:.2f}")
    contra = [r for r in rows("contratico_enfr.tsv") if r["changed"] != "0"]
    references = {r["id"]: (r["src_en"], r["ref_fr"]) for r in contra}
    reference_ids = sorted(references)
    reference_codes = dict(zip(reference_ids, flagged_units([references[i] for i in reference_ids])))
    alarms = Counter(code for codes in reference_codes.values() for code in codes)
    alarmed = sum(1 for codes in reference_codes.values() if codes)
    print(f"false alarms on {len(references)} human units: {alarmed} ({100 * alarmed / len(references):.1f} %) "
          + " ".join(f"{code}:{n}" for code, n in sorted(alarms.items())))
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for row in contra:
        by_kind[row["perturbation"]].append(row)
    print("perturbation        units  detected  (codes on perturbed units the reference does not have)")
    for kind, group in sorted(by_kind.items()):
        found = flagged_units([(r["src_en"], r["pert_fr"]) for r in group])
        new = [codes - reference_codes[r["id"]] for r, codes in zip(group, found)]
        detected = sum(1 for codes in new if codes)
        codes = Counter(code for found_codes in new for code in found_codes)
        print(f"{kind:<19} {len(group):>5}  {100 * detected / len(group):>6.1f} %  "
              + " ".join(f"{code}:{n}" for code, n in sorted(codes.items())))


if __name__ == "__main__":
    main()
