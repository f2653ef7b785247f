"""What else a reader may type for a passage (generator/site/forms.py) and the synonym list (vocabulary/synonyms.yml):
no browser, no build."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import ROOT

from generator.core import inline
from generator.core.problems import InputError
from generator.core.records import Corpus
from generator.core.text import match_form
from generator.ingest import synonyms
from generator.site import forms, search
from generator.site.record import site_record

GROUPS = (("grensarbeiders", "grenswerkers"), ("e-CMR", "digitale vrachtbrief"))


@pytest.mark.parametrize(("word", "expected", "absent"), [
    ("wasbeer", {"wasberen"}, {"wasbeertje"}),  # the plural; no diminutive
    ("wasberen", {"wasbeer"}, set()),
    ("overstromingen", {"overstroming"}, set()),
    ("diplomatieke", {"diplomatiek"}, {"diplomatieker", "diploma"}),  # no comparative, nothing shorter
    ("op", set(), {"ops"}),  # short words keep their form
])
def test_a_word_gets_the_forms_readers_type(word: str, expected: set[str], absent: set[str]) -> None:
    found = set(forms.word_forms(word))
    assert expected <= found and not found & absent and word not in found


def test_synonyms_apply_both_ways_also_inflected_and_hyphenated() -> None:
    names = forms.names(GROUPS, [])
    assert "grenswerkers" in forms.extra_forms("De grensarbeiders in de regio", [], names, {})
    assert "grensarbeiders" in forms.extra_forms("Een grenswerker werkt thuis", [], names, {})  # singular
    assert "digitale vrachtbrief" in forms.extra_forms("de Benelux e-CMR pilot", [], names, {})
    assert "e-CMR" in forms.extra_forms("De proef met de digitale vrachtbrief", [], names, {})
    assert not {"e-CMR", "grenswerkers"} & set(forms.extra_forms("Een digitale kaart van de grens", [], names, {}))


def test_hyphenated_words_and_possessives_are_also_words_one_by_one() -> None:
    extra = forms.extra_forms("wind-op-zee-projecten en diploma’s", [], forms.names((), []), {})
    assert "wind op zee projecten" in extra and "diploma" in extra


def test_compound_parts_are_not_cut_from_derived_words() -> None:
    words = search.vocabulary(["diploma systemen fiets preventie"])
    assert search.split_compound("diplomatieke", words) == []  # "tieke" is no Dutch word
    assert search.split_compound("statiegeldsystemen", words) == ["statiegeld", "systemen"]
    assert search.split_compound("fietsdiefstalpreventie", words) == ["fiets", "diefstal", "preventie"]


def _extras(record: search.Record) -> list[set[str]]:
    return [set(block.partition(search.EXTRA)[2].split()) for block in record["content"].split(search.PARAGRAPH)[1:]]


def test_every_passage_of_a_region_carries_every_plain_name_of_the_region(corpus: Corpus) -> None:
    site = site_record(corpus)
    sections = {r["url"]: r for r in search.records(corpus, site) if "#" in r["url"]}
    checked = 0
    for doc in corpus.documents:
        for section in doc.sections:
            record = sections.get(f"documenten/{doc.slug}/#{section.id}")
            if record is None:
                continue
            paragraphs = [p for p in section.paragraphs if p.kind != "toc"]
            for paragraph, extra in zip(paragraphs, _extras(record), strict=True):
                for slug in paragraph.regions:
                    region = next(r for r in corpus.regions if r.slug == slug)
                    words = {w for name in forms._region_names(region) for w in name.split()}
                    assert words <= extra | set(match_form(inline.plain(paragraph.text)).split()), (paragraph.id, slug)
                    checked += 1
    assert checked >= 1


def test_the_synonyms_reach_the_records_of_passages_that_use_the_other_name(corpus: Corpus) -> None:
    groups = synonyms.load(ROOT / "vocabulary" / synonyms.NAME)
    with_groups = replace(corpus, synonyms=groups)
    found = search.records(with_groups, site_record(with_groups))
    names = forms.names(groups, [])
    used = 0
    for record in (r for r in found if "#" in r["url"]):
        for block in record["content"].split(search.PARAGRAPH)[1:]:
            text, _, extra = block.partition(search.EXTRA)
            keys = forms._key(text)
            for key, others in names.synonyms:
                if forms._contains(keys, key):
                    assert all(other in extra for other in others), (record["url"], others)
                    used += 1
    assert used >= 1


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / synonyms.NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_the_synonym_file_is_read_as_groups(tmp_path: Path) -> None:
    assert synonyms.load(_write(tmp_path, "- [grensarbeiders, grenswerkers]\n- [e-CMR, digitale vrachtbrief]\n")) == GROUPS
    assert synonyms.load(tmp_path / "absent.yml") == ()
    assert synonyms.load(ROOT / "vocabulary" / synonyms.NAME)  # the site's own list is valid


@pytest.mark.parametrize(("text", "line", "message"), [
    ("- [grensarbeiders, grenswerkers]\n- grensarbeiders\n", 2, "not a list of two or more names"),
    ("- [a, b]\n- [c]\n", 2, "not a list of two or more names"),
    ("- [grensarbeiders, grenswerkers]\n- [Grenswerkers, grenspendelaars]\n", 2, "listed twice (also on line 1)"),
    ("- [e-CMR, 3]\n", 1, "not a word or a short phrase"),
    ("- [e-CMR, eCMR, e CMR]\n- [nrw, NRW]\n", 2, "names one thing only"),
    ("- [a, b\n", 2, "not valid YAML"),  # where the parser gives up
])
def test_a_bad_synonym_entry_is_named_with_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as caught:
        synonyms.load(path)
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(path), line) and message in problem.message and problem.fix


def test_a_bad_synonym_file_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    vocabulary = tmp_path / "vocabulary"
    vocabulary.mkdir()
    for path in (ROOT / "vocabulary").glob("*.yml"):
        (vocabulary / path.name).write_bytes(path.read_bytes())
    (vocabulary / synonyms.NAME).write_text("- [grensarbeiders]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--raw", str(ROOT / "raw"), "--out", str(out),
                             "--vocabulary", str(vocabulary), "--templates", str(ROOT / "templates")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert f"{vocabulary / synonyms.NAME}:1:" in result.stdout + result.stderr
    assert not out.exists() or not any(out.rglob("*.md"))
