"""The command line as a user meets it: exit codes, formats, determinism, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from audit.verdict_model import shipped_model

SPUN = (
    "Selon cette Source, un premier contingent de soldats serait arrivé en Russie.\n\n"
    "Le ministre a parlé d’une “menace importante”a-t-il déclaré vendredi devant la presse.\n\n"
    "For Latest Updates Follow us on Google News\n"
)
CLEAN = (
    "Le Kremlin a démenti vendredi la présence de soldats nord-coréens sur son territoire. "
    "Selon les services de renseignement sud-coréens, un premier contingent serait pourtant "
    "arrivé dans l’est de la Russie au début du mois d’octobre.\n"
)


def run(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "audit", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, check=False
    )


@pytest.fixture
def spun(tmp_path):
    path = tmp_path / "spun.txt"
    path.write_text(SPUN, encoding="utf-8")
    return path


def test_findings_fail_with_exit_1_and_exit_zero_overrides(spun):
    assert run("check", str(spun)).returncode == 1
    assert run("check", "--exit-zero", str(spun)).returncode == 0
    assert run("check", "--fail-on", "never", str(spun)).returncode == 0


def test_clean_text_passes(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith(f"{path}: too short (")  # two sentences: no verdict drawn from them


def test_json_is_deterministic_and_versioned(spun):
    first = run("check", "--format", "json", str(spun)).stdout
    second = run("check", "--format", "json", str(spun)).stdout
    assert first == second
    report = json.loads(first)
    assert report["schema_version"] == "1.7"
    assert report["meta"]["verdict_model"]["name"] == shipped_model().name
    document = report["documents"][0]
    assert document["verdict"]["label"] == "too short"  # three sentences; the findings are all kept
    found = {f["code"] for f in document["findings"]}
    assert {"MT203", "MT101", "MT103", "MT403"} <= found  # the English line is site furniture
    for finding in document["findings"]:
        assert SPUN[finding["start"] : finding["end"]] == finding["text"]


def test_select_and_ignore(spun):
    report = json.loads(run("check", "--format", "json", "--select", "MT1", "--ignore", "MT103", str(spun)).stdout)
    found = {f["code"] for f in report["documents"][0]["findings"]}
    assert found == {"MT101"}


def test_stdin_and_output_file(tmp_path):
    out = tmp_path / "r.json"
    result = run("check", "--format", "json", "-o", str(out), "-", stdin=SPUN)
    assert result.returncode == 1 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["documents"][0]["path"] == "-"


@pytest.mark.parametrize(
    "content,expected",
    [(b"", "empty input"), (b"\x00\x01\x02binary", "binary file"),
     (b"Hello there, this is plain English text about the weather today.", "not French")],
)
def test_bad_inputs_one_line_exit_2(tmp_path, content, expected):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("check", "--fail-on-skipped", str(path))  # a file that is not French is merely skipped without it
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_batch_keeps_results_of_good_files(tmp_path, spun):
    (tmp_path / "empty.txt").write_bytes(b"")
    report = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert [d["path"] for d in report["documents"]] == [str(spun)]
    assert report["errors"] == [{"path": str(tmp_path / "empty.txt"), "message": "empty input"}]


def test_usage_error_is_exit_2_without_traceback():
    result = run("check", "--fail-on", "sometimes", "x.txt")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_rules_command_documents_each_rule():
    listing = run("rules").stdout
    assert "MT203" in listing and "capitalised-common-noun" in listing
    one = run("rules", "MT203")
    assert one.returncode == 0 and "Why:" in one.stdout and "cette Source" in one.stdout
    assert run("rules", "MT999").returncode == 2


def test_huge_input_is_refused_naming_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # 50 MB, written sparsely
        handle.truncate(50 * 1024 * 1024)
    result = run("check", str(path))
    assert result.returncode == 2
    assert "10,485,760 byte limit" in result.stderr and "--max-bytes" in result.stderr


def test_text_report_shows_spans_suggestions_and_verdict(spun):
    out = run("check", "--no-color", str(spun)).stdout
    assert "│ Selon cette Source" in out
    assert "MT203 [minor]" in out and "→ source" in out
    assert ": too short (mt_likelihood" in out.splitlines()[0]
