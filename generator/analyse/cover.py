"""Recognise a publication's cover: the lines in capitals that open it, before its colophon or its table of
contents ("JAARPLAN 2026", "GRENSVERLEGGEND SAMENWERKEN").

Segmenting reads them as headings without text; then they would be the document's outermost headings and every
passage's source line would begin with them. They are its title instead: the document page shows them as one,
under their own anchors (so that every address once given out still lands), and they leave the sections and
their trails. The rule reads the text itself, so a new file gets the same treatment.
"""

from __future__ import annotations

from dataclasses import replace

from ..core.inline import plain
from ..core.records import Document, Section
from ..core.text import is_caps

FRONT_MATTER = ("colophon", "contents")
"""The parts that follow a cover: what a publication prints before its text."""


def split(doc: Document) -> Document:
    """The document with its cover lines, if it opens with any, moved from its sections to `cover`."""
    count = 0
    for section in doc.sections:
        if section.paragraphs or not _cover_line(section):
            break
        count += 1
    following = doc.sections[count] if count < len(doc.sections) else None
    if not count or following is None or not following.paragraphs or following.paragraphs[0].part not in FRONT_MATTER:
        return doc
    cover = doc.sections[:count]
    titles = {s.title for s in cover}
    rest = doc.sections[count:]
    # The sections the cover's last line enclosed (up to the next outermost heading) move up a level: the
    # document's title is the heading above them now.
    enclosed = next((i for i, s in enumerate(rest) if s.level <= cover[-1].level), len(rest))
    sections = tuple(replace(s, trail=tuple(t for t in s.trail if t not in titles),
                             level=max(2, s.level - 1) if i < enclosed else s.level) for i, s in enumerate(rest))
    return replace(doc, cover=cover, sections=sections)


def _cover_line(section: Section) -> bool:
    """A heading of the opening run that can be a cover line: unnumbered, in capitals, the document's outermost."""
    return section.title is not None and section.number is None and section.level == 2 and is_caps(plain(section.title))
