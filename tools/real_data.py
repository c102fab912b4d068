"""The labelled real French of ../shared/peer, read as items for `eval_real` and `fit_verdict`.

Each item is one text with its label (1 machine-translated, 0 human) and its *group*: the
document it comes from, so that cross-validation never splits one document's sentences (or
the two translations of one TICO sentence) across folds. Nothing here is copied into the
package: the data is read where it lies, and `available()` is False when it is absent.
"""

from __future__ import annotations

import csv
import html
import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
PEER = ROOT.parent / "shared" / "peer"
TICO_DOC_SENTENCES = 20
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class Item:
    """One labelled text: `label` 1 is machine-translated, 0 human; `group` its document."""

    dataset: str
    group: str
    text: str
    label: int


def available() -> bool:
    return (PEER / "tico19_enfr_human_vs_googletranslate.tsv").exists()


def _rows(name: str) -> list[dict[str, str]]:
    with open(PEER / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def fold_of(item: Item, folds: int) -> int:
    """A stable fold per group (CRC32, not Python's salted hash), the same in every run."""
    return zlib.crc32(f"{item.dataset.split('/')[0]}|{item.group}".encode()) % folds


# TICO-19: the professional side is typographically careful, Google's is not. The neutral
# variant makes both sides alike so that only the wording can tell them apart.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "\u00a0": " ", "\u202f": " "})
_SPACE_BEFORE = re.compile(r"\s+([?!:;])")
_INNER_QUOTE_SPACE = re.compile(r'"\s+([^"]*?)\s+"')


def neutral_typography(sentence: str) -> str:
    """Same quotes, apostrophes, spacing before ?!:; and sentence case on both sides."""
    text = _INNER_QUOTE_SPACE.sub(r'"\1"', sentence.translate(_QUOTES))
    text = _SPACE_BEFORE.sub(r"\1", text).strip()
    return text[:1].upper() + text[1:]


def tico() -> list[Item]:
    """TICO-19 as sentences and as 20-sentence documents in id order, raw and neutralised."""
    rows = _rows("tico19_enfr_human_vs_googletranslate.tsv")
    items = []
    for n, row in enumerate(rows):
        group = f"doc{n // TICO_DOC_SENTENCES}"
        for column, label in (("human_fr", 0), ("google_translate_fr", 1)):
            items.append(Item("tico/sentences", group, row[column], label))
            items.append(Item("tico/neutral-sentences", group, neutral_typography(row[column]), label))
    for start in range(0, len(rows), TICO_DOC_SENTENCES):
        chunk = rows[start : start + TICO_DOC_SENTENCES]
        group = f"doc{start // TICO_DOC_SENTENCES}"
        for column, label in (("human_fr", 0), ("google_translate_fr", 1)):
            items.append(Item("tico/documents", group, " ".join(r[column] for r in chunk), label))
            neutral = " ".join(neutral_typography(r[column]) for r in chunk)
            items.append(Item("tico/neutral-documents", group, neutral, label))
    return items


def paracrawl() -> list[Item]:
    """French side of ParaCrawl pairs: judged machine-translated (1) or valid (0); grouped by site."""
    items = []
    for row in _rows("paracrawl_enfr_human_validation.tsv"):
        if row["mt_target"] == "1" or row["label"] == "V":
            site = urlparse(row["url_fr"]).netloc or row["url_fr"]
            items.append(Item("paracrawl", site, row["trg_fr"], int(row["mt_target"] == "1")))
    return items


def diabla() -> list[Item]:
    """DiaBLa: each dialogue's MT utterances as one document, its references as another."""
    dialogues: dict[str, dict[str, list[str]]] = {}
    for row in _rows("diabla_en2fr_judgments.tsv"):
        sides = dialogues.setdefault(row["dialogue"], {"mt_fr": [], "ref_fr": []})
        sides["mt_fr"].append(row["mt_fr"])
        sides["ref_fr"].append(row["ref_fr"])
    return [
        Item("diabla", dialogue, "\n".join(sides[column]), label)
        for dialogue, sides in sorted(dialogues.items())
        for column, label in (("ref_fr", 0), ("mt_fr", 1))
    ]


def correct_sentences() -> list[Item]:
    """Grammalecte's and LanguageTool's `correct` test sentences: careful human French."""
    grammalecte = [
        Item("correct", f"g:{r['rule_id']}", r["sentence"], 0)
        for r in _rows("grammalecte_fr_tests_all.tsv")
        if r["kind"] == "correct" and r["sentence"].strip()
    ]
    languagetool = [
        Item("correct", f"lt:{r['rule_id']}", r["sentence"], 0)
        for r in _rows("languagetool_fr_examples.tsv")
        if r["kind"] == "correct" and r["sentence"].strip()
    ]
    return grammalecte + languagetool


def human_news() -> list[Item]:
    folder = PEER / "real-web" / "human_news_fr"
    return [Item("human-news", p.name, p.read_text(encoding="utf-8"), 0) for p in sorted(folder.glob("*.txt"))]


_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n.*?\n\1\n", re.DOTALL)
_CODE = re.compile(r"```.*?```|~~~.*?~~~|\{\{[<%].*?[%>]\}\}", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+|[*_`]{1,3}", re.MULTILINE)


def markdown_text(markdown: str) -> str:
    """Crude Markdown to text: no front matter, code, tags, link targets or emphasis marks."""
    text = _CODE.sub("\n", _FRONT_MATTER.sub("", markdown))
    text = _MARKS.sub("", _LINK.sub(r"\1", _TAG.sub(" ", text)))
    return html.unescape(text)


def real_mt() -> list[Item]:
    folder = PEER / "real-web" / "mt_fr"
    return [
        Item("real-mt", p.name, markdown_text(p.read_text(encoding="utf-8")), 1)
        for p in sorted(folder.glob("*.md"))
    ]


def project() -> list[Item]:
    """The project's own spun and clean texts (tests/data, corpora/samples): written to carry
    the marks the rules look for, so they keep the rules' evidence in the fit."""
    data, samples = ROOT / "tests" / "data", ROOT / "corpora" / "samples"
    spun = sorted((data / "spun").glob("*.txt")) + sorted(samples.glob("spun-*.txt"))
    clean = sorted((data / "clean").glob("*.txt")) + sorted(samples.glob("clean-*.txt"))
    return [Item("project", p.name, p.read_text(encoding="utf-8"), int(p in spun)) for p in spun + clean]


def all_items() -> list[Item]:
    return tico() + paracrawl() + diabla() + correct_sentences() + human_news() + real_mt() + project()
