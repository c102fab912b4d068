"""The checks, one module per family; importing this package registers them all.

Source-free rules live here; the rules that compare with a source (MT6xx) live with the
sources stage, in `audit.sources.checks` and `audit.sources.entity_changes`, and are
registered here too so `mtaudit rules` lists every code.
"""

from audit.rules import (  # noqa: F401
    residue,
    segment_terms,
    segments,
    terminology,
    transliteration,
    typography,
    untranslated,
    wording,
)
from audit.rules.registry import REGISTRY, Hit, Rule, RuleOptions, rule, run_rules
from audit.sources import checks as _source_checks  # noqa: F401
from audit.sources import entity_changes as _entity_changes  # noqa: F401

__all__ = ["REGISTRY", "Hit", "Rule", "RuleOptions", "rule", "run_rules"]
