"""Rules about the text that more than one stage applies: one home for each."""

from __future__ import annotations

import re
import unicodedata

HYPHEN_END = re.compile(r"([^\W_][\w’'-]*?)-$")
"""A word broken at a line end: the word before the final hyphen (group 1)."""

_SECTION_NUMBER = r"(?:\d{1,2}\.)+(?:\d|[a-z](?=\s))?"
"""A section number such as ``2.`` or ``2.4.``."""
_LETTER_NUMBER = r"[a-z]\."
"""A lettered heading or item: ``a.``."""
HEADING_NUMBER = re.compile(rf"({_SECTION_NUMBER}|{_LETTER_NUMBER})\s+(\S.*)")
"""A numbered heading, whole: its number (group 1) and its title (group 2)."""
ITEM_NUMBER = re.compile(r"(\d{1,2})[.)]\s+(\S.*)")
"""A numbered list item, whole: its number (group 1) and its text (group 2)."""
NUMBERED = re.compile(rf"{_SECTION_NUMBER}\s+\S|{_LETTER_NUMBER}\s+[A-ZÀ-Ý]|\d+\)\s+\S")
"""The start of a numbered line (heading or item): such a line starts a new block. Looser than the two rules
above, which decide what a whole block is: any ``12)`` starts a block, a lettered line only before a capital."""
BULLET = re.compile(r"[•●▪◦]\s*")
"""The bullet of a list item."""
GLUED_TAIL = re.compile(r"(?<=[^\s\d])\d{1,2}$")
"""A footnote number glued to the end of a text."""


def hyphen_end(text: str) -> re.Match[str] | None:
    """HYPHEN_END searched from the start of the text's last word only: the same match, without rescanning
    a long text at every position."""
    if not text.endswith("-"):
        return None
    start = len(text) - 1
    while start and (text[start - 1].isalnum() or text[start - 1] in "_’'-"):
        start -= 1
    return HYPHEN_END.search(text, start)


def match_form(text: str) -> str:
    """The form vocabulary terms are matched on: lower case, no diacritics, hyphens as spaces, plain apostrophes."""
    bare = re.sub(r"[’‘`]", "'", text.lower()).replace("ß", "ss")
    bare = re.sub(r"[-–—]", " ", bare)
    # NFKD splits "ë" into "e" + a combining mark; the ASCII round trip drops the marks (and signs like «»).
    ascii_text = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"\s+", " ", ascii_text)


def strip_diacritics(word: str) -> str:
    """The word without its accents ("financiële" → "financiele"), case and every other sign kept."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str, limit: int = 48) -> str:
    """Lower-case ASCII slug, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "sectie"


def is_caps(text: str) -> bool:
    """All capitals, with at least three letters: an all-caps heading or line."""
    if not text.isupper():  # a lower-case letter, or no cased letter at all: the common case, decided at C speed
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def ends_sentence(text: str) -> bool:
    """Whether the text ends a sentence (a footnote number glued to its end aside)."""
    text = text.rstrip()
    glued = GLUED_TAIL.search(text[-3:])  # a footnote number glued on: its digit(s) and the character before
    if glued:
        text = text[:len(text) - len(glued.group())]
    return text.rstrip("»”’\"')]")[-1:] in {".", "!", "?", ":", ";"}
