"""Configuration files: discovery, precedence, origins, and errors that name the key."""

from __future__ import annotations

import pytest

from audit.config_files import COMMAND_LINE, DEFAULT, load_settings, settings_table
from audit.errors import UserError


def _load(tmp_path, name: str, body: str, cli: dict | None = None):
    (tmp_path / name).write_text(body, encoding="utf-8")
    return load_settings(cli or {}, cwd=tmp_path)


def test_pyproject_table_then_command_line_wins(tmp_path):
    body = '[tool.mtaudit]\nfail-on = "critical"\nignore = ["MT104"]\nseverity = { MT203 = "major" }\n'
    settings, origins, found = _load(tmp_path, "pyproject.toml", body, {"fail_on": "minor"})
    assert settings.fail_on == "minor" and origins["fail_on"] == COMMAND_LINE
    assert settings.ignore == ("MT104",) and origins["ignore"] == "pyproject.toml [tool.mtaudit]"
    assert settings.severity == {"MT203": "major"}
    assert origins["select"] == DEFAULT and found.path == tmp_path / "pyproject.toml"


def test_setup_cfg_strings_and_line_tables(tmp_path):
    body = (
        "[mtaudit]\nselect = MT1, MT2\nstrict-spacing = yes\nmin_score = 80\n"
        "severity =\n  MT101 = major\nper-file-ignores =\n  news/*.txt: MT104,MT105\n"
    )
    settings, _, _ = _load(tmp_path, "setup.cfg", body)
    assert settings.select == ("MT1", "MT2") and settings.strict_spacing is True
    assert settings.min_score == 80.0 and settings.severity == {"MT101": "major"}
    assert settings.per_file_ignores == (("news/*.txt", ("MT104", "MT105")),)


def test_mtaudit_toml_comes_first_and_parents_are_searched(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.mtaudit]\nfail-on = "minor"\n', encoding="utf-8")
    (tmp_path / "mtaudit.toml").write_text('fail-on = "never"\nbaseline = "b.json"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    settings, origins, _ = load_settings({}, cwd=tmp_path / "sub")
    assert settings.fail_on == "never" and origins["fail_on"] == "mtaudit.toml"
    assert settings.baseline == str(tmp_path / "b.json")  # relative to the file that says it


def test_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    _, origins, found = load_settings({}, cwd=tmp_path)
    assert found is None and set(origins.values()) == {DEFAULT}


@pytest.mark.parametrize(
    "body,message",
    [
        ('fial-on = "major"', "mtaudit.toml: unknown key 'fial-on'"),
        ('fail-on = "sometimes"', "mtaudit.toml: fail-on: 'sometimes' is not one of"),
        ("min-score = 150", "mtaudit.toml: min-score: 150.0 is outside"),
        ('max-mt-likelihood = "high"', "mtaudit.toml: max-mt-likelihood: expected a number"),
        ('select = ["mt-1"]', "mtaudit.toml: select: 'MT-1' is not a rule code"),
        ('severity = { MT2 = "major" }', "severity: 'MT2' is not a full rule code"),
        ('severity = { MT203 = "fatal" }', "severity: MT203: 'fatal' is not minor, major or critical"),
        ("strict-spacing = 3", "strict-spacing: expected true or false"),
        ("select = [", "cannot read configuration"),
    ],
)
def test_bad_keys_and_values_name_the_key(tmp_path, body, message):
    with pytest.raises(UserError, match="^.*" + message.replace("(", r"\(").replace("[", r"\[")):
        _load(tmp_path, "mtaudit.toml", body + "\n")


def test_command_line_values_are_validated_too(tmp_path):
    with pytest.raises(UserError, match="command line: min_score"):
        load_settings({"min_score": -1.0}, cwd=tmp_path)


def test_table_shows_every_setting_with_its_origin(tmp_path):
    settings, origins, _ = _load(tmp_path, "mtaudit.toml", 'accept = ["Google News"]\n')
    table = settings_table(settings, origins)
    assert 'accept             = ["Google News"]' in table and "# mtaudit.toml" in table
    assert "min-score          = (unset)" in table


def test_the_readme_example_is_valid(tmp_path):
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("# pyproject.toml\n", 1)[1].split("```", 1)[0]
    settings, origins, _ = _load(tmp_path, "pyproject.toml", example)
    assert settings.accept == ("Google News", "start-up") and origins["per_file_ignores"] != DEFAULT
    assert settings.baseline == str(tmp_path / "mtaudit-baseline.json")


def test_boilerplate_from_a_file_reaches_the_rule(tmp_path):
    from runs import audit_of

    text = "Le ministre a démenti vendredi toute présence de soldats.\n\nAbonnez-vous à notre lettre\n"
    settings, _, _ = _load(tmp_path, "mtaudit.toml", 'boilerplate = ["Abonnez-vous à notre lettre"]\n')
    assert "MT403" in [f.code for f in audit_of("a.txt", text, boilerplate=settings.boilerplate).findings]


def test_terminology_from_toml_and_setup_cfg(tmp_path):
    toml, _, _ = _load(tmp_path, "mtaudit.toml", '[terminology]\n"e-mail" = "courriel"\nKyiv = "Kiev"\n')
    assert toml.terminology == {"e-mail": "courriel", "Kyiv": "Kiev"}
    other = tmp_path / "cfg"
    other.mkdir()
    cfg, _, _ = _load(other, "setup.cfg", "[mtaudit]\nterminology =\n  e-mail = courriel\n")
    assert cfg.terminology == {"e-mail": "courriel"}
    with pytest.raises(UserError, match="terminology"):
        _load(tmp_path / "cfg", "mtaudit.toml", "terminology = 3\n")
