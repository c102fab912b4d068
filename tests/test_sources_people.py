"""People in a sentence: who counts as a named person, and which spellings are one name."""

from __future__ import annotations

import pytest

from audit.sources.people import people, skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [("Shoigu", "Choïgou"), ("Zelenskiy", "Zelenski"), ("Zelenskyy", "Zelensky"), ("Netanyahu", "Netanyahou"),
     ("Prigozhin", "Prigojine"), ("Lukashenko", "Loukachenko"), ("Gerasimov", "Guerassimov")],
)
def test_transliterations_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


def test_different_names_do_not():
    assert skeleton("Rutte") != skeleton("Stoltenberg") and skeleton("Volodymyr") != skeleton("Vladimir")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("NATO Deputy Secretary General Radmila Shekerinska said the alliance could not confirm it.", "en",
         [("Radmila Shekerinska", {"title", "speaker"})]),
        ("Le ministre de la Défense, Rustem Oumerov, a annoncé un accord.", "fr",
         [("Rustem Oumerov", {"title", "speaker"})]),
        ("Selon Oleg Ivanov, les frappes continuent.", "fr", [("Oleg Ivanov", {"speaker"})]),
        ("Le ministre a rencontré Paul Durand à Kiev.", "fr", []),
        ("Elle a déclaré que la Corée du Nord a envoyé des troupes.", "fr", []),
        ("Vladimir Poutine a déclaré que l’offensive continuerait.", "fr", []),  # the lexicon's
    ],
)
def test_people_are_names_with_a_title_or_a_speech_verb(text, lang, expected):
    assert [(p.name, set(p.roles)) for p in people(text, lang)] == expected
