"""A document's anchor register (raw/anchors/<slug>.tsv): every id it has given out, read and written.

The ids themselves are given and kept by `analyse.anchors`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from ..core.problems import Problem
from ..core.records import Anchor, Document

FOLDER = "anchors"
"""Subfolder of raw/ with one register per document."""
KINDS: dict[str, Literal["section", "paragraph"]] = {"section": "section", "paragraph": "paragraph"}
"""The register's first column."""
HEADER = ("# Anchors of {slug}\n"
          "# Every id a heading or a paragraph of this document has had, with a fingerprint of its text, so that\n"
          "# links keep landing on the same text. Written by the build: commit it with the raw file, do not edit\n"
          "# it by hand. Columns: kind, id, key, first words, last words, and for a text that is gone the id its\n"
          "# links land on now.\n")


def register_path(raw_dir: Path, slug: str) -> Path:
    return raw_dir / FOLDER / f"{slug}.tsv"


def read(path: Path) -> tuple[tuple[Anchor, ...], list[Problem]]:
    """The register at `path` (none yet: empty), or the problems that make it unreadable."""
    if not path.exists():
        return (), []
    entries, problems = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6 or fields[0] not in KINDS or not fields[1] or not re.fullmatch(r"[0-9a-f]{12}", fields[2]):
            problems.append(Problem(str(path), number, "this line of the anchor register cannot be read",
                                    "restore the file from version control; deleting it numbers the document's "
                                    "passages again from the text, which moves links that readers have mailed"))
            continue
        entries.append(Anchor(KINDS[fields[0]], fields[1], fields[2], fields[3], fields[4], fields[5]))
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        problems.append(Problem(str(path), 1, "an id occurs twice in the anchor register",
                                "restore the file from version control"))
    return tuple(entries), problems


def text(slug: str, entries: Sequence[Anchor]) -> str:
    """The register file for `entries`."""
    return HEADER.format(slug=slug) + "".join(
        f"{e.kind}\t{e.id}\t{e.key}\t{e.head}\t{e.tail}\t{e.gone_to}\n" for e in entries)


def write_all(raw_dir: Path, documents: Sequence[Document]) -> int:
    """Write the register of every document whose ids changed; return how many were written."""
    written = 0
    for doc in documents:
        path = register_path(raw_dir, doc.slug)
        content = text(doc.slug, doc.anchors)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_text(content, encoding="utf-8")
            temporary.replace(path)
            written += 1
    return written
