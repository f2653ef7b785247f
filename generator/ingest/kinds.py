"""Kinds of document (vocabulary/kinds.yml): the names front matter uses, the labels readers see, and whether a
kind is a letter and whether it holds plans or results."""

from __future__ import annotations

from pathlib import Path

from ..core.problems import InputError, Problem
from ..core.records import DocumentKind
from .read import SLUG
from .vocabulary import entries

NAME = "kinds.yml"
EXAMPLE = """- slug: jaarplan
  label: Jaarplan
  letter: false
  plan: true"""
KEYS = {"slug", "label", "letter", "plan"}


def load(path: Path) -> tuple[DocumentKind, ...]:
    """Read the kinds file; raise InputError listing every problem in it."""
    name = str(path)
    if not path.exists():
        raise InputError([Problem(name, 0, "the file with the kinds of document is missing",
                                  f"restore it from version control; each entry reads like:\n{EXAMPLE}")])
    problems: list[Problem] = []
    found: list[DocumentKind] = []
    seen: dict[str, int] = {}
    for entry, line in entries(path, EXAMPLE):
        if not isinstance(entry, dict):
            problems.append(Problem(name, line, "an entry is not a set of 'key: value' lines",
                                    f"for example:\n{EXAMPLE}"))
            continue
        wrong = []
        slug, label = entry.get("slug"), entry.get("label")
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            wrong.append((f"'slug' is {slug!r}, not a slug", "write lower-case letters, digits and hyphens"))
        elif slug in seen:
            wrong.append((f"kind '{slug}' is listed twice (also on line {seen[slug]})", "keep one entry"))
        if not isinstance(label, str) or not label.strip():
            wrong.append(("the entry has no 'label'", "write the name readers see, e.g. 'label: Jaarplan'"))
        for key in ("letter", "plan"):
            if not isinstance(entry.get(key), bool):
                wrong.append((f"'{key}' is {entry.get(key)!r}, not true or false", f"write '{key}: true' or "
                              f"'{key}: false'"))
        unknown = set(entry) - KEYS
        if unknown:
            wrong.append((f"unknown key(s) {', '.join(sorted(unknown))}", "use only slug, label, letter and plan"))
        problems += [Problem(name, line, message, fix) for message, fix in wrong]
        if not wrong:
            assert isinstance(slug, str) and isinstance(label, str)
            seen[slug] = line
            found.append(DocumentKind(slug, label.strip(), entry["letter"], entry["plan"]))
    if not found and not problems:
        problems.append(Problem(name, 1, "the file lists no kind of document", f"add entries such as:\n{EXAMPLE}"))
    if problems:
        raise InputError(problems)
    return tuple(found)
