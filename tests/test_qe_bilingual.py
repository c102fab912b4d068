"""Learned QE wired into bilingual checks (`check --qe`, audit.qe.bilingual, rule MT712):
scores per unit and per file in JSON, text and HTML, spans as findings, the model named in
`meta`, and the rules alone, after one line, when the model cannot load."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import jsonschema
import numpy as np
import pytest
from conftest import ROOT

from audit.config import Settings
from audit.findings import Category, Severity
from audit.pipeline import audit_path

SHOP = ROOT / "tests" / "data" / "bilingual" / "shop.xlf"


def run(*args, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, cwd=cwd, check=False,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_json_with_qe_scores_every_unit_names_the_model_and_validates():
    report = json.loads(run("check", "--qe", "--format", "json", str(SHOP)).stdout)
    schema = json.loads(resources.files("audit").joinpath("schema", "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema)
    assert report["schema_version"] == "1.7"
    model = report["meta"]["qe_model"]
    assert model["name"].startswith("wmt20_qe_task3_enfr_train") and len(model["sha256"]) == 12
    assert "|qe:yes" in report["meta"]["settings"]
    document = report["documents"][0]
    assert all(0 <= s["qe"]["score"] <= 100 and s["qe"]["penalty"] >= 0 for s in document["segments"])
    assert 0 <= document["qe_score"] <= 100
    learned = [f for f in document["findings"] if f["code"] == "MT712"]
    assert learned and {f["category"] for f in learned} <= {"accuracy/untranslated", "accuracy/mistranslation"}
    assert all(f["segment"]["id"] for f in learned)


def test_without_qe_the_report_has_no_qe_fields_and_no_learned_spans():
    report = json.loads(run("check", "--format", "json", str(SHOP)).stdout)
    document = report["documents"][0]
    assert "qe_model" not in report["meta"] and "qe_score" not in document
    assert all("qe" not in s for s in document["segments"])
    assert not [f for f in document["findings"] if f["code"] == "MT712"]


def test_learned_spans_lie_in_their_unit_and_take_the_models_category_and_severity():
    result = audit_path(str(SHOP), Settings(qe=True))
    assert len(result.qe.segments) == len(result.document.segments)
    by_id = {unit.id: (unit, estimate) for unit, estimate in zip(result.document.segments, result.qe.segments)}
    learned = [f for f in result.findings if f.code == "MT712"]
    assert learned
    for finding in learned:
        unit, estimate = by_id[finding.segment.id]
        span = next(s for s in estimate.spans if unit.start + s.start == finding.start)
        assert (finding.category, finding.severity) == (span.category, span.severity)
        assert unit.start <= finding.start < finding.end <= unit.end


def test_a_confident_span_is_major_and_a_weak_one_minor():
    from audit.qe import CONFIDENT, marked_spans
    from audit.qe.features import token_features

    text = "un grand stainless steel et ici"
    target_tokens, dense = token_features("stainless steel", text)
    spans = marked_spans(target_tokens, dense, np.array([0.1, 0.4, CONFIDENT, 0.5, 0.2, 0.45]), 0.4)
    assert [(text[s.start : s.end], s.severity) for s in spans] == [("grand stainless steel", Severity.MAJOR),
                                                                  ("ici", Severity.MINOR)]
    assert spans[0].category is Category.UNTRANSLATED


def test_text_and_html_show_the_units_and_the_files_qe_scores(tmp_path):
    heading, *lines = run("check", "--qe", "--no-color", str(SHOP)).stdout.splitlines()
    assert ", learned QE " in heading
    assert any(line.startswith("  learned QE ") for line in lines)  # each unit with findings
    page = tmp_path / "report.html"
    run("check", "--qe", "--format", "html", "-o", str(page), str(SHOP))
    html = page.read_text(encoding="utf-8")
    assert "learned QE" in html and "source · QE " in html


def test_the_configuration_can_turn_qe_on(tmp_path):
    (tmp_path / "setup.cfg").write_text("[mtaudit]\nqe = true\n", encoding="utf-8")
    (tmp_path / "shop.xlf").write_bytes(SHOP.read_bytes())
    report = json.loads(run("check", "--format", "json", "shop.xlf", cwd=tmp_path).stdout)
    assert "qe_score" in report["documents"][0]


@pytest.fixture
def no_model(tmp_path, monkeypatch):
    """The weights file gone, as from an installation that dropped package data."""
    from audit.qe import model

    monkeypatch.setattr(model, "MODEL_PATH", tmp_path / "qe_model.npz")
    model.load.cache_clear()
    yield
    model.load.cache_clear()


def test_without_its_model_qe_runs_the_rules_alone(no_model):
    from audit.qe.bilingual import unavailable

    assert "qe_model.npz" in unavailable()
    result = audit_path(str(SHOP), Settings(qe=True))
    assert result.qe is None and not [f for f in result.findings if f.code == "MT712"]
    assert {f.code for f in result.findings} == {f.code for f in audit_path(str(SHOP), Settings()).findings}


def test_without_its_model_qe_is_one_stderr_line_not_an_error(no_model):
    from click.testing import CliRunner

    from audit.cli import cli

    result = CliRunner().invoke(cli, ["check", "--qe", "--format", "json", str(SHOP)])
    assert result.exit_code == 1, result.output  # the rules' findings fail the gate; no exit 2
    expected = ("mtaudit: --qe: learned QE needs its weights file, qe_model.npz, missing from this "
                "installation; checking with the rules only")
    assert [line for line in result.stderr.splitlines() if line.strip()] == [expected]
    report = json.loads(result.stdout)
    assert report["meta"]["qe_model"] is None and "qe_score" not in report["documents"][0]
