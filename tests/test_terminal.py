"""Terminal conventions (issue 16, point 7): colour and width, the verdict first, findings as
`path:line:col`, each error once, --quiet, --statistics and --stdin-filename."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from audit.cli import cli
from audit.terminal import UNWRAPPED, report_width, wants_color

SPUN = (
    "Selon cette Source, un premier contingent de soldats serait arrivé en Russie.\n\n"
    "Le ministre a parlé d’une “menace importante”a-t-il déclaré vendredi devant la presse.\n\n"
    "Les “experts” disent que la Source est “fiable” et que les soldats sont là depuis octobre.\n\n"
    "For Latest Updates Follow us on Google News\n"
)
FINDING_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>MT\d{3}) \[(minor|major|critical)\] ")
ANSI = "\x1b["


def check(*args, env: dict | None = None, stdin: str | None = None):
    environment = {"NO_COLOR": None, "FORCE_COLOR": None, "MTAUDIT_LANG": None, "COLUMNS": None, **(env or {})}
    return CliRunner().invoke(cli, ["check", "--exit-zero", *args], env=environment, input=stdin)


@pytest.fixture
def spun(tmp_path):
    path = tmp_path / "spun.txt"
    path.write_text(SPUN, encoding="utf-8")
    return path


@pytest.mark.parametrize(("flag", "environ", "terminal", "expected"), [
    (None, {}, True, True), (None, {}, False, False),
    (None, {"NO_COLOR": "1"}, True, False), (None, {"NO_COLOR": ""}, True, True),  # empty: not set
    (None, {"FORCE_COLOR": "1"}, False, True), (None, {"FORCE_COLOR": ""}, False, False),
    (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
    (True, {"NO_COLOR": "1"}, False, True), (False, {"FORCE_COLOR": "1"}, True, False),
])
def test_colour_follows_the_flag_then_no_color_then_force_color(flag, environ, terminal, expected):
    assert wants_color(flag, terminal, environ) is expected


def test_force_color_colours_a_pipe_and_no_color_or_the_flag_turn_it_off(spun):
    assert ANSI in check(str(spun), env={"FORCE_COLOR": "1"}).stdout
    assert ANSI not in check(str(spun), env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ANSI not in check("--no-color", str(spun), env={"FORCE_COLOR": "1"}).stdout
    assert ANSI in check("--color", str(spun), env={"NO_COLOR": "1"}).stdout


def test_width_is_the_terminals_and_unlimited_off_a_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "57")
    assert report_width(True) == 57
    assert report_width(False) == UNWRAPPED


def test_a_long_path_is_never_folded_in_a_pipe(tmp_path):
    folder = tmp_path / ("a-very-long-folder-name-for-a-section-of-the-site-" * 3)
    folder.mkdir()
    for name in ("first-article-with-a-long-name.txt", "second-article-with-a-long-name.txt"):
        (folder / name).write_text(SPUN, encoding="utf-8")
    out = check(str(folder)).stdout
    table = out[out.index("Documents, worst score first"):]
    assert len(str(folder)) > 150
    assert sum(str(folder / "first-article-with-a-long-name.txt") in line for line in table.splitlines()) == 1


def test_the_verdict_comes_first_then_findings_as_path_line_col(spun):
    lines = check(str(spun)).stdout.splitlines()
    assert re.match(rf"^{re.escape(str(spun))}: too short \(mt_likelihood \d\.\d\d\), MQM score [\d.]+, \d+ findings", lines[0])
    found = [m for line in lines if (m := FINDING_LINE.match(line))]
    assert {m["path"] for m in found} == {str(spun)}
    assert ("1", "13", "MT203") in {(m["line"], m["col"], m["code"]) for m in found}
    first_finding = next(i for i, line in enumerate(lines) if FINDING_LINE.match(line))
    assert not any("MQM score" in line for line in lines[first_finding:])  # no summary after the findings


def test_each_error_is_printed_once(spun, tmp_path):
    result = check(str(spun), str(tmp_path / "missing.txt"))
    assert (result.stdout + result.stderr).count("no such file") == 1
    assert "missing.txt: no such file" in result.stderr
    concise = check("--format", "concise", str(spun), str(tmp_path / "missing.txt"))
    assert (concise.stdout + concise.stderr).count("no such file") == 1  # its E000 line only


def test_quiet_prints_the_finding_lines_only(spun, tmp_path):
    baseline = tmp_path / "baseline.json"
    check("--write-baseline", str(baseline), str(spun))
    result = check("-q", "--baseline", str(baseline), "--select", "MT203", str(spun))
    assert result.stdout == "" and result.stderr == ""  # the baseline hid everything: nothing to say
    result = check("--quiet", "--show-all", str(spun))
    lines = result.stdout.splitlines()
    assert lines and all(FINDING_LINE.match(line) for line in lines), lines
    assert result.stderr == ""
    assert len(lines) == len(json.loads(check("--format", "json", str(spun)).stdout)["documents"][0]["findings"])


def test_statistics_count_each_code_most_frequent_first(spun):
    findings = json.loads(check("--format", "json", str(spun)).stdout)["documents"][0]["findings"]
    rows = [line.split() for line in check("--statistics", str(spun)).stdout.splitlines()]
    counts = {row[1]: int(row[0]) for row in rows}
    assert counts == {code: sum(f["code"] == code for f in findings) for code in {f["code"] for f in findings}}
    assert [int(row[0]) for row in rows] == sorted((int(row[0]) for row in rows), reverse=True)
    assert [str(counts["MT101"]), "MT101", "[*]", "english-quotes"] in rows  # fixable, as ruff marks it
    assert ["1", "MT403", "boilerplate"] in rows
    assert check("--statistics", "--format", "json", str(spun)).exit_code == 2


def test_stdin_filename_names_the_input_and_finds_its_configuration(tmp_path):
    section = tmp_path / "blog"
    section.mkdir()
    (section / "mtaudit.toml").write_text('ignore = ["MT203"]\n', encoding="utf-8")
    markdown = "```\nSelon cette Source, “ici”.\n```\n\n" + SPUN
    result = check("--format", "json", "--stdin-filename", str(section / "post.md"), "-", stdin=markdown)
    document = json.loads(result.stdout)["documents"][0]
    assert document["path"] == str(section / "post.md")
    codes = [f["code"] for f in document["findings"]]
    assert "MT203" not in codes and "MT101" in codes  # its folder's configuration applies
    assert all(f["line"] > 3 for f in document["findings"])  # read as Markdown: the code block is not prose
    excluded = check("--force-exclude", "--extend-exclude", "*.md", "--stdin-filename", str(section / "post.md"),
                     "-", stdin=SPUN)
    assert excluded.exit_code == 0 and excluded.stdout == ""
    assert check("--stdin-filename", "x.md", str(tmp_path)).exit_code == 2  # no - to name


def test_each_file_takes_its_nearest_configuration(tmp_path):
    for name, config in (("news", None), ("blog", ".mtaudit.toml"), ("shop", "pyproject.toml")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.txt").write_text(SPUN, encoding="utf-8")
        if config:
            table = "[tool.mtaudit]\n" if config == "pyproject.toml" else ""
            (tmp_path / name / config).write_text(table + 'ignore = ["MT203"]\n', encoding="utf-8")
    report = json.loads(check("--format", "json", str(tmp_path)).stdout)
    flagged = {d["path"].split("/")[-2]: "MT203" in {f["code"] for f in d["findings"]} for d in report["documents"]}
    assert flagged == {"news": True, "blog": False, "shop": False}
    # the command line overrides each file's configuration
    report = json.loads(check("--format", "json", "--select", "MT1", str(tmp_path)).stdout)
    assert all(f["code"].startswith("MT1") for d in report["documents"] for f in d["findings"])


def test_respect_gitignore_has_a_flag(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    for name in ("page.txt", "drafts/draft.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(SPUN, encoding="utf-8")

    def audited(*flags):
        return [d["path"] for d in json.loads(check("--format", "json", *flags, str(tmp_path)).stdout)["documents"]]

    assert audited() == [str(tmp_path / "page.txt")]
    assert sorted(audited("--no-respect-gitignore")) == [str(tmp_path / "drafts/draft.txt"), str(tmp_path / "page.txt")]


def test_a_baseline_is_written_with_each_files_configuration(tmp_path):
    for name in ("blog", "news"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "blog" / "mtaudit.toml").write_text('ignore = ["MT203"]\nbaseline = "old.json"\n', encoding="utf-8")
    (tmp_path / "blog" / "old.json").write_text('{"mtaudit_baseline": 1, "findings": []}\n', encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    check("--write-baseline", str(baseline), str(tmp_path))
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    codes = {(entry["path"].split("/")[0], entry["code"]) for entry in recorded}
    assert ("news", "MT203") in codes and ("blog", "MT203") not in codes
    assert ("blog", "MT101") in codes


def test_fix_follows_each_files_configuration(tmp_path):
    for name in ("blog", "news"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "blog" / "mtaudit.toml").write_text('ignore = ["MT203"]\n', encoding="utf-8")
    check("--fix", str(tmp_path))
    assert "cette Source" in (tmp_path / "blog" / "page.txt").read_text(encoding="utf-8")  # its section ignores MT203
    assert "cette source" in (tmp_path / "news" / "page.txt").read_text(encoding="utf-8")
