"""Make the built site's search find what people type in Dutch.

MkDocs Material's search (lunr) matches word starts only and does not fold
diacritics. After ``mkdocs build``, this fills the ``tags`` field of every entry
of ``search/search_index.json`` (the site uses no tags; it is the one extra field
Material's search queries) with the forms a reader may type instead: words
without diacritics ("financiele" for "financiële") and the parts of compounds
("politie", "verdrag" for "politieverdrag"), found in the site's own vocabulary.
extra.css hides tags in the result list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from ..core.text import strip_diacritics

FIELD = "tags"
WORD = re.compile(r"[^\W\d_]+")
TAG = re.compile(r"<[^>]+>")
MIN_PART = 4
"""Shortest compound part worth indexing: shorter ones (en, of, de) match everything."""
KNOWN_HEAD = 5
"""A head this long that is a word of its own may take an unknown tail (fiets|diefstal)."""
LINKS = ("s", "e", "en")
"""Dutch linking sounds between compound parts: veiligheid-s-raad, bureau-en-kwestie."""


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Folded lower-case words of the site that can stand as compound parts."""
    return _vocabulary(WORD.findall(text) for text in texts)


def _vocabulary(word_lists: Iterable[list[str]]) -> frozenset[str]:
    distinct: set[str] = set()
    for found in word_lists:
        distinct.update(found)
    return frozenset(strip_diacritics(w.lower()) for w in distinct if len(w) >= MIN_PART)


def split_compound(word: str, words: frozenset[str]) -> list[str]:
    """Parts of a compound ("fietsdiefstalpreventie" → fiets, diefstal, preventie).

    Parts are words of the site; one part of at least `KNOWN_HEAD` letters may be unknown when its
    neighbours are known (diefstal). The split with the most known parts wins, then the most parts.
    """
    parts, known = _split(word, words, unknown_left=1)
    return parts if len(parts) > 1 and known >= 1 else []


def _split(word: str, words: frozenset[str], unknown_left: int) -> tuple[list[str], int]:
    """Best split of `word` as (parts, number of known parts); ([], 0) if none."""
    best: tuple[list[str], int] = ([word], 1) if word in words else ([], 0)
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        left, right = word[:cut], word[cut:]
        stems = [left[: -len(link)] for link in LINKS if left.endswith(link)]
        heads = [h for h in [left, *stems] if len(h) >= MIN_PART]
        for head in heads:
            known = head in words
            if not known and not (unknown_left and len(head) >= KNOWN_HEAD):
                continue
            tail, tail_known = _split(right, words, unknown_left - (not known))
            if not tail and unknown_left - (not known) and len(right) >= KNOWN_HEAD and known:
                tail, tail_known = [right], 0
            if not tail:
                continue
            candidate = ([head, *tail], tail_known + known)
            if (candidate[1], len(candidate[0])) > (best[1], len(best[0])):
                best = candidate
    return best


def extra_terms(text: str, words: frozenset[str], known: dict[str, list[str]] | None = None) -> list[str]:
    """What to index besides `text`: diacritic-free forms and compound parts, once each.

    `known` remembers the terms of every word already seen: the same words recur in every section.
    """
    return _extra_terms(WORD.findall(text), words, {} if known is None else known)


def _extra_terms(found: list[str], words: frozenset[str], known: dict[str, list[str]]) -> list[str]:
    extra: dict[str, None] = {}
    for raw in dict.fromkeys(found):
        if raw not in known:
            known[raw] = _word_terms(raw, words)
        for term in known[raw]:
            extra[term] = None
    return list(extra)


def _word_terms(raw: str, words: frozenset[str]) -> list[str]:
    word = raw.lower()
    folded = strip_diacritics(word)
    terms = [folded] if folded != word else []
    return terms + (split_compound(folded, words) if len(folded) >= 2 * MIN_PART else [])


def enrich(site: Path) -> int:
    """Add the extra terms to the built site's search index; return the number of entries.

    Entries are split at white space; the chunks (words with their punctuation) recur throughout the site,
    so each distinct chunk is scanned for words, and its extra terms found, only once.
    """
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = index["docs"]
    texts = [dict.fromkeys(f"{d['title']} {TAG.sub(' ', d['text'])}".split()) for d in docs]
    distinct: dict[str, None] = {}
    for chunks in texts:
        distinct.update(chunks)
    chunk_words = {chunk: WORD.findall(chunk) for chunk in distinct}
    words = _vocabulary(chunk_words.values())
    known: dict[str, list[str]] = {}
    chunk_terms = {chunk: terms for chunk, found in chunk_words.items() if (terms := _extra_terms(found, words, known))}
    having = chunk_terms.keys()
    for doc, chunks in zip(docs, texts, strict=True):
        doc[FIELD] = sorted({term for chunk in having & chunks.keys() for term in chunk_terms[chunk]})
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(docs)
