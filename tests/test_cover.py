"""A publication's cover (analyse.cover) and what the document page makes of its front matter: the cover lines
leave the sections and their trails, the contents lines find the headings they name, and each paragraph knows
the pages of the original it stands on (site.describe)."""

from __future__ import annotations

import pytest

from generator.analyse import cover
from generator.core.inline import STRONG, page_mark
from generator.core.records import Document, DocumentKind, DocumentPart, Meta, Paragraph, Section
from generator.site import describe

META = Meta(title="Jaarplan", kind=DocumentKind("jaarplan", "Jaarplan", False, True), year=2030, country="BE",
            date=None, issuer="X")
TITLE, SUBTITLE = "JAARPLAN 2030", f"{STRONG}SAMEN VERDER{STRONG}"


def _p(pid: str, text: str = "Een alinea.", part: DocumentPart | None = None, kind: str = "p") -> Paragraph:
    return Paragraph(pid, kind, text, 1, part=part)  # type: ignore[arg-type]


def _doc(*sections: Section) -> Document:
    return Document(slug="jaarplan", meta=META, path="raw/jaarplan.txt", sections=sections)


def _publication(first: DocumentPart | None = "colophon") -> Document:
    return _doc(Section("h-jaarplan-2030", TITLE, 2, 1), Section("h-samen-verder", SUBTITLE, 2, 2),
                Section("h-colofon", "Colofon", 3, 3, trail=(SUBTITLE,), paragraphs=(_p("h-colofon-p1", part=first),)),
                Section("h-1", "1. EEN GROENE BENELUX", 2, 4, number="1", paragraphs=(_p("h-1-p1"),)),
                Section("h-1-1", "1.1. Energie", 3, 5, trail=("1. EEN GROENE BENELUX",), number="1.1",
                        paragraphs=(_p("h-1-1-p1"),)))


def test_the_cover_lines_leave_the_sections_and_their_trails() -> None:
    doc = cover.split(_publication())
    assert [s.id for s in doc.cover] == ["h-jaarplan-2030", "h-samen-verder"]
    assert [s.id for s in doc.sections] == ["h-colofon", "h-1", "h-1-1"]
    assert doc.sections[0].trail == () and doc.sections[2].trail == ("1. EEN GROENE BENELUX",)
    assert [s.level for s in doc.sections] == [2, 2, 3], "what the cover enclosed moves up a level, no more"


@pytest.mark.parametrize("doc", [
    _publication(first=None),  # what follows is text, not a colophon or contents: a heading without text
    _doc(Section("h-1", "1. EEN GROENE BENELUX", 2, 1, number="1"),
         Section("h-colofon", "Colofon", 3, 3, paragraphs=(_p("h-colofon-p1", part="colophon"),))),  # numbered
    _doc(Section("h-inleiding", "Inleiding", 2, 1),
         Section("h-inhoud", "Inhoud", 3, 3, paragraphs=(_p("h-inhoud-p1", part="contents", kind="toc"),))),
    _doc(Section("begin", None, 2, 1, paragraphs=(_p("begin-p1"),))),
])
def test_no_cover_where_the_document_does_not_open_with_one(doc: Document) -> None:
    assert cover.split(doc) == doc


def test_a_contents_line_leads_to_the_heading_it_names_after_the_one_before() -> None:
    """Two sections may carry the same title: each line finds the next one after the heading named before."""
    contents = Section("h-inhoud", "Inhoud", 2, 1, paragraphs=(
        _p("h-inhoud-p1", "1. Energie", "contents", "toc"), _p("h-inhoud-p2", "Voorwoord", "contents", "toc"),
        _p("h-inhoud-p3", "1. ENERGIE", "contents", "toc"), _p("h-inhoud-p4", "Bijlage", "contents", "toc")))
    doc = _doc(contents, Section("h-1", "1. Energie", 2, 2, number="1"), Section("h-voorwoord", "Voorwoord", 2, 3),
               Section("h-1-2", "1. Energie", 2, 4, number="1"))
    assert describe.contents(doc) == {"h-inhoud-p1": "h-1", "h-inhoud-p2": "h-voorwoord", "h-inhoud-p3": "h-1-2"}


def test_a_paragraph_knows_the_pages_it_stands_on() -> None:
    doc = _doc(Section("begin", None, 2, 1, paragraphs=(_p("begin-p1", "Voor de eerste pagina."),)),
               Section("h-1", page_mark(1) + "1. Energie", 2, 2, number="1", paragraphs=(
                   _p("h-1-p1", "Op pagina een."), _p("h-1-p2", f"Loopt door {page_mark(2)}op twee."),
                   _p("h-1-p3", f"{page_mark(3)}Begint op drie.")
               )))
    assert describe.pages(doc) == {"h-1-p1": "p. 1", "h-1-p2": "p. 1–2", "h-1-p3": "p. 3"}
