"""Analyse every document before anything is written: read → clean → segment → classify → conservation."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..clean import lexicon
from ..clean.chain import clean
from ..clean.draft import Context
from ..core import parallel
from ..core.problems import InputError, Problem
from ..core.records import Conservation, Corpus, Document, DocumentKind, Override, RawDocument, Term
from ..ingest import kinds as document_kinds
from ..ingest import overrides as overrides_file
from ..ingest import read, vocabulary
from . import anchors, cache, classify, conservation, cover, overrides, parts, segment, summary

PARALLEL_FROM = 12
"""From this many documents on, documents are analysed in parallel processes (same results, same order)."""


@dataclass(frozen=True)
class Shared:
    """What every document's analysis needs: the corpus's word forms and both vocabularies, compiled."""

    words: lexicon.Lexicon
    themes: classify.Matcher
    regions: classify.Matcher


def analyse(*, raw_dir: Path, vocabulary_dir: Path, progress: Callable[[int, int], None] | None = None,
            cache_dir: Path | None = None) -> Corpus:
    """Read and analyse the whole corpus; raise InputError with every problem found.

    `progress(done, total)` is called after each document, for a progress bar. With `cache_dir`, only the
    documents whose analysis may differ from the one kept there are analysed again (`cache`).
    """
    raws, warnings, themes, regions, decisions, kinds = _inputs(raw_dir, vocabulary_dir)
    done = (lambda count: progress(count, len(raws))) if progress else None
    if len(raws) >= PARALLEL_FROM:
        parts = parallel.split([raw.body for raw in raws])
        words = lexicon.merge(parallel.map_balanced(lexicon.count, parts, [1] * len(parts)))
    else:
        words = lexicon.build(raw.body for raw in raws)
    matchers = _shared(words, themes, regions)
    results = cache.analyse_all(raws, words, lambda w, raw: analyse_one(dataclasses.replace(matchers, words=w), raw),
                                folder=cache_dir, shared=cache.context(themes, regions), parallel_from=PARALLEL_FROM,
                                done=done)
    figures = [figure for _, figure in results]
    lost = [(raw, f) for raw, f in zip(raws, figures, strict=True) if f.share < 1]
    if lost:
        raise InputError([Problem(raw.path, f.line or 1, f"text would be lost or duplicated here ({f.share:.2%} kept): "
                                  f"the raw text has '{f.expected}…', the page '{f.found}…'",
                                  "this is a cleaner bug: report it with this file; "
                                  "meanwhile check the furniture patterns")
                          for raw, f in lost])
    documents, ignored = overrides.apply(tuple(doc for doc, _ in results), decisions, themes)
    return Corpus(documents=documents, themes=themes, regions=regions, kinds=kinds, conservation=tuple(figures),
                  warnings=(*warnings, *ignored), overrides=decisions)


def _inputs(raw_dir: Path, vocabulary_dir: Path) -> tuple[list[RawDocument], list[Problem], tuple[Term, ...],
                                                          tuple[Term, ...], tuple[Override, ...],
                                                          tuple[DocumentKind, ...]]:
    """The raw documents, the warnings, both vocabularies and the editors' overrides; every problem of all of
    them at once."""
    problems: list[Problem] = []
    raws: list[RawDocument] = []
    warnings: list[Problem] = []
    kinds: tuple[DocumentKind, ...] = ()
    try:
        kinds = document_kinds.load(vocabulary_dir / document_kinds.NAME)
        raws, warnings = read.read_all(raw_dir, {k.slug: k for k in kinds})
    except InputError as err:
        problems += err.problems
    terms: dict[str, tuple[Term, ...]] = {}
    for name in ("themes", "regions"):
        try:
            terms[name] = vocabulary.load(vocabulary_dir / f"{name}.yml")
        except InputError as err:
            problems += err.problems
    decisions: tuple[Override, ...] = ()
    if len(terms) == 2:
        problems += vocabulary.check_regions(terms["themes"], terms["regions"], vocabulary_dir / "themes.yml")
        known = {t.slug for t in terms["themes"] + terms["regions"]}
        try:
            decisions = overrides_file.load(vocabulary_dir / overrides_file.NAME, known)
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    return raws, warnings, terms["themes"], terms["regions"], decisions, kinds


def _shared(words: lexicon.Lexicon, themes: tuple[Term, ...], regions: tuple[Term, ...]) -> Shared:
    return Shared(words, classify.Matcher.of(themes, regions), classify.Matcher.of(regions, enumerations=False))


def analyse_one(shared: Shared, raw: RawDocument) -> tuple[Document, Conservation]:
    """Clean, segment, mark its parts and classify one document, and check that its text is kept; last, its cover
    lines leave its sections (the classification has read them as headings, as before)."""
    draft = clean(raw.body, raw.first_line, Context(raw.meta.furniture, shared.words))
    sections, given = anchors.pin(segment.segment(draft.blocks), raw.anchors)
    doc = parts.mark(Document(slug=raw.slug, meta=raw.meta, path=raw.path, sections=sections,
                              footnotes=draft.footnotes, anchors=given))
    analysed = cover.split(summary.summarise(classify.classify(doc, shared.themes, shared.regions)))
    return analysed, conservation.check(raw, analysed, draft.kept)
