"""The editors' report: where the vocabulary needs work, and why a paragraph got its themes."""

from __future__ import annotations

from ..core.inline import plain
from ..core.records import Corpus, Paragraph

MANY = 3
"""A paragraph with more themes than this is worth a second look."""


def editors_report(corpus: Corpus, paragraph: str | None = None) -> str:
    """Per document: paragraphs without a theme and with more than `MANY` themes; or one paragraph's evidence."""
    if paragraph:
        return _explain(corpus, paragraph)
    lines = []
    for doc in sorted(corpus.documents, key=lambda d: d.slug):
        body = [p for p in doc.paragraphs if not p.part]
        none = [p for p in body if not p.themes]
        many = [p for p in body if len(p.themes) > MANY]
        lines.append(f"{doc.slug} ({doc.path}): {len(body)} paragraphs, {len(none)} without a theme, "
                     f"{len(many)} with more than {MANY}")
        lines += [f"  no theme    #{p.id} (line {p.line}): {_excerpt(p)}" for p in none]
        lines += [f"  {len(p.themes)} themes    #{p.id} (line {p.line}): {', '.join(p.themes)}" for p in many]
    lines.append(f"Editors' overrides: {len(corpus.overrides)}")
    lines += [f"  {o.path}:{o.line}: {o.paragraph} +[{', '.join(o.add)}] -[{', '.join(o.remove)}]: {o.reason}"
              for o in corpus.overrides]
    lines.append("Explain one paragraph: python -m generator report --paragraph <document>#<id>")
    return "\n".join(lines)


def _explain(corpus: Corpus, key: str) -> str:
    slug, _, pid = key.partition("#")
    found = [(d, p) for d in corpus.documents if d.slug == slug for p in d.paragraphs if p.id == pid]
    if not found:
        return f"no paragraph {key!r}: use <document slug>#<paragraph id>, as in the page's link"
    doc, p = found[0]
    lines = [f"{doc.slug}#{p.id} ({doc.path}, line {p.line}): {_excerpt(p, 200)}"]
    for evidence in p.evidence:
        if evidence.by_editor:
            lines.append(f"  {evidence.kind:6} {evidence.slug:24} by the editors (overrides.yml): {evidence.term}")
            continue
        source = "from its heading" if evidence.from_heading else "in the paragraph"
        lines.append(f"  {evidence.kind:6} {evidence.slug:24} because of {evidence.term!r} {source}")
    if p.part:
        lines.append(f"  a part around the document's content ({p.part}): never a passage")
    elif not p.evidence:
        lines.append("  no theme and no region: no term of vocabulary/themes.yml or regions.yml occurs in it")
    return "\n".join(lines)


def _excerpt(p: Paragraph, width: int = 90) -> str:
    text = plain(p.text)
    return text if len(text) <= width else text[:width - 1] + "…"
