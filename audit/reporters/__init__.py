"""Presenters of a run's results; each consumes `Run` and writes a string, nothing else.

Every format is one module with a `render(run) -> str`; the text report also takes display
options, and formats whose output can be large also offer `render_pieces(run)`, which the CLI
writes as it goes (JSON, SARIF, concise). The CLI looks formats up here, so adding one is a
module and a line in `FORMATS`.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from audit.findings import Severity

FORMATS = {
    "text": "text",
    "json": "json_report",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "concise": "concise",
}

# How CI systems rank an annotation; minor findings are worth a look, not a red cross.
ANNOTATION_LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning"}


def reporter(name: str) -> ModuleType:
    """The module that renders format `name` (imported only when asked for)."""
    return import_module(f"audit.reporters.{FORMATS[name]}")
