"""COMET scores for aligned sentence pairs, from a local checkpoint only (`--comet-model PATH`).

unbabel-comet and torch are an optional extra (`pip install 'mtaudit[comet]'`) and are
imported only when a model is given. The model runs on CPU, batched. Nothing is downloaded:
the hub is switched off before comet is imported, and the checkpoint's `pretrained_model`
(the encoder's tokenizer and configuration) must be a local directory too. Pairs are given as
`src` (the source sentence) and `mt` (the article sentence): the input of a referenceless
(quality-estimation) model such as CometKiwi, the kind that fits an article and its source.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audit.errors import UserError

BATCH_SIZE = 16


@dataclass(frozen=True)
class CometPair:
    source: str
    target: str


def checkpoint_file(path: str) -> Path:
    """The `.ckpt` a user named: the file itself, or `checkpoints/model.ckpt` in a model folder."""
    given = Path(path)
    candidate = given / "checkpoints" / "model.ckpt" if given.is_dir() else given
    if not candidate.is_file():
        raise UserError(f"{path}: no COMET checkpoint there (give a .ckpt file or a folder with checkpoints/model.ckpt)")
    if not (candidate.parent.parent / "hparams.yaml").is_file():
        raise UserError(f"{path}: COMET checkpoint without hparams.yaml two folders up; not a COMET model folder")
    return candidate


@lru_cache(maxsize=2)
def _model(path: str):
    checkpoint = checkpoint_file(path)
    for variable in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ[variable] = "1"
    try:
        from comet import load_from_checkpoint
    except ImportError:
        raise UserError("--comet-model needs unbabel-comet: pip install 'mtaudit[comet]'") from None
    for noisy in ("pytorch_lightning", "lightning", "lightning.pytorch", "comet"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    try:
        return load_from_checkpoint(str(checkpoint), local_files_only=True)
    except Exception as error:  # noqa: BLE001 - comet raises bare Exception, OSError, KeyError…
        raise UserError(f"{path}: cannot load the COMET model ({type(error).__name__}: {error})") from None


def model_signature(path: str) -> str:
    from importlib.metadata import version

    return f"comet|model:{Path(path).name}|batch:{BATCH_SIZE}|device:cpu|version:{version('unbabel-comet')}"


def comet_scores(pairs: list[CometPair], path: str) -> list[float]:
    """One COMET score per pair, in order."""
    if not pairs:
        return []
    model = _model(path)
    samples = [{"src": p.source, "mt": p.target} for p in pairs]
    prediction = model.predict(samples, batch_size=BATCH_SIZE, gpus=0, progress_bar=False, num_workers=0)
    return [round(float(score), 4) for score in prediction.scores]
