"""A progress bar for batch runs on a terminal: done/total, rate and time left, on stderr.

Quiet when stderr is not a terminal (CI logs, pipes), so logs hold only the report.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress(total: int | None, *, enabled: bool | None = None) -> Iterator[Callable[[str], None] | None]:
    """Yield an `advance(path)` callback, or None when no bar is shown. `total` is None when
    the inputs are counted as they come (`audit-site` walks a site lazily)."""
    if enabled is None:
        enabled = sys.stderr.isatty() and (total is None or total > 1)
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("[bold]auditing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        TextColumn("[dim]{task.fields[current]}"),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("audit", total=total, rate="", current="")

        def advance(path: str) -> None:
            speed = bar.tasks[0].speed
            name = os.path.basename(path)[-30:] if path else ""
            bar.update(task, advance=1, current=name, rate=f"{speed:.0f} files/s" if speed else "")

        yield advance
