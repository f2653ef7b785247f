"""Word forms of the whole corpus, used to undo line-end hyphenation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.text import hyphen_end

TOKEN = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")


@dataclass(frozen=True)
class Lexicon:
    """How often each word form occurs whole (not broken at a line end)."""

    forms: Counter[str]
    """Lower-cased tokens, hyphenated compounds kept whole."""
    names: frozenset[str]
    """Capitalised parts that occur as words of their own (Benelux, Penta)."""

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Decide whether ``left-`` at a line end and ``right`` on the next line form a hyphenated word."""
        if not right or right[0].isupper() or right[0].isdigit() or left[-1:].isdigit():
            return True
        whole = (left + right).lower()
        hyphenated = f"{left}-{right}".lower()
        if self.forms[whole] or self.forms[hyphenated]:
            return self.forms[hyphenated] > self.forms[whole]
        last = left.rsplit("-", 1)[-1]
        return last[:1].isupper() and last in self.names


def build(texts: Iterable[str]) -> Lexicon:
    """Collect word forms from raw texts, skipping the halves of line-end hyphenations."""
    return merge([count(texts)])


Counts = tuple[Counter[str], Counter[str]]
"""White-space separated chunks of some texts, and the halves of their line-end hyphenations."""


def count(texts: Iterable[str]) -> Counts:
    """The counts `merge` needs; texts may be counted in parts, in parallel."""
    chunks: Counter[str] = Counter()
    halves: Counter[str] = Counter()
    for text in texts:
        chunks.update(text.split())  # tokens never span white space; most chunks recur, so each is scanned once
        halves.update(_broken_halves(text.split("\n")))
    return chunks, halves


def merge(parts: Iterable[Counts]) -> Lexicon:
    """The lexicon of all texts counted in `parts`."""
    chunks: Counter[str] = Counter()
    halves: Counter[str] = Counter()
    for part_chunks, part_halves in parts:
        chunks.update(part_chunks)
        halves.update(part_halves)
    counts: Counter[str] = Counter()
    for chunk, n in chunks.items():
        for token in TOKEN.findall(chunk):
            counts[token] += n
    counts.subtract(halves)
    forms: Counter[str] = Counter()
    names: set[str] = set()
    for token, n in counts.items():
        if n > 0:
            forms[token.lower()] += n
            names.update(p for p in token.split("-") if p[:1].isupper())
    return Lexicon(forms=forms, names=frozenset(names))


def _broken_halves(lines: list[str]) -> list[str]:
    """The tokens on either side of every line-end hyphen: the last of its line and the first of the next."""
    halves = []
    broken = False
    for i, line in enumerate(lines):
        was_broken, broken = broken, _hyphen_end(line)
        if broken:
            halves += TOKEN.findall(line)[was_broken:][-1:]
            halves += TOKEN.findall(lines[i + 1])[:1] if i + 1 < len(lines) else []
    return halves


def _hyphen_end(line: str) -> bool:
    """Whether the line ends in a word broken by a hyphen (the rule the blocks step joins by)."""
    return hyphen_end(line.rstrip()) is not None
