"""Command line: ``python -m generator build`` writes the pages of the site."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import evaluate, pipeline, render, report, search, write
from .errors import InputError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("command", choices=["build", "search-index", "report", "evaluate"],
                        help="build: generate the pages into --out; search-index: add Dutch search terms to the "
                             "built site in --site; report: paragraphs without or with many themes; "
                             "evaluate: quality figures against the labelled fixtures")
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site, for search-index")
    parser.add_argument("--paragraph", help="with report: explain one paragraph, as <document>#<id>")
    parser.add_argument("--raw", type=Path, default=Path("raw"), help="folder of raw documents (default: raw)")
    parser.add_argument("--vocabulary", type=Path, default=Path("vocabulary"), help="folder of themes.yml and regions.yml")
    parser.add_argument("--templates", type=Path, default=Path("templates"), help="folder of Jinja2 templates")
    parser.add_argument("--out", type=Path, default=Path("site_src"), help="MkDocs docs folder (default: site_src)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.command == "search-index":
        print(f"search index: extra Dutch search terms for {search.enrich(args.site)} entries")
        return 0
    try:
        corpus = pipeline.analyse(raw_dir=args.raw, vocabulary_dir=args.vocabulary)
        if args.command != "build":
            text = report.editors_report(corpus, args.paragraph) if args.command == "report" else \
                evaluate.report(corpus, Path("tests/fixtures"))
            print(text)
            return 0
        pages = render.render_site(corpus, args.templates)
    except InputError as err:
        print(f"build stopped: {len(err.problems)} problem(s) in the input; nothing was written.\n", file=sys.stderr)
        print(str(err), file=sys.stderr)
        return 1
    for figure in corpus.conservation:
        print(f"  {figure.slug}: {figure.share:.1%} of {figure.total} letters and digits on the page")
    written = write.write_pages(pages, args.out)
    paragraphs = sum(len(d.paragraphs) for d in corpus.documents)
    print(f"{len(corpus.documents)} documents, {paragraphs} paragraphs, {len(pages)} pages: "
          f"{len(written.written)} written, {len(written.removed)} removed, {written.unchanged} unchanged "
          f"({time.perf_counter() - start:.2f} s)")
    return 0
