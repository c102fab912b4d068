"""COMET through unbabel-comet's real `load_from_checkpoint(...).predict`, offline, on a tiny
checkpoint built here (a two-layer XLM-R encoder with a word-level tokenizer): the scores mean
nothing, the path is the one a real CometKiwi checkpoint takes."""

from __future__ import annotations

import pytest

from audit.errors import UserError
from audit.scores.comet import CometPair, checkpoint_file, comet_scores

pytest.importorskip("comet", reason="unbabel-comet (mtaudit[comet]) not installed")

PAIRS = [
    CometPair("North Korea has sent troops to Russia.", "La Corée du Nord a envoyé des troupes en Russie."),
    CometPair("The Kremlin denied any involvement.", "Le Kremlin dément toute implication."),
    CometPair("Seoul says.", "Selon Séoul."),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    from tiny_comet import build_tiny_comet

    texts = [p.source for p in PAIRS] + [p.target for p in PAIRS]
    return build_tiny_comet(tmp_path_factory.mktemp("comet"), texts)


def test_predict_offline_in_order(tiny_model, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    scores = comet_scores(PAIRS, str(tiny_model))
    assert len(scores) == 3 and all(isinstance(s, float) for s in scores)
    assert comet_scores(PAIRS[::-1], str(tiny_model / "checkpoints" / "model.ckpt")) == scores[::-1]
    assert comet_scores([], str(tiny_model)) == []


def test_missing_or_unreadable_model_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="no COMET checkpoint"):
        checkpoint_file(str(tmp_path / "absent"))
    (tmp_path / "broken" / "checkpoints").mkdir(parents=True)
    (tmp_path / "broken" / "checkpoints" / "model.ckpt").write_bytes(b"not a checkpoint")
    with pytest.raises(UserError, match="hparams.yaml"):
        checkpoint_file(str(tmp_path / "broken"))
    (tmp_path / "broken" / "hparams.yaml").write_text("class_identifier: referenceless_regression_metric\n")
    with pytest.raises(UserError, match="cannot load the COMET model"):
        comet_scores(PAIRS, str(tmp_path / "broken"))


def test_check_with_sources_and_comet(tiny_model, tmp_path):
    import json

    from click.testing import CliRunner
    from sources_helpers import NEWS, SPUN

    from audit.cli import cli

    index = tmp_path / "news.sqlite"
    runner = CliRunner()
    assert runner.invoke(cli, ["index", str(NEWS), "--index", str(index)]).exit_code == 0
    result = runner.invoke(cli, ["check", "--exit-zero", "--format", "json", str(SPUN), "--sources", str(NEWS),
                                 "--index", str(index), "--comet-model", str(tiny_model)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["meta"]["scores"]["comet"].startswith("comet|model:tiny-comet")
    spans = [span for s in report["documents"][0]["sentences"] for span in s.get("sources", [])]
    assert spans and all(isinstance(span["comet"], float) for span in spans)
