"""Markdown as Markdown (issue 16, point 3): front matter, code, shortcodes, link targets and
HTML comments are not prose, and findings keep the `.md` file's offsets, lines and columns."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from test_cli import run

from audit.markdown import prose

# English only where Markdown says it is not prose; one real slip (English quotes) after it all.
PAGE = """---
title: "Breaking news: the minister speaks"
description: Follow us on Google News for the latest updates
---

# Le ministre s’exprime devant la presse

Le ministre a parlé vendredi, selon [le communiqué](https://example.org/the-latest-breaking-news "Read more").
Les détails sont sur https://example.org/follow-us-on-google-news et dans `the_latest_update()`.

{{< tweet user="minister" text="This is what we said today at the press conference" >}}

{% include "share-this-article-with-your-friends.html" %}

<!-- editor: this paragraph was translated from English, please check it before publishing -->

```text
The minister said on Friday that the threat was serious and growing every day.
```

    The minister said on Friday that the threat was serious and growing every day.

Il a évoqué une “menace importante” pour la région.
"""


def _check(tmp_path, name: str, text: str, newline: str = "\n") -> dict:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    result = run("check", "--format", "json", "--fail-on", "never", str(path))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["documents"][0]


def test_markup_code_and_front_matter_are_not_prose(tmp_path):
    as_text = _check(tmp_path, "page.txt", PAGE)
    assert as_text["verdict"]["label"] == "not French"  # read as plain text, the markup's English wins
    document = _check(tmp_path, "page.md", PAGE)
    assert document["media_type"] == "text/markdown" and document["language"]["code"] == "fr"
    assert [f["code"] for f in document["findings"]] == ["MT101", "MT101"]


def test_offsets_lines_and_columns_are_the_files(tmp_path):
    for newline in ("\n", "\r\n"):
        document = _check(tmp_path, "page.md", PAGE, newline)
        raw = (tmp_path / "page.md").read_bytes().decode("utf-8")
        opening = document["findings"][0]
        assert raw[opening["start"] : opening["end"]] == opening["text"] == "“"
        line = raw.splitlines()[opening["line"] - 1]
        assert line.startswith("Il a évoqué") and line[opening["column"] - 1] == "“"


def test_link_labels_stay_and_targets_go():
    source = "Voir [le rapport](https://example.org/a_b) et ![la carte](carte.png).\n"
    text, spans = prose(source)
    assert text.split() == ["Voir", "le", "rapport", "et", "la", "carte", "."] and len(text) == len(source)
    assert text.index("rapport") == source.index("rapport") and text.index("carte") == source.index("carte")
    assert spans and all(text[s:e].strip() == "" for s, e in spans)


def test_an_mtaudit_marker_in_a_comment_still_suppresses(tmp_path):
    page = "Un paragraphe.\n\n<!-- mtaudit: ignore MT101 -->\nIl a évoqué une “menace importante” pour la région.\n"
    assert _check(tmp_path, "page.md", page)["findings"] == []


@given(st.text(alphabet=st.sampled_from("ab é#*_`[]()<>!-{}%|\\:/\n\r+.>h"), max_size=200))
def test_masking_keeps_length_and_line_breaks(text):
    masked, spans = prose(text)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]
    assert all(masked[i] == text[i] for i in range(len(text)) if not any(s <= i < e for s, e in spans))


def test_tags_holding_shortcodes_entities_and_alerts_are_masked():
    source = ('<img src="{{< assetsRoot >}}/photo.png" alt="Photo">\n\n> [!NOTE]\n> [!div class="step-by-step"]\n\n'
              "Il a dit &quot;non&quot; &amp; il est parti.\n")
    text, _ = prose(source)
    assert text.split() == ["Il", "a", "dit", "non", "il", "est", "parti."]
