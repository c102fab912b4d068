"""Which paths a run audits: files as given, directories walked, quoted globs, listed paths.

Generators, so a site of a million files is walked as it is audited, never held as a list.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext

from audit.errors import UserError
from audit.tree import Exclusion, walk

# Bilingual files whose suffix says what they are; CSV, TSV and JSONL are audited when named.
AUDITED_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".md", ".markdown", ".xlf", ".xliff", ".tmx", ".po")
DEFAULT_EXCLUSION = Exclusion()


def input_paths(paths: Iterable[str], exclusion: Exclusion = DEFAULT_EXCLUSION) -> Iterator[str]:
    """Files as given, directories walked for audited suffixes (sorted, minus what `exclusion`
    and `.gitignore` skip, see `audit.tree`), quoted globs expanded."""
    for path in paths:
        if exclusion.skips_explicit(path):
            continue
        if os.path.isdir(path):
            yield from walk(path, exclusion, AUDITED_SUFFIXES)
        elif path != "-" and any(ch in path for ch in "*?[") and not os.path.exists(path):
            yield from sorted(glob.glob(path, recursive=True)) or [path]
        else:
            yield path


def listed_paths(source: str) -> Iterator[str]:
    """Paths one a line from a file, or from standard input for '-' (`--files-from`)."""
    try:
        handle = nullcontext(sys.stdin) if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise UserError(f"{source}: cannot read the list of files ({error.strerror})") from None
    with handle as lines:
        for line in lines:
            if line.strip():
                yield line.rstrip("\r\n")
