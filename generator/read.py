"""Read raw files: decode, split off the YAML front matter and validate it."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem
from .model import Meta, RawDocument
from .presidency import COUNTRIES, FIRST_YEAR, LAST_YEAR, presiding_country

KINDS = {
    "prioriteitenbrief": "Prioriteitenbrief",
    "resultatenbrief": "Resultatenbrief",
    "jaarplan": "Jaarplan",
    "resultatenoverzicht": "Resultatenoverzicht",
}
REQUIRED = ("title", "kind", "year", "country", "issuer")
OPTIONAL = ("date", "addressee", "source", "furniture", "slug")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2})?")
SENTINELS = re.compile("[\ue000-\ue0ff]")
CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
EXAMPLE = """---
title: Prioriteiten van het Nederlandse Benelux-voorzitterschap 2026
kind: prioriteitenbrief
year: 2026
country: NL
date: 2025-12-15
issuer: Minister van Buitenlandse Zaken
---"""


def read_all(raw_dir: Path) -> tuple[list[RawDocument], list[Problem]]:
    """Read every ``*.txt`` in `raw_dir`; return the documents and the warnings.

    Raises InputError listing every problem that stops the build.
    """
    docs: list[RawDocument] = []
    problems: list[Problem] = []
    for path in sorted(raw_dir.glob("*.txt")):
        doc, found = read_file(path)
        problems += found
        if doc:
            docs.append(doc)
    problems += _duplicate_slugs(docs)
    if not docs and not problems:
        problems.append(Problem(str(raw_dir), 0, "no raw documents found", "add a .txt file with front matter"))
    errors = [p for p in problems if not p.warning]
    if errors:
        raise InputError(errors)
    return docs, [p for p in problems if p.warning]


def read_file(path: Path) -> tuple[RawDocument | None, list[Problem]]:
    """Read one raw file; return the document or the problems that stop it."""
    name = str(path)
    data = path.read_bytes()
    if not data.strip():
        return None, [Problem(name, 1, "the file is empty", "add front matter and the document text, or remove the file")]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [Problem(name, line, "the file is binary, not text (it contains NUL bytes)",
                              "export the document as plain text (UTF-8) and put that .txt file in raw/")]
    text, notes = _decode(name, data)
    if text is None:
        return None, notes
    text = SENTINELS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, [Problem(name, 1, "the file does not start with YAML front matter ('---')",
                              f"start the file with a front-matter block such as:\n{EXAMPLE}")]
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return None, [Problem(name, 1, "the front matter is not closed", "add a line '---' after the last key")]
    header = "\n".join(lines[1:end])
    meta, problems = _parse_meta(name, header)
    body = "\n".join(lines[end + 1:])
    if not body.strip():
        problems.append(Problem(name, end + 2, "the document has no text below the front matter",
                                "paste the extracted text below the closing '---'"))
    problems = notes + problems
    if meta is None or any(not p.warning for p in problems):
        return None, problems
    raw_slug = meta.pop("slug", None)
    slug = str(raw_slug) if raw_slug else path.stem
    if not SLUG.fullmatch(slug):
        return None, [Problem(name, 1, f"'{slug}' is not a valid slug",
                              "use lower-case letters, digits and single hyphens, e.g. 2026-nl-prioriteitenbrief")]
    return RawDocument(path=name, slug=slug, meta=Meta(**meta), body=body, first_line=end + 2), problems


def _decode(name: str, data: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 (with or without byte-order mark); else Windows-1252/Latin-1 when that reads as text."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        byte = data[err.start]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not CONTROL.search(text):
        return text, [Problem(name, line, f"the file is not UTF-8 (byte {byte:#x}); it was read as Windows-1252/Latin-1",
                              "save the file as UTF-8 to be sure every character is right", warning=True)]
    return None, [Problem(name, line, f"the file is not valid UTF-8 (byte {byte:#x}) and not Windows-1252 text either",
                          "save the file as UTF-8 text")]


def _load(header: str, loader_class: Any) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (for line numbers) and the values of the front matter."""
    loader = loader_class(header)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _parse_meta(name: str, header: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    try:
        node, values = _load(header, getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: many times faster
    except yaml.YAMLError:
        try:  # the pure-Python loader names the problem and its line more exactly
            node, values = _load(header, yaml.SafeLoader)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 2 if mark else 2
            return None, [Problem(name, line, f"the front matter is not valid YAML: {getattr(err, 'problem', err)}",
                                  f"write one 'key: value' per line, for example:\n{EXAMPLE}")]
    if not isinstance(values, dict) or not isinstance(node, yaml.MappingNode):
        return None, [Problem(name, 2, "the front matter is not a list of 'key: value' lines",
                              f"for example:\n{EXAMPLE}")]
    lines = {k.value: k.start_mark.line + 2 for k, _ in node.value}
    problems = [Problem(name, 1, f"the front matter lacks the key '{key}'", f"add '{key}: …', for example:\n{EXAMPLE}")
                for key in REQUIRED if key not in values]
    for key in values:
        if key not in REQUIRED + OPTIONAL:
            close = difflib.get_close_matches(str(key), REQUIRED + OPTIONAL, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(REQUIRED + OPTIONAL)}"
            problems.append(Problem(name, lines.get(key, 2), f"unknown front-matter key '{key}' is ignored", hint,
                                    warning=True))
    checks = {"title": _text, "issuer": _text, "kind": _kind, "year": _year, "country": _country,
              "date": _date, "furniture": _furniture}
    for key, check in checks.items():
        if key in values:
            message = check(values[key])
            if message:
                problems.append(Problem(name, lines.get(key, 2), f"'{key}': {message[0]}", message[1]))
    if values.get("year") and values.get("country") in COUNTRIES and not _year(values["year"]):
        expected = presiding_country(values["year"])
        if values["country"] != expected:
            problems.append(Problem(name, lines.get("country", 2),
                                    f"'country': {values['country']} contradicts the rotation: the presidency of "
                                    f"{values['year']} is {expected} ({COUNTRIES[expected]})",
                                    "check 'year' and 'country'; the rotation is NL → BE → LU, 2026 being NL"))
    if any(not p.warning for p in problems):
        return None, problems
    meta = {k: values.get(k) for k in REQUIRED + OPTIONAL if k in values}
    meta["furniture"] = tuple(values.get("furniture") or ())
    for key in ("addressee", "source"):
        meta[key] = str(meta[key]) if meta.get(key) is not None else None
    meta["date"] = values.get("date")
    return meta, problems


def _text(value: Any) -> tuple[str, str] | None:
    return None if isinstance(value, str) and value.strip() else ("must be non-empty text", "write the text after the colon")


def _kind(value: Any) -> tuple[str, str] | None:
    return None if value in KINDS else (f"unknown kind {value!r}", f"use one of: {', '.join(KINDS)}")


def _year(value: Any) -> tuple[str, str] | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR
    return None if ok else (f"{value!r} is not a presidency year ({FIRST_YEAR}–{LAST_YEAR})",
                            "write the presidency year the document is about as four digits, e.g. 2026")


def _country(value: Any) -> tuple[str, str] | None:
    known = ", ".join(f"{k} ({v})" for k, v in COUNTRIES.items())
    return None if value in COUNTRIES else (f"unknown presiding country {value!r}", f"use one of: {known}")


def _date(value: Any) -> tuple[str, str] | None:
    ok = value is None or isinstance(value, dt.date) or (isinstance(value, str) and PARTIAL_DATE.fullmatch(value))
    return None if ok else (f"{value!r} is not a date", "write YYYY-MM-DD, YYYY-MM, YYYY or null when unknown")


def _furniture(value: Any) -> tuple[str, str] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return ("must be a list of text lines", "write one '- \"header text\"' line per running header or footer")
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as err:
            return (f"{pattern!r} is not a valid pattern ({err})", "escape special characters such as ( ) [ ] . with a backslash")
    return None


def _duplicate_slugs(docs: list[RawDocument]) -> list[Problem]:
    seen: dict[str, RawDocument] = {}
    problems = []
    for doc in docs:
        if doc.slug in seen:
            problems.append(Problem(doc.path, 1, f"slug '{doc.slug}' is already used by {seen[doc.slug].path}",
                                    "rename one of the files or set a different 'slug:' in its front matter"))
        seen.setdefault(doc.slug, doc)
    return problems
