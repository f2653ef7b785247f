"""Every file the generator makes, made in this process or, when many, in parallel processes."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, overload

from ..core import parallel
from ..core.records import Corpus
from . import feeds
from .jobs import Job, check_paths, page_jobs
from .record import Site, site_record
from .templating import environment

PARALLEL_FROM = 100
"""From this many files on, they are made in parallel processes (same text, same order)."""
R = TypeVar("R")


@overload
def render_site(corpus: Corpus, templates: Path, *, site_url: str, finish: None = None,
                site: Site | None = None) -> dict[str, str]: ...


@overload
def render_site(corpus: Corpus, templates: Path, *, site_url: str, finish: Callable[[str, str], R],
                site: Site | None = None) -> dict[str, R]: ...


def render_site(corpus: Corpus, templates: Path, *, site_url: str,
                finish: Callable[[str, str], R] | None = None, site: Site | None = None) -> dict[str, Any]:
    """All generated files: path below the docs folder → text (Markdown pages, Atom feeds, the navigation).

    With `finish`, a path maps to `finish(path, text)` instead, called in the process that made the text:
    `write.stage` there saves sending every page back to this process.
    `site` is `site_record(corpus)` when the caller has it already.
    Raises InputError when two files would have one path.
    """
    site = site or site_record(corpus)
    jobs = page_jobs(corpus, site, environment(templates, site), feeds.template(templates), site_url)
    check_paths(jobs)
    make = functools.partial(_make, finish)
    if len(jobs) < PARALLEL_FROM:
        made = parallel.map_serial(make, jobs)
    else:
        made = parallel.map_balanced(make, jobs, [job.cost for job in jobs])
    return dict(zip((job.path for job in jobs), made, strict=True))


def _make(finish: Callable[[str, str], R] | None, job: Job) -> R | str:
    return finish(job.path, job.make()) if finish else job.make()
