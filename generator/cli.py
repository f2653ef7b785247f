"""Command line: ``benelux-site build`` (or ``python -m generator build``) writes the pages of the site.

The command line only parses arguments; `build.build` does the work. MkDocs runs the same build through
``hooks/generator_hooks.py``; this command is for builders without hooks (Zensical) and for the reports.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from .build import Outcome, build
from .core.problems import InputError
from .site import config

if TYPE_CHECKING:
    from rich.table import Table

SUMMARY_DOCUMENTS = 20
"""Up to this many documents, the summary shows the share of text kept for each."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # The modules of each command are imported when it runs: a build with nothing to do takes a tenth of a second.
    try:
        if args.command == "search-index":
            return _search_index(args)
        if args.command == "build":
            return _build(args)
        if args.command in ("site-current", "site-record"):
            return _site_state(args)
        if args.command in ("deploy", "serve-prod"):
            return _deploy(args)
        from .analyse.corpus import analyse
        corpus = analyse(raw_dir=args.raw, vocabulary_dir=args.vocabulary)
    except InputError as err:
        return stopped(err)
    from .quality import evaluate, report
    if args.command == "report":
        print(report.document_report(corpus, args.document) if args.document
              else report.editors_report(corpus, args.paragraph))
    else:
        print(evaluate.report(corpus, Path("tests/fixtures"), args.vocabulary))
    return 0


def _site_state(args: argparse.Namespace) -> int:
    """`make site` asks `site-current` before it builds, and calls `site-record` after a build."""
    from .core.layout import GENERATED
    from .site import state
    project = args.config.absolute().parent  # not resolved: mkdocs.yml may be a link into another project
    inputs = state.site_fingerprint(project, GENERATED, config.site_url(args.config))
    if args.command == "site-record":
        state.record_site(project, args.site, inputs)
        return 0
    return 0 if state.site_current(project, args.site, inputs) else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="benelux-site", description=__doc__)
    parser.add_argument("command", choices=["build", "search-index", "deploy", "serve-prod", "report", "evaluate",
                                            "site-current", "site-record"],
                        help="build: generate the pages into --out; search-index: build the search index of the "
                             "pages in --out into the built site in --site (MkDocs does this itself through the "
                             "hook); deploy: write the .gz files, nginx configuration, _headers and _redirects "
                             "of the built site in --site (the hook does this too); serve-prod: serve --site "
                             "through Debian's nginx on 127.0.0.1:--port; report: paragraphs without or with many "
                             "themes; evaluate: quality figures against the labelled fixtures; site-current: exit 0 "
                             "when --site is what a build of the project beside --config would give, as recorded "
                             "by site-record after a build")
    parser.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    parser.add_argument("--vocabulary", type=Path, default=Path("vocabulary"),
                        help="folder of themes.yml and regions.yml")
    parser.add_argument("--templates", type=Path, default=Path("templates"), help="folder of Jinja2 templates")
    parser.add_argument("--out", type=Path, default=Path("site_src"), help="MkDocs docs folder (default: site_src)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site, for search-index")
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration, for site_url")
    parser.add_argument("--site-url", help="absolute URL of the published site (default: site_url of --config, "
                                           "which reads $SITE_URL)")
    parser.add_argument("--port", type=int, default=8080, help="with serve-prod: the loopback port (default: 8080)")
    parser.add_argument("--paragraph", help="with report: explain one paragraph, as <document>#<id>")
    parser.add_argument("--document", help="with report: every paragraph of one document with its scores, "
                                           "borderline ones first")
    return parser


def _build(args: argparse.Namespace) -> int:
    """Analyse, render and write with a progress bar; print warnings and a summary table."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    url = config.checked(args.site_url, "--site-url") if args.site_url else config.site_url(args.config)
    console = Console(stderr=False, highlight=False)
    columns = (TextColumn("analysing documents"), BarColumn(), MofNCompleteColumn())
    # No refresh thread: the build forks worker processes, and a process with a live thread must not fork.
    with Progress(*columns, console=console, transient=True, auto_refresh=False,
                  disable=not console.is_terminal) as bar:
        task = bar.add_task("analyse", total=None)
        outcome = build(raw_dir=args.raw, vocabulary_dir=args.vocabulary, templates_dir=args.templates,
                        out=args.out, site_url=url, directory_urls=config.directory_urls(args.config),
                        progress=lambda done, total: bar.update(task, completed=done, total=total, refresh=True))
    if outcome.corpus is None:
        print(f"nothing changed since the last build: 0 files written ({outcome.seconds:.2f} s)")
        return 0
    for warning in outcome.corpus.warnings:
        print(warning, file=sys.stderr)
    console.print(summary(outcome))
    return 0


def summary(outcome: Outcome) -> Table:
    """The build in figures: documents, paragraphs per theme, text kept, pages written, time."""
    from rich.table import Table

    corpus, written = outcome.corpus, outcome.written
    assert corpus is not None and written is not None
    table = Table(title="Build", show_header=False, title_justify="left")
    table.add_column(justify="left")
    table.add_column(justify="right")
    paragraphs = [p for d in corpus.documents for p in d.paragraphs if p.kind != "toc"]
    table.add_row("documents", str(len(corpus.documents)))
    table.add_row("paragraphs", str(len(paragraphs)))
    per_theme = Counter(slug for p in paragraphs for slug in p.themes)
    for theme in corpus.themes:
        table.add_row(f"  {theme.slug}", str(per_theme[theme.slug]))
    table.add_row("unclassified paragraphs", str(sum(1 for p in paragraphs if not p.themes)))
    if len(corpus.conservation) <= SUMMARY_DOCUMENTS:
        for figure in corpus.conservation:
            table.add_row(f"text kept: {figure.slug}", f"{figure.share:.1%}")
    elif corpus.conservation:
        lowest = min(corpus.conservation, key=lambda f: f.share)
        table.add_row(f"text kept: lowest of {len(corpus.conservation)} documents", f"{lowest.share:.1%}")
    table.add_row("pages written",
                  f"{len(written.written)} (unchanged {written.unchanged}, removed {len(written.removed)})")
    if not outcome.site_url:
        table.add_row("site URL", "none (SITE_URL not set): og:url, og:image, canonical links and sitemap "
                                  "left out, feeds link relatively")
    table.add_row("time", f"{outcome.seconds:.2f} s")
    return table


def _search_index(args: argparse.Namespace) -> int:
    from .site import search
    try:
        records = search.write_index(args.out, args.site)
    except InputError as err:
        return stopped(err, "search index")
    print(f"search index: {records} records in {args.site / search.INDEX_FOLDER}")
    return 0


def _deploy(args: argparse.Namespace) -> int:
    """Write the deployment of the built site; for serve-prod, then run nginx on it in the foreground."""
    import os
    from urllib.parse import urlsplit

    from .site import deploy, nginx

    url = config.checked(args.site_url, "--site-url") if args.site_url else config.site_url(args.config)
    base = urlsplit(url).path or "/"
    try:
        made = deploy.write(args.site, base)
    except InputError as err:
        return stopped(err, "deployment")
    print(f"deployment: {len(made.pages)} pages, {len(made.script_hashes)} inline script hashes, "
          f"{len(made.redirects)} redirects, in {args.site / deploy.DEPLOY_FOLDER}, _headers and _redirects")
    if args.command == "deploy":
        return 0
    folder = Path(".nginx")
    conf = nginx.local(args.site, folder, args.port, base)
    print(f"nginx on http://127.0.0.1:{args.port}{base} (Ctrl-C stops it)", flush=True)
    os.execv(nginx.BINARY, [nginx.BINARY, "-p", str(folder.resolve()), "-e", "stderr", "-c", str(conf.resolve())])


def stopped(err: InputError, what: str = "build") -> int:
    """Print every problem; the exit status of a build that stopped."""
    print(f"{what} stopped: {len(err.problems)} problem(s) in the input; nothing was written.\n", file=sys.stderr)
    print(str(err), file=sys.stderr)
    return 1
