"""The editable vocabularies: themes and partner regions, read from YAML."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..core.problems import InputError, Problem
from ..core.records import Term
from .patterns import UNLESS, compile_pattern, split_term
from .read import SLUG

EXAMPLE = """- slug: energie
  label: Energie
  description: Energiesamenwerking, leveringszekerheid en energietransitie.
  terms: [energie*, waterstof, "wind-op-zee*"]"""


def entries(path: Path, example: str, empty: bool = False) -> list[tuple[object, int]]:
    """The entries of a YAML list file with the line each starts on; InputError when the file is not valid YAML
    or not a list (an empty file is an empty list when `empty` allows it). `example` shows a good entry."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text)
        values = yaml.safe_load(text)
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        mark = getattr(err, "problem_mark", None)
        raise InputError([Problem(name, mark.line + 1 if mark else 1, f"not valid YAML: {err}",
                                  f"write a list of entries such as:\n{example}")]) from None
    if values is None and empty:
        return []
    if not isinstance(values, list) or not isinstance(node, yaml.SequenceNode):
        raise InputError([Problem(name, 1, "the file is not a list of entries", f"for example:\n{example}")])
    return [(value, value_node.start_mark.line + 1) for value, value_node in zip(values, node.value, strict=True)]


def load(path: Path) -> tuple[Term, ...]:
    """Read a vocabulary file; raise InputError listing every problem in it."""
    name = str(path)
    problems: list[Problem] = []
    terms: list[Term] = []
    seen: dict[object, int] = {}
    for entry, line in entries(path, EXAMPLE):
        term, found = _entry(name, line, entry)
        problems += found
        slugs = [entry.get("slug"), *_list(entry.get("aliases"))] if isinstance(entry, dict) else []
        for slug in (s for s in slugs if isinstance(s, str)):
            if slug in seen:
                problems.append(Problem(name, line, f"slug '{slug}' is used twice (also on line {seen[slug]})",
                                        "give every entry its own slug; old slugs go under 'aliases'"))
            seen.setdefault(slug, line)
        if term is None:
            continue
        terms.append(term)
    if problems:
        raise InputError(problems)
    return tuple(terms)


def _entry(name: str, line: int, entry: object) -> tuple[Term | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [Problem(name, line, "an entry is not a set of 'key: value' lines", f"for example:\n{EXAMPLE}")]
    problems = []
    slug = entry.get("slug")
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        problems.append(Problem(name, line, f"invalid or missing slug {slug!r}",
                                "use lower-case letters, digits and hyphens, e.g. water-en-klimaat"))
    if not isinstance(entry.get("label"), str) or not entry["label"].strip():
        problems.append(Problem(name, line, f"entry {slug!r} has no label", "add 'label: …' with the name readers see"))
    patterns = entry.get("terms")
    if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) and p.strip() for p in patterns):
        problems.append(Problem(name, line, f"entry {slug!r} has an empty or invalid term list",
                                "add 'terms:' with at least one word or phrase that signals it"))
        patterns = []
    for pattern in patterns:
        _, term, near = split_term(pattern)
        if not term or (UNLESS in pattern and not near):
            problems.append(Problem(name, line, f"term {pattern!r} of {slug!r} is incomplete",
                                    f"write a word before{UNLESS.rstrip()} and the words it must not be near after "
                                    "it, e.g. 'mobiliteit unless near werknemer*, student*'"))
            continue
        for part in (term, *near):
            try:
                compile_pattern(part)
            except re.error as err:
                problems.append(Problem(name, line, f"term {pattern!r} of {slug!r} is not a valid pattern ({err})",
                                        "fix the regular expression after 're:' or drop the 're:' prefix"))
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and SLUG.fullmatch(a) for a in aliases):
        problems.append(Problem(name, line, f"the aliases of {slug!r} are not a list of slugs: {aliases!r}",
                                "write the old slugs as a list, e.g. aliases: [oude-naam]"))
    unknown = set(entry) - {"slug", "label", "description", "terms", "aliases"}
    if unknown:
        problems.append(Problem(name, line, f"unknown key(s) {', '.join(sorted(unknown))} in {slug!r}",
                                "use only slug, label, description, terms and aliases"))
    if problems:
        return None, problems
    assert isinstance(slug, str)  # checked above
    return Term(slug=slug, label=entry["label"].strip(), description=str(entry.get("description") or "").strip(),
                patterns=tuple(patterns), aliases=tuple(aliases)), []


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []
