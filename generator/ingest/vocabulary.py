"""The editable vocabularies: themes and partner regions, read from YAML."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..core.problems import InputError, Problem
from ..core.records import Rule, Term
from .frontmatter import alias_problem, first_alias
from .patterns import LISTED, UNLESS, WEAK, compile_pattern, rule_of, split_term
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
        alias = first_alias(text)
        if alias is not None:
            raise InputError([alias_problem(name, alias, first_line=1)])
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
    values = entry.get("terms")
    rules: list[Rule] = []
    if not isinstance(values, list) or not values:
        problems.append(Problem(name, line, f"entry {slug!r} has an empty or invalid term list",
                                "add 'terms:' with at least one word or phrase that signals it"))
        values = []
    for value in values:
        rule, problem = _rule(value)
        if rule is None:
            problems.append(Problem(name, line, f"term {value!r} of {slug!r} {problem}", TERM_HELP))
        else:
            rules.append(rule)
    threshold = entry.get("threshold", 1.0)
    if not isinstance(threshold, (int, float)) or isinstance(threshold, bool) or threshold <= 0:
        problems.append(Problem(name, line, f"the threshold of {slug!r} is not a positive number: {threshold!r}",
                                "write the score a paragraph needs, e.g. threshold: 1.5 (default 1)"))
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and SLUG.fullmatch(a) for a in aliases):
        problems.append(Problem(name, line, f"the aliases of {slug!r} are not a list of slugs: {aliases!r}",
                                "write the old slugs as a list, e.g. aliases: [oude-naam]"))
    unknown = set(entry) - {"slug", "label", "description", "terms", "aliases", "threshold"}
    if unknown:
        problems.append(Problem(name, line, f"unknown key(s) {', '.join(sorted(unknown))} in {slug!r}",
                                "use only slug, label, description, terms, threshold and aliases"))
    if problems:
        return None, problems
    assert isinstance(slug, str)  # checked above
    assert isinstance(threshold, (int, float))  # checked above
    return Term(slug=slug, label=entry["label"].strip(), description=str(entry.get("description") or "").strip(),
                rules=tuple(rules), aliases=tuple(aliases), threshold=float(threshold), line=line), []


TERM_HELP = ("write a word or phrase ('fiets*'), or a mapping such as "
             "{term: waterstof*, weight: 2, not_near: [vrachtwagen*], not_in: [op het goede spoor]}; "
             "keys: term, weight, not_near, near, not_in, listed, regions")
RULE_KEYS = {"term", "weight", "not_near", "near", "not_in", "listed", "regions"}


def _rule(value: object) -> tuple[Rule | None, str]:
    """A term as written (a string in the mini-language, or a mapping) → its rule, or what is wrong with it."""
    if isinstance(value, str) and value.strip():
        if UNLESS.strip() in value and not split_term(value)[2]:
            return None, "is incomplete: write the words it must not be near after 'unless near'"
        rule = rule_of(value)
    elif isinstance(value, dict):
        unknown = set(value) - RULE_KEYS
        if unknown:
            return None, f"has unknown key(s) {', '.join(sorted(map(str, unknown)))}"
        lists = {key: value.get(key, []) for key in ("not_near", "near", "not_in", "regions")}
        if not all(isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v) for v in lists.values()):
            return None, "has not_near, near, not_in or regions that is not a list of words"
        lists = {key: [x.strip() for x in v] for key, v in lists.items()}
        weight, pattern = value.get("weight", 1.0), value.get("term", "")
        if not isinstance(value.get("listed", False), bool):
            return None, "has 'listed' that is neither true nor false"
        if isinstance(pattern, str) and (pattern.strip()[:1] in (WEAK, LISTED) or UNLESS in pattern):
            return None, ("mixes the two ways of writing a term: in a mapping write weight: 0.5 instead of '~', "
                          "listed: true instead of '!' and not_near: [...] instead of 'unless near'")
        if pattern and lists["regions"]:
            return None, "has both a term and regions: give one of them"
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
            return None, f"has a weight that is not a positive number: {weight!r}"
        if not isinstance(pattern, str) or not (pattern.strip() or lists["regions"]):
            return None, "is incomplete: give the term (term: …) or the regions whose names count (regions: [...])"
        rule = Rule(pattern.strip(), float(weight), tuple(lists["not_near"]), tuple(lists["near"]),
                    tuple(lists["not_in"]), bool(value.get("listed", False)), tuple(lists["regions"]),
                    source=_written(value))
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
