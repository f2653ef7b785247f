"""Command line: ``python -m generator build`` writes the pages of the site."""

from __future__ import annotations

import argparse
import functools
import gc
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from . import state
from .errors import InputError

if TYPE_CHECKING:  # heavy modules are imported only when a build really runs
    from rich.table import Table

    from .model import Corpus
    from .write import Report

PACKAGE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("command", choices=["build", "watch", "search-index", "report", "evaluate"],
                        help="build: generate the pages into --out; watch: build again whenever raw/, templates/ "
                             "or vocabulary/ change; search-index: add Dutch search terms to the built site in "
                             "--site; report: paragraphs without or with many themes; evaluate: quality figures "
                             "against the labelled fixtures")
    parser.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    parser.add_argument("--vocabulary", type=Path, default=Path("vocabulary"), help="folder of themes.yml and regions.yml")
    parser.add_argument("--templates", type=Path, default=Path("templates"), help="folder of Jinja2 templates")
    parser.add_argument("--out", type=Path, default=Path("site_src"), help="MkDocs docs folder (default: site_src)")
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site, for search-index")
    parser.add_argument("--site-url", help="absolute URL of the published site (default: $SITE_URL, else mkdocs.yml)")
    parser.add_argument("--paragraph", help="with report: explain one paragraph, as <document>#<id>")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args)
    from . import evaluate, pipeline, report, search, watch
    if args.command == "search-index":
        print(f"search index: extra Dutch search terms for {search.enrich(args.site)} entries")
        return 0
    if args.command == "watch":
        return watch.run(lambda: build(args), [args.raw, args.templates, args.vocabulary])
    try:
        corpus = pipeline.analyse(raw_dir=args.raw, vocabulary_dir=args.vocabulary)
    except InputError as err:
        return _stopped(err)
    text = report.editors_report(corpus, args.paragraph) if args.command == "report" else \
        evaluate.report(corpus, Path("tests/fixtures"))
    print(text)
    return 0


def build(args: argparse.Namespace) -> int:
    """Analyse, render and write; print a summary table. Nothing is written when the input has problems."""
    start = time.perf_counter()
    url = args.site_url or site_url(Path("mkdocs.yml"))
    inputs = state.fingerprint([args.raw, args.vocabulary, args.templates, PACKAGE], extra=url)
    if state.unchanged(args.out, inputs):
        print(f"nothing changed since the last build: 0 files written ({time.perf_counter() - start:.2f} s)")
        return 0
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from . import pipeline, render, write
    gc.set_threshold(200_000, 30, 30)  # as mypy does: a build makes millions of objects that live to its end
    console = Console(stderr=False, highlight=False)
    columns = (TextColumn("analysing documents"), BarColumn(), MofNCompleteColumn())
    try:
        with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
            task = bar.add_task("analyse", total=None)
            corpus = pipeline.analyse(raw_dir=args.raw, vocabulary_dir=args.vocabulary,
                                      progress=lambda done, total: bar.update(task, completed=done, total=total))
        staged = render.render_site(corpus, args.templates, url, finish=functools.partial(write.stage, args.out))
    except InputError as err:
        write.discard(args.out)
        return _stopped(err)
    except BaseException:
        write.discard(args.out)
        raise
    for warning in corpus.warnings:
        print(warning, file=sys.stderr)
    written = write.commit(args.out, staged)
    state.save(args.out, inputs, list(staged))
    console.print(summary(corpus, written, time.perf_counter() - start))
    return 0


SUMMARY_DOCUMENTS = 20
"""Up to this many documents, the summary shows the share of text kept for each."""


def summary(corpus: Corpus, written: Report, seconds: float) -> Table:
    from rich.table import Table
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
    table.add_row("pages written", f"{len(written.written)} (unchanged {written.unchanged}, removed {len(written.removed)})")
    table.add_row("time", f"{seconds:.2f} s")
    return table


def _stopped(err: InputError) -> int:
    print(f"build stopped: {len(err.problems)} problem(s) in the input; nothing was written.\n", file=sys.stderr)
    print(str(err), file=sys.stderr)
    return 1


def site_url(config: Path) -> str:
    """The site's absolute URL as MkDocs will see it: $SITE_URL, else the value in mkdocs.yml."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"].rstrip("/") + "/"
    match = re.search(r'^site_url:.*?"(https?://[^"]+)"', config.read_text(encoding="utf-8"), re.M)
    return match.group(1).rstrip("/") + "/" if match else "https://example.org/"
