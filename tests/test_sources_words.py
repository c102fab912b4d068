"""The fitted English–French word-translation model (audit/sources/words.py) on words of everyday vocabulary."""

from __future__ import annotations

import pytest

from audit.sources.words import key, known, stem, translation, words


@pytest.mark.parametrize(
    ("english", "french"),
    [("chest", "poitrine"), ("left", "gauche"), ("masks", "masques"), ("England", "Angleterre"),
     ("State", "État"), ("problems", "problèmes"), ("low", "faible"), ("demand", "demande")],
)
def test_translations_the_model_knows(english, french):
    assert translation(english, french, "en") >= 0.3
    assert translation(french, english, "fr") == translation(english, french, "en")


@pytest.mark.parametrize(
    ("english", "french"),
    [("chest", "gauche"), ("left", "droite"), ("Russia", "Ukraine"), ("low", "forte"), ("masks", "poitrine")],
)
def test_words_that_do_not_translate_each_other(english, french):
    assert translation(english, french, "en") < 0.05


def test_inflections_share_one_entry_and_unknown_words_are_unknown():
    assert stem("Touchées") == stem("touché") == "touche" and key("Touchées") == key("touchés")
    assert known("poitrine", "fr") and known("chest", "en")
    assert not known("zxqwvbnm", "en")


def test_words_are_letters_only():
    assert words("Le 12e cas, à l’hôpital (COVID-19).") == ["Le", "e", "cas", "à", "l", "hôpital", "COVID"]
