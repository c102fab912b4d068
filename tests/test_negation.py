"""Negation with its grammar (audit.rules.negation), and MT603 on pairs that used to flip falsely."""

from __future__ import annotations

import pytest
from sources_helpers import context_with, document

from audit.rules import REGISTRY, RuleContext, run_rules
from audit.rules.negation import lexical_negation, negation, negative


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("Le ministre ne viendra pas à Séoul.", "pas"),
        ("Il n’a jamais confirmé ces chiffres.", "jamais"),
        ("Elle n’en a rien dit aux journalistes.", "rien"),
        ("Pas de soldats n’ont été vus à la frontière.", "Pas"),
        ("Le porte-parole n’y voit plus aucun intérêt.", "n’y voit plus"),
        ("Il ne fait pas un seul pas sans son escorte.", "pas"),
        ("Ce n’est pas clair.", "pas"),
        ("Ce colis ne peut être livré en Corse.", "ne peut"),
        ("Il ne peut pas venir.", "pas"),
    ],
)
def test_negations_are_found(text, marker):
    found = negation(text, "fr")
    assert found is not None and found.group() == marker


@pytest.mark.parametrize(
    "text",
    [
        "Cet accord est un premier pas vers la paix.",
        "La taille du pas de temps est fixée à une seconde.",
        "Les soldats avancent au pas, pas à pas, vers la frontière.",
        "Il ne reste plus que deux jours avant le vote.",
        "Le pays ne compte que trois hôpitaux dans la région.",
        "Plus que jamais, l’alliance doit rester unie.",
        "Cette victoire restera à jamais dans les mémoires.",
        "Les frappes se poursuivent sans cesse depuis lundi.",
        "Le risque est nettement plus élevé après 70 ans.",
        "Marcher 2 000 pas par jour suffit à entretenir la forme.",
        "Ce programme ne peut être distribué que sous la même licence.",
    ],
)
def test_words_that_only_look_negative_are_not_markers(text):
    assert negation(text, "fr") is None


@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        ("It is unclear whether the troops have left.", "en", "unclear"),
        ("The cause of the fire remains unknown.", "en", "unknown"),
        ("Le nombre de victimes reste inconnu.", "fr", "inconnu"),
        ("Les moyens sont insuffisants pour reconstruire.", "fr", "insuffisants"),
        ("Cette mesure est illégale selon la cour.", "fr", "illégale"),
    ],
)
def test_lexical_negations(text, lang, word):
    assert lexical_negation(text, lang) == word and negative(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Passengers are prohibited from changing seats.", "en"),
        ("The packaging is PVC free.", "en"),
        ("Peu de cas sont signalés chez les enfants.", "fr"),
        ("Réservez un vol direct, sinon choisissez bien la correspondance.", "fr"),
        ("Le ticket est clos quand le défaut est corrigé ou plus pertinent.", "fr"),
    ],
)
def test_words_that_negate_their_object_are_weak_negations(text, lang):
    assert negative(text, lang) and negation(text, lang) is None


def test_not_just_is_no_negation():
    assert negation("The ball is back, and not just with children.", "en") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The information was released on Friday.", "en"),
        ("Ces informations ont été publiées vendredi.", "fr"),
        ("Le pays importe son gaz de Norvège.", "fr"),
        ("They will understand the risk.", "en"),
        ("Il a une impression de déjà-vu.", "fr"),
    ],
)
def test_prefixed_words_that_negate_nothing(text, lang):
    assert not negative(text, lang)


SOURCE_RULES = [r for r in REGISTRY.values() if r.needs_source]


def _flips(target: str, source: str, tmp_path) -> list[str]:
    path = tmp_path / "source.txt"
    path.write_text(source + "\n", encoding="utf-8")
    article = document([target])
    context = RuleContext(sources=context_with(article, path).sources)
    return [f.text for f in run_rules(article, SOURCE_RULES, context) if f.code == "MT603"]


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("Cet accord est un premier pas vers une trêve durable entre les deux pays.",
         "This agreement is a first step towards a lasting truce between the two countries."),
        ("Nous avons réduit la taille du pas pour que la simulation reste stable.",
         "We reduced the step size so that the simulation remains stable."),
        ("Il n’est pas clair que les troupes aient quitté la région frontalière.",
         "It is unclear whether the troops have left the border region."),
        ("Le nombre exact de soldats déployés reste inconnu à ce jour.",
         "The exact number of soldiers deployed is not known to this day."),
        ("Il ne reste plus que deux jours avant le vote du parlement.",
         "Only two days are left before the parliament votes."),
        ("Des milliers de familles sont désormais sans abri après la tempête.",
         "Thousands of families are now homeless after the storm."),
        ("Le ticket est clos quand le défaut est corrigé ou plus pertinent.",
         "The ticket is closed when the defect is fixed or no longer relevant."),
    ],
)
def test_no_false_negation_flip(tmp_path, target, source):
    assert _flips(target, source, tmp_path) == []


def test_an_added_negation_is_still_a_flip(tmp_path):
    target = "Le ministre ne se rendra pas à Séoul la semaine prochaine."
    assert _flips(target, "The minister will travel to Seoul next week.", tmp_path) == ["pas"]
