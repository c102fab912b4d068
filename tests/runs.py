"""Build `Run`s in memory for the reporter tests: a spun article, a hostile one, an error."""

from __future__ import annotations

from audit.config import Settings
from audit.ingest import RawText, extract_article
from audit.pipeline import audit_text
from audit.results import InputFailure, Run

SPUN = (
    "Selon cette Source, un premier contingent de soldats serait arrivé en Russie.\n\n"
    "Le ministre a parlé d’une “menace importante”a-t-il déclaré vendredi devant la presse.\n\n"
    "For Latest Updates Follow us on Google News\n"
)
HOSTILE_HTML = (
    "<html><body><article>"
    "<p>Selon cette Source, le “ministre” a parlé &lt;script&gt;alert(1)&lt;/script&gt; hier soir devant la presse.</p>"
    "<p>Le ministre a parlé d’une “menace importante”a-t-il déclaré &lt;img src=x onerror=alert(2)&gt; vendredi.</p>"
    "<p>Cliquez sur &lt;a href=\"javascript:alert(3)\"&gt;ce lien&lt;/a&gt; pour lire la suite de l’article.</p>"
    "<p>Le texte se termine par une balise cassée &lt;/p&gt;&lt;div class=\"x\" &lt;!-- et des « guillemets ».</p>"
    "</article></body></html>"
)


def audit_of(path: str, text: str, media_type: str = "text/plain", **settings):
    return audit_text(RawText(path, text, "utf-8", media_type, ()), Settings(**settings))


def run_of(*audits, failures=(), **settings) -> Run:
    return Run(tuple(audits), tuple(InputFailure(p, m) for p, m in failures), Settings(**settings))


def spun_run(**settings) -> Run:
    return run_of(audit_of("site/spun.txt", SPUN), failures=[("site/empty.txt", "empty input")], **settings)


def hostile_run() -> Run:
    return run_of(audit_of("site/<evil>&\".html", extract_article(HOSTILE_HTML), "text/html"))
