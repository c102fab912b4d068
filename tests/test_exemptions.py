"""What a user exempts: inline suppressions, per-file ignores, accepted terms, baselines."""

from __future__ import annotations

import json
import os

from runs import SPUN, audit_of

from audit import baseline
from audit.ingest import extract_article

QUOTED = "Le ministre a parlé d’une “menace importante” vendredi devant la presse réunie.\n"
OTHER = "La porte-parole a évoqué un “risque sérieux” lundi lors de son point hebdomadaire.\n"


def _codes(text: str, path: str = "a.txt", **settings) -> list[str]:
    return [f.code for f in audit_of(path, text, **settings).findings]


def test_marker_line_silences_the_next_paragraph_only():
    text = "mtaudit: ignore[MT101]\n" + QUOTED + "\n" + OTHER
    assert _codes(text) == ["MT101", "MT101"]  # the second paragraph's pair


def test_marker_without_codes_silences_everything_and_itself():
    assert _codes("<!-- mtaudit: ignore -->\n" + QUOTED) == []


def test_marker_at_end_of_line_silences_that_line():
    text = QUOTED.rstrip("\n") + "  # mtaudit: ignore MT101\n\n" + OTHER
    assert _codes(text) == ["MT101", "MT101"]


def test_ignore_file_marker():
    assert "MT101" not in _codes(QUOTED + "\n" + QUOTED + "\nmtaudit: ignore-file[MT1]\n")


def test_html_comment_marker_survives_extraction():
    html = f"<article><p>{OTHER}</p><!-- mtaudit: ignore MT101 --><p>{QUOTED}</p></article>"
    assert _codes(extract_article(html), "a.html") == ["MT101", "MT101"]


def test_per_file_ignores_match_globs_and_file_names():
    ignores = (("news/*", ("MT1",)), ("*.md", ("MT2",)))
    assert "MT101" not in _codes(SPUN, "news/2024/a.txt", per_file_ignores=ignores)
    assert "MT101" in _codes(SPUN, "blog/a.txt", per_file_ignores=ignores)
    assert not any(c.startswith("MT2") for c in _codes(SPUN, "blog/a.md", per_file_ignores=ignores))
    absolute = os.path.join(os.getcwd(), "news", "a.txt")
    assert "MT101" not in _codes(SPUN, absolute, per_file_ignores=ignores)


def test_accepted_terms_are_never_flagged():
    assert "MT403" in _codes(SPUN) or "MT201" in _codes(SPUN)
    found = audit_of("a.txt", SPUN, accept=("For Latest Updates Follow us on Google News",)).findings
    assert all(f.line != 5 for f in found)


def _write_baseline(tmp_path, path: str, text: str):
    result = audit_of(path, text)
    target = tmp_path / "baseline.json"
    target.write_text(baseline.dumps(baseline.entries(result.document, list(result.findings), str(target))), encoding="utf-8")
    return str(target), result


def test_baseline_accepts_known_findings_even_when_text_moves(tmp_path):
    target, before = _write_baseline(tmp_path, "site/a.txt", SPUN)
    assert before.findings
    moved = "Un paragraphe ajouté en tête de la page pour décaler le reste du texte.\n\n" + SPUN
    assert audit_of("./site/a.txt", moved, baseline=target).findings == ()
    added = moved + "\nLe porte-parole a évoqué une “menace” sans autre précision ce vendredi.\n"
    assert [f.code for f in audit_of("site/a.txt", added, baseline=target).findings] == ["MT101", "MT101"]


def test_baseline_counts_repeated_findings(tmp_path):
    target, _ = _write_baseline(tmp_path, "a.txt", QUOTED)
    pasted_twice = QUOTED + "\n" + OTHER + "\n" + QUOTED
    codes = [f.code for f in audit_of("a.txt", pasted_twice, baseline=target).findings]
    assert codes == ["MT101", "MT101", "MT404"]  # OTHER's pair; the copy is new (its slips absorbed)


def test_baseline_is_per_path_and_readable(tmp_path):
    target, before = _write_baseline(tmp_path, "a.txt", QUOTED)
    assert len(audit_of("b.txt", QUOTED, baseline=target).findings) == len(before.findings)
    assert audit_of(os.path.abspath("a.txt"), QUOTED, baseline=target).findings == ()
    with open(target, encoding="utf-8") as handle:
        entry = json.load(handle)["findings"][0]
    assert set(entry) == {"path", "code", "text", "fingerprint"}
