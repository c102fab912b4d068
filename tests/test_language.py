"""Document language (langdetect, seeded) and word evidence."""

from __future__ import annotations

from audit.ingest import RawText
from audit.language import body_sample, document_language, english_lexicon, french_lexicon
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


def test_body_sample_prefers_long_sentences_in_reading_order():
    text = "Menu\n\nAccueil\n\n" + "Une longue phrase française sur la guerre en Ukraine. " * 20
    document = segment(RawText("<t>", text, "utf-8", "text/plain", ()))
    sample = body_sample(document)
    assert "Menu" not in sample and sample.startswith("Une longue phrase")


def test_word_lists_tell_english_from_french():
    english = english_lexicon()
    assert english["follow"] > 1.0 and english["the"] > 1.0
    assert "source" not in english or english["source"] < 1.0
    assert {"source", "soldat", "guerre"} <= french_lexicon()
