"""Each document's finished analysis, kept between builds, so that a build analyses only what changed.

A document's analysis depends on its own input (the raw document as read, with its anchor register), on the
vocabularies, on the generator's code, and on the rest of the corpus through one question only: whether the
word forms of the whole corpus keep a line-end hyphen (`Lexicon.keeps_hyphen`). Beside each finished
document the cache keeps every such question the analysis asked and the answer it got. A cached document is
used only when its input is the same and the corpus of today gives the same answer to every one of its
questions; then a full analysis would give the same document, so the cache changes no result.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..clean import lexicon
from ..core import parallel
from ..core.records import Conservation, Document, RawDocument, Term

Result = tuple[Document, Conservation]
"""What the analysis of one document gives: the finished document (summary included) and its text check."""
Work = Callable[[lexicon.Lexicon, RawDocument], Result]
"""The analysis of one document with the given word forms."""
SUFFIX = ".pickle"
STAGED = ".staged"
"""Ending of an entry written by a build that has not finished yet (`commit`, `discard`)."""
PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Recording(lexicon.Lexicon):
    """The corpus's word forms, noting every question a document's analysis asks of them."""

    asked: dict[tuple[str, str], bool] = field(default_factory=dict)
    """(left, right) of each line-end hyphen decided, and the decision."""

    def keeps_hyphen(self, left: str, right: str) -> bool:
        answer = super().keeps_hyphen(left, right)
        self.asked[(left, right)] = answer
        return answer


@dataclass(frozen=True)
class Entry:
    """One document's analysis as the cache keeps it."""

    key: str
    """Hash of everything of its own the analysis read (`key`)."""
    asked: tuple[tuple[str, str, bool], ...]
    """The corpus-wide questions it asked, with their answers then."""
    result: Result


def context(themes: Sequence[Term], regions: Sequence[Term]) -> str:
    """What every document's analysis depends on besides its own input: the generator's code, the Python that
    runs it and both vocabularies."""
    digest = hashlib.sha256(f"{sys.version}\n{themes!r}\n{regions!r}".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE)).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def key(raw: RawDocument, shared: str) -> str:
    """The input of one document's analysis: the raw document as read (its text, front matter, kind and anchor
    register) and the `context` shared by all documents. The records are frozen dataclasses of strings, numbers
    and tuples, so their repr is the same for equal records in every process."""
    return hashlib.sha256(f"{shared}\n{raw!r}".encode()).hexdigest()


def analyse_all(raws: Sequence[RawDocument], words: lexicon.Lexicon, work: Work, *, folder: Path | None,
                shared: str, parallel_from: int, done: Callable[[int], None] | None = None) -> list[Result]:
    """[work(words, raw) for raw in raws], taking from `folder` every result that is still valid, and staging
    there the new ones for `commit` (none when `folder` is None). From `parallel_from` documents to analyse on,
    they are analysed on every core."""
    keys = [key(raw, shared) for raw in raws]
    results: list[Result | None] = [_load(folder, raw.slug, k, words) if folder else None
                                    for raw, k in zip(raws, keys, strict=True)]
    missing = [i for i, result in enumerate(results) if result is None]
    cached = len(raws) - len(missing)
    if done and cached:
        done(cached)
    report = (lambda count: done(cached + count)) if done else None
    todo = [raws[i] for i in missing]
    recorded = _recorded(work, words)
    if len(todo) >= parallel_from:
        fresh = parallel.map_balanced(recorded, todo, [len(raw.body) for raw in todo], report)
    else:
        fresh = parallel.map_serial(recorded, todo, report)
    for i, (result, asked) in zip(missing, fresh, strict=True):
        results[i] = result
        if folder:
            _stage(folder, raws[i].slug, Entry(keys[i], asked, result))
    return [result for result in results if result is not None]


def _recorded(work: Work, words: lexicon.Lexicon) -> Callable[[RawDocument], tuple[Result, tuple[
        tuple[str, str, bool], ...]]]:
    """`work` with word forms that record the questions asked of them; the answers travel with the result."""
    def run(raw: RawDocument) -> tuple[Result, tuple[tuple[str, str, bool], ...]]:
        recording = Recording(forms=words.forms, names=words.names)
        result = work(recording, raw)
        return result, tuple(sorted((left, right, answer) for (left, right), answer in recording.asked.items()))
    return run


def _load(folder: Path, slug: str, wanted: str, words: lexicon.Lexicon) -> Result | None:
    """The cached result for this input, if there is one and the corpus still answers its questions alike."""
    try:
        with (folder / f"{slug}{SUFFIX}").open("rb") as file:
            entry = pickle.load(file)
    except Exception:  # missing, unreadable or written by other code: analyse the document again
        return None
    if not isinstance(entry, Entry) or entry.key != wanted:
        return None
    if any(words.keeps_hyphen(left, right) != answer for left, right, answer in entry.asked):
        return None
    return entry.result


def commit(folder: Path, slugs: set[str]) -> None:
    """After a successful build: put the staged entries in place, remove those of documents no longer there."""
    if not folder.is_dir():
        return
    for temporary in folder.glob(f".*{SUFFIX}{STAGED}"):
        os.replace(temporary, folder / temporary.name[1:].removesuffix(STAGED))
    for path in folder.glob(f"*{SUFFIX}"):
        if path.name.removesuffix(SUFFIX) not in slugs:
            path.unlink(missing_ok=True)


def discard(folder: Path) -> None:
    """After a failed build: forget the staged entries, so that the folder is as the last good build left it."""
    for temporary in folder.glob(f".*{SUFFIX}{STAGED}"):
        temporary.unlink(missing_ok=True)


def _stage(folder: Path, slug: str, entry: Entry) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f".{slug}{SUFFIX}{STAGED}").write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
