"""Hostile input, from issue 17: nothing hangs, nothing crashes, nothing reaches a terminal raw.

Each test reproduces one probe that failed before the fix (the issue's point number is in
the test's name); `make fuzz` (tests/fuzz_reports.py) runs the slower randomised version.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, audit_string

FRENCH = (ROOT / "corpora" / "samples" / "clean-north-korea.txt").read_text(encoding="utf-8")
ENGLISH = (
    "The South Korean intelligence service said on Friday that the first group of special forces had been "
    "transported to the Russian Far East aboard navy ships, according to officials who spoke on condition of "
    "anonymity. Analysts in Washington and Seoul believe that the deployment marks a significant escalation of "
    "the military cooperation between the two countries and could change the balance on the front line."
)


def run(*args: str, stdin: str | None = None, cwd=ROOT, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, check=False, timeout=timeout)


def test_1_appended_english_is_a_finding_not_a_verdict():
    result = audit_string(FRENCH + "\n" + ENGLISH + "\n")
    assert len(ENGLISH) / len(result.document.text) > 0.1
    assert result.language.code == "fr" and result.verdict.label != "not French"
    assert "MT201" in {f.code for f in result.findings}


def test_1_one_long_junk_line_does_not_switch_the_audit_off():
    for junk in ("x7Qz9 " * 100, "qsdlkfj zerpoiu wxcvbn " * 25, "https://example.com/" + "a/b-c_d?e=f&" * 50):
        assert audit_string(FRENCH + "\n" + junk + "\n").language.code == "fr", junk[:20]


def test_1_an_english_article_is_still_not_french():
    assert audit_string(ENGLISH * 3 + "\n\n" + FRENCH[:300]).verdict.label == "not French"


def _timed_extract(html: str) -> tuple[str, float]:
    import time

    from audit.ingest import extract_article

    start = time.perf_counter()
    text = extract_article(html)
    return text, time.perf_counter() - start


def test_2_deeply_nested_html_is_extracted_in_bounded_time():
    depth = 100_000  # 1.1 MB: 28 s before the depth bound
    shapes = {
        "div": "<div>" * depth + "<p>Le texte reste.</p>" + "</div>" * depth,
        "blockquote": "<blockquote>" * depth + "Le texte reste.",
        "list": "<ul><li>" * (depth // 2) + "Le texte reste.",
        "quoted >": "<div title='a > b'>" * depth + "Le texte reste.",
    }
    for name, html in shapes.items():
        text, seconds = _timed_extract(html)
        print(f"{name}: {len(html) / 1e6:.1f} MB in {seconds:.2f} s")
        assert "Le texte reste." in text and seconds < 5, name


def test_2_ordinary_pages_are_not_touched_by_the_depth_bound():
    from audit.html_depth import bounded

    page = "<html><body><article>" + "<div><p>Un <b>paragraphe</b>.</p></div>" * 500 + "</article></body></html>"
    assert bounded(page, frozenset({"p"})) is page
