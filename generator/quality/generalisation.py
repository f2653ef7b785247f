"""How the theme rules fare on text they were not written for: leave-one-document-out, the documents written
for the project (tests/fixtures/heldout*/), and each term's right and wrong hits."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from ..analyse import classify
from ..analyse.corpus import analyse
from ..core.inline import plain
from ..core.records import Corpus, Document, Term
from . import evaluate

HELDOUT = "heldout"
"""Folder of tests/fixtures with the documents written for the project, in raw/'s format."""
NEW_DEV, NEW_TEST = "labels-new-dev.tsv", "labels-new-test.tsv"
"""Their labels: the development half may be looked at while tuning, the test half is only scored."""
FIRST_TEST_SCORE = "P 0.836 / R 0.816"
"""The written test half as first scored, before the last round of tuning on the development half."""
FINAL, FINAL_LABELS = "heldout-final", "labels-final.tsv"
"""A second set written for the project, labelled blind and scored once (P 0.856 / R 0.867); looked at while
tuning since."""
FINAL_FIRST_SCORE = "P 0.856 / R 0.867"
THIRD, THIRD_LABELS = "heldout-third", "labels-third.tsv"
"""A third set written for the project, labelled blind and scored once (P 0.933 / R 0.861); looked at since."""
THIRD_FIRST_SCORE = "P 0.933 / R 0.861"
FOURTH, FOURTH_LABELS = "heldout-fourth", "labels-fourth.tsv"
"""A fourth set, labelled blind and scored once (P 0.861 / R 0.805, grenssamenwerking R 0.27); looked at since."""
FOURTH_FIRST_SCORE = "P 0.861 / R 0.805"
FIFTH, FIFTH_LABELS = "heldout-fifth", "labels-fifth.tsv"
"""A fifth set, written and labelled blind after the fourth was tuned on; scored once, looked at since."""
FIFTH_FIRST_SCORE = "P 0.912 / R 0.803"
SIXTH, SIXTH_LABELS = "heldout-sixth", "labels-sixth.tsv"
"""A sixth set, its writers asked for everyday wordings of three themes; scored once, looked at since."""
SIXTH_FIRST_SCORE = "P 0.852 / R 0.704"
SEVENTH, SEVENTH_LABELS = "heldout-seventh", "labels-seventh.tsv"
"""A seventh set, written and labelled blind after the sixth was tuned on (eac0cdd), scored once and not tuned on:
the figure of the rules on text nobody tuned for."""
SEVENTH_FIRST_SCORE = "P 0.893 / R 0.833 (the rules of 3ff91e6, before this round of six sets: P 0.899 / R 0.805)"
EIGHTH, EIGHTH_LABELS = "heldout-eighth", "labels-eighth.tsv"
"""An eighth set, written and labelled blind with the same rules as the seventh's (06fadbe), scored once and not
tuned on."""
EIGHTH_FIRST_SCORE = "P 0.898 / R 0.833 (the rules of 3ff91e6: P 0.914 / R 0.819)"
WRITTEN = ((HELDOUT, (NEW_DEV, NEW_TEST)), (FINAL, (FINAL_LABELS,)), (THIRD, (THIRD_LABELS,)),
           (FOURTH, (FOURTH_LABELS,)), (FIFTH, (FIFTH_LABELS,)), (SIXTH, (SIXTH_LABELS,)))
"""The written sets the rules have been tuned on: (folder, labels files)."""
FIVE_DEV, FIVE_TEST = "labels-five-dev.tsv", "labels-five-test.tsv"
"""The five texts in raw/ labelled by the written sets' guide (tests/fixtures/heldout/GUIDE.md): the development
half may be looked at while tuning, the test half (the paragraphs of labels-test.tsv) is only scored."""
FIVE_TEST_SCORES = "P 0.924 / R 0.850, where the rules when issue 21 was filed (1864903) score P 0.789 / R 0.900"
"""The test half as first scored."""
FIVE_LABELS = (FIVE_DEV, FIVE_TEST)
"""Every paragraph of the five texts, labelled by the guide."""


def heldout_corpus(fixtures: Path, vocabulary_dir: Path, folder: str = HELDOUT) -> Corpus:
    """The documents written for the project, analysed as raw/ would be."""
    return analyse(raw_dir=fixtures / folder, vocabulary_dir=vocabulary_dir)


@dataclass(frozen=True)
class Fold:
    """One document scored with the rules that the other documents also support."""

    slug: str
    themes: evaluate.Scores
    dropped: int
    """Rules left out: they match only in this document."""


def leave_one_document_out(corpus: Corpus, support: tuple[Document, ...], fixtures: Path) -> list[Fold]:
    """For each document of `corpus`: leave out the rules that match nowhere but in it (in the other documents and
    in `support`, none), classify it again, and score it against every labelled paragraph it has.

    The rules are written by hand, so "fitting on four documents" is approximated by the rules the four (and the
    written documents the rules were tuned on, `support`) contain a match for; a rule written for the fifth alone
    is gone, as it would be had the fifth never been read. Editors' overrides are left out too."""
    texts = {d.slug: _folded(d) for d in (*corpus.documents, *support)}
    folds = []
    for doc in corpus.documents:
        others = [text for slug, text in texts.items() if slug != doc.slug]
        kept, dropped = _supported(corpus.themes, corpus.regions, others)
        matcher = classify.Matcher.of(kept, corpus.regions)
        scored = classify.classify(doc, matcher, classify.Matcher.of(corpus.regions, enumerations=False))
        alone = replace(corpus, documents=(scored,))
        themes = evaluate.Scores()
        for name in FIVE_LABELS:
            themes.merge(evaluate.labels(alone, fixtures / name, missing_ok=True)[0])
        folds.append(Fold(doc.slug, themes, dropped))
    return folds


def _folded(doc: Document) -> str:
    return "\n".join(classify.folded(t) for t in (*(s.title or "" for s in doc.sections),
                                                  *(p.text for p in doc.paragraphs)))


def _supported(themes: tuple[Term, ...], regions: tuple[Term, ...], texts: list[str]) -> tuple[
        tuple[Term, ...], int]:
    """The themes with only the rules that match in one of `texts`, and how many rules were left out."""
    matcher = classify.Matcher.of(themes, regions)
    kept_terms, dropped = [], 0
    for term, compiled in matcher.entries:
        alive = {c.rule for c in compiled if any(c.regex.search(text) for text in texts)}
        dropped += len(set(term.rules) - alive)
        kept_terms.append(replace(term, rules=tuple(r for r in term.rules if r in alive)))
    return tuple(kept_terms), dropped


@dataclass
class TermHits:
    right: Counter[tuple[str, str]]
    wrong: Counter[tuple[str, str]]


def term_hits(corpora: list[Corpus], fixtures: list[Path]) -> TermHits:
    """Per (theme, term): how often it helped give a theme the labels have (right) or do not have (wrong)."""
    hits = TermHits(Counter(), Counter())
    labelled = {key: evaluate.split(themes) for fixture in fixtures if fixture.exists()
                for key, themes, _ in evaluate.rows(fixture)}
    for corpus in corpora:
        matcher = classify.Matcher.of(corpus.themes, corpus.regions)
        for doc in corpus.documents:
            for p, found in classify.document_candidates(doc, matcher):
                expected = labelled.get(f"{doc.slug}#{p.id}")
                if expected is None:
                    continue
                for c in (c for c in found if c.kept):
                    for hit in (*c.hits, *c.context):
                        (hits.right if c.slug in expected else hits.wrong)[(c.slug, hit.source)] += 1
    return hits


def written_corpora(fixtures: Path, vocabulary_dir: Path) -> dict[str, Corpus]:
    """Every written set the rules have been tuned on, by folder, analysed as raw/ would be."""
    return {folder: heldout_corpus(fixtures, vocabulary_dir, folder) for folder, _ in WRITTEN}


def support(written: dict[str, Corpus]) -> tuple[Document, ...]:
    """The written documents a rule may also match in for leave-one-document-out."""
    return tuple(d for corpus in written.values() for d in corpus.documents)


def report(corpus: Corpus, fixtures: Path, vocabulary_dir: Path) -> list[str]:
    """The generalisation figures as lines of text, for ``evaluate``."""
    written = written_corpora(fixtures, vocabulary_dir)
    lines = [f"Five texts labelled by the written sets' guide, test half first scored at {FIVE_TEST_SCORES}:"]
    lines += _figures("  development half, looked at while tuning", corpus, fixtures / FIVE_DEV, per_theme=False)
    lines += _figures("  test half, only scored", corpus, fixtures / FIVE_TEST, per_theme=True)
    lines.append("Leave-one-document-out on the five texts labelled by the guide (rules that match only in the "
                 "left-out document, and in no written set, removed; no overrides):")
    for fold in leave_one_document_out(corpus, support(written), fixtures):
        lines.append(f"  {fold.slug:28} themes precision {fold.themes.precision():.3f}, recall "
                     f"{fold.themes.recall():.3f} ({fold.dropped} rules left out)")
    new = written[HELDOUT]
    for name, title in ((NEW_DEV, "development half, looked at while tuning"),
                        (NEW_TEST, f"test half, looked at while tuning since first scored at {FIRST_TEST_SCORE}")):
        lines += _figures(f"Documents written for the project, {title}", new, fixtures / name, per_theme=False)
    since = "looked at while tuning since first scored at"
    for folder, labels, title in ((FINAL, FINAL_LABELS, f"Second written set, {since} {FINAL_FIRST_SCORE}"),
                                  (THIRD, THIRD_LABELS, f"Third written set, {since} {THIRD_FIRST_SCORE}"),
                                  (FOURTH, FOURTH_LABELS, f"Fourth written set, {since} {FOURTH_FIRST_SCORE}"),
                                  (FIFTH, FIFTH_LABELS, f"Fifth written set, {since} {FIFTH_FIRST_SCORE}"),
                                  (SIXTH, SIXTH_LABELS, f"Sixth written set, {since} {SIXTH_FIRST_SCORE}")):
        lines += _figures(title, written[folder], fixtures / labels, per_theme=False)
    once = "scored once at"
    for folder, labels, title in ((SEVENTH, SEVENTH_LABELS, f"Seventh written set, {once} {SEVENTH_FIRST_SCORE}"),
                                  (EIGHTH, EIGHTH_LABELS, f"Eighth written set, {once} {EIGHTH_FIRST_SCORE}")):
        lines += _figures(f"{title}, not tuned on", heldout_corpus(fixtures, vocabulary_dir, folder),
                          fixtures / labels, per_theme=True)
    hits = term_hits([corpus, *written.values()],
                     [fixtures / FIVE_DEV, *(fixtures / n for _, names in WRITTEN for n in names)])
    lines.append("Terms on the development sets (the five texts' development half, the written sets): right / wrong "
                 "hits, wrong first")
    terms = sorted(set(hits.right) | set(hits.wrong), key=lambda k: (-hits.wrong[k], -hits.right[k], k))
    lines += [f"  {theme:24} {hits.right[(theme, term)]:3} / {hits.wrong[(theme, term)]:<3} {_short(term)}"
              for theme, term in terms]
    return lines


def _figures(title: str, corpus: Corpus, fixture: Path, per_theme: bool) -> list[str]:
    themes, regions, _ = evaluate.labels(corpus, fixture)
    lines = [f"{title}: themes precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
             f"regions precision {regions.precision():.3f}, recall {regions.recall():.3f}"]
    if per_theme:
        lines.append("  per theme (precision/recall): " + ", ".join(
            f"{label} {themes.precision(label):.2f}/{themes.recall(label):.2f}" for label in themes.labels()))
    return lines


def _short(term: str, width: int = 90) -> str:
    text = plain(term)
    return text if len(text) <= width else text[:width - 1] + "…"
