from __future__ import annotations

import html as htmllib

import markdown
import pytest

from generator.core import inline

HOSTILE = [
    "<script>alert(1)</script>",
    "{{ config }} en {% include 'x' %}",
    "# geen kop",
    "1. geen lijst",
    "- geen opsomming",
    "*geen nadruk* en _ook niet_ en `code`",
    "[geen link](http://example.org) en ![geen beeld](x.png)",
    "a & b &lt; c",
    "tekst {: #geen-id } en {#ook-niet}",
    "| geen | tabel |",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_raw_text_is_shown_literally(text: str) -> None:
    html = markdown.markdown(inline.to_markdown(text, str), extensions=["attr_list", "footnotes"])
    assert html.startswith("<p>") and html.endswith("</p>")
    assert htmllib.unescape(html[3:-4]) == text


def test_sentinels_become_markup() -> None:
    text = f"De {inline.EM}Einstein Telescoop{inline.EM} en {inline.STRONG}NRW{inline.STRONG}.{inline.footnote_ref(3)}"
    assert inline.to_markdown(text, lambda n: f"doc-{n}") == "De *Einstein Telescoop* en **NRW**.[^doc-3]"
    assert inline.plain(text) == "De Einstein Telescoop en NRW."


def test_urls_become_links_only_when_asked() -> None:
    text = "zie: https://www.benelux.int/nl/werkprogramma-2021–2024/."
    assert "(<https://www.benelux.int/nl/werkprogramma-2021–2024/>)." in inline.to_markdown(text, str, links=True)
    assert "](" not in inline.to_markdown(text, str)


@pytest.mark.parametrize("reference, url", [
    ("Kamerstuk 31 585, nr. 14", "https://zoek.officielebekendmakingen.nl/kst-31585-14.html"),
    ("Kamerstuk 35 300 V, nr. 62", "https://zoek.officielebekendmakingen.nl/kst-35300-V-62.html"),
    ("Kamerstukken 32851, nr.70", "https://zoek.officielebekendmakingen.nl/kst-32851-70.html"),
])
def test_a_kamerstuk_reference_in_a_footnote_links_to_the_paper(reference: str, url: str) -> None:
    assert inline.kamerstuk_url(reference) == url
    markdown = inline.to_markdown(f"Zie {reference}.", lambda n: str(n), links=True)
    assert markdown == f"Zie [{inline.escape(reference)}](<{url}>)."
    assert inline.to_markdown(f"Zie {reference}.", lambda n: str(n)) == f"Zie {inline.escape(reference)}.", \
        "only footnotes (links=True) get links"
    assert "officielebekendmakingen" not in inline.to_markdown("Kamerstuk over 31 585 zaken.", str, links=True)


@pytest.mark.parametrize(("text", "shown", "href"), [
    ("Strategie (2025) | Commission.europa.eu", "commission.europa.eu", "https://commission.europa.eu"),
    ("Zie WWW.BENELUX.INT.", "www.benelux.int", "https://www.benelux.int"),
    ("Zie WWW.Benelux.int/Nl/Pagina", "www.benelux.int/Nl/Pagina", "https://www.benelux.int/Nl/Pagina"),
    ("Zie https://www.Benelux.int/A.", "https://www.Benelux.int/A", "https://www.Benelux.int/A"),
])
def test_a_host_name_alone_is_shown_in_lower_case(text: str, shown: str, href: str) -> None:
    """A footnote address the source gives only as a host name reads as addresses are written; a path after it,
    and an address with its scheme, stay as the source has them."""
    assert f"[{shown}](<{href}>)" in inline.to_markdown(text, str, links=True)
