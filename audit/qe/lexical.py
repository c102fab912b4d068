"""Hashed lexical context of each target token, for the QE model's linear stage.

A token's word, its neighbours and whether it was copied from the source are hashed into
`BUCKETS` indices (CRC-32, stable across runs and platforms); a logistic regression over
them learns which words in which contexts annotators mark (a determiner before a copied
name, an English word order in a title). Only its coefficients ship, never the words.
"""

from __future__ import annotations

import zlib

from audit.qe.features import Token, tokens

BUCKETS = 1 << 18
_START, _END = "<s>", "</s>"


def lexical_indices(source: str, target_tokens: list[Token]) -> list[list[int]]:
    """For each target token, the sorted distinct hashed indices of its context strings."""
    words = [t.text.lower() for t in target_tokens]
    copied = {t.text.lower() for t in tokens(source)}
    padded = [_START, _START] + words + [_END, _END]
    rows = []
    for i, (token, word) in enumerate(zip(target_tokens, words)):
        before2, before, after, after2 = padded[i], padded[i + 1], padded[i + 3], padded[i + 4]
        shape = ("C" if token.text[0].isupper() else "l") + ("S" if word in copied else "n")
        contexts = (
            f"w={word}", f"p={before}|{word}", f"n={word}|{after}", f"p1={before}", f"n1={after}",
            f"pp={before2}|{before}|{word}", f"nn={word}|{after}|{after2}", f"cs={shape}",
            f"wcs={word}{shape}", "bias", f"pos0={i == 0}",
        )
        rows.append(sorted({zlib.crc32(c.encode()) % BUCKETS for c in contexts}))
    return rows
