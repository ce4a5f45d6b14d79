"""Decoding text files: UTF-8 (BOM or not), UTF-16 with BOM, Windows-1256, binary refused."""

from __future__ import annotations

import codecs

import pytest

from annotator.core.errors import ValidationError
from annotator.core.formats.decoding import decode_bytes

TEXT = "قال وزيرُ الـــخارجية إن NATO 😀\u200f ستجتمع"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_are_detected_and_the_bom_dropped(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_windows_1256_arabic_is_recognised() -> None:
    text = "قال وزير الخارجية إن الاجتماع سيعقد في بغداد"
    decoded = decode_bytes(text.encode("windows-1256"))
    assert decoded.text == text
    assert decoded.encoding == "windows-1256"


def test_a_chosen_encoding_wins() -> None:
    assert decode_bytes("Grüße".encode("latin-1"), "latin-1").text == "Grüße"


def test_latin1_is_not_mistaken_for_arabic() -> None:
    with pytest.raises(ValidationError, match="choose the file's encoding"):
        decode_bytes("Grüße aus Köln, schöne Straße".encode("latin-1"))


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(ValidationError, match=r"binary file \(NUL byte at byte 3\)"):
        decode_bytes(b"PK\x03\x00\x14")


def test_unknown_or_wrong_chosen_encoding_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown encoding 'klingon'"):
        decode_bytes(b"abc", "klingon")
    with pytest.raises(ValidationError, match="cannot be decoded as utf-8"):
        decode_bytes(TEXT.encode("windows-1256", errors="ignore"), "utf-8")


def test_utf8_with_bad_bytes_is_not_taken_for_windows_1256() -> None:
    """Half UTF-8 and half Windows-1256, or UTF-8 cut inside a letter, decoded as 1256
    would import as mojibake; most of the bytes being UTF-8 gives it away."""
    text = "أعلنت الحكومة، في بيان رسمي، عن خطة جديدة؟ نعم؛ للمدارس."
    for data in (
        text.encode() + b"\n" + text.encode("windows-1256"),
        text.encode()[:-2],
    ):
        with pytest.raises(ValidationError, match="most of the file is UTF-8"):
            decode_bytes(data)
    punctuated = decode_bytes(text.encode("windows-1256"))  # ، ؟ ؛ look like UTF-8 pairs
    assert punctuated.encoding == "windows-1256" and punctuated.text == text
