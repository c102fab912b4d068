"""The fitted English–French word-translation model (audit/sources/words.py) on words of everyday
vocabulary, and what it changes: a capitalised word it knows is translated is no changed person."""

from __future__ import annotations

from pathlib import Path

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


def _coverage_findings(french: list[str], english: str, code: str) -> list[tuple[str, str]]:
    from sources_helpers import document

    from audit.rules import REGISTRY, RuleContext, run_rules
    from audit.sources.context import pair_context

    article = document(french)
    context = RuleContext(sources=pair_context(article, english, "en").sources)
    rules = [r for r in REGISTRY.values() if r.needs_source]
    return [(article.text[f.start:f.end], f.message) for f in run_rules(article, rules, context) if f.code == code]


def test_a_dropped_clause_is_reported_with_the_source_phrase():
    english = ("The network sends its weekly report to the ministry, together with detailed hospital admission "
               "figures for each region. Schools will reopen in September.")
    found = _coverage_findings(["Le réseau envoie son rapport hebdomadaire au ministère.",
                                "Les écoles rouvriront en septembre."], english, "MT612")
    assert found == [("Le réseau envoie son rapport hebdomadaire au ministère.",
                      ("no word here translates the source's 'together with detailed hospital admission figures "
                      "for each region'"))]


def test_an_added_clause_is_reported_on_the_phrase():
    found = _coverage_findings([("Les écoles de la région rouvriront leurs portes en septembre, avec une nouvelle "
                                "cantine gratuite pour chaque élève du village."), "Les musées restent fermés."],
                               "Schools in the region will reopen their doors in September. Museums stay closed.", "MT613")
    assert [text for text, _ in found] == ["nouvelle cantine gratuite pour chaque élève du village"]


def test_a_faithful_or_reworded_translation_has_no_phrase_findings():
    english = ("The network sends its weekly report to the ministry, together with detailed hospital admission "
               "figures for each region. Wash your hands often.")
    french = [("Le réseau adresse chaque semaine son rapport au ministère, avec le détail des admissions à l’hôpital "
              "pour chaque région."), "Lavez-vous les mains souvent."]
    assert _coverage_findings(french, english, "MT612") == []
    assert _coverage_findings(french, english, "MT613") == []


CONTRATICO = Path(__file__).resolve().parent.parent.parent / "shared" / "peer" / "contratico_enfr.tsv"


@pytest.mark.skipif(not CONTRATICO.exists(), reason="../shared/peer/contratico_enfr.tsv absent")
def test_phrase_thresholds_on_contratico():
    """MT612/MT613's phrase test on whole pairs (no alignment): rare on human references,
    several times more frequent on the copies with a dropped or added phrase."""
    import csv

    from audit.rules.word_coverage import MIN_ADDED, MIN_OMITTED
    from audit.sources.words import unrendered

    with CONTRATICO.open(encoding="utf-8", newline="") as handle:
        data = [r for r in csv.DictReader(handle, delimiter="\t") if r["changed"] == "1"]
    references = {r["id"]: r for r in data}.values()
    dropped = [bool(unrendered(r["src_en"], r["pert_fr"], "en", MIN_OMITTED)) for r in data if r["perturbation"] == "omission"]
    added = [bool(unrendered(r["pert_fr"], r["src_en"], "fr", MIN_ADDED)) for r in data if r["perturbation"] == "expansion_impact"]
    false_dropped = [bool(unrendered(r["src_en"], r["ref_fr"], "en", MIN_OMITTED)) for r in references]
    false_added = [bool(unrendered(r["ref_fr"], r["src_en"], "fr", MIN_ADDED)) for r in references]
    shares = [sum(flags) / len(flags) for flags in (dropped, false_dropped, added, false_added)]
    print("omissions {:.1%} (references {:.1%}), additions {:.1%} (references {:.1%})".format(*shares))
    assert shares[1] <= 0.01 and shares[3] <= 0.01
    assert shares[0] >= 5 * max(shares[1], 0.002) and shares[2] >= 5 * max(shares[3], 0.002)
