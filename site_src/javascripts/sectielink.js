// A "Kopieer link" button beside every year section of theme and region pages: it copies the
// permanent URL of that section (canonical URL + #jaar-YYYY), for pasting into an e-mail.
document.querySelectorAll("h2[id^='jaar-']").forEach(function (heading) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = "sectielink";
  button.textContent = "Kopieer link";
  button.title = "Kopieer de link naar dit deel van de pagina";
  button.setAttribute("aria-label", "Kopieer de link naar " + heading.textContent.replace("¶", "").trim());
  button.addEventListener("click", function () {
    var canonical = document.querySelector("link[rel=canonical]");
    var base = canonical ? canonical.href : location.href.split("#")[0];
    var url = base.split("#")[0] + "#" + heading.id;
    var done = function () { button.textContent = "Gekopieerd"; setTimeout(function () { button.textContent = "Kopieer link"; }, 2000); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { window.prompt("Kopieer deze link:", url); });
    } else {
      window.prompt("Kopieer deze link:", url);
    }
  });
  heading.appendChild(button);
});
