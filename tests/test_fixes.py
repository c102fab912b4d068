"""Fixes, as ruff has them: each finding's edit, `check --fix`, `--diff` and `--unsafe-fixes`.

A fixed file must re-check clean for the codes fixed and keep every other byte: tested on
UTF-8, CRLF, Windows-1252 and BOM files; HTML is refused, and left as it was.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import tomllib
from collections import Counter

import pytest
from conftest import ROOT
from rule_examples import EXAMPLES
from runs import audit_of, run_of

from audit.config import Settings
from audit.findings import Fix
from audit.fixes import apply_fixes, fix_text
from audit.ingest import RawText
from audit.reporters import reporter
from audit.resources import data_toml
from audit.rules import REGISTRY, RuleContext, run_rules
from audit.segment import segment

TAIL = (
    "\n\nLe gouvernement a publié un communiqué vendredi matin pour préciser sa position. "
    "Les députés de l’opposition ont demandé des explications au ministre avant la fin de la session.\n"
)
# Safe fixes only: quotes (MT101), spacing (MT104, MT106), a capital (MT203), a spelling (MT301).
BEFORE = "Selon cette Source, Zelenskiy a parlé d’une “menace importante” , a-t-il dit: rien de plus." + TAIL
AFTER = ("Selon cette source, Zelensky a parlé d’une «\u00a0menace importante\u00a0», a-t-il dit\u00a0: rien de plus."
         + TAIL)
SAFE_CODES = {"MT101", "MT104", "MT106", "MT203", "MT301"}
GRAMMALECTE = ROOT.parent / "shared" / "peer" / "grammalecte_fr_tests_all.tsv"


def run(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, check=False)


def raw(text: str, encoding: str = "utf-8") -> RawText:
    return RawText("doc.txt", text, encoding, "text/plain", ())


@pytest.mark.parametrize(("code", "bad", "settings"), [(c, b, s) for c, b, _, s in EXAMPLES if REGISTRY[c].fix])
def test_every_fixable_example_rechecks_clean_for_its_code(code, bad, settings):
    fixed = fix_text(raw(bad), Settings(**settings), unsafe=True)
    if REGISTRY[code].fix == "per entry" and not fixed.fixed:  # this example's entry gives advice
        assert all(f.fix is None for f in fixed.audit.findings if f.code == code)
        return
    assert fixed.fixed[code] >= 1
    assert code not in {f.code for f in fixed.audit.findings}, fixed.text


def test_advice_is_not_a_fix():
    """A suggestion that is advice (MT501 « ajouter l’article ») keeps its text and has no fix."""
    finding = next(f for f in audit_of("a.txt", "Pyongyang aurait décidé d’envoyer « troupes importantes » "
                                       "combattre en Russie." + TAIL).findings if f.code == "MT501")
    assert finding.suggestion.startswith("ajouter")
    assert finding.fix is None


@pytest.mark.parametrize(("table", "key"), [("grammar.toml", "pattern"), ("calques.toml", "calque")])
def test_data_fixes_repair_their_own_examples(table, key):
    flags = 0 if key == "pattern" else re.IGNORECASE
    entries = [e for e in data_toml(table)[key] if "fix" in e]
    assert entries, f"{table}: no entry gives a fix"
    for entry in entries:
        pattern = re.compile(entry["regex"], flags)
        example = entry["example"]
        for _ in range(3):  # an example may hold the error twice
            match = pattern.search(example)
            if match is None:
                break
            at = match.group().lower().index(entry["fix"]["old"].lower())
            start = match.start() + at
            example = example[:start] + entry["fix"]["new"] + example[start + len(entry["fix"]["old"]):]
        assert not pattern.search(example), f"{entry['regex']}: fix leaves {example!r}"


def test_overlapping_fixes_apply_the_first_and_wait_for_the_next_pass():
    edits = [(Fix(0, 3, "x", True), "A"), (Fix(2, 5, "y", True), "B"), (Fix(5, 6, "z", True), "C")]
    assert apply_fixes("abcdefg", edits) == ("xdezg", ["A", "C"])


def test_safe_fixes_only_without_unsafe_fixes():
    text = "La Corée du Nord envoie des troupes en Russie.\n\nLire aussi\n\nLe Kremlin dément “tout”." + TAIL
    safe = fix_text(raw(text), Settings())
    assert "Lire aussi" in safe.text and "«\u00a0tout\u00a0»" in safe.text and safe.hidden == 1
    unsafe = fix_text(raw(text), Settings(), unsafe=True)
    assert unsafe.text.startswith("La Corée du Nord envoie des troupes en Russie.\n\nLe Kremlin dément «")


def test_fix_writes_the_file_in_place_and_it_rechecks_clean(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(BEFORE, encoding="utf-8")
    result = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == AFTER
    assert "fixed 6 findings in 1 file" in result.stderr  # MT106 shows once the quote is a guillemet
    report = json.loads(run("check", "--format", "json", str(path)).stdout)
    assert not SAFE_CODES & {f["code"] for f in report["documents"][0]["findings"]}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_fix_keeps_crlf_and_the_files_encoding(tmp_path, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(BEFORE.replace("\n", "\r\n").encode(encoding))
    assert run("check", "--fix", str(path)).returncode == 0
    assert path.read_bytes() == AFTER.replace("\n", "\r\n").encode(encoding)


def test_cp1252_gets_a_no_break_space_where_a_narrow_one_is_wanted(tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(("Personnel civil ou militaire? Séoul ne répond pas." + TAIL).encode("cp1252"))
    run("check", "--fix", str(path))
    assert path.read_bytes().startswith("Personnel civil ou militaire\u00a0? Séoul".encode("cp1252"))


def test_html_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "page.html"
    html = "<html><body><article><p>" + BEFORE.replace("\n", " ") + "</p></article></body></html>"
    path.write_text(html, encoding="utf-8")
    result = run("check", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == html
    assert f"{path}: not fixed: HTML findings index the extracted article text" in result.stderr
    assert result.returncode == 0  # only minor findings: the gate passes, fixed or not
    assert "Traceback" not in result.stderr


def test_diff_prints_without_writing_and_exits_1(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(BEFORE, encoding="utf-8")
    result = run("check", "--diff", str(path))
    assert result.returncode == 1
    assert path.read_text(encoding="utf-8") == BEFORE
    assert f"--- {path}\n+++ {path}\n" in result.stdout
    assert "\n+" + AFTER.splitlines()[0] + "\n" in result.stdout
    path.write_text(AFTER, encoding="utf-8")
    assert run("check", "--diff", str(path)).returncode == 0


def test_unsafe_fixes_delete_boilerplate_lines_with_their_blank_line(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Le Kremlin dément.\r\n\r\nLire aussi\r\n\r\nLa Corée du Nord envoie des troupes." + TAIL)
    run("check", "--fix", str(path))
    assert "Lire aussi" in path.read_text(encoding="utf-8")
    run("check", "--fix", "--unsafe-fixes", str(path))
    assert path.read_bytes().startswith(b"Le Kremlin d\xc3\xa9ment.\r\n\r\nLa Cor")


def test_fix_on_standard_input_prints_the_fixed_text():
    result = run("check", "--fix", "-", stdin=BEFORE)
    assert result.stdout == AFTER
    assert result.returncode == 0


def test_sarif_carries_fixes_that_rebuild_the_fixed_text():
    finding_run = run_of(audit_of("doc.txt", BEFORE))
    log = json.loads(reporter("sarif").render(finding_run))
    replacements = sorted(
        (r["deletedRegion"]["charOffset"], r["deletedRegion"]["charLength"], r["insertedContent"]["text"])
        for result in log["runs"][0]["results"] for fix in result.get("fixes", [])
        for change in fix["artifactChanges"] for r in change["replacements"]
    )
    text = BEFORE
    for offset, length, inserted in reversed(replacements):
        text = text[:offset] + inserted + text[offset + length:]
    assert text == AFTER.replace("»,", "» ,")  # one pass: MT106 is found by the re-check
    descriptions = [f["description"]["text"] for r in log["runs"][0]["results"] for f in r.get("fixes", [])]
    assert "Safe fix: replace with « «⍽ »." in descriptions
    messages = " ".join(r["message"]["text"] for r in log["runs"][0]["results"])
    assert "\\x" not in messages and "'" not in messages  # no Python reprs


def test_json_findings_carry_their_fix():
    report = json.loads(reporter("json").render(run_of(audit_of("doc.txt", BEFORE))))
    fixes = {f["code"]: f["fix"] for f in report["documents"][0]["findings"]}
    assert fixes["MT203"] == {"start": 12, "end": 18, "replacement": "source", "safe": True}
    assert report["schema_version"] == "1.7"


def test_data_tables_declare_fixes_in_the_documented_shape():
    for table, key in (("grammar.toml", "pattern"), ("calques.toml", "calque")):
        with open(ROOT / "audit" / "data" / table, "rb") as handle:
            for entry in tomllib.load(handle)[key]:
                assert set(entry.get("fix", {})) <= {"old", "new", "safe"}, entry["regex"]


def test_standard_input_diff_and_usage_errors(tmp_path):
    diff = run("check", "--diff", "-", stdin=BEFORE)
    assert diff.returncode == 1 and diff.stdout.startswith("--- -\n+++ -\n")
    other = tmp_path / "other.txt"
    other.write_text(AFTER, encoding="utf-8")
    mixed = run("check", "--fix", "-", str(other), stdin=BEFORE)
    assert mixed.returncode == 2 and mixed.stderr == "mtaudit: --fix/--diff: give standard input (-) alone\n"
    html = run("check", "--fix", "-", stdin="<!doctype html><html><body><p>" + BEFORE + "</p></body></html>")
    assert html.returncode == 2 and "not fixed: HTML" in html.stderr and "Traceback" not in html.stderr


def test_rules_say_which_fix_they_offer():
    assert "safe fix (--fix)" in run("rules", "MT104").stdout
    assert "unsafe fix (--fix --unsafe-fixes)" in run("rules", "MT403").stdout
    assert "fix" not in run("rules", "MT201").stdout.split("\n\n")[1]


def _fix_outcomes(row: dict) -> list[tuple[bool, str]]:
    """(safe, outcome) for each fix proposed on a Grammalecte test sentence: on a correct
    sentence; away from its error spans; giving one of its suggestions (exactly, or but for
    the kind of no-break space); or giving something else."""
    sentence = row["sentence"]
    document = segment(RawText("s", sentence, "utf-8", "text/plain", ()))
    rules = [r for r in REGISTRY.values() if not r.needs_source]
    spans = [tuple(map(int, s.split(":"))) for s in row["spans"].split(";") if s]
    alternatives = [a.split("|") if a else [] for a in row["suggestions"].split("|||")]
    outcomes = []
    for finding in (f for f in run_rules(document, rules, RuleContext()) if f.fix):
        fix = finding.fix
        near = [i for i, (s, e) in enumerate(spans) if s < max(fix.end, finding.end) and min(fix.start, finding.start) < e]
        theirs = {sentence[: spans[i][0]] + a + sentence[spans[i][1]:] for i in near
                  for a in (alternatives[i] if i < len(alternatives) else [])}
        ours = apply_fixes(sentence, [(fix, finding.code)])[0]
        if row["kind"] == "correct":
            outcome = "on a correct sentence"
        elif not near:
            outcome = "away from its spans"
        elif ours in theirs:
            outcome = "agrees"
        elif ours.replace("\u202f", "\u00a0") in {t.replace("\u202f", "\u00a0") for t in theirs}:
            outcome = "agrees but for the space"
        else:
            outcome = "differs" if theirs else "no suggestion"
        outcomes.append((fix.safe, outcome))
    return outcomes


def test_safe_fixes_agree_with_grammalecte_where_both_see_an_error():
    """Opt-in: Grammalecte's 7,073 test sentences (../shared/peer). Where a safe fix lands on
    one of its error spans, it must mostly write what Grammalecte suggests."""
    if not GRAMMALECTE.exists():
        pytest.skip(f"peer data not found at {GRAMMALECTE}")
    with open(GRAMMALECTE, encoding="utf-8", newline="") as handle:
        tally = Counter(o for row in csv.DictReader(handle, delimiter="\t") for o in _fix_outcomes(row))
    for safe in (True, False):
        print(("safe  " if safe else "unsafe"), {o: n for (s, o), n in sorted(tally.items()) if s == safe})
    agree = tally[(True, "agrees")] + tally[(True, "agrees but for the space")]
    assert agree / (agree + tally[(True, "differs")]) >= 0.75


@pytest.mark.parametrize(("code", "text", "safe"), [
    ("MT101", "Il a parlé d’une “menace importante” hier.", [True, True]),
    ("MT101", "Eux et leurs ”amis” sont finis, dit-il hier.", [False, False]),
    ("MT101", "Il a dit « le mot “ami” ne veut rien dire » hier.", [False, False]),  # nested in « »: French
    ("MT103", "Selon Yonhap (nouvelle agence)ce vendredi, puis (re)voir le film.", [True, False]),
])
def test_quotes_and_brackets_are_safe_to_fix_only_when_unambiguous(code, text, safe):
    findings = run_rules(segment(raw(text + TAIL)), [REGISTRY[code]], RuleContext())
    assert [f.fix.safe for f in findings] == safe


def test_the_text_report_counts_what_fix_would_take_on(tmp_path):
    text = reporter("text").render(run_of(audit_of("doc.txt", BEFORE + "\nLire aussi\n")))
    assert "fixable: 5 with --fix (1 more with --unsafe-fixes)" in text
    html = reporter("text").render(run_of(audit_of("doc.html", BEFORE, "text/html")))
    assert "fixable" not in html


def test_fix_leaves_what_the_user_exempted(tmp_path):
    path = tmp_path / "article.txt"
    kept = "Il cite le “Journal” tel quel. mtaudit: ignore[MT101]\n"
    path.write_text(kept + BEFORE, encoding="utf-8")
    run("check", "--fix", "--ignore", "MT203", str(path))
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith(kept) and "cette Source" in fixed and "Zelensky" in fixed
