"""Quality figures against hand-labelled fixtures: hyphenation accuracy, theme and region precision/recall.

``python -m generator evaluate`` prints them; the tests hold thresholds on the same functions.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from . import inline
from .model import Corpus, Document


@dataclass(frozen=True)
class Accuracy:
    correct: int
    total: int
    failures: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.correct / self.total if self.total else 0.0


def hyphenation(corpus: Corpus, fixture: Path) -> Accuracy:
    """How many labelled line-end hyphenations the cleaner resolves as a reader would."""
    docs = {d.slug: d for d in corpus.documents}
    correct, failures = 0, []
    rows = _rows(fixture)
    for slug, line, pair, expected in rows:
        left, right = (part.strip() for part in pair.split(" / "))
        kept, dropped = left + right, left[:-1] + right
        other = kept if expected == dropped else dropped
        text = _text_at(docs[slug], int(line))
        if expected in text and other not in text:
            correct += 1
        else:
            failures.append(f"{slug}:{line}: {pair} → expected {expected!r}")
    return Accuracy(correct, len(rows), tuple(failures))


def _text_at(doc: Document, line: int) -> str:
    """The plain text of the paragraph, heading or footnote that holds raw line `line`."""
    spans = [(s.line, s.title or "") for s in doc.sections] + [(p.line, p.text) for p in doc.paragraphs]
    spans += [(n.line, n.text) for n in doc.footnotes]
    candidates = [(start, text) for start, text in spans if start <= line]
    start = max(s for s, _ in candidates)
    return " ".join(inline.plain(t) for s, t in candidates if s == start)


def _rows(fixture: Path) -> list[list[str]]:
    with fixture.open(encoding="utf-8") as source:
        return [row for row in csv.reader(source, delimiter="\t") if row and not row[0].startswith("#")]


@dataclass
class Scores:
    """Precision and recall per label and overall (micro-averaged)."""

    true_positive: dict[str, int] = field(default_factory=dict)
    false_positive: dict[str, int] = field(default_factory=dict)
    false_negative: dict[str, int] = field(default_factory=dict)

    def add(self, expected: set[str], found: set[str]) -> None:
        for label in expected & found:
            self.true_positive[label] = self.true_positive.get(label, 0) + 1
        for label in found - expected:
            self.false_positive[label] = self.false_positive.get(label, 0) + 1
        for label in expected - found:
            self.false_negative[label] = self.false_negative.get(label, 0) + 1

    def precision(self, label: str | None = None) -> float:
        tp, fp = self._count(self.true_positive, label), self._count(self.false_positive, label)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, label: str | None = None) -> float:
        tp, fn = self._count(self.true_positive, label), self._count(self.false_negative, label)
        return tp / (tp + fn) if tp + fn else 1.0

    def labels(self) -> list[str]:
        return sorted(set(self.true_positive) | set(self.false_positive) | set(self.false_negative))

    @staticmethod
    def _count(counts: dict[str, int], label: str | None) -> int:
        return sum(counts.values()) if label is None else counts.get(label, 0)
