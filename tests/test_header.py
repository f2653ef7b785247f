"""The header on a phone (issue 23): the site's name stays readable, with the search behind a button that the
keyboard and the mouse open and close; at 1280 px the search field is always shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium_missing

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)

NAME = """() => { const e = document.querySelector('.md-header__title .md-header__topic .md-ellipsis');
    const r = e.getBoundingClientRect();
    return {text: e.textContent.trim(), whole: e.scrollWidth <= e.clientWidth + 1, visible: r.width > 0,
            inside: r.left >= 0 && r.right <= innerWidth}; }"""


def _page(chromium: object, width: int) -> tuple[object, object]:
    context = chromium.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
    return context, context.new_page()


@pytest.mark.parametrize("path", ["/", "/themas/energie/", "/documenten/2026-benelux-jaarplan/"])
def test_on_a_phone_the_name_is_whole_and_the_search_opens_from_a_button_by_keyboard(chromium: object, served: str,
                                                                                    path: str) -> None:
    context, tab = _page(chromium, 390)
    tab.goto(served + path)  # type: ignore[attr-defined]
    name = tab.evaluate(NAME)  # type: ignore[attr-defined]
    assert name == {"text": "Benelux-voorzitterschappen", "whole": True, "visible": True, "inside": True}, name
    field = tab.locator("#kop-zoekterm")  # type: ignore[attr-defined]
    opener = tab.locator(".zoekopener")  # type: ignore[attr-defined]
    assert not field.is_visible() and opener.is_visible()
    assert opener.get_attribute("aria-label") == "Zoeken" and opener.get_attribute("aria-expanded") == "false"
    for _ in range(8):
        tab.keyboard.press("Tab")  # type: ignore[attr-defined]
        if tab.evaluate("document.activeElement.classList.contains('zoekopener')"):  # type: ignore[attr-defined]
            break
    assert tab.evaluate("document.activeElement.classList.contains('zoekopener')"), "Tab reaches the search button"  # type: ignore[attr-defined]
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert tab.evaluate("document.activeElement.id") == "kop-zoekterm"  # type: ignore[attr-defined]
    box = field.bounding_box()
    assert field.is_visible() and box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["width"] >= 150, box
    assert opener.get_attribute("aria-expanded") == "true" and opener.get_attribute("aria-label") == "Zoeken sluiten"
    shots = Path(__file__).resolve().parent.parent / "test-artifacts"
    shots.mkdir(exist_ok=True)
    tab.screenshot(path=str(shots / "header-search-open-390.png"))  # type: ignore[attr-defined]
    tab.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert not field.is_visible() and tab.evaluate("document.activeElement.classList.contains('zoekopener')")  # type: ignore[attr-defined]
    assert tab.evaluate(NAME)["whole"]  # type: ignore[attr-defined]
    opener.click()  # by mouse
    assert field.is_visible()
    tab.keyboard.type("waterstof")  # type: ignore[attr-defined]
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_url("**/zoeken/?q=waterstof")  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


def test_the_button_closes_the_search_again_by_mouse(chromium: object, served: str) -> None:
    context, tab = _page(chromium, 390)
    tab.goto(served + "/themas/")  # type: ignore[attr-defined]
    opener = tab.locator(".zoekopener")  # type: ignore[attr-defined]
    opener.click()
    assert tab.locator("#kop-zoekterm").is_visible()  # type: ignore[attr-defined]
    assert not tab.locator(".md-header__title").is_visible(), "the open field takes the title's place"  # type: ignore[attr-defined]
    opener.click()
    assert not tab.locator("#kop-zoekterm").is_visible() and tab.evaluate(NAME)["whole"]  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]


def test_at_1280_px_the_search_field_is_always_there(chromium: object, served: str) -> None:
    context, tab = _page(chromium, 1280)
    tab.goto(served + "/themas/energie/")  # type: ignore[attr-defined]
    assert tab.locator("#kop-zoekterm").is_visible() and not tab.locator(".zoekopener").is_visible()  # type: ignore[attr-defined]
    assert tab.evaluate(NAME)["whole"]  # type: ignore[attr-defined]
    tab.click("#kop-zoekterm")  # type: ignore[attr-defined]
    tab.keyboard.type("wind op zee")  # type: ignore[attr-defined]
    tab.keyboard.press("Enter")  # type: ignore[attr-defined]
    tab.wait_for_url("**/zoeken/?q=wind+op+zee")  # type: ignore[attr-defined]
    context.close()  # type: ignore[attr-defined]
