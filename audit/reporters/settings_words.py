"""A run's settings in plain words for editors, read back from its signature.

`Settings.signature` (`select:MT|ignore:-|spacing:lenient|…`) makes a run reproducible but
says little to an editor; the HTML reports say in words what was checked and keep the
signature in a folded "technical details". Reading the signature, not `Settings`, lets the
site index say the same: it has only the signature its results folder recorded.
"""

from __future__ import annotations

# key → (phrase for the default value or None to say nothing, phrase for any other value);
# `{}` is the value. Counts (`+N`, `N`) of zero are defaults.
PHRASES: dict[str, tuple[str | None, str]] = {
    "select": ("every rule", "only the rules {}"),
    "ignore": (None, "rules {} turned off"),
    "spacing": ("any space accepted before ; : ! ?", "a no-break space required before ; : ! ?"),
    "boilerplate": (None, "{} boilerplate lines of the site's own"),
    "severity": (None, "severities changed: {}"),
    "per-file-ignores": (None, "{} per-file exemptions"),
    "accept": (None, "{} terms of the site accepted"),
    "baseline": (None, "known findings of a baseline left out of the gate"),
    "sources": ("no source reports compared (the text alone)", "compared with the source reports it may come from"),
    "comet": (None, "a COMET score per sentence"),
    "terminology": (None, "{} terms of the site's terminology enforced"),
    "glossary": (None, "a bilingual glossary"),
    "inline-suppressions": ("“mtaudit: ignore” markers in the text obeyed", "“mtaudit: ignore” markers in the text not obeyed"),
    "qe": (None, "a learned quality score per bilingual unit"),
    "verdict": (None, "the verdict's model: {}"),
}
DEFAULTS = {"select": "MT", "ignore": "-", "spacing": "lenient", "severity": "-", "baseline": "no", "sources": "no",
            "comet": "no", "glossary": "no", "inline-suppressions": "yes", "qe": "no", "verdict": "rules"}


def settings_in_words(signature: str) -> list[str]:
    """What the run checked, one phrase per setting that says something; a key this version
    does not know is shown as it is written, and a signature that is not one gives []."""
    phrases = []
    for part in signature.split("|"):
        key, colon, value = part.partition(":")
        if not colon:
            return []
        if key not in PHRASES:
            phrases.append(part)
            continue
        default, other = PHRASES[key]
        count = value.lstrip("+")
        is_default = value == DEFAULTS[key] if key in DEFAULTS else count == "0"
        phrase = default if is_default else other.format(count if count.isdigit() else value)
        if phrase:
            phrases.append(phrase)
    return phrases
