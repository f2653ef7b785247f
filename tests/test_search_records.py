"""The search records the generator writes, and the Pagefind index made of them (no browser needed)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

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
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("<html></html>", encoding="utf-8")
        assert search.write_index(built / "site_src", tmp_path / name) == len(records(built))
        folder = tmp_path / name / search.INDEX_FOLDER
        outputs.append({p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1]
    assert not any(str(path).startswith("pagefind-ui") for path in outputs[0])  # only what the site loads


def test_pagefind_files_as_pagefind_writes_them_read_and_write_back_unchanged(built: Path, tmp_path: Path) -> None:
    """The CBOR reader and writer, on the filter and metadata files straight from Pagefind (before any sorting)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for number, record in enumerate(records(built)[:80]):
        (pages / f"{number:07d}.html").write_text(search._page(record), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(tmp_path / "raw"),
                    "--silent"], check=True, capture_output=True)
    files = sorted((tmp_path / "raw" / "filter").glob("*.pf_filter")) + sorted((tmp_path / "raw").glob("*.pf_meta"))
    assert len(files) >= 4
    for path in files:
        data = stable_index._unpack(path.read_bytes())
        assert stable_index._encode(stable_index._decode_all(data)) == data, path.name


def test_missing_records_stop_the_index_with_a_message(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"(?s)search records are missing.*benelux-site build"):
        search.write_index(tmp_path / "site_src", tmp_path / "site")


def test_search_index_problems_are_told_and_leave_the_last_index(built: Path, tmp_path: Path) -> None:
    docs, site = tmp_path / "site_src", tmp_path / "site"
    docs.mkdir()
    site.mkdir()
    (docs / RECORDS).write_text("[{", encoding="utf-8")
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    (site / search.INDEX_FOLDER).mkdir()
    (site / search.INDEX_FOLDER / "pagefind.js").write_text("// the last good index", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "search-index", "--out", str(docs), "--site", str(site)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and "search index stopped" in result.stderr
    assert f"{docs / RECORDS}:" in result.stderr and "search records cannot be read" in result.stderr
    assert (site / search.INDEX_FOLDER / "pagefind.js").read_text(encoding="utf-8") == "// the last good index"
    with pytest.raises(InputError, match="not a built site"):
        search.write_index(built / "site_src", tmp_path / "empty")
