"""Source-free checks, one module per family; importing this package registers them all."""

from audit.rules import residue, transliteration, typography, untranslated, wording  # noqa: F401
from audit.rules.registry import REGISTRY, Hit, Rule, RuleOptions, rule, run_rules

__all__ = ["REGISTRY", "Hit", "Rule", "RuleOptions", "rule", "run_rules"]
