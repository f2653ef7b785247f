"""Analyse every document before writing anything: read → clean → segment → classify."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from pathlib import Path

from . import classify, clean, conservation, lexicon, read, segment, vocabulary
from .errors import InputError, Problem
from .model import Conservation, Corpus, Document, RawDocument, Term


def analyse(*, raw_dir: Path, vocabulary_dir: Path, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Read and analyse the whole corpus; raise InputError with every problem found.

    `progress(done, total)` is called after each document, for a progress bar.
    """
    problems, warnings = [], []
    try:
        raws, warnings = read.read_all(raw_dir)
    except InputError as err:
        problems += err.problems
        raws = []
    terms = {}
    for name in ("themes", "regions"):
        try:
            terms[name] = vocabulary.load(vocabulary_dir / f"{name}.yml")
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    words = lexicon.build(raw.body for raw in raws)
    shared = (words, terms["themes"], terms["regions"])
    documents, figures = [], []
    parallel = len(raws) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1
    with ProcessPoolExecutor(initializer=_share, initargs=shared) if parallel else nullcontext() as pool:
        if pool is None:
            _share(*shared)
        for doc, figure in pool.map(_analyse, raws, chunksize=4) if pool else map(_analyse, raws):
            documents.append(doc)
            figures.append(figure)
            if progress:
                progress(len(documents), len(raws))
    lost = [(raw, f) for raw, f in zip(raws, figures) if f.share < 1]
    if lost:
        raise InputError([Problem(raw.path, f.line or 1, f"text would be lost or duplicated here ({f.share:.2%} kept): "
                                  f"the raw text has '{f.expected}…', the page '{f.found}…'",
                                  "this is a cleaner bug: report it with this file; meanwhile check the furniture patterns")
                          for raw, f in lost])
    return Corpus(documents=tuple(documents), themes=terms["themes"], regions=terms["regions"],
                  conservation=tuple(figures), warnings=tuple(warnings))


PARALLEL_FROM = 12
"""From this many documents on, documents are analysed in parallel processes (same results, same order)."""
_SHARED: dict[str, object] = {}


def _share(words: lexicon.Lexicon, themes: tuple[Term, ...], regions: tuple[Term, ...]) -> None:
    """Set up what every document's analysis needs, once per process."""
    _SHARED.update(words=words, themes=classify.Matcher.of(themes), regions=classify.Matcher.of(regions))


def _analyse(raw: RawDocument) -> tuple[Document, Conservation]:
    """Clean, segment and classify one document, and check that its text is kept."""
    words, themes, regions = _SHARED["words"], _SHARED["themes"], _SHARED["regions"]
    draft = clean.clean(raw.body, raw.first_line, clean.Context(raw.meta.furniture, words))  # type: ignore[arg-type]
    doc = Document(slug=raw.slug, meta=raw.meta, path=raw.path, sections=segment.segment(draft.blocks),
                   footnotes=draft.footnotes)
    return classify.classify(doc, themes, regions), conservation.check(raw, doc, draft.kept)  # type: ignore[arg-type]
