"""The view across presidencies: theme × year matrix, timelines, year-on-year comparison."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from ..core.records import Document
from .facets import Entry, Facet

ChangeKind = Literal["new", "back", "gone", "more", "fewer", "same"]
"""How a theme's share of a year's passages changed from one presidency to the next."""
LARGER = 1.5
"""A theme gets "more attention" when its share of the year's passages grows by this factor (and fewer when it
shrinks by it)…"""
MIN_POINTS = 0.02
"""… and by at least two percentage points: a change of one passage in a small year is no trend."""


@dataclass(frozen=True)
class Cell:
    count: int
    weight: int
    """0 (empty) to 4 (the largest share of its year in the matrix): the shade of the cell."""


def matrix(facets: list[Facet], years: list[int], totals: dict[int, int]) -> list[tuple[Facet, list[Cell]]]:
    """Rows of facets, one cell per year, shaded by the facet's share of that year's passages (a year with
    one short results overview is not paler than a year with a long plan), relative to the largest share."""
    counts = [[f.in_year(y) for y in years] for f in facets]
    shares = [[c / totals[y] if totals.get(y) else 0.0 for c, y in zip(row, years, strict=True)] for row in counts]
    top = max((s for row in shares for s in row), default=0.0) or 1.0
    # Square-root scale: a few very busy cells should not wash out the differences among the rest.
    return [(f, [Cell(c, 0 if not c else 1 + min(3, int(4 * math.sqrt(s / top))))
                 for c, s in zip(row, share_row, strict=True)])
            for f, row, share_row in zip(facets, counts, shares, strict=True)]


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
    total_before: int
    """All passages of the earlier year."""
    total_after: int
    earlier: bool = False
    """The theme has passages in a year before the later one (for a theme absent in the earlier year: in a year
    before that, or between the two)."""

    @property
    def share_before(self) -> float:
        return self.before / self.total_before if self.total_before else 0.0

    @property
    def share_after(self) -> float:
        return self.after / self.total_after if self.total_after else 0.0

    @property
    def kind(self) -> ChangeKind:
        if not self.before:
            return "back" if self.earlier else "new"
        if not self.after:
            return "gone"
        grown, points = self.share_after / self.share_before, abs(self.share_after - self.share_before)
        if points >= MIN_POINTS and grown >= LARGER:
            return "more"
        if points >= MIN_POINTS and grown <= 1 / LARGER:
            return "fewer"
        return "same"


def compare(themes: list[Facet], year: int, previous: int, totals: dict[int, int]) -> list[Change]:
    """How each theme's share of the passages changed from `previous` to `year`, biggest change first."""
    changes = []
    for theme in themes:
        before, after = theme.in_year(previous), theme.in_year(year)
        earlier = any(y < year for y, _ in theme.years())
        if before or after:
            changes.append(Change(theme.slug, theme.label, before, after, totals.get(previous, 0),
                                  totals.get(year, 0), earlier))
    return sorted(changes, key=lambda c: (-abs(c.share_after - c.share_before), c.label))


def nature(documents: list[Document]) -> Literal["plannen", "resultaten", "plannen en resultaten"]:
    """What a year's documents hold, as the comparison on its page names it."""
    plans = {d.meta.kind.plan for d in documents}
    return "plannen en resultaten" if len(plans) > 1 else "plannen" if plans == {True} else "resultaten"


def entries_by_document(entries: list[Entry]) -> list[tuple[Document, list[Entry]]]:
    groups: dict[str, tuple[Document, list[Entry]]] = {}
    for e in entries:
        groups.setdefault(e.document.slug, (e.document, []))[1].append(e)
    return list(groups.values())
