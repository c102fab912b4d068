"""The HTML report: escaping of hostile input, structure, and behaviour in a real browser."""

from __future__ import annotations

import re
from pathlib import Path

from browser import needs_chromium
from runs import audit_of, hostile_run, run_of, spun_run

from audit.findings import shown_suggestion
from audit.reporters import reporter
from audit.reporters.html_view import rows


def _html(run) -> str:
    return reporter("html").render(run)


def test_hostile_text_is_escaped_everywhere():
    page = _html(hostile_run())
    assert page.count("<script") == 1  # ours
    assert "<img" not in page and "<a " not in page and 'href="javascript' not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page and "&lt;script&gt;" in page
    assert "site/&lt;evil&gt;&amp;&#34;.html" in page


def test_one_highlight_per_finding_and_the_text_kept_whole():
    run = hostile_run()
    result = run.audits[0]
    page = _html(run)
    assert page.count("<mark ") == len(result.findings) > 0
    text = "".join(_flatten(p) for row in rows(result) for p in row.pieces).replace("\n", "")
    assert text == result.document.text.replace("\n", "")


def _flatten(piece) -> str:
    return piece.text + "".join(_flatten(child) for child in piece.children)


def test_self_contained_and_reproducible():
    page = _html(spun_run())
    assert page == _html(spun_run())
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "script-src 'sha256-" in page and "default-src 'none'" in page


def test_batch_index_lists_documents_worst_first():
    clean = audit_of("b/clean.txt", "Le Kremlin a démenti vendredi la présence de soldats nord-coréens sur son territoire.\n")
    run = run_of(clean, spun_run().audits[0], failures=[("c/empty.txt", "empty input")])
    page = _html(run)
    index = page[page.index('class="index"') :]
    assert index.index("site/spun.txt") < index.index("b/clean.txt") < index.index("c/empty.txt")
    assert 'href="#doc-2"' in index and 'id="doc-2"' in page


@needs_chromium
def test_in_chromium_highlights_filters_and_keys(browser, tmp_path):
    run = hostile_run()
    _opened(browser, tmp_path, run)
    findings = len(run.audits[0].findings)
    assert browser.evaluate("document.querySelectorAll('mark.finding').length") == findings
    assert browser.evaluate("document.querySelectorAll('mark.finding:not(.off)').length") == findings
    assert browser.evaluate("document.scripts.length") == 1
    assert browser.evaluate("document.querySelectorAll('[onerror], a[href], img, iframe').length") == 0
    minor = len([f for f in run.audits[0].findings if f.severity.value == "minor"])
    browser.evaluate("document.querySelector('input[value=minor]').click()")
    assert browser.evaluate("document.querySelectorAll('mark.finding:not(.off)').length") == findings - minor
    assert browser.evaluate("document.getElementById('shown').textContent") == f"{findings - minor} of {findings} findings shown"
    browser.key("j")
    assert browser.evaluate("document.getElementById('panel').hidden") is False
    assert browser.evaluate("document.querySelector('#panel [data-field=code]').textContent") == "MT401"
    browser.key("j")
    assert browser.evaluate("document.activeElement.id") == "doc-1-f4"
    browser.key("k")
    assert browser.evaluate("document.activeElement.id") == "doc-1-f3"
    browser.evaluate("document.querySelector('input[value=minor]').click()")
    assert browser.evaluate("document.querySelectorAll('mark.finding:not(.off)').length") == findings
    shot = browser.screenshot(tmp_path / "report.png")
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_source_column_appears_when_an_audit_carries_aligned_sources():
    from types import SimpleNamespace

    from audit.reporters.html_view import document_view

    result = spun_run().audits[0]
    span = SimpleNamespace(source_id="yonhap-42", text="According to this <b>source</b>, troops arrived.", link="1-1", similarity=0.81)
    with_source = SimpleNamespace(**{k: getattr(result, k) for k in result.__dataclass_fields__})
    with_source.sourced_sentences = (SimpleNamespace(index=0, spans=(span,)), SimpleNamespace(index=1, spans=()))
    view = document_view(1, with_source)
    assert view.has_source and view.rows[0].sources[0].how == "1-1 · similarity 0.81" and not view.rows[1].sources
    assert not document_view(1, result).has_source
    page = reporter("html").render(run_of(with_source))
    assert 'class="source"' in page and "&lt;b&gt;source&lt;/b&gt;" in page and "yonhap-42" in page


def test_charts_and_banner_lead_with_critical_and_major_findings():
    from collections import Counter

    from audit.reporters.html_charts import category_bars
    from audit.reporters.html_summary import leading_rules, severity_totals

    counts = {("locale/quotes", "minor"): 13, ("accuracy/omission", "critical"): 1,
              ("residue/boilerplate", "major"): 9, ("fluency/calque", "major"): 9, ("fluency/calque", "minor"): 1}
    assert [bar.category for bar in category_bars(counts)] == [
        "accuracy/omission", "fluency/calque", "residue/boilerplate", "locale/quotes"]
    tallies = Counter({("minor", "MT101", "english-quotes"): 12, ("major", "MT403", "boilerplate"): 2,
                       ("critical", "MT601", "omission"): 1, ("major", "MT401", "markup-residue"): 7})
    assert severity_totals(tallies) == [("critical", 1), ("major", 9), ("minor", 12)]
    assert [r.code for r in leading_rules(tallies)] == ["MT601", "MT401", "MT403", "MT101"]

    page = _html(spun_run())
    banner = page[page.index('class="leading"') : page.index('class="charts"')]
    shown = re.findall(r'class="(?:sev-count|rule) sev-(\w+)"', banner)
    assert shown[:2] == ["major", "minor"] and shown[2] == "major" and shown[2:] == sorted(shown[2:], key=["major", "minor"].index)
    counts_shown = [int(n) for n in re.findall(r"×(\d+)</span>", banner)]
    majors = shown[2:].count("major")
    assert counts_shown[:majors] == sorted(counts_shown[:majors], reverse=True)
    print(f"banner: {shown}, {counts_shown}")


def test_a_legend_names_each_severity_with_an_icon_as_well_as_a_colour():
    page = _html(spun_run())
    legend = page[page.index('class="legend"') : page.index("</div>", page.index('class="legend"'))]
    for severity, icon in (("critical", "◆"), ("major", "▲"), ("minor", "●")):
        assert re.search(rf'class="sample sev-{severity}">texte<.*class="icon" aria-hidden="true">{icon}</span> {severity}</span>:', legend)
    assert "MQM score" in legend and "likely machine-translated" in legend
    filters = page[page.index('id="filters"') :]
    assert 'value="major" checked> <span class="sev-label sev-major"><span class="icon" aria-hidden="true">▲</span> major' in filters


@needs_chromium
def test_in_chromium_severities_differ_by_line_and_pattern_not_only_by_tint(browser, tmp_path):
    _opened(browser, tmp_path, spun_run())
    style = "getComputedStyle(document.querySelector('{}'))"
    lines = {s: browser.evaluate(style.format(f".legend .sample.sev-{s}") + ".borderBottomStyle") for s in ("critical", "major", "minor")}
    assert lines == {"critical": "solid", "major": "dashed", "minor": "dotted"}
    assert browser.evaluate(style.format("mark.finding.sev-major") + ".borderBottomStyle") == "dashed"
    assert browser.evaluate(style.format("mark.finding.sev-minor") + ".borderBottomStyle") == "dotted"
    fills = {s: browser.evaluate(style.format(f"svg.chart rect.bar.sev-{s}") + ".fill") for s in ("major", "minor")}
    assert all(fill.startswith('url("#fill-') for fill in fills.values()), fills
    assert browser.evaluate("document.querySelectorAll('#fill-major, #fill-minor').length") == 2
    assert browser.evaluate("document.querySelector('.legend').getBoundingClientRect().height") > 20
    print(f"lines: {lines}; fills: {fills}")


def test_each_document_lists_its_findings_worst_first_with_message_and_suggestion():
    run = spun_run()
    findings = run.audits[0].findings
    page = _html(run)
    items = re.findall(r'<li class="finding-item sev-(\w+)" data-mark="doc-1-f(\d+)"', page)
    assert len(items) == len(findings) > 0 and sorted(int(n) for _, n in items) == list(range(len(findings)))
    ranks = [{"critical": 0, "major": 1, "minor": 2}[s] for s, _ in items]
    assert ranks == sorted(ranks)
    listed = page[page.index('class="doc-findings"') :]
    for finding in findings:
        assert f'<p class="finding-message">{_escaped(finding.message)}</p>' in listed
        if finding.suggestion is not None:
            assert "Suggestion: <q>" + _escaped(shown_suggestion(finding.suggestion)) + "</q>" in listed


def _opened(browser, tmp_path, run):
    """The run's report written to a file and opened in the browser; returns the file."""
    report = tmp_path / "report.html"
    report.write_text(_html(run), encoding="utf-8")
    browser.open(report)
    return report


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


@needs_chromium
def test_in_chromium_findings_read_beside_the_text_without_a_click_and_on_paper(browser, tmp_path):
    run = spun_run()
    findings = run.audits[0].findings
    _opened(browser, tmp_path, run)
    shown = """Array.from(document.querySelectorAll('li.finding-item .finding-message, li.finding-item .finding-suggestion'))
        .filter(e => e.checkVisibility() && e.getBoundingClientRect().height > 0).length"""
    expected = len(findings) + sum(f.suggestion is not None for f in findings)
    assert browser.evaluate(shown) == expected
    assert browser.evaluate("document.getElementById('panel').hidden") is True  # nothing was clicked
    beside = "document.querySelector('.doc-findings').getBoundingClientRect().left >= document.querySelector('.rows').getBoundingClientRect().right"
    assert browser.evaluate(beside) is True
    within = """(() => { const list = document.querySelector('.doc-findings'), text = document.querySelector('.rows');
        return list.getBoundingClientRect().height <= Math.max(text.getBoundingClientRect().height, 24 * 16) + 1; })()"""
    assert browser.evaluate(within) is True  # a long list scrolls beside its text instead of running on
    browser.evaluate("document.querySelector('input[value=minor]').click()")
    assert browser.evaluate("document.querySelectorAll('li.finding-item:not(.off)').length") == len(
        [f for f in findings if f.severity.value != "minor"])
    browser.evaluate("document.querySelector('input[value=minor]').click()")
    last = browser.evaluate("Array.from(document.querySelectorAll('li.finding-item')).pop().dataset.mark")
    for _ in range(len(findings)):  # keys to the finding whose entry ends the list, out of its view
        browser.key("j")
        current = browser.evaluate("document.activeElement.id")
        if current == last:
            break
    assert browser.evaluate("Array.from(document.querySelectorAll('li.finding-item.current')).map(i => i.dataset.mark)") == [current]
    in_view = """(() => { const item = document.querySelector('li.finding-item.current').getBoundingClientRect(),
        list = document.querySelector('.doc-findings').getBoundingClientRect();
        return item.top >= list.top - 1 && item.top < list.bottom; })()"""
    assert browser.evaluate(in_view) is True
    browser.send("Emulation.setEmulatedMedia", media="print")
    assert browser.evaluate(shown) == expected
    assert browser.evaluate("getComputedStyle(document.getElementById('filters')).display") == "none"
    below = "document.querySelector('.doc-findings').getBoundingClientRect().top >= document.querySelector('.rows').getBoundingClientRect().bottom"
    assert browser.evaluate(below) is True
    whole = "(() => { const list = document.querySelector('.doc-findings'); return list.scrollHeight <= list.clientHeight + 1; })()"
    assert browser.evaluate(whole) is True  # on paper, nothing is cut off
    print(f"{expected} messages and suggestions shown on screen and in print")


@needs_chromium
def test_in_chromium_the_settings_signature_waits_in_technical_details(browser, tmp_path):
    _opened(browser, tmp_path, spun_run())
    visible = "document.querySelector('{}').checkVisibility()"
    assert browser.evaluate(visible.format("header .meta")) is True
    assert browser.evaluate(visible.format("details.technical code")) is False
    browser.evaluate("document.querySelector('details.technical summary').click()")
    assert browser.evaluate(visible.format("details.technical code")) is True


CLEAN = (Path(__file__).parent / "data" / "clean" / "sport-tour-de-france.txt").read_text(encoding="utf-8")


def _batch():
    clean = audit_of("b/clean.txt", CLEAN)
    return run_of(clean, spun_run().audits[0], audit_of("a/also-clean.txt", CLEAN),
                  failures=[("c/empty.txt", "empty input")])


def test_a_batch_shows_documents_worst_first_and_folds_the_clean_ones():
    run = _batch()
    page = _html(run)
    main = page[page.index("<main>") :]
    order = re.findall(r'<article class="document[^"]*" id="(doc-\d)"', main)
    assert order == ["doc-2", "doc-3", "doc-1"]  # the spun one, then the clean ones by path
    folds = re.findall(r'<details class="clean-document">\s*<summary>([^<]*)', main)
    assert folds == ["a/also-clean.txt · ", "b/clean.txt · "]
    spun = main[main.index('id="doc-2"') - 200 : main.index('id="doc-2"')]
    assert "clean-document" not in spun
    one = _html(run_of(audit_of("b/clean.txt", CLEAN)))
    assert "<details class=\"clean-document\">" not in one  # a report of one document shows it whole


@needs_chromium
def test_in_chromium_a_link_to_a_folded_document_opens_it(browser, tmp_path):
    report = _opened(browser, tmp_path, _batch())
    visible = "document.getElementById('{}').checkVisibility()"
    assert browser.evaluate(visible.format("doc-2")) is True
    assert browser.evaluate(visible.format("doc-1")) is False
    assert browser.evaluate("document.querySelectorAll('details.clean-document[open]').length") == 0
    browser.evaluate("document.querySelector('.index a[href=\"#doc-1\"]').click()")
    assert browser.evaluate(visible.format("doc-1")) is True
    assert browser.evaluate("document.getElementById('doc-1').closest('details').open") is True
    assert browser.evaluate(visible.format("doc-3")) is False
    browser.send("Page.navigate", url=report.resolve().as_uri() + "#doc-3")  # opened at the anchor
    browser.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert browser.evaluate(visible.format("doc-3")) is True
