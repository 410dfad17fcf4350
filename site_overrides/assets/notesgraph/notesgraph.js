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

  /* ---- the notes tree in the sidebar of note pages ---------------------------------- */

  var treeData = null;  // one fetch per visit; instant navigation keeps it

  function loadTree(url) {
    if (!treeData) {
      treeData = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
    }
    return treeData;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;  // note text is always text, never HTML
    return node;
  }

  function containsUrl(folder, url) {
    return folder.f.some(function (f) { return f[1] === url; }) ||
      folder.d.some(function (d) { return containsUrl(d, url); });
  }

  function countNotes(folder) {
    return folder.f.length + folder.d.reduce(function (n, d) { return n + countNotes(d); }, 0);
  }

  /** Render one folder's children; closed subfolders render their content on first open. */
  function renderFolder(folder, list, ctx) {
    folder.d.forEach(function (sub) {
      var item = el("li", "ng-tree-folder");
      var details = el("details");
      var summary = el("summary", null, sub.n);
      summary.appendChild(el("span", "ng-tree-count", String(countNotes(sub))));
      details.appendChild(summary);
      var children = el("ul");
      details.appendChild(children);
      var filled = false;
      function fill() {
        if (!filled) { filled = true; renderFolder(sub, children, ctx); }
      }
      if (ctx.filter ? matchesFilter(sub, ctx.filter) : containsUrl(sub, ctx.current)) {
        details.open = true;
        fill();
      }
      details.addEventListener("toggle", fill);
      item.appendChild(details);
      list.appendChild(item);
    });
    folder.f.forEach(function (f) {
      if (ctx.filter && f[0].toLocaleLowerCase("ko").indexOf(ctx.filter) < 0) return;
      var item = el("li", "ng-tree-note");
      var link = el("a", null, f[0]);
      link.href = ctx.base + "/" + f[1];
      if (f[1] === ctx.current) {
        link.setAttribute("aria-current", "page");
        item.classList.add("ng-tree-current");
      }
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function matchesFilter(folder, filter) {
    return folder.f.some(function (f) { return f[0].toLocaleLowerCase("ko").indexOf(filter) >= 0; }) ||
      folder.d.some(function (d) { return matchesFilter(d, filter); });
  }

  function initTree(root) {
    var nav = root.querySelector("nav.ng-tree[data-ng-tree]");
    if (!nav || nav.dataset.ngReady) return;
    nav.dataset.ngReady = "1";
    var ctx = {
      base: (nav.getAttribute("data-ng-base") || ".").replace(/\/$/, ""),
      current: decodeURI(nav.getAttribute("data-ng-current") || ""),
      filter: ""
    };
    loadTree(nav.getAttribute("data-ng-tree")).then(function (tree) {
      nav.textContent = "";
      nav.appendChild(el("span", "md-nav__title ng-tree-title", "노트 폴더"));
      var input = el("input", "ng-tree-filter");
      input.type = "search";
      input.placeholder = "노트 이름으로 찾기";
      input.setAttribute("aria-label", "노트 이름으로 찾기");
      nav.appendChild(input);
      var list = el("ul", "ng-tree-list");
      nav.appendChild(list);
      function draw() {
        list.textContent = "";
        ctx.filter = input.value.normalize("NFC").trim().toLocaleLowerCase("ko");
        renderFolder(tree, list, ctx);
      }
      input.addEventListener("input", draw);
      draw();
      var current = list.querySelector("[aria-current=page]");
      if (current && current.scrollIntoView) current.scrollIntoView({ block: "nearest" });
    }).catch(function (error) {
      console.warn("notesgraph: notes tree unavailable", error);
    });
  }

  /** Note pages are outside MkDocs' navigation: light up the "노트" tab for them. */
  function markNotesTab(root) {
    if (!root.querySelector("nav.ng-tree")) return;
    root.querySelectorAll(".md-tabs__item").forEach(function (item) {
      var link = item.querySelector("a");
      if (link && /(^|\/)notes\/$/.test(link.getAttribute("href") || "")) {
        item.classList.add("md-tabs__item--active");
      }
    });
  }

  function init() {
    initSortable(document);
    initTree(document);
    markNotesTab(document);
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
