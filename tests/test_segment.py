from __future__ import annotations

from generator.analyse import segment
from generator.clean import lexicon
from generator.clean.chain import clean
from generator.clean.draft import Context
from generator.core import inline


def sections(text: str) -> tuple:
    draft = clean(text, 1, Context((), lexicon.build([text])))
    return segment.segment(draft.blocks)


LETTER = """Geachte voorzitter,

1. Prioriteiten voorzitterschap
Voor onze Landen is een goed geoliede grensoverschrijdende samenwerking van wezenlijk belang voor iedereen.

a. Economische samenwerking en interne markt
De interne marktsamenwerking is voor Nederland een belangrijke pijler van de Benelux en dat blijft zo.

1. het Comité van Ministers kan beschikkingen nemen;
2. het Comité van Ministers kan aanbevelingen doen.

SAMENWERKING OP HET GEBIED VAN VEILIGHEID
Sociale fraude:

•\t Afronding van de onderhandelingen over het Benelux-Verdrag.

Wateragenda

De Benelux-wateragenda is het vervolg op de Europese roadmap voor betere transnationale waterveiligheid uit 2024.
"""


def test_headings_levels_and_ids() -> None:
    found = [(s.title, s.level, s.id) for s in sections(LETTER)]
    assert found == [
        (None, 2, "begin"),
        ("1. Prioriteiten voorzitterschap", 2, "h-1"),
        ("a. Economische samenwerking en interne markt", 3, "h-1a"),
        ("SAMENWERKING OP HET GEBIED VAN VEILIGHEID", 3, "h-samenwerking-op-het-gebied-van-veiligheid"),
        ("Sociale fraude", 4, "h-sociale-fraude"),
        ("Wateragenda", 4, "h-wateragenda"),
    ]


def test_paragraph_kinds_and_stable_ids() -> None:
    by_id = {p.id: p for s in sections(LETTER) for p in s.paragraphs}
    assert by_id["h-1a-p2"].kind == "ol" and by_id["h-1a-p2"].number == 1
    assert by_id["h-1a-p3"].number == 2
    assert by_id["h-sociale-fraude-p1"].kind == "li"
    assert inline.plain(by_id["h-sociale-fraude-p1"].text).startswith("Afronding")
    assert by_id["begin-p1"].text == "Geachte voorzitter,"


def test_ids_do_not_depend_on_other_sections() -> None:
    before = {p.id: p.text for s in sections(LETTER) for p in s.paragraphs if s.id == "h-wateragenda"}
    edited = LETTER.replace("Geachte voorzitter,", "Geachte voorzitter,\n\nEen extra alinea in het begin van de brief.")
    after = {p.id: p.text for s in sections(edited) for p in s.paragraphs if s.id == "h-wateragenda"}
    assert before == after


def test_duplicate_numbers_fall_back_to_the_title() -> None:
    text = ("1. ECONOMISCHE SAMENWERKING\n\nDe economische samenwerking binnen de Benelux is een belangrijke pijler van het "
            "voorzitterschap.\n\n1. EEN WEERBARE BENELUX\n\nIn een context van aanhoudende geopolitieke instabiliteit is "
            "weerbaarheid onmisbaar.\n")
    assert [s.id for s in sections(text)] == ["h-1", "h-een-weerbare-benelux"]


def test_a_heading_that_begins_a_page_keeps_its_number_first_and_its_id() -> None:
    """The page mark of a numbered heading goes before its number, so that the number still reads first and the
    section's id is the one it has without pages."""
    text = ("Geachte voorzitter, een volle regel tekst over de samenwerking tussen de drie landen in de Benelux.\n\n1\n\n"
            " 2. Energie\nDe energiesamenwerking is voor Nederland een belangrijke pijler van de Benelux en dat blijft zo.\n")
    found = [s for s in sections(text) if s.title]
    assert found[0].title == inline.page_mark(2) + "2. Energie"
    assert found[0].id == "h-2"
    assert inline.plain(found[0].title) == "2. Energie"
