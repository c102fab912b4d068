"""Bilingual files in, one French document out: XLIFF 1.2 and 2.x, TMX, PO, CSV/TSV, JSONL.

Translators, agencies and localisation teams exchange pairs of source and target segments,
not articles. Each unit becomes a `Segment`; the targets, joined one paragraph per unit,
become the text every later stage reads, so the source-free French rules run on every target
unchanged and each finding maps back to its unit by offset (`Document.segment_at`). The
XML formats and PO are read by translate-toolkit (the `bilingual` extra), after a defusedxml
pass that refuses entity declarations and external references, since such files come
from outside; the tabular formats (`audit.bilingual_tables`) need only the standard library.

A file whose target language is missing or not French is refused (exit 2): the French rules
would say nothing useful about it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from audit.document import Segment
from audit.errors import InputError
from audit.ingest import RawText

XML_SUFFIXES = (".xlf", ".xliff", ".tmx")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl")
BILINGUAL_SUFFIXES = (*XML_SUFFIXES, ".po", *TABLE_SUFFIXES)
SEPARATOR = "\n\n"  # between targets: each unit is a paragraph of its own
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Unit:
    """One source–target pair as read from the file; `target` is None when there is none."""

    id: str
    source: str
    target: str | None
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()


def bilingual_format(path: str) -> str | None:
    """The suffix that makes `path` a bilingual file, or None."""
    suffix = os.path.splitext(path)[1].lower()
    return suffix if suffix in BILINGUAL_SUFFIXES else None


def read_bilingual(path: str, data: bytes) -> RawText:
    """The targets of a bilingual file as one text, with its segments."""
    suffix = bilingual_format(path)
    if suffix in TABLE_SUFFIXES:
        from audit.bilingual_tables import read_table

        units, language = read_table(path, data, suffix)
    else:
        units, language = _read_with_toolkit(path, data, suffix)
    require_french(path, language)
    if not units:
        raise InputError(f"{path}: no translation units")
    return joined(path, units, media_type(suffix))


def media_type(suffix: str) -> str:
    return {
        ".xlf": "application/xliff+xml", ".xliff": "application/xliff+xml", ".tmx": "application/x-tmx+xml",
        ".po": "text/x-gettext-translation", ".csv": "text/csv", ".tsv": "text/tab-separated-values",
        ".jsonl": "application/jsonl",
    }[suffix]


def require_french(path: str, language: str | None) -> None:
    if not language:
        raise InputError(f"{path}: no target language given (mtaudit checks French targets)")
    if language.replace("_", "-").split("-")[0].lower() != "fr":
        raise InputError(f"{path}: target language is {language!r}; mtaudit checks French targets")


def joined(path: str, units: list[Unit], media: str) -> RawText:
    """One paragraph per target; each segment records where its target lies in the text."""
    parts, segments, position = [], [], 0
    for unit in units:
        if parts:
            parts.append(SEPARATOR)
            position += len(SEPARATOR)
        target = unit.target or ""
        segments.append(Segment(unit.id, position, position + len(target), unit.source, unit.target is None,
                                unit.source_codes, unit.target_codes))
        parts.append(target)
        position += len(target)
    notes = (f"{len(units)} bilingual segments; offsets index the targets joined one paragraph per segment",)
    return RawText(path, "".join(parts) + "\n", "utf-8", media, notes, segments=tuple(segments))


def _read_with_toolkit(path: str, data: bytes, suffix: str) -> tuple[list[Unit], str | None]:
    try:
        from translate.storage import po, tmx, xliff, xliff2
    except ImportError:
        raise InputError(
            f"{path}: reading {suffix} files needs translate-toolkit: pip install 'mtaudit[bilingual]'"
        ) from None
    if suffix == ".po":
        return _po_units(path, data, po)
    _refuse_unsafe_xml(path, data)
    try:
        if suffix == ".tmx":
            return _tmx_units(path, tmx.tmxfile.parsestring(data))
        version2 = b'version="2.' in data[:2000] or b"xliff:document:2." in data[:2000]
        store = (xliff2.Xliff2File if version2 else xliff.xlifffile).parsestring(data)
    except (ValueError, AssertionError, StopIteration) as error:  # the toolkit's word for "not this format"
        detail = str(error).splitlines()[0] if str(error) else "not the root and <file> elements of the format"
        raise InputError(f"{path}: not a valid {suffix} file ({detail})") from None
    return _xliff_units(store), store.gettargetlanguage()


def _refuse_unsafe_xml(path: str, data: bytes) -> None:
    """Malformed XML, entity declarations (billion laughs) and external references stop here."""
    import defusedxml
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(data)
    except ParseError as error:
        raise InputError(f"{path}: malformed XML ({error})") from None
    except defusedxml.DefusedXmlException as error:
        raise InputError(f"{path}: XML with entity declarations or external references refused ({error})") from None


def _xliff_units(store) -> list[Unit]:
    units, prefix = [], _original_prefix(store)
    for unit in store.units:
        element = getattr(unit, "xmlelement", None)
        if unit.isheader() or (element is not None and element.get("translate") == "no"):
            continue  # translate="no": the unit stays as it is (brand names, code)
        # the toolkit joins file and unit with \x04, XLIFF 2 unit and segment with ::
        unit_id = unit.getid().replace("\x04", "/").replace("::", "/").removeprefix(prefix)
        target = unit.target  # None when the unit has no <target>
        codes = _has_inline_elements(unit)
        units.append(Unit(unit_id, str(unit.source or ""), None if target is None else str(target),
                          inline_codes(unit.rich_source) if codes else (),
                          inline_codes(unit.rich_target) if codes else ()))
    return units


def _has_inline_elements(unit) -> bool:
    """Most units are plain text; the toolkit's rich tree, which costs a third of the
    reading time, is built only for those with elements inside <source> or <target>."""
    element = getattr(unit, "xmlelement", None)
    return element is None or any(len(node) for node in element.iter("{*}source", "{*}target"))


def _original_prefix(store) -> str:
    """Ids are `file/unit`; with a single <file> the file part says nothing."""
    files = store.document.getroot().findall(".//{*}file")
    if len(files) != 1:
        return ""
    return (files[0].get("original") or files[0].get("id") or "") + "/"


def inline_codes(rich) -> tuple[str, ...]:
    """XLIFF inline elements (<g>, <x/>, <ph>, <pc>…) as `<name id="…">`, in order."""
    from translate.storage.placeables import StringElem

    codes = []
    for root in rich or ():
        for node in root.depth_first():
            if type(node) is StringElem or not isinstance(node, StringElem):
                continue
            xml_node = getattr(node, "xml_node", None)
            name = xml_node.tag.rsplit("}", 1)[-1] if xml_node is not None else type(node).__name__.lower()
            codes.append(f'<{name} id="{node.id}">' if getattr(node, "id", None) else f"<{name}>")
    return tuple(codes)


def _tmx_units(path: str, store) -> tuple[list[Unit], str | None]:
    """TMX variants are chosen by language: the header's srclang, and French for the target."""
    header = store.document.getroot().find("header")
    source_language = ((header.get("srclang") if header is not None else None) or "*all*").lower()
    units, french = [], None
    for number, unit in enumerate(store.units, 1):
        variants = {}
        for tuv in unit.xmlelement.iter("tuv"):
            seg = tuv.find("seg")
            text = "".join(seg.itertext()) if seg is not None else ""
            variants.setdefault((tuv.get(_XML_LANG) or tuv.get("lang") or "").lower(), text)
        target_language = next((lang for lang in variants if lang.split("-")[0] == "fr"), None)
        french = french or target_language
        others = {lang: text for lang, text in variants.items() if lang != target_language}
        units.append(Unit(unit.xmlelement.get("tuid") or str(number), _source_variant(others, source_language),
                          variants.get(target_language) if target_language else None))
    return units, french


def _source_variant(variants: dict[str, str], source_language: str) -> str:
    """The variant in the header's source language (`*all*`: the first non-French one)."""
    base = source_language.split("-")[0]
    for lang, text in variants.items():
        if source_language == "*all*" or lang == source_language or lang.split("-")[0] == base:
            return text
    return ""


def _po_units(path: str, data: bytes, po) -> tuple[list[Unit], str | None]:
    """Entries in file order; a plural entry gives one unit per form (`id[0]`, `id[1]`…)."""
    try:
        store = po.pofile.parsestring(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not a valid PO file ({_first_line(error)})") from None
    language = store.gettargetlanguage() or _language_from_name(path)
    units = []
    for number, unit in enumerate((u for u in store.units if not u.isheader() and not u.isobsolete()), 1):
        if unit.hasplural():
            sources, targets = list(unit.source.strings), list(unit.target.strings)
            for form, target in enumerate(targets):
                units.append(Unit(f"{number}[{form}]", str(sources[min(form, len(sources) - 1)]), target or None))
        else:
            units.append(Unit(str(number), str(unit.source), str(unit.target) or None))
    return units, language


def _language_from_name(path: str) -> str | None:
    """`fr.po`, `fr_FR.po`: gettext's own naming, when the header says nothing."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return stem if stem.split("_")[0].lower() == "fr" else None


def _first_line(error: BaseException) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0]
