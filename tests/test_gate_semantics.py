"""Gate semantics (issue 16, point 4): omissions decided by the verdict, baselines that hide
findings from the gate only, configuration found from the checked files, strict code lists,
and the same gate for `audit-site`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT
from runs import SPUN, audit_of
from test_cli import run

from audit.config import Settings
from audit.findings import Category, Finding, Severity
from audit.omissions import settle_omissions
from audit.verdict import CLEAN, LIKELY_MT_LABEL, Verdict


def _omission(code: str, severity: Severity) -> Finding:
    return Finding(0, 4, code, "omission", Category.OMISSION, severity, "a source sentence is missing", "Le m",
                   line=1, column=1)


@pytest.mark.parametrize("label,configured,expected", [
    (CLEAN, {}, "minor"),                     # a rewritten article cuts its wire source: normal
    (LIKELY_MT_LABEL, {}, "major"),           # a machine translation that lost a sentence
    (CLEAN, {"MT604": "major"}, "major"),     # the site's configuration has the last word
    (LIKELY_MT_LABEL, {"MT604": "minor"}, "minor"),
])
def test_omissions_take_their_severity_from_the_verdict_and_the_configuration(label, configured, expected):
    verdict = Verdict(label, 0.9 if label == LIKELY_MT_LABEL else 0.0, 0.0, ())
    findings = [_omission("MT604", Severity(configured.get("MT604", "major"))), _omission("MT203", Severity.MAJOR)]
    settled = settle_omissions(findings, verdict, Settings(severity=configured))
    assert [f.severity.value for f in settled] == [expected, "major"]


def _baseline(tmp_path, page):
    base = tmp_path / "ci" / "baseline.json"
    base.parent.mkdir()
    assert run("check", "--write-baseline", str(base), str(page)).returncode == 0
    return base


def test_baseline_hides_from_the_gate_only_and_says_how_many(tmp_path):
    page = tmp_path / "site" / "page.txt"
    page.parent.mkdir()
    page.write_text(SPUN, encoding="utf-8")
    whole = json.loads(run("check", "--format", "json", str(page)).stdout)["documents"][0]
    base = _baseline(tmp_path, page)
    result = run("check", "--format", "json", "--baseline", str(base), str(page))
    assert result.returncode == 0
    report = json.loads(result.stdout)
    document = report["documents"][0]
    assert document["findings"] == [] and document["baseline_matched"] == len(whole["findings"])
    assert (document["score"], document["verdict"]) == (whole["score"], whole["verdict"])
    assert report["summary"]["baseline_matched"] == len(whole["findings"])
    assert f"{len(whole['findings'])} known findings hidden from the gate" in result.stderr
    text = run("check", "--baseline", str(base), str(page)).stdout
    assert f"MQM score {whole['score']:.1f}, 0 findings, {len(whole['findings'])} more in the baseline" in text


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    page = tmp_path / "site" / "page.txt"
    page.parent.mkdir()
    page.write_text(SPUN, encoding="utf-8")
    base = _baseline(tmp_path, page)
    assert json.loads(base.read_text(encoding="utf-8"))["findings"][0]["path"] == "../site/page.txt"
    moved = subprocess.run([sys.executable, "-m", "audit", "check", "--baseline", "ci/baseline.json", "site/page.txt"],
                           capture_output=True, text=True, cwd=tmp_path, check=False,
                           env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert moved.returncode == 0, moved.stderr


def test_a_baseline_that_matches_nothing_says_so(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SPUN, encoding="utf-8")
    base = _baseline(tmp_path, page)
    other = tmp_path / "other.txt"
    other.write_text(SPUN, encoding="utf-8")
    result = run("check", "--baseline", str(base), str(other))
    assert result.returncode == 1 and "matched none of its" in result.stderr


def test_configuration_is_found_from_the_checked_files(tmp_path):
    (tmp_path / "mtaudit.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    (tmp_path / "content").mkdir()
    page = tmp_path / "content" / "page.txt"
    page.write_text(SPUN, encoding="utf-8")
    assert run("check", str(page)).returncode == 0  # run from the repository root, not from tmp_path


@pytest.mark.parametrize("option,value", [("--select", "MT9"), ("--ignore", "MT2,XY1"), ("--select", "MT109")])
def test_unknown_codes_are_a_usage_error(option, value):
    result = run("check", option, value, "-", stdin=SPUN)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "no rule's code or prefix" in result.stderr


def test_known_prefixes_are_accepted():
    assert run("check", "--select", "MT1,MT203", "--ignore", "MT", "-", stdin=SPUN).returncode == 0


def test_comet_model_without_sources_is_a_usage_error(tmp_path):
    result = run("check", "--comet-model", str(tmp_path), "-", stdin=SPUN)
    assert result.returncode == 2 and "--sources" in result.stderr and result.stderr.count("\n") == 1


def test_audit_site_has_the_gate_of_check(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.txt").write_text(SPUN, encoding="utf-8")
    (site / "README.md").write_text("This folder holds the pages of the site and their drafts.\n" * 3, encoding="utf-8")
    out = str(tmp_path / "out")
    failing = run("audit-site", str(site), "--out", out, "-j", "1")
    assert failing.returncode == 1 and "1 skipped (not French), 1 failing the gate" in failing.stderr
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["gate"]["failing_pages"] == 1
    assert run("audit-site", str(site), "--out", out, "-j", "1", "--exit-zero").returncode == 0
    assert run("audit-site", str(site), "--out", out, "-j", "1", "--fail-on", "never").returncode == 0
    assert run("audit-site", str(site), "--out", out, "-j", "1", "--fail-on", "never",
               "--min-score", "99.9").returncode == 1
    assert run("audit-site", str(site), "--out", out, "-j", "1", "--fail-on", "never",
               "--fail-on-skipped").returncode == 2
    base = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(base), str(site / "a.txt")).returncode == 0
    baselined = run("audit-site", str(site), "--out", out, "-j", "1", "--baseline", str(base))
    assert baselined.returncode == 0 and "known findings hidden from the gate" in baselined.stderr


def test_audit_site_reports_each_page_to_the_progress_bar(tmp_path):
    from audit.site.driver import audit_site

    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text(SPUN, encoding="utf-8")
    seen: list[str] = []
    audit_site([str(tmp_path / f"p{n}.txt") for n in range(3)], str(tmp_path / "out"), Settings(), on_page=seen.append)
    assert len(seen) == 3
    audit_site([str(tmp_path / f"p{n}.txt") for n in range(3)], str(tmp_path / "out"), Settings(), on_page=seen.append)
    assert len(seen) == 6  # unchanged pages count too


def test_whole_text_score_with_a_baseline_in_the_pipeline(tmp_path):
    from audit import baseline

    plain = audit_of("a.txt", SPUN)
    target = tmp_path / "b.json"
    target.write_text(baseline.dumps(baseline.entries(plain.document, list(plain.findings), str(target))),
                      encoding="utf-8")
    hidden = audit_of("a.txt", SPUN, baseline=str(target))
    assert hidden.findings == () and hidden.baseline_matched == len(plain.findings)
    assert (hidden.score, hidden.verdict) == (plain.score, plain.verdict)


def test_a_rewrite_that_cuts_its_source_passes_the_default_gate(tmp_path):
    import shutil

    corpus = tmp_path / "news"
    shutil.copytree(ROOT / "corpora" / "news", corpus, ignore=shutil.ignore_patterns(".mtaudit-index*"))
    assert run("index", str(corpus)).returncode == 0
    paragraphs = (corpus / "fr-afp-coree-nord-troupes.txt").read_text(encoding="utf-8").split("\n\n")
    article = tmp_path / "site" / "article.txt"
    article.parent.mkdir()
    # two middle paragraphs cut: the rest aligns confidently, so what is missing is an omission
    article.write_text("\n\n".join(paragraphs[:5] + paragraphs[7:]), encoding="utf-8")
    result = run("check", "--format", "json", "--sources", str(corpus), str(article))
    document = json.loads(result.stdout)["documents"][0]
    omissions = [f for f in document["findings"] if f["code"] in ("MT604", "MT607")]
    print(f"\nverdict {document['verdict']['label']}, omissions {[(f['code'], f['severity']) for f in omissions]}")
    assert omissions and {f["severity"] for f in omissions} == {"minor"}
    assert result.returncode == 0, result.stderr
    (tmp_path / "site" / "mtaudit.toml").write_text('severity = { MT604 = "major" }\n', encoding="utf-8")
    assert run("check", "--sources", str(corpus), str(article)).returncode == 1
