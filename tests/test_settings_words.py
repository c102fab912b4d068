"""The settings of a run in plain words, as the HTML reports print them for editors."""

from __future__ import annotations

from runs import spun_run

from audit.config import Settings
from audit.reporters import reporter
from audit.reporters.settings_words import settings_in_words


def test_defaults_and_changes_are_said_in_words():
    assert settings_in_words(Settings().signature) == [
        "every rule", "any space accepted before ; : ! ?", "no source reports compared (the text alone)",
        "“mtaudit: ignore” markers in the text obeyed"]
    changed = Settings(select=("MT1", "MT4"), ignore=("MT101",), strict_spacing=True, accept=("start-up",),
                       severity={"MT201": "critical"}, inline_suppressions=False, sources="corpus", qe=True,
                       verdict_model="e5")
    assert settings_in_words(changed.signature) == [
        "only the rules MT1,MT4", "rules MT101 turned off", "a no-break space required before ; : ! ?",
        "severities changed: MT201=critical", "1 terms of the site accepted",
        "compared with the source reports it may come from", "“mtaudit: ignore” markers in the text not obeyed",
        "a learned quality score per bilingual unit", "the verdict's model: e5"]


def test_a_signature_this_version_does_not_know_is_shown_not_lost():
    assert settings_in_words("select:MT|future:on") == ["every rule", "future:on"]
    assert settings_in_words("unknown (no summary.json)") == []


def test_the_report_says_the_settings_in_words_and_folds_the_signature():
    run = spun_run(ignore=("MT101",))
    page = reporter("html").render(run)
    header = page[page.index('<header class="top">') : page.index("</header>")]
    assert "checked with every rule; rules MT101 turned off;" in header
    technical = header[header.index('<details class="technical">') :]
    assert run.settings.signature in technical and run.settings.signature not in header.replace(technical, "")
