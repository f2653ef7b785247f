"""The page about the site (/over/): what the archive holds and what not, and how passages get their themes.

Who publishes the site, its contact address and the date it was built are not the generator's: the MkDocs
template of the page (overrides/over.html) fills them in from mkdocs.yml's `extra` and the build."""

from __future__ import annotations

from ..core.records import Corpus
from .record import Site


def context(corpus: Corpus, site: Site) -> dict[str, object]:
    """The archive in figures, and the editors' corrections of the automatic classification."""
    passages = sum(len(f.entries) for f in site.years)
    corrected = len({o.paragraph for o in corpus.overrides})
    return dict(passages=passages, corrected=corrected, undated=[d for d in site.documents if not d.meta.date],
                kinds=sorted({d.meta.kind.label for d in site.documents}))
