"""Page descriptions written from the content: the text a link preview and a search engine show."""

from __future__ import annotations

import re
from collections import Counter

from ..core.inline import PAGE_MARK, plain
from ..core.presidency import COUNTRIES
from ..core.records import Document, Section
from ..core.text import match_form
from .facets import Entry, Facet

LIMIT = 200
"""Previews cut descriptions around this length; stop at a word before it."""


def facet(f: Facet) -> str:
    """Theme or region: the years it spans, what its newest passage says, then what it covers (the page's title
    names it already, and a preview that cuts the text loses the end first)."""
    years = [year for year, _ in f.years()]
    if not years:
        return _cut(f"{f.description} Nog geen alinea's.")
    newest = f.years()[0][1][0]
    span = str(years[0]) if len(years) == 1 else f"{years[-1]}–{years[0]}"
    return _cut(f"Alinea's uit {span}; de nieuwste ({years[0]}): {opening(newest.paragraph.text)} {f.description}")


def facet_year(f: Facet, year: int, entries: list[Entry], presiding: str) -> str:
    """Theme or region in one presidency year: the opening of its first passage, then which documents it
    comes from; the count comes last, where a preview that cuts the text loses it first."""
    documents = list(dict.fromkeys(plain(e.document.meta.title) for e in entries))
    if not entries:
        return _cut(f"Geen alinea's over {f.label} uit het voorzitterschap van {year} ({presiding}).")
    noun = "alinea" if len(entries) == 1 else "alinea's"
    return _cut(f"{f.label} in {year} ({presiding}): {opening(entries[0].paragraph.text)} Uit {_and(documents)}; "
                f"{len(entries)} {noun}.")


def year(f: Facet, documents: list[Document], theme_labels: dict[str, str]) -> str:
    """Presidency year: presiding country, documents, the themes treated most."""
    top = [theme_labels[slug] for slug, _ in Counter(s for e in f.entries for s in e.paragraph.themes).most_common(3)]
    text = f"Benelux-voorzitterschap {f.slug} ({f.presiding}): {len(documents)} " \
           f"{'document' if len(documents) == 1 else 'documenten'}"
    return _cut(text + (f". Meeste alinea's over: {'; '.join(top).lower()}." if top else "."))


def document(doc: Document) -> str:
    """Document: kind, year, country and the opening of its text."""
    opening = next((plain(p.text) for p in doc.paragraphs if p.kind == "p" and len(plain(p.text).split()) >= 12), "")
    head = f"{doc.meta.kind.label} {doc.meta.year} ({COUNTRIES[doc.meta.country]}). "
    return _cut(head + opening)


OPENING = 140
"""A passage's opening on a theme or region page: its first sentence, cut at a word before this length."""
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"‘(])")
_ABBREVIATIONS = {"o.a", "bijv", "m.n", "d.w.z", "i.h.b", "nr", "art", "blz", "ca", "vgl", "mr", "dr", "prof"}
"""Words before a full stop that does not end the sentence ("o.a. Nederland"); so does a single capital ("D.M.")."""


def opening(text: str) -> str:
    """The first sentence of a passage (markup removed), at most about OPENING characters."""
    words = " ".join(plain(text).split())
    end = next((m for m in _SENTENCE_END.finditer(words) if not _abbreviation(words[:m.start()])), None)
    sentence = words[:end.end()] if end else words
    if len(sentence) <= OPENING:
        return sentence
    return sentence[:OPENING].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def place(section: Section, position: int) -> str:
    """Where a paragraph is, as people cite it: "§ 1.b Veiligheid en weerbaarheid, alinea 2", "onder ‘Voorwoord’,
    alinea 3", or "alinea 1" before the first heading."""
    if section.title is None:
        return f"alinea {position}"
    title = plain(section.title)
    name = title[len(section.number):].lstrip(". ") if section.number and title.startswith(section.number) else title
    if not section.number:
        return f"onder ‘{name}’, alinea {position}"
    number = section.number
    parent = re.match(r"(\d+(?:\.\d+)*)\.?\s", plain(section.trail[-1])) if section.trail else None
    if number[0].isalpha() and parent:
        number = f"{parent.group(1)}.{number}"
    return f"§ {number} {name}, alinea {position}"


def pages(doc: Document) -> dict[str, str]:
    """The pages of the original each paragraph stands on, as a citation writes them ("p. 3", "p. 3–4"), from
    the page marks of its text (`clean.pages`); a paragraph before the first known page has none. The document
    page's "Citeer" reads the same from its page markers (sectielink.js)."""
    found: dict[str, str] = {}
    current: int | None = None
    for section in doc.sections:
        for mark in PAGE_MARK.finditer(section.title or ""):
            current = int(mark.group(1))
        for paragraph in section.paragraphs:
            first, last = current, None
            for mark in PAGE_MARK.finditer(paragraph.text):
                if plain(paragraph.text[:mark.start()]).strip():
                    last = int(mark.group(1))
                else:
                    first = int(mark.group(1))
                current = int(mark.group(1))
            if first is not None:
                found[paragraph.id] = f"p. {first}" + (f"–{last}" if last else "")
    return found


def contents(doc: Document) -> dict[str, str]:
    """Where each line of a document's printed table of contents leads: the id of the heading it names, looked
    for after the contents and after the heading the line before it named (a text may number two sections
    alike). A line that names no heading of the text is left out."""
    found: dict[str, str] = {}
    after = 0
    for index, section in enumerate(doc.sections):
        for paragraph in (p for p in section.paragraphs if p.kind == "toc"):
            key = _heading_key(paragraph.text)
            start = max(after, index + 1)
            target = next((j for j in range(start, len(doc.sections))
                           if doc.sections[j].title and _heading_key(doc.sections[j].title or "") == key), None)
            if target is not None:
                found[paragraph.id] = doc.sections[target].id
                after = target + 1
    return found


def _heading_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", match_form(plain(text))).split())


def _abbreviation(before: str) -> bool:
    word = before.rsplit(" ", 1)[-1].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(\w\.)+\w", word))


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1] if items else ""


def _cut(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= LIMIT:
        return text
    return text[:LIMIT].rsplit(" ", 1)[0].rstrip(",;:") + " …"
