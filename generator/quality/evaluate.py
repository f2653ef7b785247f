"""Quality figures against hand-labelled fixtures: hyphenation accuracy, theme and region precision/recall.

``python -m generator evaluate`` prints them; the tests hold thresholds on the same functions.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from ..analyse import anchors
from ..core import inline
from ..core.problems import InputError, Problem
from ..core.records import Corpus, Document


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
    return [row for _, row in _numbered(fixture)]


def _numbered(fixture: Path) -> list[tuple[int, list[str]]]:
    with fixture.open(encoding="utf-8") as source:
        return [(number, row) for number, row in enumerate(csv.reader(source, delimiter="\t"), start=1)
                if row and not row[0].startswith("#")]


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

    def merge(self, other: Scores) -> None:
        for mine, theirs in ((self.true_positive, other.true_positive), (self.false_positive, other.false_positive),
                             (self.false_negative, other.false_negative)):
            for label, count in theirs.items():
                mine[label] = mine.get(label, 0) + count

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


def rows(fixture: Path) -> list[tuple[str, str, str]]:
    """(paragraph key, themes, regions) of a labels file."""
    return [(row[0], *([*row[1:], "", ""][:2])) for row in _rows(fixture)]  # type: ignore[misc]


def labels(corpus: Corpus, fixture: Path, missing_ok: bool = False) -> tuple[Scores, Scores, list[str]]:
    """Theme and region scores of the classifier against hand labels; plus the disagreements. `missing_ok`:
    rows of documents not in the corpus are left out (else they are an error)."""
    paragraphs = {f"{d.slug}#{p.id}": p for d in corpus.documents for p in d.paragraphs}
    slugs = {d.slug for d in corpus.documents}
    themes, regions, disagreements = Scores(), Scores(), []
    check_fingerprints(corpus, fixture, missing_ok)
    for key, expected_themes, expected_regions in rows(fixture):
        if missing_ok and key.partition("#")[0] not in slugs:
            continue
        paragraph = paragraphs[key]
        want_t, want_r = split(expected_themes), split(expected_regions)
        got_t, got_r = set(paragraph.themes), set(paragraph.regions)
        themes.add(want_t, got_t)
        regions.add(want_r, got_r)
        if want_t != got_t or want_r != got_r:
            disagreements.append(f"{key}: themes +{sorted(got_t - want_t)} -{sorted(want_t - got_t)}"
                                 f" regions +{sorted(got_r - want_r)} -{sorted(want_r - got_r)}"
                                 f" evidence {[(e.slug, e.term) for e in paragraph.evidence]}")
    return themes, regions, disagreements


def check_fingerprints(corpus: Corpus, fixture: Path, missing_ok: bool = False) -> None:
    """Raise InputError naming the line of every label whose paragraph is gone or whose text has changed since it
    was labelled (the fourth column: `anchors.fingerprint` of the text the reader saw)."""
    paragraphs = {f"{d.slug}#{p.id}": p for d in corpus.documents for p in d.paragraphs}
    slugs = {d.slug for d in corpus.documents}
    problems = []
    for number, row in _numbered(fixture):
        key, given = row[0], row[3] if len(row) > 3 else ""
        if missing_ok and key.partition("#")[0] not in slugs:
            continue
        paragraph = paragraphs.get(key)
        if paragraph is None:
            problems.append(Problem(str(fixture), number, f"there is no paragraph {key}",
                                    "check the id; a label of a paragraph that is gone must go too"))
        elif given != anchors.fingerprint(paragraph.text):
            problems.append(Problem(str(fixture), number, f"the text of {key} is not the text that was labelled "
                                    f"(fingerprint {given or 'missing'}, the text's is "
                                    f"{anchors.fingerprint(paragraph.text)})",
                                    "read the paragraph again, correct its labels if need be, and write the text's "
                                    "fingerprint in the fourth column"))
    if problems:
        raise InputError(problems)


def split(cell: str) -> set[str]:
    return {part.strip() for part in cell.split(",") if part.strip()}


HELD_OUT = {
    "labels-test.tsv": "Five texts, earlier labels (rules of their own), test half (labelled blind, only scored)",
    "labels-dev.tsv": "Five texts, earlier labels, development half (labelled blind, looked at while tuning)",
    "labels-heldout.tsv": "Five texts, earlier labels, held-out paragraphs (20)",
}


def report(corpus: Corpus, fixtures: Path, vocabulary_dir: Path = Path("vocabulary")) -> str:
    """All figures as text, for ``python -m generator evaluate``."""
    lines = []
    hyph = hyphenation(corpus, fixtures / "hyphenation.tsv")
    lines.append(f"Line-end hyphenation: {hyph.correct}/{hyph.total} correct ({hyph.share:.1%})")
    lines += [f"  wrong: {f}" for f in hyph.failures]
    themes, regions, disagreements = labels(corpus, fixtures / "labels.tsv")
    held = {name: labels(corpus, fixtures / name) for name in HELD_OUT}
    for name, title in HELD_OUT.items():
        held_themes, held_regions, _ = held[name]
        lines.append(f"{title}: themes precision {held_themes.precision():.3f}, recall {held_themes.recall():.3f}; "
                     f"regions precision {held_regions.precision():.3f}, recall {held_regions.recall():.3f}")
    test_themes = held["labels-test.tsv"][0]
    per_theme = (f"{label} {test_themes.precision(label):.2f}/{test_themes.recall(label):.2f}"
                 for label in test_themes.labels())
    lines.append("  test half per theme (precision/recall): " + ", ".join(per_theme))
    lines.append("Tuning set (labels.tsv, earlier labels):")
    for name, scores in (("Themes", themes), ("Regions", regions)):
        lines.append(f"{name}: precision {scores.precision():.3f}, recall {scores.recall():.3f}")
        for label in scores.labels():
            lines.append(f"  {label:24} precision {scores.precision(label):.2f}  recall {scores.recall(label):.2f}"
                         f"  (tp {scores.true_positive.get(label, 0)}, fp {scores.false_positive.get(label, 0)},"
                         f" fn {scores.false_negative.get(label, 0)})")
    for figure in corpus.conservation:
        lines.append(f"Conservation {figure.slug}: {figure.share:.2%} of {figure.total}")
    from . import generalisation
    lines += generalisation.report(corpus, fixtures, vocabulary_dir)
    lines += ["Disagreements:"] + [f"  {d}" for d in disagreements]
    return "\n".join(lines)
