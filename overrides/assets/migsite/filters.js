/* Filters of the practice list: no dependency, no network. The list is complete without JavaScript;
   this script hides the rows that do not match and keeps the filters in the address. Each change of
   a filter is a history entry (Back undoes it); typing in the text box updates the entry it started.
   Counts follow the language's plural rules (Intl.PluralRules) from the ICU-style string of _ui.yaml. */
(function () {
  "use strict";
  var form = document.querySelector("[data-migsite-filters]");
  var table = document.querySelector("[data-migsite-table]");
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var count = form.querySelector("[data-migsite-count]");
  var empty = document.querySelector("[data-migsite-empty]");
  var lang = form.getAttribute("data-lang") || document.documentElement.lang || "en";
  var template = form.getAttribute("data-count-template") || "{n} / {total}";
  var unknownTemplate = form.getAttribute("data-unknown") || "{values}";
  // The filters are the form's named fields (one select per filter of the practice model);
  // a select marked data-list filters a row attribute holding several values.
  var selects = Array.prototype.filter.call(form.elements, function (el) { return el.tagName === "SELECT"; });
  var lists = selects.filter(function (el) { return el.hasAttribute("data-list"); }).map(function (el) { return el.name; });
  var singles = selects.filter(function (el) { return !el.hasAttribute("data-list"); }).map(function (el) { return el.name; });
  var names = ["q"].concat(selects.map(function (el) { return el.name; }), ["from", "to"]);
  var numbers = new Intl.NumberFormat(lang);
  var plurals = new Intl.PluralRules(lang);
  var unknown = [];

  /* Lower case, without accents: "Bogotá" and "bogota" match, so do "Santé" and "sante". */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  rows.forEach(function (row) { row.dataset.folded = fold(row.dataset.text || ""); });

  /* "{total, plural, one {...} other {...}}" with {name} placeholders and # for the number. */
  function format(message, values) {
    var shown = {};
    Object.keys(values).forEach(function (k) { shown[k] = numbers.format(values[k]); });
    var m = /^\{\s*(\w+)\s*,\s*plural\s*,([\s\S]*)\}$/.exec(message.trim());
    var text = message;
    if (m) {
      var forms = {}, body = m[2], i = 0;
      while (i < body.length) {
        var key = /^\s*(=\d+|\w+)\s*\{/.exec(body.slice(i));
        if (!key) break;
        var start = i + key[0].length, depth = 1, j = start;
        while (j < body.length && depth) { if (body[j] === "{") depth++; else if (body[j] === "}") depth--; j++; }
        forms[key[1]] = body.slice(start, j - 1);
        i = j;
      }
      var n = values[m[1]];
      text = (forms["=" + n] || forms[plurals.select(n)] || forms.other || "").split("#").join(shown[m[1]]);
    }
    return text.replace(/\{(\w+)\}/g, function (all, k) { return k in shown ? shown[k] : all; });
  }

  function field(name) { return form.elements.namedItem(name); }

  function state() {
    var s = {};
    names.forEach(function (name) { s[name] = (field(name).value || "").trim(); });
    return s;
  }

  function matches(row, s, words) {
    var d = row.dataset;
    for (var i = 0; i < words.length; i++) if (d.folded.indexOf(words[i]) < 0) return false;
    for (var j = 0; j < singles.length; j++) {
      var k = singles[j];
      if (s[k] && d[k] !== s[k]) return false;
    }
    for (var m = 0; m < lists.length; m++) {
      var l = lists[m];
      if (s[l] && (" " + d[l] + " ").indexOf(" " + s[l] + " ") < 0) return false;
    }
    var year = parseInt(d.year, 10);
    if (s.from && !(year >= parseInt(s.from, 10))) return false;
    if (s.to && !(year <= parseInt(s.to, 10))) return false;
    return true;
  }

  function address(s) {
    var params = new URLSearchParams();
    names.forEach(function (name) { if (s[name]) params.set(name, s[name]); });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function apply(mode) {
    var s = state();
    var words = fold(s.q).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, s, words);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = format(template, { n: shown, total: rows.length });
    if (empty) empty.hidden = shown > 0;
    if (unknown.length) {
      var note = document.createElement("span");
      note.className = "migsite-filters__unknown";
      note.textContent = format(unknownTemplate, {}).replace("{values}", unknown.join(", "));
      count.appendChild(note);
    }
    var url = address(s);
    if (mode === "push" && url !== location.pathname + location.search + location.hash) {
      history.pushState({ migsite: true }, "", url);
    } else if (mode === "replace") {
      history.replaceState(history.state, "", url);
    }
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    unknown = [];
    names.forEach(function (name) {
      var value = params.get(name);
      var el = field(name);
      if (value === null) { el.value = ""; return; }
      if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
        unknown.push(name + "=" + value);
        el.value = "";
        return;
      }
      el.value = value;
    });
  }

  fromAddress();
  form.hidden = false;
  /* Typing: the first keystroke starts a history entry, the next ones update it. */
  var typing = false;
  form.addEventListener("input", function (e) {
    if (e.target.name === "q" || e.target.type === "number") { apply(typing ? "replace" : "push"); typing = true; }
  });
  form.addEventListener("change", function (e) {
    if (e.target.tagName === "SELECT") { unknown = []; apply("push"); }
    typing = false;
  });
  form.addEventListener("reset", function () { setTimeout(function () { unknown = []; typing = false; apply("push"); }, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  window.addEventListener("popstate", function () { fromAddress(); typing = false; apply("none"); });
  apply("none");
})();
