"""Write generated pages into the docs folder: only what changed, all or nothing, and remove what is gone."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..core.layout import GENERATED, PREVIEWS

TEMPORARY = ".staged-"
"""Prefix of a page written but not yet put in place (MkDocs skips names that start with a dot)."""


@dataclass(frozen=True)
class Report:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def write_pages(pages: dict[str, str], out: Path) -> Report:
    """Bring `out` in line with `pages`, touching only files whose content differs.

    Changed files are first written next to their targets under temporary names; only when all of them
    are written are they renamed into place, so a failure (a full disk) leaves the previous pages as they were.
    """
    staged: dict[str, Path | None] = {}
    try:
        for rel, text in sorted(pages.items()):
            staged[rel] = stage(out, rel, text)
    except OSError:
        discard(out)
        raise
    return commit(out, staged)


def stage(out: Path, rel: str, text: str) -> Path | None:
    """Write `text` next to `out/rel` under a temporary name if it differs from the file there; return that name.

    Any process may stage pages; `commit` then puts them in place, `discard` throws them away.
    """
    target = out / rel
    data = text.encode("utf-8")
    if not _differs(target, data):
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{TEMPORARY}{target.name}")
    temporary.write_bytes(data)
    return temporary


def commit(out: Path, staged: dict[str, Path | None]) -> Report:
    """Rename the staged pages into place and remove the generated files that `staged` does not name."""
    moves = sorted((rel, temporary) for rel, temporary in staged.items() if temporary)
    for rel, temporary in moves:
        os.replace(temporary, out / rel)
    written = [rel for rel, _ in moves]
    removed = [rel for rel in owned(out) if rel not in staged]
    for rel in removed:
        (out / rel).unlink()
    return Report(tuple(written), tuple(removed), len(staged) - len(written))


def discard(out: Path) -> None:
    """Remove every staged page that was not committed."""
    for temporary in out.rglob(f"{TEMPORARY}*"):
        temporary.unlink(missing_ok=True)


def _differs(path: Path, data: bytes) -> bool:
    return not path.is_file() or path.stat().st_size != len(data) or path.read_bytes() != data


def owned(out: Path) -> list[str]:
    """The generated files now in `out`."""
    found = []
    for name in GENERATED:
        if name == PREVIEWS:  # binary, written and cleaned by `images.write_all`
            continue
        path = out / name
        if path.is_file():
            found.append(name)
        elif path.is_dir():
            found += sorted(p.relative_to(out).as_posix() for p in path.rglob("*")
                            if p.is_file() and not p.name.startswith("."))
    return found
