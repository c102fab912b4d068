"""The checks, one module per family; importing this package registers them all.

Source-free families (MT1xx–MT5xx) read only the document; `fidelity`, `entity_changes`,
`phrases` and `word_coverage` (MT6xx) also read the aligned sources in the `RuleContext` and run
only when the sources stage has produced them. Every rule has the same signature, `check(document, context)`.
"""

from audit.rules import (  # noqa: F401
    entity_changes,
    fidelity,
    learned,
    phrases,
    residue,
    segment_terms,
    segments,
    terminology,
    transliteration,
    typography,
    untranslated,
    word_coverage,
    wording,
)
from audit.rules.registry import REGISTRY, Hit, Rule, RuleContext, rule, run_rules

__all__ = ["REGISTRY", "Hit", "Rule", "RuleContext", "rule", "run_rules"]
