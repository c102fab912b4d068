"""The README speaks to users, and what it shows is what mtaudit prints."""

from __future__ import annotations

from click.testing import CliRunner
from conftest import ROOT

from audit.cli import cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_starts_with_the_two_commands_and_stays_short():
    assert README.split("```sh\n", 1)[1].startswith("make demo")
    assert "make test" in README.split("```", 3)[1]
    assert len(README.encode("utf-8")) < 12 * 1024


def test_the_first_run_shown_is_the_real_output():
    block = README.split("```console\n$ mtaudit check ", 1)[1].split("```", 1)[0]
    sample, *shown = block.splitlines()
    result = CliRunner().invoke(cli, ["check", "--no-color", "--exit-zero", sample])
    printed = result.output.splitlines()
    # Lines cut with "…" in the README must start a printed line; whole lines must be printed.
    for line in shown:
        if line == "…":
            continue
        if line.endswith("…"):
            assert any(p.startswith(line[:-1].rstrip()) for p in printed), line
        else:
            assert line in printed, line
