"""Recognise the parts of a document around its content: the salutation, address and date, the opening and
closing of a letter, the signature, the table of contents and the colophon.

They stay on the document page, shown for what they are, and are never passages: `classify` gives them no theme
or region, and theme, region and year pages and feeds leave them out. The rules read the text itself (no list per
document), so a new file gets the same treatment.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..core.dates import MONTHS
from ..core.inline import plain
from ..core.records import Document, DocumentPart, Paragraph, Section
from ..core.text import ends_sentence, match_form

SALUTATION = re.compile(r"^(aan de (voorzitter|leden)\b|geachte\b)")
PLACE_AND_DATE = re.compile(rf"^[\w'’ .-]{{2,40}}, \d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}\.?$", re.IGNORECASE)
POSTAL = re.compile(r"^(postbus \d+|\d{4} ?[a-z]{2} [\w ]+|[a-z]{1,2} \d{4} [\w ]+)$")
OPENING = re.compile(r"^(met (deze|onderhavige) brief|in deze brief|hierbij (informeer|bied|stuur|zend)"
                     r"|graag informeer ik|per 1 januari \d{4} (heeft|neemt)|op 1 januari \d{4} neemt"
                     r"|in \d{4} (was|is) nederland voorzitter)")
CLOSING = re.compile(r"^(u wordt|uw kamer wordt|ik (zal|houd) uw kamer|wij wensen u|hoogachtend"
                     r"|met vriendelijke groet)")
SIGNATURE = re.compile(r"^(de|het) (minister|staatssecretaris|minister president|college van secretarissen)\b")
COLOPHON = re.compile(r"^(\d+(\.\d+)*\.? )?colofon$")
OPENING_REACH = 6
"""An opening is one of the first paragraphs of its document…"""
# … and only a letter (a kind with `letter: true` in vocabulary/kinds.yml) has one.
CLOSING_REACH = 3
"""A closing is one of the last paragraphs before a signature or the end of the document."""
SIGNATURE_WORDS = 16
NAME_WORDS = 6
"""A short line after a signature (the name) belongs to it."""


def mark(doc: Document) -> Document:
    """Return the document with `part` set on the paragraphs around its content."""
    flat = [(s, p) for s in doc.sections for p in s.paragraphs]
    letter = doc.meta.kind.letter
    parts: list[DocumentPart | None] = [_own_part(section, paragraph, i, letter)
                                        for i, (section, paragraph) in enumerate(flat)]
    for i, part in enumerate(parts):
        if part == "signature":
            _extend_signature(flat, parts, i)
    ends = [i for i, part in enumerate(parts) if part == "signature" and (i == 0 or parts[i - 1] != "signature")]
    for end in [*ends, len(flat)]:
        for i in range(max(0, end - CLOSING_REACH), end):
            if parts[i] is None and CLOSING.search(_form(flat[i][1])):
                parts[i] = "closing"
    marked = {id(p): part for (_, p), part in zip(flat, parts, strict=True) if part}
    if not marked:
        return doc
    return replace(doc, sections=tuple(_with_parts(s, marked) for s in doc.sections))


def _own_part(section: Section, paragraph: Paragraph, index: int, letter: bool) -> DocumentPart | None:
    if paragraph.kind == "toc":
        return "contents"
    if section.title and COLOPHON.match(match_form(plain(section.title))):
        return "colophon"
    text = plain(paragraph.text).strip()
    form = match_form(text)
    words = len(text.split())
    if index < OPENING_REACH:
        if SALUTATION.match(form) and words <= 16:
            return "salutation"
        if words <= 8 and (PLACE_AND_DATE.match(text) or POSTAL.match(form)):
            return "address"
        if letter and OPENING.match(form):
            return "opening"
    if SIGNATURE.match(form) and words <= SIGNATURE_WORDS and not ends_sentence(text):
        return "signature"
    return None


def _extend_signature(flat: list[tuple[Section, Paragraph]], parts: list[DocumentPart | None], start: int) -> None:
    """The name lines right after a signature line are part of it."""
    i = start + 1
    while i < len(flat) and parts[i] is None:
        text = plain(flat[i][1].text).strip()
        if len(text.split()) > NAME_WORDS or (ends_sentence(text) and not _initials(text)):
            return
        parts[i] = "signature"
        i += 1


def _initials(text: str) -> bool:
    """"S.A. Blok" ends like a sentence only by its initials."""
    return bool(re.fullmatch(r"([A-Z]\.)+ ?[\w .'-]+", text))


def _form(paragraph: Paragraph) -> str:
    return match_form(plain(paragraph.text))


def _with_parts(section: Section, marked: dict[int, DocumentPart]) -> Section:
    if not any(id(p) in marked for p in section.paragraphs):
        return section
    return replace(section, paragraphs=tuple(replace(p, part=marked[id(p)]) if id(p) in marked else p
                                             for p in section.paragraphs))
