"""Run one input through the stages, in the order `audit/__init__.py` gives.

`audit_path` is the whole run for one input; it returns values only, and leaves presenting and
exit codes to the reporters and the gate. With `settings.sources` (a corpus folder), the
sources stage retrieves and aligns the article's sources before the rules run, so the source
rules (MT6xx) read them like any rule reads its context, and each sentence is scored against
its aligned source. Models load lazily, so a source-free run never pays for them.

Score and verdict are those of the whole text; the baseline then hides the findings it
already knows from the list and the gate only, and the `Audit` says how many it matched.
"""

from __future__ import annotations

from audit.config import Settings
from audit.document import Document
from audit.findings import Finding
from audit.ingest import RawText, load
from audit.language import DECLARED_FRENCH
from audit.language_share import document_language
from audit.omissions import settle_omissions
from audit.policy import apply_policy, selected_rules
from audit.results import Audit
from audit.rules import RuleContext, run_rules
from audit.scores.mqm import document_score, sentence_scores
from audit.segment import segment
from audit.verdict import decide, is_french


def audit_path(path: str, settings: Settings, name: str | None = None) -> Audit:
    """Audit the file `path`; `name` stands for it in the result (standard input's name)."""
    return audit_text(load(path, settings.max_bytes, name, settings.max_parse_seconds), settings)


def audit_text(raw: RawText, settings: Settings, pair: tuple[str, str] | None = None) -> Audit:
    """Audit one decoded text; `pair` is a known source `(text, language)` it translates
    (`mtaudit.check_pair`), aligned monotonically instead of retrieved."""
    document = segment(raw)
    # A bilingual file declares its target language, and ingest refused any but French.
    language = DECLARED_FRENCH if document.segments else document_language(document)
    findings: list[Finding] = []
    sources, sourced, qe = None, (), None
    if is_french(language):
        if pair is not None:
            from audit.sources.context import pair_context

            sources = pair_context(document, *pair)
        elif settings.sources or settings.source_files:
            sources = _find_sources(document, settings)
        qe = _assess(document, settings)
        context = RuleContext(
            strict_spacing=settings.strict_spacing,
            extra_boilerplate=settings.boilerplate,
            terminology=tuple(sorted(settings.terminology.items())),
            glossary=_glossary(document, settings),
            sources=sources.sources if sources else (),
            qe=qe.segments if qe else (),
        )
        rules = selected_rules(settings, with_source=sources is not None)
        detected = list(run_rules(document, rules, context))
        if document.segments:
            from audit.rules.segments import reported_once

            detected = reported_once(document, detected)
        findings = apply_policy(detected, settings, document)
        if sources is not None:
            from audit.scores.sourced import sourced_sentences

            sourced = sourced_sentences(document, sources, settings.comet_model)
    verdict = decide(language, document, findings, settings.verdict_model)
    findings = settle_omissions(findings, verdict, settings)
    shown, matched = findings, None
    if settings.baseline:
        from audit.baseline import new_findings

        shown = new_findings(document, findings, settings.baseline)
        matched = len(findings) - len(shown)
    return Audit(
        document=document,
        language=language,
        findings=tuple(shown),
        sentence_scores=sentence_scores(document, findings),
        score=document_score(document, findings),
        verdict=verdict,
        sources=sources,
        sourced_sentences=sourced,
        baseline_matched=matched,
        qe=qe,
    )


def _glossary(document: Document, settings: Settings):
    """The configured glossary, read only for a bilingual document (csv costs 10 ms to import)."""
    if not document.segments or not settings.glossary:
        return ()
    from audit.glossary import load_glossary

    return load_glossary(settings.glossary)


def _assess(document: Document, settings: Settings):
    """The learned QE stage: a bilingual document's units scored when `qe` asks for it and
    the model loads (else the rules run alone; `qe_note` has said why, once)."""
    if not (settings.qe and document.segments):
        return None
    from audit.qe.bilingual import assess, unavailable

    return None if unavailable() else assess(document)


def _find_sources(document: Document, settings: Settings):
    """The sources stage: the files given with `--source` (known translations, first), then
    the reports retrieved from the corpus index, each aligned with the article."""
    from audit.sources.context import SourceContext, find_sources, given_sources
    from audit.sources.index import default_index_path

    given = given_sources(document, settings.source_files).sources
    if not settings.sources:
        return SourceContext(given)
    found = find_sources(document, settings.index or default_index_path(settings.sources), settings.max_sources)
    return SourceContext(given + found.sources)


def stale_index_note(settings: Settings) -> str | None:
    """One line for stderr when corpus files changed since the index was built."""
    if not settings.sources:
        return None
    from audit.sources.stale import settings_staleness

    index_path, stale = settings_staleness(settings)
    return stale.warning(index_path) if stale else None


def similarity_note(settings: Settings) -> str | None:
    """What a run with sources loses without the `[sources]` extra: one line for stderr."""
    if not (settings.sources or settings.source_files):
        return None
    from audit.sources import embed
    from audit.sources.similarity import FALLBACK_NOTE

    return None if embed.available() else FALLBACK_NOTE


def qe_note(settings: Settings) -> str | None:
    """What `--qe` loses when its model cannot load: one line for stderr, then rules only."""
    if not settings.qe:
        return None
    from audit.qe.bilingual import unavailable

    reason = unavailable()
    return f"--qe: {reason}; checking with the rules only" if reason else None


def check_ready(settings: Settings) -> None:
    """Fail once, before a batch starts, on a missing or unreadable source file, index or COMET
    model, or a missing e5 model for `--verdict-model e5`."""
    if settings.verdict_model == "e5":
        from audit.verdict_e5 import check_installed

        check_installed()
    if settings.source_files:
        from audit.sources.context import read_source

        for path in settings.source_files:
            read_source(path)
    if not settings.sources:
        return
    from audit.scores.comet import checkpoint_file
    from audit.sources.index import default_index_path, open_index

    open_index(settings.index or default_index_path(settings.sources)).close()
    if settings.comet_model:
        checkpoint_file(settings.comet_model)
