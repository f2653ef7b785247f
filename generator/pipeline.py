"""Analyse every document before writing anything: read → clean → segment → classify."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import classify, clean, conservation, lexicon, parallel, read, segment, vocabulary
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
    done = (lambda count: progress(count, len(raws))) if progress else None
    if len(raws) >= PARALLEL_FROM:
        parts = parallel.split([raw.body for raw in raws])
        _share(lexicon.merge(parallel.map_balanced(lexicon.count, parts, [1] * len(parts))), terms["themes"],
               terms["regions"])
        results = parallel.map_balanced(_analyse, raws, [len(raw.body) for raw in raws], done)
    else:
        _share(lexicon.build(raw.body for raw in raws), terms["themes"], terms["regions"])
        results = parallel.map_serial(_analyse, raws, done)
    documents = [doc for doc, _ in results]
    figures = [figure for _, figure in results]
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
    """Set up what every document's analysis needs; forked processes inherit it."""
    _SHARED.update(words=words, themes=classify.Matcher.of(themes), regions=classify.Matcher.of(regions))


def _analyse(raw: RawDocument) -> tuple[Document, Conservation]:
    """Clean, segment and classify one document, and check that its text is kept."""
    words, themes, regions = _SHARED["words"], _SHARED["themes"], _SHARED["regions"]
    draft = clean.clean(raw.body, raw.first_line, clean.Context(raw.meta.furniture, words))  # type: ignore[arg-type]
    doc = Document(slug=raw.slug, meta=raw.meta, path=raw.path, sections=segment.segment(draft.blocks),
                   footnotes=draft.footnotes)
    return classify.classify(doc, themes, regions), conservation.check(raw, doc, draft.kept)  # type: ignore[arg-type]
