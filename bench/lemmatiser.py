"""Would a lemmatiser help the themes? Terms matched on the text plus its lemmas (simplemma, Dutch), against the
development half and the tuning set (issue 12; the test half is not looked at).

Usage: .venv/bin/pip install simplemma && .venv/bin/python bench/lemmatiser.py
simplemma is not a dependency: it measured worse (README, "Checking the vocabulary").
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import simplemma  # noqa: E402

from generator.analyse import matcher  # noqa: E402
from generator.analyse.corpus import analyse  # noqa: E402
from generator.core.inline import plain  # noqa: E402
from generator.core.text import match_form  # noqa: E402
from generator.quality.evaluate import labels  # noqa: E402


def scores() -> dict[str, tuple[float, float]]:
    corpus = analyse(raw_dir=ROOT / "raw", vocabulary_dir=ROOT / "vocabulary")
    written = analyse(raw_dir=ROOT / "tests" / "fixtures" / "heldout", vocabulary_dir=ROOT / "vocabulary")
    out = {}
    for name, source in (("labels-dev", corpus), ("labels", corpus), ("labels-new-dev", written)):
        themes, _, _ = labels(source, ROOT / "tests" / "fixtures" / f"{name}.tsv")
        out[name] = (themes.precision(), themes.recall())
    return out


@functools.lru_cache(maxsize=8192)
def _with_lemmas(text: str) -> str:
    words = re.findall(r"\w+", plain(text).lower())
    lemmas = [match_form(simplemma.lemmatize(w, lang="nl")) for w in words]
    return match_form(plain(text)) + " . " + " ".join(lemma for lemma, w in zip(lemmas, words, strict=True) if lemma != match_form(w))


def main() -> None:
    before = scores()
    matcher.folded = _with_lemmas  # type: ignore[assignment]
    after = scores()
    for name in before:
        print(f"{name}: themes precision {before[name][0]:.3f} → {after[name][0]:.3f}, "
              f"recall {before[name][1]:.3f} → {after[name][1]:.3f}")


if __name__ == "__main__":
    main()
