"""Turning the bytes of a text file into text, or refusing them with a reason.

Accepted: UTF-8 with or without a byte-order mark, UTF-16 and UTF-32 with a byte-order mark,
and Windows-1256 (the legacy Arabic code page), recognised when a file is not
UTF-8 and mostly decodes to Arabic letters. Any other encoding Python knows can
be chosen by the user. A file with NUL bytes (and no UTF-16 mark) is binary.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from annotator.core.errors import ValidationError

WINDOWS_ARABIC = "windows-1256"
# Share of the non-ASCII characters that must be Arabic for a non-UTF-8 file to be
# taken for Windows-1256: Latin-1 or Cyrillic files decode to Arabic-block noise
# far less often than that.
_ARABIC_SHARE = 0.6
_MIXED_SHARE = 0.05
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_MIXED_WORD = re.compile(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]")
# UTF-32 first: its little-endian mark starts with UTF-16's (FF FE 00 00).
_UTF16_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Well-formed UTF-8 multi-byte sequences. In Windows-1256 Arabic they occur only by
# accident (a letter followed by a comma or a question mark); when they make up most
# of a file's non-ASCII bytes, the file is UTF-8 with bad bytes, not Windows-1256.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_UTF8_SHARE = 0.5
# Overlong UTF-8: a character encoded in more bytes than needed (C0 AF for "/"), the
# classic way to slip characters past a filter. Never valid; a file made of them is
# refused as such rather than read as Windows-1256 (where C0/C1/E0/F0 are letters).
_OVERLONG = re.compile(
    rb"[\xc0\xc1][\x80-\xbf]|\xe0[\x80-\x9f][\x80-\xbf]|\xf0[\x80-\x8f][\x80-\xbf]{2}"
)


def sniff_binary(first_block: bytes) -> None:
    """ValidationError when the first block of a file shows binary content (a NUL byte)."""
    if first_block.startswith(UTF16_BOMS):
        return
    nul = first_block.find(b"\x00")
    if nul >= 0:
        raise ValidationError(f"looks like a binary file (NUL byte at byte {nul}), not text")


@dataclass(frozen=True)
class DecodedText:
    """The decoded text (BOM removed) and the encoding it was read with."""

    text: str
    encoding: str


def decode_bytes(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode a text file's bytes; ``encoding`` forces one, otherwise it is detected.

    Raises ValidationError saying why the bytes are not acceptable text.
    """
    if encoding:
        return _decode_as(data, encoding)
    for bom, name, label in _UTF16_BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], name, label=label)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ValidationError(f"looks like a binary file (NUL byte at byte {nul}), not text")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data[len(codecs.BOM_UTF8) :], "utf-8", label="UTF-8")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    where = f"invalid byte 0x{data[utf8_error.start]:02X} at byte {utf8_error.start}"
    overlong = _OVERLONG.search(data)
    if overlong is not None and _mostly_utf8(data, with_overlong=True):
        raise ValidationError(
            f"not UTF-8: overlong UTF-8 sequence at byte {overlong.start()} (a character "
            "encoded in more bytes than allowed, a way to disguise characters); refused"
        )
    if _mostly_utf8(data):
        raise ValidationError(
            f"not UTF-8 ({where}) although most of the file is UTF-8: it mixes encodings or "
            "is damaged or cut short; choose the file's encoding to read it anyway"
        )
    text = data.decode(WINDOWS_ARABIC)
    if _mostly_arabic(text):
        return DecodedText(text, WINDOWS_ARABIC)
    raise ValidationError(
        f"not UTF-8 ({where}) and not Windows-1256 Arabic; choose the file's encoding"
    )


def _decode_as(data: bytes, encoding: str, label: str | None = None) -> DecodedText:
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise ValidationError(f"unknown encoding {encoding!r}") from None
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as exc:
        raise ValidationError(
            f"cannot be decoded as {label or encoding}: invalid data at byte {exc.start}"
        ) from None
    # A BOM the user's chosen codec left in place is removed by canonicalisation.
    return DecodedText(text, codec.name)


def _mostly_utf8(data: bytes, with_overlong: bool = False) -> bool:
    """True when most non-ASCII bytes belong to well-formed UTF-8 sequences."""
    non_ascii = sum(1 for byte in data if byte >= 0x80)
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    if with_overlong:
        in_sequences += sum(len(m) for m in _OVERLONG.findall(data))
    return non_ascii > 0 and in_sequences / non_ascii >= _UTF8_SHARE


def _mostly_arabic(text: str) -> bool:
    """True when the non-ASCII characters are mostly Arabic and form Arabic words.

    Latin-1 accents also land in the Arabic block under Windows-1256 ("Köln" gives
    "Kِln"), but then they sit inside Latin words, which real Arabic text never does.
    """
    non_ascii = len(_NON_ASCII.findall(text))
    arabic = len(_ARABIC.findall(text))
    if not non_ascii or arabic / non_ascii < _ARABIC_SHARE:
        return False
    return len(_MIXED_WORD.findall(text)) <= _MIXED_SHARE * arabic


class LineDecoder:
    """Decodes a file line by line (JSONL read as a stream) in one encoding for the file.

    UTF-8 unless the first line that is not UTF-8 comes before any non-ASCII UTF-8
    line and reads as Windows-1256 Arabic: then the whole file is Windows-1256.
    """

    def __init__(self) -> None:
        self.encoding: str | None = None  # fixed by the first non-ASCII line

    def decode(self, raw: bytes, first: bool = False) -> str:
        """The text of one line (its line ending removed); ValidationError says why not."""
        raw = raw.removesuffix(b"\n").removesuffix(b"\r")
        if first:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        nul = raw.find(b"\x00")
        if nul >= 0:
            raise ValidationError(f"binary content (NUL byte at byte {nul} of the line)")
        if self.encoding == WINDOWS_ARABIC:
            return raw.decode(WINDOWS_ARABIC)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if self.encoding == "utf-8":
                raise ValidationError(
                    f"not UTF-8 (invalid byte 0x{raw[exc.start]:02X} at byte {exc.start} of "
                    "the line) although the lines before it are"
                ) from None
            decoded = decode_bytes(raw)
            self.encoding = decoded.encoding
            return decoded.text
        if self.encoding is None and not text.isascii():
            self.encoding = "utf-8"
        return text
