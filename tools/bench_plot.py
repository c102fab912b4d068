"""`make bench` (last step): reports/bench/bench.svg, the peer comparison as bar charts.

Reads reports/bench/peers.json (tools/bench_peers.py) and draws three panels: time per
article as a whole process, time per article in-process, and annotated spans found. The SVG
is written by hand, so the bench needs no plotting library.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reports" / "bench"
WIDTH, LABEL, BAR, GAP = 660, 170, 18, 6
COLOURS = {"mtaudit": "#2b6cb0", "mtaudit_same_category": "#63a4e0", "grammalecte": "#c05621",
           "sacrebleu_chrf": "#718096", "either": "#38a169"}


def panel(title: str, values: dict[str, float], unit: str, top: int) -> tuple[list[str], int]:
    """SVG elements for one titled group of bars, scaled to its largest value; and its height."""
    parts = [f'<text x="0" y="{top + 14}" font-weight="bold">{escape(title)}</text>']
    largest = max(values.values()) or 1
    y = top + 24
    for name, value in values.items():
        length = (WIDTH - LABEL - 110) * value / largest
        parts += [
            f'<text x="{LABEL - 8}" y="{y + 13}" text-anchor="end">{escape(name.replace("_", " "))}</text>',
            f'<rect x="{LABEL}" y="{y}" width="{length:.1f}" height="{BAR}" fill="{COLOURS.get(name, "#4a5568")}"/>',
            f'<text x="{LABEL + length + 6:.1f}" y="{y + 13}">{value:g} {escape(unit)}</text>',
        ]
        y += BAR + GAP
    return parts, y - top + 12


def svg(peers: dict) -> str:
    panels = [
        (f"Whole process per article ({peers['articles']} articles)", peers["process_ms_per_article"], "ms"),
        ("In-process per article, once loaded", peers["in_process_ms_per_article"], "ms"),
        (f"Annotated spans found (of {peers['annotated_spans']})", peers["spans_found"], ""),
    ]
    parts, top = [], 0
    for title, values, unit in panels:
        elements, height = panel(title, values, unit, top)
        parts += elements
        top += height
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{top}" '
            f'font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(parts) + "\n</svg>\n")


def main() -> None:
    source = OUT / "peers.json"
    if not source.exists():
        print("no reports/bench/peers.json: run tools/bench_peers.py first; no plot written")
        return
    (OUT / "bench.svg").write_text(svg(json.loads(source.read_text(encoding="utf-8"))), encoding="utf-8")
    print(f"plot               {(OUT / 'bench.svg').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
