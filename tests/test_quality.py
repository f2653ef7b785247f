"""Quality figures on hand-labelled fixtures (see tests/fixtures/)."""

from __future__ import annotations

from pathlib import Path

from generator.core.records import Corpus
from generator.quality import evaluate

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_line_end_hyphenation_accuracy(corpus: Corpus) -> None:
    result = evaluate.hyphenation(corpus, FIXTURES / "hyphenation.tsv")
    print(f"hyphenation: {result.correct}/{result.total} = {result.share:.2%}", *result.failures, sep="\n  ")
    assert result.total >= 70
    assert result.share >= 0.98, result.failures


def test_theme_and_region_precision_and_recall(corpus: Corpus) -> None:
    themes, regions, disagreements = evaluate.labels(corpus, FIXTURES / "labels.tsv")
    print(f"themes: precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions: precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= 0.9 and themes.recall() >= 0.9, disagreements
    weak = {label: (round(themes.precision(label), 2), round(themes.recall(label), 2)) for label in themes.labels()
            if themes.precision(label) < 0.75 or themes.recall(label) < 0.75}
    assert weak == {}, disagreements
    assert len(themes.labels()) == 15, "every theme is represented in the fixture"
    assert regions.precision() >= 0.95 and regions.recall() >= 0.95, disagreements


def test_fixture_covers_every_document_and_80_paragraphs() -> None:
    rows = [line.split("\t")[0] for line in (FIXTURES / "labels.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) >= 80 and len({r.split("#")[0] for r in rows}) == 5


def test_held_out_paragraphs_stay_reasonable(corpus: Corpus) -> None:
    """Twenty paragraphs never used for tuning: a guard against over-fitting the vocabulary to labels.tsv."""
    themes, regions, disagreements = evaluate.labels(corpus, FIXTURES / "labels-heldout.tsv")
    print(f"held-out themes: precision {themes.precision():.3f}, recall {themes.recall():.3f}")
    assert themes.precision() >= 0.75 and themes.recall() >= 0.75, disagreements
    assert regions.precision() == 1.0 and regions.recall() == 1.0, disagreements


def _keys(name: str) -> list[str]:
    return [line.split("\t")[0] for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_the_blind_held_out_set_is_new_large_and_from_every_document() -> None:
    dev, test = _keys("labels-dev.tsv"), _keys("labels-test.tsv")
    earlier = set(_keys("labels.tsv")) | set(_keys("labels-heldout.tsv"))
    assert len(dev) + len(test) >= 150
    assert set(dev) & set(test) == set() and (set(dev) | set(test)) & earlier == set()
    assert len({key.split("#")[0] for key in test}) == 5 and len({key.split("#")[0] for key in dev}) == 5


def test_theme_precision_and_recall_on_the_untouched_test_half(corpus: Corpus) -> None:
    """The figure readers get on text nobody tuned for (issue 12 aims at 0.9 / 0.9 with no theme below 0.8; this
    holds what the rules reach now, so that no change makes it worse unnoticed)."""
    themes, regions, _ = evaluate.labels(corpus, FIXTURES / "labels-test.tsv")
    print(f"test half: themes precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= 0.86 and themes.recall() >= 0.89
    assert regions.precision() >= 0.95 and regions.recall() >= 0.85
