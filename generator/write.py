"""Write generated pages into the docs folder: only what changed, all or nothing, and remove what is gone."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

GENERATED = ("index.md", "themas", "jaren", "regios", "documenten", "feeds")
"""What the generator owns inside the docs folder; everything else there is hand-written."""


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
    encoded = ((rel, text.encode("utf-8")) for rel, text in sorted(pages.items()))
    changed = {rel: data for rel, data in encoded if _differs(out / rel, data)}
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, data in changed.items():
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.tmp")
            temporary.write_bytes(data)
            staged.append((temporary, target))
    except OSError:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in staged:
        os.replace(temporary, target)
    removed = [rel for rel in owned(out) if rel not in pages]
    for rel in removed:
        (out / rel).unlink()
    return Report(tuple(changed), tuple(removed), len(pages) - len(changed))


def _differs(path: Path, data: bytes) -> bool:
    return not path.is_file() or path.stat().st_size != len(data) or path.read_bytes() != data


def owned(out: Path) -> list[str]:
    """The generated files now in `out`."""
    found = []
    for name in GENERATED:
        path = out / name
        if path.is_file():
            found.append(name)
        elif path.is_dir():
            found += sorted(p.relative_to(out).as_posix() for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    return found
