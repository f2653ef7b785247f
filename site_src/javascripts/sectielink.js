// "Kopieer link": one convention for every place a reader may want to mail. A button after each heading with
// an anchor (a year section of a theme or region page, a section of a document), after each paragraph of a
// document and in the source line of each passage on theme, region and year pages. It copies the permanent
// address of that place as the reader sees it: this page's own origin and path with the anchor, or, for a
// passage, its paragraph in its document. A link that works wherever the site is served.
(function () {
  var LABEL = "Kopieer link";

  // One status region per page announces what was copied (a screen reader hears it; the button also says
  // "Gekopieerd" for two seconds, in its text and in its accessible name).
  var status = document.createElement("div");
  status.className = "verborgen-label kopieerstatus";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function copy(button, url, announcement) {
    var label = button.getAttribute("aria-label"), text = button.textContent;
    var done = function () {
      button.textContent = "Gekopieerd";
      button.setAttribute("aria-label", "Gekopieerd");
      status.textContent = "";
      setTimeout(function () { status.textContent = announcement; }, 50);
      setTimeout(function () {
        button.textContent = text;
        button.setAttribute("aria-label", label);
      }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(done, function () { window.prompt("Kopieer deze link:", url); });
    } else {
      window.prompt("Kopieer deze link:", url);
    }
  }

  // The accessible name starts with the visible text (WCAG 2.5.3), then says what it copies.
  function button(what, url, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "sectielink";
    b.textContent = text || LABEL;
    b.setAttribute("aria-label", (text || LABEL) + " naar " + what);
    b.addEventListener("click", function () { copy(b, url(), "Link naar " + what + " gekopieerd"); });
    return b;
  }

  function here(id) {
    return function () { return location.origin + location.pathname + (id ? "#" + id : ""); };
  }

  function resolved(href) {
    return function () { return new URL(href, location.href).href; };
  }

  // The address of a feed as the reader will paste it: absolute, wherever the site is served.
  document.querySelectorAll("a.feedadres").forEach(function (link) {
    link.textContent = link.href;
    link.insertAdjacentElement("afterend", button("de feed", resolved(link.getAttribute("href")), "Kopieer feedadres"));
    link.insertAdjacentText("afterend", " ");
  });
  var article = document.querySelector("article");
  if (!article) return;
  // A link whose text is its own address prints once (the print rules add the address after other links).
  article.querySelectorAll("a[href^='http']").forEach(function (link) {
    var text = link.textContent.trim().replace(/^https?:\/\//, "");
    if (text && link.href.replace(/^https?:\/\//, "").indexOf(text) === 0) link.classList.add("adres");
  });
  // Headings: the button follows the heading, so that the heading reads as its own text.
  // A year section of a theme or region page copies the address of that year's own page (data-kopieer), which
  // is what a reader mails; its ¶ still links to the section.
  article.querySelectorAll("h2[id], h3[id], h4[id]").forEach(function (heading) {
    var name = heading.textContent.replace("\u00b6", "").trim();
    var target = heading.getAttribute("data-kopieer");
    heading.insertAdjacentElement("afterend", target
      ? button("de pagina " + heading.getAttribute("data-kopieer-naam"), resolved(target))
      : button(name, here(heading.id)));
  });
  // A page that readers share as a whole (a theme or region in one year): a button under its title.
  article.querySelectorAll("h1.paginalink").forEach(function (heading) {
    heading.insertAdjacentElement("afterend", button("deze pagina", here("")));
  });
  // The pages of the original a paragraph stands on ("p. 3" or "p. 3–4"), from the invisible page markers the
  // generator puts where a page begins; "" when the document's pages are not known.
  var markers = Array.prototype.slice.call(article.querySelectorAll(".pagina[data-pagina]"));
  function pages(paragraph) {
    var first = "", last = "";
    markers.forEach(function (marker) {
      var position = paragraph.compareDocumentPosition(marker);
      if (position & Node.DOCUMENT_POSITION_PRECEDING) {
        first = marker.dataset.pagina;
      } else if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) {
        var before = document.createRange();
        before.setStart(paragraph, 0);
        before.setEndBefore(marker);
        if (before.toString().trim() === "") first = marker.dataset.pagina;
        else last = marker.dataset.pagina;
      }
    });
    return first ? "p. " + first + (last ? "\u2013" + last : "") : "";
  }

  // "Citeer": a citation with the document's title, issuer, date, reference, the place in it and the pages of
  // the original, and the permanent address. On a document page the page's #citeer data give the document and
  // the places, the page markers the pages; on a theme, region or theme-year page #citeer-alineas gives them
  // per passage, in page order (written by the generator from the same analysis).
  var data = document.getElementById("citeer");
  var source = data ? JSON.parse(data.textContent) : null;
  var passages = document.getElementById("citeer-alineas");
  var elsewhere = passages ? JSON.parse(passages.textContent) : null;
  function cite(from, place, page, address) {
    return from.afzender + ", \u201c" + from.titel + "\u201d, " + from.datum +
      (from.vindplaats ? ", " + from.vindplaats : "") + ", " + place + (page ? ", " + page : "") + ". " + address +
      (from.origineel ? " (origineel: " + from.origineel + ")" : "");
  }
  function citation(paragraph) {
    return cite(source, (source.plaatsen || {})[paragraph.id] || "alinea " + paragraph.id, pages(paragraph),
                here(paragraph.id)());
  }
  function passageCitation(passage, address) {
    var d = elsewhere.bronnen[passage[0]];
    return cite({afzender: d[0], titel: d[1], datum: d[2], vindplaats: d[3], origineel: d[4]}, passage[1],
                passage[2], address);
  }

  // One control per paragraph, one Tab stop: a small menu button ("Link") whose menu holds "Kopieer link" and
  // "Citeer" (the WAI-ARIA menu button pattern: Enter, Space or the arrow keys open it on an item, the arrow
  // keys move, Escape and Tab close it). What was copied is announced, and the button says "Gekopieerd".
  var open = null;
  function close(focus) {
    if (!open) return;
    var menu = open;
    open = null;
    menu.list.hidden = true;
    menu.trigger.setAttribute("aria-expanded", "false");
    if (focus) menu.trigger.focus();
  }
  document.addEventListener("click", function (event) {
    if (open && !open.box.contains(event.target)) close(false);
  });

  var menus = 0;
  function menuButton(link, quote) {
    var box = document.createElement("span"), trigger = document.createElement("button");
    var list = document.createElement("span");
    box.className = "alineamenu";
    trigger.type = "button";
    trigger.className = "sectielink alineaknop";
    trigger.textContent = "Link";
    trigger.setAttribute("aria-label", "Link of bronvermelding van deze alinea");
    trigger.setAttribute("aria-haspopup", "menu");
    trigger.setAttribute("aria-expanded", "false");
    list.className = "alineamenu__lijst";
    list.id = "alineamenu-" + (++menus);
    list.setAttribute("role", "menu");
    list.setAttribute("aria-label", "Deze alinea");
    list.hidden = true;
    trigger.setAttribute("aria-controls", list.id);
    var actions = [
      ["Kopieer link", link, "Link naar deze alinea gekopieerd"],
      ["Citeer", quote, "Bronvermelding van deze alinea gekopieerd"]
    ];
    var items = actions.map(function (action) {
      var item = document.createElement("button");
      item.type = "button";
      item.className = "alineamenu__keuze";
      item.setAttribute("role", "menuitem");
      item.tabIndex = -1;
      item.textContent = action[0];
      item.addEventListener("click", function () {
        close(true);
        copy(trigger, action[1](), action[2]);
      });
      list.appendChild(item);
      return item;
    });
    var menu = {box: box, trigger: trigger, list: list};
    function show(index) {
      if (open !== menu) close(false);
      open = menu;
      list.hidden = false;
      list.classList.remove("alineamenu__lijst--links");
      if (list.getBoundingClientRect().right > document.documentElement.clientWidth) {
        list.classList.add("alineamenu__lijst--links");
      }
      trigger.setAttribute("aria-expanded", "true");
      items[(index + items.length) % items.length].focus();
    }
    trigger.addEventListener("click", function () {
      if (open === menu) close(true); else show(0);
    });
    trigger.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); show(0); }
      if (event.key === "ArrowUp") { event.preventDefault(); show(-1); }
    });
    list.addEventListener("keydown", function (event) {
      var at = items.indexOf(document.activeElement);
      var moves = {ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1};
      if (event.key in moves) {
        event.preventDefault();
        items[(moves[event.key] + items.length) % items.length].focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        close(true);
      } else if (event.key === "Tab") {
        close(false);
        trigger.focus();  // Tab then moves on from the button, as if the menu had not been open
      }
    });
    box.appendChild(trigger);
    box.appendChild(list);
    return box;
  }

  // The page numbers of the original, visible where each page begins ("p. 3", in the margin: see extra.css),
  // written once the headings' buttons have read their names; generated content would be out of reach of
  // the tests and of some screen readers, and text in the page itself would enter the search index and the
  // table of contents.
  markers.forEach(function (marker) { marker.textContent = "p. " + marker.dataset.pagina; });
  // A paragraph of a document (its id ends in -p<number>), and a part of it that carries content (a letter's
  // opening); not the other parts around the content (salutation, signature…).
  article.querySelectorAll("p[id], li[id]").forEach(function (paragraph) {
    if (!/-p\d+$/.test(paragraph.id)) return;
    if (paragraph.classList.contains("documentdeel") && !paragraph.classList.contains("documentdeel--inhoud")) return;
    paragraph.appendChild(document.createTextNode(" "));
    paragraph.appendChild(source
      ? menuButton(here(paragraph.id), function () { return citation(paragraph); })
      : button("deze alinea", here(paragraph.id)));
  });
  // Passages elsewhere: their source line (or, in a theme's dossier, their opening) links to the paragraph in
  // its document; the menu copies that address or the passage's citation. On paper the link prints its full
  // address (data-adres, see the print rules of extra.css).
  // On a theme or region page, the passages of the newest year (the dossier open at first) are cited.
  var quoted = article.querySelectorAll("p.bron, details.dossier:first-of-type ol.dossier-alineas > li");
  var cited = elsewhere && elsewhere.alineas.length === quoted.length ? elsewhere.alineas : null;
  quoted.forEach(function (passage, index) {
    var link = passage.querySelector("a[href*='#']");
    if (!link) return;
    var address = resolved(link.getAttribute("href"));
    if (passage.matches("p.bron")) link.setAttribute("data-adres", link.href);
    passage.appendChild(document.createTextNode(" "));
    passage.appendChild(cited
      ? menuButton(address, function () { return passageCitation(cited[index], address()); })
      : button("deze alinea", address));
  });
})();
