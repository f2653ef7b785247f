"""Read raw files: decode, split off the YAML front matter, validate it; one `RawDocument` per file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from ..core.inline import SENTINELS
from ..core.problems import InputError, Problem
from ..core.records import DocumentKind, RawDocument
from . import frontmatter, register
from .decode import decode
from .schema import SLUG

"""A permanent URL slug: lower-case letters, digits and single hyphens."""


def read_all(raw_dir: Path, kinds: Mapping[str, DocumentKind]) -> tuple[list[RawDocument], list[Problem]]:
    """Read every ``*.txt`` in `raw_dir`; return the documents and the warnings. `kinds`: the kinds of document
    front matter may name, by slug.

    Raises InputError listing every problem that stops the build.
    """
    docs: list[RawDocument] = []
    problems: list[Problem] = []
    for path in sorted(raw_dir.glob("*.txt")):
        doc, found = read_file(path, kinds)
        problems += found
        if doc:
            anchors, unreadable = register.read(register.register_path(raw_dir, doc.slug))
            problems += unreadable
            docs.append(replace(doc, anchors=anchors))
    problems += _duplicate_slugs(docs)
    if not docs and not problems:
        problems.append(Problem(str(raw_dir), 0, "no raw documents found", "add a .txt file with front matter"))
    errors = [p for p in problems if not p.warning]
    if errors:
        raise InputError(errors)
    return docs, [p for p in problems if p.warning]


def read_file(path: Path, kinds: Mapping[str, DocumentKind]) -> tuple[RawDocument | None, list[Problem]]:
    """Read one raw file; return the document or the problems that stop it."""
    name = str(path)
    text, notes = decode(name, path.read_bytes())
    if text is None:
        return None, notes
    text = SENTINELS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return None, [Problem(name, 1, "the file does not start with YAML front matter ('---')",
                              f"start the file with a front-matter block such as:\n{frontmatter.EXAMPLE}")]
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return None, [Problem(name, 1, "the front matter is not closed", "add a line '---' after the last key")]
    parsed, problems = frontmatter.parse(name, "\n".join(lines[1:end]), kinds)
    body = "\n".join(lines[end + 1:])
    if not body.strip():
        problems.append(Problem(name, end + 2, "the document has no text below the front matter",
                                "paste the extracted text below the closing '---'"))
    problems = notes + problems
    if parsed is None or any(not p.warning for p in problems):
        return None, problems
    meta, own_slug = parsed
    slug = own_slug or path.stem
    if not SLUG.fullmatch(slug):
        return None, [Problem(name, 1, f"'{slug}' is not a valid slug",
                              "use lower-case letters, digits and single hyphens, e.g. 2026-nl-prioriteitenbrief")]
    return RawDocument(path=name, slug=slug, meta=meta, body=body, first_line=end + 2), problems


def _duplicate_slugs(docs: list[RawDocument]) -> list[Problem]:
    seen: dict[str, RawDocument] = {}
    problems = []
    for doc in docs:
        if doc.slug in seen:
            problems.append(Problem(doc.path, 1, f"slug '{doc.slug}' is already used by {seen[doc.slug].path}",
                                    "rename one of the files or set a different 'slug:' in its front matter"))
        seen.setdefault(doc.slug, doc)
    return problems
