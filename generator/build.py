"""The build, phase by phase: analyse every document, then render every page, then write what changed."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .core.layout import ANALYSIS
from .site import state, write

if TYPE_CHECKING:
    from .core.records import Corpus

PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Outcome:
    """What a build did."""

    seconds: float
    corpus: Corpus | None = None
    """None when nothing changed since the last build (and nothing was read)."""
    written: write.Report | None = None
    site_url: str = ""
    """The site's absolute address the pages were made for; "" when none is configured."""


def build(*, raw_dir: Path, vocabulary_dir: Path, templates_dir: Path, out: Path, site_url: str,
          directory_urls: bool = True, progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Generate the docs folder `out`; raise InputError (and write nothing) when the input has problems.

    `directory_urls`: MkDocs' `use_directory_urls`, which every address the pages write follows.
    `progress(done, total)` is called after each document is analysed."""
    start = time.perf_counter()
    # Nothing to do when the inputs are those of the last build and its files are still as it wrote them.
    settings = f"{site_url} {directory_urls}"
    inputs = state.fingerprint([raw_dir, vocabulary_dir, templates_dir, PACKAGE], extra=settings)
    if state.unchanged(out, inputs):
        return Outcome(time.perf_counter() - start)
    # Imported here: a build with nothing to do should not pay for loading the whole generator.
    from .analyse import cache
    from .analyse.corpus import analyse
    from .ingest import register, synonyms
    from .site import images, record, render

    threshold = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)  # as mypy does: a build makes millions of objects that live to its end
    try:
        # Gather: the search's synonyms (a bad entry stops the build before any document is read); read, clean,
        # segment and classify every document whose analysis is not cached.
        groups = synonyms.load(vocabulary_dir / synonyms.NAME)
        corpus = replace(analyse(raw_dir=raw_dir, vocabulary_dir=vocabulary_dir, progress=progress,
                                 cache_dir=out / ANALYSIS), synonyms=groups)
        # Render every page; each is staged beside its target by the process that rendered it.
        site = record.site_record(corpus, directory_urls)
        staged = render.render_site(corpus, templates_dir, site_url=site_url, site=site,
                                    finish=lambda path, text: write.stage(out, path, text))
    except BaseException:
        write.discard(out)
        cache.discard(out / ANALYSIS)
        raise
    finally:
        gc.set_threshold(*threshold)
    # Now write: put the staged pages in place at once, remove what no document produces any more.
    written = write.commit(out, staged)
    cache.commit(out / ANALYSIS, {doc.slug for doc in corpus.documents})
    # The link-preview images (binary, beside the pages): only those whose bytes changed are written.
    images.write_all(out, images.cards(site))
    # The ids given to new text, kept for the next build (raw/anchors/); they are an input of that build.
    if register.write_all(raw_dir, corpus.documents):
        inputs = state.fingerprint([raw_dir, vocabulary_dir, templates_dir, PACKAGE], extra=settings)
    state.save(out, inputs, list(staged))
    return Outcome(time.perf_counter() - start, corpus, written, site_url)

