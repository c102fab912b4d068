"""Read the data files shipped in audit/data (word lists, tables, rule data)."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources


def _path(name: str):
    return resources.files("audit").joinpath("data", name)


def _read(name: str) -> str:
    return _path(name).read_text(encoding="utf-8")


def data_key(name: str) -> str:
    """A cache key that changes whenever the data file does."""
    stat = os.stat(str(_path(name)))
    return f"{name} {stat.st_size} {stat.st_mtime_ns}"


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text or TSV data file."""
    return tuple(line for line in _read(name).splitlines() if line.strip() and not line.startswith("#"))


@cache
def data_toml(name: str) -> dict:
    return tomllib.loads(_read(name))
