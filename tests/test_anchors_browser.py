"""What a reader sees who follows a mailed link to a paragraph that has since been removed from the text: the
paragraph that took its place, in view, with a note that says so; at laptop and phone widths."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import browser, chromium_missing
from helpers import ROOT, build_site, serve
from test_anchors import LETTER

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

REMOVED = "Het Pentalateraal Energieforum bespreekt de leveringszekerheid in de winter en de prijzen voor bedrijven.\n\n"


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site built with the letter, then built again after a paragraph was removed from it; served."""
    work = tmp_path_factory.mktemp("anchors")
    raw = work / "raw-files"
    raw.mkdir()
    (raw / "testbrief.txt").write_text(LETTER, encoding="utf-8")
    build_site(work / "project", raw)
    (raw / "testbrief.txt").write_text(LETTER.replace(REMOVED, ""), encoding="utf-8")
    build_site(work / "project", raw)
    with serve(work / "project" / "site") as base:
        yield base


@pytest.mark.parametrize("width", [1280, 390])
def test_a_link_to_a_removed_paragraph_shows_its_successor_with_a_note(corrected: str, width: int) -> None:
    with browser() as chromium:
        context = chromium.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(corrected + "/documenten/testbrief/#h-1-p2")
        page.wait_for_load_state("load")
        note = page.evaluate("""() => {
            const anchor = document.getElementById('h-1-p2');
            const box = anchor.parentElement.getBoundingClientRect();
            return {content: getComputedStyle(anchor, '::before').content, paragraph: anchor.parentElement.id,
                    text: anchor.parentElement.textContent, top: box.top, bottom: box.bottom,
                    height: window.innerHeight};
        }""")
        shot = ROOT / "test-artifacts" / f"verdwenen-alinea-{width}.png"
        shot.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(shot))
        context.close()
    assert "staat niet meer in het document" in note["content"]
    assert note["paragraph"] == "h-2-p1" and "De treinverbinding" in note["text"]
    assert 0 <= note["top"] < note["height"] and note["bottom"] > 0, note
    assert errors == []
