"""A generated site for the site-run tests: articles mixed from the bundled samples, and a
reader of a results folder's document lines."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

SAMPLES = ROOT / "corpora" / "samples"


def make_site(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """`count` articles of 6 to 10 paragraphs in 3 sections; returns their paths."""
    pool = [p.strip() for path in sorted(SAMPLES.glob("*.txt"))
            for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    chooser, paths = random.Random(seed), []
    for n in range(count):
        section = folder / f"section-{n % 3}"
        section.mkdir(parents=True, exist_ok=True)
        path = section / f"article-{n:04d}.txt"
        path.write_text("\n\n".join(chooser.sample(pool, chooser.randint(6, 10))) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def document_lines(out: Path) -> list[str]:
    return sorted(line for p in sorted(out.glob("documents-*.jsonl"))
                  for line in p.read_text(encoding="utf-8").splitlines())


def documents(out: Path) -> list[dict]:
    return [json.loads(line) for line in document_lines(out)]


def mtaudit(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit", *args], input=stdin, check=False, capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
