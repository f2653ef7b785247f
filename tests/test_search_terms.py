from __future__ import annotations

import json
from pathlib import Path

from generator.site import search

WORDS = search.vocabulary(["politie verdrag fiets veiligheid raad overstroming scenario preventie"])


def test_compounds_split_into_words_of_the_site() -> None:
    assert search.split_compound("politieverdrag", WORDS) == ["politie", "verdrag"]
    assert search.split_compound("veiligheidsraad", WORDS) == ["veiligheid", "raad"]
    assert search.split_compound("fietsdiefstalpreventie", WORDS) == ["fiets", "diefstal", "preventie"]
    assert search.split_compound("samenwerking", WORDS) == []


def test_extra_terms_fold_diacritics_once() -> None:
    assert search.extra_terms("Financiële steun voor Oekraïne en financiële", WORDS) == ["financiele", "oekraine"]


def test_enrich_fills_the_tags_field_of_every_entry(tmp_path: Path) -> None:
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    docs = [{"location": "a/", "title": "Politieverdrag", "text": "<p>Politie en verdrag in België.</p>"}]
    index.write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    assert search.enrich(tmp_path) == 1
    entry = json.loads(index.read_text(encoding="utf-8"))["docs"][0]
    assert entry["tags"] == ["belgie", "politie", "verdrag"] and entry["text"] == docs[0]["text"]
