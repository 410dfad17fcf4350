/* notesgraph: small page behaviours that need no library.
   Runs on every page load, including Material's instant navigation (document$). */
(function () {
  "use strict";

  /** Sort a table by the clicked column; numbers by data-sort, grouped by data-unit. */
  function sortBy(table, column, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var cell = row.cells[column];
      var raw = cell.getAttribute("data-sort");
      if (raw !== null && raw !== "") {
        return [cell.getAttribute("data-unit") || "", parseFloat(raw)];
      }
      return ["", cell.textContent.trim().toLocaleLowerCase("ko")];
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = x[0] < y[0] ? -1 : x[0] > y[0] ? 1 :
        (typeof x[1] === "number" && typeof y[1] === "number") ? x[1] - y[1] :
        String(x[1]).localeCompare(String(y[1]), "ko");
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function initSortable(root) {
    root.querySelectorAll("table.ng-sortable").forEach(function (table) {
      if (table.dataset.ngSortable) return;
      table.dataset.ngSortable = "1";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        th.tabIndex = 0;
        th.setAttribute("role", "columnheader button");
        function activate() {
          var descending = th.getAttribute("aria-sort") === "ascending";
          Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
            other.removeAttribute("aria-sort");
          });
          th.setAttribute("aria-sort", descending ? "descending" : "ascending");
          sortBy(table, index, descending);
        }
        th.addEventListener("click", activate);
        th.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); activate(); }
        });
      });
    });
  }

  function init() { initSortable(document); }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
