/* Site search with Pagefind (no third party, chunked per-language index).
   The search page reads ?q=, searches as you type, and keeps the query in the URL.
   Results are built with DOM methods: page text never becomes markup, except Pagefind's <mark>. */
const root = document.querySelector("[data-migsite-search]");
if (root) {
  const input = root.querySelector("input[type=search]");
  const status = root.querySelector("[data-migsite-search-status]");
  const list = root.querySelector("[data-migsite-search-results]");
  const bundle = new URL(root.dataset.bundle, document.baseURI);
  const siteRoot = new URL("..", bundle).pathname;
  const more = root.querySelector("[data-migsite-search-more]");
  const strings = { none: root.dataset.none, count: root.dataset.count, loading: root.dataset.loading };
  const lang = document.documentElement.lang || "en";
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);

  /* "{n, plural, one {# page found} other {# pages found}}": the form of the language's plural rules. */
  function counted(message, n) {
    const m = /^\{\s*(\w+)\s*,\s*plural\s*,([\s\S]*)\}$/.exec(message.trim());
    let text = message;
    if (m) {
      const forms = {};
      const body = m[2];
      let i = 0;
      while (i < body.length) {
        const key = /^\s*(=\d+|\w+)\s*\{/.exec(body.slice(i));
        if (!key) break;
        const start = i + key[0].length;
        let depth = 1, j = start;
        while (j < body.length && depth) { if (body[j] === "{") depth++; else if (body[j] === "}") depth--; j++; }
        forms[key[1]] = body.slice(start, j - 1);
        i = j;
      }
      text = (forms["=" + n] || forms[plurals.select(n)] || forms.other || "").split("#").join(numbers.format(n));
    }
    return text.replace("{n}", numbers.format(n));
  }
  // Each result costs one fragment download (~2 KB): fetch a few, more on demand (light first search).
  // The first four keep the first search under 150 KB at 1000 practices (bench/RESULTS.md); "More
  // results" then brings eight at a time.
  const FIRST = 4;
  const MORE = 8;
  let pending = [];
  let pagefind = null;
  let latest = 0;

  async function engine() {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind.js", bundle).href);
      await pagefind.options({ baseUrl: siteRoot, excerptLength: 24 });
      pagefind.init();
    }
    return pagefind;
  }

  function excerpt(html) {
    const p = document.createElement("p");
    const doc = new DOMParser().parseFromString(html, "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  async function run(query) {
    const ticket = ++latest;
    const params = new URLSearchParams(location.search);
    if (query) params.set("q", query); else params.delete("q");
    history.replaceState(null, "", location.pathname + (params.toString() ? "?" + params : ""));
    list.replaceChildren();
    pending = [];
    more.hidden = true;
    if (!query) { status.textContent = ""; return; }
    status.textContent = strings.loading;
    const pf = await engine();
    const search = await pf.debouncedSearch(query, {}, 200);
    if (search === null || ticket !== latest) return;
    pending = search.results.slice();
    await show(ticket);
    if (ticket !== latest) return;
    // The status comes last: when it says "n pages found", the first results are on the page.
    status.textContent = search.results.length ? counted(strings.count, search.results.length) : strings.none;
  }

  async function show(ticket) {
    const batch = pending.splice(0, list.children.length ? MORE : FIRST);
    const results = await Promise.all(batch.map(function (r) { return r.data(); }));
    if (ticket !== latest) return;
    results.forEach(function (data) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = data.url;
      a.textContent = (data.meta && data.meta.title) || data.url;
      if (data.meta && data.meta.kind) {
        const kind = document.createElement("span");
        kind.className = "migsite-search__kind";
        kind.textContent = data.meta.kind;
        li.appendChild(kind);
      }
      li.appendChild(a);
      li.appendChild(excerpt(data.excerpt || ""));
      list.appendChild(li);
    });
    more.hidden = pending.length === 0;
  }

  more.addEventListener("click", function () { show(latest); });

  input.addEventListener("input", function () { run(input.value.trim()); });
  root.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); run(input.value.trim()); });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial.trim()); }
}
