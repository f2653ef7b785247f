from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse import classify
from generator.core.problems import InputError
from generator.core.records import Document, Meta, Paragraph, Section, Term
from generator.core.text import match_form
from generator.ingest import patterns, vocabulary


@pytest.fixture(scope="module")
def regions(root: Path) -> classify.Matcher:
    return classify.Matcher.of(vocabulary.load(root / "vocabulary" / "regions.yml"))


@pytest.mark.parametrize("pattern, text, hit", [
    ("fiets*", "grensoverschrijdend fietsverkeer", True),
    ("fiets*", "de rijwielfiets", False),
    ("*fraude", "accijnsfraude bestrijden", True),
    ("interne markt*", "de interne-marktstrategie", True),
    ("energie", "energiesamenwerking", False),
    ("financien", "ministerie van Financiën", True),
])
def test_pattern_syntax(pattern: str, text: str, hit: bool) -> None:
    assert bool(patterns.compile_pattern(pattern).search(match_form(text))) is hit


@pytest.mark.parametrize("pattern, literal", [
    ("re:politie(?!k)\\w*", "politie"),
    ("re:(?<!organisatie van de )verenigde naties", "verenigde naties"),
    ("re:grensoverschrijdend(e)? samenwerking", "grensoverschrijdend"),
    ("re:abc?d", "ab"),
    ("re:(?<!in )(samenwerk\\w*|overleg\\w*) met", ""),
    ("re:a|b", ""),
    ("re:(?i)x", ""),
    ("*fraude", "fraude"),
])
def test_literal_part_is_text_every_match_contains(pattern: str, literal: str) -> None:
    assert patterns.literal_part(pattern) == literal


@pytest.mark.parametrize("text, expected", [
    ("samen met Noordrijn-Westfalen en België", ["noordrijn-westfalen"]),
    ("de Benelux-NRW-verklaring over fietsdiefstal", ["noordrijn-westfalen"]),
    ("Noord-Frankrijk (regio’s Hauts-de-France en Grand Est)", ["hauts-de-france", "grand-est"]),
    ("Saarland en Lotharingen (Franse regio Grand Est)", ["grand-est", "saarland"]),
    ("de Noordse en Baltische landen", ["noordse-landen", "baltische-staten"]),
    ("Euregio Maas Rijn", ["euregio-maas-rijn"]),
    ("de Grandeur van Estland en een NRWX-code", []),
])
def test_regions_by_alias(regions: classify.Matcher, text: str, expected: list[str]) -> None:
    assert sorted(slug for slug, _ in regions.evidence(text)) == sorted(expected)


def test_short_paragraph_inherits_heading_theme_only_without_own_signal() -> None:
    themes = classify.Matcher.of((Term("energie", "Energie", "", ("energie*", "waterstof")),
                                  Term("mobiliteit", "Mobiliteit", "", ("fiets*",))))
    none = classify.Matcher.of(())
    section = Section("h-x", "Energie en leveringszekerheid", 3, 1, paragraphs=(
        Paragraph("a", "li", "Twee ministeriële bijeenkomsten met de partners.", 2),
        Paragraph("b", "li", "Een fietsdag voor iedereen in de regio.", 3),
        Paragraph("c", "p", "Kort.", 4),
    ))
    doc = Document("d", Meta("T", "jaarplan", 2026, "NL", None, "X"), "d.txt", (section,))
    result = {p.id: p.themes for p in classify.classify(doc, themes, none).paragraphs}
    assert result == {"a": ("energie",), "b": ("mobiliteit",), "c": ()}


def test_vocabulary_errors_are_collected(tmp_path: Path) -> None:
    path = tmp_path / "themes.yml"
    path.write_text("- slug: a\n  label: A\n  terms: []\n- slug: a\n  label: B\n  terms: ['re:(']\n")
    with pytest.raises(InputError) as err:
        vocabulary.load(path)
    text = str(err.value)
    assert "empty or invalid term list" in text and "not a valid pattern" in text and "used twice" in text
