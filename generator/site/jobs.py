"""One job per generated file: its path, where it comes from, and the function that makes its text; one per page of
the model (`pages`), and the navigation and search records."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import jinja2

from ..core.layout import DOCUMENTS, FOLDERS, NAV, RECORDS
from ..core.problems import InputError, Problem
from ..core.records import Corpus, Document, Term
from . import about, contexts, feeds, follow, search
from .facets import Facet
from .links import linker, url_maker
from .navigation import navigation
from .pages import SITE_PAGE, Page, PageKind, Source, relative
from .record import Site
from .templating import render


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
    """One job per page of the model, in its order, and the two data files the hook and the search index read."""
    theme_labels = {t.slug: t.label for t in corpus.themes}
    jobs = [_job(page, corpus, site, env, feed, site_url, theme_labels) for page in site.pages]
    jobs.append(Job(NAV, functools.partial(navigation, site), SITE_PAGE))
    jobs.append(Job(RECORDS, functools.partial(search.records_text, corpus, site), SITE_PAGE,
                    sum(len(d.paragraphs) for d in corpus.documents)))
    return jobs


TEMPLATES: dict[PageKind, str] = {"home": "home.md.j2", "search": "search.md.j2", "theme": "facet.md.j2",
                                  "region": "facet.md.j2", "theme-year": "facet_year.md.j2",
                                  "region-year": "facet_year.md.j2", "year": "year.md.j2", "document": "document.md.j2",
                                  "redirect": "redirect.md.j2", "about": "about.md.j2", "follow": "follow.md.j2"}
"""The template of each kind of page (an index page's depends on what it lists)."""
INDEXES = {FOLDERS["theme"]: "facet_index.md.j2", FOLDERS["region"]: "facet_index.md.j2",
           FOLDERS["year"]: "year_index.md.j2", DOCUMENTS: "document_index.md.j2"}


def _job(page: Page, corpus: Corpus, site: Site, env: jinja2.Environment, feed: jinja2.Template, site_url: str,
         theme_labels: dict[str, str]) -> Job:
    subject = page.subject
    if page.kind == "feed":
        make = functools.partial(feeds.facet_text, feed, subject, site, site_url) if isinstance(subject, Facet) \
            else functools.partial(feeds.site_text, feed, site, site_url)
        return Job(page.src, make, page.source)
    context: Context = dict
    cost = 0
    if page.kind == "index" and page.key in (FOLDERS["theme"], FOLDERS["region"]):
        kind = "theme" if page.key == FOLDERS["theme"] else "region"
        context = functools.partial(dict, facets=site.themes if kind == "theme" else site.regions, kind=kind)
    elif page.kind == "search":
        context = functools.partial(search.page_context, site)
    elif page.kind in ("theme", "region") and isinstance(subject, Facet):
        context = functools.partial(contexts.facet, subject, site.themes, site.regions, site.covered)
        cost = len(subject.entries)
    elif page.kind in ("theme-year", "region-year") and isinstance(subject, Facet) and page.year is not None:
        items = dict(subject.years())[page.year]
        context, cost = functools.partial(contexts.facet_year, subject, page.year, items), len(items)
    elif page.kind == "year" and isinstance(subject, Facet):
        context = functools.partial(contexts.year, subject, site.documents, site.themes, site.covered, theme_labels,
                                    site.totals)
    elif page.kind == "redirect" and isinstance(subject, Term):
        target = site.pages.get(page.key.partition("/")[0], subject.slug)  # type: ignore[arg-type]
        context = functools.partial(dict, title=subject.label, target=relative(target.url, page.url))
    elif page.kind == "document" and isinstance(subject, Document):
        context, cost = functools.partial(contexts.document, subject), len(subject.paragraphs)
    elif page.kind == "about":
        context = functools.partial(about.context, corpus, site)
    elif page.kind == "follow" and isinstance(subject, Facet):
        context = functools.partial(_with_site_url, site_url, follow.facet_context, subject, site.documents, site.pages)
    elif page.kind == "follow":
        context = functools.partial(_with_site_url, site_url, follow.site_context, site.documents, site.themes,
                                    site.regions, site.pages)
    template = INDEXES[page.key] if page.kind == "index" else TEMPLATES[page.kind]
    return Job(page.src, functools.partial(_page, env, site, page, template, context), page.source, cost)


def _with_site_url(site_url: str, context: Callable[..., dict[str, object]], *args: object) -> dict[str, object]:
    return {**context(*args), "site_url": site_url}


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


def _page(env: jinja2.Environment, site: Site, page: Page, template: str, context: Context) -> str:
    return render(env, template, site=site, page=page, path=page.src, link=linker(page, site.pages),
                  url=url_maker(page, site.pages), **context())
