"""Dates as documents give them: a day, a month or only a year; parsed once, shown in Dutch."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
"""Dutch month names, January first."""
PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")
"""``YYYY`` or ``YYYY-MM`` as written in front matter."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date of which the month and the day may be unknown."""

    year: int
    month: int | None = None
    """1–12, or None when only the year is known."""
    day: int | None = None
    """Day of the month, or None when only the year or the month is known."""

    @classmethod
    def of(cls, value: dt.date | str) -> PartialDate:
        """From a YAML date or a ``YYYY-MM`` / ``YYYY`` string (validated before)."""
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        match = PARTIAL.fullmatch(value)
        if match is None:
            raise ValueError(f"{value!r} is not a date")
        return cls(int(match[1]), int(match[2]) if match[2] else None)

    def first_day(self) -> dt.date:
        """The first day the date can mean: a month counts from its first, a year from 1 January."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def dutch(self) -> str:
        """As readers write it: "15 december 2025", "december 2025" or "2025"."""
        if self.month is None:
            return str(self.year)
        month = f"{MONTHS[self.month - 1]} {self.year}"
        return f"{self.day} {month}" if self.day else month
