// A "Kopieer link" button beside every year section of theme and region pages: it copies the
// permanent URL of that section as the reader sees it (this page's own origin and path + #jaar-YYYY),
// for pasting into an e-mail: a link that works wherever the site is served.
document.querySelectorAll("h2[id^='jaar-']").forEach(function (heading) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = "sectielink";
  button.textContent = "Kopieer link";
  button.title = "Kopieer de link naar dit deel van de pagina";
  button.setAttribute("aria-label", "Kopieer de link naar " + heading.textContent.replace("¶", "").trim());
  button.addEventListener("click", function () {
    var url = location.origin + location.pathname + "#" + heading.id;
    var done = function () { button.textContent = "Gekopieerd"; setTimeout(function () { button.textContent = "Kopieer link"; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { window.prompt("Kopieer deze link:", url); });
    } else {
      window.prompt("Kopieer deze link:", url);
    }
  });
  heading.appendChild(button);
});
