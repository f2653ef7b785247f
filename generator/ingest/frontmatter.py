"""A raw file's front matter: YAML parsed, every key checked, values turned into typed `Meta` fields."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Annotated, Literal

import yaml
from pydantic import AfterValidator, Field

from ..core.dates import PARTIAL, PartialDate
from ..core.presidency import COUNTRIES, FIRST_YEAR, LAST_YEAR, presiding_country
from ..core.problems import Problem
from ..core.records import DocumentKind, Meta
from .schema import Expect, Loader, Schema, alias_problem, first_alias, validate, wrong

MAX_VALUE = 2000
"""Characters a front-matter value may have: a title or an address, never a text."""
EXAMPLE = """---
title: Prioriteiten van het Nederlandse Benelux-voorzitterschap 2026
kind: prioriteitenbrief
year: 2026
country: NL
date: 2025-12-15
issuer: Minister van Buitenlandse Zaken
---"""


def parse(name: str, header: str, kinds: Mapping[str, DocumentKind]) -> tuple[tuple[Meta, str | None] | None,
                                                                             list[Problem]]:
    """The front matter's `Meta` and its `slug` key, or None and the problems that stop the file.

    `header` is the text between the two '---' lines; the first of its lines is line 2 of the file. `kinds`: the
    kinds of document by slug (vocabulary/kinds.yml)."""
    alias = first_alias(header, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if alias is not None:
        return None, [alias_problem(name, alias, first_line=2)]
    try:
        node, values = _load(header, getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: many times faster
    except yaml.YAMLError:
        try:  # the pure-Python loader names the problem and its line more exactly
            node, values = _load(header, yaml.SafeLoader)
        except yaml.YAMLError as err:
            return None, [_yaml_problem(name, header, err)]
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        return None, [Problem(name, 2, "the front matter is not a list of 'key: value' lines",
                              f"for example:\n{EXAMPLE}")]
    lines = {k.value: k.start_mark.line + 2 for k, _ in node.value}
    front, problems = validate(FrontMatter, values, path=name, line=1, lines=lines,
                               unknown="unknown front-matter key '{key}' is ignored", unknown_is_warning=True)
    if front is not None and front.kind not in kinds:
        problems.append(Problem(name, lines["kind"], f"'kind': unknown kind {front.kind!r}",
                                f"use one of: {', '.join(kinds)}, or add the kind to vocabulary/kinds.yml"))
    if front is None or any(not p.warning for p in problems):
        return None, problems
    problems += _rotation(name, front, lines)
    return (_meta(front, kinds), front.slug), problems


def _rotation(name: str, front: FrontMatter, lines: dict[str, int]) -> list[Problem]:
    """A warning for a country that the rotation does not give the year: an older presidency may have broken the
    cycle, so the country as written is kept."""
    expected = presiding_country(front.year)
    if front.country is None or front.country == expected:
        return []
    return [Problem(name, lines.get("country", 2), f"'country': {front.country} differs from the rotation, which "
                    f"gives {front.year} to {expected} ({COUNTRIES[expected]}); {front.country} is kept",
                    "leave 'country' out to follow the rotation (NL → BE → LU, 2026 being NL); keep it only for a "
                    "presidency that broke the cycle", warning=True)]


def _meta(front: FrontMatter, kinds: Mapping[str, DocumentKind]) -> Meta:
    """The typed record of the checked front matter."""
    return Meta(title=front.title, kind=kinds[front.kind], year=front.year,
                country=front.country or presiding_country(front.year),
                date=PartialDate.of(front.date) if front.date is not None else None, issuer=front.issuer,
                addressee=front.addressee, source=front.source, original=front.original,
                furniture=tuple(front.furniture))


def _load(header: str, loader_class: Loader) -> tuple[yaml.Node | None, object]:
    """The YAML node tree (for line numbers) and the values of the front matter."""
    loader = loader_class(header)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


PLAIN_WORDS = [
    ("expected <block end>, but found '<scalar>'", "text follows a quoted value on the same line",
     "put the whole value in quotes, or none of it: title: 'De \"Benelux\" in 2026'"),
    ("expected <block end>, but found '-'", "a list item ('- …') where a 'key: value' line was expected",
     "put list items under their key, as in:\nfurniture:\n  - \"Ministerie van Buitenlandse Zaken\""),
    ("mapping values are not allowed here", "a second ': ' in a value, or a line indented as if it continued the one "
     "before", "start every key at the start of its line, and put a value that holds ': ' in double quotes: "
     "title: \"Benelux: prioriteiten\""),
    ("that cannot start any token", "a tab or another sign that cannot start a value", "indent with spaces, not tabs"),
    ("found unexpected end of stream", "a quote that is never closed", "close the quote at the end of the value"),
]
"""PyYAML's words for common mistakes → (what a reader would call it, how to fix it)."""


def _yaml_problem(name: str, header: str, err: yaml.YAMLError) -> Problem:
    """The YAML mistake in plain words, at the line where the editor made it."""
    problem = str(getattr(err, "problem", "") or err)
    mark = getattr(err, "problem_mark", None)
    context = getattr(err, "context_mark", None)
    unclosed = "end of stream" in problem and context is not None  # the quote opened where the context starts
    at = context if unclosed else mark
    line = at.line + 2 if at is not None else 2
    text = header.split("\n")[line - 2].strip() if 0 <= line - 2 < len(header.split("\n")) else ""
    said, fix = next(((said, fix) for words, said, fix in PLAIN_WORDS if words in problem),
                     (f"YAML says: {problem}", f"write one 'key: value' per line, for example:\n{EXAMPLE}"))
    return Problem(name, line, f"the front matter is not valid YAML: {said} (in: {text!r})", fix)


def _text(value: str) -> str:
    if not value.strip():
        raise wrong("must be non-empty text", "write the text after the colon")
    if len(value) > MAX_VALUE:
        raise wrong(f"is {len(value)} characters long, more than {MAX_VALUE}", "write a title or a name, not a text")
    return value


def _year(value: int) -> int:
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise wrong(f"{value!r} is not a presidency year ({FIRST_YEAR}–{LAST_YEAR})", YEAR_FIX)
    return value


def _date(value: dt.date | str | None) -> dt.date | str | None:
    if isinstance(value, str) and not PARTIAL.fullmatch(value):
        raise wrong(f"{value!r} is not a date", DATE_FIX)
    return value


def _furniture(value: list[str]) -> list[str]:
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as err:
            raise wrong(f"{pattern!r} is not a valid pattern ({err})",
                        "escape special characters such as ( ) [ ] . with a backslash") from None
    return value


def _original(value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"https?://[^\s<>\"]+", value):
        raise wrong(f"{value!r} is not a web address", ORIGINAL_FIX)
    return value


def _key(key: str, message: str, fix: str) -> Expect:
    """The words for a key of the wrong type, and for a missing one."""
    return Expect(f"'{key}': {message}", fix, missing=f"the front matter lacks the key '{key}'",
                  missing_fix=f"add '{key}: …', for example:\n{EXAMPLE}")


TEXT = ("must be non-empty text", "write the text after the colon")
YEAR_FIX = "write the presidency year the document is about as four digits, e.g. 2026"
DATE_FIX = ('write YYYY-MM-DD, "YYYY-MM" or "YYYY" (a month or a year in quotes: YAML reads a bare 2025 as a number), '
            "or null when unknown")
ORIGINAL_FIX = "write the full address of the original, starting with https://, or leave 'original' out"
Text = Annotated[str, AfterValidator(_text)]


class FrontMatter(Schema):
    """A raw file's front matter as the editor writes it."""

    field_words = "'{key}': "

    title: Annotated[Text, _key("title", *TEXT)]
    kind: Annotated[str, _key("kind", "unknown kind {value!r}", "use a kind of vocabulary/kinds.yml")]
    year: Annotated[int, AfterValidator(_year),
                    _key("year", f"{{value!r}} is not a presidency year ({FIRST_YEAR}–{LAST_YEAR})", YEAR_FIX)]
    issuer: Annotated[Text, _key("issuer", *TEXT)]
    country: Annotated[Literal["NL", "BE", "LU"] | None, _key(
        "country", "unknown presiding country {value!r}",
        "use one of: " + ", ".join(f"{k} ({v})" for k, v in COUNTRIES.items()))] = None
    date: Annotated[dt.date | str | None, AfterValidator(_date),
                    _key("date", "{value!r} is not a date", DATE_FIX)] = None
    addressee: Annotated[Text | None, _key("addressee", *TEXT)] = None
    source: Annotated[Text | None, _key("source", *TEXT)] = None
    original: Annotated[str | None, AfterValidator(_original),
                        _key("original", "{value!r} is not a web address", ORIGINAL_FIX)] = None
    furniture: Annotated[list[str], AfterValidator(_furniture), _key(
        "furniture", "must be a list of text lines",
        "write one '- \"header text\"' line per running header or footer")] = Field(default_factory=list)
    slug: Annotated[Text | None, _key("slug", *TEXT)] = None
