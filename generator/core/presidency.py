"""Facts about the presidency itself: the countries and their yearly rotation."""

from __future__ import annotations

COUNTRIES = {"NL": "Nederland", "BE": "België", "LU": "Luxemburg"}
ROTATION = ("NL", "BE", "LU")
"""The presidency rotates yearly in this order; 2026 is the Netherlands."""
FIRST_YEAR, LAST_YEAR = 1958, 2100
"""Years a document can be about: from the Benelux Economic Union treaty on."""


def presiding_country(year: int) -> str:
    """Country code of the presidency in `year`, from the rotation."""
    return ROTATION[(year - 2026) % 3]
