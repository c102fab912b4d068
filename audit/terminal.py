"""What the terminal asks of the text report: colour or not, and how wide.

Colour follows the command line first (`--color/--no-color`), then the conventions of
no-color.org (`NO_COLOR` set and not empty: no colour) and force-color.org (`FORCE_COLOR` set
and not empty: colour even in a pipe); `NO_COLOR` wins when both are set, as rich decides.
Without any of them, a report gets colour only when it goes to a terminal. A report that goes
to a pipe or a file is never wrapped: its lines and paths stay whole for `grep` and editors.
"""

from __future__ import annotations

import os
import shutil
import sys

# Wide enough that no table column or line is ever folded in a pipe or a file.
UNWRAPPED = 1 << 16


def wants_color(flag: bool | None, to_terminal: bool, environ=os.environ) -> bool:
    """Colour for a report: the flag, else NO_COLOR / FORCE_COLOR, else a terminal or not."""
    if flag is not None:
        return flag
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return to_terminal


def report_width(to_terminal: bool) -> int:
    """The terminal's width (`COLUMNS` first, as `shutil` reads it), or no limit off a terminal."""
    return shutil.get_terminal_size((100, 24)).columns if to_terminal else UNWRAPPED


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
