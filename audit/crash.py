"""The command's last resort: an unexpected exception becomes one line and a file of details.

No traceback reaches a user (issue 17). The line names the error and the file in the
temporary directory that holds the traceback, the version and the command, for a bug report.
"""

from __future__ import annotations

import sys
import tempfile
import traceback


def write_details(error: BaseException) -> str:
    """Write `error`'s traceback, the version and the command to a new temporary file; its path."""
    import audit

    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - kept on disk for the user to send
        "w", encoding="utf-8", errors="backslashreplace", prefix="mtaudit-crash-", suffix=".txt", delete=False
    )
    with handle:
        handle.write(f"mtaudit {audit.__version__}, Python {sys.version.split()[0]}\n")
        handle.write(f"command: {sys.argv!r}\n\n")
        handle.write("".join(traceback.format_exception(error)))
    return handle.name
