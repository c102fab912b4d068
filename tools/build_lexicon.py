"""Derive mtaudit's word lists from wordfreq, so run time needs neither wordfreq nor its load time.

Writes two files under audit/data/:
- english_words.tsv: words far more frequent in English than in French (evidence of untranslated text);
- french_words.txt: the most frequent French words (tells a common noun from a proper one).

The figures come from wordfreq (data CC BY-SA 4.0, by Robyn Speer and contributors); the
outputs inherit that licence, as their headers say.
"""

from __future__ import annotations

import re
from pathlib import Path

import wordfreq

DATA = Path(__file__).resolve().parent.parent / "audit" / "data"
WORD = re.compile(r"^[a-zà-ÿœæ]+(?:[-'][a-zà-ÿœæ]+)*$")
HEADER = (
    "# Derived from wordfreq {version} (data CC BY-SA 4.0, Robyn Speer et al.) by tools/build_lexicon.py.\n"
    "# Licence of this file: CC BY-SA 4.0. Do not edit by hand: run `make lexicon`.\n"
)


def english_evidence(top: int = 40000, min_en: float = 3.0, min_gap: float = 0.8) -> list[str]:
    rows = []
    for word in wordfreq.top_n_list("en", top):
        if not WORD.match(word):
            continue
        en = wordfreq.zipf_frequency(word, "en")
        fr = wordfreq.zipf_frequency(word, "fr")
        if en >= min_en and en - fr >= min_gap:
            rows.append(f"{word}\t{en:.2f}\t{fr:.2f}")
    return sorted(rows)


def french_common(top: int = 30000) -> list[str]:
    return sorted({w for w in wordfreq.top_n_list("fr", top) if WORD.match(w)})


def main() -> None:
    header = HEADER.format(version=wordfreq.__version__ if hasattr(wordfreq, "__version__") else "3.1.1")
    (DATA / "english_words.tsv").write_text(
        header + "# word<TAB>zipf_en<TAB>zipf_fr\n" + "\n".join(english_evidence()) + "\n",
        encoding="utf-8",
    )
    (DATA / "french_words.txt").write_text(
        header + "\n".join(french_common()) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
