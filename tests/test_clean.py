from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import ROOT, generate

from generator.clean import lexicon
from generator.clean.chain import STEPS, clean
from generator.clean.draft import Context, Draft
from generator.core import inline
from generator.core import text as rules

WORDS = lexicon.build(["Benelux-landen werken samen aan de interne-marktagenda en het Energieforum van de Benelux."])


def run(text: str, furniture: tuple[str, ...] = ()) -> Draft:
    return clean(text, 1, Context(furniture, WORDS))


def texts(draft: Draft) -> list[str]:
    return [inline.plain(b.text) for b in draft.blocks]


def test_page_furniture_is_dropped_and_the_sentence_rejoined() -> None:
    text = ("De Benelux-landen verkennen de operationele en juridische\n\n3\n\n\nMinisterie van Buitenlandse\nZaken\n\n"
            "haalbaarheid van autonoom rijden.\n")
    assert texts(run(text, ("Ministerie van Buitenlandse Zaken",))) == [
        "De Benelux-landen verkennen de operationele en juridische haalbaarheid van autonoom rijden."]


def test_sentence_continues_with_a_capital_after_a_page_break() -> None:
    text = ("Het Interreg project Schakelpunt Grensbelemmeringen en nog wat tekst om de regel te vullen tot het eind\n\n"
            "3\n Vlaanderen – Nederland is een project.\n")
    assert texts(run(text)) == ["Het Interreg project Schakelpunt Grensbelemmeringen en nog wat tekst om de regel te "
                                "vullen tot het eind Vlaanderen – Nederland is een project."]


@pytest.mark.parametrize("left, right, joined", [
    ("intergou-", "vernementeel samen", "intergouvernementeel samen"),
    ("de Benelux-", "landen werken", "de Benelux-landen werken"),
    ("Noordrijn-", "Westfalen is", "Noordrijn-Westfalen is"),
    ("de COVID-19-", " crisis toont", "de COVID-19-crisis toont"),
    ("de interne-", "marktagenda is", "de interne-marktagenda is"),
    ("het Energie-", "forum is", "het Energieforum is"),
    ("misdaad- ", "bestrijding:", "misdaadbestrijding:"),
    ("zie https://www.benelux.int/a-", "b/c.pdf.", "zie https://www.benelux.int/a-b/c.pdf."),
])
def test_line_end_hyphenation(left: str, right: str, joined: str) -> None:
    # Lines long enough to be running text, so that only the hyphen decides.
    filler = "tekst " * 14
    draft = run(f"{filler}{left}\n{right} {filler.strip()}.\n")
    assert joined in texts(draft)[0]


def test_footnotes_are_lifted_out_and_linked_to_their_glued_marker() -> None:
    text = ("De kabinetsreactie stuurde ik u toe.1 Daarna meer, zie de gereedschapskist (richtlijnen).2 En de\n\n"
            "1 Kamerstuk 31 585, nr. 14.\n2 Voor toelichting zie https://www.benelux.int/files/9415/\n"
            "FINAL_layout.pdf.\n werking van de Benelux. Einde.\n")
    draft = run(text)
    assert [(n.number, n.text) for n in draft.footnotes] == [
        (1, "Kamerstuk 31 585, nr. 14."), (2, "Voor toelichting zie https://www.benelux.int/files/9415/FINAL_layout.pdf.")]
    body = draft.blocks[0].text
    assert "toe." + inline.footnote_ref(1) + " Daarna" in body
    assert "richtlijnen)." + inline.footnote_ref(2) in body
    assert "Kamerstuk" not in body


def test_a_number_at_line_start_without_marker_is_not_a_footnote() -> None:
    draft = run("Op\n\n14 december 2020 zijn de uitkomsten toegezonden.\n")
    assert draft.footnotes == ()
    assert "14 december 2020" in " ".join(texts(draft))


def test_bullets_emphasis_and_table_of_contents() -> None:
    draft = run("Veerkracht:\n\n•\t Organisatie van twee\nconferenties.\n\n1.1. Veiligheid\t9\n\nDe *Einstein Telescoop* en **vet**.\n")
    assert texts(draft) == ["Veerkracht:", "• Organisatie van twee conferenties.", "1.1. Veiligheid",
                            "De Einstein Telescoop en vet."]
    assert draft.blocks[2].toc
    assert inline.EM + "Einstein Telescoop" + inline.EM in draft.blocks[3].text
    assert inline.STRONG + "vet" + inline.STRONG in draft.blocks[3].text


@pytest.mark.parametrize("raw, marked", [
    ("***beide***", f"{inline.EM}{inline.STRONG}beide{inline.STRONG}{inline.EM}"),
    ("5 * 3 * 2 en a ** b", "5 * 3 * 2 en a ** b"),
    ("*niet gesloten en snake_case_naam", "*niet gesloten en snake_case_naam"),
    ("_geen nadruk_ maar *wel*", f"_geen nadruk_ maar {inline.EM}wel{inline.EM}"),
])
def test_emphasis_follows_commonmark_for_asterisks_only(raw: str, marked: str) -> None:
    from generator.clean import emphasis
    assert emphasis.mark(raw) == marked


SAMPLE = """Eerste regel van de brief over samenwerking met het Energie-
forum, zoals afgesproken toe.1 Daarna volgt *nadruk*  en   ruimte.

1

1 Kamerstuk 31 585, nr. 14.
"""


@pytest.mark.parametrize("skipped", [name for name, _ in STEPS])
def test_every_step_changes_what_the_chain_makes(skipped: str) -> None:
    """Each named step does work of its own: the chain without it gives another draft."""
    def outcome(skip: frozenset[str]) -> tuple[tuple[tuple[str, int | None], ...], tuple[str, ...]]:
        draft = clean(SAMPLE, 1, Context((), WORDS), skip=skip)
        return tuple((b.text, b.page) for b in draft.blocks), tuple(f.text for f in draft.footnotes)
    assert outcome(frozenset({skipped})) != outcome(frozenset())


@pytest.mark.parametrize("text, ends", [
    ("Dit is een zin.", True), ("Dit is een zin.12", True), ("Dit is een zin.”", True), ("Dit is een zin.”3", True),
    ("vragen:  ", True), ("In 2026", False), ("zie artikel 12", False), ("een zin.123", False), ("Kop", False),
    ("12.", True), ("", False), ("(zie bijlage)", False), ("(zie bijlage.)", True),
])
def test_ends_sentence_ignores_closing_quotes_and_glued_footnote_numbers(text: str, ends: bool) -> None:
    assert rules.ends_sentence(text) is ends


@pytest.mark.parametrize("text, caps", [
    ("INLEIDING", True), ("BENELUX-VOORZITTERSCHAP 2026", True), ("Inleiding", False), ("EU", False),
    ("2026", False), ("ABC 中文", False), ("ÉÉN TWEE", True),
])
def test_is_caps(text: str, caps: bool) -> None:
    assert rules.is_caps(text) is caps


@pytest.mark.parametrize("text, word", [
    ("grensover-", "grensover"), ("Benelux-samen-", "Benelux-samen"), ("een lange regel met af-", "af"),
    ("geen koppelteken", None), ("los -", None), ("_x-", "x"),
])
def test_hyphen_end_finds_the_broken_word(text: str, word: str | None) -> None:
    found = rules.hyphen_end(text)
    assert (found.group(1) if found else None) == word


def pages(draft: Draft) -> list[tuple[int | None, str]]:
    """Each block's page and its text with page marks shown as ⟦n⟧."""
    return [(b.page, inline.PAGE_MARK.sub(lambda m: f"⟦{m[1]}⟧", b.text)) for b in draft.blocks]


FULL = "Een volle regel tekst over de samenwerking tussen de drie landen in de Benelux Unie"


@pytest.mark.parametrize("body, expected", [
    # A number at the foot of page 1 confirms the count; the sentence runs on to page 2.
    (f"{FULL} en\n\n1\n\nverder op de volgende pagina.\n\n Nieuwe alinea op pagina drie.\n",
     [(1, f"{FULL} en ⟦2⟧verder op de volgende pagina."), (3, "Nieuwe alinea op pagina drie.")]),
    # A word broken at the foot of a page: the mark follows the rejoined word.
    (f" {FULL} grensoverschrij-\n\n1\n\ndende samenwerking.\n",
     [(1, f"{FULL} grensoverschrijdende ⟦2⟧samenwerking.")]),
    # A number at the head of a page (indented) belongs to the page it begins.
    (f"{FULL}.\n\n 2\nTweede pagina.\n", [(1, f"{FULL}."), (2, "Tweede pagina.")]),
    # A parliamentary paper's footer carries its page number.
    (f"{FULL}.\n\nEerste Kamer, vergaderjaar 2020–2021, 31 585, H 1\n\nTweede pagina.\n",
     [(1, f"{FULL}."), (2, "Tweede pagina.")]),
    # No printed page number, or one that disagrees with the breaks: no pages rather than wrong ones.
    (f"{FULL}.\n\n Tweede pagina.\n", [(None, f"{FULL}."), (None, "Tweede pagina.")]),
    (f"{FULL}.\n\n Tweede pagina.\n\n5\n", [(None, f"{FULL}."), (None, "Tweede pagina.")]),
])
def test_pages_are_numbered_where_the_printed_numbers_confirm_them(body: str, expected: list[tuple[int | None, str]]) -> None:
    assert pages(run(body)) == expected


def test_running_headers_are_found_without_a_furniture_list(tmp_path: Path) -> None:
    """The five texts with their `furniture` lists removed give the same pages as with them."""
    bare = tmp_path / "raw"
    bare.mkdir()
    removed = 0
    for source in sorted((ROOT / "raw").glob("*.txt")):
        text, count = re.subn(r"\nfurniture:\n(  - .*\n)+", "\n", source.read_text(encoding="utf-8"), count=1)
        removed += count
        (bare / source.name).write_text(text, encoding="utf-8")
    assert removed == 2, "two of the five texts declare their running headers"
    for raw, out in ((ROOT / "raw", tmp_path / "with"), (bare, tmp_path / "without")):
        assert generate(raw, out).returncode == 0
    pages = {p.relative_to(tmp_path / "with") for p in (tmp_path / "with").rglob("*.md")}
    assert len(pages) > 40
    assert pages == {p.relative_to(tmp_path / "without") for p in (tmp_path / "without").rglob("*.md")}
    different = [str(p) for p in sorted(pages) if (tmp_path / "with" / p).read_bytes() !=
                 (tmp_path / "without" / p).read_bytes()]
    assert different == []


def test_only_word_for_word_repeats_at_page_starts_are_running_headers() -> None:
    """'Bijlage 1' and 'Bijlage 2' opening two pages are headings; a line repeated word for word at page
    starts is a running header; the same words inside the text stay text."""
    body = (" Bijlage 1\n\nDe eerste bijlage beschrijft de samenwerking tussen de drie landen in detail.\n\n"
            " Ministerie van Financiën\n\nDe tweede pagina gaat verder met de samenwerking op het gebied van fraude.\n\n"
            " Bijlage 2\n\nDe tweede bijlage beschrijft de resultaten van het voorzitterschap in detail.\n\n"
            " Ministerie van Financiën\n\nHet Ministerie van Financiën\nwerkt samen met de Belastingdienst.\n")
    text = " ".join(block.text for block in clean(body, 1, Context(())).blocks)
    assert "Bijlage 1" in text and "Bijlage 2" in text
    assert text.count("Ministerie van Financiën") == 1, text


@pytest.mark.parametrize("body, expected", [
    # A one-word first line that completes an address: the address is still linked, the mark follows it.
    (f"{FULL} zie https://www.benelux.int/nl/\n\n1\n\nnieuws.html\nvoor meer.\n",
     '[https://www.benelux.int/nl/nieuws.html](<https://www.benelux.int/nl/nieuws.html>)'
     '<span class="pagina" data-pagina="2"></span> voor meer.'),
    # A Kamerstuk reference broken by the page: linked whole, the mark after it.
    (f"{FULL} zie Kamerstuk 31\n\n1\n\n585, nr. 14 voor meer.\n",
     '[Kamerstuk 31 585, nr. 14](<https://zoek.officielebekendmakingen.nl/kst-31585-14.html>)'
     '<span class="pagina" data-pagina="2"></span> voor meer.'),
])
def test_a_page_break_inside_a_reference_keeps_its_link(body: str, expected: str) -> None:
    block = run(body).blocks[0]
    assert expected in inline.to_markdown(block.text, str, links=True)


def test_a_footnote_marker_before_a_page_mark_is_still_found() -> None:
    """``grensoverschrij-`` / page 2 / ``dende.1``: the word is rejoined, footnote 1 linked, the page marked."""
    body = (f"{FULL} grensoverschrij-\n\n1\n\ndende.1\nsamenwerking gaat door.\n\n"
            "1 Kamerstuk 31 585, nr. 14.\n")
    draft = run(body)
    assert [n.number for n in draft.footnotes] == [1]
    assert "grensoverschrijdende." + inline.footnote_ref(1) + inline.page_mark(2) in draft.blocks[0].text
