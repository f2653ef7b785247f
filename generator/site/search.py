"""The site's search: Pagefind records of every passage, with the forms Dutch readers type.

Every section of every document is one record holding its paragraphs, each opened by ``PARAGRAPH``;
every paragraph is found once (theme, region and year pages repeat passages and are not indexed), with
the filters readers narrow by: year, presiding country, document kind, theme and region. Theme, region,
year and document pages are records of their name only, so that searching a name finds its page. Each
paragraph's text is followed by forms a reader may type instead (``EXTRA`` separates them; the search
page never shows them): words without diacritics ("financiele" for "financiële") and the parts of
compounds ("trein" in "drielandentrein"), found in the site's own vocabulary. Pagefind adds Dutch
stemming.

The generator writes the records to ``RECORDS`` in the docs folder; `write_index` turns them into
Pagefind's chunked index after the site is built (the MkDocs hook, or ``benelux-site search-index``
after any other builder), so the search is the same whatever builds the pages."""

from __future__ import annotations

import functools
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TypedDict

from ..core import inline
from ..core.layout import RECORDS
from ..core.presidency import COUNTRIES
from ..core.problems import InputError, Problem
from ..core.records import Corpus, Document, Paragraph, Section
from ..core.text import strip_diacritics
from . import forms, stable_index
from .record import Site

LANGUAGE = "nl"
INDEX_FOLDER = "pagefind"
"""Pagefind's files in the built site."""
UNUSED = ("pagefind-*ui.*", "pagefind-highlight.js", "wasm.unknown.pagefind")
"""Pagefind's own interfaces and the index of unknown languages, which the site does not load."""
EXTRA = "\u2063"
"""Separates a paragraph's text from its extra forms (INVISIBLE SEPARATOR: never in a cleaned text)."""
HIDDEN_META = ("url", "sectie", "alineas", "labels")
"""Metadata only the search page reads, stored hex-encoded: Pagefind 1.5 makes every metadata field searchable,
and no query should find a section by its theme labels or paragraph anchors (zoeken.js decodes them)."""
PARAGRAPH = "\u2062"
"""Opens each paragraph of a section's record (INVISIBLE TIMES: never in a cleaned text)."""
WORD = re.compile(r"[^\W\d_]+")
MIN_PART = 4
"""Shortest compound part worth indexing: shorter ones (en, of, de) match everything."""
KNOWN_HEAD = 5
"""A head this long that is a word of its own may take an unknown tail (fiets|diefstal)."""
LINKS = ("s", "e", "en")
"""Dutch linking sounds between compound parts: veiligheid-s-raad, bureau-en-kwestie."""


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Folded lower-case words of the site that can stand as compound parts."""
    return _vocabulary(WORD.findall(text) for text in texts)


def _vocabulary(word_lists: Iterable[list[str]]) -> frozenset[str]:
    distinct: set[str] = set()
    for found in word_lists:
        distinct.update(found)
    return frozenset(strip_diacritics(w.lower()) for w in distinct if len(w) >= MIN_PART)


def split_compound(word: str, words: frozenset[str]) -> list[str]:
    """Parts of a compound ("fietsdiefstalpreventie" → fiets, diefstal, preventie).

    Parts are words of the site; one part of at least `KNOWN_HEAD` letters may be unknown to the site when its
    neighbours are known (statiegeld|systemen), a last part only when the Dutch dictionary has it (fiets|diefstal;
    not "tieke" in "diplomatieke"). The split with the most known parts wins, then the most parts.
    """
    parts, known = _split(word, words, unknown_left=1)
    return parts if len(parts) > 1 and known >= 1 else []


def _split(word: str, words: frozenset[str], unknown_left: int) -> tuple[list[str], int]:
    """Best split of `word` as (parts, number of known parts); ([], 0) if none."""
    best: tuple[list[str], int] = ([word], 1) if word in words else ([], 0)
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        stems = [left[: -len(link)] for link in LINKS if left.endswith(link)]
        heads = [h for h in [left, *stems] if len(h) >= MIN_PART]
        for head in heads:
            known = head in words
            if not known and not (unknown_left and len(head) >= KNOWN_HEAD):
                continue
            tail, tail_known = _split(right, words, unknown_left - (not known))
            if (not tail and unknown_left - (not known) and len(right) >= KNOWN_HEAD and known
                    and forms.is_word(right)):
                tail, tail_known = [right], 0
            if not tail:
                continue
            candidate = ([head, *tail], tail_known + known)
            if (candidate[1], len(candidate[0])) > (best[1], len(best[0])):
                best = candidate
    return best


def extra_terms(text: str, words: frozenset[str], known: dict[str, list[str]] | None = None) -> list[str]:
    """What to index besides `text`: diacritic-free forms and compound parts, once each.

    `known` remembers the terms of every word already seen: the same words recur in every section.
    """
    return _extra_terms(WORD.findall(text), words, {} if known is None else known)


def _extra_terms(found: list[str], words: frozenset[str], known: dict[str, list[str]]) -> list[str]:
    extra: dict[str, None] = {}
    for raw in dict.fromkeys(found):
        if raw not in known:
            known[raw] = _word_terms(raw, words)
        for term in known[raw]:
            extra[term] = None
    return list(extra)


def _word_terms(raw: str, words: frozenset[str]) -> list[str]:
    word = raw.lower()
    folded = strip_diacritics(word)
    terms = [folded] if folded != word else []
    if len(folded) < 2 * MIN_PART:
        return terms
    return terms + list(dict.fromkeys(split_compound(folded, words) + compound_tails(folded, words)))


def compound_tails(word: str, words: frozenset[str]) -> list[str]:
    """What follows a word of the site at the start of a compound, and again within that rest: a reader who
    types "netbeheerders" or "trein" finds "waterstofnetbeheerders" and "drielandentrein" (drie|landen|trein),
    which `split_compound` may cut elsewhere. Tails are at least `MIN_PART` letters long."""
    tails: dict[str, None] = {}
    rests = [word]
    while rests:
        rest = rests.pop()
        for cut in range(MIN_PART, len(rest) - MIN_PART + 1):
            left, right = rest[:cut], rest[cut:]
            heads = [left, *(left[: -len(link)] for link in LINKS if left.endswith(link))]
            if right not in tails and any(len(h) >= MIN_PART and h in words for h in heads):
                tails[right] = None
                rests.append(right)
    return list(tails)


class Record(TypedDict):
    """One search result as Pagefind stores it: `url` relative to the site root."""

    url: str
    heading: str
    """Indexed as a heading (weighs more); empty for a record that is a name."""
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]


def records(corpus: Corpus, site: Site) -> list[Record]:
    """Every search record of the site, in a fixed order: name pages first, then every section of every document.

    A section's record holds its paragraphs, each opened by `PARAGRAPH`, so that the search page can tell in
    which paragraph a word was found and open that one (a record per paragraph would make the index's list of
    records, which every search loads first, four times as long)."""
    texts = [inline.plain(p.text) for d in corpus.documents for p in d.paragraphs]
    words = vocabulary(texts + [d.meta.title for d in corpus.documents])
    known: dict[str, list[str]] = {}
    names = forms.names(corpus.synonyms, corpus.regions)
    seen: dict[str, list[str]] = {}

    def content(text: str, regions: Iterable[str] = ()) -> str:
        extra = list(dict.fromkeys(extra_terms(text, words, known) + forms.extra_forms(text, regions, names, seen)))
        return f"{text} {EXTRA} {' '.join(extra)}" if extra else text

    found: list[Record] = []
    for facet in site.themes + site.regions:
        kind = "Thema" if facet.kind == "theme" else "Regio"
        own = [facet.slug] if facet.kind == "region" else []  # a region's page is found by each of its names
        found.append(Record(url=site.pages.of(facet).url, heading="", content=content(facet.label, own),
                            meta={"title": facet.label, "soort": kind}, filters={}))
    for facet in site.years:
        title = f"Voorzitterschap {facet.slug}"
        found.append(Record(url=site.pages.of(facet).url, heading="",
                            content=content(f"{title} {facet.presiding}"),
                            meta={"title": title, "soort": "Jaar", "jaar": facet.slug},
                            filters={"jaar": [facet.slug], "land": list(facet.countries)}))
    for doc in site.documents:
        found.append(Record(url=site.pages.document(doc.slug).url, heading="",
                            content=content(inline.plain(doc.meta.title)), meta=_document_meta(doc, None),
                            filters=_filters(doc, ())))
    for doc in site.documents:
        for section in doc.sections:
            # A table-of-contents line is a heading's copy: the heading's own paragraphs are found.
            paragraphs = [p for p in section.paragraphs if p.kind != "toc"]
            if not paragraphs:
                continue
            meta = _document_meta(doc, section) | {
                "alineas": " ".join(p.id for p in paragraphs),
                "labels": "|".join(" ".join([*p.themes, *p.regions]) for p in paragraphs)}
            found.append(Record(url=f"{site.pages.document(doc.slug).url}#{section.id}",
                                heading=inline.plain(section.title) if section.title else "",
                                content=" ".join(f"{PARAGRAPH} {content(inline.plain(p.text), p.regions)}"
                                                 for p in paragraphs),
                                meta=meta, filters=_filters(doc, paragraphs)))
    return found


def _document_meta(doc: Document, section: Section | None) -> dict[str, str]:
    title = inline.plain(doc.meta.title)
    heading = inline.plain(section.title) if section is not None and section.title else ""
    meta = {"title": heading or title, "document": title, "jaar": str(doc.meta.year),
            "land": COUNTRIES[doc.meta.country], "soort": doc.meta.kind.label}
    if section is not None:
        meta["sectie"] = section.id
    return meta


def _filters(doc: Document, paragraphs: Iterable[Paragraph]) -> dict[str, list[str]]:
    filters = {"jaar": [str(doc.meta.year)], "land": [COUNTRIES[doc.meta.country]], "soort": [doc.meta.kind.label]}
    paragraphs = list(paragraphs)
    for name, labels in (("thema", [t for p in paragraphs for t in p.themes]),
                         ("regio", [r for p in paragraphs for r in p.regions])):
        if labels:
            filters[name] = list(dict.fromkeys(labels))
    return filters


def page_context(site: Site) -> dict[str, object]:
    """What the search page shows besides its form: the presiding countries of the documents, the named pages."""
    return dict(countries=sorted({country for year in site.years for country in year.countries}),
                pages=named_pages(site))


def named_pages(site: Site) -> list[dict[str, str]]:
    """Pages a reader may search by their exact name (theme, region, year, document): the search page shows the
    page first when the query is its name, however often passages mention the name. A theme or region is also
    named by its slug, its short name ("mobiliteit" for "Mobiliteit en transport")."""
    pages = []
    for facet in site.themes + site.regions:
        kind = "Thema" if facet.kind == "theme" else "Regio"
        short = facet.slug.replace("-", " ")  # "mobiliteit" for "Mobiliteit en transport"
        for name in dict.fromkeys([facet.label, short]):
            pages.append({"naam": name, "titel": facet.label, "url": site.pages.of(facet).url, "soort": kind})
    for facet in site.years:
        title = f"Voorzitterschap {facet.slug}"
        for name in (title, facet.slug):
            pages.append({"naam": name, "titel": title, "url": site.pages.of(facet).url, "soort": "Jaar"})
    for doc in site.documents:
        title = inline.plain(doc.meta.title)
        pages.append({"naam": title, "titel": title, "url": site.pages.document(doc.slug).url,
                      "soort": doc.meta.kind.label})
    return pages


def records_text(corpus: Corpus, site: Site) -> str:
    """The records file the generator writes into the docs folder (deterministic)."""
    return json.dumps(records(corpus, site), ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def write_index(docs_dir: Path, site_dir: Path) -> int:
    """Build Pagefind's index of the records in `docs_dir` into `site_dir`; return the number of records.

    Each record becomes a small HTML file for Pagefind's indexer (its Python API adds records one at a time,
    about 0.1 s each). Raises InputError when the docs folder has no records (the generator has not run)."""
    source = docs_dir / RECORDS
    if not source.is_file():
        raise InputError([Problem(str(source), 0, "the search records are missing",
                                  "generate the pages first (`benelux-site build`, or `mkdocs build`, which runs "
                                  "the generator)")])
    try:
        found: list[Record] = json.loads(source.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise InputError([Problem(str(source), getattr(err, "lineno", 0), f"the search records cannot be read ({err})",
                                  "generate the pages again (`benelux-site build`)")]) from None
    if not (site_dir / "index.html").is_file():
        raise InputError([Problem(str(site_dir), 0, "this is not a built site (it has no index.html)",
                                  "build the site first, or point --site at the folder the builder wrote")])
    target = (site_dir / INDEX_FOLDER).resolve()
    staged = target.with_name(f".{INDEX_FOLDER}.tmp")  # the last good index stays until the new one is complete
    shutil.rmtree(staged, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp)
        for number, record in enumerate(found):
            (pages / f"{number:07d}.html").write_text(_page(record), encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(staged),
                                 "--force-language", LANGUAGE, "--silent"], capture_output=True, text=True)
    if result.returncode:
        output = f"{result.stdout}{result.stderr}".strip()
        raise InputError([Problem(str(source), 0, f"Pagefind could not index the records:\n{output}",
                                  "check that the pagefind package is installed (`make site` installs it)")])
    stable_index.stabilise(staged)
    for unused in UNUSED:  # the site has its own search page and marks passages itself
        for path in staged.glob(unused):
            path.unlink()
    shutil.rmtree(target, ignore_errors=True)
    staged.rename(target)
    return len(found)


def _page(record: Record) -> str:
    """A record as the page Pagefind indexes: the text as its body; URL, metadata and filters beside it."""
    e = functools.partial(html.escape, quote=True)
    fields = [("url", record["url"]), *sorted(record["meta"].items())]
    meta = "".join(f'<span data-pagefind-meta="{e(key)}">{e(value.encode().hex() if key in HIDDEN_META else value)}'
                   "</span>" for key, value in fields)
    filters = "".join(f'<span data-pagefind-filter="{e(key)}">{e(value)}</span>'
                      for key, values in sorted(record["filters"].items()) for value in values)
    # The year to sort by (the search page's "nieuwste eerst"); pages without a year come last.
    if "jaar" in record["meta"]:
        filters += f'<span data-pagefind-sort="jaar">{e(record["meta"]["jaar"])}</span>'
    heading = f"<h2>{e(record['heading'])}</h2>" if record["heading"] else ""
    return (f'<!DOCTYPE html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>{e(record["meta"]["title"])}'
            f'</title></head><body><div>{meta}{filters}</div><main data-pagefind-body>{heading}'
            f'<p>{e(record["content"])}</p></main></body></html>\n')
