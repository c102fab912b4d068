"""Sentence chrF/BLEU/TER against a French source agree with sacrebleu and carry signatures."""

from __future__ import annotations

from sacrebleu.metrics import BLEU, CHRF, TER

from audit.scores.reference import reference_scores, signatures

HYPOTHESIS = "Le Kremlin, pourtant allié de Pyongyang, dément au jour d’aujourd’hui toute implication."
REFERENCE = "Le Kremlin, allié de Pyongyang, dément toute implication."


def test_scores_match_sacrebleu():
    scores = reference_scores(HYPOTHESIS, REFERENCE)
    assert scores.chrf == round(CHRF().sentence_score(HYPOTHESIS, [REFERENCE]).score, 2)
    assert scores.bleu == round(BLEU(effective_order=True).sentence_score(HYPOTHESIS, [REFERENCE]).score, 2)
    assert scores.ter == round(TER().sentence_score(HYPOTHESIS, [REFERENCE]).score, 2)
    assert reference_scores(REFERENCE, REFERENCE).to_dict() == {"chrf": 100.0, "bleu": 100.0, "ter": 0.0}


def test_short_sentence_bleu_uses_effective_order():
    assert reference_scores("Une grave menace", "Une grave menace").bleu == 100.0


def test_signatures_name_options_and_version():
    found = signatures()
    assert set(found) == {"chrf", "bleu", "ter"}
    assert "eff:yes" in found["bleu"] and "nc:6" in found["chrf"]
    assert all("version:" in s for s in found.values())
