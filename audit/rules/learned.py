"""Error spans of the learned quality estimation model, as findings (rule MT712).

The model (`audit.qe`, docs/qe.md) runs in the pipeline when `--qe` asks for it; this rule
only turns its spans into hits, the way the MT6xx rules read the aligned sources. Each span
carries the category and severity the model gives it.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.document import Document
from audit.findings import Category, Severity
from audit.messages import N_
from audit.rules.registry import Hit, RuleContext, rule

_MESSAGES = {
    Category.UNTRANSLATED: N_("learned QE: English left in the target, as annotators mark it"),
    Category.MISTRANSLATION: N_("learned QE: annotators of product MT would likely mark this phrase"),
}


@rule("MT712", "learned-error-span", Category.MISTRANSLATION, Severity.MINOR, bilingual=True)
def learned_error_span(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A phrase of the target the learned QE model (`--qe`) expects an MQM annotator to mark.

    Why: most errors of machine translation (word order, a literal or wrong word, a missing
    determiner) match no pattern; the model, fitted on professional MQM annotations of
    English → French product MT (WMT20), finds where they are likely. It is a pointer for a
    reviewer, right about half of the time: minor, major only when the model is confident.

    Example: source "The stainless steel bottle keeps drinks cold" → target « La stainless
    steel bouteille keeps les boissons froides »
    Use instead: target « La gourde en acier inoxydable garde les boissons au frais »
    """
    for unit, estimate in zip(document.segments, context.qe):
        for span in estimate.spans:
            yield Hit(unit.start + span.start, unit.start + span.end, _MESSAGES[span.category],
                      severity=span.severity, category=span.category)
