"""Render every page of the site as Markdown text, from Jinja2 templates."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from . import contexts, facets, feeds, inline, overview, parallel
from .facets import Entry
from .model import Corpus, Document
from .presidency import COUNTRIES, presiding_country
from .read import KINDS

SEARCH_BOOST = 3
"""Theme, region and year pages rank above passages that merely mention their name."""
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def render_site(corpus: Corpus, templates: Path, site_url: str = "https://example.org/",
                finish: Callable[[str, str], Any] | None = None) -> dict[str, Any]:
    """All generated files: path below the docs folder → text (Markdown pages, Atom feeds).

    With `finish`, a path maps to `finish(path, text)` instead, called in the process that made the text:
    `write.stage` there saves sending every page back to this process.
    """
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters.update(md=_markdown, plain=inline.plain, yaml=_yaml_string, date=_date, section_path=section_path, why=_why)
    env.globals.update(changes=_overview_changes, label_links=_label_links(env.get_template("_macros.md.j2").module.labels))
    everything = facets.entries(corpus)
    themes = facets.by_term(corpus, "themas", corpus.themes, "themes", everything)
    regions = [f for f in facets.by_term(corpus, "regios", corpus.regions, "regions", everything) if f.entries]
    years = facets.by_year(corpus, everything)
    documents = sorted(corpus.documents, key=lambda d: (-d.meta.year, d.slug))
    labels = {f"themas/{t.slug}": t.label for t in corpus.themes} | {f"regios/{r.slug}": r.label for r in corpus.regions}
    covered = sorted(int(f.slug) for f in years)
    site: dict[str, Any] = dict(themes=themes, regions=regions, years=years, documents=documents, labels=labels,
                                countries=COUNTRIES, kinds=KINDS, region_pages={r.slug for r in regions},
                                search_boost=SEARCH_BOOST, covered=covered, compare_with=_compare_with(covered),
                                sections={d.slug: _section_numbers(d) for d in corpus.documents}, markdown={},
                                theme_matrix=overview.matrix(themes, covered),
                                region_matrix=overview.matrix(regions, covered))
    jobs: list[Job] = []

    def page(path: str, template: str, context: Callable[[], dict[str, Any]] = dict, size: int = 0) -> None:
        """Queue a page; `context()` is called where the page is rendered, in a worker process if parallel."""
        jobs.append((path, size, functools.partial(_render, env, site, path, template, context)))

    page("index.md", "home.md.j2")
    page("themas/index.md", "facet_index.md.j2", lambda: dict(facets=themes, kind="themas"))
    page("regios/index.md", "facet_index.md.j2", lambda: dict(facets=regions, kind="regios"))
    page("jaren/index.md", "year_index.md.j2")
    page("documenten/index.md", "document_index.md.j2")
    theme_labels = {t.slug: t.label for t in corpus.themes}
    for facet in themes + regions:
        page(facet.path, "facet.md.j2", functools.partial(contexts.facet, facet, themes, regions, covered),
             len(facet.entries))
    for facet in years:
        page(facet.path, "year.md.j2", functools.partial(contexts.year, facet, documents, themes, covered, theme_labels))
    for term, kind in [(t, "themas") for t in corpus.themes] + [(r, "regios") for r in corpus.regions]:
        for alias in term.aliases:
            page(f"{kind}/{alias}.md", "redirect.md.j2", functools.partial(dict, title=term.label, target=f"../{term.slug}/"))
    for doc in documents:
        page(f"documenten/{doc.slug}.md", "document.md.j2", functools.partial(contexts.document, doc), len(doc.paragraphs))
    feed = feeds.template(templates)
    for facet in themes:
        jobs.append((f"feeds/themas/{facet.slug}.xml", 0, functools.partial(feeds.theme_text, feed, facet, site_url)))
    jobs.append(("feeds/alles.xml", 0, functools.partial(feeds.site_text, feed, documents, site_url)))
    return dict(zip((path for path, _, _ in jobs), _render_all(jobs, finish)))


Job = tuple[str, int, Callable[[], str]]
"""A file to make: its path, a rough cost (the paragraphs it shows) and the function that makes its text."""
PARALLEL_FROM = 100
"""From this many files on, they are made in parallel processes (same text, same order)."""


def _render_all(jobs: list[Job], finish: Callable[[str, str], Any] | None) -> list[Any]:
    """The text of every file (or what `finish` makes of it), in the order of `jobs`."""
    make = functools.partial(_make, finish)
    if len(jobs) < PARALLEL_FROM:
        return parallel.map_serial(make, jobs)
    return parallel.map_balanced(make, jobs, [cost for _, cost, _ in jobs])


def _make(finish: Callable[[str, str], Any] | None, job: Job) -> Any:
    path, _, make = job
    return finish(path, make()) if finish else make()


def _render(env: jinja2.Environment, site: dict[str, Any], path: str, template: str,
            context: Callable[[], dict[str, Any]]) -> str:
    text = env.get_template(template).render(site=site, path=path, link=_linker(path), url=_url(path), **context())
    return re.sub(r"\n\n\n+", "\n\n", text).strip() + "\n"  # faster than the equivalent \n{3,}


def _linker(page_path: str) -> Any:
    """A template function: relative Markdown link from this page to another page and anchor."""
    folder = posixpath.dirname(page_path) or "."

    def link(target: str, anchor: str | None = None) -> str:
        relative = _relative(target if "." in posixpath.basename(target) else f"{target}.md", folder)
        return f"{relative}#{anchor}" if anchor else relative
    return link


@functools.lru_cache(maxsize=4096)
def _relative(target: str, folder: str) -> str:
    return posixpath.relpath(target, folder)


def _compare_with(covered: list[int]) -> list[int]:
    """Years to compare the newest presidency with: the one before, and the previous one of the same country."""
    if len(covered) < 2:
        return []
    newest = covered[-1]
    same = [y for y in covered[:-1] if presiding_country(y) == presiding_country(newest)]
    return sorted({covered[-2], *same[-1:]}, reverse=True)


def _url(page_path: str) -> Any:
    """A template function for raw HTML: the final relative URL from this page to another page and anchor."""
    def directory(path: str) -> str:
        stem = path[:-3]
        return "" if stem == "index" else stem[:-len("index")] if stem.endswith("/index") else stem + "/"

    def url(target: str, anchor: str | None = None) -> str:
        relative = posixpath.relpath(directory(target if target.endswith(".md") else target + ".md") or ".",
                                     directory(page_path) or ".")
        relative = "./" if relative == "." else relative + "/"
        return f"{relative}#{anchor}" if anchor else relative
    return url


@jinja2.pass_context
def _overview_changes(context: Any, year: int, previous: int) -> list[overview.Change]:
    return overview.compare(context["site"]["themes"], year, previous)


@jinja2.pass_context
def _markdown(context: Any, text: str, doc: Document, links: bool = False) -> str:
    """Raw text → safe Markdown; § references become links to sections of `doc`."""
    document_page = context["link"]("documenten/" + doc.slug)  # the one thing that differs between pages
    key = (text, document_page, links)
    cache = context["site"]["markdown"]
    if key in cache:  # a paragraph appears on its document page, its year page and its theme and region pages
        return cache[key]
    targets = context["site"]["sections"][doc.slug]

    def xref(number: str) -> str | None:
        anchor = targets.get(number)
        return context["link"]("documenten/" + doc.slug, anchor) if anchor else None
    cache[key] = inline.to_markdown(text, lambda n: f"{doc.slug}-{n}", links=links, xref=xref)
    return cache[key]


def _label_links(labels: Any) -> Any:
    """The `labels` macro, rendered once per combination of labels and folder: paragraphs share few."""
    cache: dict[tuple[tuple[str, ...], tuple[str, ...], str], str] = {}

    @jinja2.pass_context
    def label_links(context: Any, paragraph: Any) -> str:
        key = (paragraph.themes, paragraph.regions, posixpath.dirname(context["path"]))
        if key not in cache:
            cache[key] = labels(paragraph, context["link"], context["site"])
        return cache[key]
    return label_links


def _section_numbers(doc: Document) -> dict[str, str]:
    """Section number as cross-references write it ("2.4") → section anchor; the first of equal numbers wins."""
    targets: dict[str, str] = {}
    for section in doc.sections:
        if section.number:
            targets.setdefault(section.number, section.id)
    return targets


def _why(term: str) -> str:
    """Evidence as readers see it: 'in de kop: …' for a theme taken from the heading."""
    return f"{term.removeprefix('kop: ')} (in de kop)" if term.startswith("kop: ") else term


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar, safe for any text."""
    return '"' + inline.plain(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _date(value: Any) -> str:
    if value is None:
        return "ongedateerd"
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return text


def section_path(entry: Entry) -> str:
    """Where a paragraph stands in its document, as readers see it: 'Kop › Subkop'."""
    titles = [*entry.section.trail, entry.section.title] if entry.section.title else []
    return " › ".join(inline.plain(t) for t in titles)
