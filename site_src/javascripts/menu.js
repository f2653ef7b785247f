// The header's menu button opens and closes Material's navigation drawer (a checkbox, #__drawer) for keyboard
// and mouse alike: it says whether the menu is open, moves the focus into the menu, and Escape closes it again.
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".menuknop");
  if (!toggle || !button) return;

  function sync() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    button.setAttribute("aria-label", toggle.checked ? "Menu sluiten" : "Menu openen");
  }

  function set(open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    sync();
  }

  button.addEventListener("click", function () {
    set(!toggle.checked);
    if (!toggle.checked) return;
    // The drawer is visible once its box is shown; then its first link takes the focus.
    requestAnimationFrame(function () {
      var first = document.querySelector(".md-sidebar--primary .md-nav__link[href]");
      if (first) first.focus();
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
  toggle.addEventListener("change", sync);
  sync();
})();
