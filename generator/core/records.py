"""The records that flow through the pipeline: raw file → document → corpus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .dates import PartialDate
from .presidency import CountryCode
from .problems import Problem

ParagraphKind = Literal["p", "li", "ol", "toc"]
"""Paragraph, bullet item, numbered item, table-of-contents line."""
DocumentPart = Literal["salutation", "address", "opening", "closing", "signature", "contents", "colophon"]
"""The parts of a document around its content (`analyse.parts`): never a passage on a theme, region or year page."""
PARTS: dict[DocumentPart, str] = {
    "salutation": "Aanhef",
    "address": "Adres en datum",
    "opening": "Opening van de brief",
    "closing": "Slot",
    "signature": "Ondertekening",
    "contents": "Inhoudsopgave",
    "colophon": "Colofon",
}
"""Each part as readers see it, on the document page."""
CONTENT_PARTS: tuple[DocumentPart, ...] = ("opening",)
"""The parts that say something of substance (a letter's opening names the presidency and what the letter is
about): a reader may cite them, though they are no passage of a theme or region."""


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document (vocabulary/kinds.yml)."""

    slug: str
    """What front matter writes after `kind:`."""
    label: str
    """The kind as readers see it ("Jaarplan")."""
    letter: bool
    """A letter: salutation, opening and closing lines and a signature around its content (`analyse.parts`)."""
    plan: bool
    """It says what a presidency will do; otherwise what it did."""


@dataclass(frozen=True)
class Meta:
    """What a raw file's front matter says about its document."""

    title: str
    """Title as shown on the site."""
    kind: DocumentKind
    year: int
    """The presidency year the document is about."""
    country: CountryCode
    """The presiding country."""
    date: PartialDate | None
    """Date of the document: a day, a month or a year; None when the text gives none."""
    issuer: str
    """Who wrote or published the document."""
    addressee: str | None = None
    """Who the letter is addressed to, if anyone."""
    source: str | None = None
    """Source reference, such as a Kamerstuk number, where the text names one."""
    original: str | None = None
    """Web address of the original publication, when one is known."""
    furniture: tuple[str, ...] = ()
    """Regexes for running headers and footers of this document (whole lines)."""


@dataclass(frozen=True)
class Anchor:
    """One id a document has given out to a heading or a paragraph, with a fingerprint of its text."""

    kind: Literal["section", "paragraph"]
    id: str
    key: str
    """Hash of the text's matched form: equal keys, equal texts."""
    head: str
    """The first words of the text (matched form)."""
    tail: str
    """… and the last."""
    gone_to: str = ""
    """For an id whose text is gone: the id of the passage its links land on now."""


@dataclass(frozen=True)
class RawDocument:
    """A raw file, read and validated but not yet analysed."""

    path: str
    """Path of the raw file, for messages."""
    slug: str
    """Permanent URL slug of the document page."""
    meta: Meta
    body: str
    """The raw text below the front matter, exactly as extracted."""
    first_line: int
    """Line number in the raw file of the body's first line."""
    anchors: tuple[Anchor, ...] = ()
    """The ids the document has given out so far (its register in raw/anchors/); empty for a new document."""


@dataclass(frozen=True)
class Footnote:
    """A footnote of a document, numbered as in the source."""

    number: int
    text: str
    """Footnote text; inline markup as in `Paragraph.text`."""
    line: int
    """Line in the raw file where the footnote starts."""


@dataclass(frozen=True)
class Evidence:
    """Why a paragraph has a theme or a region."""

    slug: str
    """The theme or region."""
    kind: Literal["theme", "region"]
    term: str
    """The text that matched, in matched form."""
    from_heading: bool = False
    """The theme rests more on the heading and the neighbouring paragraphs than on the paragraph's own words."""
    by_editor: bool = False
    """Given by an editor in vocabulary/overrides.yml (`term` is their reason)."""
    score: float = 0.0
    """The theme's score in this paragraph (its threshold is in themes.yml)."""
    detail: str = ""
    """How the score adds up, as the report shows it ("fiets* 2 + kop 0.5")."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph or list item of a document: the unit that gets themes."""

    id: str
    """Stable anchor, unique within its document."""
    kind: ParagraphKind
    text: str
    """Text with inline markup sentinels (see `inline`)."""
    line: int
    """Line in the raw file where the paragraph starts."""
    number: int | None = None
    """The item number of an ``ol`` item."""
    themes: tuple[str, ...] = ()
    """Theme slugs, set by `classify`."""
    regions: tuple[str, ...] = ()
    """Region slugs, set by `classify`."""
    evidence: tuple[Evidence, ...] = ()
    """What decided the themes and regions."""
    part: DocumentPart | None = None
    """The document part this paragraph belongs to (salutation, signature…); None for its content."""
    aliases: tuple[str, ...] = ()
    """Ids of passages that are gone from the text and whose links now land here (`analyse.anchors`)."""


@dataclass(frozen=True)
class Section:
    """A heading and the paragraphs up to the next heading."""

    id: str
    """Stable anchor of the heading, unique within its document."""
    title: str | None
    """Heading text; None for the text before the first heading."""
    level: int
    """Markdown heading level, 2 to 5."""
    line: int
    trail: tuple[str, ...] = ()
    """Titles of the enclosing sections, outermost first."""
    number: str | None = None
    """Section number as cross-references write it ("2.4"), for numbered headings."""
    paragraphs: tuple[Paragraph, ...] = ()
    aliases: tuple[str, ...] = ()
    """Ids of sections that are gone from the text and whose links now land here."""


@dataclass(frozen=True)
class Priority:
    """A priority a document names (`analyse.summary`), with the anchor of where it does."""

    text: str
    anchor: str


@dataclass(frozen=True)
class Document:
    """A fully analysed document."""

    slug: str
    meta: Meta
    path: str
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...] = ()
    anchors: tuple[Anchor, ...] = ()
    """Every id the document has given out, after this analysis: what its register in raw/anchors/ holds."""
    priorities: tuple[Priority, ...] = ()
    """The priorities it names, in its order (`analyse.summary`)."""
    statement: str | None = None
    """The id of its paragraph that says who holds the presidency ("Per 1 januari 2026 neemt Nederland … over")."""
    cover: tuple[Section, ...] = ()
    """Its cover lines (`analyse.cover`), shown as its title: headings without text, kept for their anchors."""

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(p for s in self.sections for p in s.paragraphs)


@dataclass(frozen=True)
class Rule:
    """One term of a vocabulary entry, parsed once from what the editor wrote (see `ingest.patterns`)."""

    pattern: str
    """``word``, ``word*``, ``*word`` or ``re:…`` (empty when `regions` gives the names)."""
    weight: float = 1.0
    """What one occurrence adds to the entry's score."""
    not_near: tuple[str, ...] = ()
    """Patterns that must not occur within a few words of the match (labour mobility is not transport)."""
    near: tuple[str, ...] = ()
    """Patterns of which one must occur within a few words of the match (empty: no such condition)."""
    not_in: tuple[str, ...] = ()
    """Phrases in which the match is figurative ("op het goede spoor"): a match inside one does not count."""
    listed: bool = False
    """A subject term: a match that is one item of an enumeration does not count at all."""
    regions: tuple[str, ...] = ()
    """Region slugs whose names (every term of regions.yml) are the pattern: one list of names, not copies."""
    source: str = ""
    """The term as the editor wrote it, for the report."""


@dataclass(frozen=True)
class Term:
    """A vocabulary entry: a theme or a region."""

    slug: str
    label: str
    description: str
    rules: tuple[Rule, ...]
    """The terms that signal it."""
    aliases: tuple[str, ...] = ()
    """Old slugs that redirect to this one."""
    threshold: float = 1.0
    """The score a paragraph needs for this entry."""
    line: int = 0
    """Line of the entry in its vocabulary file."""


@dataclass(frozen=True)
class Conservation:
    """How much of a raw body's text is found, in order and once, on its document page."""

    slug: str
    total: int
    """Letters and digits in the raw body, page furniture aside."""
    matched: int
    """How many of them were found, in order, on the page."""
    line: int | None = None
    """Raw line of the first difference, if any."""
    expected: str = ""
    found: str = ""

    @property
    def share(self) -> float:
        return self.matched / self.total if self.total else 1.0


@dataclass(frozen=True)
class Override:
    """An editor's last word on one paragraph's themes and regions (vocabulary/overrides.yml)."""

    paragraph: str
    """The permanent id: ``<document slug>#<paragraph id>``."""
    add: tuple[str, ...]
    """Theme and region slugs the paragraph gets."""
    remove: tuple[str, ...]
    """Theme and region slugs it loses."""
    reason: str
    path: str
    line: int
    fingerprint: str = ""
    """`analyse.anchors.fingerprint` of the paragraph's text when the editor decided ("" when not given)."""


@dataclass(frozen=True)
class Corpus:
    """Everything the renderer needs: documents and both vocabularies."""

    documents: tuple[Document, ...]
    themes: tuple[Term, ...]
    regions: tuple[Term, ...]
    conservation: tuple[Conservation, ...] = ()
    warnings: tuple[Problem, ...] = ()
    """Problems in the input that did not stop the build."""
    overrides: tuple[Override, ...] = ()
    """The editors' decisions applied to single paragraphs."""
    kinds: tuple[DocumentKind, ...] = ()
    """Every kind of document vocabulary/kinds.yml names, in its order."""
    synonyms: tuple[tuple[str, ...], ...] = ()
    """Names that mean the same (vocabulary/synonyms.yml), a group each, as written: the search finds each by the
    others."""
