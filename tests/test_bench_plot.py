"""The hand-written SVG of `make bench` is well-formed and draws one bar per value."""

from __future__ import annotations

import importlib.util
from xml.etree import ElementTree

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_plot", ROOT / "tools" / "bench_plot.py")
bench_plot = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_plot)

PEERS = {
    "articles": 14, "annotated_spans": 156,
    "process_ms_per_article": {"mtaudit": 250.0, "grammalecte": 540.0},
    "in_process_ms_per_article": {"mtaudit": 8.6, "sacrebleu_chrf": 8.2, "grammalecte": 113.0},
    "spans_found": {"mtaudit": 148, "grammalecte": 82, "either": 152},
}


def test_plot_is_valid_svg_with_a_bar_per_value():
    root = ElementTree.fromstring(bench_plot.svg(PEERS))
    bars = root.findall("{http://www.w3.org/2000/svg}rect")[1:]  # after the background
    assert len(bars) == 8
    assert max(float(b.get("width")) for b in bars) <= float(root.get("width"))
