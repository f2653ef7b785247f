"""One job per generated file: its path, where it comes from, and the function that makes its text."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import jinja2

from ..core.layout import DOCUMENTS, FOLDERS, NAV, RECORDS, SEARCH, FacetKind
from ..core.problems import InputError, Problem
from ..core.records import Corpus, Term
from . import about, contexts, feeds, follow, search
from .links import linker, url_maker
from .navigation import navigation
from .record import Site
from .templating import render


@dataclass(frozen=True)
class Source:
    """What a generated file is made for, to name both when two files claim one path."""

    path: str
    """The input it comes from: a raw file, a vocabulary, or the templates for the site's own pages."""
    what: str
    """As a message says it: "raw/x.txt", "the theme 'energie'", "the site's own page"."""


SITE_PAGE = Source("templates", "the site's own page")


@dataclass(frozen=True)
class Job:
    """A file to make."""

    path: str
    """Below the docs folder."""
    make: Callable[[], str]
    """Makes the file's text; called where the file is made, in a worker process if parallel."""
    source: Source
    cost: int = 0
    """A rough cost (the paragraphs it shows), to balance the work."""


def page_jobs(corpus: Corpus, site: Site, env: jinja2.Environment, feed: jinja2.Template, site_url: str) -> list[Job]:
    """One job per generated file, in a fixed order."""
    jobs: list[Job] = []
    def page(path: str, template: str, source: Source, context: Callable[[], dict[str, object]] = dict,
             cost: int = 0) -> None:
        make = functools.partial(_page, env, site, path, template, context)
        jobs.append(Job(path, make, source, cost))

    page("index.md", "home.md.j2", SITE_PAGE)
    page(f"{FOLDERS['theme']}/index.md", "facet_index.md.j2", SITE_PAGE, lambda: dict(facets=site.themes, kind="theme"))
    page(f"{FOLDERS['region']}/index.md", "facet_index.md.j2", SITE_PAGE,
         lambda: dict(facets=site.regions, kind="region"))
    page(f"{FOLDERS['year']}/index.md", "year_index.md.j2", SITE_PAGE)
    page(f"{DOCUMENTS}/index.md", "document_index.md.j2", SITE_PAGE)
    page(f"{SEARCH}/index.md", "search.md.j2", SITE_PAGE, functools.partial(search.page_context, site))
    for facet in site.themes + site.regions:
        page(facet.path, "facet.md.j2", _vocabulary_source(facet.kind, facet.slug),
             functools.partial(contexts.facet, facet, site.themes, site.regions, site.covered), len(facet.entries))
    for facet in site.themes + site.regions:
        for year, items in facet.years():
            page(facet.year_path(year), "facet_year.md.j2",
                 _vocabulary_source(facet.kind, facet.slug), functools.partial(contexts.facet_year, facet, year, items),
                 len(items))
    theme_labels = {t.slug: t.label for t in corpus.themes}
    for facet in site.years:
        page(facet.path, "year.md.j2", SITE_PAGE,
             functools.partial(contexts.year, facet, site.documents, site.themes, site.covered, theme_labels,
                               site.totals))
    vocabularies: list[tuple[FacetKind, tuple[Term, ...]]] = [("theme", corpus.themes), ("region", corpus.regions)]
    for kind, vocabulary in vocabularies:
        for term in vocabulary:
            for alias in term.aliases:
                page(f"{FOLDERS[kind]}/{alias}.md", "redirect.md.j2", _vocabulary_source(kind, alias),
                     functools.partial(dict, title=term.label, target=f"../{term.slug}/"))
    for doc in site.documents:
        page(f"{DOCUMENTS}/{doc.slug}.md", "document.md.j2", Source(doc.path, doc.path),
             functools.partial(contexts.document, doc), len(doc.paragraphs))
    for facet in (*site.themes, *site.regions):
        jobs.append(Job(feeds.facet_path(facet),
                        functools.partial(feeds.facet_text, feed, facet, site.documents, site_url), SITE_PAGE))
        page(follow.facet_path(facet), "follow.md.j2", SITE_PAGE,
             functools.partial(_with_site_url, site_url, follow.facet_context, facet, site.documents))
    page(follow.SITE_PAGE, "follow.md.j2", SITE_PAGE,
         functools.partial(_with_site_url, site_url, follow.site_context, site.documents, site.themes, site.regions))
    page(about.PAGE, "about.md.j2", SITE_PAGE, functools.partial(about.context, corpus, site))
    jobs.append(Job(feeds.SITE_FEED, functools.partial(feeds.site_text, feed, site.documents, site_url), SITE_PAGE))
    jobs.append(Job(NAV, functools.partial(navigation, site, corpus), SITE_PAGE))
    jobs.append(Job(RECORDS, functools.partial(search.records_text, corpus, site), SITE_PAGE,
                    sum(len(d.paragraphs) for d in corpus.documents)))
    return jobs


def _with_site_url(site_url: str, context: Callable[..., dict[str, object]], *args: object) -> dict[str, object]:
    return {**context(*args), "site_url": site_url}


def _vocabulary_source(kind: FacetKind, slug: str) -> Source:
    return Source(f"vocabulary/{kind}s.yml", f"the {kind} '{slug}'")


def check_paths(jobs: list[Job]) -> None:
    """Two files on one path would silently replace each other: name both sources and stop."""
    first: dict[str, Job] = {}
    problems = []
    for job in jobs:
        if job.path in first:
            other = first[job.path]
            problems.append(Problem(job.source.path, 1, f"the page {job.path} would be made twice: for "
                                                        f"{job.source.what} and for {other.source.what}",
                                    "give the document or vocabulary entry another slug ('slug:' in a document's "
                                    "front matter); 'index' names the list page of a folder"))
        first.setdefault(job.path, job)
    if problems:
        raise InputError(problems)


Context = Callable[[], dict[str, object]]
"""What a page shows besides the site record: called where the page is rendered."""


def _page(env: jinja2.Environment, site: Site, path: str, template: str, context: Context) -> str:
    return render(env, template, site=site, path=path, link=linker(path), url=url_maker(path), **context())
