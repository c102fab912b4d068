"""The language of mtaudit's own words: English by default, French on request.

The CLI's lines, the verdict labels and the text report's headings go through `_` (and
`ngettext` where a count decides the form); the catalogs are gettext's, domain `mtaudit`, in
`audit/locale/<lang>/LC_MESSAGES/`: the `.po` is the source, the compiled `.mo` ships beside
it, so an install needs neither Babel nor a build step (`make messages` re-extracts and
recompiles with Babel; a test fails when the `.mo` lags the `.po`). The findings' own messages
and every machine format (JSON, SARIF, JUnit…) stay English, so reports are byte-identical
whatever the language.

The language is chosen once per run (`use`): `--lang`, else `MTAUDIT_LANG`, else the
configuration's `lang`, else English.
"""

from __future__ import annotations

import gettext
from pathlib import Path

from audit.errors import UserError

LANGUAGES = ("en", "fr")
DOMAIN = "mtaudit"
LOCALE = Path(__file__).resolve().parent / "locale"
_state = {"catalog": gettext.NullTranslations()}


def use(language: str) -> None:
    """Speak `language` from now on (one of LANGUAGES)."""
    if language not in LANGUAGES:
        raise UserError(f"lang: {language!r} is not one of {', '.join(LANGUAGES)}")
    _state["catalog"] = (gettext.NullTranslations() if language == "en"
                         else gettext.translation(DOMAIN, LOCALE, [language]))


def _(message: str) -> str:
    """`message` in the current language."""
    return _state["catalog"].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of `singular`/`plural` that `count` takes, in the current language."""
    return _state["catalog"].ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalog where it is defined; `_` translates it where shown."""
    return message
