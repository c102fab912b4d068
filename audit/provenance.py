"""What reproduces mtaudit's numbers, written once for every machine-readable output.

The JSON report and the audit-site summary both open with this block: the tool and its
version, the settings signature, the signature of every score (MQM always; sacrebleu, the
embedding and COMET when sources are used), the library versions and the verdict model; with
sources, the corpus files changed since the index was built (`audit.sources.stale`).
"""

from __future__ import annotations

import audit
from audit.config import Settings
from audit.scores.mqm import SIGNATURE as MQM_SIGNATURE
from audit.verdict_model import shipped_model
from audit.versions import installed_version

_LIBRARIES = ("langdetect", "lingua-language-detector", "sentencex", "selectolax")


def provenance(settings: Settings) -> dict:
    """The `tool` and `meta` entries of a report or summary."""
    return {"tool": {"name": "mtaudit", "version": audit.__version__}, "meta": meta_dict(settings)}


def meta_dict(settings: Settings) -> dict:
    return {
        "settings": settings.signature,
        "scores": {"mqm": MQM_SIGNATURE, **score_signatures(settings)},
        "libraries": {name: installed_version(name) for name in _LIBRARIES},
        "verdict_model": verdict_model(settings),
        **({"qe_model": _qe_model()} if settings.qe else {}),
        **stale_index(settings),
    }


def _qe_model() -> dict | None:
    """The learned QE model that scored the segments; null when it could not load."""
    from audit.qe import model_record
    from audit.qe.bilingual import unavailable

    return None if unavailable() else model_record()


def stale_index(settings: Settings) -> dict:
    """`stale_index`: the corpus files changed, removed or added since the index was built."""
    if not settings.sources:
        return {}
    from audit.sources.stale import settings_staleness

    _, stale = settings_staleness(settings)
    return {"stale_index": stale.as_dict()} if stale else {}


def verdict_model(settings: Settings) -> dict:
    """The model behind mt_likelihood; with e5, the stacked classifier, its embedding and its base."""
    base = {"name": shipped_model().name, "sha256": shipped_model().version}
    if settings.verdict_model != "e5":
        return base
    from audit.verdict_e5 import shipped_classifier

    e5 = shipped_classifier()
    return {"name": e5.name, "sha256": e5.version, "embedding": e5.embedding, "base": base}


def score_signatures(settings: Settings) -> dict[str, str]:
    """Signatures of the source scores (nothing for a source-free run)."""
    if not (settings.sources or settings.source_files):
        return {}
    from audit.scores.reference import signatures
    from audit.sources import embed
    from audit.sources.similarity import cross_lingual_method

    found = dict(signatures())
    found["embedding"] = embed.signature()
    found["similarity"] = cross_lingual_method()
    if settings.comet_model:
        from audit.scores.comet import model_signature

        found["comet"] = model_signature(settings.comet_model)
    return found
