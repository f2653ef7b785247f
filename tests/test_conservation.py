from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyse import conservation
from generator.core.records import Corpus, Document, RawDocument
from generator.ingest import read


@pytest.fixture(scope="module")
def analysed(corpus: Corpus) -> tuple[dict[str, RawDocument], Corpus]:
    root = Path(__file__).resolve().parent.parent
    return {r.slug: r for r in read.read_all(root / "raw", {k.slug: k for k in corpus.kinds})[0]}, corpus


def test_every_raw_word_is_on_its_page_exactly_once(analysed: tuple[dict, Corpus]) -> None:
    raws, corpus = analysed
    figures = {d.slug: conservation.check(raws[d.slug], d) for d in corpus.documents}
    assert {slug: f.share for slug, f in figures.items()} == {slug: 1.0 for slug in figures}
    assert all(f.total > 4000 for f in figures.values())


def _mutate(doc: Document, how: str) -> Document:
    sections = list(doc.sections)
    target = next(i for i, s in enumerate(sections) if len(s.paragraphs) > 2)
    paragraphs = list(sections[target].paragraphs)
    if how == "drop":
        del paragraphs[1]
    elif how == "duplicate":
        paragraphs.insert(1, paragraphs[1])
    else:
        paragraphs[1] = replace(paragraphs[1], text=paragraphs[1].text.replace(" ", " ge", 1))
    sections[target] = replace(sections[target], paragraphs=tuple(paragraphs))
    return replace(doc, sections=tuple(sections))


@pytest.mark.parametrize("how", ["drop", "duplicate", "glue"])
def test_lost_duplicated_or_changed_text_is_caught(analysed: tuple[dict, Corpus], how: str) -> None:
    raws, corpus = analysed
    doc = next(d for d in corpus.documents if d.slug == "2023-nl-prioriteitenbrief")
    figure = conservation.check(raws[doc.slug], _mutate(doc, how))
    assert figure.share < 1 and figure.line is not None and figure.line > 10


def test_a_lost_footnote_is_caught(analysed: tuple[dict, Corpus]) -> None:
    raws, corpus = analysed
    doc = next(d for d in corpus.documents if d.slug == "2020-nl-resultatenbrief")
    assert conservation.check(raws[doc.slug], replace(doc, footnotes=doc.footnotes[:-1])).share < 1
