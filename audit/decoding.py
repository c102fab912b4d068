"""Bytes to text: which encoding a file is in, decided without losing a character.

UTF-8 first (a UTF-8 byte order mark is dropped and noted); UTF-16 and UTF-32 when their byte
order mark says so (Windows editors save "Unicode" text that way); else line by line, so a
UTF-8 file with one pasted Latin-1 line keeps every other line as it is and only that line is
read as Windows-1252 (decoding the whole file as Windows-1252 turned every accent elsewhere
into mojibake). Only text made of nothing but white space and byte order marks is empty.
"""

from __future__ import annotations

import codecs

from audit.errors import InputError

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_UNICODE_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def unicode_mark(data: bytes) -> str | None:
    """The codec a byte order mark names, or None."""
    return next((codec for mark, codec in _UNICODE_MARKS if data.startswith(mark)), None)


def decode(path: str, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """The text, the encoding it was read in, and notes on anything done to it."""
    codec = unicode_mark(data)
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            raise InputError(f"{path}: not valid {codec.upper()} (byte {error.start}); save it as UTF-8") from None
        name = codec.upper().removesuffix("-SIG")
        return _not_empty(path, text), codec, (f"{name} byte order mark removed",)
    try:
        return _not_empty(path, data.decode("utf-8")), "utf-8", ()
    except UnicodeDecodeError as error:
        return _line_by_line(path, data, error.start)


def _line_by_line(path: str, data: bytes, first_bad: int) -> tuple[str, str, tuple[str, ...]]:
    lines, legacy, utf8 = [], [], 0
    for number, line in enumerate(data.splitlines(keepends=True), 1):
        try:
            lines.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("cp1252"))
            except UnicodeDecodeError as error:
                raise InputError(f"{path}: line {number} is not valid UTF-8 nor Windows-1252 "
                                 f"(byte {error.start} of the line)") from None
            legacy.append(number)
    text = _not_empty(path, "".join(lines))
    if not utf8:  # no line needs UTF-8: a Windows-1252 file, whose ASCII lines read either way
        return text, "cp1252", (f"not valid UTF-8 (byte {first_bad}); decoded as Windows-1252",)
    shown = ", ".join(map(str, legacy[:5])) + (f" and {len(legacy) - 5} more" if len(legacy) > 5 else "")
    return text, "utf-8", (f"line {shown} not valid UTF-8; decoded as Windows-1252",)


def _not_empty(path: str, text: str) -> str:
    if not text.strip(" \t\r\n\f\v\ufeff\u00a0\u202f"):
        raise InputError(f"{path}: empty input")
    return text
