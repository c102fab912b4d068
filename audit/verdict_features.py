"""What the verdict model reads: rule evidence by family, the words themselves, sentence rhythm.

Fluent machine translation leaves few rule hits but a recognisable wording: which function
words and connectives it picks, how it orders them, which literal renderings it prefers. So
besides the findings the model reads hashed word unigrams and bigrams (lower-cased, quotes
and apostrophes unified, so typography stays the findings' business), weighted 1 + log(count)
and scaled to unit length per document, so a sentence and a long article sit on one scale.
Rule hits enter by family as log1p(hits per 100 words); typography (MT101–MT106) is a weak
family of its own, and a full stop glued to a capital ("RN.En 1995", how removed markup
looks) is counted apart from the other MT103 hits as a scraping artefact.

Plain Python throughout: importing numpy would cost a cold run more than scoring does.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter

from audit.document import Document, span_ends, span_starts
from audit.findings import Finding

WORD_BUCKETS = 16384
FAMILIES = {
    "MT101": "typography", "MT102": "typography", "MT103": "typography", "MT104": "typography",
    "MT105": "typography", "MT106": "typography",
    "MT201": "untranslated", "MT202": "untranslated", "MT203": "capitals",
    "MT301": "transliteration", "MT302": "transliteration",
    "MT401": "markup", "MT402": "markup", "MT403": "markup", "MT404": "duplicate",
    "MT501": "wording", "MT502": "wording", "MT503": "terminology",
    # Source rules: no labelled data has sources, so the model file sets this family's weight
    # by hand. Omissions and additions (MT604/605/607/608/610–613) are edits, not marks of MT: no weight.
    "MT601": "source", "MT602": "source", "MT603": "source", "MT606": "source", "MT609": "source",
    "MT604": "coverage", "MT605": "coverage", "MT607": "coverage", "MT608": "coverage", "MT610": "coverage",
    "MT611": "coverage", "MT612": "coverage", "MT613": "coverage",
}  # fmt: skip
_UNIFY = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'), ("„", '"'))
_TOKEN = re.compile(r"[^\W\d_]+'|[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")
_SCRAPE = re.compile(r"^[.!?][A-ZÀ-Ý]")
_START = zlib.crc32(b"<s>")
_PAIR = 1_000_003  # a prime: (a × _PAIR + b) keeps word order in a bigram's key
_WORD_HASHES: dict[str, int] = {}
_MAX_REMEMBERED = 200_000
_BATCH = 1 << 16  # n-gram keys counted at a time
_BUCKET_NAMES = [f"w{i}" for i in range(WORD_BUCKETS)]


def family_of(finding: Finding) -> str:
    """The rule family a finding counts in (a scraping artefact apart from other MT103 hits)."""
    if finding.code == "MT103" and _SCRAPE.match(finding.text):
        return "scrape"
    return FAMILIES.get(finding.code, "other")


def _unified(text: str) -> str:
    """One apostrophe and one quote mark; same length, so sentence offsets hold."""
    for curly, plain in _UNIFY:
        text = text.replace(curly, plain)
    return text


def _word_hash(word: str) -> int:
    """CRC32 of a word (stable across runs, unlike `hash`), remembered: words recur."""
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) >= _MAX_REMEMBERED:
            _WORD_HASHES.clear()
        value = _WORD_HASHES[word] = zlib.crc32(word.encode())
    return value


def word_grams(document: Document) -> tuple[Counter[int], list[int]]:
    """Word 1- and 2-gram counts by hash bucket (a sentence starts with `<s>`), and words per sentence.

    A bigram's key is computed from its two word hashes, so only words are ever hashed. Keys
    are counted in batches, so a long text's keys never pile up and a text of 100,000 short
    sentences does not pay a `Counter.update` per sentence.
    """
    text = _unified(document.text)  # once for the whole text: it keeps every offset
    remembered = _WORD_HASHES.get
    grams: Counter[int] = Counter()
    lengths, keys = [], []
    for start, end in zip(span_starts(document.sentences), span_ends(document.sentences)):
        hashes = [remembered(w) or _word_hash(w) for w in _TOKEN.findall(text[start:end].lower())]
        lengths.append(len(hashes))
        keys += [key % WORD_BUCKETS for key in hashes]
        keys += [(a * _PAIR + b) % WORD_BUCKETS for a, b in zip([_START, *hashes], hashes)]
        if len(keys) >= _BATCH:
            grams.update(keys)
            keys = []
    grams.update(keys)
    return grams, lengths


def features(document: Document, findings: list[Finding]) -> dict[str, float]:
    """The model's inputs, by name; absent names are zero."""
    words = max(document.word_count, 1)
    by_family = Counter(family_of(f) for f in findings)
    values = {f"rules:{name}": math.log1p(100.0 * n / words) for name, n in by_family.items()}
    grams, lengths = word_grams(document)
    weighted = {_BUCKET_NAMES[g]: 1.0 + math.log(n) if n > 1 else 1.0 for g, n in grams.items()}
    norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
    values.update({name: v / norm for name, v in weighted.items()})
    mean = sum(lengths) / max(len(lengths), 1)
    spread = math.sqrt(sum((n - mean) ** 2 for n in lengths) / max(len(lengths), 1))
    values["sentences:mean_words"] = math.log1p(mean)
    values["sentences:spread"] = math.log1p(spread)
    return values
