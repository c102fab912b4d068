"""Decoding, limits and HTML extraction; inputs are never modified."""

from __future__ import annotations

import hashlib

import pytest

from audit.errors import InputError
from audit.ingest import extract_article, load

FRENCH = "Le Kremlin dément l’envoi de soldats nord-coréens en Russie.\r\nUn\u00a0contingent de 1\u202f500 hommes.\n"


def test_utf8_keeps_crlf_and_special_spaces(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(FRENCH.encode("utf-8"))
    raw = load(str(path))
    assert raw.text == FRENCH and raw.encoding == "utf-8" and not raw.notes


def test_bom_is_dropped_and_noted(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    raw = load(str(path))
    assert raw.text == FRENCH and raw.encoding == "utf-8-sig" and raw.notes


def test_cp1252_fallback_is_noted(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("L’été à Séoul — « chaud ».".encode("cp1252"))
    raw = load(str(path))
    assert raw.text == "L’été à Séoul — « chaud »." and raw.encoding == "cp1252"
    assert "Windows-1252" in raw.notes[0]


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xc3 \x81\x8d\x8f", "not valid UTF-8"),
    ],
)
def test_unusable_inputs_raise_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as error:
        load(str(path))
    assert "\n" not in str(error.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(str(tmp_path / "absent.txt"))
    with pytest.raises(InputError, match="is a directory"):
        load(str(tmp_path))


def test_size_limit_is_named_and_checked_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(InputError, match="1,024 byte limit"):
        load(str(path), max_bytes=1024)


def test_input_is_never_modified(tmp_path):
    path = tmp_path / "a.html"
    path.write_bytes(b"<html><body><p>Texte\xc2\xa0: ici.</p></body></html>")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    load(str(path))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_html_extraction_keeps_article_blocks_and_drops_furniture():
    html = (
        "<html><body><nav>Menu Accueil</nav><article><h1>Titre</h1>"
        "<p>Un\u00a0: <b>gras</b> &lt;script&gt;</p><ul><li><p>item</p></li></ul>"
        "<script>alert(1)</script></article><footer>Mentions</footer></body></html>"
    )
    assert extract_article(html) == "Titre\n\nUn\u00a0: gras <script>\n\nitem\n"
