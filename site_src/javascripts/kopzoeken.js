// On a phone the header's search form folds behind a button (the styles do the folding below 45em, once this
// script has marked the header), so that the site's name or the page's title stays readable. The button opens
// the form and puts the focus in its field; the button again, or Escape, closes it and gives the focus back.
(function () {
  var header = document.querySelector(".md-header");
  var button = document.querySelector(".zoekopener");
  var form = document.getElementById("kop-zoeken");
  if (!header || !button || !form) return;
  var field = form.querySelector("input");
  header.classList.add("zoek-inklapbaar");

  function set(open) {
    header.classList.toggle("zoek-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
    button.setAttribute("aria-label", open ? "Zoeken sluiten" : "Zoeken");
  }

  button.addEventListener("click", function () {
    var open = !header.classList.contains("zoek-open");
    set(open);
    if (open) field.focus();
  });
  form.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("zoek-open")) {
      set(false);
      button.focus();
    }
  });
})();
