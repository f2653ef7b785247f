"""Quality figures on hand-labelled fixtures (see tests/fixtures/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import evaluate, pipeline
from generator.model import Corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    root = Path(__file__).resolve().parent.parent
    return pipeline.analyse(raw_dir=root / "raw", vocabulary_dir=root / "vocabulary")


def test_line_end_hyphenation_accuracy(corpus: Corpus) -> None:
    result = evaluate.hyphenation(corpus, FIXTURES / "hyphenation.tsv")
    print(f"hyphenation: {result.correct}/{result.total} = {result.share:.2%}", *result.failures, sep="\n  ")
    assert result.total >= 70
    assert result.share >= 0.98, result.failures
