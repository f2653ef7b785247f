"""The editors' last word on single paragraphs: vocabulary/overrides.yml.

Each entry names a paragraph by its permanent id (``<document>#<paragraph>``, as in the address of its passage)
and the theme or region slugs it gets (`add`) or loses (`remove`), with the editor's reason. Rules stop where
reading starts; this file is how a curated archive gets every paragraph right. Whether the paragraph exists is
checked once the documents are analysed (`analyse.overrides`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import pydantic
from pydantic import Field

from ..core.problems import InputError, Problem
from ..core.records import Override
from .schema import Expect, Schema, Words, entries, validate, wrong

NAME = "overrides.yml"
EXAMPLE = """- paragraph: 2026-benelux-jaarplan#h-2-p1
  fingerprint: 1f2e3d4c
  add: [crisisbeheersing]
  remove: [interne-markt]
  reason: Gaat over weerbaarheid; concurrentievermogen wordt alleen genoemd."""
Slugs = Annotated[list[str] | None, Expect("'{key}' is not a list of slugs: {value!r}", "write e.g. {key}: [energie]")]


class OverrideEntry(Schema):
    """One editor's decision as written in overrides.yml."""

    paragraph: Annotated[str, pydantic.StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*#[a-z0-9][a-z0-9-]*$"), Expect(
        "'paragraph' is {value!r}, not a paragraph id",
        "write <document slug>#<paragraph id>, as after /documenten/ in the passage's link, "
        "e.g. 2026-benelux-jaarplan#h-2-p1")]
    fingerprint: Annotated[str, pydantic.StringConstraints(pattern=r"^(?:[0-9a-f]{8})?$"), Expect(
        "'fingerprint' is {value!r}, not eight hexadecimal digits",
        "copy the fingerprint the build names for this paragraph")] = ""
    add: Slugs = Field(default_factory=list)
    remove: Slugs = Field(default_factory=list)
    reason: Annotated[Words, Expect("the entry gives no reason",
                                    "add 'reason: …': why the rules are overruled here, for the next editor")]

    @pydantic.model_validator(mode="after")
    def _decides(self) -> OverrideEntry:
        if not self.add and not self.remove:
            raise wrong("the entry neither adds nor removes anything",
                        "give 'add' or 'remove' (or both) a list of slugs")
        if set(self.add or ()) & set(self.remove or ()):
            raise wrong("the same slug is both added and removed", "keep it under one of 'add' and 'remove'")
        return self


def load(path: Path, known: set[str]) -> tuple[Override, ...]:
    """Read the overrides file (none if it does not exist); raise InputError listing every problem in it.

    `known` holds every theme and region slug."""
    if not path.exists():
        return ()
    name = str(path)
    problems: list[Problem] = []
    found: list[Override] = []
    seen: dict[str, int] = {}
    for item in entries(path, EXAMPLE, empty=True):
        override, found_wrong = _entry(name, item.line, item.lines, item.value, known)
        problems += found_wrong
        line = item.line
        if override and override.paragraph in seen:
            problems.append(Problem(name, line, f"paragraph {override.paragraph} is listed twice (also on line "
                                    f"{seen[override.paragraph]})", "put both decisions in one entry"))
        if override:
            seen.setdefault(override.paragraph, line)
            found.append(override)
    if problems:
        raise InputError(problems)
    return tuple(found)


def _entry(name: str, line: int, lines: dict[str, int], entry: object, known: set[str]) -> tuple[
        Override | None, list[Problem]]:
    if not isinstance(entry, dict):
        return None, [Problem(name, line, "an entry is not a set of 'key: value' lines", f"for example:\n{EXAMPLE}")]
    found, problems = validate(OverrideEntry, entry, path=name, line=line, lines=lines)
    if found is None:
        return None, problems
    for key, slugs in (("add", found.add or []), ("remove", found.remove or [])):
        problems += [Problem(name, lines.get(key, line), f"unknown theme or region '{slug}' under '{key}'",
                             "use a slug of vocabulary/themes.yml or vocabulary/regions.yml")
                     for slug in slugs if slug not in known]
    if problems:
        return None, problems
    return Override(found.paragraph, tuple(found.add or ()), tuple(found.remove or ()), found.reason.strip(), name,
                    line, found.fingerprint), []
