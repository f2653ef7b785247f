"""Analyse every document before writing anything: read → clean → segment → classify."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import classify, clean, conservation, lexicon, read, segment, vocabulary
from .errors import InputError, Problem
from .model import Corpus, Document


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
    themes, regions = classify.Matcher.of(terms["themes"]), classify.Matcher.of(terms["regions"])
    documents, figures = [], []
    for raw in raws:
        draft = clean.clean(raw.body, raw.first_line, clean.Context(raw.meta.furniture, words))
        doc = Document(slug=raw.slug, meta=raw.meta, path=raw.path, sections=segment.segment(draft.blocks),
                       footnotes=draft.footnotes)
        documents.append(classify.classify(doc, themes, regions))
        figures.append(conservation.check(raw, doc))
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
