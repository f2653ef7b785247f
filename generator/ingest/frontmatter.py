"""A raw file's front matter: YAML parsed, every key checked, values turned into typed `Meta` fields."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from ..core.dates import PARTIAL, PartialDate
from ..core.presidency import COUNTRIES, FIRST_YEAR, LAST_YEAR, presiding_country
from ..core.problems import Problem
from ..core.records import DocumentKind, Meta

REQUIRED = ("title", "kind", "year", "issuer")
OPTIONAL = ("country", "date", "addressee", "source", "original", "furniture", "slug")
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
Check = Callable[[object], "tuple[str, str] | None"]
"""A key's check: None when the value is fine, else (what is wrong, how to fix it)."""


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
    problems = [Problem(name, 1, f"the front matter lacks the key '{key}'", f"add '{key}: …', for example:\n{EXAMPLE}")
                for key in REQUIRED if key not in values]
    problems += _unknown_keys(name, values, lines)
    for key, check in CHECKS.items():
        if key in values:
            message = _kind(values[key], kinds) if key == "kind" else check(values[key])
            if message:
                problems.append(Problem(name, lines.get(key, 2), f"'{key}': {message[0]}", message[1]))
    problems += _rotation(name, values, lines)
    if any(not p.warning for p in problems):
        return None, problems
    slug = values.get("slug")
    return (_meta(values, kinds), str(slug) if slug else None), problems


def _rotation(name: str, values: dict[str, Any], lines: dict[str, int]) -> list[Problem]:
    """A warning for a valid year and country that the rotation does not put together: an older presidency may
    have broken the cycle, so the country as written is kept."""
    if not values.get("year") or "country" not in values or _country(values["country"]) or _year(values["year"]):
        return []
    expected = presiding_country(values["year"])
    if values["country"] == expected:
        return []
    return [Problem(name, lines.get("country", 2), f"'country': {values['country']} differs from the rotation, which "
                    f"gives {values['year']} to {expected} ({COUNTRIES[expected]}); {values['country']} is kept",
                    "leave 'country' out to follow the rotation (NL → BE → LU, 2026 being NL); keep it only for a "
                    "presidency that broke the cycle", warning=True)]


Loader = type[yaml.SafeLoader | yaml.CSafeLoader]
"""PyYAML's safe loader, in C (libyaml) or in Python."""


def first_alias(text: str, loader: Loader = yaml.SafeLoader) -> yaml.AliasEvent | None:
    """The first YAML alias (``*name``) of an input file: every input refuses them, since an alias chain of a few
    hundred bytes can stand for gigabytes of text. None also for invalid YAML, which the loader reports."""
    try:
        return next((e for e in yaml.parse(text, Loader=loader) if isinstance(e, yaml.AliasEvent)), None)
    except yaml.YAMLError:
        return None


def alias_problem(name: str, alias: yaml.AliasEvent, first_line: int) -> Problem:
    """The problem of an alias; `first_line`: the file's line of the text's first line."""
    line = alias.start_mark.line + first_line if alias.start_mark else first_line
    what = "the front matter" if first_line > 1 else "the file"
    return Problem(name, line, f"{what} repeats a value with a YAML alias ('*{alias.anchor}')",
                   "write the value out in full, without '&' and '*'")


def _meta(values: dict[str, Any], kinds: Mapping[str, DocumentKind]) -> Meta:
    """The typed record of validated values."""
    def optional(key: str) -> str | None:
        return str(values[key]) if values.get(key) is not None else None
    date = values.get("date")
    return Meta(title=values["title"], kind=kinds[values["kind"]], year=values["year"],
                country=values.get("country") or presiding_country(values["year"]),
                date=PartialDate.of(date) if date is not None else None, issuer=values["issuer"],
                addressee=optional("addressee"), source=optional("source"), original=optional("original"),
                furniture=tuple(values.get("furniture") or ()))


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


def _unknown_keys(name: str, values: dict[Any, Any], lines: dict[str, int]) -> list[Problem]:
    problems = []
    for key in values:
        if key not in REQUIRED + OPTIONAL:
            close = difflib.get_close_matches(str(key), REQUIRED + OPTIONAL, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(REQUIRED + OPTIONAL)}"
            problems.append(Problem(name, lines.get(key, 2), f"unknown front-matter key '{key}' is ignored", hint,
                                    warning=True))
    return problems


def _text(value: object) -> tuple[str, str] | None:
    ok = isinstance(value, str) and value.strip()
    if ok and len(str(value)) > MAX_VALUE:
        return f"is {len(str(value))} characters long, more than {MAX_VALUE}", "write a title or a name, not a text"
    return None if ok else ("must be non-empty text", "write the text after the colon")


def _optional_text(value: object) -> tuple[str, str] | None:
    return None if value is None else _text(value)


def _kind(value: object, kinds: Mapping[str, DocumentKind]) -> tuple[str, str] | None:
    if isinstance(value, str) and value in kinds:
        return None
    return f"unknown kind {value!r}", f"use one of: {', '.join(kinds)}, or add the kind to vocabulary/kinds.yml"


def _year(value: object) -> tuple[str, str] | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR
    return None if ok else (f"{value!r} is not a presidency year ({FIRST_YEAR}–{LAST_YEAR})",
                            "write the presidency year the document is about as four digits, e.g. 2026")


def _country(value: object) -> tuple[str, str] | None:
    known = ", ".join(f"{k} ({v})" for k, v in COUNTRIES.items())
    if isinstance(value, str) and value in COUNTRIES:
        return None
    return f"unknown presiding country {value!r}", f"use one of: {known}"


def _date(value: object) -> tuple[str, str] | None:
    ok = value is None or isinstance(value, dt.date) or (isinstance(value, str) and PARTIAL.fullmatch(value))
    if ok:
        return None
    return (f"{value!r} is not a date",
            'write YYYY-MM-DD, "YYYY-MM" or "YYYY" (a month or a year in quotes: YAML reads a bare 2025 as a number), '
            "or null when unknown")


def _furniture(value: object) -> tuple[str, str] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return ("must be a list of text lines", "write one '- \"header text\"' line per running header or footer")
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as err:
            return (f"{pattern!r} is not a valid pattern ({err})",
                    "escape special characters such as ( ) [ ] . with a backslash")
    return None


def _original(value: object) -> tuple[str, str] | None:
    if value is None or (isinstance(value, str) and re.fullmatch(r"https?://[^\s<>\"]+", value)):
        return None
    return (f"{value!r} is not a web address", "write the full address of the original, starting with https://, "
                                                "or leave 'original' out")


CHECKS: dict[str, Check] = {"title": _text, "issuer": _text, "kind": _text, "year": _year, "country": _country,
                            "date": _date, "furniture": _furniture, "original": _original,
                            "addressee": _optional_text, "source": _optional_text}
