"""Turn a run into an exit code. The only place that decides pass or fail."""

from __future__ import annotations

from audit.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from audit.pipeline import Audit
from audit.run import Run
from audit.verdict import NOT_FRENCH, TOO_SHORT


def failing_reasons(result: Audit, run: Run) -> list[str]:
    """Why one document fails the configured thresholds (empty when it passes).

    A document too short to judge is not failed on its mt_likelihood: it has no verdict.
    """
    settings = run.settings
    reasons = []
    threshold = settings.fail_on_severity
    if threshold is not None:
        worst = [f for f in result.findings if f.severity.rank >= threshold.rank]
        if worst:
            reasons.append(f"{len(worst)} findings at or above {threshold.value}")
    if settings.min_score is not None and result.score < settings.min_score:
        reasons.append(f"score {result.score:.1f} below {settings.min_score}")
    judged = result.verdict.label != TOO_SHORT
    if judged and settings.max_mt_likelihood is not None and result.verdict.mt_likelihood > settings.max_mt_likelihood:
        reasons.append(f"mt_likelihood {result.verdict.mt_likelihood:.2f} above {settings.max_mt_likelihood}")
    return reasons


def exit_code(run: Run) -> int:
    """2 if any input could not be audited (or is not French), else 1 if any fails, else 0."""
    if run.failures or any(a.verdict.label == NOT_FRENCH for a in run.audits):
        return EXIT_ERROR
    if any(failing_reasons(a, run) for a in run.audits):
        return EXIT_FINDINGS
    return EXIT_OK
