"""Shared helpers: audit a string without touching the file system."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import Settings
from audit.ingest import RawText
from audit.pipeline import audit_text
from audit.results import Audit

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "article.txt"


def audit_string(text: str, **settings) -> Audit:
    return audit_text(RawText("<test>", text, "utf-8", "text/plain", ()), Settings(**settings))


def codes(text: str, **settings) -> list[str]:
    return [f.code for f in audit_string(text, **settings).findings]


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (it lives in ../shared/, outside the repo)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def browser(tmp_path):
    """A headless Chromium page (tests/browser.py); tests using it are marked needs_chromium."""
    from browser import Browser

    session = Browser(tmp_path / "profile")
    yield session
    session.close()
