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
const order = document.getElementById("zoek-volgorde");
const selects = [...form.querySelectorAll("select")].filter((select) => select !== order); // the filters
const none = document.getElementById("zoek-geen");
const named = JSON.parse(document.getElementById("zoek-paginas").textContent);
const COUNTED = 400; // results whose filters are counted; above this, the filters show no counts
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
let loose = false; // no whole-word match: the results are those with words that begin like the query's
let pinned;
const loaded = new Map(); // result id → its data (a promise), loaded once per page view
const ready = new Map(); // result id → its data, once loaded

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

function load(result) {
  if (!loaded.has(result.id)) {
    const data = decoded(result);
    loaded.set(result.id, data);
    data.then((item) => ready.set(result.id, item));
    data.catch(() => loaded.delete(result.id));
  }
  return loaded.get(result.id);
}

async function decoded(result) {
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
  if (order.value) params.set(order.name, order.value);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function readAddress() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const select of [...selects, order]) {
    const wanted = params.get(select.name) || "";
    select.value = [...select.options].some((o) => o.value === wanted) ? wanted : "";
  }
  if (Object.keys(chosenFilters()).length) document.getElementById("zoek-beperkingen").open = true;
}

function plural(count, one, many) {
  return `${count.toLocaleString("nl-NL")} ${count === 1 ? one : many}`;
}

// The query as written: "quoted phrases" (the words in this order), words, and words ending in * (any word that
// begins so). Quotes may be straight or curly; an unclosed quote runs to the end (the reader is still typing).
function parse(query) {
  const phrases = [];
  const rest = query.replace(/["“”„]([^"“”„]*)["“”„]?/g, (_, inner) => {
    phrases.push(inner.trim().split(/\s+/).filter(Boolean).join(" "));
    return " ";
  });
  const words = rest.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return {
    phrases: phrases.filter(Boolean),
    words: words.filter((word) => !word.endsWith("*")),
    prefixes: words.filter((word) => word.endsWith("*")).map((word) => word.replace(/\*+$/, "")),
  };
}

// Every word of the query as one text for Pagefind, which also matches words that begin with a query word.
function loosely(parsed) {
  return [...parsed.phrases, ...parsed.words, ...parsed.prefixes].join(" ");
}

// The results of a query: Pagefind's, in its order (or by year), kept to those in which every word is found as a
// whole word (in one of its forms) and every phrase in its order. Only when no result has every word whole, and the
// query has no phrase, are the results those with words that begin like the query's ("prefix only as fallback").
// A word and its plain Dutch inflections, which Pagefind's stemmer joins: fietsen, fiets; diploma, diploma's.
function variants(word) {
  const lower = word.toLowerCase();
  const bases = new Set([lower]);
  for (const ending of ["en", "'s", "’s", "s", "e", "n"]) {
    if (lower.endsWith(ending) && lower.length - ending.length >= 3) bases.add(lower.slice(0, -ending.length));
  }
  const found = new Set(bases);
  for (const base of bases) for (const ending of ["en", "s", "e", "n"]) found.add(base + ending);
  return [...found];
}

async function matching(engine, parsed, filters) {
  const sort = order.value ? { jaar: order.value === "oud" ? "asc" : "desc" } : undefined;
  const strict = [...parsed.words.map(variants), ...parsed.phrases.map((phrase) => [phrase])];
  // A quoted search matches the word exactly, without Pagefind's stemming: each word is looked up in its
  // plain inflections too (the index holds the other forms of the texts' words, generator/site/forms.py).
  // All searches are asked for at once: the engine answers them from the same index chunks.
  const [search, sets] = await Promise.all([
    engine.search(loosely(parsed), sort ? { filters, sort } : { filters }),
    Promise.all(strict.map(async (texts) => {
      const found = await Promise.all(texts.map((text) => engine.search(`"${text}"`, { filters })));
      return new Set(found.flatMap((exact) => exact.results.map((result) => result.id)));
    })),
  ]);
  if (!strict.length) return { results: search.results, loose: false };
  const whole = search.results.filter((result) => sets.every((set) => set.has(result.id)));
  if (whole.length || parsed.phrases.length) return { results: whole, loose: false };
  // Whether to fall back is decided on the whole archive: a filter never brings the longer words back.
  if (Object.keys(filters).length && !(await matching(engine, parsed, {})).loose) return { results: [], loose: false };
  return { results: search.results, loose: true };
}

async function run() {
  const current = ++generation;
  const query = input.value.trim();
  const parsed = parse(query);
  if (!loosely(parsed)) {
    rendered = current;
    keepInAddress();
    found = [];
    list.replaceChildren();
    more.hidden = true;
    none.hidden = true;
    status.textContent = "";
    showCounts(null);
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
  let first = [];
  try {
    search = await matching(engine, parsed, chosenFilters());
    // The next search waits until these first results are loaded: on a slow line the two would share it.
    if (current > rendered) first = await Promise.all(search.results.slice(0, FIRST).map(load));
  } finally {
    searching = false;
  }
  // While the reader types on, the results of a shorter query are shown until newer ones are loaded.
  if (current < rendered) return;
  rendered = current;
  loose = search.loose;
  keys = loose ? loosely(parsed).split(/\s+/).map((word) => tokens(word)[0]?.slice(0, 4)).filter(Boolean) : [];
  const kept = first.filter(relevant);
  found = kept.length < first.length ? search.results.slice(0, kept.length) : search.results;
  terms = loosely(parsed).split(/\s+/).map(fold).filter((t) => t.length >= 2).map(stem);
  pinned = order.value ? undefined : namedPage(query);
  const items = kept.filter((item) => !pinned || resolve(item.meta.url) !== resolve(pinned.url)).map(resultItem);
  if (pinned) items.unshift(resultItem({ meta: { url: pinned.url, title: pinned.titel, soort: pinned.soort } }));
  // The results and their number appear together, so nothing moves under the reader's finger; the number is
  // announced (role="status") once the results are on the page.
  list.replaceChildren(...items);
  showCounts(null); // until this query's are counted
  shown = kept.length;
  more.hidden = true; // until the first page of results is complete
  announce(query);
  keepInAddress();
  if (shown < found.length) await showMore(PAGE - shown);
  if (current !== generation) return;
  more.hidden = shown >= found.length;
  announce(query);
  await count(current, engine, parsed, search);
}

// The number of results, or the no-results page with tips and the nearest themes.
function announce(query) {
  const narrowed = Object.keys(chosenFilters()).length ? " met deze beperkingen" : "";
  const total = found.length + (pinned && !found.some((r) => ready.has(r.id) && resolve(ready.get(r.id).meta.url) === resolve(pinned.url)) ? 1 : 0);
  none.hidden = total > 0;
  if (!total) noResults(query);
  const wide = loose ? " (woorden die zo beginnen)" : "";
  status.textContent = total
    ? `${plural(total, "resultaat", "resultaten")} voor “${query}”${narrowed}${wide}.`
    : `Niets gevonden voor “${query}”${narrowed}.`;
}

// Per filter, how many of the results each choice leaves (each counted with the other filters as chosen): from
// the results' own data, so that the counts are those of the list. Loaded in the background after the first
// results; none are shown for more than COUNTED results.
async function count(current, engine, parsed, search) {
  const filters = chosenFilters();
  const base = Object.keys(filters).length ? await matching(engine, parsed, {}) : search;
  if (current !== generation) return;
  if (base.results.length > COUNTED) return showCounts(null);
  const items = (await Promise.all(base.results.map(load))).filter((item) => !base.loose || relevant(item));
  if (current !== generation) return;
  const counts = {};
  for (const select of selects) {
    const others = Object.entries(filters).filter(([name]) => name !== select.name);
    const fitting = items.filter((item) => others.every(([name, value]) => (item.filters[name] || []).includes(value)));
    counts[select.name] = { "": fitting.length };
    for (const item of fitting) {
      for (const value of item.filters[select.name] || []) counts[select.name][value] = (counts[select.name][value] || 0) + 1;
    }
  }
  showCounts(counts);
  if (!Object.keys(filters).length && base.loose) found = base.results.filter((r) => relevant(ready.get(r.id)));
  announce(input.value.trim());
}

function showCounts(counts) {
  for (const select of selects) {
    for (const option of select.options) {
      option.dataset.naam ??= option.textContent;
      const n = counts ? counts[select.name][option.value] || 0 : null;
      option.textContent = n === null ? option.dataset.naam : `${option.dataset.naam} (${n.toLocaleString("nl-NL")})`;
    }
  }
}

// Nothing found: what to try, and the themes whose names come nearest to the query.
function noResults(query) {
  const tips = document.getElementById("zoek-tips");
  const parsed = parse(query);
  const advice = ["Controleer de spelling, of zoek met minder woorden."];
  if (parsed.phrases.length) advice.push("Zoek zonder aanhalingstekens: dan hoeven de woorden niet precies in deze volgorde te staan.");
  if (parsed.words.length) advice.push(`Zet een * achter een woord om ook langere woorden te vinden, bijvoorbeeld ${parsed.words[0].replace(/[^\p{L}\p{N}-]/gu, "")}*.`);
  if (Object.keys(chosenFilters()).length) advice.push("Haal een of meer beperkingen weg.");
  tips.replaceChildren(...advice.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
  const themes = document.getElementById("zoek-themas");
  themes.replaceChildren(...nearestThemes(query).map((page) => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = resolve(page.url);
    a.textContent = page.titel;
    li.append(a);
    return li;
  }));
}

// The three themes whose names share the most letter triples with a word of the query.
function nearestThemes(query) {
  const grams = (word) => {
    const padded = ` ${word} `;
    return new Set([...padded].slice(0, -2).map((_, i) => padded.slice(i, i + 3)));
  };
  const words = nameKey(query).split(" ").filter((word) => word.length >= 3).map(grams);
  const similarity = (a, b) => (2 * [...a].filter((g) => b.has(g)).length) / (a.size + b.size);
  const themes = new Map();
  for (const page of named) {
    if (page.soort !== "Thema") continue;
    const score = Math.max(0, ...nameKey(page.naam).split(" ").filter((w) => w.length >= 3)
      .flatMap((word) => words.map((q) => similarity(q, grams(word)))));
    if (!themes.has(page.url) || themes.get(page.url).score < score) themes.set(page.url, { ...page, score });
  }
  return [...themes.values()].sort((a, b) => b.score - a.score || a.titel.localeCompare(b.titel, "nl")).slice(0, 3);
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
  if (url.hash) url.search = new URLSearchParams({ markeer: loosely(parse(input.value.trim())) }).toString();
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
  // With a quoted phrase, the paragraph that holds it ("wind-op-zee" holds "wind op zee").
  const phrases = parse(input.value.trim()).phrases.map((phrase) => ` ${nameKey(phrase)} `);
  const holds = (p) => phrases.length && phrases.every((phrase) => ` ${nameKey(p.words.join(" "))} `.includes(phrase));
  const holding = paragraphs.find((p) => holds(p) && fits(p)) || paragraphs.find(holds);
  if (holding) {
    holding.hits = phraseHits(holding.words, phrases.map((phrase) => phrase.trim().split(" ")));
    return holding;
  }
  return paragraphs.find((p) => fits(p) && p.inText) || paragraphs.find((p) => p.inText)
    || paragraphs.find((p) => fits(p) && p.extra) || paragraphs.find((p) => p.extra)
    || paragraphs.find((p) => p.hits.size) || paragraphs.find(fits) || paragraphs[0];
}

// The words (their positions) where each phrase first occurs, so that the snippet shows and marks it; a word may
// hold several of the phrase's words ("wind-op-zee-projecten").
function phraseHits(words, phrases) {
  const hits = new Set();
  for (const phrase of phrases) {
    for (let i = 0; i < words.length; i++) {
      const parts = [];
      let j = i;
      while (parts.length < phrase.length && j < words.length) parts.push(...nameKey(words[j++]).split(" ").filter(Boolean));
      if (phrase.every((word, k) => parts[k] === word)) {
        for (let k = i; k < j; k++) hits.add(k);
        break;
      }
    }
  }
  return hits;
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
for (const select of [...selects, order]) select.addEventListener("change", start);
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
