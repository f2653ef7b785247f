"""Kinds of document (vocabulary/kinds.yml): the names front matter uses, the labels readers see, and whether a
kind is a letter and whether it holds plans or results."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from ..core.problems import InputError, Problem
from ..core.records import DocumentKind
from .schema import Expect, Schema, Slug, Words, entries, validate

NAME = "kinds.yml"
EXAMPLE = """- slug: jaarplan
  label: Jaarplan
  letter: false
  plan: true"""
Flag = Annotated[bool, Expect("'{key}' is {value!r}, not true or false", "write '{key}: true' or '{key}: false'")]


class KindEntry(Schema):
    """One kind of document as written in kinds.yml."""

    slug: Annotated[Slug, Expect("'slug' is {value!r}, not a slug", "write lower-case letters, digits and hyphens")]
    label: Annotated[Words, Expect("the entry has no 'label'", "write the name readers see, e.g. 'label: Jaarplan'")]
    letter: Flag
    plan: Flag


def load(path: Path) -> tuple[DocumentKind, ...]:
    """Read the kinds file; raise InputError listing every problem in it."""
    name = str(path)
    if not path.exists():
        raise InputError([Problem(name, 0, "the file with the kinds of document is missing",
                                  f"restore it from version control; each entry reads like:\n{EXAMPLE}")])
    problems: list[Problem] = []
    found: list[DocumentKind] = []
    seen: dict[str, int] = {}
    for item in entries(path, EXAMPLE):
        if not isinstance(item.value, dict):
            problems.append(Problem(name, item.line, "an entry is not a set of 'key: value' lines",
                                    f"for example:\n{EXAMPLE}"))
            continue
        kind, wrong = validate(KindEntry, item.value, path=name, line=item.line, lines=item.lines)
        if kind is not None and kind.slug in seen:
            wrong = [Problem(name, item.line, f"kind '{kind.slug}' is listed twice (also on line {seen[kind.slug]})",
                             "keep one entry")]
            kind = None
        problems += wrong
        if kind is not None:
            seen[kind.slug] = item.line
            found.append(DocumentKind(kind.slug, kind.label.strip(), kind.letter, kind.plan))
    if not found and not problems:
        problems.append(Problem(name, 1, "the file lists no kind of document", f"add entries such as:\n{EXAMPLE}"))
    if problems:
        raise InputError(problems)
    return tuple(found)
