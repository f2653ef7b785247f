// A search result opens its passage: /documenten/<slug>/?markeer=<query>#<paragraph>. The passage is marked
// and the words of the query in it are highlighted (folded: without accents, also inside compounds and
// inflected).
(function () {
  var query = new URLSearchParams(location.search).get("markeer");
  if (!query || !location.hash) return;
  var id = location.hash.slice(1);
  try { id = decodeURIComponent(id); } catch (malformed) { /* keep the hash as it is */ }
  var passage = document.getElementById(id);
  if (!passage) return;
  passage.classList.add("zoek-doel");
  var fold = function (text) { return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); };
  // A word is marked when it contains a query word, or its stem: "fietsen" marks "fietsroutes".
  var stem = function (t) { var s = t.replace(/(en|s|e|n)$/, ""); return s.length >= 4 ? s : t; };
  var terms = query.split(/\s+/).map(fold).filter(function (t) { return t.length >= 2; }).map(stem);
  var walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT);
  var nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  nodes.forEach(function (node) {
    if (node.parentElement.closest("a.headerlink, sup, a.label")) return;
    var parts = node.textContent.split(/(\s+)/);
    if (!parts.some(function (w) { return terms.some(function (t) { return fold(w).includes(t); }); })) return;
    var fragment = document.createDocumentFragment();
    parts.forEach(function (word) {
      if (word.trim() && terms.some(function (t) { return fold(word).includes(t); })) {
        var mark = document.createElement("mark");
        mark.textContent = word;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(word));
      }
    });
    node.replaceWith(fragment);
  });
})();
