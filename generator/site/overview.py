"""The view across presidencies: theme × year matrix, timelines, year-on-year comparison, priorities."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass
from typing import Literal

from ..core.inline import plain
from ..core.presidency import COUNTRIES, CountryCode
from ..core.records import Document, Paragraph, Section
from .facets import Entry, Facet

ChangeKind = Literal["new", "gone", "more", "fewer", "same"]
"""How a theme's paragraph count changed from one presidency to the next."""


@dataclass(frozen=True)
class Cell:
    count: int
    weight: int
    """0 (empty) to 4 (the most paragraphs in the matrix): the shade of the cell."""


def matrix(facets: list[Facet], years: list[int]) -> list[tuple[Facet, list[Cell]]]:
    """Rows of facets, one cell per year, shaded relative to the busiest cell."""
    counts = [[f.in_year(y) for y in years] for f in facets]
    top = max((c for row in counts for c in row), default=0) or 1
    # Square-root scale: a few very busy cells should not wash out the differences among the rest.
    return [(f, [Cell(c, 0 if not c else 1 + min(3, int(4 * math.sqrt(c / top)))) for c in row])
            for f, row in zip(facets, counts, strict=True)]


@dataclass(frozen=True)
class Mark:
    year: int
    present: bool
    change: Literal["", "new", "gone"]
    """Against the previous year covered: first mentioned again, no longer mentioned, or "" (no change)."""


def timeline(facet: Facet, years: list[int]) -> list[Mark]:
    present = {e.year for e in facet.entries}
    marks = []
    for i, year in enumerate(years):
        before = years[i - 1] in present if i else None
        change: Literal["", "new", "gone"] = ""
        if before is not None and (year in present) != before:
            change = "new" if year in present else "gone"
        marks.append(Mark(year, year in present, change))
    return marks


@dataclass(frozen=True)
class Change:
    slug: str
    label: str
    before: int
    after: int

    @property
    def kind(self) -> ChangeKind:
        if not self.before:
            return "new"
        if not self.after:
            return "gone"
        return "more" if self.after > self.before else "fewer" if self.after < self.before else "same"


def compare(themes: list[Facet], year: int, previous: int) -> list[Change]:
    """How each theme's paragraph count changed from `previous` to `year`, biggest change first."""
    changes = []
    for theme in themes:
        before, after = theme.in_year(previous), theme.in_year(year)
        if before or after:
            changes.append(Change(theme.slug, theme.label, before, after))
    return sorted(changes, key=lambda c: (-abs(c.after - c.before), c.label))


@dataclass(frozen=True)
class Priority:
    text: str
    document: Document
    anchor: str


def priorities(doc: Document) -> list[Priority]:
    """The priorities a document names, in its order: the sub-headings or numbered items of its section on
    priorities, or the quoted phrases after a sentence announcing them ("De prioriteiten waren: “…”")."""
    for i, section in enumerate(doc.sections):
        if section.title and "prioriteit" in section.title.lower():
            children = [s for s in doc.sections[i + 1:] if s.trail[-1:] == (section.title,)]
            if children:
                return [Priority(_title(s), doc, s.id) for s in children]
            items = [p for p in section.paragraphs if p.kind == "ol"]
            if items:
                return [Priority(plain(p.text), doc, p.id) for p in items]
    paragraphs = doc.paragraphs
    for p, following in itertools.pairwise(paragraphs):
        if "prioriteiten" in plain(p.text).lower() and plain(p.text).rstrip().endswith(":"):
            quoted = re.findall(r"“([^”]+)”", plain(following.text))
            if quoted:
                return [Priority(q, doc, following.id) for q in quoted]
    return []


def _title(section: Section) -> str:
    title = plain(section.title or "")
    return re.sub(r"^(?:\d+\.)+\s*|^[a-z]\.\s+", "", title)


def country_statement(documents: list[Document], country: CountryCode) -> tuple[Document, Paragraph] | None:
    """A paragraph with a sentence that says who holds the presidency ("Per 1 januari 2026 neemt Nederland … over")."""
    name = re.compile(rf"\b{COUNTRIES[country]}\b", re.IGNORECASE)
    for doc in documents:
        for p in doc.paragraphs:
            sentences = plain(p.text).split(". ") if p.kind == "p" else []
            if any("voorzitter" in s.lower() and name.search(s) for s in sentences):
                return doc, p
    return None


def entries_by_document(entries: list[Entry]) -> list[tuple[Document, list[Entry]]]:
    groups: dict[str, tuple[Document, list[Entry]]] = {}
    for e in entries:
        groups.setdefault(e.document.slug, (e.document, []))[1].append(e)
    return list(groups.values())
