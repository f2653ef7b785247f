"""The search records the generator writes, and the Pagefind index made of them (no browser needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.core import inline
from generator.core.layout import RECORDS
from generator.core.problems import InputError
from generator.core.records import Corpus
from generator.site import search, stable_index
from generator.site.record import site_record

WORDS = search.vocabulary(["politie verdrag fiets veiligheid raad overstroming scenario preventie drie landen"])


def test_compounds_split_into_words_of_the_site() -> None:
    assert search.split_compound("politieverdrag", WORDS) == ["politie", "verdrag"]
    assert search.split_compound("veiligheidsraad", WORDS) == ["veiligheid", "raad"]
    assert search.split_compound("fietsdiefstalpreventie", WORDS) == ["fiets", "diefstal", "preventie"]
    assert search.split_compound("samenwerking", WORDS) == []


def test_the_tail_after_a_known_word_is_a_search_form() -> None:
    assert "trein" in search.compound_tails("drielandentrein", WORDS)  # drie|landen|trein
    assert "diefstalpreventie" in search.compound_tails("fietsdiefstalpreventie", WORDS)
    assert search.compound_tails("samenwerking", WORDS) == []


def test_extra_terms_fold_diacritics_once() -> None:
    assert search.extra_terms("Financiële steun voor Oekraïne en financiële", WORDS) == ["financiele", "oekraine"]


def records(built: Path) -> list[search.Record]:
    found: list[search.Record] = json.loads((built / "site_src" / RECORDS).read_text(encoding="utf-8"))
    return found


def test_every_passage_is_in_one_record_and_no_copy_is_indexed(built: Path, corpus: Corpus) -> None:
    found = records(built)
    sections = [r for r in found if "#" in r["url"]]
    listed = [(r["url"].split("#")[0], paragraph) for r in sections for paragraph in r["meta"]["alineas"].split()]
    expected = [(f"documenten/{d.slug}/", p.id) for d in corpus.documents for p in d.paragraphs if p.kind != "toc"]
    assert sorted(listed) == sorted(expected)  # each once, table-of-contents lines (a heading's copy) left out
    # The other records are the pages searched by name, with their name only: no passage text.
    for record in found:
        if "#" not in record["url"]:
            assert re.fullmatch(r"(themas|regios|jaren|documenten)/[^/#]+/", record["url"]), record["url"]
            assert search.PARAGRAPH not in record["content"], record["url"]
            assert len(record["content"].split(search.EXTRA)[0].split()) <= 30, record["url"]


def test_a_record_holds_a_section_as_a_reader_sees_it_with_extra_forms(built: Path, corpus: Corpus) -> None:
    by_url = {r["url"]: r for r in records(built)}
    doc = next(d for d in corpus.documents if d.slug == "2026-benelux-jaarplan")
    section = next(s for s in doc.sections if s.id == "h-waterstof")
    record = by_url[f"documenten/{doc.slug}/#h-waterstof"]
    assert record["heading"] == "Waterstof"
    blocks = record["content"].split(search.PARAGRAPH)[1:]
    assert len(blocks) == len(section.paragraphs)
    for block, paragraph in zip(blocks, section.paragraphs, strict=True):
        text = block.strip().partition(f" {search.EXTRA} ")[0]
        assert text == inline.plain(paragraph.text)
    assert "netbeheerders" in blocks[0].split(search.EXTRA)[1].split()  # from "waterstofnetbeheerders"
    assert record["meta"] == {"title": "Waterstof", "document": inline.plain(doc.meta.title), "jaar": "2026",
                              "land": "Nederland", "soort": "Jaarplan", "sectie": "h-waterstof",
                              "alineas": " ".join(p.id for p in section.paragraphs),
                              "labels": "|".join(" ".join([*p.themes, *p.regions]) for p in section.paragraphs)}
    assert record["filters"]["jaar"] == ["2026"] and record["filters"]["land"] == ["Nederland"]
    assert set(record["filters"]["thema"]) == {t for p in section.paragraphs for t in p.themes} >= {"energie"}


def test_raw_text_reaches_the_indexer_as_text(corpus: Corpus) -> None:
    page = search._page(search.Record(url="documenten/x/#h-a", heading="<b>Kop</b>", content="<script>x</script> & y",
                                      meta={"title": "T"}, filters={"thema": ['"><img>']}))
    assert "<script>" not in page and "<b>" not in page and "<img>" not in page
    assert "&lt;script&gt;x&lt;/script&gt; &amp; y" in page


def test_names_cover_themes_regions_years_and_documents(corpus: Corpus) -> None:
    site = site_record(corpus)
    names = {page["naam"]: page["url"] for page in search.named_pages(site)}
    assert names["Energie"] == names["energie"] == "themas/energie/"
    assert names["mobiliteit"] == "themas/mobiliteit/"  # the slug names "Mobiliteit en transport"
    assert names["Voorzitterschap 2025"] == names["2025"] == "jaren/2025/"
    assert names["Noordrijn-Westfalen"] == "regios/noordrijn-westfalen/"
    assert len([n for n in names.values() if n.startswith("documenten/")]) == len(corpus.documents)


def test_the_index_is_built_from_the_records_and_is_the_same_twice(built: Path, tmp_path: Path) -> None:
    outputs = []
    for name in ("een", "twee"):
        assert search.write_index(built / "site_src", tmp_path / name) == len(records(built))
        folder = tmp_path / name / search.INDEX_FOLDER
        outputs.append({p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]
    assert not any(str(path).startswith("pagefind-ui") for path in outputs[0])  # only what the site loads


def test_pagefind_files_survive_the_rewrite_unchanged_but_for_order(built: Path) -> None:
    """The filter files, read and written again, are the bytes Pagefind wrote (apart from the order of values)."""
    folder = built / "site" / search.INDEX_FOLDER
    for path in sorted((folder / "filter").glob("*.pf_filter")) + sorted(folder.glob("*.pf_meta")):
        data = stable_index._unpack(path.read_bytes())
        assert stable_index._encode(stable_index._decode_all(data)) == data, path.name


def test_missing_records_stop_the_index_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"(?s)search records are missing.*benelux-site build"):
        search.write_index(tmp_path / "site_src", tmp_path / "site")
