"""Versions of installed libraries, for the signatures in reports.

Wheels install into `<name>-<version>.dist-info`; reading that folder name costs a directory
listing, where `importlib.metadata` costs 20–50 ms of imports on every cold run. The
metadata API remains the fallback for unusual installs (eggs, zip imports).
"""

from __future__ import annotations

import os
import re
import sys
from functools import cache


@cache
def installed_version(distribution: str) -> str:
    """The installed version of `distribution`, or 'absent'."""
    prefix = re.sub(r"[-_.]+", "_", distribution).lower() + "-"
    for folder in sys.path:
        for name in _listing(folder):
            if name.endswith(".dist-info") and name.lower().startswith(prefix):
                return name[len(prefix) : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return "absent"


@cache
def _listing(folder: str) -> tuple[str, ...]:
    try:
        return tuple(sorted(os.listdir(folder or ".")))
    except OSError:
        return ()
