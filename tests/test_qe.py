"""Learned quality estimation (audit.qe): the scorer, the features, the shipped model.

The scorer and span tests use hand-made examples with known answers; the model tests load
the shipped weights; one opt-in test reads the WMT20 dev data in ../shared/peer and skips,
saying so, when it is absent.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from audit.findings import Category, Severity
from audit.qe import ErrorSpan, document_score, estimate, marked_spans, mqm, signature
from audit.qe.features import FEATURES, token_features
from audit.qe.model import STACKED, forest_from_sklearn, load, save
from audit.qe.scoring import Span, pearson, span_scores

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "peer" / "wmt20_qe_task3_enfr_dev_mqm.tsv"

SOURCE = "The stainless steel water bottle keeps drinks cold for 24 hours."
GOOD = "La gourde en acier inoxydable garde les boissons au frais pendant 24 heures."
UNTRANSLATED = "La stainless steel water bottle keeps les boissons cold pour 24 hours."


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        # 4 of 6 predicted characters are gold; 4 of 8 gold characters found
        ([Span("d", 0, 0, 8)], [Span("d", 0, 4, 6)], (4 / 6, 4 / 8)),
        # overlapping predicted rows count once; another segment's offsets never match
        ([Span("d", 0, 0, 4)], [Span("d", 0, 0, 3), Span("d", 0, 1, 3), Span("d", 1, 0, 4)], (4 / 8, 4 / 4)),
        # micro-average over documents: pooled characters, not a mean of per-document F1
        ([Span("a", 0, 0, 10), Span("b", 0, 0, 2)], [Span("a", 0, 0, 10)], (1.0, 10 / 12)),
        ([Span("d", 0, 0, 4)], [], (0.0, 0.0)),
    ],
)
def test_span_scores_count_characters_micro_averaged(gold, predicted, expected):
    result = span_scores(gold, predicted)
    precision, recall = expected
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert (result.precision, result.recall) == pytest.approx((precision, recall))
    assert result.f1 == pytest.approx(f1)


def test_pearson_known_values_and_degenerate_cases():
    assert pearson([1, 2, 3, 4], [2, 4, 6, 8]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 1, 2]) == pytest.approx(-0.5)
    assert math.isnan(pearson([1, 1, 1], [1, 2, 3]))
    with pytest.raises(ValueError):
        pearson([1, 2], [1])


def test_features_flag_words_copied_from_the_source():
    target_tokens, dense = token_features(SOURCE, UNTRANSLATED)
    assert dense.shape == (len(target_tokens), len(FEATURES))
    copied = {t.text for t, row in zip(target_tokens, dense) if row[FEATURES.index("in_source_lower")]}
    assert {"stainless", "steel", "bottle", "24"} <= copied
    assert "boissons" not in copied


def test_marked_tokens_join_into_phrases_with_their_spaces():
    text = "un grand stainless steel ici"
    target_tokens, dense = token_features("stainless steel", text)
    spans = marked_spans(target_tokens, dense, np.array([0, 1, 1, 1, 0], float), 0.5)
    assert [text[s.start : s.end] for s in spans] == ["grand stainless steel"]
    assert spans[0].category is Category.UNTRANSLATED and spans[0].severity is Severity.MAJOR
    spans = marked_spans(target_tokens, dense, np.array([1, 0, 0, 0, 1], float), 0.5)
    assert [(text[s.start : s.end], s.category) for s in spans] == [
        ("un", Category.MISTRANSLATION), ("ici", Category.MISTRANSLATION)]


def test_shipped_model_loads_with_the_features_this_code_computes():
    model = load()
    assert tuple(model.meta["features"]) == STACKED
    assert 0 < model.threshold < 1
    assert model.penalty(np.array([0.9, 0.9, 0.9])) > model.penalty(np.array([0.01, 0.01, 0.01])) > 0
    assert model.meta["data"]["file"].startswith("wmt20_qe_task3_enfr_train")
    assert signature().startswith("qe:wmt20_qe_task3_enfr_train_mqm.tsv|threshold:0.")
    assert len(signature().rsplit(":", 1)[1]) == 12


def test_estimate_is_deterministic_and_marks_english_left_in_the_target():
    first, second = estimate(SOURCE, UNTRANSLATED), estimate(SOURCE, UNTRANSLATED)
    assert first == second
    marked = {UNTRANSLATED[s.start : s.end] for s in first.spans}
    assert any("stainless" in m for m in marked), marked
    assert all(isinstance(s, ErrorSpan) and 0 <= s.start < s.end <= len(UNTRANSLATED) for s in first.spans)


def test_estimate_scores_a_good_translation_above_an_untranslated_one():
    good, bad = estimate(SOURCE, GOOD), estimate(SOURCE, UNTRANSLATED)
    assert good.score > bad.score
    assert good.penalty < bad.penalty
    assert document_score([good, bad]) == pytest.approx(
        max(0, 100 - 100 * (good.penalty + bad.penalty) / (good.tokens + bad.tokens)), abs=0.01)
    assert document_score([]) == 100.0 and mqm(50, 10) == 0.0


def test_empty_target_has_no_spans_and_a_perfect_score():
    assert estimate("Hello.", "") == estimate("", "") == estimate("Hello.", "  \n")
    assert estimate("", "").spans == () and estimate("", "").score == 100.0


def test_flattened_forests_match_scikit_learn():
    ensemble = pytest.importorskip("sklearn.ensemble", reason="scikit-learn (the dev extra) fits the model")
    rng = np.random.RandomState(0)
    x = rng.rand(400, 4)
    x[::5, 2] = np.nan  # missing values take the side the trees learned
    y = (x[:, 0] + np.nan_to_num(x[:, 2], nan=0.8) > 1.0) ^ (rng.rand(400) < 0.1)
    classifier = ensemble.HistGradientBoostingClassifier(max_iter=20, early_stopping=False, random_state=0).fit(x, y)
    assert forest_from_sklearn(classifier).raw(x) == pytest.approx(classifier.decision_function(x), abs=1e-9)
    counts = rng.poisson(1 + 5 * x[:, 0])
    regressor = ensemble.HistGradientBoostingRegressor(loss="poisson", max_iter=20, max_depth=3).fit(x, counts)
    assert np.exp(forest_from_sklearn(regressor).raw(x)) == pytest.approx(regressor.predict(x), rel=1e-9)


def test_a_model_fitted_on_other_features_is_refused(tmp_path):
    from dataclasses import replace

    model = load()
    path = tmp_path / "old.npz"
    save(path, replace(model, meta={**model.meta, "features": ["word"]}))
    with pytest.raises(ValueError, match="make train-qe"):
        load(path)


@pytest.mark.skipif(not DEV.exists(), reason="../shared/peer (WMT20 QE dev data) absent")
def test_model_beats_marking_everything_on_dev_documents():
    """Opt-in, a few seconds: the first 40 dev documents; the full figures are `make eval`'s."""
    from audit.qe.wmt import read_segments

    segments = read_segments(DEV)
    docs = sorted({s.doc for s in segments})[:40]
    segments = [s for s in segments if s.doc in docs]
    gold = [Span(s.doc, s.seg, e.start, e.end - e.start) for s in segments for e in s.errors]
    predicted = [Span(s.doc, s.seg, e.start, e.end - e.start) for s in segments for e in estimate(s.source, s.mt).spans]
    model, every = span_scores(gold, predicted), span_scores(gold, [Span(s.doc, s.seg, 0, len(s.mt)) for s in segments])
    print(f"\n{len(docs)} dev documents: model P {model.precision:.3f} R {model.recall:.3f} F1 {model.f1:.3f}; "
          f"every character F1 {every.f1:.3f}")
    assert model.f1 > every.f1 + 0.05
