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

AUDITED_SUFFIXES = (".txt", ".html", ".htm", ".md")


def input_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, directories walked for audited suffixes (sorted), quoted globs expanded.

    A walk keeps regular files only: a named pipe called `x.txt` would make a reader wait
    for a writer forever, and a device or socket is no page."""
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, names in os.walk(path):
                subfolders.sort()
                yield from sorted(
                    path for n in names
                    if n.lower().endswith(AUDITED_SUFFIXES) and os.path.isfile(path := os.path.join(folder, n))
                )
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
