"""Words readers use for the same thing (vocabulary/synonyms.yml): the search finds each by the others."""

from __future__ import annotations

from pathlib import Path

from ..core.problems import InputError, Problem
from ..core.text import match_form
from .schema import entries

NAME = "synonyms.yml"
EXAMPLE = """- [grensarbeiders, grenswerkers]
- [e-CMR, digitale vrachtbrief]"""
LONGEST = 6
"""Words in one name at most: a synonym is a word or a short phrase, not a sentence."""


def load(path: Path) -> tuple[tuple[str, ...], ...]:
    """Read the synonym groups (each two or more words or short phrases, as written); raise InputError listing every
    problem in the file. A missing file is no synonyms."""
    if not path.exists():
        return ()
    name = str(path)
    problems: list[Problem] = []
    groups: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for item in entries(path, EXAMPLE, empty=True):
        entry, line = item.value, item.line
        if not isinstance(entry, list) or len(entry) < 2:
            problems.append(Problem(name, line, f"an entry is {entry!r}, not a list of two or more names",
                                    f"write the names that mean the same in one list, for example:\n{EXAMPLE}"))
            continue
        wrong = [value for value in entry if not isinstance(value, str) or not match_form(value).strip()
                 or len(match_form(value).split()) > LONGEST]
        if wrong:
            problems.append(Problem(name, line, f"{wrong[0]!r} is not a word or a short phrase",
                                    f"write words or phrases of at most {LONGEST} words, e.g. digitale vrachtbrief"))
            continue
        by_key: dict[str, str] = {}
        for value in entry:
            by_key.setdefault(match_form(value).strip(), value.strip())  # the first spelling of a name counts
        group = tuple(by_key.values())
        for key, value in by_key.items():
            if key in seen:
                problems.append(Problem(name, line, f"'{value}' is listed twice (also on line {seen[key]})",
                                        "put every name in one list: merge the two entries"))
            seen.setdefault(key, line)
        if len(group) < 2:
            problems.append(Problem(name, line, f"the entry names one thing only ({group[0]!r})",
                                    "add the other names it goes by, or remove the entry"))
            continue
        groups.append(group)
    if problems:
        raise InputError(problems)
    return tuple(groups)
