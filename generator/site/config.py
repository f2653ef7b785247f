"""The site's absolute URL, read from ``mkdocs.yml`` with MkDocs' own loader (``!ENV`` included) and checked."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from ..core.problems import InputError, Problem


def site_url(config_file: Path) -> str:
    """The configured `site_url`, ending in a slash; "" when none is configured (the features that need an
    absolute address are then left out: canonical links, og:url, the sitemap; feeds link relatively);
    InputError when it is not an http(s) URL.

    Read from the file rather than from a loaded MkDocs configuration: `mkdocs serve` replaces the value with
    its own address, and the generated pages must not depend on how the site is previewed."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    name = str(config_file)
    try:
        with config_file.open(encoding="utf-8") as source:
            config = yaml_load(source)
    except (OSError, ConfigurationError) as err:
        raise InputError([Problem(name, 1, f"the MkDocs configuration cannot be read: {err}",
                                  "run the generator from the project folder, or fix mkdocs.yml")]) from None
    if not config.get("site_url"):
        return ""
    try:
        return checked(config.get("site_url"), name)
    except InputError as err:  # point to the site_url line, read again only now
        raise InputError([replace(p, line=_line(config_file)) for p in err.problems]) from None


def directory_urls(config_file: Path) -> bool:
    """MkDocs' `use_directory_urls` (default true): whether a page is ``themas/energie/`` or ``themas/energie.html``.
    The page model (`pages`) makes every address the generator writes follow it."""
    from mkdocs.utils.yaml import yaml_load

    try:
        with config_file.open(encoding="utf-8") as source:
            return bool(yaml_load(source).get("use_directory_urls", True))
    except OSError:
        return True


def checked(value: object, name: str, line: int = 1) -> str:
    """A `site_url` value made canonical, or InputError saying what is wrong with it."""
    parts = urlsplit(str(value))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError([Problem(name, line, f"site_url {value!r} is not an absolute http(s) address",
                                  "write the full address where the site is published, such as https://www.example.nl/ "
                                  "(or leave site_url out)")])
    return str(value).rstrip("/") + "/"


def _line(config_file: Path) -> int:
    lines = config_file.read_text(encoding="utf-8").split("\n")
    return next((i for i, line in enumerate(lines, start=1) if line.startswith("site_url:")), 1)
