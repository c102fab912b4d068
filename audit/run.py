"""The result of a whole invocation: audits, the inputs that failed, and the settings."""

from __future__ import annotations

from dataclasses import dataclass

from audit.config import Settings
from audit.pipeline import Audit


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be audited, with the one-line reason."""

    path: str
    message: str


@dataclass(frozen=True)
class Run:
    audits: tuple[Audit, ...]
    failures: tuple[InputFailure, ...]
    settings: Settings
