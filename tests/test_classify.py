from __future__ import annotations

from pathlib import Path

import pytest

from generator.analyse import classify
from generator.core.problems import InputError
from generator.core.records import Document, DocumentKind, Meta, Paragraph, Section, Term
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


def _terms(**entries: list[object]) -> tuple[Term, ...]:
    """Theme entries from terms as an editor writes them (strings or mappings), through the vocabulary reader."""
    terms = []
    for slug, values in entries.items():
        rules = []
        for value in values:
            rule, problem = vocabulary._rule(value)
            assert rule is not None, problem
            rules.append(rule)
        terms.append(Term(slug.replace("_", "-"), slug, "", tuple(rules)))
    return tuple(terms)


REGIONS = (Term("noordrijn-westfalen", "Noordrijn-Westfalen", "", tuple(
                vocabulary._rule(t)[0] for t in ("noordrijn westfalen*", "nordrhein westfalen", "nrw"))),  # type: ignore[misc]
           Term("grand-est", "Grand Est", "", tuple(vocabulary._rule(t)[0] for t in ("grand est", "lotharingen"))))  # type: ignore[misc]
"""Two partner regions with their names, for the rules that read regions.yml."""


def _themes(paragraphs: list[tuple[str, str]], heading: str = "Inleiding", **entries: list[object]) -> dict[
        str, tuple[str, ...]]:
    themes = classify.Matcher.of(_terms(**entries), REGIONS)
    section = Section("h-x", heading, 3, 1, paragraphs=tuple(
        Paragraph(pid, "li" if pid.startswith("li") else "p", text, i + 2) for i, (pid, text) in enumerate(paragraphs)))
    doc = Document("d", Meta("T", DocumentKind("jaarplan", "Jaarplan", False, True), 2026, "NL", None, "X"), "d.txt",
                   (section,))
    return {p.id: p.themes for p in classify.classify(doc, themes, classify.Matcher.of(())).paragraphs}


def test_short_paragraph_inherits_heading_theme_only_without_own_signal() -> None:
    result = _themes([("li-a", "Twee ministeriële bijeenkomsten met de partners."),
                      ("li-b", "Een fietsdag voor iedereen in de regio, met een fietstocht."),
                      ("c", "Kort.")], heading="Energie en leveringszekerheid",
                     energie=["energie*", "waterstof"], mobiliteit=["fiets*"])
    assert result == {"li-a": ("energie",), "li-b": ("mobiliteit",), "c": ()}


def test_weights_add_up_to_the_threshold() -> None:
    entries = {"crisisbeheersing": ["~weerbaarheid", {"term": "paraatheid", "weight": 0.5}, "crisiscentr*"]}
    result = _themes([("a", "Het gaat om de weerbaarheid van de economie in het algemeen, zoals steeds."),
                      ("b", "Meer weerbaarheid en paraatheid van de drie landen, voor iedereen."),
                      ("c", "De nationale crisiscentra werken samen bij grote oefeningen.")], **entries)
    assert result == {"a": (), "b": ("crisisbeheersing",), "c": ("crisisbeheersing",)}


def test_a_theme_named_in_an_enumeration_counts_half() -> None:
    entries = {"voedsel": ["landbouw*"], "energie": ["energie*", "waterstof*"], "mobiliteit": ["transport*"],
               "water": ["water", "waterbeheer"]}
    result = _themes([("a", "Water is van belang voor veel sectoren, waaronder landbouw, energie en transport. "
                            "Het waterbeheer vraagt om samenwerking tussen de waterschappen."),
                      ("b", "Voor energie werken we aan waterstof, energie-efficiëntie en energieopslag, en meer.")],
                     **entries)
    assert result == {"a": ("water",), "b": ("energie",)}


def test_overlapping_figurative_phrases_and_decimal_commas() -> None:
    entries = {"mobiliteit": [{"term": "spoor*", "not_in": ["op het", "het goede spoor"]}],
               "energie": ["energie*"]}
    result = _themes([("a", "Het overleg blijft op het goede spoor, zo zeggen de ministers van de drie landen."),
                      ("b", "De landen investeren 1,5 miljard en 2,5 miljoen in energie en in de energietransitie.")],
                     **entries)
    assert result == {"a": (), "b": ("energie",)}


def test_figurative_uses_do_not_count() -> None:
    entries = {"mobiliteit": [{"term": "spoor*", "not_in": ["op het goede spoor", "geen spoor van"]}],
               "water": [{"term": "water", "not_in": ["boven water"]}]}
    result = _themes([("a", "De onderhandelingen zitten op het goede spoor; van vertraging is geen spoor van te zien."),
                      ("b", "Ondernemers moesten het hoofd boven water houden tijdens de crisis in de regio."),
                      ("c", "De landen investeren in het spoor tussen Brussel en Amsterdam, met meer treinen.")],
                     **entries)
    assert result == {"a": (), "b": (), "c": ("mobiliteit",)}


def test_a_figurative_phrase_of_one_term_hides_the_word_from_the_others() -> None:
    entries = {"energie": [{"term": "energie*", "not_in": ["nieuwe energie in het overleg"]}, "*energie"]}
    result = _themes([("a", "Het voorzitterschap wil een nieuwe energie in het overleg brengen, met de parlementen."),
                      ("b", "Windenergie op zee verbindt de drie landen, met nieuwe netten en meer samenwerking.")],
                     **entries)
    assert result == {"a": (), "b": ("energie",)}


def test_an_item_with_an_apostrophe_s_is_an_enumeration_item() -> None:
    entries = {"arbeid": ["diploma"], "water": ["water"]}
    result = _themes([("a", "Resultaten op het vlak van de erkenning van diploma's, de interne markt, de energie en water."),
                      ("b", "De automatische erkenning van diploma's is een feit, voor alle studenten.")], **entries)
    assert result == {"a": (), "b": ("arbeid",)}


def test_one_mention_in_a_long_paragraph_is_a_mention_in_passing() -> None:
    filler = " ".join(["Het Comité van Ministers keurde de begroting en het jaarplan van het Secretariaat goed."] * 6)
    entries = {"energie": ["energie*", "waterstof*", {"term": "noordzee", "weight": 1.5}], "mobiliteit": ["trein*"]}
    result = _themes([("a", f"{filler} In het debat kwam ook de energie ter sprake."),
                      ("b", f"{filler} In het debat kwamen de energie en de waterstof ter sprake."),
                      ("c", f"{filler} In het debat kwam de Noordzee ter sprake."),
                      ("d", "In het debat kwam ook de trein ter sprake, kort en zakelijk.")], **entries)
    assert result == {"a": (), "b": ("energie",), "c": ("energie",), "d": ("mobiliteit",)}


def test_a_weak_theme_beside_a_strong_one_is_dropped_and_at_most_three_are_kept() -> None:
    entries = {"migratie": ["migratie*", "asiel*", "visum*"], "veiligheid": ["politie*"], "a": ["alfa"],
               "b": ["beta"], "c": ["gamma"], "d": ["delta"]}
    result = _themes([("a", "Migratie, asiel en het visumbeleid staan centraal; de migratieafspraken worden "
                            "uitgevoerd en het asielbeleid wordt afgestemd, met een terloopse politie."),
                      ("b", "Hier staan alfa en beta en gamma naast delta, allemaal even sterk in deze zin.")],
                     **entries)
    assert result["a"] == ("migratie",)
    assert len(result["b"]) == classify.MAX_THEMES


def test_neighbouring_regions_come_from_regions_yml() -> None:
    """The cooperation rule names region slugs: every alias regions.yml gives them counts, in any language."""
    rule = {"regions": ["noordrijn-westfalen", "grand-est"], "near": ["samenwerk*"],
            "not_near": ["in samenwerking met"]}
    result = _themes([("a", "De samenwerking met Nordrhein-Westfalen wordt dit jaar verder verdiept."),
                      ("b", "Wij versterken de samenwerking met Lotharingen op vele terreinen."),
                      ("c", "Een studie, in samenwerking met NRW uitgevoerd, over de haven van de regio.")],
                     grens=[rule])
    assert result == {"a": ("grens",), "b": ("grens",), "c": ()}


def test_a_heading_that_names_a_partner_region_is_about_working_with_it() -> None:
    """In running text a region's name needs a word of cooperation nearby; a heading's subject is what it names."""
    rule = {"regions": ["noordrijn-westfalen"], "near": ["samenwerk*"]}
    named = _themes([("a", "De ministers kwamen in Düsseldorf bijeen en bespraken de plannen voor het komende jaar.")],
                    heading="Benelux en Nordrhein-Westfalen", grens=[rule])
    unnamed = _themes([("a", "De ministers kwamen in Düsseldorf bijeen en bespraken de plannen voor het komende jaar.")],
                      heading="Bijeenkomst in Düsseldorf", grens=[rule])
    text = _themes([("a", "Nordrhein-Westfalen kwam aan bod in een kort gesprek over de plannen van dit jaar.")],
                   grens=[rule])
    assert (named, unnamed, text) == ({"a": ("grens",)}, {"a": ()}, {"a": ()})


def test_a_term_said_again_in_a_long_paragraph_is_not_a_mention_in_passing() -> None:
    filler = " ".join(["Het Comité van Ministers keurde de begroting en het jaarplan van het Secretariaat goed."] * 6)
    result = _themes([("a", f"{filler} De coronacrisis bepaalde het jaar."),
                      ("b", f"{filler} De coronacrisis bepaalde het jaar; de coronacrisis vroeg om overleg.")],
                     gezondheid=[{"term": "corona*", "weight": 0.8}])
    assert result == {"a": (), "b": ("gezondheid",)}


def test_a_short_paragraph_that_goes_on_about_the_one_before_takes_its_themes() -> None:
    result = _themes([("a", "De landen stelden een verklaring op over milieuzones en de gegevens van voertuigen."),
                      ("b", "Deze verklaring is medeondertekend door verschillende gemeenten."),
                      ("c", "Verschillende gemeenten hebben meegedaan aan de bijeenkomst in Brussel.")],
                     milieu=["milieuzone*"])
    assert result == {"a": ("milieu",), "b": ("milieu",), "c": ()}


@pytest.mark.parametrize("value, problem", [
    ({"term": "fiets*", "regions": ["grand-est"]}, "both a term and regions"),
    ({"term": "~fiets*"}, "mixes the two ways"),
    ({"term": "fiets* unless near auto"}, "mixes the two ways"),
    ({"term": "fiets*", "listed": "no"}, "neither true nor false"),
    ("re:x?", "matches every text"),
    ({"term": "fiets*", "not_in": ["re:"]}, "matches every text"),
    ({"term": "fiets*", "near": ["re:("]}, "not a valid pattern"),
    ({"term": "fiets*", "weight": "veel"}, "weight"),
    ({"term": "fiets*", "nearby": ["x"]}, "unknown key"),
    ({"weight": 2}, "give the term"),
    ({"term": "re:("}, "not a valid pattern"),
    ("mobiliteit unless near", "unless near"),
    (3, "text or a mapping"),
])
def test_bad_structured_terms_are_explained(value: object, problem: str) -> None:
    rule, message = vocabulary._rule(value)
    assert rule is None and problem in message


def test_a_cooperation_rule_with_an_unknown_region_stops_the_build(tmp_path: Path) -> None:
    themes = tmp_path / "themes.yml"
    themes.write_text("- slug: grens\n  label: Grens\n  terms: [{regions: [atlantis], near: [samenwerk*]}]\n")
    regions = vocabulary.load(Path(__file__).resolve().parent.parent / "vocabulary" / "regions.yml")
    problems = vocabulary.check_regions(vocabulary.load(themes), regions, themes)
    assert len(problems) == 1 and "atlantis" in problems[0].message and problems[0].line == 1
    assert "regions(atlantis)" in problems[0].message  # the term, as the editor wrote it


def test_vocabulary_errors_are_collected(tmp_path: Path) -> None:
    path = tmp_path / "themes.yml"
    path.write_text("- slug: a\n  label: A\n  terms: []\n- slug: a\n  label: B\n  terms: ['re:(']\n")
    with pytest.raises(InputError) as err:
        vocabulary.load(path)
    text = str(err.value)
    assert "empty or invalid term list" in text and "not a valid pattern" in text and "used twice" in text
