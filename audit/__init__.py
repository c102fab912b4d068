"""mtaudit: find the marks machine translation and spinning leave on French text.

The stages, in the order data flows (`audit.pipeline` runs them for one input):

1. ingest: read bytes, decode, extract an HTML page's article (`ingest`);
2. segment: paragraphs and sentences with character offsets (`segment` → `document`);
3. language: is it French, and which sentences are not (`language`);
4. sources: with a corpus, retrieve the reports an article came from and align them
   (`sources/` → `SourceContext`);
5. rules: every rule family, source-free (MT1xx–MT5xx) and source-based (MT6xx), one
   registry and one runner (`rules/` → `findings`);
6. policy: what the user selected, ignored or suppressed (`policy`, `suppressions`);
7. scores: MQM per sentence and document, and chrF/BLEU/TER/COMET against aligned sources
   (`scores/`);
8. verdict: is it machine-translated or spun (`verdict`), which settles the severity of
   source omissions (`omissions`); the baseline then hides known findings (`baseline`)
   → one `Audit` (`results`);
9. reporters: one module per output format (`reporters/`), reading `results` only;
10. gate: the exit code (`gate`).

Around them: `cli` (commands), `batch`, `inputs`, `tree` and `progress` (many inputs),
`fixes` and `fix_files` (`check --fix`: apply the findings' edits, re-check, write back),
`site/` (the `audit-site` application), and infrastructure (`config`, `config_files`,
`errors`, `cache`, `resources`, `versions`, `provenance`, `evaluation`).
Importing the package is cheap; models and word lists load on first use.
"""

__version__ = "0.1.0"
