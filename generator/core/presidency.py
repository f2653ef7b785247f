"""Facts about the presidency itself: the countries and their yearly rotation."""

from __future__ import annotations

from typing import Literal

CountryCode = Literal["NL", "BE", "LU"]
COUNTRIES: dict[CountryCode, str] = {"NL": "Nederland", "BE": "België", "LU": "Luxemburg"}
"""Each presiding country as readers see it."""
ADJECTIVES: dict[CountryCode, str] = {"NL": "Nederlands", "BE": "Belgisch", "LU": "Luxemburgs"}
"""As in "Nederlands voorzitterschap 2026"."""
ROTATION: tuple[CountryCode, ...] = ("NL", "BE", "LU")
"""The presidency rotates yearly in this order; 2026 is the Netherlands."""
FIRST_YEAR, LAST_YEAR = 1958, 2100
"""Years a document can be about: from the Benelux Economic Union treaty on."""


def presiding_country(year: int) -> CountryCode:
    """Country code of the presidency in `year`, from the rotation."""
    return ROTATION[(year - 2026) % 3]
