"""Every file the generator makes: the site record, one job per page or feed, made in parallel when many."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, overload

import jinja2

from ..core import parallel
from ..core.layout import DOCUMENTS, FOLDERS, NAV, SECTIONS, FacetKind
from ..core.presidency import COUNTRIES, presiding_country
from ..core.problems import InputError, Problem
from ..core.records import KINDS, Corpus, Document, Kind, Term
from . import contexts, facets, feeds, overview
from .facets import Facet
from .links import linker, url_maker
from .templating import environment, render

SEARCH_BOOST = 3
"""Theme, region and year pages rank above passages that merely mention their name."""
PARALLEL_FROM = 100
"""From this many files on, they are made in parallel processes (same text, same order)."""
R = TypeVar("R")


@dataclass(frozen=True)
class Site:
    """What every page may show of the whole corpus (the templates' `site`)."""

    themes: list[Facet]
    regions: list[Facet]
    """Regions with at least one paragraph: only those have a page."""
    years: list[Facet]
    """Newest first."""
    documents: list[Document]
    """Newest year first, then by slug."""
    labels: dict[str, str]
    """``themas/<slug>`` or ``regios/<slug>`` → label."""
    region_pages: set[str]
    covered: list[int]
    """The presidency years the documents cover, oldest first."""
    compare_with: list[int]
    """Years to compare the newest presidency with."""
    sections: dict[str, dict[str, str]]
    """Per document: section number as cross-references write it → section anchor."""
    theme_matrix: list[tuple[Facet, list[overview.Cell]]]
    region_matrix: list[tuple[Facet, list[overview.Cell]]]
    countries: dict[str, str]
    kinds: dict[Kind, str]
    search_boost: int = SEARCH_BOOST


@dataclass(frozen=True)
class Job:
    """A file to make."""

    path: str
    """Below the docs folder."""
    make: Callable[[], str]
    """Makes the file's text; called where the file is made, in a worker process if parallel."""
    source: Problem
    """Where the file comes from, for the message when two files claim one path."""
    cost: int = 0
    """A rough cost (the paragraphs it shows), to balance the work."""


@overload
def render_site(corpus: Corpus, templates: Path, *, site_url: str, finish: None = None) -> dict[str, str]: ...


@overload
def render_site(corpus: Corpus, templates: Path, *, site_url: str, finish: Callable[[str, str], R]) -> dict[str, R]: ...


def render_site(corpus: Corpus, templates: Path, *, site_url: str,
                finish: Callable[[str, str], R] | None = None) -> dict[str, Any]:
    """All generated files: path below the docs folder → text (Markdown pages, Atom feeds, the navigation).

    With `finish`, a path maps to `finish(path, text)` instead, called in the process that made the text:
    `write.stage` there saves sending every page back to this process.
    Raises InputError when two files would have one path.
    """
    site = site_record(corpus)
    jobs = page_jobs(corpus, site, environment(templates, site), feeds.template(templates), site_url)
    _check_paths(jobs)
    make = functools.partial(_make, finish)
    if len(jobs) < PARALLEL_FROM:
        made = parallel.map_serial(make, jobs)
    else:
        made = parallel.map_balanced(make, jobs, [job.cost for job in jobs])
    return dict(zip((job.path for job in jobs), made, strict=True))


def site_record(corpus: Corpus) -> Site:
    everything = facets.entries(corpus)
    themes = facets.by_term(corpus, "theme", corpus.themes, everything)
    regions = [f for f in facets.by_term(corpus, "region", corpus.regions, everything) if f.entries]
    years = facets.by_year(corpus, everything)
    covered = sorted(int(f.slug) for f in years)
    return Site(themes=themes, regions=regions, years=years,
                documents=sorted(corpus.documents, key=lambda d: (-d.meta.year, d.slug)),
                labels={f"{FOLDERS['theme']}/{t.slug}": t.label for t in corpus.themes}
                | {f"{FOLDERS['region']}/{r.slug}": r.label for r in corpus.regions},
                region_pages={r.slug for r in regions}, covered=covered, compare_with=_compare_with(covered),
                sections={d.slug: _section_numbers(d) for d in corpus.documents},
                theme_matrix=overview.matrix(themes, covered), region_matrix=overview.matrix(regions, covered),
                countries=COUNTRIES, kinds=dict(KINDS))


def page_jobs(corpus: Corpus, site: Site, env: jinja2.Environment, feed: jinja2.Template, site_url: str) -> list[Job]:
    """One job per generated file, in a fixed order."""
    jobs: list[Job] = []
    built_in = Problem("templates", 1, "", "")

    def page(path: str, template: str, source: Problem, context: Callable[[], dict[str, Any]] = dict,
             cost: int = 0) -> None:
        make = functools.partial(_page, env, site, path, template, context)
        jobs.append(Job(path, make, source, cost))

    page("index.md", "home.md.j2", built_in)
    page(f"{FOLDERS['theme']}/index.md", "facet_index.md.j2", built_in, lambda: dict(facets=site.themes, kind="theme"))
    page(f"{FOLDERS['region']}/index.md", "facet_index.md.j2", built_in,
         lambda: dict(facets=site.regions, kind="region"))
    page(f"{FOLDERS['year']}/index.md", "year_index.md.j2", built_in)
    page(f"{DOCUMENTS}/index.md", "document_index.md.j2", built_in)
    for facet in site.themes + site.regions:
        page(facet.path, "facet.md.j2", _vocabulary_source(facet.kind, facet.slug),
             functools.partial(contexts.facet, facet, site.themes, site.regions, site.covered), len(facet.entries))
    theme_labels = {t.slug: t.label for t in corpus.themes}
    for facet in site.years:
        page(facet.path, "year.md.j2", built_in,
             functools.partial(contexts.year, facet, site.documents, site.themes, site.covered, theme_labels))
    vocabularies: list[tuple[FacetKind, tuple[Term, ...]]] = [("theme", corpus.themes), ("region", corpus.regions)]
    for kind, vocabulary in vocabularies:
        for term in vocabulary:
            for alias in term.aliases:
                page(f"{FOLDERS[kind]}/{alias}.md", "redirect.md.j2", _vocabulary_source(kind, alias),
                     functools.partial(dict, title=term.label, target=f"../{term.slug}/"))
    for doc in site.documents:
        page(f"{DOCUMENTS}/{doc.slug}.md", "document.md.j2", Problem(doc.path, 1, "", ""),
             functools.partial(contexts.document, doc), len(doc.paragraphs))
    for facet in site.themes:
        jobs.append(Job(feeds.theme_path(facet), functools.partial(feeds.theme_text, feed, facet, site_url), built_in))
    jobs.append(Job(feeds.SITE_FEED, functools.partial(feeds.site_text, feed, site.documents, site_url), built_in))
    jobs.append(Job(NAV, functools.partial(navigation, site, corpus), built_in))
    return jobs


def navigation(site: Site, corpus: Corpus) -> str:
    """The navigation as data, for the MkDocs hook: per generated section its title and its pages in order.

    Themes and regions by label; years and documents newest first; pages at an old slug (redirects) left out."""
    def newest_first(path: str) -> tuple[int, ...]:
        return tuple(-ord(c) for c in path)
    pages = {
        FOLDERS["theme"]: [f.path for f in sorted(site.themes, key=lambda f: f.label.lower())],
        FOLDERS["region"]: [f.path for f in sorted(site.regions, key=lambda f: f.label.lower())],
        FOLDERS["year"]: sorted((f.path for f in site.years), key=newest_first),
        DOCUMENTS: sorted((f"{DOCUMENTS}/{d.slug}.md" for d in corpus.documents), key=newest_first),
    }
    sections = [{"folder": folder, "title": title, "pages": [f"{folder}/index.md", *pages[folder]]}
                for folder, title in SECTIONS.items()]
    return json.dumps({"sections": sections}, ensure_ascii=False, indent=1) + "\n"


def _vocabulary_source(kind: FacetKind, slug: str) -> Problem:
    return Problem(f"vocabulary/{kind}s.yml", 1, f"the {kind} '{slug}'", "")


def _check_paths(jobs: list[Job]) -> None:
    """Two files on one path would silently replace each other: name both sources and stop."""
    first: dict[str, Job] = {}
    problems = []
    for job in jobs:
        if job.path in first:
            other = first[job.path]
            problems.append(Problem(job.source.path, job.source.line,
                                    f"the page {job.path} would be made twice: for {_what(job)} and for {_what(other)}",
                                    "give the document or vocabulary entry another slug ('slug:' in a document's "
                                    "front matter); 'index' names the list page of a folder"))
        first.setdefault(job.path, job)
    if problems:
        raise InputError(problems)


def _what(job: Job) -> str:
    if job.source.path == "templates":
        return "the site's own page"
    return job.source.message or job.source.path


def _make(finish: Callable[[str, str], R] | None, job: Job) -> R | str:
    return finish(job.path, job.make()) if finish else job.make()


def _page(env: jinja2.Environment, site: Site, path: str, template: str, context: Callable[[], dict[str, Any]]) -> str:
    return render(env, template, site=site, path=path, link=linker(path), url=url_maker(path), **context())


def _compare_with(covered: list[int]) -> list[int]:
    """Years to compare the newest presidency with: the one before, and the previous one of the same country."""
    if len(covered) < 2:
        return []
    newest = covered[-1]
    same = [y for y in covered[:-1] if presiding_country(y) == presiding_country(newest)]
    return sorted({covered[-2], *same[-1:]}, reverse=True)


def _section_numbers(doc: Document) -> dict[str, str]:
    """Section number as cross-references write it ("2.4") → section anchor; the first of equal numbers wins."""
    targets: dict[str, str] = {}
    for section in doc.sections:
        if section.number:
            targets.setdefault(section.number, section.id)
    return targets
