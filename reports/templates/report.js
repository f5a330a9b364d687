/* Filters, search and sortable columns. Everything is shown when this does not run. */
(function () {
  "use strict";
  function lower(s) { return (s || "").toLocaleLowerCase(); }

  document.querySelectorAll("form.filters").forEach(function (form) {
    var target = document.querySelector(form.getAttribute("data-filter"));
    if (!target) { return; }
    var items = Array.prototype.slice.call(target.querySelectorAll("[data-item]"));
    var groups = target.querySelectorAll("[data-group]");
    var output = form.querySelector("output");
    var field = function (name) { var el = form.elements[name]; return el ? el.value : ""; };

    function apply() {
      var category = field("category"), impact = field("impact"), stage = field("journey");
      var query = lower(field("q")).trim();
      var shown = 0;
      items.forEach(function (el) {
        var ok = (!category || el.getAttribute("data-category") === category) &&
          (!impact || el.getAttribute("data-impact") === impact) &&
          (!stage || (" " + el.getAttribute("data-journey") + " ").indexOf(" " + stage + " ") >= 0) &&
          (!query || lower(el.textContent).indexOf(query) >= 0 || lower(el.getAttribute("data-search")).indexOf(query) >= 0);
        el.hidden = !ok;
        if (ok) { shown += 1; }
      });
      groups.forEach(function (group) {
        var any = group.querySelector("[data-item]:not([hidden])");
        group.hidden = !any;
        if (any && query) { group.open = true; }
      });
      output.textContent = form.getAttribute("data-shown").replace("{shown}", shown).replace("{total}", items.length);
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });

  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("th[data-sort]").forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-sort") === "num";
        var key = function (row) {
          var cell = row.cells[column];
          var value = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
          return numeric ? parseFloat(value) : value;
        };
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = numeric ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // A printed or PDF report shows its evidence: open every fold before printing.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    document.querySelectorAll("[data-item][hidden], [data-group][hidden]").forEach(function (el) { el.hidden = false; });
  });
})();
