"""`mtaudit index`, `mtaudit align` and `mtaudit check --sources` as a user runs them; retrieval."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from sources_helpers import EN_SOURCE, FR_SOURCE, NEWS, SPUN

from audit.cli import cli
from audit.ingest import load
from audit.segment import segment
from audit.sources import embed
from audit.sources.retrieve import retrieve


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("index") / "news.sqlite"
    result = CliRunner().invoke(cli, ["index", str(NEWS), "--index", str(path)])
    assert result.exit_code == 0 and "8 reports" in result.output
    return str(path)


def test_spun_sample_retrieves_its_sources_first(index):
    found = retrieve(segment(load(str(SPUN))), index, limit=5)
    print("\nretrieval:", [(c.report.id, c.score) for c in found])
    assert [c.report.id for c in found] == [FR_SOURCE.name, EN_SOURCE.name]  # distractors left out
    assert "Corée du Nord" in found[0].shared_entities and "1500" in found[0].shared_numbers


def test_seed_retrieves_a_north_korea_report_first(seed_text, index, tmp_path):
    article = tmp_path / "seed.txt"
    article.write_text(seed_text, encoding="utf-8")
    found = retrieve(segment(load(str(article))), index, limit=5)
    print("\nseed retrieval:", [(c.report.id, c.score) for c in found])
    assert {c.report.id for c in found[:2]} == {FR_SOURCE.name, EN_SOURCE.name}


def test_unrelated_report_finds_itself_only(index):
    found = retrieve(segment(load(str(NEWS / "fr-vendanges-bourgogne.txt"))), index, limit=5)
    assert [c.report.id for c in found] == ["fr-vendanges-bourgogne.txt"]


def test_align_json(tmp_path):
    result = CliRunner().invoke(cli, ["align", str(SPUN), str(FR_SOURCE), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["method"] == ("e5" if embed.available() else "chrf") and data["source"]["lang"] == "fr"
    kinds = {link["kind"] for link in data["links"]}
    assert kinds == {"match", "addition", "omission"}
    text = CliRunner().invoke(cli, ["align", str(SPUN), str(EN_SOURCE)])
    assert "soldats russes" in text.output and "match" in text.output


def test_check_with_sources_json_is_deterministic(index):
    arguments = ["check", "--exit-zero", "--format", "json", str(SPUN), "--sources", str(NEWS), "--index", index]
    first, second = CliRunner().invoke(cli, arguments), CliRunner().invoke(cli, arguments)
    assert first.exit_code == 0 and first.output == second.output
    report = json.loads(first.output)
    assert report["schema_version"] == "1.7"
    assert {"chrf", "bleu", "ter", "embedding"} <= set(report["meta"]["scores"])
    document = report["documents"][0]
    assert [s["id"] for s in document["sources"]] == [FR_SOURCE.name, EN_SOURCE.name]
    flipped = next(f for f in document["findings"] if f["code"] == "MT601")
    sentence = next(s for s in document["sentences"] if s["start"] <= flipped["start"] < s["end"])
    french = next(span for span in sentence["sources"] if span["scores"])
    assert french["text"].startswith("La Corée du Nord a commencé") and french["scores"]["chrf"] > 50


def test_check_text_shows_sources_and_aligned_spans(index):
    result = CliRunner().invoke(cli, ["check", "--exit-zero", str(SPUN), "--sources", str(NEWS), "--index", index])
    assert f"source {FR_SOURCE.name}" in result.output
    assert "↳ " in result.output and "chrF" in result.output and "MT601" in result.output


def test_missing_index_fails_with_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "audit", "check", str(SPUN), "--sources", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "no index there" in done.stderr and "Traceback" not in done.stderr
