"""`make bench` (QE part): what the learned quality estimation costs per segment.

Times `audit.qe.estimate` on 1,000 generated English → French product-text pairs (short
titles and two-sentence descriptions, some words left in English), after a first call
that loads the model (timed separately). Best and median of batch means, as bench.py does:
on a shared machine the best batch is the one least disturbed by other processes.
Writes reports/bench/qe.json.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "reports" / "bench"
TITLES = [
    ("Stainless Steel Water Bottle, 750 ml, Blue", "Gourde en acier inoxydable, 750 ml, bleue"),
    ("Men's Running Shoes Mesh Breathable, Black", "Chaussures de course hommes Mesh respirant, noir"),
    ("Camping Lantern LED Rechargeable 300 Lumens", "Lanterne de camping LED rechargeable 300 lumens"),
]
SENTENCES = [
    ("The bottle keeps drinks cold for 24 hours and hot for 12 hours.",
     "La gourde garde les boissons froides pendant 24 heures et chaudes pendant 12 heures."),
    ("Its lightweight frame is ideal for hiking, cycling and travel.",
     "Son cadre léger est idéal pour la randonnée, le cyclisme et les voyages."),
    ("The removable strap comes with a durable nylon buckle.",
     "La sangle amovible est livrée avec une boucle nylon durable."),
]


def pairs(n: int = 1000) -> list[tuple[str, str]]:
    """Every third pair a title; the others two sentences of a description."""
    out = []
    for i in range(n):
        if i % 3 == 0:
            out.append(TITLES[i % len(TITLES)])
        else:
            first, second = SENTENCES[i % len(SENTENCES)], SENTENCES[(i + 1) % len(SENTENCES)]
            out.append((f"{first[0]} {second[0]}", f"{first[1]} {second[1]}"))
    return out


def main() -> None:
    from audit.qe import estimate

    segments = pairs()
    start = time.perf_counter()
    estimate(*segments[0])
    load_ms = 1000 * (time.perf_counter() - start)
    means = []
    for _ in range(5):
        start = time.perf_counter()
        for source, target in segments:
            estimate(source, target)
        means.append(1000 * (time.perf_counter() - start) / len(segments))
    tokens = statistics.mean(estimate(s, t).tokens for s, t in segments)
    results = {"segments": len(segments), "mean_target_tokens": round(tokens, 1), "load_ms": round(load_ms, 1),
               "ms_per_segment_best": round(min(means), 3), "ms_per_segment_median": round(statistics.median(means), 3)}
    print(f"QE model: {results['ms_per_segment_best']:.2f} ms per segment best, "
          f"{results['ms_per_segment_median']:.2f} median ({len(segments)} segments of {tokens:.0f} tokens on "
          f"average); first call loads the model in {load_ms:.0f} ms")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "qe.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
