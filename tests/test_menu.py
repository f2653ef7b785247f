"""The main menu by keyboard (issue 23, WCAG 2.1.1): below 1220 px the menu opens from a real button that the
Tab key reaches; the focus moves into the menu, Escape closes it and the focus returns to the button."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium_missing

REASON = chromium_missing()
if REASON:
    pytest.skip(REASON, allow_module_level=True)


def _focused(page: object) -> dict[str, object]:
    return page.evaluate("""() => { const e = document.activeElement; const r = e.getBoundingClientRect();
        return {cls: e.className, label: e.getAttribute('aria-label'), text: e.textContent.trim(),
                inDrawer: !!e.closest('.md-sidebar--primary'), visible: r.width > 0 && r.height > 0
                          && r.left >= 0 && r.right <= window.innerWidth}; }""")  # type: ignore[attr-defined,no-any-return]


@pytest.mark.parametrize("width", [1024, 390])
def test_the_menu_opens_and_closes_by_keyboard(chromium: object, served: str, width: int) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{served}/themas/")
    for _ in range(6):  # the skip link first, then the header
        page.keyboard.press("Tab")
        if "menuknop" in str(_focused(page)["cls"]):
            break
    button = _focused(page)
    assert "menuknop" in str(button["cls"]) and button["visible"], button
    assert button["label"] == "Menu openen"
    assert page.get_attribute(".menuknop", "aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    page.wait_for_timeout(400)  # the drawer's opening slide
    assert page.get_attribute(".menuknop", "aria-expanded") == "true"
    assert page.get_attribute(".menuknop", "aria-label") == "Menu sluiten"
    inside = _focused(page)
    assert inside["inDrawer"] and inside["visible"], inside
    page.keyboard.press("Tab")
    assert _focused(page)["inDrawer"], "Tab goes on through the menu"
    page.screenshot(path=str(Path(__file__).resolve().parent.parent / "test-artifacts" / f"menu-open-{width}.png"))
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.activeElement.classList.contains('menuknop')")
    assert page.get_attribute(".menuknop", "aria-expanded") == "false"
    page.wait_for_timeout(400)  # the drawer's closing slide
    assert not page.locator(".md-sidebar--primary .md-nav__link[href]").first.is_visible()
    context.close()


def test_the_menu_button_is_hidden_where_the_menu_is_always_shown(chromium: object, served: str) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{served}/themas/")
    assert not page.locator(".menuknop").is_visible()
    assert page.locator(".md-tabs__link").first.is_visible(), "the menu is shown as tabs"
    context.close()
