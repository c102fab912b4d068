"""Hostile input, from issue 17: nothing hangs, nothing crashes, nothing reaches a terminal raw.

Each test reproduces one probe that failed before the fix (the issue's point number is in
the test's name); `make fuzz` (tests/fuzz_reports.py) runs the slower randomised version.
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, audit_string

FRENCH = (ROOT / "corpora" / "samples" / "clean-north-korea.txt").read_text(encoding="utf-8")
ENGLISH = (
    "The South Korean intelligence service said on Friday that the first group of special forces had been "
    "transported to the Russian Far East aboard navy ships, according to officials who spoke on condition of "
    "anonymity. Analysts in Washington and Seoul believe that the deployment marks a significant escalation of "
    "the military cooperation between the two countries and could change the balance on the front line."
)


def run(*args: str, stdin: str | None = None, cwd=ROOT, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "audit", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, check=False, timeout=timeout)


def test_1_appended_english_is_a_finding_not_a_verdict():
    result = audit_string(FRENCH + "\n" + ENGLISH + "\n")
    assert len(ENGLISH) / len(result.document.text) > 0.1
    assert result.language.code == "fr" and result.verdict.label != "not French"
    assert "MT201" in {f.code for f in result.findings}


def test_1_one_long_junk_line_does_not_switch_the_audit_off():
    for junk in ("x7Qz9 " * 100, "qsdlkfj zerpoiu wxcvbn " * 25, "https://example.com/" + "a/b-c_d?e=f&" * 50):
        assert audit_string(FRENCH + "\n" + junk + "\n").language.code == "fr", junk[:20]


def test_1_an_english_article_is_still_not_french():
    assert audit_string(ENGLISH * 3 + "\n\n" + FRENCH[:300]).verdict.label == "not French"


def _timed_extract(html: str) -> tuple[str, float]:
    import time

    from audit.ingest import extract_article

    start = time.perf_counter()
    text = extract_article(html)
    return text, time.perf_counter() - start


def test_2_deeply_nested_html_is_extracted_in_bounded_time():
    depth = 100_000  # 1.1 MB: 28 s before the depth bound
    shapes = {
        "div": "<div>" * depth + "<p>Le texte reste.</p>" + "</div>" * depth,
        "blockquote": "<blockquote>" * depth + "Le texte reste.",
        "list": "<ul><li>" * (depth // 2) + "Le texte reste.",
        "quoted >": "<div title='a > b'>" * depth + "Le texte reste.",
    }
    for name, html in shapes.items():
        text, seconds = _timed_extract(html)
        print(f"{name}: {len(html) / 1e6:.1f} MB in {seconds:.2f} s")
        assert "Le texte reste." in text and seconds < 5, name


def test_2_ordinary_pages_are_not_touched_by_the_depth_bound():
    from audit.html_depth import bounded

    page = "<html><body><article>" + "<div><p>Un <b>paragraphe</b>.</p></div>" * 500 + "</article></body></html>"
    assert bounded(page, frozenset({"p"})) is page


SPUN = (ROOT / "corpora" / "samples" / "spun-north-korea.txt").read_text(encoding="utf-8")
OSC_LINK = "\x1b]8;;https://evil.example/\x07cliquez\x1b]8;;\x07"
HIDING_TITLE = "\x1b]0;titre qui cache la suite"
CONTROLS = (OSC_LINK, HIDING_TITLE, "\x1b[2J", "\x9b31m", "\u202e", "\x07", "\x08")


def test_3_html_past_its_work_budget_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch, capfdbinary):
    from audit.html_depth import MAX_MISNESTED

    # Parsing time grows with the square of the repeats (2 MB of them took 22 s): refused unparsed.
    (tmp_path / "a-misnested.html").write_text("<article>" + "<b><i>x</b>" * (MAX_MISNESTED + 1), encoding="utf-8")
    (tmp_path / "b-article.txt").write_text(SPUN, encoding="utf-8")
    code, out, err = cli(monkeypatch, capfdbinary, "check", "--format", "concise", str(tmp_path))
    assert code == 2 and err == "", err  # concise output says an input's error once, as its E000 line
    refused = [line for line in out.splitlines() if "a-misnested.html" in line]
    assert len(refused) == 1 and "E000 HTML too malformed to parse in bounded time" in refused[0]
    assert "b-article.txt:" in out
    sloppy = "<article>" + "<p><b>Un paragraphe en gras jamais fermé.</p>" * 100  # a sloppy page, still read
    assert extract_article_lines(sloppy) == 100


def test_2_html_past_its_parse_time_limit_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch, capfdbinary):
    """lexbor parsed a page in one C call that nothing could stop; the streaming pass checks a
    CPU-time deadline between tokens, set by `max-parse-seconds` (command line or file)."""
    from audit.ingest import STREAM_ABOVE_TAGS

    (tmp_path / "a-page.html").write_text("<article>" + "<p>Une phrase." * (STREAM_ABOVE_TAGS + 1), encoding="utf-8")
    (tmp_path / "b-article.txt").write_text(SPUN, encoding="utf-8")
    for options in (["--max-parse-seconds", "0.001"], ["--config", str(tmp_path / "limit.toml")]):
        (tmp_path / "limit.toml").write_text("max-parse-seconds = 0.001\n", encoding="utf-8")
        code, out, err = cli(monkeypatch, capfdbinary, "check", "--format", "concise", *options, str(tmp_path))
        refused = [line for line in out.splitlines() if "a-page.html" in line]
        assert code == 2 and len(refused) == 1, (out, err)
        assert "HTML not parsed within 0.001 s of CPU time (raise the limit with --max-parse-seconds)" in refused[0]
        assert "b-article.txt:" in out
    (tmp_path / "limit.toml").write_text("max-parse-seconds = 0\n", encoding="utf-8")
    code, out, err = cli(monkeypatch, capfdbinary, "check", "--config", str(tmp_path / "limit.toml"), str(tmp_path))
    assert code == 2 and "max-parse-seconds" in err and "Traceback" not in err, err
    (tmp_path / "limit.toml").unlink()
    code, out, err = cli(monkeypatch, capfdbinary, "check", "--exit-zero", "--format", "concise", str(tmp_path))
    assert code == 0 and "not parsed" not in out + err  # the default leaves it seconds


def extract_article_lines(html: str) -> int:
    from audit.ingest import extract_article

    return len(extract_article(html).split("\n\n"))


def cli(monkeypatch, capfdbinary, *args: str, cwd=None) -> tuple[int, str, str]:
    """Run `mtaudit ARGS` in this process (main(), as the console script does): exit code,
    stdout and stderr, decoded with backslashreplace so stray bytes show."""
    from audit.cli import main

    if cwd is not None:
        monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["mtaudit", *args])
    try:
        main()
    except SystemExit as exit_:
        code = exit_.code
    out, err = capfdbinary.readouterr()
    return code, out.decode("utf-8", "backslashreplace"), err.decode("utf-8", "backslashreplace")


def _raw_controls(text: str) -> list[str]:
    """Control characters other than newline, tab and the SGR colour sequences rich writes."""
    import re

    without_colour = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return sorted({c for c in without_colour if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F
                   or c == "\u202e"})


def test_4_escape_sequences_in_an_article_never_reach_the_terminal():
    from audit.reporters import text
    from audit.results import Run

    article = f"Selon cette Source {' '.join(CONTROLS)}, les soldats sont arrivés.\n\n{SPUN}"
    result = audit_string(article)
    assert result.findings[0].code == "MT203"
    for color in (False, True):
        report = text.render(Run((result,), (), result_settings()), color=color)
        assert "cliquez" in report and not _raw_controls(report), color
        assert "\\x1b]8" in report  # shown, not obeyed


def result_settings():
    from audit.config import Settings

    return Settings()


def test_4_6_7_hostile_file_names_on_stderr_and_in_the_text_report(tmp_path, monkeypatch, capfdbinary):
    names = ["x[/b].txt", "[link=file:evil]y[/link].txt", "t\x1b]0;pwned\x07.txt", "z\\.txt"]
    for name in names:  # a / in a name is a folder
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")  # empty: each is an input failure
    bad_bytes = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / bad_bytes).write_text(FRENCH, encoding="utf-8")
    for color in ("--no-color", "--color"):
        code, out, err = cli(monkeypatch, capfdbinary, "check", color, str(tmp_path))
        assert code == 2, err
        assert "Traceback" not in err and not _raw_controls(out + err)
        assert "x[/b].txt" in out and "[link=file:evil]y[/link].txt" in out
        assert "caf\\xe9.txt" in out and "\x1b]8" not in out


def test_5_a_newline_in_a_file_name_cannot_forge_a_line(tmp_path, monkeypatch, capfdbinary):
    forged = "a.txt:1:1: MT999 forged\n::error file=x::forged\n.txt"
    (tmp_path / forged).write_text(SPUN, encoding="utf-8")
    (tmp_path / "empty\n::error::forged.txt").write_text("", encoding="utf-8")
    for output_format in ("concise", "github"):
        _, out, _ = cli(monkeypatch, capfdbinary, "check", "--format", output_format, str(tmp_path))
        lines = out.splitlines()
        assert lines and all(line.startswith((str(tmp_path), "::")) for line in lines)
        assert not any(line.startswith(("::error::forged", "::error file=x", ".txt", "a.txt:1:1")) for line in lines)


def test_7_names_that_are_not_utf8_in_every_report_and_the_index(tmp_path, monkeypatch, capfdbinary):
    import json
    import xml.etree.ElementTree as ET

    name = os.fsdecode(b"article-\xe9t\xe9.txt")
    (tmp_path / name).write_text(SPUN, encoding="utf-8")
    (tmp_path / os.fsdecode(b"vide-\xff.txt")).write_text("", encoding="utf-8")
    for output_format in ("text", "json", "html", "sarif", "junit", "concise", "github"):
        target = tmp_path / f"report.{output_format}"
        code, _, err = cli(monkeypatch, capfdbinary, "check", "--format", output_format, "-o", str(target),
                           str(tmp_path / name), str(tmp_path / os.fsdecode(b"vide-\xff.txt")))
        assert code == 2 and "Traceback" not in err, (output_format, err)
        written = target.read_text(encoding="utf-8")
        if output_format in ("json", "sarif"):
            report = json.loads(written)
            if output_format == "json":
                assert report["documents"][0]["path"] == str(tmp_path / name)  # the same name, read back
        if output_format == "junit":
            ET.fromstring(written)
    code, out, err = cli(monkeypatch, capfdbinary, "check", "--format", "sarif", str(tmp_path / name))
    assert code == 1 and "article-%E9t%E9.txt" in out, err
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / os.fsdecode(b"rapport-\xe9.txt")).write_text("A report about the war in Ukraine.\n", encoding="utf-8")
    code, out, err = cli(monkeypatch, capfdbinary, "index", str(corpus))
    assert code == 0 and "1 reports" in out, err


def test_11_bad_configuration_values_are_one_line_and_exit_2(tmp_path, monkeypatch, capfdbinary):
    bad = {
        "mtaudit.toml": ["max-bytes = inf", '[severity]\nMT101 = ["major"]', "select = [[[1]]]",
                         "a = " + "[" * 5000 + "]" * 5000],
        "pyproject.toml": ['[tool]\nmtaudit = "x"'],
    }
    for name, contents in bad.items():
        for content in contents:
            (tmp_path / name).write_text(content + "\n", encoding="utf-8")
            code, _, err = cli(monkeypatch, capfdbinary, "config", cwd=tmp_path)
            (tmp_path / name).unlink()
            assert code == 2 and err.count("\n") == 1 and err.startswith("mtaudit: "), (content[:30], err)
    (tmp_path / "pyproject.toml").write_text("tool = 5\n", encoding="utf-8")  # not ours: no table for us
    code, out, _ = cli(monkeypatch, capfdbinary, "config", cwd=tmp_path)
    assert code == 0 and "(none found; defaults)" in out


def test_13_nothing_to_audit_is_an_error_not_a_pass(tmp_path, monkeypatch, capfdbinary):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    code, out, err = cli(monkeypatch, capfdbinary, "check", str(tmp_path))
    assert code == 2 and out == "" and "no file to audit" in err


def test_14_a_corrupt_baseline_is_one_error_up_front(tmp_path, monkeypatch, capfdbinary):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SPUN, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"mtaudit_baseline": 1, "findings": [{"path": "a.txt"}]}', encoding="utf-8")
    code, out, err = cli(monkeypatch, capfdbinary, "check", "--baseline", str(baseline), str(tmp_path))
    assert code == 2 and out == "" and err.count("\n") == 1 and str(baseline) in err, err


def test_15_a_named_pipe_is_skipped_in_a_folder_and_never_waited_for(tmp_path):
    (tmp_path / "article.txt").write_text(FRENCH, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    walked = run("check", "--format", "concise", str(tmp_path), timeout=30)
    assert walked.returncode == 0 and "pipe.txt" not in walked.stdout + walked.stderr
    named = run("check", str(tmp_path / "pipe.txt"), timeout=30)
    assert named.returncode == 2 and "empty input" in named.stderr


def test_17_align_refuses_a_binary_source(tmp_path, monkeypatch, capfdbinary):
    (tmp_path / "article.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "source.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    code, out, err = cli(monkeypatch, capfdbinary, "align", str(tmp_path / "article.txt"), str(tmp_path / "source.txt"))
    assert code == 2 and out == "" and "binary" in err


def test_encodings_utf16_mixed_lines_and_a_lone_byte_order_mark(tmp_path):
    import pytest

    from audit.errors import InputError
    from audit.ingest import load

    (tmp_path / "utf16.txt").write_bytes(FRENCH.encode("utf-16"))
    raw = load(str(tmp_path / "utf16.txt"))
    assert raw.text == FRENCH and raw.encoding == "utf-16"
    mixed = FRENCH.encode("utf-8") + "Une ligne collée en Latin-1 : été.\n".encode("latin-1")
    (tmp_path / "mixed.txt").write_bytes(mixed)
    raw = load(str(tmp_path / "mixed.txt"))
    assert raw.text.startswith(FRENCH) and raw.text.endswith("été.\n") and "Ã" not in raw.text
    assert raw.encoding == "utf-8" and "Windows-1252" in raw.notes[0]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xef\xbb\xbf \n"):
        (tmp_path / "bom.txt").write_bytes(bom)
        with pytest.raises(InputError, match="empty input"):
            load(str(tmp_path / "bom.txt"))


def test_no_inline_suppressions_ignores_markers_in_the_text():
    from audit.config import Settings

    marked = "mtaudit: ignore-file\n\n" + SPUN
    assert not audit_string(marked).findings
    assert audit_string(marked, inline_suppressions=False).findings
    assert Settings(inline_suppressions=False).signature.endswith("inline-suppressions:no")


def test_last_resort_one_line_exit_1_and_the_details_in_a_file(monkeypatch, capfdbinary):
    import audit.cli

    def crash(*args, **kwargs):
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(audit.cli.cli, "main", crash)
    code, _, err = cli(monkeypatch, capfdbinary, "check", "x.txt")
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    details = err.rsplit("details written to ", 1)[1].strip()
    from pathlib import Path

    assert "RuntimeError: something unexpected" in Path(details).read_text(encoding="utf-8")
    os.unlink(details)


def _peaks(text: str) -> tuple[float, float]:
    """Traced peak of auditing `text`, then of writing its JSON report, per input byte."""
    import tracemalloc

    from audit.reporters import reporter
    from audit.results import Run

    size = len(text.encode("utf-8"))
    audit_string(FRENCH)  # tables and models loaded before measuring
    tracemalloc.start()
    result = audit_string(text)
    _, audit_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    before, _ = tracemalloc.get_traced_memory()
    for _piece in reporter("json").render_pieces(Run((result,), (), result_settings())):
        pass
    _, report_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return audit_peak / size, (report_peak - before) / size


def test_18_memory_of_the_worst_shapes_stays_under_30_bytes_per_input_byte():
    lines = ["Le gouvernement a annoncé mardi de nouvelles mesures.", "Il fait beau.", "Oui.", "La séance est levée."]
    shapes = {
        "short lines": "\n".join(lines * 1500) + "\n",  # 150 KB: a sentence per 25 bytes
        "one-letter paragraphs": "x\n\n" * 30_000,  # 90 KB: a paragraph and a sentence per 3 bytes
        "« Oui. » lines": "« Oui. »\n" * 10_000,  # one paragraph of 10,000 sentences
    }
    for name, text in shapes.items():
        audit, report = _peaks(text)
        print(f"{name}: audit {audit:.1f} B/B, JSON report {report:.1f} B/B more")
        assert audit < 30 and report < 5, name


_EXTRACT = """
import sys
from audit.ingest import extract_article
html = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[2] == "extract":
    extract_article(html)
"""


def _extraction_bytes_per_byte(path) -> float:
    """Peak RSS of a child that reads and extracts `path`, less that of one that only reads it."""
    peaks = []
    for step in ("read", "extract"):
        child = subprocess.Popen([sys.executable, "-c", _EXTRACT, str(path), step], cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        assert status == 0
        peaks.append(usage.ru_maxrss * 1024)
    return (peaks[1] - peaks[0]) / path.stat().st_size


def test_18_html_extraction_costs_a_few_bytes_per_byte(tmp_path):
    """Pages of hundreds of thousands of elements (2 MB): lexbor's tree cost 105 B/B for 500,000
    `<p>x` (the streaming extractor holds no tree); the depth pre-pass kept a tuple per dropped
    tag (15 B/B for nested <div>, over 10 for lists)."""
    shapes = {"nested div": ("<div>", "texte</div>"), "nested lists": ("<ul><li>", "texte"), "one-letter p": ("<p>x", "")}
    for name, (opening, closing) in shapes.items():
        page = tmp_path / "page.html"
        page.write_text(opening * (2_000_000 // len(opening)) + closing, encoding="utf-8")
        cost = _extraction_bytes_per_byte(page)
        print(f"{name}: extraction adds {cost:.1f} B/B")
        assert cost < 10, name


def test_a_data_entry_with_a_fix_is_reported_in_every_format():
    """`Hit` gained a `category` field before `fix`: MT501/MT502's positional call passed the
    fix as the category, and « de le projet » crashed the text report and left the JSON empty."""
    from audit.findings import Category
    from audit.reporters import reporter
    from audit.results import Run

    result = audit_string("Le ministre parle de le projet de loi devant les députés réunis mardi.\n")
    found = [f for f in result.findings if f.code == "MT501"]
    assert found and found[0].category is Category.GRAMMAR and found[0].fix is not None
    assert '"code": "MT501"' in "".join(reporter("json").render_pieces(Run((result,), (), result_settings())))


def test_a_stale_index_is_told_on_stderr_and_in_meta(tmp_path, monkeypatch, capfdbinary):
    import json
    import shutil

    import audit.sources.embed

    monkeypatch.setattr(audit.sources.embed, "available", lambda: False)  # anchors only: 1 s, not 36
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpora" / "news", corpus)
    code, _, err = cli(monkeypatch, capfdbinary, "index", "--no-embed", str(corpus))
    assert code == 0, err
    article = str(ROOT / "corpora" / "samples" / "spun-north-korea.txt")
    command = ("check", "--exit-zero", "--format", "json", "--select", "MT6", "--sources", str(corpus), article)
    code, out, err = cli(monkeypatch, capfdbinary, *command)
    assert "stale" not in err and "stale_index" not in json.loads(out)["meta"]
    (corpus / "fr-afp-coree-nord-troupes.txt").unlink()
    changed = corpus / "en-wire-north-korea-troops.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    from audit.sources.stale import staleness

    staleness.cache_clear()
    code, out, err = cli(monkeypatch, capfdbinary, *command)
    assert err.count("the index is stale") == 1 and "1 changed (en-wire-north-korea-troops.txt)" in err, err
    assert json.loads(out)["meta"]["stale_index"] == {
        "changed": ["en-wire-north-korea-troops.txt"], "removed": ["fr-afp-coree-nord-troupes.txt"], "added": []}


def test_2_the_json_report_is_byte_identical_without_the_pure_python_encoder(monkeypatch):
    """The indenting pure-Python encoder took 14 s of CPU for a 2 MB page of 500,000 sentences."""
    import json

    from audit.reporters import reporter
    from audit.reporters.json_stream import Lazy, pieces
    from audit.results import Run

    value = {"b": [1, 2.5, None, True, "x\u0085\u202ey", [], {}, (3, {"k": [{"z": 0, "a": "é\n\"\\"}]})], "a": {},
             "n": {"f": float("nan"), "g": -float("inf")}, "m": {3: "three", 1: [1]}, "l": [[[]], {"q": {"r": 1.0}}]}
    expected = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    result = audit_string(SPUN)
    whole = json.dumps(json.loads("".join(reporter("json").render_pieces(Run((result,), (), result_settings())))),
                       ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def pure_python(*args, **kwargs):
        raise AssertionError("the pure-Python JSON encoder was used")

    monkeypatch.setattr(json.encoder, "_make_iterencode", pure_python)
    assert "".join(pieces(value)) == expected.replace("\u0085", "\\u0085").replace("\u202e", "\\u202e")
    assert "".join(pieces({"items": Lazy(range(3), lambda i: {"i": i})})).count('"i": ') == 3
    assert "".join(reporter("json").render_pieces(Run((result,), (), result_settings()))) == whole


def test_2_a_page_of_tiny_paragraphs_costs_no_call_per_paragraph(monkeypatch):
    """400,000 `<p>` took 11 to 33 s: sentencex was called for every one-letter paragraph,
    each sentence became objects, and segmentation looped over every character in Python."""
    import sentencex

    from audit.document import Spans
    from audit.ingest import RawText
    from audit.segment import segment

    calls = []
    real = sentencex.get_sentence_boundaries
    monkeypatch.setattr(sentencex, "get_sentence_boundaries", lambda *args: calls.append(1) or real(*args))
    document = segment(RawText("p.html", "x\n\n" * 5000 + "Une phrase. Une autre.\n", "utf-8", "text/html", ()))
    assert len(calls) == 1 and len(document.sentences) == 5002
    assert isinstance(document.sentences, Spans) and document.sentences[4999].text == "x"
    assert [s.text for s in document.sentences[-2:]] == ["Une phrase.", "Une autre."]
