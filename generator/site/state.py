"""Remember what the last successful build read and wrote, so that a build with nothing changed is instant."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..core.layout import ANALYSIS
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


SITE_STATE = ".site-state.json"
"""Beside mkdocs.yml: what the last `make site` read and what it left in site/ (not published)."""
SITE_INPUTS = ("raw", "vocabulary", "templates", "overrides", "hooks", "site_src", "mkdocs.yml")
"""What `mkdocs build` reads from the project, besides the generator and the installed packages."""


def site_fingerprint(project: Path, generated: tuple[str, ...], site_url: str) -> str:
    """A hash of everything the built site depends on: the project's inputs (in the docs folder only the
    hand-written files: `generated` names what the generator writes there), the generator, the version of every
    installed package, and the site URL."""
    from importlib import metadata
    digest = hashlib.sha256(site_url.encode())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(versions).encode())
    package = Path(__file__).resolve().parent.parent
    for root in [*(project / name for name in SITE_INPUTS), package]:
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            rel = path.relative_to(root) if root.is_dir() else Path(root.name)
            if "__pycache__" in rel.parts or (root.name == "site_src" and (rel.parts[0] in generated
                                                                           or rel.parts[0] in (FILE, ANALYSIS))):
                continue
            digest.update(f"{root.name}/{rel}".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _site_files(site: Path) -> dict[str, list[int]]:
    return {str(p.relative_to(site)): [p.stat().st_size, p.stat().st_mtime_ns]
            for p in sorted(site.rglob("*")) if p.is_file()}


def site_current(project: Path, site: Path, inputs: str) -> bool:
    """Whether `site` is what the last recorded build left, built from the same inputs."""
    try:
        recorded = json.loads((project / SITE_STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(site.is_dir() and recorded.get("inputs") == inputs and recorded.get("site") == _site_files(site))


def record_site(project: Path, site: Path, inputs: str) -> None:
    (project / SITE_STATE).write_text(json.dumps({"inputs": inputs, "site": _site_files(site)}, indent=1),
                                      encoding="utf-8")
