"""The fitted verdict model: loading, scoring, the "too short" label, and real-text accuracy.

The last test reads ../shared/peer (labelled real French) and skips when it is absent; it
refits the model on four fifths of 240 TICO-19 sentence pairs, typography neutralised (folds
by document), and checks the AUC on the held-out fifths: it measures the features, not the
shipped coefficients (which have seen these sentences).
"""

from __future__ import annotations

import json
import math
import re
import sys
import time

import pytest
from conftest import ROOT, audit_string

from audit.config import Settings
from audit.gate import failing_reasons
from audit.results import Run
from audit.verdict import LIKELY_MT_LABEL, MIN_WORDS, TOO_SHORT
from audit.verdict_features import WORD_BUCKETS, family_of, features
from audit.verdict_model import MODEL_FILE, VerdictModel, shipped_model

SPUN = ROOT / "corpora" / "samples" / "spun-north-korea.txt"
PEER = ROOT.parent / "shared" / "peer"
TICO_SENTENCES = 480  # 12 documents of 20 sentences, both translations
TICO_SENTENCE_AUC_FLOOR = 0.6


def test_shipped_model_names_its_data_and_command():
    body = json.loads((ROOT / "audit" / "data" / MODEL_FILE).read_text(encoding="utf-8"))
    model = shipped_model()
    assert re.fullmatch(r"[0-9a-f]{12}", model.version)
    assert model.signature == f"{body['name']}|sha256:{model.version}"
    training = body["training"]
    assert training["command"].startswith("python tools/fit_verdict.py")
    assert training["folds_by"] == "document"
    assert {"tico/sentences", "paracrawl", "human-news", "real-mt"} <= set(training["data"])
    assert all(sizes["human"] + sizes["mt"] > 0 for sizes in training["data"].values())


def test_scoring_is_a_logistic_of_the_dot_product():
    model = VerdictModel("toy", "000000000000", -1.0, {"a": 2.0, "b": -0.5})
    assert model.logit({"a": 1.0, "b": 2.0, "unknown": 9.0}) == pytest.approx(0.0)
    assert model.probability({"a": 1.0, "b": 2.0}) == pytest.approx(0.5)
    assert model.probability({"a": 400.0}) == pytest.approx(1.0)
    assert model.probability({"b": 2000.0}) == pytest.approx(0.0)  # no overflow either way


def test_word_features_are_stable_hash_buckets_of_unit_length():
    text = "Le chat dort. « Il dort » dit-il. Le chat dort encore."
    result = audit_string(text)
    values = features(result.document, list(result.findings))
    words = {k: v for k, v in values.items() if k.startswith("w")}
    assert all(0 <= int(k[1:]) < WORD_BUCKETS for k in words)
    assert math.isclose(sum(v * v for v in words.values()), 1.0)
    assert values == features(audit_string(text).document, list(result.findings))
    curly = audit_string(text.replace("« Il dort »", "“Il dort”"))
    assert {k: v for k, v in features(curly.document, []).items() if k.startswith("w")} == words


@pytest.mark.parametrize(("text", "family"), [
    ("Le Rassemblement national (RN.En 1995, il obtient 15 %.", "scrape"),
    ("« une menace importante »a souligné la présidence.", "typography"),
])
def test_a_full_stop_glued_to_a_capital_counts_as_scraping_not_typography(text, family):
    glued = [f for f in audit_string(text).findings if f.code == "MT103"]
    assert glued and {family_of(f) for f in glued} == {family}


def test_omissions_and_additions_carry_no_weight_in_the_verdict():
    coefficients = shipped_model().coefficients
    assert coefficients["rules:source"] > 0 and "rules:coverage" not in coefficients
    assert coefficients["rules:scrape"] > coefficients["rules:typography"] > 0


def test_the_bundled_spun_sample_is_still_likely_machine_translated():
    verdict = audit_string(SPUN.read_text(encoding="utf-8")).verdict
    assert verdict.label == LIKELY_MT_LABEL, verdict
    assert verdict.top_evidence and all(weight > 0 for _, weight in verdict.top_evidence)


def test_a_short_text_is_too_short_to_judge_and_not_gated_on_likelihood():
    result = audit_string("Est-ce que vous venez demain soir?")
    assert result.document.word_count < MIN_WORDS
    assert result.verdict.label == TOO_SHORT
    assert any(f.code == "MT104" for f in result.findings)  # the finding is kept
    run = Run((result,), (), Settings(max_mt_likelihood=0.0))
    assert not failing_reasons(result, run)


def test_a_long_text_is_judged_and_gated_on_likelihood():
    result = audit_string(SPUN.read_text(encoding="utf-8"))
    run = Run((result,), (), Settings(max_mt_likelihood=0.1))
    assert any("mt_likelihood" in reason for reason in failing_reasons(result, run))


@pytest.mark.skipif(not PEER.exists(), reason=f"labelled real data not found at {PEER} (outside the repo)")
def test_cross_validated_auc_on_real_tico_sentences():
    pytest.importorskip("scipy", reason="fitting needs scipy (the dev extra)")
    sys.path.insert(0, str(ROOT / "tools"))
    import fit_verdict
    import real_data

    from audit.evaluation import roc_auc

    start = time.perf_counter()
    items = [i for i in real_data.tico() if i.dataset == "tico/neutral-sentences"][:TICO_SENTENCES]
    observations = fit_verdict.observe(items)
    predicted = fit_verdict.out_of_fold(observations, penalty=1.0)  # stronger: fewer iterations
    auc = roc_auc([p for p, o in zip(predicted, observations) if o.item.label],
                  [p for p, o in zip(predicted, observations) if not o.item.label])
    print(f"\nTICO-19 sentences, typography neutralised, {len(items)} items: cross-validated AUC {auc:.3f}"
          f" ({time.perf_counter() - start:.1f} s)")
    assert auc >= TICO_SENTENCE_AUC_FLOOR
