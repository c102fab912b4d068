"""The documented Python API (`mtaudit.py`): its examples run, its errors are the CLI's."""

from __future__ import annotations

import contextlib
import doctest
import io

import pytest
from conftest import ROOT

import mtaudit

SAMPLE = ROOT / "corpora" / "samples" / "spun-north-korea.txt"


def test_the_module_examples_hold():
    assert doctest.testmod(mtaudit).failed == 0


def test_the_readme_example_runs_and_prints_findings(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "README.md", "exec"), {})  # noqa: S102 -- our own README, run as a user would
    lines = printed.getvalue().splitlines()
    assert lines[0].startswith("likely machine-translated")
    assert any(" MT301 minor " in line for line in lines[1:])


def test_settings_select_and_validate():
    text = "D'après cette Source, le ministre a parlé d'une “menace importante”."
    assert {f.code for f in mtaudit.check_text(text, select=["MT2"]).findings} == {"MT203"}
    assert "MT203" not in {f.code for f in mtaudit.check_text(text, ignore=["MT203"]).findings}
    with pytest.raises(mtaudit.UserError, match="unknown key 'colour'"):
        mtaudit.check_text(text, colour=True)
    with pytest.raises(mtaudit.UserError, match="fail-on|fail_on"):
        mtaudit.check_text(text, fail_on="sometimes")


def test_check_path_matches_the_command_and_bad_input_raises(tmp_path):
    result = mtaudit.check_path(SAMPLE)
    assert result.document.path == str(SAMPLE) and result.findings
    assert all(isinstance(f, mtaudit.Finding) for f in result.findings)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(mtaudit.InputError):
        mtaudit.check_path(empty)
    with pytest.raises(mtaudit.InputError):
        mtaudit.check_path(tmp_path / "missing.txt")


def test_check_pair_compares_with_the_source_given():
    source = "The minister did not confirm the deployment of troops in the region on Friday."
    faithful = mtaudit.check_pair("Le ministre n'a pas confirmé vendredi le déploiement de troupes dans la région.", source)
    flipped = mtaudit.check_pair("Le ministre a confirmé vendredi le déploiement de troupes dans la région.", source)
    assert not [f for f in faithful.findings if f.code.startswith("MT6")]
    assert "MT603" in {f.code for f in flipped.findings}
    assert flipped.sources is not None and flipped.sources.primary.alignment.links
