"""The editors' last word on single paragraphs: vocabulary/overrides.yml.

Each entry names a paragraph by its permanent id (``<document>#<paragraph>``, as in the address of its passage)
and the theme or region slugs it gets (`add`) or loses (`remove`), with the editor's reason. Rules stop where
reading starts; this file is how a curated archive gets every paragraph right. Whether the paragraph exists is
checked once the documents are analysed (`analyse.overrides`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.problems import InputError, Problem
from ..core.records import Override
from .vocabulary import entries

NAME = "overrides.yml"
EXAMPLE = """- paragraph: 2026-benelux-jaarplan#h-2-p1
  fingerprint: 1f2e3d4c
  add: [crisisbeheersing]
  remove: [interne-markt]
  reason: Gaat over weerbaarheid; concurrentievermogen wordt alleen genoemd."""
PARAGRAPH = re.compile(r"[a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*")
KEYS = {"paragraph", "fingerprint", "add", "remove", "reason"}
FINGERPRINT = re.compile(r"[0-9a-f]{8}")


def load(path: Path, known: set[str]) -> tuple[Override, ...]:
    """Read the overrides file (none if it does not exist); raise InputError listing every problem in it.

    `known` holds every theme and region slug."""
    if not path.exists():
        return ()
    name = str(path)
    problems: list[Problem] = []
    found: list[Override] = []
    seen: dict[str, int] = {}
    for entry, line in entries(path, EXAMPLE, empty=True):
        override, wrong = _entry(name, line, entry, known)
        problems += wrong
        if override and override.paragraph in seen:
            problems.append(Problem(name, line, f"paragraph {override.paragraph} is listed twice (also on line "
                                    f"{seen[override.paragraph]})", "put both decisions in one entry"))
        if override:
            seen.setdefault(override.paragraph, line)
            found.append(override)
    if problems:
        raise InputError(problems)
    return tuple(found)


def _entry(name: str, line: int, entry: object, known: set[str]) -> tuple[Override | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [Problem(name, line, "an entry is not a set of 'key: value' lines", f"for example:\n{EXAMPLE}")]
    problems = []
    paragraph = entry.get("paragraph")
    if not isinstance(paragraph, str) or not PARAGRAPH.fullmatch(paragraph):
        problems.append(Problem(name, line, f"'paragraph' is {paragraph!r}, not a paragraph id",
                                "write <document slug>#<paragraph id>, as after /documenten/ in the passage's link, "
                                "e.g. 2026-benelux-jaarplan#h-2-p1"))
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("add", "remove"):
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(Problem(name, line, f"'{key}' is not a list of slugs: {value!r}",
                                    f"write e.g. {key}: [energie]"))
            value = []
        for slug in value:
            if slug not in known:
                problems.append(Problem(name, line, f"unknown theme or region '{slug}' under '{key}'",
                                        "use a slug of vocabulary/themes.yml or vocabulary/regions.yml"))
        lists[key] = tuple(value)
    if not lists["add"] and not lists["remove"]:
        problems.append(Problem(name, line, "the entry neither adds nor removes anything",
                                "give 'add' or 'remove' (or both) a list of slugs"))
    if set(lists["add"]) & set(lists["remove"]):
        problems.append(Problem(name, line, "the same slug is both added and removed",
                                "keep it under one of 'add' and 'remove'"))
    if not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
        problems.append(Problem(name, line, "the entry gives no reason",
                                "add 'reason: …': why the rules are overruled here, for the next editor"))
    unknown = set(entry) - KEYS
    if unknown:
        problems.append(Problem(name, line, f"unknown key(s) {', '.join(sorted(unknown))}",
                                "use only paragraph, fingerprint, add, remove and reason"))
    fingerprint = entry.get("fingerprint", "")
    if not isinstance(fingerprint, str) or (fingerprint and not FINGERPRINT.fullmatch(fingerprint)):
        problems.append(Problem(name, line, f"'fingerprint' is {fingerprint!r}, not eight hexadecimal digits",
                                "copy the fingerprint the build names for this paragraph"))
    if problems:
        return None, problems
    assert isinstance(paragraph, str)
    return Override(paragraph, lists["add"], lists["remove"], entry["reason"].strip(), name, line,
                    str(fingerprint)), []
