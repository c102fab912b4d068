"""Whatever the text, an audit returns consistent offsets and serialisable results."""

from __future__ import annotations

import json

from conftest import audit_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FRENCH_BITS = [
    "Le Kremlin dément.", "« une menace »a dit", "cette Source", "“quote”", "<p class=\"x\">", "&nbsp;",
    "Zelenskiy", "For Latest Updates Follow us", "\n\n", "\r\n", "\u00a0", "\u202f", ":", "?", "M. ", "\t",
    "Lire aussi", "Des soldats nord-coréens bientôt en Russie ?", "\x0b", "é", "🙂", "Кремль", "ئ",
]
FRENCH_BODY = (
    "\n\nLe soutien de la Corée du Nord à la Russie aurait franchi une nouvelle étape, selon les "
    "services de renseignement sud-coréens, qui évoquent un premier contingent de soldats.\n"
)
fragments = st.lists(st.one_of(st.sampled_from(FRENCH_BITS), st.text(max_size=40)), max_size=40).map("".join)
# Half the texts end with French prose, so the document is French and every rule runs.
texts = st.one_of(fragments, fragments.map(lambda t: t + FRENCH_BODY), fragments.map(lambda t: FRENCH_BODY + t))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_offsets_point_at_the_reported_text(text):
    result = audit_string(text)
    document = result.document
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert list(result.findings) == sorted(result.findings)
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert (finding.line, finding.column) == document.line_col(finding.start)
    json.dumps([f.to_dict() for f in result.findings])


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=20))
def test_long_lines_and_repeated_paragraphs(n):
    text = ("Le Kremlin dément toute présence de soldats nord-coréens en Russie. " * 50 + "\n\n") * n
    result = audit_string(text)
    assert all(text[f.start : f.end] == f.text for f in result.findings)
