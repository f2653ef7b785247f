"""Turn a raw file's bytes into text: UTF-8, UTF-16 or Windows-1252, each recognised and named."""

from __future__ import annotations

import codecs
import re

from ..core.problems import Problem

CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
SAVE_AS_UTF8 = "save the file as UTF-8 text (in most editors: 'Save as…', encoding 'UTF-8')"


def decode(name: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """The text of a raw file and any warning about its encoding; None and the problem when it is not text."""
    if not data.strip():
        return None, [Problem(name, 1, "the file is empty",
                              "add front matter and the document text, or remove the file")]
    utf16 = _utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            return None, [Problem(name, 1, f"the file looks like {_name(utf16)} text but is damaged", SAVE_AS_UTF8)]
        return text.removeprefix("\ufeff"), [
            Problem(name, 1, f"the file is {_name(utf16)}, not UTF-8; it was read as {_name(utf16)}", SAVE_AS_UTF8,
                    warning=True)]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(name, line, "the file is binary, not text (it contains NUL bytes)",
                              "export the document as plain text (UTF-8) and put that .txt file in raw/")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        byte = data[err.start]
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is None or CONTROL.search(western):
        return None, [Problem(name, line, f"the file is not valid UTF-8 (byte {byte:#x}) and not Windows-1252 text "
                                          "either", "save the file as UTF-8 text")]
    return western, [Problem(name, line, f"the file is not UTF-8 (byte {byte:#x}); it was read as Windows-1252/Latin-1",
                          "save the file as UTF-8 to be sure every character is right", warning=True)]


def _utf16(data: bytes) -> str | None:
    """The UTF-16 codec of the data: by its byte-order mark, or by the zero bytes of mostly-ASCII text."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    sample = data[:4000]
    if len(sample) >= 4 and len(sample) % 2 == 0:
        if sample[1::2].count(0) > 0.9 * len(sample) // 2 and not sample[0::2].count(0):
            return "utf-16-le"
        if sample[0::2].count(0) > 0.9 * len(sample) // 2 and not sample[1::2].count(0):
            return "utf-16-be"
    return None


def _name(codec: str) -> str:
    return "UTF-16 (" + ("little" if codec.endswith("le") else "big") + "-endian)"
