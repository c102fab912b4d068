"""The editor's report: one self-contained HTML file (`--format html -o report.html`).

Templates and assets live in `reports/` at the top of the repository and ship inside the
package as `audit/reporters/assets` (a link to it). Jinja2 escapes everything from the article;
the page loads nothing from the network, and its Content-Security-Policy allows only the one
inline script whose hash it states, so even an escaping slip could not run injected code.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

import audit
from audit.findings import shown_suggestion
from audit.messages import finding_message
from audit.reporters.html_charts import category_bars, merged_counts, score_histogram
from audit.reporters.html_summary import leading_rules, rule_tallies, severity_totals
from audit.reporters.html_view import document_view, severity_order
from audit.reporters.settings_words import settings_in_words
from audit.reporters.visible import visible
from audit.results import Run

ASSETS = "assets"


@lru_cache(maxsize=1)
def environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("audit.reporters", ASSETS),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_shown,
    )
    environment.filters["shown_suggestion"] = shown_suggestion
    environment.filters["message"] = finding_message  # a finding's message in the run's language
    return environment


def _shown(value):
    """Every value a template writes: control characters from an input shown as escapes
    (`audit.reporters.visible`); the report's own markup (style, script) as it is."""
    from markupsafe import Markup

    return visible(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def asset(name: str) -> str:
    loader = environment().loader
    source, _, _ = loader.get_source(environment(), name)
    return source


def script_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def render(run: Run) -> str:
    from markupsafe import Markup

    views = [document_view(n, result) for n, result in enumerate(run.audits, 1)]
    findings = [f for result in run.audits for f in result.findings]
    tallies = rule_tallies(findings)
    script = asset("report.js")
    context = {
        "version": audit.__version__,
        "views": views,
        "ranked": sorted(views, key=lambda v: (v.result.score, v.result.document.path)),
        "failures": run.failures,
        "settings": run.settings.signature,
        "settings_words": settings_in_words(run.settings.signature),
        "severities": [s for s in severity_order() if any(f.severity.value == s for f in findings)],
        "categories": sorted({f.category.value for f in findings}),
        "bars": category_bars(merged_counts(views)),
        "histogram": score_histogram(
            [v.result.score for v in views] if len(views) > 1 else [s.score for v in views for s in v.result.sentence_scores]
        ),
        "histogram_of": "documents" if len(views) > 1 else "sentences",
        "total_findings": len(findings),
        "severity_totals": severity_totals(tallies),
        "leading_rules": leading_rules(tallies),
        "style": Markup(asset("report.css")),
        "script": Markup(script),
        "script_hash": script_hash(script),
    }
    return environment().get_template("report.html.j2").render(context)
