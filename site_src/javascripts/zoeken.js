// The search page: Pagefind's index (built from the generator's records, a section each, every passage once), queried
// as the reader types, narrowed by the filters, with the query and filters kept in the address so a search can be mailed.
// Nothing of the index is loaded before the reader searches. Every text from the index is put in the page as
// text (textContent), never as HTML.

const root = new URL("../", import.meta.url);
const form = document.getElementById("zoek-formulier");
const input = document.getElementById("zoek-term");
const status = document.getElementById("zoek-status");
const list = document.getElementById("zoek-resultaten");
const more = document.getElementById("zoek-meer");
const selects = [...form.querySelectorAll("select")];
const named = JSON.parse(document.getElementById("zoek-paginas").textContent);
const PAGE = 10;
const DEBOUNCE_MS = 120;
const FIRST = 5; // shown as soon as they are loaded (on a phone line every fragment fetched counts); 5 more follow
const EXTRA = "\u2063"; // separates a paragraph's text from its extra search forms (generator/site/search.py)
const PARAGRAPH = "\u2062"; // opens each paragraph in a section's record
const EXCERPT = 32; // words in a snippet

let engine = null;
let engineReady = false;
let searching = false;
let generation = 0; // the latest query typed
let rendered = 0; // the query whose results are on the page
let found = [];
let shown = 0;
let terms = [];
let keys = [];
let pinned;

// One load of Pagefind, however many keystrokes ask for it while it loads; after a failure the next search
// tries again.
function pagefind() {
  if (engine) return engine;
  const cacheTag = String(Date.now());
  warmUp(cacheTag);
  engine = import(new URL("pagefind/pagefind.js", root).href).then(async (loaded) => {
    await loaded.options({ baseUrl: root.pathname, metaCacheTag: cacheTag });
    await loaded.init();
    // init() returns before the engine has its list of records; an empty search waits for it, so that the
    // first real search is for what the reader has typed by then, not for its first letters.
    await loaded.search("");
    return loaded;
  }).catch((error) => {
    engine = null;
    throw error;
  });
  return engine;
}

// Pagefind fetches its files one after the other (its script, then its worker, the index's entry, then the
// engine and the list of records); on a slow line each waits a round trip for the previous one. The same files
// are asked for at once here, so Pagefind finds them in the browser's cache, or on their way.
function warmUp(cacheTag) {
  const base = new URL("pagefind/", root);
  const fetched = (path) => fetch(new URL(path, base)).catch(() => null);
  fetched("pagefind-worker.js");
  fetched(`pagefind-entry.json?ts=${cacheTag}`).then((response) => response?.json()).then((entry) => {
    const index = entry?.languages && (entry.languages.nl || Object.values(entry.languages)[0]);
    if (!index) return;
    fetched(`pagefind.${index.hash}.pf_meta`);
    fetched(`wasm.${index.wasm || "unknown"}.pagefind`);
  }).catch(() => {});
}

function failed(error) {
  console.warn("Zoeken mislukt:", error);
  status.textContent = "Zoeken lukt nu niet (de zoekindex kon niet worden geladen). Probeer het zo nog eens.";
  more.hidden = true;
}

// Pagefind 1.5 makes every metadata field searchable; the fields only the page reads are stored hex-encoded
// (generator/site/search.py, HIDDEN_META) so that no query finds a section by its labels or anchors.
const HIDDEN_META = ["url", "sectie", "alineas", "labels"];

async function load(result) {
  const item = await result.data();
  for (const key of HIDDEN_META) {
    if (item.meta[key]) {
      const bytes = new Uint8Array(item.meta[key].match(/../g).map((pair) => parseInt(pair, 16)));
      item.meta[key] = new TextDecoder().decode(bytes);
    }
  }
  return item;
}

function fold(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// A query word without its Dutch ending, to mark inflected forms: "fietsen" marks "fietsroutes".
function stem(term) {
  const bare = term.replace(/(en|s|e|n)$/, "");
  return bare.length >= 4 ? bare : term;
}

// A word as compared: folded, without punctuation inside ("e-CMR" → "ecmr"), and its parts ("e", "cmr").
function tokens(word) {
  const parts = fold(word).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return parts.length > 1 ? [parts.join(""), ...parts] : parts;
}

// Pagefind also returns records in which only a prefix of a query word occurs when nothing matches it
// ("T." for "Tihange"). A result counts when every query word (its first four letters) begins a word of
// its text, its extra forms or its title.
function relevant(item) {
  const text = `${item.content} ${item.meta.title || ""} ${item.meta.document || ""}`;
  const words = text.split(/\s+/).flatMap(tokens);
  return keys.every((key) => words.some((word) => word.startsWith(key)));
}

// A name as readers may type it: without accents, case, hyphens or punctuation.
function nameKey(text) {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

// The page whose exact name is the query (a theme, region, year or document), shown first; undefined if none.
function namedPage(query) {
  if (Object.keys(chosenFilters()).length) return undefined;
  const key = nameKey(query);
  return named.find((page) => nameKey(page.naam) === key);
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) if (select.value) filters[select.name] = select.value;
  return filters;
}

function keepInAddress() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const select of selects) if (select.value) params.set(select.name, select.value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of selects) {
    const wanted = params.get(select.name) || "";
    select.value = [...select.options].some((o) => o.value === wanted) ? wanted : "";
  }
  if (Object.keys(chosenFilters()).length) document.getElementById("zoek-beperkingen").open = true;
}

function plural(count, one, many) {
  return `${count.toLocaleString("nl-NL")} ${count === 1 ? one : many}`;
}

async function run() {
  const current = ++generation;
  const query = input.value.trim();
  if (!query) {
    rendered = current;
    keepInAddress();
    found = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "";
    return;
  }
  const waited = !engineReady;
  const engine = await pagefind();
  engineReady = true;
  // Wait a moment for the next keystroke, unless this query already waited for the engine to load.
  if (!waited) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
  if (current !== generation) return; // the reader typed on before this query was searched
  // One search at a time: a query typed meanwhile waits, and is dropped if the reader types on.
  while (searching) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (current !== generation) return;
  }
  searching = true;
  let search;
  let loaded = [];
  try {
    search = await engine.search(query, { filters: chosenFilters() });
    // The next search waits until these first results are loaded: on a slow line the two would share it.
    if (current > rendered) loaded = await Promise.all(search.results.slice(0, FIRST).map(load));
  } finally {
    searching = false;
  }
  // While the reader types on, the results of a shorter query are shown until newer ones are loaded.
  if (current < rendered) return;
  rendered = current;
  // The first results are shown as soon as they are loaded, with the address; the next ones follow, then
  // their number is announced (role="status").
  keys = query.split(/\s+/).map((word) => tokens(word)[0]?.slice(0, 4)).filter(Boolean);
  const first = loaded.filter(relevant);
  found = first.length < loaded.length ? search.results.slice(0, first.length) : search.results;
  terms = query.split(/\s+/).map(fold).filter((t) => t.length >= 2).map(stem);
  pinned = namedPage(query);
  const items = first.filter((item) => !pinned || resolve(item.meta.url) !== resolve(pinned.url)).map(resultItem);
  if (pinned) items.unshift(resultItem({ meta: { url: pinned.url, title: pinned.titel, soort: pinned.soort } }));
  list.replaceChildren(...items);
  shown = first.length;
  more.hidden = true; // until the first page of results is complete
  if (current !== generation) return;
  keepInAddress();
  if (shown < found.length) await showMore(PAGE - shown);
  more.hidden = shown >= found.length;
  if (current !== generation) return;
  const narrowed = Object.keys(chosenFilters()).length ? " met deze beperkingen" : "";
  status.textContent = found.length
    ? `${plural(found.length, "resultaat", "resultaten")} voor “${query}”${narrowed}.`
    : `Niets gevonden voor “${query}”${narrowed}.`;
}

async function showMore(count = PAGE) {
  const current = generation;
  const loaded = await Promise.all(found.slice(shown, shown + count).map(load));
  if (current !== generation) return;
  const data = loaded.filter(relevant);
  if (data.length < loaded.length) found = found.slice(0, shown + data.length);
  list.append(...data.filter((item) => !pinned || resolve(item.meta.url) !== resolve(pinned.url)).map(resultItem));
  shown += data.length;
  more.hidden = shown >= found.length;
}

function resolve(url) {
  return new URL(url, root).href;
}

// A record's address is in its metadata (relative to the site root): Pagefind indexed it from a file of its own.
// Where a result leads: the paragraph the words were found in, with the query to mark there.
function target(item, paragraph) {
  const url = new URL(item.meta.url, root);
  if (paragraph) url.hash = paragraph.id;
  if (url.hash) url.search = new URLSearchParams({ markeer: input.value.trim() }).toString();
  return url.pathname + url.search + url.hash;
}

function resultItem(item) {
  const li = document.createElement("li");
  li.className = "zoek-resultaat";
  if (item.meta.sectie) li.dataset.sectie = item.meta.sectie;
  const paragraph = item.meta.alineas ? foundIn(item) : null;
  const title = document.createElement("a");
  title.className = "zoek-titel";
  title.href = target(item, paragraph);
  title.textContent = item.meta.title;
  const heading = document.createElement("h2");
  heading.append(title);
  const meta = document.createElement("p");
  meta.className = "zoek-meta";
  const parts = item.meta.document
    ? [item.meta.document !== item.meta.title ? item.meta.document : item.meta.soort, item.meta.jaar, item.meta.land]
    : [item.meta.soort, item.meta.jaar];
  meta.textContent = parts.filter(Boolean).join(" · ");
  li.append(heading, meta);
  if (paragraph) li.append(snippet(paragraph));
  return li;
}

// A section's record holds its paragraphs, each opened by PARAGRAPH, its text followed by EXTRA and its extra
// forms. The paragraph shown is the first whose own text has a match, else the first whose extra forms have
// one; with a theme or region filter, one that also has that label comes first. (A filter applies to the
// section: its words may be in one paragraph and the label on another; the reader then sees the words.)
function foundIn(item) {
  const words = item.content.split(/\s+/);
  const ids = item.meta.alineas.split(" ");
  const labels = (item.meta.labels || "").split("|");
  const wanted = [chosenFilters().thema, chosenFilters().regio].filter(Boolean);
  const paragraphs = [];
  words.forEach((word, i) => {
    if (word === PARAGRAPH) {
      if (paragraphs.length) paragraphs.at(-1).end = i;
      const n = paragraphs.length;
      paragraphs.push({ id: ids[n], labels: (labels[n] || "").split(" "), start: i + 1, stop: null, end: words.length });
    } else if (word === EXTRA && paragraphs.length && paragraphs.at(-1).stop === null) {
      paragraphs.at(-1).stop = i;
    }
  });
  for (const p of paragraphs) {
    p.stop ??= p.end;
    p.words = words.slice(p.start, p.stop);
    p.hits = new Set(item.locations.filter((l) => l >= p.start && l < p.stop).map((l) => l - p.start));
    p.inText = p.hits.size > 0;
    p.extra = item.locations.some((l) => l >= p.stop && l < p.end);
    if (!p.hits.size) {
      p.hits = new Set(p.words.flatMap((word, i) => (terms.some((t) => fold(word).includes(t)) ? [i] : [])));
    }
  }
  const fits = (p) => wanted.every((label) => p.labels.includes(label));
  return paragraphs.find((p) => fits(p) && p.inText) || paragraphs.find((p) => p.inText)
    || paragraphs.find((p) => fits(p) && p.extra) || paragraphs.find((p) => p.extra)
    || paragraphs.find((p) => p.hits.size) || paragraphs.find(fits) || paragraphs[0];
}

// The words of the paragraph around its first match, the matched words marked.
function snippet(paragraph) {
  const visible = paragraph.words;
  const hits = paragraph.hits;
  const first = hits.size ? Math.min(...hits) : 0;
  const start = Math.max(0, Math.min(first - 8, visible.length - EXCERPT));
  const stop = Math.min(visible.length, start + EXCERPT);
  const p = document.createElement("p");
  p.className = "zoek-fragment";
  if (start > 0) p.append("… ");
  for (let i = start; i < stop; i++) {
    if (i > start) p.append(" ");
    if (hits.has(i)) {
      // Punctuation around the word stays outside the mark.
      const [, before, word, after] = visible[i].match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
      const mark = document.createElement("mark");
      mark.textContent = word;
      p.append(before, mark, after);
    } else {
      p.append(visible[i]);
    }
  }
  if (stop < visible.length) p.append(" …");
  return p;
}

// Every search, from whatever starts it: a failure is told to the reader.
function start() {
  run().catch(failed);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  start();
});
input.addEventListener("input", start);
// A reader who puts the cursor in the search box starts a search: the engine loads while they type.
input.addEventListener("focus", () => pagefind().catch(() => {}), { once: true }); // a search tells any failure
for (const select of selects) select.addEventListener("change", start);
more.addEventListener("click", async () => {
  const before = list.children.length;
  more.hidden = true; // one page at a time
  await showMore().catch(failed);
  list.children[before]?.querySelector("a")?.focus();
});
window.addEventListener("popstate", () => {
  readAddress();
  start();
});

readAddress();
if (input.value.trim()) start();
