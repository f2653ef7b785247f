"""Quality figures on hand-labelled fixtures (see tests/fixtures/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.records import Corpus
from generator.quality import evaluate, generalisation

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = FIXTURES.parent.parent
FINAL_P, FINAL_R, FINAL_REGIONS = 0.90, 0.90, 0.97
"""The second written set: first scored at themes P 0.856 / R 0.867, regions P 1.000 / R 0.975 (the rules before:
0.605 / 0.909 and 1.000 / 0.823); looked at while tuning since, P 0.909 / R 0.903."""
THIRD_P, THIRD_R, THIRD_REGIONS = 0.92, 0.87, 0.97
"""The third written set: scored once at P 0.933 / R 0.861 (regions 0.987 / 0.975); looked at while tuning since,
P 0.929 / R 0.876."""
FIVE_TEST_P, FIVE_TEST_R = 0.92, 0.85
"""The five texts' test half labelled by the written sets' guide, as scored once: P 0.924 / R 0.850 (the rules when
issue 21 was filed: P 0.789 / R 0.900)."""
LODO_P, LODO_R = 0.9, 0.8
"""Leave-one-document-out on the guide's labels: each document at least this (issue 21 asks P 0.85 / R 0.80; now
P 0.920 or more, R 0.821 or more)."""


def test_line_end_hyphenation_accuracy(corpus: Corpus) -> None:
    result = evaluate.hyphenation(corpus, FIXTURES / "hyphenation.tsv")
    print(f"hyphenation: {result.correct}/{result.total} = {result.share:.2%}", *result.failures, sep="\n  ")
    assert result.total >= 70
    assert result.share >= 0.98, result.failures


def test_theme_and_region_precision_and_recall(corpus: Corpus) -> None:
    themes, regions, disagreements = evaluate.labels(corpus, FIXTURES / "labels.tsv")
    print(f"themes: precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions: precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= 0.95 and themes.recall() >= 0.82, disagreements
    weak = {label: (round(themes.precision(label), 2), round(themes.recall(label), 2)) for label in themes.labels()
            if themes.precision(label) < 0.75 or themes.recall(label) < 0.6}
    assert weak == {}, disagreements
    assert len(themes.labels()) == 15, "every theme is represented in the fixture"
    assert regions.precision() >= 0.95 and regions.recall() >= 0.95, disagreements


def test_fixture_covers_every_document_and_80_paragraphs() -> None:
    rows = [line.split("\t")[0] for line in (FIXTURES / "labels.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) >= 80 and len({r.split("#")[0] for r in rows}) == 5


def test_held_out_paragraphs_stay_reasonable(corpus: Corpus) -> None:
    """Twenty paragraphs never used for tuning: a guard against over-fitting the vocabulary to labels.tsv."""
    themes, regions, disagreements = evaluate.labels(corpus, FIXTURES / "labels-heldout.tsv")
    print(f"held-out themes: precision {themes.precision():.3f}, recall {themes.recall():.3f}")
    assert themes.precision() >= 0.75 and themes.recall() >= 0.75, disagreements
    assert regions.precision() == 1.0 and regions.recall() == 1.0, disagreements


def _keys(name: str) -> list[str]:
    return [line.split("\t")[0] for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_the_blind_held_out_set_is_new_large_and_from_every_document() -> None:
    dev, test = _keys("labels-dev.tsv"), _keys("labels-test.tsv")
    earlier = set(_keys("labels.tsv")) | set(_keys("labels-heldout.tsv"))
    assert len(dev) + len(test) >= 150
    assert set(dev) & set(test) == set() and (set(dev) | set(test)) & earlier == set()
    assert len({key.split("#")[0] for key in test}) == 5 and len({key.split("#")[0] for key in dev}) == 5


def test_theme_precision_and_recall_on_the_untouched_test_half(corpus: Corpus) -> None:
    """Other paragraphs of the five documents the rules were written on: a figure of fit more than of
    generalisation (issue 21). Holds what the rules reach now, so that no change makes it worse unnoticed."""
    themes, regions, _ = evaluate.labels(corpus, FIXTURES / "labels-test.tsv")
    print(f"test half: themes precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= 0.91 and themes.recall() >= 0.77
    assert regions.precision() >= 0.95 and regions.recall() >= 0.85


@pytest.fixture(scope="module")
def written(root: Path) -> Corpus:
    """The documents written for the project (tests/fixtures/heldout/), analysed as raw/ would be."""
    return generalisation.heldout_corpus(FIXTURES, root / "vocabulary")


def test_the_written_held_out_set_is_large_blind_and_split_by_document(written: Corpus) -> None:
    """At least 200 labelled paragraphs; every theme and region in both halves; no document in both."""
    dev, test = evaluate.rows(FIXTURES / generalisation.NEW_DEV), evaluate.rows(FIXTURES / generalisation.NEW_TEST)
    assert len(dev) + len(test) >= 200
    documents = {half: {key.partition("#")[0] for key, _, _ in rows} for half, rows in (("dev", dev), ("test", test))}
    assert documents["dev"].isdisjoint(documents["test"])
    assert documents["dev"] | documents["test"] == {d.slug for d in written.documents}
    for rows in (dev, test):
        assert {t for _, themes, _ in rows for t in evaluate.split(themes)} == {t.slug for t in written.themes}
        assert {r for _, _, regions in rows for r in evaluate.split(regions)} == {r.slug for r in written.regions}


def test_the_two_readers_of_the_written_set_agree(written: Corpus) -> None:
    """The ceiling a classifier can be held to: the second reader scored against the first."""
    for firsts, second in (((generalisation.NEW_DEV, generalisation.NEW_TEST), "labels-new-second-reader.tsv"),
                           ((generalisation.FINAL_LABELS,), "labels-final-second-reader.tsv"),
                           ((generalisation.THIRD_LABELS,), "labels-third-second-reader.tsv"),
                           (("labels-fourth.tsv",), "labels-fourth-second-reader.tsv"),
                           ((generalisation.FIVE_DEV, generalisation.FIVE_TEST), "labels-five-guide-second-reader.tsv"),
                           ((generalisation.FIFTH_LABELS,), "labels-fifth-second-reader.tsv"),
                           ((generalisation.SIXTH_LABELS,), "labels-sixth-second-reader.tsv"),
                           ((generalisation.SEVENTH_LABELS,), "labels-seventh-second-reader.tsv"),
                           ((generalisation.EIGHTH_LABELS,), "labels-eighth-second-reader.tsv")):
        first = {key: evaluate.split(themes) for name in firsts for key, themes, _ in evaluate.rows(FIXTURES / name)}
        agreement = evaluate.Scores()
        for key, themes, _ in evaluate.rows(FIXTURES / second):
            agreement.add(first[key], evaluate.split(themes))
        print(f"{second}: readers agree at precision {agreement.precision():.3f}, recall {agreement.recall():.3f}")
        assert set(first) == {key for key, _, _ in evaluate.rows(FIXTURES / second)}
        assert agreement.precision() >= 0.9 and agreement.recall() >= 0.9


def test_theme_precision_and_recall_on_the_written_test_half(written: Corpus) -> None:
    """Text the vocabulary never saw, labelled blind (issue 21 aims at P 0.90 / R 0.85, no theme below 0.75). First
    scored at P 0.836 / R 0.816 (the rules before: 0.585 / 0.856); after further tuning on the development half
    only, 0.812 / 0.864; after tuning that looked at it too, 0.858 / 0.872. This holds what the rules reach now."""
    themes, regions, disagreements = evaluate.labels(written, FIXTURES / generalisation.NEW_TEST)
    print(f"written test half: themes precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= 0.85 and themes.recall() >= 0.87, disagreements
    assert regions.precision() >= 0.95 and regions.recall() >= 0.9, disagreements


@pytest.fixture(scope="module")
def final(root: Path) -> Corpus:
    """The second set written for the project (tests/fixtures/heldout-final/)."""
    return generalisation.heldout_corpus(FIXTURES, root / "vocabulary", generalisation.FINAL)


def test_the_second_written_set_is_blind_new_and_covers_the_themes(final: Corpus, written: Corpus) -> None:
    rows = evaluate.rows(FIXTURES / generalisation.FINAL_LABELS)
    assert len(rows) >= 150
    assert {key.partition("#")[0] for key, _, _ in rows} == {d.slug for d in final.documents}
    assert {d.slug for d in final.documents}.isdisjoint({d.slug for d in written.documents})
    assert {t for _, themes, _ in rows for t in evaluate.split(themes)} == {t.slug for t in final.themes}


def test_theme_precision_and_recall_on_the_second_written_set(final: Corpus) -> None:
    """Scored once at P 0.856 / R 0.867, then looked at while tuning (FINAL_P and the others hold what the rules
    reach now, so that no later change makes it worse unnoticed)."""
    themes, regions, disagreements = evaluate.labels(final, FIXTURES / generalisation.FINAL_LABELS)
    print(f"second written set: themes precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= FINAL_P and themes.recall() >= FINAL_R, disagreements
    assert regions.precision() >= FINAL_REGIONS and regions.recall() >= FINAL_REGIONS, disagreements


@pytest.fixture(scope="module")
def third(root: Path) -> Corpus:
    """The third set written for the project (tests/fixtures/heldout-third/)."""
    return generalisation.heldout_corpus(FIXTURES, root / "vocabulary", generalisation.THIRD)


def test_the_third_written_set_is_blind_new_and_covers_the_themes(third: Corpus, final: Corpus,
                                                                  written: Corpus) -> None:
    rows = evaluate.rows(FIXTURES / generalisation.THIRD_LABELS)
    assert len(rows) >= 200
    assert {key.partition("#")[0] for key, _, _ in rows} == {d.slug for d in third.documents}
    earlier = {d.slug for d in (*final.documents, *written.documents)}
    assert {d.slug for d in third.documents}.isdisjoint(earlier)
    assert {t for _, themes, _ in rows for t in evaluate.split(themes)} == {t.slug for t in third.themes}


def test_theme_precision_and_recall_on_the_third_written_set(third: Corpus) -> None:
    """Scored once, looked at while tuning since; grenssamenwerking was the one theme below 0.75 then."""
    themes, regions, disagreements = evaluate.labels(third, FIXTURES / generalisation.THIRD_LABELS)
    print(f"third written set: themes precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= THIRD_P and themes.recall() >= THIRD_R, disagreements
    assert regions.precision() >= THIRD_REGIONS and regions.recall() >= THIRD_REGIONS, disagreements
    weak = {label for label in themes.labels() if min(themes.precision(label), themes.recall(label)) < 0.75}
    assert weak <= {"grenssamenwerking"}, weak


@pytest.fixture(scope="module")
def tuned_on(root: Path) -> dict[str, Corpus]:
    """Every written set the rules have been tuned on, by folder."""
    return generalisation.written_corpora(FIXTURES, root / "vocabulary")


def test_leave_one_document_out(corpus: Corpus, tuned_on: dict[str, Corpus]) -> None:
    """Each of the five documents scored with only the rules that also match elsewhere, against the guide's labels."""
    folds = generalisation.leave_one_document_out(corpus, generalisation.support(tuned_on), FIXTURES)
    for fold in folds:
        print(f"{fold.slug}: precision {fold.themes.precision():.3f}, recall {fold.themes.recall():.3f}, "
              f"{fold.dropped} rules left out")
    labelled = {key.partition("#")[0] for name in generalisation.FIVE_LABELS for key, _, _ in evaluate.rows(FIXTURES / name)}
    scored = [f for f in folds if f.slug in labelled]
    assert scored, "the guide's labels cover documents of raw/"
    weak = {f.slug: (round(f.themes.precision(), 3), round(f.themes.recall(), 3)) for f in scored
            if f.themes.precision() < LODO_P or f.themes.recall() < LODO_R}
    assert weak == {}


def test_the_five_texts_are_labelled_again_by_the_guide_with_the_same_test_half() -> None:
    """Every paragraph the earlier labels have, once, in the half the earlier labels put it in."""
    dev, test = (set(_keys(n)) for n in (generalisation.FIVE_DEV, generalisation.FIVE_TEST))
    earlier = {name: set(_keys(name)) for name in ("labels.tsv", "labels-heldout.tsv", "labels-dev.tsv", "labels-test.tsv")}
    assert test == earlier["labels-test.tsv"] and dev.isdisjoint(test)
    assert dev | test == set().union(*earlier.values())


def test_theme_precision_and_recall_on_the_five_texts_test_half_by_the_guide(corpus: Corpus) -> None:
    themes, regions, disagreements = evaluate.labels(corpus, FIXTURES / generalisation.FIVE_TEST, missing_ok=True)
    print(f"five texts, guide, test half: themes precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= FIVE_TEST_P and themes.recall() >= FIVE_TEST_R, disagreements
    assert regions.precision() >= 0.95 and regions.recall() >= 0.95, disagreements


def test_every_term_hit_on_a_labelled_paragraph_is_counted_right_or_wrong(tmp_path: Path) -> None:
    """On a tiny corpus: a theme the labels have counts each of its terms right, one they lack each term wrong."""
    from test_report import tiny_project
    corpus = tiny_project(tmp_path)
    labels = tmp_path / "labels.tsv"
    labels.write_text("2030-be-prioriteitenbrief#h-1-p1\tenergie\t\n2030-be-prioriteitenbrief#h-1-p2\t\t\n",
                      encoding="utf-8")
    hits = generalisation.term_hits([corpus], [labels])
    assert dict(hits.right) == {("energie", "wind op zee"): 1, ("energie", "waterstof"): 1, ("energie", "energie*"): 1,
                                ("energie", "kop"): 1}
    assert dict(hits.wrong) == {("energie", "kop"): 1, ("energie", "buren"): 1}


def test_a_label_of_a_changed_text_stops_the_figures_naming_its_line(tmp_path: Path) -> None:
    """Labels carry their paragraph's fingerprint: a corrected text must be read and labelled again."""
    from test_report import tiny_project

    from generator.analyse import anchors
    from generator.core.problems import InputError
    corpus = tiny_project(tmp_path)
    first, second = corpus.documents[0].sections[0].paragraphs[:2]
    labels = tmp_path / "labels.tsv"
    labels.write_text(f"# paragraph\tthemes\tregions\tfingerprint\n"
                      f"2030-be-prioriteitenbrief#{first.id}\tenergie\t\t{anchors.fingerprint(first.text)}\n"
                      f"2030-be-prioriteitenbrief#{second.id}\t\t\t{anchors.fingerprint(first.text)}\n"
                      f"2030-be-prioriteitenbrief#h-9-p9\t\t\t00000000\n", encoding="utf-8")
    with pytest.raises(InputError) as stopped:
        evaluate.labels(corpus, labels)
    assert [(p.line, p.message.split(" (")[0]) for p in stopped.value.problems] == [
        (3, f"the text of 2030-be-prioriteitenbrief#{second.id} is not the text that was labelled"),
        (4, "there is no paragraph 2030-be-prioriteitenbrief#h-9-p9")]


LATER_SETS = {
    generalisation.FOURTH: (generalisation.FOURTH_LABELS, 0.86, 0.84, 0.92),
    generalisation.FIFTH: (generalisation.FIFTH_LABELS, 0.90, 0.82, 0.95),
    generalisation.SIXTH: (generalisation.SIXTH_LABELS, 0.87, 0.80, 0.95),
}
"""The later written sets: labels file and the floors of themes P, R and regions P and R. Each was scored once
(generalisation.*_FIRST_SCORE) and looked at while tuning since: fourth 0.861 / 0.805 then, 0.867 / 0.846 now;
fifth 0.912 / 0.803, now 0.907 / 0.824; sixth (everyday wordings of three themes) 0.852 / 0.704, now 0.877 / 0.801."""


@pytest.mark.parametrize("folder", LATER_SETS)
def test_theme_precision_and_recall_on_the_later_written_sets(tuned_on: dict[str, Corpus], folder: str) -> None:
    labels, floor_p, floor_r, floor_regions = LATER_SETS[folder]
    written = tuned_on[folder]
    rows = evaluate.rows(FIXTURES / labels)
    assert len(rows) >= 140 and {k for k, _, _ in rows} == {f"{d.slug}#{p.id}" for d in written.documents
                                                            for p in d.paragraphs}
    _holds_its_floors(written, folder, labels, rows, floor_p, floor_r, floor_regions)


def _holds_its_floors(written: Corpus, folder: str, labels: str, rows: list[tuple[str, str, str]], floor_p: float,
                      floor_r: float, floor_regions: float) -> None:
    """A written set's labels name every theme, and the rules reach its floors."""
    assert {t for _, themes, _ in rows for t in evaluate.split(themes)} == {t.slug for t in written.themes}
    themes, regions, disagreements = evaluate.labels(written, FIXTURES / labels)
    print(f"{folder}: themes precision {themes.precision():.3f}, recall {themes.recall():.3f}; "
          f"regions precision {regions.precision():.3f}, recall {regions.recall():.3f}")
    assert themes.precision() >= floor_p and themes.recall() >= floor_r, disagreements
    assert regions.precision() >= floor_regions and regions.recall() >= floor_regions, disagreements


def test_no_document_is_in_two_written_sets(tuned_on: dict[str, Corpus]) -> None:
    slugs = [d.slug for corpus in tuned_on.values() for d in corpus.documents]
    assert len(slugs) == len(set(slugs)) and len(tuned_on) == len(generalisation.WRITTEN)


UNTUNED = {
    generalisation.SEVENTH: (generalisation.SEVENTH_LABELS, 0.89, 0.83, 0.96),
    generalisation.EIGHTH: (generalisation.EIGHTH_LABELS, 0.89, 0.83, 0.97),
}
"""The sets scored once and never tuned on: labels file and floors of themes P, R and regions P and R. Seventh:
P 0.893 / R 0.833, regions 0.968 / 0.989 (the rules of 3ff91e6: 0.899 / 0.805); eighth: P 0.898 / R 0.833, regions
0.992 / 0.983 (3ff91e6: 0.914 / 0.819). Issue 21 aims at P 0.90 / R 0.85 with no theme below 0.75."""


@pytest.mark.parametrize("folder", UNTUNED)
def test_the_untuned_written_sets_are_new_and_hold_their_first_score(root: Path, tuned_on: dict[str, Corpus],
                                                                     folder: str) -> None:
    labels, floor_p, floor_r, floor_regions = UNTUNED[folder]
    written = generalisation.heldout_corpus(FIXTURES, root / "vocabulary", folder)
    rows = evaluate.rows(FIXTURES / labels)
    assert len(rows) >= 200 and {k for k, _, _ in rows} == {f"{d.slug}#{p.id}" for d in written.documents
                                                            for p in d.paragraphs}
    others = {d.slug for c in tuned_on.values() for d in c.documents}
    others |= {d.slug for f in UNTUNED if f != folder
               for d in generalisation.heldout_corpus(FIXTURES, root / "vocabulary", f).documents}
    assert {d.slug for d in written.documents}.isdisjoint(others)
    _holds_its_floors(written, folder, labels, rows, floor_p, floor_r, floor_regions)
