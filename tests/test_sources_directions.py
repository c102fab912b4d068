"""Destinations of a movement (audit.sources.directions): where the news says someone goes."""

from __future__ import annotations

import pytest

from audit.sources.directions import destinations, direction_flips

SOURCE = "North Korea has begun sending soldiers to Russia to support Moscow's war in Ukraine, officials said."


@pytest.mark.parametrize(
    ("text", "lang", "keys"),
    [
        (SOURCE, "en", ["ru"]),  # "war in Ukraine" is a place, not where anyone is sent
        ("Des soldats ont été envoyés en Russie, selon Séoul.", "fr", ["ru"]),
        ("La guerre en Ukraine entre dans sa troisième année.", "fr", []),
        ("Le ministre s'est rendu à Pékin mardi.", "fr", ["cn"]),
        ("According to Russia, the talks failed.", "en", []),
    ],
)
def test_destinations(text, lang, keys):
    assert [d.key for d in destinations(text, lang)] == keys


def test_a_changed_destination_is_a_flip_with_the_source_phrase():
    target = "La Corée du Nord aurait commencé à envoyer des soldats russes en Ukraine."
    (going, wanted), = direction_flips(target, SOURCE, "en")
    assert target[going.phrase_start:going.end] == "en Ukraine"
    assert SOURCE[wanted.phrase_start:wanted.end] == "to Russia"


def test_the_same_destination_is_no_flip():
    target = "La Corée du Nord a commencé à envoyer des soldats en Russie pour soutenir Moscou en Ukraine."
    assert direction_flips(target, SOURCE, "en") == []
