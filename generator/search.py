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
import unicodedata
from collections.abc import Iterable
from pathlib import Path

FIELD = "tags"
WORD = re.compile(r"[^\W\d_]+")
MIN_PART = 4
"""Shortest compound part worth indexing: shorter ones (en, of, de) match everything."""
KNOWN_HEAD = 5
"""A head this long that is a word of its own may take an unknown tail (fiets|diefstal)."""
LINKS = ("s", "e", "en")
"""Dutch linking sounds between compound parts: veiligheid-s-raad, bureau-en-kwestie."""


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Folded lower-case words of the site that can stand as compound parts."""
    return frozenset(fold(w.lower()) for text in texts for w in WORD.findall(text) if len(w) >= MIN_PART)


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
        heads = [h for h in [left] + [left[: -len(link)] for link in LINKS if left.endswith(link)] if len(h) >= MIN_PART]
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

    `known` remembers the split of every word already seen: the same words recur in every section.
    """
    known = {} if known is None else known
    extra: dict[str, None] = {}
    for raw in WORD.findall(text):
        word = raw.lower()
        folded = fold(word)
        if folded != word:
            extra[folded] = None
        if len(folded) >= 2 * MIN_PART:
            if folded not in known:
                known[folded] = split_compound(folded, words)
            for part in known[folded]:
                extra[part] = None
    return list(extra)


def enrich(site: Path) -> int:
    """Add the extra terms to the built site's search index; return the number of entries."""
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    docs = index["docs"]
    words = vocabulary(f"{d['title']} {d['text']}" for d in docs)
    known: dict[str, list[str]] = {}
    for doc in docs:
        doc[FIELD] = extra_terms(f"{doc['title']} {re.sub(r'<[^>]+>', ' ', doc['text'])}", words, known)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(docs)
