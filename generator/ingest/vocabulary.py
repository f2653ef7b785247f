"""The editable vocabularies: themes and partner regions, read from YAML."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import pydantic
from pydantic import Field

from ..core.problems import InputError, Problem
from ..core.records import Rule, Term
from .patterns import LISTED, UNLESS, WEAK, compile_pattern, rule_of, split_term
from .schema import Expect, Schema, Slug, Words, entries, validate, wrong

EXAMPLE = """- slug: energie
  label: Energie
  description: Energiesamenwerking, leveringszekerheid en energietransitie.
  terms: [energie*, waterstof, "wind-op-zee*"]"""


class VocabularyEntry(Schema):
    """One theme or region as the editor writes it; its terms are read by `_rule`."""

    slug: Annotated[Slug, Expect("invalid or missing slug {value!r}",
                                 "use lower-case letters, digits and hyphens, e.g. water-en-klimaat")]
    label: Annotated[Words, Expect("entry {slug!r} has no label", "add 'label: …' with the name readers see")]
    description: Annotated[str | None, Expect("the description of {slug!r} is not text",
                                              "write one sentence after 'description:'")] = None
    terms: Annotated[list[Any], Field(min_length=1), Expect(
        "entry {slug!r} has an empty or invalid term list",
        "add 'terms:' with at least one word or phrase that signals it")]
    threshold: Annotated[float, Field(gt=0), Expect(
        "the threshold of {slug!r} is not a positive number: {value!r}",
        "write the score a paragraph needs, e.g. threshold: 1.5 (default 1)")] = 1.0
    aliases: Annotated[list[Slug] | None, Expect("the aliases of {slug!r} are not a list of slugs: {value!r}",
                                                 "write the old slugs as a list, e.g. aliases: [oude-naam]")] = None


def load(path: Path) -> tuple[Term, ...]:
    """Read a vocabulary file; raise InputError listing every problem in it."""
    name = str(path)
    problems: list[Problem] = []
    terms: list[Term] = []
    seen: dict[object, int] = {}
    for item in entries(path, EXAMPLE):
        entry, line = item.value, item.line
        term, found = _entry(name, item.line, item.lines, entry)
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


def _entry(name: str, line: int, lines: dict[str, int], entry: object) -> tuple[Term | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [Problem(name, line, "an entry is not a set of 'key: value' lines", f"for example:\n{EXAMPLE}")]
    found, problems = validate(VocabularyEntry, entry, path=name, line=line, lines=lines,
                               unknown="unknown key '{key}' in {slug!r}", names={"slug": entry.get("slug")})
    rules: list[Rule] = []
    values = entry.get("terms")
    for value in values if isinstance(values, list) else []:
        rule, problem = _rule(value)
        if rule is None:
            problems.append(Problem(name, lines.get("terms", line), f"term {value!r} of {entry.get('slug')!r} "
                                    f"{problem}", TERM_HELP))
        else:
            rules.append(rule)
    if found is None or problems:
        return None, problems
    return Term(slug=found.slug, label=found.label, description=(found.description or "").strip(),
                rules=tuple(rules), aliases=tuple(found.aliases or ()), threshold=found.threshold, line=line), []


TERM_HELP = ("write a word or phrase ('fiets*'), or a mapping such as "
             "{term: waterstof*, weight: 2, not_near: [vrachtwagen*], not_in: [op het goede spoor]}; "
             "keys: term, weight, not_near, near, not_in, listed, regions")


Patterns = Annotated[list[Words], Expect("has not_near, near, not_in or regions that is not a list of words", "")]


class StructuredRule(Schema):
    """A term written as a mapping: {term: waterstof*, weight: 2, not_near: [vrachtwagen*]}."""

    term: Annotated[str, Expect("has a term that is not text: {value!r}", "")] = ""
    weight: Annotated[float, Field(gt=0), Expect("has a weight that is not a positive number: {value!r}", "")] = 1.0
    not_near: Patterns = Field(default_factory=list)
    near: Patterns = Field(default_factory=list)
    not_in: Patterns = Field(default_factory=list)
    regions: Patterns = Field(default_factory=list)
    listed: Annotated[bool, Expect("has 'listed' that is neither true nor false", "")] = False

    @pydantic.model_validator(mode="after")
    def _one_way(self) -> StructuredRule:
        pattern = self.term.strip()
        if pattern[:1] in (WEAK, LISTED) or UNLESS in pattern:
            raise wrong("mixes the two ways of writing a term: in a mapping write weight: 0.5 instead of '~', "
                        "listed: true instead of '!' and not_near: [...] instead of 'unless near'", "")
        if pattern and self.regions:
            raise wrong("has both a term and regions: give one of them", "")
        if not (pattern or self.regions):
            raise wrong("is incomplete: give the term (term: …) or the regions whose names count (regions: [...])",
                        "")
        return self


def _rule(value: object) -> tuple[Rule | None, str]:
    """A term as written (a string in the mini-language, or a mapping) → its rule, or what is wrong with it."""
    if isinstance(value, str) and value.strip():
        if UNLESS.strip() in value and not split_term(value)[2]:
            return None, "is incomplete: write the words it must not be near after 'unless near'"
        rule = rule_of(value)
    elif isinstance(value, dict):
        found, problems = validate(StructuredRule, value, path="", line=0, lines={}, unknown="has unknown key '{key}'")
        if found is None:
            first = problems[0]
            return None, first.message + (f" ({first.fix})" if first.fix.startswith("did you mean") else "")
        rule = Rule(found.term.strip(), found.weight, tuple(found.not_near), tuple(found.near), tuple(found.not_in),
                    found.listed, tuple(found.regions), source=_written(value))
    else:
        return None, "is neither text nor a mapping: a term is text or a mapping"
    if not rule.pattern and not rule.regions:
        return None, "is empty"
    for part in (p for p in (rule.pattern, *rule.not_near, *rule.near, *rule.not_in) if p):
        try:
            if compile_pattern(part).search(""):
                return None, f"has {part!r}, which matches every text"
        except re.error as err:
            what = "is not a valid pattern" if part == rule.pattern else f"has {part!r}, not a valid pattern"
            return None, f"{what} ({err})"
    return rule, ""


def _written(value: dict[str, object]) -> str:
    """A structured term as the report names it: its pattern, or the regions whose names it stands for."""
    regions = value.get("regions")
    return str(value.get("term") or f"regions({', '.join(map(str, regions if isinstance(regions, list) else []))})")


def check_regions(terms: tuple[Term, ...], regions: tuple[Term, ...], path: Path) -> list[Problem]:
    """Problems for rules that name a region slug regions.yml does not have."""
    known = {r.slug for r in regions if any(rule.pattern for rule in r.rules)}
    problems = [Problem(str(path), t.line, f"term {rule.source!r} of {t.slug!r} names region(s) {', '.join(unknown)} "
                        "that regions.yml does not give names for",
                        f"use slugs of regions.yml: {', '.join(sorted(known))}")
                for t in terms for rule in t.rules if (unknown := sorted(set(rule.regions) - known))]
    problems += [Problem(str(path).replace("themes.yml", "regions.yml"), r.line,
                         f"region {r.slug!r} has a 'regions' term: a region is found by its own names",
                         "write the region's names as terms") for r in regions if any(rule.regions for rule in r.rules)]
    return problems


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []
