"""The fitted English–French word-translation model (audit/sources/words.py) on words of everyday
vocabulary, and what it changes: a capitalised word it knows is translated is no changed person."""

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


@pytest.mark.parametrize(
    ("target", "source"),
    [("L’État a déclaré que les écoles resteraient fermées jusqu’en mai.", "The State said schools would stay closed until May."),
     ("Le Bureau a déclaré que les écoles resteraient fermées jusqu’en mai.", "The Office said schools would stay closed until May.")],
)
def test_a_translated_capitalised_word_is_no_person_flip(target, source):
    from audit.sources.people import flips

    assert list(flips(target, source, "en")) == []


def test_a_different_person_is_still_a_flip():
    from audit.sources.people import flips

    found = [(a.name, b.name) for a, b in flips("Le porte-parole Ivan Petrov a affirmé que les frappes continuaient.",
                                                 "Spokesman Oleg Ivanov said the strikes went on.", "en")]
    assert found == [("Ivan Petrov", "Oleg Ivanov")]
