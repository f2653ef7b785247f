"""Write generated pages into the docs folder: only what changed, and remove what is gone."""

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
    """Bring `out` in line with `pages`, touching only files whose content differs."""
    written, unchanged = [], 0
    for rel, text in sorted(pages.items()):
        target = out / rel
        data = text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        written.append(rel)
    removed = [rel for rel in _owned(out) if rel not in pages]
    for rel in removed:
        (out / rel).unlink()
    return Report(tuple(written), tuple(removed), unchanged)


def _owned(out: Path) -> list[str]:
    found = []
    for name in GENERATED:
        path = out / name
        if path.is_file():
            found.append(name)
        elif path.is_dir():
            found += sorted(p.relative_to(out).as_posix() for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    return found
