/* Small page helpers, on every page; no dependency, no network.
   1. Disclosures marked data-migsite-collapse-narrow (the practice filters, the rest of a fact box) are
      open in the HTML (complete without JavaScript) and closed on a phone-sized screen.
   2. A table that is wider than its box gets a line saying it scrolls sideways (the box also shows a
      shadow on the side with more to see, in CSS).
   3. Markdown tables of three columns or more become one block per row on a phone. */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 44.984375em)");
  if (narrow.matches) {
    document.querySelectorAll("details[data-migsite-collapse-narrow]").forEach(function (d) { d.open = false; });
  }
  /* 3. Markdown tables (glossary, timelines) can be read as one block per row on a phone: each cell
        carries its column's heading (CSS shows it there; on a wide screen nothing changes). */
  document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head || head.cells.length < 3) return;
    var labels = Array.prototype.map.call(head.cells, function (th) { return th.textContent.trim(); });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) { if (labels[i]) cell.setAttribute("data-label", labels[i]); });
      });
    });
    table.setAttribute("data-migsite-stack", "");
  });
  var script = document.currentScript;
  var hint = script && script.getAttribute("data-scroll-hint");
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var wide = wrap.scrollWidth > wrap.clientWidth + 2;
      wrap.classList.toggle("migsite-scrollable", wide);
      if (wide && hint && !(wrap.nextElementSibling && wrap.nextElementSibling.classList.contains("migsite-scroll-hint"))) {
        var p = document.createElement("p");
        p.className = "migsite-scroll-hint";
        p.textContent = hint;
        wrap.parentNode.insertBefore(p, wrap.nextSibling);
      }
    });
  }
  /* Material wraps Markdown tables in their scroll box once its own script has run. */
  window.addEventListener("load", mark);
  window.addEventListener("resize", mark);
  if (document.readyState === "complete") mark();
})();
