"""What a document says about its presidency, read once when it is analysed: the priorities it names and the
paragraph that says who holds the presidency. Year pages show both."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from ..core.inline import plain
from ..core.presidency import COUNTRIES
from ..core.records import Document, Priority, Section


def summarise(doc: Document) -> Document:
    """The document with its priorities and its statement of the presidency."""
    return replace(doc, priorities=priorities(doc), statement=statement(doc))


def priorities(doc: Document) -> tuple[Priority, ...]:
    """The priorities a document names, in its order: the sub-headings or numbered items of its section on
    priorities, or the quoted phrases after a sentence announcing them ("De prioriteiten waren: “…”")."""
    for i, section in enumerate(doc.sections):
        if section.title and "prioriteit" in section.title.lower():
            children = [s for s in doc.sections[i + 1:] if s.trail[-1:] == (section.title,)]
            if children:
                return tuple(Priority(_title(s), s.id) for s in children)
            items = [p for p in section.paragraphs if p.kind == "ol"]
            if items:
                return tuple(Priority(plain(p.text), p.id) for p in items)
    for p, following in itertools.pairwise(doc.paragraphs):
        if "prioriteiten" in plain(p.text).lower() and plain(p.text).rstrip().endswith(":"):
            quoted = re.findall(r"“([^”]+)”", plain(following.text))
            if quoted:
                return tuple(Priority(q, following.id) for q in quoted)
    return ()


def _title(section: Section) -> str:
    title = plain(section.title or "")
    return re.sub(r"^(?:\d+\.)+\s*|^[a-z]\.\s+", "", title)


def statement(doc: Document) -> str | None:
    """The id of a paragraph with a sentence that says who holds the presidency, naming the presiding country."""
    name = re.compile(rf"\b{COUNTRIES[doc.meta.country]}\b", re.IGNORECASE)
    for p in doc.paragraphs:
        sentences = plain(p.text).split(". ") if p.kind == "p" else []
        if any("voorzitter" in s.lower() and name.search(s) for s in sentences):
            return p.id
    return None
