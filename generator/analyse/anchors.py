"""Permanent passage ids: once a paragraph or a heading has an id, the id stays with its text.

The segmenter numbers paragraphs by position (`<section>-p<n>`) and names sections after their heading. That
is the id a passage gets the first time a document is built. From then on the document's register
(`raw/anchors/<slug>.tsv`, written by the build, kept in version control beside the raw file) holds every id the
document has given out, with a fingerprint of its text. The next build lines the new text up against it:

- a paragraph whose text is unchanged keeps its id, wherever it moved;
- a corrected paragraph (its first or its last words unchanged) keeps its id;
- an inserted paragraph gets a new id that no passage of the document ever had;
- a removed paragraph's id is kept in the register as gone, and its anchor lands on the passage that took its
  place (an alias on that paragraph): a mailed link lands beside where its text was, never on a passage
  that merely took over its number.
Headings are lined up the same way; a reworded heading in the same place keeps its section id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Literal

from ..core.inline import plain
from ..core.records import Anchor, Paragraph, Section
from ..core.text import match_form

EDGE_WORDS = 6
"""Words at the start and at the end of a text that identify it through a correction elsewhere in it."""


FINGERPRINT = 8
"""Hex digits of the fingerprint that overrides and labels carry: the start of the register's key."""


def fingerprint(text: str) -> str:
    """A short fingerprint of a paragraph's text, for the files that refer to a paragraph by its id: when the text
    changes, what was decided about it must be read again."""
    return _print(text).key[:FINGERPRINT]


@dataclass(frozen=True)
class _Print:
    key: str
    head: str
    tail: str


def _print(value: str) -> _Print:
    words = match_form(plain(value)).split()
    form = " ".join(words)
    return _Print(hashlib.sha256(form.encode()).hexdigest()[:12], " ".join(words[:EDGE_WORDS]),
                  " ".join(words[-EDGE_WORDS:]))


def pin(sections: tuple[Section, ...], known: tuple[Anchor, ...]) -> tuple[tuple[Section, ...], tuple[Anchor, ...]]:
    """The sections with their registered ids (new ones for new text, aliases for gone text), and the register
    that results. With no register, the segmenter's ids are kept as they are and become the register."""
    old_sections = [e for e in known if e.kind == "section"]
    old_paragraphs = [e for e in known if e.kind == "paragraph"]
    section_prints = [_print(s.title or "") for s in sections]
    section_ids = _assign([s.id for s in sections], section_prints, old_sections, _fresh_section, in_place=True)
    paragraphs = [(i, p) for i, s in enumerate(sections) for p in s.paragraphs]
    paragraph_prints = [_print(p.text) for _, p in paragraphs]
    used = {e.id for e in known} | set(section_ids)
    paragraph_ids = _assign([p.id for _, p in paragraphs], paragraph_prints, old_paragraphs,
                            lambda wanted, taken: _fresh_paragraph(wanted, taken, section_ids, paragraphs),
                            in_place=False, used=used)
    gone_sections = _gone(old_sections, section_ids)
    gone_paragraphs = _gone(old_paragraphs, paragraph_ids)
    # Where each gone id now lands: the passage that came after it, or the last one before it.
    section_alias = _landing(old_sections, section_ids, section_prints, gone_sections)
    paragraph_alias = _landing(old_paragraphs, paragraph_ids, paragraph_prints, gone_paragraphs)
    by_section: list[list[Paragraph]] = [[] for _ in sections]
    for (i, p), pid in zip(paragraphs, paragraph_ids, strict=True):
        by_section[i].append(replace(p, id=pid, aliases=tuple(sorted(a for a, t in paragraph_alias.items()
                                                                          if t == pid))))
    pinned = tuple(replace(s, id=sid, paragraphs=tuple(by_section[i]),
                           aliases=tuple(sorted(a for a, t in section_alias.items() if t == sid)))
                   for i, (s, sid) in enumerate(zip(sections, section_ids, strict=True)))
    entries = [*_entries("section", section_ids, section_prints, old_sections, section_alias),
               *_entries("paragraph", paragraph_ids, paragraph_prints, old_paragraphs, paragraph_alias)]
    return pinned, tuple(entries)


def _assign(wanted: list[str], prints: list[_Print], old: list[Anchor], fresh: Callable[[str, set[str]], str], *,
            in_place: bool, used: set[str] | None = None) -> list[str]:
    """An id for each new text: the registered id of the same (or corrected) text, else a fresh one."""
    active = [e for e in old if not e.gone_to]
    if not old:
        return list(wanted)
    ids: list[str | None] = [None] * len(prints)
    matcher = SequenceMatcher(None, [e.key for e in active], [p.key for p in prints], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                ids[j1 + k] = active[i1 + k].id
        elif tag == "replace":
            cursor = i1
            for j in range(j1, j2):
                match = next((i for i in range(cursor, i2) if prints[j].head == active[i].head
                              or prints[j].tail == active[i].tail), None)
                if match is None and in_place and i2 - i1 == j2 - j1:
                    match = i1 + (j - j1)  # a reworded heading in the same place
                if match is not None and match >= cursor:
                    ids[j] = active[match].id
                    cursor = match + 1
    # A text that comes back (a removal undone) gets its old id back.
    gone: dict[str, list[str]] = {}
    for entry in old:
        if entry.gone_to:
            gone.setdefault(entry.key, []).append(entry.id)
    for j, pid in enumerate(ids):
        if pid is None and gone.get(prints[j].key):
            ids[j] = gone[prints[j].key].pop(0)
    taken = set(used or ()) | {e.id for e in old}
    result = []
    for j, pid in enumerate(ids):
        if pid is None:
            pid = fresh(wanted[j], taken)
            taken.add(pid)
        result.append(pid)
    return result


def _fresh_section(wanted: str, taken: set[str]) -> str:
    pid, n = wanted, 2
    while pid in taken:
        pid, n = f"{wanted}-{n}", n + 1
    return pid


def _fresh_paragraph(wanted: str, taken: set[str], section_ids: list[str],
                     paragraphs: list[tuple[int, Paragraph]]) -> str:
    """`<section>-p<n>` with the paragraph's (pinned) section and a number no id of the document ever had."""
    index = next(i for i, p in paragraphs if p.id == wanted)
    prefix = f"{section_ids[index]}-p"
    numbers = [int(t[len(prefix):]) for t in taken if t.startswith(prefix) and t[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def _gone(old: list[Anchor], ids: list[str]) -> list[Anchor]:
    present = set(ids)
    return [e for e in old if e.id not in present]


def _landing(old: list[Anchor], ids: list[str], prints: list[_Print], gone: list[Anchor]) -> dict[str, str]:
    """Gone id → the id whose passage its link now shows: the one it landed on before, else a text that begins or
    ends as it did (two paragraphs merged into one), else the next passage that was there before it."""
    present = set(ids)
    landing: dict[str, str] = {}
    order = [e.id for e in old]
    for entry in gone:
        if entry.gone_to in present:
            landing[entry.id] = entry.gone_to
            continue
        alike = [pid for pid, p in zip(ids, prints, strict=True) if entry.tail and (p.tail == entry.tail
                                                                                      or p.head == entry.head)]
        if alike:
            landing[entry.id] = alike[0]
            continue
        at = order.index(entry.id)
        after = [i for i in order[at + 1:] if i in present]
        before = [i for i in reversed(order[:at]) if i in present]
        target = after[0] if after else before[0] if before else ids[0] if ids else ""
        if target:
            landing[entry.id] = target
    return landing


def _entries(kind: Literal["section", "paragraph"], ids: list[str], prints: list[_Print], old: list[Anchor],
             alias: dict[str, str]) -> list[Anchor]:
    """The register of one kind: present ids in document order, each gone one after its landing place."""
    present = [Anchor(kind, pid, p.key, p.head, p.tail) for pid, p in zip(ids, prints, strict=True)]
    gone = [replace(e, gone_to=alias.get(e.id, "")) for e in old if e.id not in set(ids)]
    result: list[Anchor] = []
    for entry in present:
        result.append(entry)
        result.extend(g for g in gone if g.gone_to == entry.id)
    result.extend(g for g in gone if not g.gone_to)
    return result
