"""The analysis cache: what is analysed again after an edit, and that its corpus equals a full analysis."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import FRONT, ROOT

from generator.analyse import cache as cache_module
from generator.analyse import corpus as corpus_module
from generator.core.records import Corpus, Document, RawDocument

BROKEN = "Wij werken aan de grens-\noverschrijdende samenwerking tussen de drie landen.\n"
"""A line-end hyphen that the corpus's word forms decide: joined unless the corpus writes `grens-overschrijdende`."""
HYPHENATED = "De grens-overschrijdende aanpak werkt. Grens-overschrijdende projecten lopen.\n"
"""Another document that writes the hyphenated form twice: from then on the hyphen of `BROKEN` is kept."""


def front(title: str, year: int) -> str:
    return FRONT.replace("title: Testbrief", f"title: {title}").replace("year: 2026", f"year: {year}")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slugs of the documents analysed (not taken from the cache), in order."""
    analysed: list[str] = []
    original: Callable[..., tuple[Document, object]] = corpus_module.analyse_one

    def counting(shared: corpus_module.Shared, raw: RawDocument) -> tuple[Document, object]:
        analysed.append(raw.slug)
        return original(shared, raw)
    monkeypatch.setattr(corpus_module, "analyse_one", counting)
    return analysed


def analyse(raw: Path, cache: Path | None) -> Corpus:
    """The corpus of `raw`, as a build analyses it: with `cache`, the new entries put in place afterwards."""
    analysed = corpus_module.analyse(raw_dir=raw, vocabulary_dir=ROOT / "vocabulary", cache_dir=cache)
    if cache:
        cache_module.commit(cache, {doc.slug for doc in analysed.documents})
    return analysed


def texts(corpus: Corpus) -> str:
    return "\n".join(p.text for d in corpus.documents for p in d.paragraphs)


def test_only_changed_documents_are_analysed_again_and_the_corpus_is_that_of_a_full_analysis(
        tmp_path: Path, counted: list[str]) -> None:
    raw, cache = tmp_path / "raw", tmp_path / "cache"
    raw.mkdir()
    (raw / "2024-a.txt").write_text(front("A", 2024) + BROKEN, encoding="utf-8")
    (raw / "2025-b.txt").write_text(front("B", 2025) + "De landen werken samen aan energie.\n", encoding="utf-8")
    analyse(raw, cache)
    assert sorted(counted) == ["2024-a", "2025-b"]
    counted.clear()
    assert analyse(raw, cache) == analyse(raw, None)
    assert counted == ["2024-a", "2025-b"], "nothing changed: only the analysis without cache analysed anything"
    counted.clear()

    # An edit: that document alone is analysed again.
    (raw / "2025-b.txt").write_text(front("B", 2025) + "De landen werken samen aan waterstof.\n", encoding="utf-8")
    incremental = analyse(raw, cache)
    assert counted == ["2025-b"]
    assert incremental == analyse(raw, None)
    counted.clear()

    # A new document changes how the corpus decides the hyphen in 2024-a: 2024-a is analysed again too.
    assert "grensoverschrijdende" in texts(incremental)
    (raw / "2026-c.txt").write_text(front("C", 2026) + HYPHENATED, encoding="utf-8")
    incremental = analyse(raw, cache)
    assert sorted(counted) == ["2024-a", "2026-c"]
    assert "de grens-overschrijdende samenwerking" in texts(incremental)
    assert incremental == analyse(raw, None)
    counted.clear()

    # A removed document: its entry goes, and the hyphen of 2024-a is joined again.
    (raw / "2026-c.txt").unlink()
    incremental = analyse(raw, cache)
    assert counted == ["2024-a"]
    assert "grensoverschrijdende" in texts(incremental)
    assert sorted(p.stem for p in cache.iterdir()) == ["2024-a", "2025-b"]
    assert incremental == analyse(raw, None)


def test_an_unreadable_cache_entry_is_analysed_again(tmp_path: Path, counted: list[str]) -> None:
    raw, cache = tmp_path / "raw", tmp_path / "cache"
    raw.mkdir()
    (raw / "2024-a.txt").write_text(front("A", 2024) + BROKEN, encoding="utf-8")
    full = analyse(raw, cache)
    (cache / "2024-a.pickle").write_bytes(b"not a pickle")
    counted.clear()
    assert analyse(raw, cache) == full
    assert counted == ["2024-a"]
