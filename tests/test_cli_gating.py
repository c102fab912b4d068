"""Gating from the command line: formats, configuration files, baselines, parallel batches."""

from __future__ import annotations

import json

from runs import SPUN
from test_cli import run


def test_baseline_round_trip_passes_then_catches_new_findings(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SPUN, encoding="utf-8")
    base = tmp_path / "baseline.json"
    written = run("check", "--write-baseline", str(base), str(page))
    assert written.returncode == 0 and "baseline of" in written.stderr
    assert run("check", "--baseline", str(base), str(page)).returncode == 0
    page.write_text("Une phrase ajoutée avant le reste du texte publié.\n\n" + SPUN, encoding="utf-8")
    assert run("check", "--baseline", str(base), str(page)).returncode == 0  # moved, not new
    page.write_text(SPUN + "\nLe Président a dit qu’il “viendra” lundi à la réunion du conseil.\n", encoding="utf-8")
    result = run("check", "--baseline", str(base), "--fail-on", "minor", "--format", "concise", str(page))
    assert result.returncode == 1 and "MT101" in result.stdout and "MT201" not in result.stdout


def test_configuration_file_is_read_and_shown(tmp_path):
    (tmp_path / "mtaudit.toml").write_text('fail-on = "never"\nignore = ["MT2"]\n', encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_text(SPUN, encoding="utf-8")
    config = str(tmp_path / "mtaudit.toml")
    assert run("check", "--config", config, str(page)).returncode == 0
    shown = run("config", "--config", config)
    assert shown.returncode == 0 and 'fail-on            = "never"' in shown.stdout and "# mtaudit.toml" in shown.stdout


def test_bad_configuration_is_one_line_exit_2(tmp_path):
    (tmp_path / "mtaudit.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    result = run("config", "--config", str(tmp_path / "mtaudit.toml"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "fail-on" in result.stderr


def test_parallel_batch_with_machine_formats(tmp_path):
    for i in range(4):
        (tmp_path / f"p{i}.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("check", "--jobs", "2", "--format", "sarif", str(tmp_path))
    assert result.returncode == 2  # the worst result: an input that could not be audited
    log = json.loads(result.stdout)
    assert len({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}) == 4
    assert "auditing" not in result.stderr  # no progress bar when stderr is not a terminal


def test_batch_text_report_ends_with_a_summary_table(tmp_path):
    (tmp_path / "a.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    result = run("check", str(tmp_path))
    table = result.stdout[result.stdout.index("Documents, worst score first") :]
    assert "gate" in table and "fail" in table and "error" in table.splitlines()[-2]
    # the reason is said once, on stderr, not again in the report (it was in both)
    assert "empty input" not in result.stdout and result.stderr.count("empty input") == 1


def test_html_report_to_a_file_keeps_the_exit_code(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>Selon cette Source, le ministre a parlé d’une “menace importante”"
        " vendredi &lt;script&gt;alert(1)&lt;/script&gt;.</p><script>alert(2)</script></article></body></html>",
        encoding="utf-8",
    )
    report = tmp_path / "report.html"
    result = run("check", "--format", "html", "-o", str(report), "--fail-on", "minor", str(page))
    assert result.returncode == 1 and result.stdout == ""
    html = report.read_text(encoding="utf-8")
    assert html.count("<script") == 1 and "alert(2)" not in html and "&lt;script&gt;</mark>alert(1)" in html
