"""Build a tiny COMET checkpoint on disk, offline: a two-layer XLM-R encoder with a word-level
tokenizer made here, wrapped in comet's ReferencelessRegression and saved as comet saves its
models (`checkpoints/model.ckpt` and `hparams.yaml`). Its scores mean nothing; what the tests
check is that mtaudit drives the real `load_from_checkpoint(...).predict` path without a hub.
"""

from __future__ import annotations

import re
from pathlib import Path

_SPECIAL = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]


def _tokenizer(words: list[str]):
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import XLMRobertaTokenizerFast

    vocabulary = {token: i for i, token in enumerate(_SPECIAL + sorted(set(words)))}
    core = Tokenizer(models.WordLevel(vocabulary, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    core.post_processor = processors.RobertaProcessing(("</s>", 2), ("<s>", 0))
    return XLMRobertaTokenizerFast(
        tokenizer_object=core, bos_token="<s>", eos_token="</s>", sep_token="</s>",
        cls_token="<s>", unk_token="<unk>", pad_token="<pad>", mask_token="<mask>",
    ), len(vocabulary)


def build_tiny_comet(folder: Path, texts: list[str]) -> Path:
    """Write a tiny referenceless COMET model under `folder`; returns the model folder."""
    import torch
    import yaml
    from comet.models import ReferencelessRegression
    from transformers import XLMRobertaConfig

    encoder_dir = folder / "tiny-xlmr"
    tokenizer, size = _tokenizer(re.findall(r"\w+|[^\w\s]", " ".join(texts)))
    tokenizer.save_pretrained(encoder_dir)
    XLMRobertaConfig(
        vocab_size=size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=130, pad_token_id=1,
    ).save_pretrained(encoder_dir)
    torch.manual_seed(0)
    hparams = {
        "pretrained_model": str(encoder_dir), "encoder_model": "XLM-RoBERTa",
        "hidden_sizes": [16], "layer": "mix", "pool": "avg", "batch_size": 4,
        "load_pretrained_weights": False, "local_files_only": True,
    }
    model = ReferencelessRegression(**hparams)
    model_dir = folder / "tiny-comet"
    (model_dir / "checkpoints").mkdir(parents=True)
    torch.save(
        {"state_dict": model.state_dict(), "hyper_parameters": dict(model.hparams),
         "pytorch-lightning_version": "2.0.0"},
        model_dir / "checkpoints" / "model.ckpt",
    )
    with open(model_dir / "hparams.yaml", "w", encoding="utf-8") as handle:
        yaml.safe_dump({"class_identifier": "referenceless_regression_metric", **hparams}, handle)
    return model_dir
