"""Rebuild the pages whenever an input changes; `make serve` runs this beside `mkdocs serve`."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

INTERVAL = 1.0
"""Seconds between two looks at the inputs."""


def snapshot(folders: list[Path]) -> dict[str, float]:
    """Modification times of every file in the folders."""
    return {str(p): p.stat().st_mtime for folder in folders if folder.exists() for p in folder.rglob("*") if p.is_file()}


def run(build: Callable[[], int], folders: list[Path], rounds: int | None = None) -> int:
    """Build now, then again after every change, until interrupted (or after `rounds` looks, for tests)."""
    build()
    seen = snapshot(folders)
    looked = 0
    try:
        while rounds is None or looked < rounds:
            time.sleep(INTERVAL)
            looked += 1
            now = snapshot(folders)
            if now != seen:
                seen = now
                print("change in the inputs: building again")
                build()
    except KeyboardInterrupt:
        pass
    return 0
