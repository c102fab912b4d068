"""mtaudit's own words in one language: English by default, French on request (gettext, Babel)."""

from __future__ import annotations

import gettext
import io
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT

from audit.cli import cli
from audit.errors import UserError
from audit.messages import DOMAIN, LOCALE, finding_message, use

SPUN = (
    "Selon cette Source, un premier contingent de soldats serait arrivé en Russie.\n\n"
    "Le ministre a parlé d’une “menace importante”a-t-il déclaré vendredi devant la presse.\n\n"
    "For Latest Updates Follow us on Google News\n"
)
PO = LOCALE / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po"
SAMPLE = ROOT / "corpora" / "samples" / "spun-north-korea.txt"


def check(*args, env: dict | None = None):
    return CliRunner().invoke(cli, ["check", "--exit-zero", *args], env={"MTAUDIT_LANG": None, **(env or {})})


@pytest.fixture
def pages(tmp_path):
    (tmp_path / "a.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Hello there, this is plain English text about the weather today.", encoding="utf-8")
    return tmp_path


def test_english_by_default_french_on_request(pages):
    english = check(str(pages)).stdout
    assert ": too short (mt_likelihood" in english and "Documents, worst score first" in english
    french = check("--lang", "fr", str(pages))
    assert f"{pages / 'a.txt'}: trop court (mt_likelihood" in french.stdout
    assert "score MQM" in french.stdout and "Documents, du pire score au meilleur" in french.stdout
    assert "1 majeure" in french.stdout and "mineures" in french.stdout  # the adjective agrees
    assert "ignoré : pas en français" in french.stderr  # the CLI's own lines too


def test_the_environment_and_the_configuration_choose_too_the_flag_wins(pages):
    assert "trop court" in check(str(pages), env={"MTAUDIT_LANG": "fr"}).stdout
    (pages / "mtaudit.toml").write_text('lang = "fr"\n', encoding="utf-8")
    assert "trop court" in check(str(pages)).stdout
    assert "too short" in check("--lang", "en", str(pages)).stdout
    (pages / "mtaudit.toml").write_text('lang = "de"\n', encoding="utf-8")
    result = check(str(pages))  # main() makes this error one line and exit 2
    assert isinstance(result.exception, UserError) and "lang: 'de' is not one of en, fr" in str(result.exception)


def test_machine_formats_stay_english_and_byte_identical(pages):
    for output_format in ("json", "concise", "sarif"):
        english = check("--format", output_format, str(pages)).stdout
        assert check("--format", output_format, "--lang", "fr", str(pages)).stdout == english, output_format


def _french(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, cwd=ROOT,
                          env={"MTAUDIT_LANG": "fr", "PATH": "", "PYTHONPATH": str(ROOT)}, check=False)


def test_mtaudit_lang_reaches_the_commands_without_settings_and_their_errors():
    result = _french("rules", "MT999")
    assert result.returncode == 2 and "code de règle inconnu 'MT999'" in result.stderr
    assert "Catégorie : locale/quotes" in _french("rules", "MT101").stdout


def test_the_shipped_catalog_is_the_po_compiled_and_translates_every_message():
    pytest.importorskip("babel", reason="Babel (the dev extra) extracts and compiles the catalogs")
    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(PO, "rb") as handle:
        catalog = read_po(handle)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    shipped = gettext.translation(DOMAIN, LOCALE, ["fr"])
    fresh = gettext.GNUTranslations(compiled)
    assert shipped._catalog == fresh._catalog, "the .mo lags the .po: run `make messages`"
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    sys.path.insert(0, str(ROOT / "tools"))  # babel.cfg's extractor of the data files' messages
    try:
        extracted = {message[2] if isinstance(message[2], str) else message[2][0]
                     for message in extract_from_dir(str(ROOT), _method_map(), keywords=keywords)}
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert "repeats the text of line {line}" in extracted  # a rule's template (MT404)
    assert "share buttons (Partager sur Facebook…)" in extracted  # a data file's (boilerplate.toml)
    untranslated = sorted(m for m in extracted if not (catalog.get(m) and all(catalog.get(m).string)))
    assert not untranslated, f"not in the French catalog (make messages, then translate): {untranslated}"


def _method_map() -> list[tuple[str, str]]:
    """babel.cfg's mapping, as `make messages` reads it."""
    from babel.messages.frontend import parse_mapping_cfg

    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        return parse_mapping_cfg(handle)[0]


def test_findings_speak_french_in_the_text_report_only_machine_formats_stay_english():
    english = check(str(SAMPLE)).stdout
    french = check("--lang", "fr", str(SAMPLE)).stdout
    for message in ("repeats the text of line 1", "English transliteration; French usage is « Zelensky »",
                    "share buttons (Partager sur Facebook…)", "sentence left in English",
                    "English quotation mark; French uses « »", "missing space after « ) »"):
        assert message in english and message not in french, message
    for message in ("répète le texte de la ligne 1", "transcription anglaise ; l’usage français est « Zelensky »",
                    "boutons de partage (Partager sur Facebook…)", "phrase laissée en anglais",
                    "guillemet anglais ; le français emploie « »", "espace manquante après « ) »"):
        assert message in french, message
    assert "→ (delete)" in english and "→ (supprimer)" in french and "(delete)" not in french
    assert check("--format", "json", "--lang", "fr", str(SAMPLE)).stdout == check("--format", "json", str(SAMPLE)).stdout


def test_the_html_report_shows_the_findings_messages_in_french(tmp_path):
    check("--format", "html", "--lang", "fr", "-o", str(tmp_path / "fr.html"), str(SAMPLE))
    check("--format", "html", "-o", str(tmp_path / "en.html"), str(SAMPLE))
    french, english = ((tmp_path / name).read_text(encoding="utf-8") for name in ("fr.html", "en.html"))
    assert "répète le texte de la ligne 1" in french and "repeats the text of line 1" not in french
    assert "repeats the text of line 1" in english and "répète le texte" not in english


def test_finding_message_fills_the_longest_matching_template_and_passes_unknown_ones():
    try:
        use("fr")
        assert finding_message("the target is 2.50× the source's length: much longer") == (
            "la cible fait 2.50 fois la longueur de la source : bien plus longue")
        assert finding_message("Kyiv made the nationality of these people; in the source Kyiv is a place") == (
            "Kyiv devenu la nationalité de ces personnes ; dans la source, Kyiv est un lieu")  # a field twice
        assert finding_message("« de le » devant un nom doit se contracter en « du »") == (
            "« de le » devant un nom doit se contracter en « du »")  # grammar.toml: French already
        assert finding_message("inline code <b> of the source missing; inline code <i> not in the source") == (
            "code en ligne <b> de la source manquant ; code en ligne <i> absent de la source")  # not half of it
        assert finding_message("a message no rule writes") == "a message no rule writes"
    finally:
        use("en")
    assert finding_message("repeats the text of line 3") == "repeats the text of line 3"


def test_every_rule_and_data_file_message_has_a_french_translation():
    """Every message a rule can write fills a template the French catalog translates (the
    catalog test above checks the extraction; this one checks the data files' messages reach
    `finding_message` as they are written)."""
    from audit.resources import data_toml

    try:
        use("fr")
        for name in ("boilerplate.toml", "transliteration_patterns.toml"):
            messages = [entry["message"] for entries in data_toml(name).values() if isinstance(entries, list)
                        for entry in entries if isinstance(entry, dict) and "message" in entry]
            assert messages, name
            untranslated = [message for message in messages if finding_message(message) == message]
            assert not untranslated, f"{name}: {untranslated}"
    finally:
        use("en")


def _example_messages() -> set[tuple[str, str]]:
    """(code, message) of every finding the rules' positive examples raise (rule_examples.py)."""
    from conftest import audit_string
    from rule_examples import EXAMPLES, SEGMENT_EXAMPLES

    from audit.bilingual import Unit, joined
    from audit.config import Settings
    from audit.pipeline import audit_text

    found = set()
    for code, bad, _good, settings in EXAMPLES:
        found |= {(f.code, f.message) for f in audit_string(bad, **settings).findings if f.code == code}
    for code, pairs, _good, settings in SEGMENT_EXAMPLES:
        if "glossary" in settings:
            settings = {**settings, "glossary": str(ROOT / settings["glossary"])}
        units = [Unit(str(n), source, target) for n, (source, target) in enumerate(pairs, 1)]
        document = audit_text(joined("<test>.xlf", units, "application/xliff+xml"), Settings(**settings))
        found |= {(f.code, f.message) for f in document.findings if f.code == code}
    return found


def test_every_message_the_rules_examples_raise_is_french_with_lang_fr():
    """MT501 and MT502 (grammar.toml, calques.toml) are written in French: they pass as they are."""
    messages = _example_messages()
    try:
        use("fr")
        english = sorted((code, message) for code, message in messages
                         if code not in ("MT501", "MT502") and finding_message(message) == message)
    finally:
        use("en")
    print(f"{len(messages)} messages from {len({code for code, _ in messages})} rules, {len(english)} untranslated")
    assert len(messages) > 40 and not english, english
