/* Filters of the practice table: no dependency, no network. The table is complete without
   JavaScript; this script hides rows that do not match and keeps the filters in the URL. */
(function () {
  "use strict";
  var form = document.querySelector("[data-migsite-filters]");
  var table = document.querySelector("[data-migsite-table]");
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var count = form.querySelector("[data-migsite-count]");
  var template = form.getAttribute("data-count-template") || "{n} / {total}";
  // The filters are the form's named fields (one select per filter of the practice model);
  // a select marked data-list filters a row attribute holding several values.
  var selects = Array.prototype.filter.call(form.elements, function (el) { return el.tagName === "SELECT"; });
  var lists = selects.filter(function (el) { return el.hasAttribute("data-list"); }).map(function (el) { return el.name; });
  var singles = selects.filter(function (el) { return !el.hasAttribute("data-list"); }).map(function (el) { return el.name; });
  var names = ["q"].concat(selects.map(function (el) { return el.name; }), ["from", "to"]);

  function field(name) { return form.elements.namedItem(name); }

  function state() {
    var s = {};
    names.forEach(function (name) { s[name] = (field(name).value || "").trim(); });
    return s;
  }

  function matches(row, s) {
    var d = row.dataset;
    if (s.q) {
      var words = s.q.toLowerCase().split(/\s+/);
      for (var i = 0; i < words.length; i++) if (d.text.indexOf(words[i]) < 0) return false;
    }
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

  function apply(push) {
    var s = state();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = matches(row, s);
      row.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = template.replace("{n}", shown).replace("{total}", rows.length);
    if (push) {
      var params = new URLSearchParams();
      names.forEach(function (name) { if (s[name]) params.set(name, s[name]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }
  }

  var params = new URLSearchParams(location.search);
  names.forEach(function (name) {
    var value = params.get(name);
    if (value === null) return;
    var el = field(name);
    if (el.tagName === "SELECT" && !Array.prototype.some.call(el.options, function (o) { return o.value === value; })) return;
    el.value = value;
  });
  form.hidden = false;
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply(false);
})();
