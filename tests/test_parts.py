"""Document parts (salutation, address and date, opening, closing, signature, table of contents, colophon): found
from the text, kept on the document page and named there, never a passage on a theme, region or year page or in a
feed."""

from __future__ import annotations

import re
from pathlib import Path

from generator.analyse import parts
from generator.core.records import Corpus, Document, DocumentKind, Meta, Paragraph, Section

EXPECTED = {
    "2020-nl-resultatenbrief#begin-p1": "salutation",
    "2020-nl-resultatenbrief#begin-p2": "address",
    "2020-nl-resultatenbrief#begin-p3": "opening",
    "2020-nl-resultatenbrief#h-benelux-top-p4": "signature",
    "2020-nl-resultatenbrief#h-benelux-top-p5": "signature",
    "2023-nl-prioriteitenbrief#h-2-p4": "signature",
    "2026-nl-prioriteitenbrief#begin-p1": "salutation",
    "2026-nl-prioriteitenbrief#begin-p5": "opening",
    "2026-nl-prioriteitenbrief#h-3-p6": "closing",
    "2026-nl-prioriteitenbrief#h-3-p7": "signature",
    "2026-nl-prioriteitenbrief#h-3-p8": "signature",
    "2026-benelux-jaarplan#h-colofon-p1": "colophon",
    "2026-benelux-jaarplan#h-colofon-p13": "colophon",
    "2026-benelux-jaarplan#h-inhoudsopgave-p1": "contents",
}
CONTENT = ["2023-nl-prioriteitenbrief#h-2-p3",  # content ending with a promise to inform the Chamber
           "2026-nl-prioriteitenbrief#h-3-p5", "2026-benelux-jaarplan#h-1-p1"]


def test_the_parts_of_the_five_documents(corpus: Corpus) -> None:
    found = {f"{d.slug}#{p.id}": p.part for d in corpus.documents for p in d.paragraphs}
    assert {key: found[key] for key in EXPECTED} == EXPECTED
    assert [found[key] for key in CONTENT] == [None] * len(CONTENT)
    every = [key for key, part in found.items() if part]
    print(f"{len(every)} of {len(found)} paragraphs are document parts")
    assert all(not p.themes and not p.regions for d in corpus.documents for p in d.paragraphs if p.part)


def _letter(*texts: str) -> Document:
    meta = Meta(title="Brief", kind=DocumentKind("prioriteitenbrief", "Prioriteitenbrief", True, True), year=2024, country="BE", date=None, issuer="X")
    paragraphs = tuple(Paragraph(id=f"begin-p{i + 1}", kind="p", text=t, line=i + 1) for i, t in enumerate(texts))
    return Document(slug="brief", meta=meta, path="raw/brief.txt",
                    sections=(Section(id="begin", title=None, level=2, line=1, paragraphs=paragraphs),))


def test_a_new_letter_gets_its_parts_without_being_told() -> None:
    doc = parts.mark(_letter("Geachte voorzitter,", "Brussel, 3 maart 2024",
                             "Hierbij informeer ik uw Kamer over de prioriteiten van het voorzitterschap.",
                             "België zet in op waterstof en op de fiets.",
                             "Ik houd uw Kamer op de hoogte van de voortgang.",
                             "De Staatssecretaris van Europese Zaken,", "J. Janssens"))
    assert [p.part for p in doc.paragraphs] == ["salutation", "address", "opening", None, "closing", "signature",
                                                "signature"]


def test_no_part_is_a_passage_on_any_theme_region_or_year_page_or_feed(built: Path, corpus: Corpus) -> None:
    """Every link to a paragraph, on every generated listing page and feed, points to a passage."""
    part_ids = {(d.slug, p.id) for d in corpus.documents for p in d.paragraphs if p.part}
    pages = [p for folder in ("themas", "regios", "jaren") for p in (built / "site_src" / folder).rglob("*.md")]
    feeds = list((built / "site_src" / "feeds").rglob("*.xml"))
    assert len(pages) > 20 and feeds
    linked = set()
    for page in pages + feeds + [built / "site_src" / "index.md"]:
        # The year page cites the letter's opening for who presided ("**Voorzitter:** … Zo staat het in …"):
        # a quote, not a passage.
        text = "\n".join(line for line in page.read_text(encoding="utf-8").splitlines()
                         if not line.startswith("**Voorzitter:**"))
        linked |= set(re.findall(r"documenten/([a-z0-9-]+)(?:\.md|/)#([a-z0-9-]+-p\d+)", text))
    assert linked, "the pages link to passages"
    assert linked & part_ids == set()


def test_the_document_page_keeps_and_names_its_parts(built: Path) -> None:
    html = (built / "site" / "documenten" / "2026-nl-prioriteitenbrief" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="documentdeel-naam">Ondertekening</p>\s*<p class="documentdeel" id="h-3-p7">', html)
    assert re.search(r'<p class="documentdeel" id="h-3-p8">D\.M\. van Weel</p>', html)
    assert '<p class="documentdeel-naam">Aanhef</p>' in html
    jaarplan = (built / "site" / "documenten" / "2026-benelux-jaarplan" / "index.html").read_text(encoding="utf-8")
    assert '<p class="documentdeel-naam">Colofon</p>' not in jaarplan, "the heading already says so"
    assert 'class="documentdeel" id="h-colofon-p2"' in jaarplan
