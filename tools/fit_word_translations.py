"""`make word-translations`: fit the English–French word-translation model of `audit.sources.words`.

IBM Model 1 (Brown et al. 1993), fitted both ways by EM on sentence pairs that are not
evaluation data: the WMT20 QE training split (`source`/`mt`), ParaCrawl pairs its validators
marked valid, DiaBLa's reference translations (all under ../shared/peer), the French gettext
catalogs installed under /usr/share/locale/fr (interface strings of Debian packages) and the
FreeDict English–French and French–English dictionaries (Debian packages dict-freedict-eng-fra
and dict-freedict-fra-eng; each headword with each of its translations is one short pair).
Kept out on purpose: TICO-19 / ContraTICO, the WMT20 dev split and the Debian handbook, which
`make eval` measures on.

Only the weights ship (audit/data/word_translations.npz): for each direction, the CRC-32 of
a word, the CRC-32 of each of its best translations (at most TOP, p ≥ MIN_P) and p quantised
to 1/255, so neither a word list nor any text of the data is in the repository.
Run: `python tools/fit_word_translations.py` (about a minute on one core). For cross-validated
experiments, TICO_EXCEPT=k adds the TICO-19 pairs of every document fold but k (folds as in
tools/eval_sources.py) and OUT=path writes elsewhere; the shipped file is fitted without either.
"""

from __future__ import annotations

import csv
import gettext
import gzip
import os
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from audit.sources.words import stem, words

PEER = ROOT.parent / "shared" / "peer"
LOCALE = Path("/usr/share/locale/fr/LC_MESSAGES")
DICTD = Path("/usr/share/dictd")
OUT = ROOT / "audit" / "data" / "word_translations.npz"
ITERATIONS = 8
TOP, MIN_P = 8, 0.02
MAX_TOKENS = 60  # longer pairs cost quadratically and teach Model 1 little
DICTIONARY_WEIGHT = 3  # a dictionary pair is certain where a sentence pair is not
csv.field_size_limit(1 << 24)


def _tsv(name: str) -> list[dict[str, str]]:
    path = PEER / name
    if not path.exists():
        print(f"fit_word_translations: {path} absent, skipped", file=sys.stderr)
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def peer_pairs() -> list[tuple[str, str]]:
    pairs = [(r["source"], r["mt"]) for r in _tsv("wmt20_qe_task3_enfr_train_mqm.tsv")]
    pairs += [(r["src_en"], r["trg_fr"]) for r in _tsv("paracrawl_enfr_human_validation.tsv") if r["label"] == "V"]
    pairs += sorted({(r["src_en"], r["ref_fr"]) for r in _tsv("diabla_en2fr_judgments.tsv")})
    return pairs


def catalog_pairs() -> list[tuple[str, str]]:
    pairs = set()
    for path in sorted(LOCALE.glob("*.mo")):
        with path.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)._catalog  # the only way to list a .mo
        for key, french in catalog.items():
            english = key[0] if isinstance(key, tuple) else key
            if english and french and isinstance(english, str):
                pairs.add((english, french))
    return sorted(pairs)


def _dictd(name: str) -> list[tuple[str, list[str]]]:
    """(headword, translations) of a dictd database: index lines `word<TAB>offset<TAB>length` in base64."""
    index, data = DICTD / f"{name}.index", DICTD / f"{name}.dict.dz"
    if not index.exists():
        print(f"fit_word_translations: {index} absent (apt-get install dict-{name}), skipped", file=sys.stderr)
        return []
    digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    def number(text: str) -> int:
        value = 0
        for char in text:
            value = value * 64 + digits.index(char)
        return value

    blob = gzip.decompress(data.read_bytes())
    entries = []
    for line in index.read_text(encoding="utf-8").splitlines():
        head, offset, length = line.split("\t")
        if head.startswith("00database"):
            continue
        body = blob[number(offset) : number(offset) + number(length)].decode("utf-8").splitlines()[1:]
        senses = [part.strip() for text in body for part in text.split(".", 1)[-1].split(",")]
        entries.append((head, [s for s in senses if s]))
    return entries


def dictionary_pairs() -> list[tuple[str, str]]:
    pairs = [(head, sense) for head, senses in _dictd("freedict-eng-fra") for sense in senses]
    pairs += [(sense, head) for head, senses in _dictd("freedict-fra-eng") for sense in senses]
    return sorted(set(pairs)) * DICTIONARY_WEIGHT


def model1(pairs: list[tuple[list[int], list[int]]], sources: int, targets: int) -> dict[tuple[int, int], float]:
    """t(target | source) by EM, with a NULL source word (index `sources`), vectorised over all pairs."""
    pair_src, pair_tgt, group = [], [], []
    slot = 0
    for src, tgt in pairs:
        src = np.asarray([*src, sources])
        for word in tgt:
            pair_src.append(src)
            pair_tgt.append(np.full(len(src), word))
            group.append(np.full(len(src), slot))
            slot += 1
    src_ids, tgt_ids, groups = (np.concatenate(a) for a in (pair_src, pair_tgt, group))
    keys = src_ids.astype(np.int64) * targets + tgt_ids
    unique, param = np.unique(keys, return_inverse=True)
    owner = (unique // targets).astype(np.int64)
    t = np.ones(len(unique))
    for _ in range(ITERATIONS):
        share = t[param]
        share = share / np.bincount(groups, weights=share)[groups]
        counts = np.bincount(param, weights=share, minlength=len(unique))
        t = counts / np.bincount(owner, weights=counts, minlength=sources + 1)[owner]
    table = {}
    for key, p in zip(unique.tolist(), t.tolist()):
        source, target = divmod(key, targets)
        if source < sources and p >= MIN_P:
            table[(source, target)] = p
    return table


def pruned(table: dict[tuple[int, int], float], src_vocab: list[str], tgt_vocab: list[str]) -> np.ndarray:
    """Rows (crc32 source word, crc32 target word, p × 255) of each word's TOP translations."""
    best: dict[int, list[tuple[float, int]]] = {}
    for (source, target), p in table.items():
        best.setdefault(source, []).append((p, target))
    rows = []
    for source, options in best.items():
        for p, target in sorted(options, reverse=True)[:TOP]:
            rows.append((_crc(src_vocab[source]), _crc(tgt_vocab[target]), round(p * 255)))
    return np.asarray(sorted(rows), dtype=np.uint32)


def _crc(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _vocabulary(texts: list[list[str]]) -> tuple[list[str], dict[str, int]]:
    vocab = sorted({w for text in texts for w in text})
    return vocab, {w: i for i, w in enumerate(vocab)}


def main() -> None:
    raw = peer_pairs() + catalog_pairs() + dictionary_pairs()
    if os.environ.get("TICO_EXCEPT"):
        fold = int(os.environ["TICO_EXCEPT"])
        raw += [(r["src_en"], r["human_fr"]) for r in _tsv("tico19_enfr_human_vs_googletranslate.tsv")
                if zlib.crc32(r["id"].split(":")[0].encode()) % 5 != fold]
    tokenised = [([stem(w) for w in words(en)], [stem(w) for w in words(fr)]) for en, fr in raw]
    tokenised = [(en, fr) for en, fr in tokenised if en and fr and len(en) <= MAX_TOKENS and len(fr) <= MAX_TOKENS]
    en_vocab, en_id = _vocabulary([en for en, _ in tokenised])
    fr_vocab, fr_id = _vocabulary([fr for _, fr in tokenised])
    as_ids = [([en_id[w] for w in en], [fr_id[w] for w in fr]) for en, fr in tokenised]
    print(f"{len(tokenised)} pairs, {len(en_vocab)} English and {len(fr_vocab)} French words")
    en_fr = pruned(model1(as_ids, len(en_vocab), len(fr_vocab)), en_vocab, fr_vocab)
    fr_en = pruned(model1([(f, e) for e, f in as_ids], len(fr_vocab), len(en_vocab)), fr_vocab, en_vocab)
    out = Path(os.environ.get("OUT", OUT))
    np.savez_compressed(out, en_fr=en_fr, fr_en=fr_en)
    print(f"wrote {out}: {len(en_fr)} + {len(fr_en)} entries, {out.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
