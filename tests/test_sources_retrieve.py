"""Retrieval in a crowded archive, and the n-gram hashing behind chrF similarities."""

from __future__ import annotations

import json
import random
import shutil

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sources_helpers import EN_SOURCE, FR_SOURCE, NEWS, SPUN

from audit.ingest import load
from audit.segment import segment
from audit.sources import retrieve as retrieval
from audit.sources import similarity
from audit.sources.index import build_index, open_index

_TOPICS = ["la Russie", "l'Ukraine", "la Corée du Nord", "Moscou", "Pyongyang", "Kiev", "Séoul"]


def _crowded_archive(tmp_path, distractors: int = 300):
    """The sample corpus plus reports that all name the same countries as the spun article."""
    folder = tmp_path / "archive"
    shutil.copytree(NEWS, folder)
    rng = random.Random(7)
    lines = []
    for n in range(distractors):
        places = rng.sample(_TOPICS, 4)
        text = (f"Le ministre a évoqué {places[0]} et {places[1]} lors d'une réunion. "
                f"Les soldats de {places[2]} restent loin de {places[3]}, selon la défense.")
        lines.append(json.dumps({"id": f"d{n}", "lang": "fr", "title": "", "text": text}, ensure_ascii=False))
    (folder / "distractors.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return build_index(str(folder), embed_sentences=False).path  # retrieval only: no sentence vectors


def test_common_terms_are_left_out_and_the_sources_still_come_first(tmp_path, monkeypatch):
    index = _crowded_archive(tmp_path)
    monkeypatch.setattr(retrieval, "POSTINGS_BUDGET", 100)
    article = segment(load(str(SPUN)))
    connection = open_index(index)
    terms = retrieval.query_terms(article.text)
    chosen = retrieval.selective_terms(connection, terms)
    connection.close()
    print("\nchosen terms:", chosen)
    assert {"cru", "ckp", "cua"} <= set(terms) and not {"cru", "ckp", "cua"} & set(chosen)
    assert "ussuriysk" in chosen or "vladivostok" in chosen
    found = retrieval.retrieve(article, index, limit=5)
    print("retrieval:", [(c.report.id, c.score, c.bm25, c.similarity) for c in found])
    assert {c.report.id for c in found[:2]} == {FR_SOURCE.name, EN_SOURCE.name}


def test_the_rarest_term_stands_in_when_none_fits_the_budget(tmp_path, monkeypatch):
    index = _crowded_archive(tmp_path, distractors=50)
    monkeypatch.setattr(retrieval, "POSTINGS_BUDGET", 5)
    connection = open_index(index)
    chosen = retrieval.selective_terms(connection, ["cru", "cua", "nowhere", "moscou"])
    connection.close()
    assert len(chosen) == 1 and chosen[0] in {"cru", "cua", "moscou"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=40), min_size=2, max_size=5))
def test_hashed_ngrams_count_what_string_ngrams_count(texts):
    """Row sums are the distinct n-grams of each text; products are the shared ones."""
    matrices, _ = similarity._gram_matrices(texts, [])
    squeezed = ["".join(t.split()) for t in texts]
    for order, matrix in enumerate(matrices, start=1):
        grams = [{x[i : i + order] for i in range(len(x) - order + 1)} for x in squeezed]
        assert matrix.sum(axis=1).tolist() == [len(g) for g in grams]
        shared = np.array([[len(a & b) for b in grams] for a in grams], dtype=np.float32)
        assert np.array_equal(matrix @ matrix.T, shared)
