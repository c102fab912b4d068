"""The batch summary table of the terminal report: worst documents first, then errors.

Shows the gate's own pass/fail per document so the table and the exit code agree. Long runs
list the `LIMIT` worst documents; the JSON and HTML reports list them all.
"""

from __future__ import annotations

from audit.gate import failing_reasons
from audit.messages import _
from audit.reporters.visible import one_line
from audit.results import Run

LIMIT = 20


def batch_table(run: Run):
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=_("Documents, worst score first"), title_justify="left", show_edge=False)
    table.add_column(_("document"), overflow="fold")
    for name in (_("words"), _("findings"), _("score"), "mt_likelihood"):
        table.add_column(name, justify="right")
    table.add_column(_("verdict"), no_wrap=True)
    table.add_column(_("gate"))
    ranked = sorted(run.audits, key=lambda a: (a.score, a.document.path))
    for result in ranked[:LIMIT]:
        failing = failing_reasons(result, run)
        table.add_row(
            escape(one_line(result.document.path)), str(result.document.word_count), str(len(result.findings)),
            f"{result.score:.1f}", f"{result.verdict.mt_likelihood:.2f}", _(result.verdict.label),
            "[red]{}[/]".format(_("fail")) if failing else "[green]{}[/]".format(_("pass")),
        )
    if len(ranked) > LIMIT:
        table.add_row(_("… {count} more").format(count=len(ranked) - LIMIT), "", "", "", "", "", "")
    for failure in run.failures:  # the reason is on the failure's own line, above the table
        table.add_row(escape(one_line(failure.path)), "", "", "", "", "", "[red]{}[/]".format(_("error")))
    return table
