"""The fitted verdict model: a logistic regression read from audit/data/verdict_model.json.

`tools/fit_verdict.py` fits it on labelled real French (the file records the data sets, their
sizes and the exact command) and writes raw-feature coefficients, so scoring is one sparse
dot product over `audit.verdict_features.features` and a logistic function: no numpy, no
training data at run time. The file's SHA-256 names the model in every JSON report, so a
verdict can be traced to the coefficients that produced it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from audit.cache import cached
from audit.resources import DATA, data_key

MODEL_FILE = "verdict_model.json"


@dataclass(frozen=True)
class VerdictModel:
    """Intercept and coefficients by feature name; `version` is the file's SHA-256 prefix."""

    name: str
    version: str
    intercept: float
    coefficients: dict[str, float]

    @property
    def signature(self) -> str:
        return f"{self.name}|sha256:{self.version}"

    def logit(self, values: dict[str, float]) -> float:
        get = self.coefficients.get
        return self.intercept + sum(get(name, 0.0) * value for name, value in values.items())

    def probability(self, values: dict[str, float]) -> float:
        return logistic(self.logit(values))

    def contributions(self, values: dict[str, float], prefix: str = "") -> dict[str, float]:
        """The share of the logit of each feature whose name starts with `prefix`."""
        get = self.coefficients.get
        return {name: get(name, 0.0) * v for name, v in values.items() if name.startswith(prefix)}


def logistic(z: float) -> float:
    """1 / (1 + e^-z), without overflow for a large negative z."""
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@cache
def shipped_model() -> VerdictModel:
    """Read through the table cache: parsing 16,000 coefficients would cost a cold run 7 ms."""
    name, version, intercept, coefficients = cached("verdict-model", data_key(MODEL_FILE), _parse)
    return VerdictModel(name, version, intercept, coefficients)


def _parse() -> tuple[str, str, float, dict[str, float]]:
    import hashlib  # only a cache miss pays for these imports
    import json

    data = (DATA / MODEL_FILE).read_bytes()
    body = json.loads(data)
    return body["name"], hashlib.sha256(data).hexdigest()[:12], body["intercept"], body["coefficients"]
