"""Paragraphs and sentences: offsets exact, French abbreviations, titles, quotes."""

from __future__ import annotations

from audit.ingest import RawText
from audit.segment import segment


def sentences(text: str) -> list[str]:
    document = segment(RawText("<t>", text, "utf-8", "text/plain", ()))
    for sentence in document.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    return [s.text for s in document.sentences]


def test_titles_without_punctuation_end_at_the_line():
    text = "Guerre en Ukraine : un conflit sans fin\nSuivez la couverture complète\n\nLe Kremlin dément."
    assert sentences(text) == [
        "Guerre en Ukraine : un conflit sans fin",
        "Suivez la couverture complète",
        "Le Kremlin dément.",
    ]


def test_abbreviation_does_not_end_a_sentence():
    assert sentences("M. Dupont est arrivé à Séoul. Il repart demain.") == [
        "M. Dupont est arrivé à Séoul.",
        "Il repart demain.",
    ]


def test_guillemets_inside_a_sentence_stay_in_it():
    text = "Il a dénoncé « une menace importante » vendredi. Le Kremlin dément."
    assert sentences(text) == ["Il a dénoncé « une menace importante » vendredi.", "Le Kremlin dément."]


def test_hard_wrapped_lines_are_one_sentence():
    text = "Le président a présidé une réunion\nd’urgence vendredi matin."
    assert sentences(text) == [text]


def test_paragraphs_and_crlf():
    text = "Premier paragraphe.\r\n\r\nSecond paragraphe, plus long.\r\n"
    document = segment(RawText("<t>", text, "utf-8", "text/plain", ()))
    assert [p.text for p in document.paragraphs] == ["Premier paragraphe.", "Second paragraphe, plus long."]
    assert [s.paragraph for s in document.sentences] == [0, 1]


def test_line_and_column_are_one_based():
    document = segment(RawText("<t>", "ab\ncdé\nf", "utf-8", "text/plain", ()))
    assert document.line_col(0) == (1, 1)
    assert document.line_col(5) == (2, 3)
    assert document.line_col(7) == (3, 1)
