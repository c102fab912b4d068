"""Document language (langdetect's profiles, scored exactly) and word evidence."""

from __future__ import annotations

from collections import Counter

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector

from audit.ingest import RawText
from audit.language import _langdetect_tables, _naive_bayes, detect, english_lexicon, french_lexicon
from audit.language_share import document_language
from audit.segment import segment


def language_of(text: str):
    return document_language(segment(RawText("<t>", text, "utf-8", "text/plain", ())))


def test_french_english_and_other_scripts():
    assert language_of("Le Kremlin a démenti vendredi la présence de soldats nord-coréens.").code == "fr"
    assert language_of("The Kremlin on Friday denied that North Korean soldiers were there.").code == "en"
    assert language_of("Кремль опроверг присутствие северокорейских солдат в России.").code == "und"
    assert language_of("1234 5678 !!!").code == "und"


def test_detection_is_deterministic():
    text = "Le soutien de Pyongyang à Moscou franchit une étape, selon Séoul."
    assert len({language_of(text) for _ in range(5)}) == 1


def test_language_is_the_largest_share_of_the_text():
    french = "Une longue phrase française sur la guerre en Ukraine et ses conséquences. " * 20
    english = "A long English sentence about the war in Ukraine and what follows from it. " * 3
    guess = language_of(french + "\n\n" + english)
    assert guess.code == "fr" and 0.6 <= guess.probability < 1.0
    assert language_of(english * 4 + "\n\n" + french[:300]).code == "en"


def test_word_lists_tell_english_from_french():
    english = english_lexicon()
    assert english["follow"] > 1.0 and english["the"] > 1.0
    assert "source" not in english or english["source"] < 1.0
    assert {"source", "soldat", "guerre"} <= french_lexicon()


def ngrams_both_ways(text: str) -> tuple[Counter, Counter, bool]:
    """langdetect's n-grams of the text (followed by a space, as every word is) and the
    word-by-word n-grams the exact scorer sums."""
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    factory.word_lang_prob_map, factory.langlist = _langdetect_tables()
    original = Detector(factory)
    original.append(text + " ")
    appended = original.text
    original.cleaning_text()
    cleaned = original.text != appended  # Latin letters dropped from mostly non-Latin text
    scorer = _naive_bayes()
    mine = [gram for word in scorer.words_of(text) for gram in scorer.ngrams(word)]
    return Counter(original._extract_ngrams()), Counter(mine), cleaned


def test_word_by_word_ngrams_match_langdetect_on_the_seed_like_text():
    text = ("Selon cette Source, l'ONU a confirmé « l'envoi » de 1 500 soldats. "
            "NEXT: For Latest Updates Follow us on Google News! Zelenskiy à Oussouriisk (Russie)")
    original, mine, cleaned = ngrams_both_ways(text)
    assert sum(original.values()) > 100 and mine == original and not cleaned


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), max_size=300)
       | st.text(alphabet="aAbBéÉ  .,'«»-ŒœNORDnord", max_size=300))
def test_word_by_word_ngrams_match_langdetect_on_any_text(text):
    original, mine, cleaned = ngrams_both_ways(text)
    assume(not cleaned)  # `detect` never scores mostly non-Latin text
    assert mine == original


def test_exact_scoring_agrees_with_langdetect_sampling_on_clear_text():
    """The posterior langdetect's random trials converge to, computed once."""
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    factory.word_lang_prob_map, factory.langlist = _langdetect_tables()
    factory.set_seed(0)
    samples = {
        "fr": "Le ministère sud-coréen de la Défense affirme que des soldats nord-coréens sont arrivés en Russie.",
        "en": "South Korea's defence ministry says North Korean soldiers have arrived in Russia for training.",
        "es": "El ministerio de Defensa surcoreano afirma que soldados norcoreanos han llegado a Rusia.",
        "it": "Il ministero della Difesa sudcoreano afferma che soldati nordcoreani sono arrivati in Russia.",
        "de": "Das südkoreanische Verteidigungsministerium sagt, nordkoreanische Soldaten seien in Russland.",
    }
    for code, text in samples.items():
        sampler = factory.create()
        sampler.append(text)
        assert sampler.detect() == code
        guess = detect(text)
        assert guess.code == code and guess.probability > 0.9
