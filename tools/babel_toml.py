"""Babel extractor for the `message` fields of the rules' data files (`babel.cfg`, `make messages`).

Rules such as MT403 and MT302 report a data file's `message` as the finding's message; the
catalog must know those strings too, or `--lang fr` would show them in English. Used by
`pybabel extract -F babel.cfg` (with `tools/` on the path) and by tests/test_messages.py.
"""

from __future__ import annotations

import tomllib


def extract(fileobj, keywords, comment_tags, options):
    """(line, function, message, comments) for each `message = "…"` of a TOML file, in order."""
    lines = fileobj.read().decode("utf-8").splitlines()
    messages = sorted(_messages(tomllib.loads("\n".join(lines))))
    for message in messages:
        line = next((n for n, text in enumerate(lines, 1) if text.startswith("message") and message in text), 0)
        yield line, None, message, []


def _messages(value) -> set[str]:
    if isinstance(value, dict):
        found = {value["message"]} if isinstance(value.get("message"), str) else set()
        return found.union(*(_messages(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_messages(item) for item in value))
    return set()
