"""The editors' report: where the vocabulary needs work, and why a paragraph got its themes."""

from __future__ import annotations

from ..analyse import classify
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
        source = "mostly from its heading and neighbours" if evidence.from_heading else "in the paragraph"
        lines.append(f"  {evidence.kind:6} {evidence.slug:24} because of {evidence.term!r} {source}"
                     + (f": {evidence.detail}" if evidence.detail else ""))
    if p.part:
        lines.append(f"  a part around the document's content ({p.part}): never a passage")
    elif not p.evidence:
        lines.append("  no theme and no region: no term of vocabulary/themes.yml or regions.yml occurs in it")
    return "\n".join(lines)


def _excerpt(p: Paragraph, width: int = 90) -> str:
    text = plain(p.text)
    return text if len(text) <= width else text[:width - 1] + "…"


BORDER = 0.5
"""A theme whose score is this close to its threshold, kept or not, makes the paragraph borderline."""


def document_report(corpus: Corpus, slug: str) -> str:
    """Every paragraph of one document with its themes, regions and scores; the borderline ones first (near a
    threshold, many themes, or none), each with the terms that decided and an override line to paste."""
    docs = [d for d in corpus.documents if d.slug == slug]
    if not docs:
        known = ", ".join(sorted(d.slug for d in corpus.documents))
        return f"no document {slug!r} in this build; documents: {known}"
    doc = docs[0]
    matcher = classify.Matcher.of(corpus.themes, corpus.regions)
    rows = [(p, found) for p, found in classify.document_candidates(doc, matcher) if not p.part]
    doubts = sorted((_doubt(*row), row) for row in rows)
    ranked = [row for _, row in doubts]
    border = sum(1 for doubt, _ in doubts if doubt[0] < 2)
    lines = [f"{doc.slug} ({doc.path}): {len(rows)} paragraphs, {border} borderline (listed first)",
             f"  score = the weights of the terms found, plus a share of the heading's ('kop') and the neighbouring "
             f"paragraphs' ('buren'); kept when at least the theme's threshold and {classify.RELATIVE:.0%} of the "
             f"strongest, at most {classify.MAX_THEMES}"]
    for p, found in ranked:
        lines += _paragraph_lines(doc.slug, p, found)
    return "\n".join(lines)


def _doubt(p: Paragraph, found: list[classify.Candidate]) -> tuple[int, float, int]:
    """Sort key: none or many themes first, then the closest call, then document order."""
    kept = [c for c in found if c.kept]
    margin = min((abs(c.score - c.threshold) for c in found), default=BORDER)
    if not p.themes or len(kept) >= classify.MAX_THEMES:
        return 0, margin, p.line
    return (1 if margin < BORDER else 2), margin, p.line


def _paragraph_lines(slug: str, p: Paragraph, found: list[classify.Candidate]) -> list[str]:
    lines = [f"#{p.id} (line {p.line}): {_excerpt(p)}"]
    editors = [e for e in p.evidence if e.by_editor]
    for c in found:
        lines.append(f"  {'kept' if c.kept else 'not kept':8} {c.detail} (threshold {c.threshold:g})")
    removed = sorted({c.slug for c in found if c.kept} - set(p.themes))
    lines += [f"  by the editors: +{e.slug} ({e.term})" for e in editors]
    lines += [f"  by the editors: -{slug} (overrides.yml)" for slug in removed]
    if not found:
        lines.append("  no theme: no term of themes.yml occurs in it, its heading or its neighbours")
    lines.append(f"  regions: {', '.join(p.regions) or 'none'}")
    rejected = [c.slug for c in found if c.slug not in p.themes and c.slug not in removed][:1]
    lines.append(f"  override: - {{paragraph: {slug}#{p.id}, add: [{', '.join(rejected)}], "
                 f"remove: [{', '.join(p.themes)}], reason: \"…\"}}")
    return lines
