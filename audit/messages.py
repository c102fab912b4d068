"""The language of mtaudit's own words: English by default, French on request.

The CLI's lines, the verdict labels and the text report's headings go through `_` (and
`ngettext` where a count decides the form); the catalogs are gettext's, domain `mtaudit`, in
`audit/locale/<lang>/LC_MESSAGES/`: the `.po` is the source, the compiled `.mo` ships beside
it, so an install needs neither Babel nor a build step (`make messages` re-extracts and
recompiles with Babel; a test fails when the `.mo` lags the `.po`).

A finding's message stays English in `Finding.message` and in every machine format (JSON, SARIF,
JUnit, concise…), so those are byte-identical whatever the language; the human reports (text,
HTML) show it through `finding_message`. Rules build their messages from templates marked `N_`
("repeats the text of line {line}"), and the data files' `message` fields are extracted too
(`babel.cfg`), so the catalog knows every message's shape: `finding_message` matches the English
message against those templates and fills the French one with the captured fields.

The language is chosen once per run (`use`): `--lang`, else `MTAUDIT_LANG`, else the
configuration's `lang`, else English.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache
from pathlib import Path

from audit.errors import UserError

LANGUAGES = ("en", "fr")
DOMAIN = "mtaudit"
LOCALE = Path(__file__).resolve().parent / "locale"
_state: dict = {"catalog": gettext.NullTranslations(), "english": True}
_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")  # "{line}", "{term!r}", "{score:.0f}"


def use(language: str) -> None:
    """Speak `language` from now on (one of LANGUAGES)."""
    if language not in LANGUAGES:
        raise UserError(f"lang: {language!r} is not one of {', '.join(LANGUAGES)}")
    _state["catalog"] = (gettext.NullTranslations() if language == "en"
                         else gettext.translation(DOMAIN, LOCALE, [language]))
    _state["english"] = language == "en"


def _(message: str) -> str:
    """`message` in the current language."""
    return _state["catalog"].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of `singular`/`plural` that `count` takes, in the current language."""
    return _state["catalog"].ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalog where it is defined; `_` translates it where shown."""
    return message


def finding_message(message: str) -> str:
    """A finding's English `message` in the current language: the catalog's translation of the
    message itself, else of the first template it fills (longest first, fields carried over),
    else the message unchanged. Nothing is looked up in English."""
    return message if _state["english"] else _translated(message, _state["catalog"])


@lru_cache(maxsize=4096)  # a report repeats its messages; a site's run has a few thousand
def _translated(message: str, catalog: gettext.NullTranslations) -> str:
    exact = catalog.gettext(message)
    if exact != message:
        return exact
    for pattern, french in _templates(catalog):
        found = pattern.fullmatch(message)
        if found:
            return _FIELD.sub(lambda field, found=found: found[field[1]], french)
    return message


@lru_cache(maxsize=2)
def _templates(catalog: gettext.NullTranslations) -> list[tuple[re.Pattern, str]]:
    """The catalog's translated messages that have fields, as (English regex, French template),
    longest first so that the most specific template wins; compiled once per catalog."""
    keys = sorted((key for key, value in getattr(catalog, "_catalog", {}).items()
                   if isinstance(key, str) and value and _FIELD.search(key)), key=len, reverse=True)
    return [(_pattern(key), catalog.gettext(key)) for key in keys]


def _pattern(template: str) -> re.Pattern:
    """The regex of the messages `template` makes: its text escaped, each field a non-greedy
    named group (a field that comes back, a backreference to it)."""
    parts, named, at = [], set(), 0
    for field in _FIELD.finditer(template):
        name = field[1]
        parts += [re.escape(template[at:field.start()]), f"(?P={name})" if name in named else f"(?P<{name}>.+?)"]
        named.add(name)
        at = field.end()
    return re.compile("".join(parts) + re.escape(template[at:]), re.DOTALL)
