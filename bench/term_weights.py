"""Weights for the editors to consider: an L1 logistic regression over term hits (issue 21).

For every labelled paragraph and every theme with a hit in it (or its heading or neighbours), the features
are each of the theme's terms found (what it would add at weight 1), the heading's and the neighbours'
scores, and the theme itself (its threshold). The fitted coefficients, divided by the theme's threshold,
are weights on the scale of themes.yml. They are printed for editors to weigh, never written into the YAML.

Measured without looking at any test half: fitted on one labelled set, the weights are applied to the
vocabulary and scored on another (the five texts' sets → the written development half, and back).

Usage: .venv/bin/pip install scikit-learn && .venv/bin/python bench/term_weights.py
scikit-learn is not a dependency: the weights it suggests are advice, and measured no better (README).
"""

from __future__ import annotations

import sys
import warnings
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sklearn.linear_model import LogisticRegression  # noqa: E402

from generator.analyse import classify  # noqa: E402
from generator.analyse.corpus import analyse  # noqa: E402
from generator.core.records import Corpus, Term  # noqa: E402
from generator.quality import evaluate, generalisation  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
FIVE = ("labels.tsv", "labels-heldout.tsv", "labels-dev.tsv")
WRITTEN = (generalisation.NEW_DEV,)


def _unit(themes: tuple[Term, ...]) -> tuple[Term, ...]:
    return tuple(replace(t, rules=tuple(replace(r, weight=1.0) for r in t.rules)) for t in themes)


def examples(corpus: Corpus, names: tuple[str, ...]) -> list[tuple[dict[str, float], int]]:
    """(features, whether the labels give the theme) per labelled paragraph and candidate theme."""
    labelled = {key: evaluate.split(themes) for name in names for key, themes, _ in evaluate.rows(FIXTURES / name)}
    matcher = classify.Matcher.of(_unit(corpus.themes), corpus.regions)
    rows = []
    for doc in corpus.documents:
        for section in doc.sections:
            for p, found in zip(section.paragraphs, classify.candidates(section, matcher), strict=True):
                expected = labelled.get(f"{doc.slug}#{p.id}")
                if expected is None or p.part:
                    continue
                for c in found:
                    features = {f"{c.slug}\t{h.source}": h.score for h in c.hits}
                    features |= {f"*{h.source}": h.score for h in c.context}
                    features[f"{c.slug}\t(theme)"] = 1.0
                    rows.append((features, int(c.slug in expected)))
    return rows


def fit(rows: list[tuple[dict[str, float], int]]) -> dict[str, float]:
    names = sorted({k for features, _ in rows for k in features})
    index = {n: i for i, n in enumerate(names)}
    x = [[0.0] * len(names) for _ in rows]
    for i, (features, _) in enumerate(rows):
        for name, value in features.items():
            x[i][index[name]] = value
    warnings.filterwarnings("ignore", module="sklearn")  # the penalty argument's deprecation notice
    model = LogisticRegression(penalty="l1", solver="liblinear", C=1.0, max_iter=1000)
    model.fit(x, [y for _, y in rows])
    coefficients = dict(zip(names, model.coef_[0], strict=True))
    coefficients["(intercept)"] = float(model.intercept_[0])
    return coefficients


def weighted(themes: tuple[Term, ...], coefficients: dict[str, float]) -> tuple[Term, ...]:
    """The vocabulary with the suggested weights: coefficient / the theme's threshold (as a logit)."""
    out = []
    for t in themes:
        threshold = -(coefficients["(intercept)"] + coefficients.get(f"{t.slug}\t(theme)", 0.0))
        if threshold <= 0:
            out.append(t)
            continue
        rules = tuple(replace(r, weight=max(0.01, coefficients.get(f"{t.slug}\t{r.source or r.pattern}",
                                                                   r.weight * threshold) / threshold))
                      for r in t.rules)
        out.append(replace(t, rules=rules))
    return tuple(out)


def score(corpus: Corpus, themes: tuple[Term, ...], names: tuple[str, ...]) -> tuple[float, float]:
    matcher = classify.Matcher.of(themes, corpus.regions)
    regions = classify.Matcher.of(corpus.regions, enumerations=False)
    scored = replace(corpus, documents=tuple(classify.classify(d, matcher, regions) for d in corpus.documents))
    total = evaluate.Scores()
    for name in names:
        total.merge(evaluate.labels(scored, FIXTURES / name)[0])
    return total.precision(), total.recall()


def main() -> None:
    five = analyse(raw_dir=ROOT / "raw", vocabulary_dir=ROOT / "vocabulary")
    written = generalisation.heldout_corpus(FIXTURES, ROOT / "vocabulary")
    sets = {"five texts (tuning set, earlier held-out, development half)": (five, FIVE),
            "written development half": (written, WRITTEN)}
    fitted = {name: fit(examples(corpus, names)) for name, (corpus, names) in sets.items()}
    for source, target in ((a, b) for a in sets for b in sets if a != b):
        corpus, names = sets[target]
        before = score(corpus, corpus.themes, names)
        after = score(corpus, weighted(corpus.themes, fitted[source]), names)
        print(f"fitted on {source}, scored on {target}: precision {before[0]:.3f} → {after[0]:.3f}, "
              f"recall {before[1]:.3f} → {after[1]:.3f}")
    both = fit(examples(five, FIVE) + examples(written, WRITTEN))
    print("Suggested weights, fitted on both (theme, term, weight in themes.yml → suggested); largest changes first:")
    current = {f"{t.slug}\t{r.source or r.pattern}": r.weight for t in five.themes for r in t.rules}
    suggested = {f"{t.slug}\t{r.source or r.pattern}": r.weight for t in weighted(five.themes, both) for r in t.rules}
    for key in sorted(current, key=lambda k: -abs(suggested[k] - current[k]))[:40]:
        theme, term = key.split("\t")
        print(f"  {theme:24} {term[:60]:60} {current[key]:.2f} → {suggested[key]:.2f}")
    print(f"  context: heading {both.get('*kop', 0):.2f}, neighbours {both.get('*buren', 0):.2f} (logit per point)")


if __name__ == "__main__":
    main()
