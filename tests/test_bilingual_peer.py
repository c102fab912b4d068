"""Opt-in: the segment checks on real English–French pairs of ../shared/peer/ (figures printed).

Professional translations (ContraTICO references) should rarely trip a segment check; a unit
with an injected omission should trip one more often than a reference does. Skips when the
peer data, which lives outside the repository, is absent.
"""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
eval_segments = pytest.importorskip("eval_segments")

pytestmark = pytest.mark.skipif(not eval_segments.PEER.exists(), reason=f"{eval_segments.PEER} not found")


def test_segment_checks_rarely_fire_on_human_units_and_catch_some_omissions():
    contra = [r for r in eval_segments.rows("contratico_enfr.tsv") if r["changed"] != "0"]
    references = {r["id"]: (r["src_en"], r["ref_fr"]) for r in contra}
    ids = sorted(references)
    on_references = dict(zip(ids, eval_segments.flagged_units([references[i] for i in ids])))
    omissions = [r for r in contra if r["perturbation"] == "omission"]
    on_omissions = eval_segments.flagged_units([(r["src_en"], r["pert_fr"]) for r in omissions])
    alarms = sum(1 for codes in on_references.values() if codes) / len(references)
    caught = sum(1 for r, codes in zip(omissions, on_omissions) if codes - on_references[r["id"]]) / len(omissions)
    print(f"\nsegment checks: false alarms on {len(references)} human units {alarms:.1%}; "
          f"omissions flagged {caught:.1%} of {len(omissions)}")
    assert alarms < 0.03
    assert caught > 2 * alarms


def test_length_bounds_lie_outside_every_human_ratio():
    from audit.resources import data_toml

    bounds = data_toml("segment_checks.toml")["length"]
    ratios = eval_segments.length_ratios()
    print(f"\nlength ratios of {len(ratios)} human pairs: {ratios[0]:.2f}..{ratios[-1]:.2f}")
    assert bounds["low"] < ratios[0] and ratios[-1] < bounds["high"]
