"""MkDocs hooks: the whole generator glue, through MkDocs' own events.

- `on_config`: the site URL the pages use, read from the configuration file (not the address `mkdocs serve`
  substitutes), so `mkdocs serve`, `mkdocs build` and `make site` generate the same pages.
- `on_pre_build`: the generator's build into `docs_dir` (incremental: about 0.1 s when nothing changed).
  `watch:` in mkdocs.yml names raw/, templates/ and vocabulary/, so `mkdocs serve` rebuilds when they change.
- `on_nav`: Dutch section titles and the order the generator wrote in its navigation manifest.
- `on_startup`, after a build under `mkdocs serve`: the editors' report of every document whose raw file changed
  since the previous build of the session (`benelux-site report --document`), printed to the terminal.
- `on_serve`: `mkdocs serve` watches the hand-written part of `docs_dir` only, not the pages it generates, and
  the raw files but not the anchor registers the build writes beside them (raw/anchors/).
- `on_post_page`, `on_post_template`: Material's few HTML errors corrected (`generator.site.markup`) in the
  pages and in 404.html, so every page passes the Nu HTML Checker; 404.html made to work below any folder
  (`generator.site.notfound`).
- `on_post_build`: the search index (Pagefind) of the generator's search records, into the built site; then
  the deployment made from the built pages (`generator.site.deploy`): .gz files, the nginx configuration and
  the static hosts' `_headers` and `_redirects` (not under `mkdocs serve`, which serves none of them).

Builders without hooks (Zensical) build the pages `benelux-site build` generates, with folder names as
section titles; `benelux-site search-index` then adds the same search index.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.build import build
from generator.core.layout import ANALYSIS, GENERATED, NAV, STATE
from generator.core.problems import InputError
from generator.core.records import Corpus
from generator.quality import report
from generator.site import config as site_config
from generator.site import deploy, markup, notfound, search

log = logging.getLogger("mkdocs.hooks.generator")
_site_url: dict[str, str] = {}
"""The configured site URL of the current run, by configuration file."""
_serving: dict[str, bool] = {"serving": False, "built": False}
"""Whether this run is `mkdocs serve`, and whether it has built once."""
_mtimes: dict[str, float] = {}
"""Under `mkdocs serve`: the raw files' modification times at the previous build."""


def on_startup(command: str, dirty: bool) -> None:
    _serving["serving"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        _site_url[config.config_file_path] = site_config.site_url(Path(config.config_file_path))
    except InputError as err:
        raise PluginError(str(err)) from None
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    try:
        outcome = build(raw_dir=project / "raw", vocabulary_dir=project / "vocabulary",
                        templates_dir=project / "templates", out=Path(config.docs_dir),
                        site_url=_site_url[config.config_file_path], directory_urls=config.use_directory_urls)
    except InputError as err:
        raise PluginError(f"build stopped: {len(err.problems)} problem(s) in the input; nothing was written.\n"
                          f"{err}") from None
    if outcome.corpus is None:
        log.info("generator: nothing changed (%.2f s)", outcome.seconds)
        return
    for warning in outcome.corpus.warnings:  # printed, not logged: `mkdocs build --strict` stops at a logged warning
        print(warning, file=sys.stderr)
    if _serving["serving"]:
        _report_changed(outcome.corpus)
    written = outcome.written
    log.info("generator: %d documents, %d pages written (%.2f s)", len(outcome.corpus.documents),
             len(written.written) if written else 0, outcome.seconds)


def _report_changed(corpus: Corpus) -> None:
    """Print the report of each document whose raw file changed since the previous build of this session."""
    for doc in corpus.documents:
        mtime = Path(doc.path).stat().st_mtime
        if _serving["built"] and _mtimes.get(doc.path) != mtime:
            print(report.document_report(corpus, doc.slug), file=sys.stderr)
        _mtimes[doc.path] = mtime
    _serving["built"] = True


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Section titles and order as the generator's manifest gives them; redirect pages left out."""
    manifest = Path(config.docs_dir) / NAV
    if not manifest.is_file():
        return nav
    sections = json.loads(manifest.read_text(encoding="utf-8"))["sections"]
    order = [s["folder"] for s in sections]
    for item in nav.items:
        folder = _folder(item)
        if folder in order and isinstance(item, Section):
            wanted = sections[order.index(folder)]
            item.title = wanted["title"]
            place = {path: i for i, path in enumerate(wanted["pages"])}
            item.children = sorted((c for c in item.children if _path(c) in place), key=lambda c: place[_path(c)])
    # The home page first, then the generated sections in their order, then any other page (the search page).
    nav.items.sort(key=lambda item: order.index(_folder(item)) if _folder(item) in order
                   else -1 if isinstance(item, Page) and item.is_homepage else len(order))
    return nav


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> LiveReloadServer:
    """Watch only the hand-written part of `docs_dir`: the pages the generator writes during a build would
    otherwise start a second build. Its inputs are watched through `watch:` in mkdocs.yml."""
    server.unwatch(config.docs_dir)
    for path in sorted(Path(config.docs_dir).iterdir()):
        if path.name not in GENERATED and path.name not in (STATE, ANALYSIS):
            server.watch(str(path))
    # raw/ without its subfolders: the build itself writes the anchor registers into raw/anchors/. (MkDocs
    # watches the folders of `watch:` after this event.)
    raw = str(Path(config.config_file_path).parent / "raw")
    if raw in config.watch:
        config.watch.remove(raw)
        server.watch(raw, recursive=False)
    return server


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return markup.valid_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    html = markup.valid_html(output_content)
    if template_name == "404.html":
        html = notfound.sized_icons(html)
        if not _site_url[config.config_file_path]:  # with one, MkDocs writes the links from its path
            html = notfound.relocatable(html, _top_folders(Path(config.docs_dir)))
    return html


def _top_folders(docs: Path) -> list[str]:
    """The folders at the top of the built site: the docs folder's, Material's assets and the search index."""
    return sorted({p.name for p in docs.iterdir() if p.is_dir() and not p.name.startswith(".")} |
                  {"assets", search.INDEX_FOLDER})


def on_post_build(config: MkDocsConfig) -> None:
    try:
        records = search.write_index(Path(config.docs_dir), Path(config.site_dir))
    except InputError as err:
        raise PluginError(str(err)) from None
    log.info("search index: %d records", records)
    if not _serving["serving"]:
        try:
            made = deploy.write(Path(config.site_dir), urlsplit(_site_url[config.config_file_path]).path or "/")
        except InputError as err:
            raise PluginError(str(err)) from None
        log.info("deployment: %d pages, %d inline script hashes, %d redirects", len(made.pages),
                 len(made.script_hashes), len(made.redirects))
    if not _site_url[config.config_file_path]:
        # MkDocs writes a sitemap of relative paths without a site URL; a sitemap needs absolute ones.
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (Path(config.site_dir) / name).unlink(missing_ok=True)
        log.info("no site URL (SITE_URL): og:url, og:image, canonical links and the sitemap left out; feeds link "
                 "relatively. For the published site: SITE_URL=https://… make site")


def _path(item: StructureItem) -> str:
    return item.file.src_uri if isinstance(item, Page) else ""


def _folder(item: StructureItem) -> str:
    """The folder a navigation section was made from (auto-navigation makes one section per folder)."""
    children = item.children if isinstance(item, Section) else []
    first = next((c for c in children if isinstance(c, Page)), None)
    return _path(first).split("/")[0] if first is not None else ""
