"""Audit many inputs; one that cannot be read is recorded and the others go on."""

from __future__ import annotations

from audit.config import Settings
from audit.errors import InputError
from audit.pipeline import audit_path
from audit.run import InputFailure, Run


def audit_all(paths: list[str], settings: Settings) -> Run:
    audits, failures = [], []
    for path in paths:
        try:
            audits.append(audit_path(path, settings))
        except InputError as error:
            failures.append(InputFailure(path, str(error).removeprefix(f"{path}: ")))
    return Run(tuple(audits), tuple(failures), settings)
