"""mtaudit: find the marks machine translation and spinning leave on French text.

The stages, in the order data flows (`audit.pipeline` runs them for one input):

1. ingest: read bytes, decode (`decoding`), extract an HTML page's article (`ingest`,
   `html_depth`; large pages in one pass, `html_tokens` → `html_stream` with `html_tables`,
   `html_formatting`), read Markdown as Markdown (`markdown`) and bilingual files unit by
   unit (`bilingual`, `bilingual_tables`, `glossary`);
2. segment: paragraphs and sentences with character offsets (`segment` → `document`);
3. language: is it French, by the share of its text in each language (`language_share`,
   `language`);
4. sources: with a corpus or a known source, retrieve the reports an article came from and
   align them (`sources/` → `SourceContext`); with `--qe`, learned quality estimation of a
   bilingual file's units (`qe/`: features, model, `qe.bilingual` → `DocumentQE`);
5. rules: every rule family, source-free (MT1xx–MT5xx), source-based (MT6xx) and bilingual
   (MT7xx), one registry and one runner (`rules/` → `findings`);
6. policy: what the user selected, ignored, suppressed or baselined (`policy`,
   `suppressions`, `baseline`);
7. scores: MQM per sentence and document, and chrF/BLEU/TER/COMET against aligned sources
   (`scores/`);
8. verdict: is it machine-translated or spun, from a fitted model (`verdict`,
   `verdict_features`, `verdict_model`; with `--verdict-model e5`, stacked with a classifier
   on e5 sentence embeddings, `verdict_e5`), then source omissions settled by it
   (`omissions`) → one `Audit` (`results`);
9. reporters: one module per output format (`reporters/`; the HTML report's view, charts,
   banner and settings in words in `html_view`, `html_charts`, `html_summary`,
   `settings_words`), reading `results` only;
10. gate: the exit code (`gate`).

Around them: `cli` (commands), `batch`, `inputs`, `tree` and `progress` (many inputs),
`fixes` and `fix_files` (`check --fix`: apply the findings' edits, re-check, write back),
`site/` (the `audit-site` application), `terminal` and `messages` (colour, width and the
language of the CLI and the human reports), and infrastructure (`config`, `config_files`,
`config_discovery`, `errors`, `crash`, `cache`, `resources`, `versions`, `provenance`,
`evaluation`).
Importing the package is cheap; models and word lists load on first use.
"""

__version__ = "0.1.0"
