"""Turn a run into an exit code. The only place that decides pass or fail.

The same thresholds judge a document of `check` (an `Audit`) and a page of `audit-site` (its
JSON record in a shard). A file that is not French is a skipped input, not a failure, unless
`fail_on_skipped` says otherwise: a content repository holds English READMEs and licences.
"""

from __future__ import annotations

from collections.abc import Iterable

from audit.config import Settings
from audit.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from audit.findings import Severity
from audit.results import Audit, Run
from audit.verdict import NOT_FRENCH, TOO_SHORT


def failing_reasons(result: Audit, run: Run) -> list[str]:
    """Why one document fails the configured thresholds (empty when it passes).

    A document too short to judge is not failed on its mt_likelihood: it has no verdict.
    """
    return _reasons((f.severity for f in result.findings), result.score, _judged(result.verdict.label,
                    result.verdict.mt_likelihood), run.settings)


def record_fails(record: dict, settings: Settings) -> bool:
    """Whether an `audit-site` page record (`reporters.json_report.document_dict`) fails."""
    if record["verdict"]["label"] == NOT_FRENCH:
        return False
    severities = (Severity(f["severity"]) for f in record["findings"])
    verdict = record["verdict"]
    return bool(_reasons(severities, record["score"], _judged(verdict["label"], verdict["mt_likelihood"]), settings))


def _judged(label: str, mt_likelihood: float) -> float | None:
    return None if label == TOO_SHORT else mt_likelihood


def _reasons(severities: Iterable[Severity], score: float, mt_likelihood: float | None,
             settings: Settings) -> list[str]:
    reasons = []
    threshold = settings.fail_on_severity
    if threshold is not None:
        worst = sum(1 for s in severities if s.rank >= threshold.rank)
        if worst:
            reasons.append(f"{worst} findings at or above {threshold.value}")
    if settings.min_score is not None and score < settings.min_score:
        reasons.append(f"score {score:.1f} below {settings.min_score}")
    if None not in (settings.max_mt_likelihood, mt_likelihood) and mt_likelihood > settings.max_mt_likelihood:
        reasons.append(f"mt_likelihood {mt_likelihood:.2f} above {settings.max_mt_likelihood}")
    return reasons


def skipped(run: Run) -> list[Audit]:
    """Documents not audited because they are not French."""
    return [a for a in run.audits if a.verdict.label == NOT_FRENCH]


def exit_code(run: Run) -> int:
    """2 if any input could not be audited (or is not French with `fail_on_skipped`), else 1
    if any document fails, else 0."""
    if run.failures or (run.settings.fail_on_skipped and skipped(run)):
        return EXIT_ERROR
    if any(failing_reasons(a, run) for a in run.audits):
        return EXIT_FINDINGS
    return EXIT_OK


def site_exit_code(summary: dict, settings: Settings) -> int:
    """The gate of `audit-site` over its summary: pages that failed are counted there
    (unreadable pages are recorded in the results, as before, and do not fail the run)."""
    gate = summary["gate"]
    if settings.fail_on_skipped and gate["skipped_not_french"]:
        return EXIT_ERROR
    return EXIT_FINDINGS if gate["failing_pages"] else EXIT_OK
