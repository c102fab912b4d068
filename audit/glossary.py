"""A translation glossary from the `glossary` setting: CSV/TSV pairs or TBX (rule MT705).

Agencies keep term bases as TBX (ISO 30042) exported from their tools, or as a two-column
spreadsheet. Either becomes `(source term, (target terms…))` pairs, the first target term
being the preferred one. TBX is read with defusedxml: a term base comes from outside too.
The file is read once per run; a bad one is a one-line error (exit 2).
"""

from __future__ import annotations

import csv
import io
import os
from functools import lru_cache

from audit.errors import UserError

Glossary = tuple[tuple[str, tuple[str, ...]], ...]
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HEADER = {"source", "target", "en", "fr", "term", "translation"}


def load_glossary(path: str | None) -> Glossary:
    """The glossary at `path` (none when unset)."""
    if not path:
        return ()
    try:
        stat = os.stat(path)
    except OSError as error:
        raise UserError(f"{path}: cannot read the glossary ({error.strerror})") from None
    return _load(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: str, size: int, mtime: int) -> Glossary:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise UserError(f"{path}: cannot read the glossary ({error.strerror})") from None
    pairs = _tbx_pairs(path, data) if path.lower().endswith(".tbx") else _table_pairs(path, data)
    merged: dict[str, list[str]] = {}
    for source, target in pairs:
        merged.setdefault(source, [])
        if target not in merged[source]:
            merged[source].append(target)
    if not merged:
        raise UserError(f"{path}: the glossary has no source–target pairs")
    return tuple((source, tuple(targets)) for source, targets in merged.items())


def _table_pairs(path: str, data: bytes) -> list[tuple[str, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{path}: the glossary is not UTF-8") from None
    delimiter = "\t" if path.lower().endswith(".tsv") or "\t" in text.split("\n", 1)[0] else ","
    pairs = []
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or (number == 1 and cells[0].lower() in _HEADER):
            continue
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise UserError(f"{path}: line {number} of the glossary is not `source term, target term`")
        pairs.append((cells[0], cells[1]))
    return pairs


def _tbx_pairs(path: str, data: bytes) -> list[tuple[str, str]]:
    """Each concept's English terms paired with its French ones (TBX 2 `termEntry/langSet`,
    TBX 3 `conceptEntry/langSec`)."""
    import defusedxml
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data)
    except (ParseError, defusedxml.DefusedXmlException) as error:
        raise UserError(f"{path}: the glossary is not safe, well-formed TBX ({error})") from None
    pairs = []
    for concept in root.iter():
        if _local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        terms: dict[str, list[str]] = {}
        for language_set in concept:
            if _local(language_set.tag) in ("langSet", "langSec"):
                language = (language_set.get(_XML_LANG) or language_set.get("lang") or "").split("-")[0].lower()
                found = [(t.text or "").strip() for t in language_set.iter() if _local(t.tag) == "term"]
                terms.setdefault(language, []).extend(t for t in found if t)
        pairs += [(s, t) for s in terms.get("en", ()) for t in terms.get("fr", ())]
    return pairs


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
