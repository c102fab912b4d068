"""Fit MT611's threshold: how much longer than its English source a human French sentence runs.

`python tools/fit_length_ratio.py` reads ContraTICO's development half (../shared/peer), takes
the log length ratio log((French + 20) / (English + 20)) of each human reference and its
source, and prints the `QUANTILE` of them: the ratio above which a sentence is reported
(`audit.rules.phrases.LONGER_LOG_RATIO`). It also prints the cross-validated figures, the
threshold taken from four folds by document and applied to the fifth: the share of
references and of perturbed "expansion_impact" copies above it. Only the threshold is
shipped; the data stays where it is.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.eval_sources import CONTRATICO, FOLDS, fold_of, rows

QUANTILE = 0.99


def log_ratio(french: str, english: str) -> float:
    return math.log((len(french) + 20) / (len(english) + 20))


def main() -> None:
    if not CONTRATICO.exists():
        sys.exit(f"fit_length_ratio: {CONTRATICO} absent")
    data = [r for r in rows(CONTRATICO) if r["changed"] == "1"]
    references = {r["id"]: (fold_of(r["id"].split(":")[0]), log_ratio(r["ref_fr"], r["src_en"])) for r in data}
    expanded = [(fold_of(r["id"].split(":")[0]), log_ratio(r["pert_fr"], r["src_en"]))
                for r in data if r["perturbation"] == "expansion_impact"]
    false = found = 0
    for fold in range(FOLDS):
        threshold = np.quantile([v for k, v in references.values() if k != fold], QUANTILE)
        false += sum(v > threshold for k, v in references.values() if k == fold)
        found += sum(v > threshold for k, v in expanded if k == fold)
    threshold = float(np.quantile([v for _, v in references.values()], QUANTILE))
    print(f"LONGER_LOG_RATIO = {threshold:.3f}  (quantile {QUANTILE} of {len(references)} references)")
    print(f"cross-validated by document: references above {false / len(references):.1%}, "
          f"expansion_impact above {found / len(expanded):.1%} of {len(expanded)}")


if __name__ == "__main__":
    main()
