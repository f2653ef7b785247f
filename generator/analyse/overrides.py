"""Apply the editors' decisions (vocabulary/overrides.yml) to the classified paragraphs."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from ..core.problems import InputError, Problem
from ..core.records import Document, Evidence, Override, Paragraph, Term
from . import anchors


def apply(documents: tuple[Document, ...], overrides: tuple[Override, ...], themes: tuple[Term, ...]) -> tuple[
        tuple[Document, ...], list[Problem]]:
    """The documents with every override applied, and warnings for overrides of documents not in raw/ (ignored:
    a document may be left out of a build). InputError for an override of a paragraph its document does not have,
    that is not a passage (a salutation, signature…), or whose text is not the text the editor decided on (its
    fingerprint)."""
    if not overrides:
        return documents, []
    slugs = {d.slug for d in documents}
    paragraphs = {f"{d.slug}#{p.id}": p for d in documents for p in d.paragraphs}
    problems, warnings = [], []
    for o in overrides:
        document = o.paragraph.partition("#")[0]
        paragraph = paragraphs.get(o.paragraph)
        if document not in slugs:
            warnings.append(Problem(o.path, o.line, f"there is no document '{document}' in raw/; the entry is ignored",
                                    "check the document's slug, or remove the entry if the document is gone",
                                    warning=True))
        elif paragraph is None:
            problems.append(Problem(o.path, o.line, f"document '{document}' has no paragraph {o.paragraph}",
                                    "check the id in the passage's link (/documenten/<document>/#<id>)"))
        elif paragraph.part and o.add:
            problems.append(Problem(o.path, o.line, f"{o.paragraph} is a part around the document's content "
                                    f"({paragraph.part}), never a passage", "remove the entry"))
        elif o.fingerprint != anchors.fingerprint(paragraph.text):
            now = anchors.fingerprint(paragraph.text)
            problems.append(Problem(o.path, o.line, f"the text of {o.paragraph} has changed since this decision"
                                    if o.fingerprint else f"the entry for {o.paragraph} has no fingerprint of its text",
                                    f"read the paragraph (/documenten/{document}/#{o.paragraph.partition('#')[2]}); "
                                    f"if the decision still holds, write 'fingerprint: {now}' in the entry"))
    if problems:
        raise InputError(problems)
    by_id = {o.paragraph: o for o in overrides}
    theme_slugs = {t.slug for t in themes}
    return tuple(_apply_document(d, by_id, theme_slugs) for d in documents), warnings


def _apply_document(doc: Document, by_id: dict[str, Override], theme_slugs: set[str]) -> Document:
    if not any(f"{doc.slug}#{p.id}" in by_id for p in doc.paragraphs):
        return doc
    sections = tuple(replace(s, paragraphs=tuple(_apply(p, by_id.get(f"{doc.slug}#{p.id}"), theme_slugs)
                                                 for p in s.paragraphs)) for s in doc.sections)
    return replace(doc, sections=sections)


def _apply(paragraph: Paragraph, override: Override | None, theme_slugs: set[str]) -> Paragraph:
    if override is None:
        return paragraph
    gone = set(override.remove)
    evidence = [e for e in paragraph.evidence if e.slug not in gone]
    for slug in override.add:
        if slug not in {e.slug for e in evidence}:
            kind: Literal["theme", "region"] = "theme" if slug in theme_slugs else "region"
            evidence.append(Evidence(slug, kind, override.reason, by_editor=True))
    return replace(paragraph, themes=tuple(e.slug for e in evidence if e.kind == "theme"),
                   regions=tuple(e.slug for e in evidence if e.kind == "region"), evidence=tuple(evidence))
