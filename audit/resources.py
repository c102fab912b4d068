"""Read the data files shipped in audit/data (word lists, tables, rule data)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from audit.cache import cached

# The package is installed as files (wheel or editable), never zipped: a plain path is enough,
# and importlib.resources would cost 10 ms of imports on every cold run.
DATA = Path(__file__).resolve().parent / "data"


def _path(name: str) -> Path:
    return DATA / name


def _read(name: str) -> str:
    return _path(name).read_text(encoding="utf-8")


def data_key(name: str) -> str:
    """A cache key that changes whenever the data file does."""
    stat = os.stat(_path(name))
    return f"{name} {stat.st_size} {stat.st_mtime_ns}"


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text or TSV data file."""
    return tuple(line for line in _read(name).splitlines() if line.strip() and not line.startswith("#"))


@cache
def data_toml(name: str) -> dict:
    """A TOML data file, parsed once and then read from the table cache."""
    return cached(f"toml-{name}", data_key(name), lambda: _parse_toml(name))


def _parse_toml(name: str) -> dict:
    import tomllib  # only a cache miss pays for the parser

    return tomllib.loads(_read(name))
