"""Multi-source evidence on a corpus written for the tests (tests/data/event_corpus/): reports
of one event that disagree on a number, a same-topic report on another event, and an article
compiled and reordered from three of them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sources_helpers import ROOT, report

from audit.cli import cli
from audit.ingest import load
from audit.rules import REGISTRY, RuleContext, run_rules
from audit.segment import segment
from audit.sources.context import SourceContext, find_sources, given_source, match_with
from audit.sources.evidence import confidently_aligned, explained

CORPUS = ROOT / "tests" / "data" / "event_corpus"
ARTICLE = ROOT / "tests" / "data" / "event_article.txt"
RIGHT = {"en-agency-flood.txt", "fr-agence-crue.txt", "en-paper-valdorno.txt"}
SOURCE_RULES = [r for r in REGISTRY.values() if r.needs_source]


@pytest.fixture(scope="module")
def article():
    return segment(load(str(ARTICLE)))


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    path = tmp_path_factory.mktemp("event") / "event.sqlite"
    assert CliRunner().invoke(cli, ["index", str(CORPUS), "--index", str(path)]).exit_code == 0
    return str(path)


def _matched(article, *names: str) -> SourceContext:
    return SourceContext(tuple(match_with(article, given_source(report(CORPUS / n))) for n in names))


def _findings(article, context: SourceContext, code: str) -> list:
    found = run_rules(article, SOURCE_RULES, RuleContext(sources=context.sources))
    return [f for f in found if f.code == code]


def test_the_reports_the_article_is_compiled_from_are_chosen_first(article, index):
    chosen = find_sources(article, index, limit=3).sources
    print("\nchosen:", [(s.report.id, len(explained(s.alignment))) for s in chosen])
    assert chosen and chosen[0].report.id in RIGHT
    assert "en-swiss-flood.txt" not in {s.report.id for s in chosen}
    assert "fr-festival-cinema.txt" not in {s.report.id for s in chosen}


def test_reordered_sentences_are_aligned(article):
    # The article opens with the paper's first sentence and takes the agency's in another order.
    paper = _matched(article, "en-paper-valdorno.txt").primary
    assert 1 in explained(paper.alignment) and confidently_aligned(paper.alignment)


def test_an_outlier_report_is_outvoted_by_the_majority(article):
    alone = _findings(article, _matched(article, "en-blog-valdorno.txt"), "MT602")
    assert [(f.text, f.suggestion) for f in alone] == [("12", "15")]
    outvoted = _findings(article, _matched(article, "en-blog-valdorno.txt", "en-agency-flood.txt", "fr-agence-crue.txt"),
                         "MT602")
    assert outvoted == []


def test_an_addition_only_when_no_report_supports_it(article):
    warning = next(s for s in article.sentences if "avertissement" in s.text)
    agency_only = _findings(article, _matched(article, "en-agency-flood.txt"), "MT605")
    assert warning.start in {f.start for f in agency_only}
    all_three = _findings(article, _matched(article, *sorted(RIGHT)), "MT605")
    assert warning.start not in {f.start for f in all_three}


def test_no_omissions_against_a_report_the_article_barely_uses(article):
    swiss = _matched(article, "en-swiss-flood.txt")
    assert not confidently_aligned(swiss.primary.alignment)
    assert _findings(article, swiss, "MT604") == []
