"""The Jinja2 environment of the pages: filters and functions that templates call on the corpus's records."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from ..core import inline
from ..core.dates import PartialDate
from ..core.records import Document, Paragraph
from . import images, overview
from .facets import Entry
from .record import Site


def environment(templates: Path, site: Site) -> jinja2.Environment:
    """The environment every page of one build is rendered in."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=False,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters.update(md=_markdown_filter(site), plain=inline.plain, yaml=yaml_string, date=dutch_date,
                       section_path=section_path)
    labels = env.get_template("_macros.md.j2").module.labels  # type: ignore[attr-defined]
    env.globals.update(changes=lambda year, previous: overview.compare(site.themes, year, previous, site.totals),
                       preview=images.path_for,
                       nature=lambda year: overview.nature([d for d in site.documents if d.meta.year == year]),
                       label_links=_label_links(labels))
    return env


def render(env: jinja2.Environment, template: str, **context: object) -> str:
    """A page's text: the template rendered, runs of blank lines collapsed, one final newline."""
    text = env.get_template(template).render(**context)
    return re.sub(r"\n\n\n+", "\n\n", text).strip() + "\n"  # faster than the equivalent \n{3,}


def _markdown_filter(site: Site) -> Callable[..., str]:
    """The `md` filter: raw text → safe Markdown; § references become links to sections of `doc`."""
    cache: dict[tuple[str, str, bool], str] = {}

    @jinja2.pass_context
    def markdown(context: jinja2.runtime.Context, text: str, doc: Document, links: bool = False) -> str:
        link = context["link"]
        page = site.pages.document(doc.slug)
        document_page = link(page)  # the one thing that differs between pages
        key = (text, document_page, links)
        if key in cache:  # a paragraph appears on its document page, its year page and its theme and region pages
            return cache[key]
        targets = site.sections[doc.slug]

        def xref(number: str) -> str | None:
            anchor = targets.get(number)
            return str(link(page, anchor)) if anchor else None
        cache[key] = inline.to_markdown(text, lambda n: f"{doc.slug}-{n}", links=links, xref=xref)
        return cache[key]
    return markdown


def _label_links(labels: Callable[..., Any]) -> Callable[..., str]:
    """The `labels` macro, rendered once per combination of labels and folder: paragraphs share few."""
    cache: dict[tuple[tuple[str, ...], tuple[str, ...], str], str] = {}

    @jinja2.pass_context
    def label_links(context: jinja2.runtime.Context, paragraph: Paragraph) -> str:
        key = (paragraph.themes, paragraph.regions, posixpath.dirname(context["path"]))
        if key not in cache:
            cache[key] = str(labels(paragraph, context["link"], context["site"]))
        return cache[key]
    return label_links


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar, safe for any text."""
    return '"' + inline.plain(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def dutch_date(value: PartialDate | None) -> str:
    return value.dutch() if value else "ongedateerd"


def section_path(entry: Entry) -> str:
    """Where a paragraph stands in its document, as readers see it: 'Kop › Subkop'."""
    titles = [*entry.section.trail, entry.section.title] if entry.section.title else []
    return " › ".join(inline.plain(t) for t in titles)
