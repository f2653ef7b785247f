"""What else a reader may type for a passage: the other forms of its words ("wasberen" for "wasbeer"), the other
names of what it mentions (vocabulary/synonyms.yml, both ways), every name of its partner regions (regions.yml),
and the words of a hyphenated phrase one by one ("wind op zee" in "wind-op-zee-projecten", so that a quoted
phrase finds it). `search` adds them to a record behind its text; the page never shows them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.records import Term
from ..core.text import match_form, strip_diacritics

LANGUAGE = "nl"
SHORTEST = 4
"""Words shorter than this keep their form: their other forms (op, ops) find everything."""
DIMINUTIVE = ("je", "jes", "ke", "kes", "ie", "ies")
"""Endings of diminutives ("wasbeertje"), which nobody types for a plain word."""
DEGREES = ("er", "ere", "ers", "st", "ste")
"""Endings of comparatives and superlatives ("diplomatieker"), which nobody searches for."""
HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
POSSESSIVE = re.compile(r"([^\W\d_]+)['’]s\b")
TOKEN = re.compile(r"[a-z0-9]+")


@functools.cache
def _tables() -> tuple[Mapping[str, str], dict[str, tuple[str, ...]]]:
    """simplemma's Dutch table, form → lemma, and its inverse, lemma → forms (loaded once per process)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    lemma_of: Mapping[str, str] = DefaultDictionaryFactory().get_dictionary(LANGUAGE)
    forms: dict[str, list[str]] = {}
    for form, lemma in lemma_of.items():
        if form.isalpha():
            forms.setdefault(lemma, []).append(form)
    return lemma_of, {lemma: tuple(found) for lemma, found in forms.items()}


def lemma(word: str) -> str:
    """The dictionary form of a lower-case word ("wasberen" → "wasbeer"); the word itself when the table lacks it."""
    return _tables()[0].get(word, word)


def is_word(word: str) -> bool:
    """Whether the Dutch table knows `word` as a form or a lemma."""
    lemma_of, forms = _tables()
    return word in lemma_of or word in forms


def word_forms(word: str) -> list[str]:
    """The other forms of a lower-case word that a reader may type: its lemma and the lemma's inflections, without
    diminutives, without the word itself or a form that differs from it by accents only."""
    if len(word) < SHORTEST or not word.isalpha():
        return []
    base = lemma(word)
    bare = strip_diacritics(word)
    small = word.endswith(DIMINUTIVE)
    found = []
    for form in dict.fromkeys((base, *_tables()[1].get(base, ()))):
        if (len(form) >= SHORTEST and strip_diacritics(form) != bare and form.isalpha()
                and (small or not form.endswith(DIMINUTIVE) or base.endswith(DIMINUTIVE))
                and not (form.startswith(base) and form[len(base):] in DEGREES)):
            found.append(form)
    return found


def _key(name: str) -> tuple[str, ...]:
    """A name as compared: the lemmas of its folded words ("Grensarbeiders" → grensarbeider); a word the table lacks
    without its plural ending ("grenswerkers" → grenswerker)."""
    return tuple(_base(token) for token in TOKEN.findall(match_form(name)))


def _base(word: str) -> str:
    if word in _tables()[0] or word in _tables()[1]:
        return lemma(word)
    for ending in ("en", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST:
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class Names:
    """The other names of things, made once per build from the synonym groups and the regions."""

    synonyms: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    """(a name's folded lemmas, the other names of its group as written), per name of every group."""
    regions: Mapping[str, tuple[str, ...]]
    """Region slug → every name it goes by (label and plain terms), as extra words."""


def names(groups: Iterable[tuple[str, ...]], regions: Iterable[Term]) -> Names:
    pairs = []
    for group in groups:
        for name in group:
            pairs.append((_key(name), tuple(other for other in group if other != name)))
    by_region = {region.slug: _region_names(region) for region in regions}
    return Names(tuple(pairs), by_region)


def _region_names(region: Term) -> tuple[str, ...]:
    """A region's label and every term that is a plain name ("nrw", "nordrhein westfalen"; a multi-word name also
    hyphenated, as readers write it): not patterns, which no reader types."""
    found = [region.label]
    for rule in region.rules:
        pattern = rule.pattern.strip("*")
        if pattern and not rule.regions and not pattern.startswith("re:") and "*" not in pattern:
            found.append(pattern)
            if " " in pattern:
                found.append(pattern.replace(" ", "-"))
    return tuple(dict.fromkeys(found))


def extra_forms(text: str, labels: Iterable[str], known: Names, seen: dict[str, list[str]]) -> list[str]:
    """Forms to index besides `text` (a paragraph as read) whose regions are `labels`: see the module's docstring.
    `seen` remembers each word's forms: the same words recur in every section."""
    extra: dict[str, None] = {}
    for word in dict.fromkeys(re.findall(r"[^\W\d_]+", text.lower())):
        if word not in seen:
            seen[word] = word_forms(word)
        extra.update(dict.fromkeys(seen[word]))
    for word in POSSESSIVE.findall(text):  # Pagefind keeps "diploma’s" as one word: "diploma" must find it
        extra[word.lower()] = None
    for phrase in HYPHENATED.findall(text):
        extra[" ".join(phrase.split("-"))] = None
    keys = _key(text)
    for key, others in known.synonyms:
        if key and _contains(keys, key):
            extra.update(dict.fromkeys(others))
    for slug in labels:
        extra.update(dict.fromkeys(known.regions.get(slug, ())))
    return list(extra)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i:i + size] == phrase for i in range(len(words) - size + 1))
