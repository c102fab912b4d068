"""Document language (langdetect, seeded) and word evidence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector

from audit.ingest import RawText
from audit.language import (
    _detector_class,
    _langdetect_factory,
    english_lexicon,
    french_lexicon,
)
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


def ngrams_both_ways(text: str) -> tuple[list[str], list[str]]:
    factory = _langdetect_factory()
    original, fast = Detector(factory), _detector_class()(factory)
    for detector in (original, fast):
        detector.append(text)
        detector.cleaning_text()
    return Detector._extract_ngrams(original), fast._extract_ngrams()


def test_fast_ngram_extraction_matches_langdetect_on_the_seed_like_text():
    text = ("Selon cette Source, l'ONU a confirmé « l'envoi » de 1 500 soldats. "
            "NEXT: For Latest Updates Follow us on Google News! Zelenskiy à Oussouriisk (Russie)")
    original, fast = ngrams_both_ways(text)
    assert len(original) > 100 and fast == original


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)
       | st.text(alphabet="aAbBéÉ  .,'«»-ŒœNORDnord", max_size=300))
def test_fast_ngram_extraction_matches_langdetect_on_any_text(text):
    original, fast = ngrams_both_ways(text)
    assert fast == original
