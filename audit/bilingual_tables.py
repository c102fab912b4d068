"""Two-column CSV/TSV and JSONL `{source, target}` files, read with the standard library.

Spreadsheets exported by translation teams have two columns (source, target) or three (id,
source, target), with or without a header row; a header that names the columns by language
(`en`, `fr-FR`) also tells the target language. Files with no language say are taken as
English to French, the pair mtaudit is for. A row with another number of columns is an
error, told with its line: guessing which cell is which would misreport every finding.
"""

from __future__ import annotations

import csv
import io
import json

from audit.decoding import decode
from audit.errors import InputError
from audit.ingest import looks_binary

_ID_NAMES = {"id", "key", "segment", "segment_id", "tuid"}
_SOURCE_NAMES = {"source", "src", "original", "english"}
_TARGET_NAMES = {"target", "tgt", "translation", "french"}
DEFAULT_TARGET_LANGUAGE = "fr"


def read_table(path: str, data: bytes, suffix: str) -> tuple[list, str]:
    """The units of a CSV, TSV or JSONL file and its target language."""
    if looks_binary(data):
        raise InputError(f"{path}: binary file, not text")
    text, _, _ = decode(path, data)
    if suffix == ".jsonl":
        return _jsonl_units(path, text), DEFAULT_TARGET_LANGUAGE
    return _table_units(path, text, "\t" if suffix == ".tsv" else ",")


def _table_units(path: str, text: str, delimiter: str) -> tuple[list, str]:
    from audit.bilingual import Unit

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    if not rows:
        return [], DEFAULT_TARGET_LANGUAGE
    header = [cell.strip().lower() for cell in rows[0][1]]
    columns, language = _columns(header)
    if columns is not None:
        rows = rows[1:]
    else:
        columns = {2: (None, 0, 1), 3: (0, 1, 2)}.get(len(header))
        if columns is None:
            raise InputError(f"{path}: line 1 has {len(header)} columns; expected source and target "
                             "(2 columns) or id, source and target (3)")
    width = len(rows[0][1]) if rows else len(header)
    units = []
    for line, row in rows:
        if len(row) != width:
            raise InputError(f"{path}: line {line} has {len(row)} columns, the file {width}")
        id_column, source, target = columns
        units.append(Unit(row[id_column] if id_column is not None else str(line), row[source], row[target] or None))
    return units, language


def _columns(header: list[str]) -> tuple[tuple[int | None, int, int] | None, str]:
    """(id, source, target) column indices from a header row, or None when the first row is data."""
    def find(names) -> int | None:
        return next((i for i, cell in enumerate(header) if cell in names), None)

    source, target = find(_SOURCE_NAMES), find(_TARGET_NAMES)
    if source is not None and target is not None:
        return (find(_ID_NAMES), source, target), DEFAULT_TARGET_LANGUAGE
    languages = [i for i, cell in enumerate(header) if _is_language_code(cell)]
    if len(languages) == 2:
        first, second = languages
        source, target = (second, first) if header[first].startswith("fr") else (first, second)
        return (find(_ID_NAMES), source, target), header[target]
    return None, DEFAULT_TARGET_LANGUAGE


def _is_language_code(cell: str) -> bool:
    parts = cell.replace("_", "-").split("-")
    return len(parts[0]) == 2 and parts[0].isalpha() and len(parts) <= 2


def _jsonl_units(path: str, text: str) -> list:
    from audit.bilingual import Unit

    units = []
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError as error:
            raise InputError(f"{path}: line {line} is not JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("source"), str) or not (
            record.get("target") is None or isinstance(record.get("target"), str)
        ):
            raise InputError(f"{path}: line {line} is not an object with a string `source` and `target`")
        units.append(Unit(str(record.get("id", line)), record["source"], record.get("target") or None))
    return units
