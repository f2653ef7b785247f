"""Word forms of the whole corpus, used to undo line-end hyphenation."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

TOKEN = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")
HYPHEN_END = re.compile(r"[^\W_]-\s*$")


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
    forms: Counter[str] = Counter()
    parts: Counter[str] = Counter()
    for text in texts:
        broken = False
        for line in text.split("\n"):
            tokens = TOKEN.findall(line)
            if broken and tokens:
                tokens = tokens[1:]
            broken = bool(HYPHEN_END.search(line))
            if broken and tokens:
                tokens = tokens[:-1]
            for token in tokens:
                forms[token.lower()] += 1
                parts.update(p for p in token.split("-") if p)
    return Lexicon(forms=forms, names=frozenset(p for p in parts if p[:1].isupper()))
