// The search page (layouts/search.html): reads ?q= on load, searches as the
// reader types, keeps the query in the address, and shows the results
// grouped by kind. Every text it shows comes from the page, so the English
// page speaks English; every text from the index goes in as textContent.

import { createSearcher } from "./engine.js";

const debounceMs = 200;

export function start(doc, win) {
  const root = doc.getElementById("tim-kiem");
  const form = doc.getElementById("tim-kiem-form");
  const input = doc.getElementById("tim-kiem-q");
  const status = doc.getElementById("tim-kiem-trang-thai");
  const browse = doc.getElementById("tim-kiem-duyet");
  if (!root || !form || !input || !status) return;
  const text = root.dataset;
  const manifest = new URL(text.index, doc.baseURI);
  const searcher = createSearcher(async (path) => {
    const resp = await win.fetch(new URL(path, manifest));
    if (!resp.ok) throw new Error(`${path}: HTTP ${resp.status}`);
    return new Uint8Array(await resp.arrayBuffer());
  });
  const numbers = new Intl.NumberFormat(doc.documentElement.lang || "vi");
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));

  let latest = 0;
  let timer = 0;

  async function run() {
    const q = input.value.trim();
    const ticket = ++latest;
    keepInAddress(win, q);
    if (q === "") {
      show([], "", true);
      return;
    }
    // Say "searching" only when it takes a while: a screen reader would
    // otherwise announce it at every pause in typing.
    const slow = win.setTimeout(() => {
      if (ticket === latest) status.textContent = text.loading;
    }, 500);
    try {
      const res = await searcher.query(q);
      if (ticket !== latest) return; // the reader has typed on
      render(res, q);
    } catch (err) {
      if (ticket !== latest) return;
      win.console.error(err);
      show([], text.error, true);
    } finally {
      win.clearTimeout(slow);
    }
  }

  function render(res, q) {
    let message;
    if (res.total === 0) {
      message = fill(text.none, { q });
    } else {
      message = fill(res.total === 1 ? text.countOne : text.count, { n: numbers.format(res.total), q });
    }
    if (res.skipped.length > 0) {
      message += " " + fill(text.skipped, { words: res.skipped.join(", ") });
    }
    show(res.groups.map(group), message, res.total === 0);
  }

  function group(g) {
    const section = doc.createElement("section");
    section.className = "search-group";
    const h2 = doc.createElement("h2");
    h2.textContent = `${text["group" + cap(g.kind)]} (${numbers.format(g.total)})`;
    const ul = doc.createElement("ul");
    ul.className = "updates search-results";
    for (const h of g.hits) ul.append(item(h.doc));
    section.append(h2, ul);
    if (g.total > g.hits.length) {
      const more = doc.createElement("p");
      more.className = "meta";
      more.textContent = fill(text.more, { n: numbers.format(g.total - g.hits.length) });
      section.append(more);
    }
    return section;
  }

  function item(d) {
    const li = doc.createElement("li");
    const a = doc.createElement("a");
    a.href = text.base + d.url.replace(/^\//, "");
    const title = shorten(d.title);
    if (d.kind === "task") a.textContent = `${text.task} ${d.label}: ${title}`;
    else if (d.kind === "plan") a.textContent = `${d.label}: ${title}`;
    else a.textContent = title;
    li.append(a);
    if (d.context) {
      const ctx = doc.createElement("span");
      ctx.className = "meta";
      ctx.textContent = d.context;
      li.append(doc.createElement("br"), ctx);
    }
    return li;
  }

  // show puts the groups and the message on the page, and the browsing
  // hints when there is nothing else to offer.
  function show(nodes, message, hints) {
    root.replaceChildren(...nodes);
    status.textContent = message;
    if (browse) browse.hidden = !hints;
  }

  input.addEventListener("input", () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(run, debounceMs);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault(); // the results are on this page already
    win.clearTimeout(timer);
    run();
  });
  const q = new URLSearchParams(win.location.search).get("q");
  if (q) {
    input.value = q;
    run();
  }
}

// keepInAddress puts the query in the address, so that it can be shared
// and the back button returns to it, without adding history entries.
function keepInAddress(win, q) {
  const url = new URL(win.location.href);
  if (q) url.searchParams.set("q", q);
  else url.searchParams.delete("q");
  win.history.replaceState(null, "", url);
}

// shorten cuts a title written as a paragraph (some plans word a task so)
// at a word, for a list of results; the task's page has all of it.
function shorten(s, max = 200) {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(" ", max);
  return s.slice(0, cut > max / 2 ? cut : max) + "…";
}

function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
