"""Every rule flags its positive examples and passes its negative ones; data entries too."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, codes
from rule_examples import EXAMPLES, SEGMENT_EXAMPLES

from audit.resources import data_toml
from audit.rules import REGISTRY

SOURCE_FREE = sorted(code for code, rule_ in REGISTRY.items() if not rule_.needs_source and not rule_.bilingual)
BILINGUAL = sorted(code for code, rule_ in REGISTRY.items() if rule_.bilingual)


@pytest.mark.parametrize("code,bad,good,settings", EXAMPLES, ids=[f"{e[0]}-{i}" for i, e in enumerate(EXAMPLES)])
def test_rule_flags_bad_and_passes_good(code, bad, good, settings):
    assert code in codes(bad, **settings), f"{code} missed: {bad!r}"
    assert code not in codes(good, **settings), f"{code} false alarm: {good!r}"


@pytest.mark.parametrize("code", SOURCE_FREE)
def test_every_rule_has_examples_and_documentation(code):
    rule_ = REGISTRY[code]
    assert any(example[0] == code for example in EXAMPLES), f"{code} has no example in rule_examples.py"
    doc = rule_.documentation
    assert "Why:" in doc and "Example:" in doc and "Use instead:" in doc
    assert re.fullmatch(r"MT\d{3}", code)


def _segment_codes(pairs, **settings) -> list[str]:
    from audit.bilingual import Unit, joined
    from audit.config import Settings
    from audit.pipeline import audit_text

    units = [Unit(str(n), source, target) for n, (source, target) in enumerate(pairs, 1)]
    raw = joined("<test>.xlf", units, "application/xliff+xml")
    if "glossary" in settings:
        settings["glossary"] = str(ROOT / settings["glossary"])
    return [f.code for f in audit_text(raw, Settings(**settings)).findings]


@pytest.mark.parametrize("code,bad,good,settings", SEGMENT_EXAMPLES,
                         ids=[f"{e[0]}-{i}" for i, e in enumerate(SEGMENT_EXAMPLES)])
def test_segment_check_flags_bad_units_and_passes_good_ones(code, bad, good, settings):
    assert code in _segment_codes(bad, **settings), f"{code} missed: {bad!r}"
    assert code not in _segment_codes(good, **settings), f"{code} false alarm: {good!r}"


@pytest.mark.parametrize("code", BILINGUAL)
def test_every_segment_check_has_examples_and_documentation(code):
    doc = REGISTRY[code].documentation
    assert any(example[0] == code for example in SEGMENT_EXAMPLES), f"{code} has no example in rule_examples.py"
    assert "Why:" in doc and "Example:" in doc and "Use instead:" in doc and code.startswith("MT7")


def test_segment_checks_find_nothing_in_a_monolingual_document():
    text = "Supprimer ce fichier. Nous nous réjouissons. Ouvrez le le fichier." + EXAMPLES[0][1][-200:]
    assert not set(codes(text)) & set(BILINGUAL)


def _data_entries():
    for name, table in [
        ("boilerplate.toml", "line"),
        ("calques.toml", "calque"),
        ("grammar.toml", "pattern"),
        ("transliteration_patterns.toml", "pattern"),
    ]:
        for i, entry in enumerate(data_toml(name)[table]):
            yield pytest.param(name, entry, id=f"{name}-{i}")


@pytest.mark.parametrize("name,entry", list(_data_entries()))
def test_data_entry_matches_its_example_only(name, entry):
    flags = re.IGNORECASE if name in ("boilerplate.toml", "calques.toml") else 0
    pattern = re.compile(entry["regex"], flags)
    assert pattern.search(entry["example"]), f"{entry['regex']} misses {entry['example']!r}"
    assert not pattern.search(entry["counter_example"]), f"{entry['regex']} hits {entry['counter_example']!r}"


def test_headline_under_a_link_announcement_is_boilerplate_but_body_text_is_not():
    from conftest import audit_string

    text = (
        "Le Kremlin dément l’envoi de troupes nord-coréennes en Russie depuis octobre.\n\n"
        "Lire aussi\n\nLa Corée du Nord publie des images d’une usine d’uranium\n\n"
        "Le président sud-coréen a réuni son conseil de sécurité vendredi matin à Séoul.\n"
    )
    flagged = [f.text for f in audit_string(text).findings if f.code == "MT403"]
    assert flagged == ["Lire aussi", "La Corée du Nord publie des images d’une usine d’uranium"]


@pytest.mark.parametrize("configured", [
    r"(bonne lecture) \1 à tous",  # a group reference: cannot join the shipped patterns
    r"(?i)bonne lecture bonne lecture à tous",  # a global inline flag: cannot be joined either
    r"bonne lecture bonne lecture à tous",
])
def test_configured_boilerplate_is_found_whatever_its_regex_syntax(configured):
    text = "La Corée du Nord a envoyé des troupes en Russie cet automne.\nBonne lecture bonne lecture à tous\n"
    assert codes(text, boilerplate=(configured,)).count("MT403") == 1
    assert "MT403" not in codes(text.replace("Bonne lecture bonne", "Bonne"), boilerplate=(configured,))
