"""The batch summary table of the terminal report: worst documents first, then errors.

Shows the gate's own pass/fail per document so the table and the exit code agree. Long runs
list the `LIMIT` worst documents; the JSON and HTML reports list them all.
"""

from __future__ import annotations

from audit.gate import failing_reasons
from audit.reporters.visible import one_line
from audit.results import Run

LIMIT = 20


def batch_table(run: Run):
    from rich.markup import escape
    from rich.table import Table

    table = Table(title="Documents, worst score first", title_justify="left", show_edge=False)
    table.add_column("document", overflow="fold")
    for name in ("words", "findings", "score", "mt_likelihood"):
        table.add_column(name, justify="right")
    table.add_column("verdict", no_wrap=True)
    table.add_column("gate")
    ranked = sorted(run.audits, key=lambda a: (a.score, a.document.path))
    for result in ranked[:LIMIT]:
        failing = failing_reasons(result, run)
        table.add_row(
            escape(one_line(result.document.path)), str(result.document.word_count), str(len(result.findings)),
            f"{result.score:.1f}", f"{result.verdict.mt_likelihood:.2f}", result.verdict.label,
            "[red]fail[/]" if failing else "[green]pass[/]",
        )
    if len(ranked) > LIMIT:
        table.add_row(f"… {len(ranked) - LIMIT} more", "", "", "", "", "", "")
    for failure in run.failures:
        table.add_row(escape(one_line(failure.path)), "", "", "", "", f"error: {escape(one_line(failure.message))}", "[red]error[/]")
    return table
