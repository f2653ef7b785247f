"""Remember what the last successful build read and wrote, so that a build with nothing changed is instant."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..core.layout import STATE as FILE


def fingerprint(folders: list[Path], extra: str = "") -> str:
    """A hash of every file in the input folders (raw texts, vocabulary, templates, the generator itself)."""
    digest = hashlib.sha256(extra.encode())
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def unchanged(out: Path, inputs: str) -> bool:
    """Whether the last build read the same inputs and its files are still there as it wrote them."""
    try:
        state = json.loads((out / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if state.get("inputs") != inputs:
        return False
    for rel, (size, mtime) in state.get("outputs", {}).items():
        try:
            stat = (out / rel).stat()
        except OSError:
            return False
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            return False
    return True


def save(out: Path, inputs: str, files: list[str]) -> None:
    outputs = {rel: [(out / rel).stat().st_size, (out / rel).stat().st_mtime_ns] for rel in sorted(files)}
    (out / FILE).write_text(json.dumps({"inputs": inputs, "outputs": outputs}, indent=1), encoding="utf-8")
