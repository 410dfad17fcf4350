/* notesgraph maps: shared helpers, the service map, the local maps, and the explorer loader.

   Loaded on every page (extra_javascript). On each page Material shows, including after
   instant navigation (document$), it looks for the map placeholders the build writes:
     #ng-service-map        the service map page
     .ng-local-map          note and service pages (drawn when scrolled into view)
     #ng-explorer           the review explorer (explorer.js, flashcards.js, fitcheck.js)
   vis-network and the JSON are fetched on demand from the site itself; nothing leaves it.

   Every string from the notes is inserted with textContent (or drawn on the canvas by
   vis-network), never as HTML. */
(function () {
  "use strict";
  if (window.ngMaps) return;

  var ng = (window.ngMaps = {});
  var GRAPH = "assets/generated/graph/";
  var FORMAT = 1; // mapdata.FORMAT
  var VIS = "assets/generated/vendor/vis-network.min.js";
  var SCRIPTS = {
    explorer: "assets/notesgraph/explorer.js",
    flashcards: "assets/notesgraph/flashcards.js",
    fitcheck: "assets/notesgraph/fitcheck.js"
  };
  ng.GRAPH = GRAPH;

  /* ------------------------------------------------------------------ loading */

  /** Absolute URL of a path relative to the site root (Material's __md_scope). */
  function siteUrl(path) {
    var base = window.__md_scope || new URL(".", document.baseURI);
    return new URL(path, base).href;
  }
  ng.siteUrl = siteUrl;

  var fetched = {};
  /** JSON from the site, fetched once per page load. */
  ng.json = function (path) {
    if (!fetched[path]) {
      fetched[path] = fetch(siteUrl(path), { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + path);
        return r.json();
      }).then(function (data) {
        if (data && data.format !== undefined && data.format !== FORMAT) {
          throw new Error(path + ": format " + data.format + ", expected " + FORMAT + " (rebuild the site)");
        }
        return data;
      });
      fetched[path].catch(function () { delete fetched[path]; });
    }
    return fetched[path];
  };

  var loaded = {};
  /** A script from the site, loaded once. */
  ng.script = function (path) {
    if (!loaded[path]) {
      loaded[path] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = siteUrl(path);
        tag.onload = function () { resolve(); };
        tag.onerror = function () { delete loaded[path]; reject(new Error("script " + path)); };
        document.head.appendChild(tag);
      });
    }
    return loaded[path];
  };

  ng.vis = function () {
    if (window.vis && window.vis.Network) return Promise.resolve(window.vis);
    return ng.script(VIS).then(function () { return window.vis; });
  };

  /* ------------------------------------------------------------------ DOM */

  /** An element: el("a", {href: url, class: "x"}, ["text", child]). Strings become text. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === undefined || value === null || value === false) return;
        if (key === "text") node.textContent = String(value);
        else if (key === "class") node.className = value;
        else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? "" : String(value));
      });
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    if (children === undefined || children === null) return node;
    (Array.isArray(children) ? children : [children]).forEach(function (child) {
      if (child === undefined || child === null || child === false) return;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }
  ng.el = el;
  ng.append = append;
  ng.clear = function (node) { while (node.firstChild) node.removeChild(node.firstChild); return node; };

  /** A link to a site page (Material's instant navigation picks it up). */
  ng.link = function (url, text, cls) {
    if (!url) return el("span", { class: cls }, text);
    return el("a", { href: siteUrl(url), class: cls }, text);
  };
  /** Follow a site URL the way a click on a link would (instant navigation included). */
  ng.go = function (url) {
    if (!url) return;
    var a = el("a", { href: siteUrl(url), hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  /** Text with [start, end) wrapped in <mark> (or a blank when hide is true). */
  ng.marked = function (context, start, end, hide) {
    var span = el("span");
    if (!(start >= 0 && end > start && end <= context.length)) return append(span, context);
    append(span, context.slice(0, start));
    span.appendChild(hide ? el("span", { class: "ng-blank", "aria-label": "빈칸" }, "？")
      : el("mark", null, context.slice(start, end)));
    return append(span, context.slice(end));
  };

  /* ------------------------------------------------------------------ storage */

  function storageKey(name) {
    var scope = window.__md_scope ? window.__md_scope.pathname : "/";
    return scope + ".notesgraph." + name;
  }
  ng.load = function (name, fallback) {
    try {
      var raw = localStorage.getItem(storageKey(name));
      return raw ? JSON.parse(raw) : fallback;
    } catch (e) { return fallback; }
  };
  ng.save = function (name, value) {
    try { localStorage.setItem(storageKey(name), JSON.stringify(value)); } catch (e) { /* private mode */ }
  };

  /* ------------------------------------------------------------------ Korean text */

  var PARTICLES = ["으로부터", "에서부터", "이라는", "이라고", "에서는", "에게서", "한테서", "으로는",
    "으로서", "으로써", "까지는", "부터는", "에서", "에게", "한테", "으로", "이랑", "까지", "부터",
    "마다", "처럼", "보다", "라고", "라는", "이나", "이며", "이고", "하고", "에는", "와", "과", "은",
    "는", "이", "가", "을", "를", "의", "에", "로", "도", "만", "랑", "나"];

  /** Search form of a name: NFC, lower case, no spaces or punctuation. */
  ng.norm = function (text) {
    return String(text || "").normalize("NFC").toLowerCase().replace(/[\s·•_\-–—.,:;!?()[\]{}'"`/\\]+/g, "");
  };
  /** The query and, if it ends with a Korean particle, the word without it (코그니토를 → 코그니토). */
  ng.queryForms = function (text) {
    var q = ng.norm(text);
    var forms = q ? [q] : [];
    PARTICLES.forEach(function (p) {
      if (q.length > p.length && q.slice(-p.length) === p && /[가-힣]$/.test(q)) {
        var stem = q.slice(0, -p.length);
        if (forms.indexOf(stem) < 0) forms.push(stem);
      }
    });
    return forms;
  };

  /* ------------------------------------------------------------------ colours */

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }
  ng.cssVar = cssVar;

  /** Colours for the current scheme, read from maps.css custom properties. */
  ng.palette = function () {
    var cache = {};
    return {
      fg: cssVar("--ng-map-fg", "#1f2430"),
      halo: cssVar("--ng-map-halo", "rgba(255,255,255,.85)"),
      edge: cssVar("--ng-map-edge", "rgba(60,64,80,.3)"),
      select: cssVar("--ng-map-select", "#f0a400"),
      category: function (id) {
        var key = "c" + id;
        if (!(key in cache)) cache[key] = cssVar("--ng-cat-" + id, "") || cssVar("--ng-cat-other", "#69707d");
        return cache[key];
      },
      kind: function (id) {
        var key = "k" + id;
        if (!(key in cache)) cache[key] = cssVar("--ng-kind-" + id, "#69707d");
        return cache[key];
      },
      relation: function (id) {
        var key = "r" + id;
        if (!(key in cache)) cache[key] = cssVar("--ng-rel-" + id, "") || hashedColour(id);
        return cache[key];
      }
    };
  };

  /** A stable colour for a relation kind maps.css does not list yet. */
  function hashedColour(id) {
    var hue = parseInt(fnv1a(id).slice(0, 4), 16) % 360;
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    return "hsl(" + hue + ", 55%, " + (dark ? "68%" : "40%") + ")";
  }

  var schemeListeners = [];
  ng.onScheme = function (callback) {
    schemeListeners.push(callback);
    return function () { schemeListeners = schemeListeners.filter(function (c) { return c !== callback; }); };
  };
  new MutationObserver(function () {
    schemeListeners.slice().forEach(function (c) { try { c(); } catch (e) { console.warn(e); } });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  var SHAPES = { note: "square", section: "dot", service: "dot", feature: "diamond", limit: "triangle",
    comparison: "star", highlight: "triangleDown", tag: "hexagon" };
  var DASHES = { compared_with: [2, 4], alternative_to: [8, 5], part_of: [4, 3] };
  ng.DASHES = DASHES;

  /** vis-network style of a node of the given kind (services coloured by category). */
  ng.nodeStyle = function (pal, kind, category, size) {
    var fill = (kind === "service" || kind === "feature") && category ? pal.category(category) : pal.kind(kind);
    if (kind === "feature" && category) fill = pal.category(category);
    return {
      shape: SHAPES[kind] || "dot",
      size: size,
      borderWidth: kind === "service" ? 2 : 1,
      color: {
        background: fill, border: kind === "feature" ? pal.kind("feature") : fill,
        highlight: { background: fill, border: pal.select },
        hover: { background: fill, border: pal.select }
      },
      font: { color: pal.fg, strokeWidth: 4, strokeColor: pal.halo,
        size: kind === "service" ? 20 : kind === "note" || kind === "feature" ? 14 : 11 }
    };
  };

  /** vis-network style of an edge: relations coloured and arrowed, structure edges faint. */
  ng.edgeStyle = function (pal, kind, relation) {
    if (relation) {
      var colour = pal.relation(kind) || pal.fg;
      return {
        color: { color: colour, highlight: pal.select, hover: pal.select, opacity: 0.9 },
        width: 1.6, dashes: DASHES[kind] || false,
        arrows: { to: { enabled: kind !== "compared_with", scaleFactor: 0.6 } }
      };
    }
    return {
      color: { color: pal.edge, highlight: pal.select, hover: pal.select, opacity: 1 },
      width: 0.8, dashes: false, arrows: { to: { enabled: false } }
    };
  };

  /** Options shared by every map: no physics (positions come from the build). */
  ng.networkOptions = function (extra) {
    var face = getComputedStyle(document.body).fontFamily || "sans-serif";
    var options = {
      autoResize: true,
      physics: false,
      layout: { improvedLayout: false, randomSeed: 1 },
      interaction: {
        hover: true, tooltipDelay: 400, dragNodes: true, multiselect: false,
        keyboard: { enabled: true, bindToWindow: false }, navigationButtons: false,
        zoomView: true, dragView: true
      },
      nodes: { font: { face: face }, scaling: { label: { drawThreshold: 4 } } },
      edges: { smooth: false, selectionWidth: 1.5, font: { face: face, size: 10, align: "middle" } }
    };
    Object.keys(extra || {}).forEach(function (key) {
      options[key] = Object.assign({}, options[key], extra[key]);
    });
    return options;
  };

  /** A vis-network in ``canvas``; its focusable frame gets the canvas's label, so Tab lands
      on one element that arrow keys pan and +/- zoom. */
  ng.network = function (vis, canvas, data, options) {
    var network = new vis.Network(canvas, data, options);
    var frame = canvas.querySelector(".vis-network");
    if (frame) {
      frame.setAttribute("role", "application");
      frame.setAttribute("aria-label", canvas.getAttribute("data-label") || "그래프");
    }
    return network;
  };

  /** Fit the whole graph, but not so small that labels vanish: "전체 보기" shows everything. */
  ng.readable = function (network, minimum) {
    network.fit({ animation: false });
    var floor = minimum || 0.4;
    if (network.getScale() < floor) network.moveTo({ scale: floor, animation: false });
  };

  /* ------------------------------------------------------------------ views (lifecycle) */

  var views = [];
  /** Register a drawn view; it is destroyed when its element leaves the page. */
  ng.track = function (root, destroy) { views.push({ root: root, destroy: destroy }); };
  function sweep() {
    views = views.filter(function (v) {
      if (document.body.contains(v.root)) return true;
      try { v.destroy(); } catch (e) { /* already gone */ }
      return false;
    });
  }

  ng.fail = function (root, error) {
    console.warn("notesgraph:", error);
    ng.clear(root).appendChild(el("p", { class: "ng-error", role: "alert" },
      "지도 데이터를 불러오지 못했습니다. 사이트를 웹 서버로 열어 주세요 (notesgraph serve)."));
  };

  /* ------------------------------------------------------------------ service map */

  function serviceMap(root) {
    if (root.dataset.ngReady) return;
    root.dataset.ngReady = "1";
    root.setAttribute("aria-busy", "true");
    Promise.all([ng.vis(), ng.json(GRAPH + "services.json")]).then(function (loaded) {
      drawServiceMap(root, loaded[0], loaded[1]);
      root.removeAttribute("aria-busy");
    }).catch(function (error) { ng.fail(root, error); });
  }

  function drawServiceMap(root, vis, data) {
    ng.markRelational(data.legend.relations);
    var byId = {};
    data.services.forEach(function (s) { byId[s.id] = s; });
    var hiddenKinds = {};
    var status = el("p", { class: "ng-status", role: "status" });
    var search = el("input", { type: "search", placeholder: "서비스 이름 (예: 람다, Cognito)",
      "aria-label": "서비스 찾기" });
    var canvas = el("div", { class: "ng-canvas", "data-label": "서비스 지도. 화살표 키로 이동, +/- 키로 확대·축소. 아래 목록으로도 서비스를 고를 수 있습니다." });
    var panel = el("aside", { class: "ng-panel", "aria-live": "polite", "aria-label": "선택한 서비스" });
    var body = el("div", { class: "ng-map-body ng-with-panel" }, [canvas, panel]);
    // The panel's column is always there, so selecting never shifts the canvas under the pointer.
    function hint() {
      ng.clear(panel).appendChild(el("p", { class: "ng-meta",
        text: "서비스를 누르면 한도와 관계가 여기에 나옵니다. 두 번 누르면 서비스 페이지로 갑니다." }));
    }
    hint();
    var fit = el("button", { type: "button", class: "ng-button", text: "전체 보기" });
    var toolbar = el("div", { class: "ng-toolbar" }, [el("label", null, ["서비스 찾기 ", search]), fit]);
    var legend = el("div", { class: "ng-legend", "aria-label": "범례" });
    var fallback = el("details", { class: "ng-fallback" }, [el("summary", { text: "서비스 목록 (키보드·화면 낭독기용)" })]);
    ng.clear(root);
    append(root, [toolbar, body, status, legend, fallback]);

    var pal = ng.palette();
    var nodes = new vis.DataSet(data.services.map(function (s) { return serviceNode(pal, s); }));
    // Beyond a few hundred relations, labels on every edge are noise (and slow to measure):
    // the legend's colours and the panel name the kinds instead.
    var labelled = data.edges.length <= 300;
    var edges = new vis.DataSet(data.edges.map(function (e, i) { return relationEdge(pal, e, i, data, labelled); }));
    var network = ng.network(vis, canvas, { nodes: nodes, edges: edges }, ng.networkOptions({
      interaction: { hideEdgesOnDrag: data.edges.length > 400 }
    }));
    root.ngNetwork = network;
    network.once("afterDrawing", function () { root.dataset.ngDrawn = String(performance.now()); });
    ng.readable(network);

    function select(id) {
      var service = byId[id];
      if (!service) return;
      network.selectNodes([id]);
      showPanel(service);
    }
    function showPanel(service) {
      ng.clear(panel);
      var close = el("button", { type: "button", class: "ng-close", "aria-label": "선택 해제", text: "×",
        onclick: function () { hint(); network.unselectAll(); } });
      append(panel, [
        el("div", { class: "ng-panel-head" }, [el("h2", { text: service.label }), close]),
        el("p", { class: "ng-meta" }, [
          el("span", { class: "ng-swatch", style: "background:" + pal.category(service.category) }),
          categoryLabel(data, service.category), " · 언급 " + service.mentions + "회",
          service.aliases.length ? " · 노트 속 이름: " + service.aliases.join(", ") : ""
        ]),
        el("p", null, ng.link(service.url, "서비스 페이지 열기", "ng-button ng-primary ng-open"))
      ]);
      panel.appendChild(limitTable(service));
      panel.appendChild(relationList(service));
      if (service.features.length) {
        append(panel, [el("h3", { text: "기능" }), el("ul", null, service.features.map(function (f) {
          return el("li", null, ng.link(f.url, f.label));
        }))]);
      }
    }
    function limitTable(service) {
      var box = el("div", { class: "ng-panel-limits-box" }, el("h3", { text: "한도" }));
      if (!service.limits.length) {
        box.appendChild(el("p", { class: "ng-meta", text: "노트에 적힌 한도가 없습니다." }));
        return box;
      }
      var rows = service.limits.map(function (l) {
        return el("tr", null, [
          el("td", null, [l.feature ? l.feature + " · " : "", l.name]),
          el("td", { class: "ng-value", text: l.value }),
          el("td", null, [el("span", { class: "ng-quote-text", text: l.text }), ng.link(l.url, l.where, "ng-source")])
        ]);
      });
      box.appendChild(el("table", { class: "ng-panel-limits" }, [
        el("thead", null, el("tr", null, [el("th", { text: "항목" }), el("th", { text: "값" }), el("th", { text: "원문" })])),
        el("tbody", null, rows)
      ]));
      if (service.moreLimits) {
        box.appendChild(el("p", { class: "ng-meta" }, ["한도 " + service.moreLimits + "개 더 — ",
          ng.link(service.url + "#limits", "서비스 페이지에서 보기")]));
      }
      return box;
    }
    function relationList(service) {
      var items = [];
      data.edges.forEach(function (e) {
        if (e.source !== service.id && e.target !== service.id) return;
        var out = e.source === service.id;
        var other = byId[out ? e.target : e.source];
        var label = relationLabel(data, e.kind);
        var button = el("button", { type: "button", class: "ng-link-button", text: other.label,
          onclick: function () { select(other.id); network.focus(other.id, { animation: { duration: 300 } }); } });
        items.push(el("li", null, [
          out ? "→ " + label + " → " : "", button, out ? "" : " → " + label + " →",
          el("span", { class: "ng-quote-text", text: e.text || "서비스 카탈로그에 적힌 관계" }),
          e.url ? ng.link(e.url, e.where, "ng-source") : null
        ]));
      });
      return el("div", null, [el("h3", { text: "관계" }),
        items.length ? el("ul", null, items) : el("p", { class: "ng-meta", text: "노트에서 찾은 관계가 없습니다." })]);
    }

    network.on("click", function (params) {
      if (params.nodes.length) select(params.nodes[0]);
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length && byId[params.nodes[0]]) ng.go(byId[params.nodes[0]].url);
    });
    fit.addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
    search.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      var hit = findService(data.services, search.value);
      if (hit) {
        select(hit.id);
        network.focus(hit.id, { scale: 1.2, animation: { duration: 300 } });
        status.textContent = "찾음: " + hit.label;
      } else {
        status.textContent = "‘" + search.value + "’에 맞는 서비스가 없습니다.";
      }
    });

    // Legend: categories present, and relation kinds (each a filter).
    append(legend, el("span", { class: "ng-legend-title", text: "분류" }));
    data.legend.categories.forEach(function (c) {
      append(legend, el("span", { class: "ng-legend-item" }, [
        el("span", { class: "ng-swatch", style: "background:" + pal.category(c.id) }), c.label]));
    });
    append(legend, el("span", { class: "ng-legend-title", text: "관계 (체크를 풀면 숨김)" }));
    data.legend.relations.forEach(function (r) {
      var box = el("input", { type: "checkbox", checked: true, "data-kind": r.id });
      box.addEventListener("change", function () {
        hiddenKinds[r.id] = !box.checked;
        edges.update(edges.get({ filter: function (e) { return e.kind === r.id; } }).map(function (e) {
          return { id: e.id, hidden: !!hiddenKinds[r.id] };
        }));
      });
      var sample = el("span", { class: "ng-line-sample" + (DASHES[r.id] ? " ng-dashed" : ""),
        style: "color:" + (pal.relation(r.id) || pal.fg) });
      append(legend, el("label", null, [box, " ", sample, r.label]));
    });

    // Keyboard and screen-reader fallback: every service as a button, by category.
    var groups = {};
    data.services.forEach(function (s) { (groups[s.category] = groups[s.category] || []).push(s); });
    var lists = data.legend.categories.map(function (c) {
      var members = (groups[c.id] || []).slice().sort(function (a, b) { return a.label.localeCompare(b.label, "ko"); });
      return el("li", null, [c.label, el("ul", null, members.map(function (s) {
        return el("li", null, el("button", { type: "button", class: "ng-link-button", text: s.label,
          onclick: function () { select(s.id); network.focus(s.id, { animation: { duration: 300 } }); } }));
      }))]);
    });
    fallback.appendChild(el("ul", null, lists));
    status.textContent = "서비스 " + data.services.length + "개 · 관계 " + data.edges.length + "개 · " +
      "노드를 누르면 자세히, 두 번 누르면 서비스 페이지로 갑니다.";

    var stop = ng.onScheme(function () {
      pal = ng.palette();
      nodes.update(data.services.map(function (s) { return serviceNode(pal, s); }));
      edges.update(data.edges.map(function (e, i) { return relationEdge(pal, e, i, data, labelled); }));
    });
    ng.track(root, function () { stop(); network.destroy(); });
    var wanted = new URLSearchParams(location.hash.slice(1)).get("service");
    if (wanted && byId[wanted]) select(wanted);
  }

  function serviceNode(pal, s) {
    return Object.assign({ id: s.id, label: s.label, x: s.x, y: s.y }, ng.nodeStyle(pal, "service", s.category, s.size));
  }
  function relationEdge(pal, e, i, data, labelled) {
    return Object.assign({ id: "r" + i, from: e.source, to: e.target, kind: e.kind,
      label: labelled ? relationLabel(data, e.kind) : undefined, width: Math.min(4, 1.2 + Math.log2(e.count || 1)) },
      ng.edgeStyle(pal, e.kind, true), { font: { color: pal.fg, strokeColor: pal.halo, strokeWidth: 3, size: 10 } });
  }
  function categoryLabel(data, id) {
    var found = data.legend.categories.filter(function (c) { return c.id === id; })[0];
    return found ? found.label : id;
  }
  function relationLabel(data, id) {
    var found = data.legend.relations.concat(data.legend.structure || []).filter(function (c) { return c.id === id; })[0];
    return found ? found.label : id;
  }
  ng.relationLabel = relationLabel;

  /** The best service for a typed name: label or alias, exact, then prefix, then contains. */
  function findService(services, text) {
    var forms = ng.queryForms(text);
    for (var f = 0; f < forms.length; f++) {
      var best = null, bestScore = 0;
      services.forEach(function (s) {
        [s.label].concat(s.aliases).forEach(function (name) {
          var n = ng.norm(name), score = n === forms[f] ? 3 : n.indexOf(forms[f]) === 0 ? 2 : n.indexOf(forms[f]) > 0 ? 1 : 0;
          if (score > bestScore || (score && score === bestScore && s.mentions > best.mentions)) { best = s; bestScore = score; }
        });
      });
      if (best) return best;
    }
    return null;
  }
  ng.findService = findService;

  /* ------------------------------------------------------------------ local maps */

  /** 32-bit FNV-1a of the NFC UTF-8 bytes (mapdata.fnv1a computes the same). */
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(String(text).normalize("NFC"));
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return ("0000000" + hash.toString(16)).slice(-8);
  }
  ng.fnv1a = fnv1a;

  var GROUP_LABELS = { link: "링크한 노트", backlink: "이 노트를 링크한 노트", mention: "언급된 서비스",
    feature: "기능", relation: "관계", comparison: "비교", member: "비교 대상" };

  var watcher = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { watcher.unobserve(entry.target); localMap(entry.target); }
    });
  }, { rootMargin: "300px" }) : null;

  function watchLocal(root) {
    if (root.dataset.ngReady) return;
    root.dataset.ngReady = "1";
    if (watcher) watcher.observe(root); else localMap(root);
  }

  function localMap(root) {
    var id = root.getAttribute("data-node");
    if (!id) return;
    Promise.all([ng.vis(), ng.json(GRAPH + "local/" + fnv1a(id) + ".json")]).then(function (loaded) {
      var data = loaded[1][id];
      if (!data) throw new Error("no local map for " + id);
      drawLocalMap(root, loaded[0], data, parseInt(root.getAttribute("data-depth") || "2", 10));
    }).catch(function (error) { ng.fail(root, error); });
  }

  function drawLocalMap(root, vis, data, depth) {
    ng.markRelational(data.relational);
    var shown = data.nodes.filter(function (n) { return n.depth <= depth; });
    var keep = {};
    shown.forEach(function (n) { keep[data.nodes.indexOf(n)] = true; });
    var canvas = el("div", { class: "ng-canvas", "data-label": data.nodes[0].label + " 주변 지도. 아래 목록에 같은 내용이 있습니다." });
    var caption = el("div", { class: "ng-local-caption", "aria-live": "polite" });
    var list = el("details", { class: "ng-fallback" }, el("summary", { text: "지도 속 항목 목록" }));
    ng.clear(root);
    append(root, [canvas, caption, list]);
    if (shown.length <= 1) {
      caption.appendChild(el("span", { class: "ng-meta", text: "이어진 노트나 서비스가 아직 없습니다." }));
    }
    var pal = ng.palette();
    function nodeOf(n) {
      var style = ng.nodeStyle(pal, n.kind, n.category, n.depth === 0 ? 22 : n.kind === "note" ? 11 : 13);
      return Object.assign({ id: data.nodes.indexOf(n), label: n.label, x: n.x, y: n.y }, style);
    }
    function edgeOf(e, i) {
      return Object.assign({ id: i, from: e[0], to: e[1] }, ng.edgeStyle(pal, e[2], RELATIONAL[e[2]]));
    }
    var edgeList = data.edges.filter(function (e) { return keep[e[0]] && keep[e[1]]; });
    var nodes = new vis.DataSet(shown.map(nodeOf));
    var edges = new vis.DataSet(edgeList.map(edgeOf));
    var network = ng.network(vis, canvas, { nodes: nodes, edges: edges }, ng.networkOptions());
    root.ngNetwork = network;
    network.once("afterDrawing", function () { root.dataset.ngDrawn = String(performance.now()); });

    function describe(index) {
      var n = data.nodes[index];
      ng.clear(caption);
      append(caption, [el("strong", { text: n.label }), el("span", { class: "ng-meta", text: GROUP_LABELS[n.group] || "" }),
        n.url ? ng.link(n.url, "페이지 열기") : "",
        ng.link("explorer/#node=" + encodeURIComponent(n.id), "탐색기에서 보기")]);
    }
    network.on("click", function (params) { if (params.nodes.length) describe(params.nodes[0]); });
    network.on("doubleClick", function (params) {
      if (params.nodes.length && params.nodes[0] !== 0) ng.go(data.nodes[params.nodes[0]].url);
    });

    var groups = {};
    shown.slice(1).forEach(function (n) { (groups[n.group] = groups[n.group] || []).push(n); });
    var items = Object.keys(groups).map(function (g) {
      return el("li", null, [GROUP_LABELS[g] || g, el("ul", null, groups[g].map(function (n) {
        return el("li", null, n.url ? ng.link(n.url, n.label) : n.label);
      }))]);
    });
    var hidden = Object.keys(data.hidden || {}).reduce(function (s, k) { return s + data.hidden[k]; }, 0);
    if (hidden) items.push(el("li", { class: "ng-meta", text: "그 밖에 " + hidden + "개는 지도에 넣지 않았습니다." }));
    list.appendChild(el("ul", null, items));
    if (shown.length > 1) {
      caption.appendChild(ng.link("explorer/#node=" + encodeURIComponent(data.centre), "탐색기에서 크게 보기"));
    }

    var stop = ng.onScheme(function () {
      pal = ng.palette();
      nodes.update(shown.map(nodeOf));
      edges.update(edgeList.map(edgeOf));
    });
    ng.track(root, function () { stop(); network.destroy(); });
  }
  /** Edge kinds that are typed relations (drawn coloured, with arrows); the JSON says which. */
  var RELATIONAL = (ng.RELATIONAL = {});
  ng.markRelational = function (kinds) { (kinds || []).forEach(function (k) { RELATIONAL[k.id || k] = true; }); };

  /* ------------------------------------------------------------------ explorer loader */

  function explorer(root) {
    if (root.dataset.ngReady) return;
    root.dataset.ngReady = "1";
    root.setAttribute("aria-busy", "true");
    Promise.all([ng.script(SCRIPTS.explorer), ng.script(SCRIPTS.flashcards), ng.script(SCRIPTS.fitcheck)])
      .then(function () { ng.explorer.mount(root); })
      .catch(function (error) { ng.fail(root, error); });
  }

  /* ------------------------------------------------------------------ page init */

  function init() {
    sweep();
    var map = document.getElementById("ng-service-map");
    if (map) serviceMap(map);
    var exp = document.getElementById("ng-explorer");
    if (exp) explorer(exp);
    document.querySelectorAll(".ng-local-map[data-node]").forEach(watchLocal);
  }
  // The templates may load this file before Material's bundle defines document$ (and
  // extra_javascript again after it), so look for document$ once the page is parsed.
  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
    else init();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
