"""Word-level source checks inside aligned pairs: MT609 (meaning reversed), MT610 (number dropped)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sources_helpers import document

from audit.rules import REGISTRY, RuleContext, run_rules
from audit.sources.antonyms import reversals, stem
from audit.sources.context import pair_context

SOURCE_RULES = [r for r in REGISTRY.values() if r.needs_source]
CONTRATICO = Path(__file__).resolve().parent.parent.parent / "shared" / "peer" / "contratico_enfr.tsv"


def _findings(french: list[str], english: str, code: str) -> list[tuple[str, str]]:
    article = document(french)
    context = RuleContext(sources=pair_context(article, english, "en").sources)
    return [(article.text[f.start:f.end], f.message) for f in run_rules(article, SOURCE_RULES, context)
            if f.code == code]


def test_stems_fold_the_inflections_the_lexicon_lists_once():
    assert stem("terminées", "fr") == stem("terminer", "fr") == stem("terminé", "fr")
    assert stem("douteuse", "fr") == stem("douteux", "fr")
    assert stem("increased", "en") == stem("increase", "en") == stem("increasing", "en")
    assert stem("studies", "en") == stem("study", "en")


def test_an_antonym_is_reported_on_the_word_with_the_source_word_beside_it():
    english = "The authorities reported a rise in cases in October. The minister spoke on Monday."
    found = _findings(["Les autorités ont constaté une baisse des cas en octobre.",
                       "Le ministre s’est exprimé lundi."], english, "MT609")
    assert found == [("baisse", "« baisse » where the source has 'rise' (« augmenter »)")]
    assert not _findings(["Les autorités ont constaté une hausse des cas en octobre.",
                          "Le ministre s’est exprimé lundi."], english, "MT609")


@pytest.mark.parametrize(("french", "english"), [
    # a negated opposite is a faithful translation (MT603 compares negations)
    ("Le chemin n’est pas facile pour les équipes de secours.", "The path is difficult for the rescue teams."),
    # both sides of the pair in the article: they qualify different nouns
    ("Un grand nombre de petites entreprises ont fermé.", "A high number of small firms have closed."),
    # the source says both: nothing reversed
    ("Les cas ont augmenté en ville.", "Cases rose in the city after they fell in the countryside."),
    # the source's "no" is a negation, not the opposite of « tout »
    ("Tout n’est pas parfait pour autant.", "This is by no means perfect."),
    # an irregular form is the word itself: "sent" is « envoyés »
    ("Le programme reçoit les paquets envoyés par les développeurs.", "The program receives packages sent by developers."),
])
def test_no_reversal_without_one_sided_evidence(french, english):
    assert reversals(french, english, "en") == []


def test_french_sources_are_compared_on_their_french_words():
    assert [r.word for r in reversals("Les ventes ont connu une baisse.", "Les ventes ont connu une hausse.", "fr")] \
        == ["baisse"]


def test_a_dropped_number_is_reported_against_the_main_source():
    english = "Keep a 14-day supply of food and medication. Wash your hands often."
    found = _findings(["Il faut prévoir un stock de nourriture et de médicaments.",
                       "Lavez-vous souvent les mains."], english, "MT610")
    assert found == [("Il faut prévoir un stock de nourriture et de médicaments.",
                      "the source's 14 is not in this sentence")]


@pytest.mark.parametrize("french", [
    ["Il faut prévoir un stock de nourriture et de médicaments de 14 jours.", "Lavez-vous souvent les mains."],
    # recut: the number went to the next sentence
    ["Il faut prévoir un stock de nourriture et de médicaments.", "Il doit durer 14 jours et il faut se laver les mains."],
    # a number in its place is a mismatch (MT602), not an omission
    ["Il faut prévoir un stock de nourriture et de médicaments de 10 jours.", "Lavez-vous souvent les mains."],
])
def test_a_kept_moved_or_replaced_number_is_no_omission(french):
    assert not _findings(french, "Keep a 14-day supply of food and medication. Wash your hands often.", "MT610")


def test_a_small_number_written_out_is_kept():
    assert not _findings(["Il faut prévoir deux semaines de nourriture.", "Lavez-vous souvent les mains."],
                         "Keep a 2-week supply of food. Wash your hands often.", "MT610")
    assert not _findings(["Le projet restera totalement libre.", "Lavez-vous souvent les mains."],
                         "The project will remain 100% free. Wash your hands often.", "MT610")


def test_an_ordinal_keeps_its_number():
    assert not _findings(["La collecte relève du 7e décret sur les archives.", "Lavez-vous souvent les mains."],
                         "Collection falls under Decree 7 on archives. Wash your hands often.", "MT610")


@pytest.mark.skipif(not CONTRATICO.exists(), reason="../shared/peer/contratico_enfr.tsv absent")
def test_the_antonym_lexicon_on_contratico_alterations():
    """Recall on perturbed alterations against false alarms on the human references."""
    with CONTRATICO.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["changed"] == "1"]
    alterations = [r for r in rows if r["perturbation"] == "alteration"]
    references = list({r["id"]: r for r in rows}.values())
    recall = sum(bool(reversals(r["pert_fr"], r["src_en"], "en")) for r in alterations) / len(alterations)
    false = sum(bool(reversals(r["ref_fr"], r["src_en"], "en")) for r in references) / len(references)
    print(f"MT609 lexicon alone: alterations flagged {recall:.1%} of {len(alterations)}, "
          f"references {false:.1%} of {len(references)}")
    assert recall >= 0.2 and false <= 0.01


def test_the_new_source_rules_have_a_verdict_family_and_omissions_settle_with_the_verdict():
    from audit.config import Settings
    from audit.findings import Category, Finding, Severity
    from audit.omissions import settle_omissions
    from audit.verdict import CLEAN, Verdict
    from audit.verdict_features import FAMILIES

    assert {code for code in REGISTRY if code.startswith("MT6")} <= set(FAMILIES)
    assert (FAMILIES["MT609"], FAMILIES["MT610"]) == ("source", "coverage")  # a reversal is a mark, a cut is not
    dropped = Finding(0, 4, "MT610", "number-dropped", Category.OMISSION, Severity.MAJOR, "the source's 14", "Il f",
                      line=1, column=1)
    assert settle_omissions([dropped], Verdict(CLEAN, 0.0, 0.0, ()), Settings())[0].severity == Severity.MINOR


def test_a_sentence_far_longer_than_its_english_source_is_reported():
    english = "Older people are most at risk. The minister spoke on Monday in Paris."
    padded = "Les personnes âgées sont les plus exposées, surtout quand elles vivent seules."
    found = _findings([padded, "Le ministre s’est exprimé lundi à Paris."], english, "MT611")
    assert found == [(padded, f"{len(padded) / 30 - 1:.0%} longer than its source sentence: what does it add?")]
    assert not _findings(["Les personnes âgées sont les plus exposées au risque.",
                          "Le ministre s’est exprimé lundi à Paris."], english, "MT611")
