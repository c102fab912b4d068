"""The site's own terminology: terms to avoid, each with the term to use instead.

Style guides fix a spelling or a word (Kiev or Kyiv, « courriel » or « e-mail »); a spun
copy ignores them. The list comes from the `terminology` setting, so this rule is silent
until a site configures it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from audit.document import Document
from audit.findings import Category, Severity
from audit.messages import N_
from audit.rules.registry import Hit, RuleContext, rule


@lru_cache(maxsize=8)
def _pattern(terms: tuple[tuple[str, str], ...]) -> re.Pattern:
    avoided = sorted((avoid for avoid, _ in terms), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, avoided)) + r")(?![\w-])")


@rule("MT503", "terminology", Category.TERMINOLOGY, Severity.MINOR, fix="unsafe")
def terminology(document: Document, context: RuleContext) -> Iterator[Hit]:
    """A term the site's terminology list says to avoid.

    Why: a publication keeps one spelling and one word for each thing; a machine-translated
    or spun copy brings in another. Configure it in `[tool.mtaudit.terminology]`, e.g.
    `"e-mail" = "courriel"`. Matching is case-sensitive, on whole words.

    Example: Envoyez vos questions par e-mail à la rédaction.  (with "e-mail" = "courriel")
    Use instead: Envoyez vos questions par courriel à la rédaction.
    """
    if not context.terminology:
        return
    preferred = dict(context.terminology)
    for match in _pattern(context.terminology).finditer(document.text):
        use = preferred[match.group()]
        yield Hit(match.start(), match.end(), N_("the terminology list prefers « {use} »").format(use=use), use)
