/* notesgraph explorer: the whole typed graph for review sessions.

   Reads assets/generated/graph/explorer.json (column-wise nodes, edges per kind, see
   notesgraph/site/mapdata.py). Positions come from the build, so nothing is simulated:
   the page draws the nodes that pass the filters (a large vault starts with services
   only), and grows on demand (focus, expand, more kinds). At most MAX_VISIBLE nodes are
   handed to vis-network at once.

   Tabs: 그래프 (this file), 플래시카드 (flashcards.js), 적합성 검사 (fitcheck.js). */
(function () {
  "use strict";
  var ng = window.ngMaps;
  var el = ng.el, append = ng.append;

  var MAX_VISIBLE = 2500;
  var MAX_EDGES = 6000;
  var SMALL_GRAPH = 1500;
  var LIST_STEP = 40;
  var UNIT_LABELS = { bytes: "크기", seconds: "시간", count: "개수", usd: "요금", percent: "비율", factor: "배수" };

  /* ------------------------------------------------------------------ model */

  /** The graph as typed arrays: node columns, and every edge in both nodes' adjacency lists. */
  function Model(data) {
    ng.markRelational(data.legend.relations);
    var nodes = data.nodes;
    var self = this;
    this.data = data;
    this.n = nodes.kind.length;
    this.kinds = data.legend.kinds.map(function (k) { return k.id; });
    this.kindLabels = {};
    data.legend.kinds.forEach(function (k) { self.kindLabels[k.id] = k.label; });
    this.kindIndex = nodes.kind;
    this.label = nodes.label;
    this.x = nodes.x;
    this.y = nodes.y;
    this.size = nodes.size;
    this.url = nodes.url;
    this.up = nodes.up;
    this.key = data.key;
    this.index = {};
    Object.keys(data.key).forEach(function (i) { self.index[data.key[i]] = +i; });

    var edgeKinds = data.legend.structure.map(function (k) { return k.id; })
      .concat(data.legend.relations.map(function (k) { return k.id; }));
    Object.keys(data.edges).forEach(function (k) { if (edgeKinds.indexOf(k) < 0) edgeKinds.push(k); });
    this.edgeKinds = edgeKinds;
    this.edgeKindLabels = {};
    data.legend.structure.concat(data.legend.relations).forEach(function (k) { self.edgeKindLabels[k.id] = k.label; });

    var total = data.relations.length;
    Object.keys(data.edges).forEach(function (k) { total += data.edges[k].length / 2; });
    var src = new Int32Array(total), dst = new Int32Array(total), kind = new Uint8Array(total);
    var rel = new Int32Array(total).fill(-1);
    var e = 0;
    Object.keys(data.edges).forEach(function (k) {
      var flat = data.edges[k], ki = edgeKinds.indexOf(k);
      for (var i = 0; i < flat.length; i += 2) { src[e] = flat[i]; dst[e] = flat[i + 1]; kind[e] = ki; e++; }
    });
    data.relations.forEach(function (row, r) {
      src[e] = row[0]; dst[e] = row[1]; kind[e] = edgeKinds.indexOf(row[2]); rel[e] = r; e++;
    });
    var degree = new Int32Array(this.n + 1);
    for (var i = 0; i < total; i++) { degree[src[i] + 1]++; degree[dst[i] + 1]++; }
    for (var j = 0; j < this.n; j++) degree[j + 1] += degree[j];
    var fill = degree.slice(0, this.n), adj = new Int32Array(2 * total);
    for (var m = 0; m < total; m++) { adj[fill[src[m]]++] = m; adj[fill[dst[m]]++] = m; }
    this.offsets = degree;
    this.adj = adj;
    this.src = src;
    this.dst = dst;
    this.edgeKind = kind;
    this.rel = rel;
    this.edgeCount = total;
  }
  Model.prototype.kindOf = function (i) { return this.kinds[this.kindIndex[i]]; };
  /** Node indexes, biggest drawn size first (computed once). */
  Model.prototype.bySize = function () {
    if (!this.sizeOrder) {
      var size = this.size;
      this.sizeOrder = Array.from({ length: this.n }, function (_, i) { return i; })
        .sort(function (a, b) { return size[b] - size[a] || a - b; });
    }
    return this.sizeOrder;
  };
  Model.prototype.category = function (i) { return this.data.category[i] || null; };
  Model.prototype.aliases = function (i) { return this.data.aliases[i] || []; };
  /** Site URL of node i: its own, or resolved through the node it sits on. */
  Model.prototype.urlOf = function (i) {
    var u = this.url[i], up = this.up[i];
    if (u === "" && up >= 0) return this.urlOf(up);
    if (u.charAt(0) === "#" && up >= 0) return this.urlOf(up).split("#")[0] + u;
    return u;
  };
  /** Calls fn(other, edge, outgoing) for every edge of node i. */
  Model.prototype.each = function (i, fn) {
    for (var p = this.offsets[i]; p < this.offsets[i + 1]; p++) {
      var e = this.adj[p], out = this.src[e] === i;
      if (fn(out ? this.dst[e] : this.src[e], e, out) === false) return;
    }
  };
  /** Neighbours along edges of one kind and direction ("out" or "in"). */
  Model.prototype.along = function (i, kind, direction) {
    var found = [], ki = this.edgeKinds.indexOf(kind), self = this;
    this.each(i, function (other, e, out) {
      if (self.edgeKind[e] === ki && out === (direction === "out")) found.push(other);
    });
    return found;
  };
  /** Where a node sits, for people: "노트 › 섹션". */
  Model.prototype.where = function (i) {
    var parts = [], node = i, guard = 0;
    while (this.up[node] >= 0 && guard++ < 4) {
      node = this.up[node];
      if (this.kindOf(node) === "section" || this.kindOf(node) === "note") parts.unshift(this.label[node]);
    }
    return parts.join(" › ");
  };

  /* ------------------------------------------------------------------ search */

  /** Nodes whose label or alias matches: exact, then prefix, then contains; services first. */
  /** Search forms of every name, built once (the page does it while idle after drawing). */
  Model.prototype.prepareSearch = function () {
    if (this.names) return;
    this.names = new Array(this.n);
    for (var i = 0; i < this.n; i++) {
      this.names[i] = [ng.norm(this.label[i])].concat(this.aliases(i).map(ng.norm));
    }
  };
  Model.prototype.search = function (text, limit) {
    var self = this;
    this.prepareSearch();
    var forms = ng.queryForms(text);
    var RANK = { service: 0, feature: 1, note: 2, comparison: 3, tag: 4, section: 5, limit: 6, highlight: 7 };
    for (var f = 0; f < forms.length; f++) {
      var q = forms[f], hits = [];
      for (var n = 0; n < this.n; n++) {
        var best = 0, alias = null, names = this.names[n];
        for (var a = 0; a < names.length; a++) {
          var score = names[a] === q ? 3 : names[a].indexOf(q) === 0 ? 2 : names[a].indexOf(q) > 0 ? 1 : 0;
          if (score > best) { best = score; alias = a ? this.aliases(n)[a - 1] : null; }
        }
        if (best) hits.push({ node: n, score: best, alias: alias });
      }
      if (hits.length) {
        hits.sort(function (x, y) {
          return y.score - x.score || RANK[self.kindOf(x.node)] - RANK[self.kindOf(y.node)] ||
            self.label[x.node].length - self.label[y.node].length || x.node - y.node;
        });
        return hits.slice(0, limit || 12);
      }
    }
    return [];
  };

  /* ------------------------------------------------------------------ visible set */

  /** Which nodes to draw: the focus and its neighbours to the chosen depth, or every node of a
      shown kind (the biggest MAX_VISIBLE); plus nodes the user pinned by selecting or expanding.
      In focus mode ``depth`` and ``parent`` record the rings for the radial layout. */
  function visibleSet(model, state) {
    var shown = new Uint8Array(model.n), list = [], truncated = false, depth = {}, parent = {};
    function add(i) { if (!shown[i]) { shown[i] = 1; list.push(i); } }
    if (state.focus !== null) {
      add(state.focus);
      depth[state.focus] = 0;
      var frontier = [state.focus];
      for (var d = 0; d < state.depth && frontier.length && !truncated; d++) {
        var next = [];
        frontier.forEach(function (u) {
          model.each(u, function (v, e) {
            if (!state.edgeOn[model.edgeKind[e]] || shown[v] || !state.kindOn[model.kindIndex[v]]) return;
            if (list.length >= MAX_VISIBLE) { truncated = true; return false; }
            add(v);
            depth[v] = d + 1;
            parent[v] = u;
            next.push(v);
          });
        });
        frontier = next;
      }
    } else {
      // Biggest first, so a capped view keeps the services and notes people look for.
      var order = model.bySize();
      for (var k = 0; k < order.length; k++) {
        if (!state.kindOn[model.kindIndex[order[k]]]) continue;
        if (list.length >= MAX_VISIBLE) { truncated = true; break; }
        add(order[k]);
      }
    }
    state.pinned.forEach(add);
    return { shown: shown, list: list, truncated: truncated, depth: depth, parent: parent };
  }

  /** Radial positions for a focus view: the focus in the middle, a ring per step, each node
      next to the one that brought it in, grouped by kind (pinned extras on an outer ring). */
  function radial(model, view) {
    var pos = {}, angle = {}, radius = 0, rings = [];
    view.list.forEach(function (i) {
      var d = i in view.depth ? view.depth[i] : -1;
      if (d === 0) { pos[i] = { x: 0, y: 0 }; angle[i] = 0; return; }
      var r = d < 0 ? rings.length + 1 : d;
      (rings[r] = rings[r] || []).push(i);
    });
    for (var r = 1; r < rings.length; r++) {
      var ring = rings[r];
      if (!ring) continue;
      ring.sort(function (a, b) {
        return (angle[view.parent[a]] || 0) - (angle[view.parent[b]] || 0) ||
          model.kindIndex[a] - model.kindIndex[b] || (model.label[a] < model.label[b] ? -1 : model.label[a] > model.label[b] ? 1 : 0);
      });
      radius += Math.max(220, ring.length * 34 / (2 * Math.PI));
      ring.forEach(function (i, k) {
        var a = -Math.PI / 2 + 2 * Math.PI * k / ring.length;
        angle[i] = a;
        pos[i] = { x: Math.round(radius * Math.cos(a)), y: Math.round(radius * Math.sin(a)) };
      });
    }
    return pos;
  }

  /** Edges between drawn nodes whose kind is on: typed relations first, then the rest, at
      most MAX_EDGES (a few thousand lines already say all a picture can). */
  function visibleEdges(model, state, view) {
    var relations = [], others = [];
    view.list.forEach(function (u) {
      model.each(u, function (v, e, out) {
        if (out && view.shown[v] && state.edgeOn[model.edgeKind[e]]) (model.rel[e] >= 0 ? relations : others).push(e);
      });
    });
    var edges = relations.concat(others);
    view.edgesTruncated = edges.length > MAX_EDGES ? edges.length : 0;
    return edges.length > MAX_EDGES ? edges.slice(0, MAX_EDGES) : edges;
  }

  /* ------------------------------------------------------------------ mount */

  function mount(root) {
    var timings = (root.ngTimings = { start: performance.now() });
    Promise.all([ng.vis(), ng.json(ng.GRAPH + "explorer.json")]).then(function (loaded) {
      timings.loaded = performance.now();
      var model = new Model(loaded[1]);
      timings.model = performance.now();
      build(root, loaded[0], model, timings);
      root.removeAttribute("aria-busy");
    }).catch(function (error) { ng.fail(root, error); });
  }

  function build(root, vis, model, timings) {
    var small = model.n <= SMALL_GRAPH;
    var state = {
      focus: null, depth: 1, selected: null, pinned: new Set(),
      kindOn: model.kinds.map(function (k) { return small || k === "service"; }),
      edgeOn: model.edgeKinds.map(function () { return true; })
    };
    var defaults = { kindOn: state.kindOn.slice(), edgeOn: state.edgeOn.slice() };

    // ---- skeleton
    var tabs = el("div", { class: "ng-tabs", role: "tablist", "aria-label": "탐색기 보기" });
    var panes = {};
    [["graph", "그래프"], ["cards", "플래시카드"], ["fit", "적합성 검사"]].forEach(function (t, i) {
      var tab = el("button", { type: "button", class: "ng-tab", role: "tab", id: "ng-tab-" + t[0],
        "aria-selected": i === 0 ? "true" : "false", "aria-controls": "ng-pane-" + t[0], text: t[1] });
      tab.addEventListener("click", function () { showTab(t[0]); });
      tabs.appendChild(tab);
      panes[t[0]] = el("div", { role: "tabpanel", id: "ng-pane-" + t[0], "aria-labelledby": "ng-tab-" + t[0],
        hidden: i !== 0 });
    });
    var mounted = {};
    function showTab(name) {
      Object.keys(panes).forEach(function (key) {
        panes[key].hidden = key !== name;
        document.getElementById("ng-tab-" + key).setAttribute("aria-selected", key === name ? "true" : "false");
      });
      if (name === "cards" && !mounted.cards) { mounted.cards = true; ng.flashcards.mount(panes.cards); }
      if (name === "fit" && !mounted.fit) { mounted.fit = true; ng.fitcheck.mount(panes.fit); }
    }
    root.ngShowTab = showTab;

    var input = el("input", { type: "search", role: "combobox", "aria-autocomplete": "list",
      "aria-expanded": "false", "aria-controls": "ng-suggest", autocomplete: "off",
      placeholder: "이름으로 찾기 (예: 코그니토, Lambda)", "aria-label": "노드 찾기" });
    var suggest = el("ul", { class: "ng-suggest", id: "ng-suggest", role: "listbox", hidden: true });
    var depth = el("select", { "aria-label": "초점 깊이" }, [1, 2, 3].map(function (d) {
      return el("option", { value: d, text: "깊이 " + d });
    }));
    var focusButton = el("button", { type: "button", class: "ng-button", text: "초점", disabled: true });
    var servicesOnly = el("button", { type: "button", class: "ng-button", text: "서비스와 관계만" });
    var reset = el("button", { type: "button", class: "ng-button", text: "초기화" });
    var toolbar = el("div", { class: "ng-toolbar" }, [
      el("div", { class: "ng-search" }, [input, suggest]), depth, focusButton, servicesOnly, reset]);

    var kindBoxes = [], edgeBoxes = [];
    var counts = {};
    for (var i = 0; i < model.n; i++) counts[model.kindIndex[i]] = (counts[model.kindIndex[i]] || 0) + 1;
    var kindSet = el("fieldset", null, el("legend", { text: "노드 종류" }));
    model.kinds.forEach(function (k, ki) {
      var box = el("input", { type: "checkbox", "data-kind": k });
      box.checked = state.kindOn[ki];
      box.addEventListener("change", function () { state.kindOn[ki] = box.checked; refresh(); });
      kindBoxes.push(box);
      kindSet.appendChild(el("label", null, [box, " ", model.kindLabels[k] + " " + (counts[ki] || 0)]));
    });
    var pal = ng.palette();
    var edgeSet = el("fieldset", null, el("legend", { text: "연결 종류" }));
    model.edgeKinds.forEach(function (k, ki) {
      var box = el("input", { type: "checkbox", "data-edge": k, checked: true });
      box.addEventListener("change", function () { state.edgeOn[ki] = box.checked; refresh(); });
      edgeBoxes.push(box);
      var sample = ng.RELATIONAL[k] ? el("span", { class: "ng-line-sample" + (ng.DASHES[k] ? " ng-dashed" : ""),
        style: "color:" + (pal.relation(k) || pal.fg) }) : null;
      edgeSet.appendChild(el("label", null, [box, " ", sample, model.edgeKindLabels[k] || k]));
    });
    var filters = el("div", { class: "ng-filters" }, [kindSet, edgeSet]);

    var canvas = el("div", { class: "ng-canvas", "data-label": "개념 그래프. 화살표 키로 이동, +/- 키로 확대·축소. 선택한 노드의 이웃은 옆 패널 목록에서 고를 수 있습니다." });
    var panel = el("aside", { class: "ng-panel", "aria-live": "polite", "aria-label": "선택한 노드" },
      el("p", { class: "ng-meta", text: "노드를 누르거나 이름으로 찾으면 여기에 자세한 내용이 나옵니다." }));
    var body = el("div", { class: "ng-map-body ng-with-panel" }, [canvas, panel]);
    var status = el("p", { class: "ng-status", role: "status" });
    append(panes.graph, [toolbar, filters, body, status]);
    ng.clear(root);
    append(root, [tabs, panes.graph, panes.cards, panes.fit]);

    // ---- vis
    var nodes = new vis.DataSet();
    var edges = new vis.DataSet();
    var network = ng.network(vis, canvas, { nodes: nodes, edges: edges }, ng.networkOptions({
      interaction: { hideEdgesOnDrag: true, hideEdgesOnZoom: model.edgeCount > 20000 }
    }));
    root.ngNetwork = network;
    root.ngExplorer = { model: model, state: state, select: select, focus: focusOn, refresh: refresh,
      shownIds: function () { return nodes.getIds(); } };

    function nodeObject(i) {
      var kind = model.kindOf(i);
      return Object.assign({ id: i, label: model.label[i], x: model.x[i], y: model.y[i] },
        ng.nodeStyle(pal, kind, model.category(i), model.size[i]));
    }
    function edgeObject(e) {
      var kind = model.edgeKinds[model.edgeKind[e]];
      return Object.assign({ id: e, from: model.src[e], to: model.dst[e] }, ng.edgeStyle(pal, kind, !!ng.RELATIONAL[kind]));
    }

    var current = null, radialMode = false;
    function refresh(options) {
      var view = visibleSet(model, state);
      current = view;
      var want = {};
      view.list.forEach(function (i) { want[i] = true; });
      var drop = nodes.getIds().filter(function (id) { return !want[id]; });
      var have = {};
      nodes.getIds().forEach(function (id) { have[id] = true; });
      var place = state.focus !== null ? radial(model, view) : null;
      var moved = [];
      if (place || radialMode) {
        view.list.forEach(function (i) {
          if (have[i]) moved.push(place ? { id: i, x: place[i].x, y: place[i].y } : { id: i, x: model.x[i], y: model.y[i] });
        });
      }
      radialMode = !!place;
      var add = view.list.filter(function (i) { return !have[i]; }).map(function (i) {
        var node = nodeObject(i);
        if (place) { node.x = place[i].x; node.y = place[i].y; }
        return node;
      });
      var edgeIds = visibleEdges(model, state, view);
      var wantEdge = {};
      edgeIds.forEach(function (e) { wantEdge[e] = true; });
      var dropEdges = edges.getIds().filter(function (id) { return !wantEdge[id]; });
      var haveEdge = {};
      edges.getIds().forEach(function (id) { haveEdge[id] = true; });
      edges.remove(dropEdges);
      nodes.remove(drop);
      if (moved.length) nodes.update(moved);
      nodes.add(add);
      edges.add(edgeIds.filter(function (e) { return !haveEdge[e]; }).map(edgeObject));
      if (state.selected !== null && want[state.selected]) network.selectNodes([state.selected]);
      describe(view, edgeIds.length);
      if (!options || options.fit !== false) network.fit({ animation: false });
    }

    function describe(view, edgeCount) {
      var perKind = {};
      view.list.forEach(function (i) { var k = model.kindOf(i); perKind[k] = (perKind[k] || 0) + 1; });
      var parts = model.kinds.filter(function (k) { return perKind[k]; }).map(function (k) {
        return model.kindLabels[k] + " " + perKind[k];
      });
      var text = "표시: 노드 " + view.list.length + "개 (" + (parts.join(" · ") || "없음") + "), 연결 " + edgeCount + "개";
      if (state.focus !== null) text += " · 초점: " + model.label[state.focus] + " (깊이 " + state.depth + ")";
      if (view.truncated) text += " · 너무 많아 큰 노드 " + MAX_VISIBLE + "개까지만 그렸습니다. 찾기나 초점으로 좁혀 보세요.";
      if (view.edgesTruncated) text += " · 연결 " + view.edgesTruncated + "개 중 " + MAX_EDGES + "개만 그렸습니다.";
      status.textContent = text;
    }

    // ---- selection and details
    function select(i, options) {
      if (i === null || i === undefined || i < 0 || i >= model.n) return;
      state.selected = i;
      focusButton.disabled = false;
      if (!current || !current.shown[i]) { state.pinned.add(i); refresh({ fit: false }); }
      network.selectNodes([i]);
      if (options && options.move) network.focus(i, { scale: Math.max(network.getScale(), 0.8), animation: false });
      details(i);
    }
    function focusOn(i, d) {
      state.focus = i;
      state.depth = d || state.depth;
      depth.value = String(state.depth);
      state.selected = i;
      var started = performance.now();
      refresh();
      network.selectNodes([i]);
      details(i);
      focusButton.disabled = false;
      timings.action = { name: "focus", start: started, end: performance.now() };
    }

    function nodeButton(i, text) {
      return el("button", { type: "button", class: "ng-link-button", text: text || model.label[i],
        onclick: function () { select(i, { move: true }); } });
    }
    function section(title, children) {
      return el("div", null, [el("h3", { text: title })].concat(children));
    }
    function capped(items, limit) {
      var list = el("ul", null, items.slice(0, limit));
      if (items.length <= limit) return list;
      var more = el("button", { type: "button", class: "ng-link-button ng-more",
        text: "… " + (items.length - limit) + "개 더 보기" });
      more.addEventListener("click", function () {
        more.parentNode.remove();
        append(list, items.slice(limit));
      });
      list.appendChild(el("li", null, more));
      return list;
    }

    function details(i) {
      var kind = model.kindOf(i);
      ng.clear(panel);
      var head = el("div", { class: "ng-panel-head" }, el("h2", { text: model.label[i] }));
      var meta = [model.kindLabels[kind]];
      if (model.category(i)) {
        meta = [el("span", { class: "ng-swatch", style: "background:" + pal.category(model.category(i)) }),
          model.kindLabels[kind]];
      }
      if (model.data.mentions[i]) meta.push(" · 언급 " + model.data.mentions[i] + "회");
      if (model.aliases(i).length) meta.push(" · 다른 이름: " + model.aliases(i).join(", "));
      var where = model.where(i);
      if (where) meta.push(" · " + where);
      var actions = el("p", { class: "ng-card-actions" }, [
        model.urlOf(i) ? ng.link(model.urlOf(i), "페이지 열기", "ng-button ng-primary") : null,
        el("button", { type: "button", class: "ng-button", text: "초점 (깊이 " + state.depth + ")",
          onclick: function () { focusOn(i, parseInt(depth.value, 10)); } }),
        el("button", { type: "button", class: "ng-button", text: "이웃 펼치기",
          onclick: function () { expand(i); } })
      ]);
      append(panel, [head, el("p", { class: "ng-meta" }, meta), actions]);
      if (kind === "service" || kind === "feature") serviceDetails(i);
      else if (kind === "limit") limitDetails(i);
      else if (kind === "highlight") highlightDetails(i);
      panel.appendChild(neighbourList(i));
    }

    function limitRows(list) {
      return el("table", { class: "ng-panel-limits" }, [
        el("thead", null, el("tr", null, ["항목", "값", "원문"].map(function (h) { return el("th", { text: h }); }))),
        el("tbody", null, list.map(function (l) {
          var data = model.data.limit[l.node];
          return el("tr", null, [
            el("td", null, [l.owner ? l.owner + " · " : "", nodeButton(l.node, data[0])]),
            el("td", { class: "ng-value" }, [data[1], el("span", { class: "ng-meta", text: " (" + (UNIT_LABELS[data[2]] || data[2]) + ")" })]),
            el("td", null, [el("span", { class: "ng-quote-text", text: data[3] }),
              ng.link(model.urlOf(l.node), model.where(l.node), "ng-source")])
          ]);
        }))
      ]);
    }

    function serviceDetails(i) {
      var owners = [i].concat(model.kindOf(i) === "service" ? model.along(i, "feature_of", "in") : []);
      var limits = [];
      owners.forEach(function (o) {
        model.along(o, "has_limit", "out").forEach(function (l) {
          limits.push({ node: l, owner: o === i ? "" : model.label[o] });
        });
      });
      panel.appendChild(section("한도", limits.length ? [limitRows(limits.slice(0, 60))].concat(
        limits.length > 60 ? [el("p", { class: "ng-meta", text: "외 " + (limits.length - 60) + "개 — 아래 이웃 목록에 모두 있습니다." })] : [])
        : [el("p", { class: "ng-meta", text: "노트에 적힌 한도가 없습니다." })]));

      var relations = [];
      owners.forEach(function (o) {
        model.each(o, function (other, e, out) {
          var r = model.rel[e];
          if (r < 0) return;
          var row = model.data.relations[r], label = model.edgeKindLabels[row[2]] || row[2];
          relations.push(el("li", null, [
            o === i ? "" : model.label[o] + " ", out ? "→ " + label + " → " : "", nodeButton(other),
            out ? "" : " → " + label + " →",
            el("span", { class: "ng-quote-text", text: row[5] || "서비스 카탈로그에 적힌 관계" }),
            row[3] >= 0 ? ng.link(model.urlOf(row[3]), model.label[row[3]] + " · " + row[4] + "행", "ng-source") : null
          ]));
        });
      });
      panel.appendChild(section("관계", relations.length ? [capped(relations, LIST_STEP)]
        : [el("p", { class: "ng-meta", text: "노트에서 찾은 관계가 없습니다." })]));

      var highlights = [], notes = [], sections = [];
      owners.forEach(function (o) {
        model.each(o, function (other, e, out) {
          if (out || model.edgeKinds[model.edgeKind[e]] !== "mentions") return;
          var k = model.kindOf(other);
          var list = k === "highlight" ? highlights : k === "note" ? notes : k === "section" ? sections : null;
          if (list && list.indexOf(other) < 0) list.push(other);
        });
      });
      if (highlights.length) {
        panel.appendChild(section("시험 포인트", [capped(highlights.map(function (h) {
          var hl = model.data.highlight[h];
          return el("li", null, [ng.marked(hl[0], hl[1], hl[2], false), " ",
            ng.link(model.urlOf(h), model.where(h), "ng-source")]);
        }), LIST_STEP)]));
      }
      panel.appendChild(section("노트", notes.length ? [capped(notes.map(function (n) {
        return el("li", null, ng.link(model.urlOf(n), model.label[n]));
      }), LIST_STEP)] : [el("p", { class: "ng-meta", text: "언급한 노트가 없습니다." })]));
      if (sections.length) {
        panel.appendChild(section("섹션", [capped(sections.map(function (s) {
          var where = model.where(s);
          return el("li", null, ng.link(model.urlOf(s), where && where !== model.label[s] ? where + " › " + model.label[s] : model.label[s]));
        }), LIST_STEP)]));
      }
    }

    function limitDetails(i) {
      var owner = model.along(i, "has_limit", "in")[0];
      panel.appendChild(section("한도", [limitRows([{ node: i, owner: owner !== undefined ? model.label[owner] : "" }])]));
    }

    function highlightDetails(i) {
      var hl = model.data.highlight[i];
      panel.appendChild(el("blockquote", null, ng.marked(hl[0], hl[1], hl[2], false)));
    }

    /** Every neighbour as a button, by edge kind and direction: the keyboard path through the graph. */
    function neighbourList(i) {
      var groups = {}, order = [];
      model.each(i, function (other, e, out) {
        var kind = model.edgeKinds[model.edgeKind[e]];
        var key = (out ? "→ " : "← ") + (model.edgeKindLabels[kind] || kind);
        if (!groups[key]) { groups[key] = []; order.push(key); }
        if (groups[key].indexOf(other) < 0) groups[key].push(other);
      });
      var box = el("div", { class: "ng-neighbours" }, el("h3", { text: "이웃 목록" }));
      if (!order.length) { box.appendChild(el("p", { class: "ng-meta", text: "이웃이 없습니다." })); return box; }
      box.appendChild(el("ul", null, order.map(function (key) {
        return el("li", null, [key + " (" + groups[key].length + ")", capped(groups[key].map(function (o) {
          return el("li", null, [nodeButton(o), el("span", { class: "ng-meta", text: " " + model.kindLabels[model.kindOf(o)] })]);
        }), LIST_STEP)]);
      })));
      return box;
    }

    function expand(i) {
      var added = 0;
      model.each(i, function (other, e) {
        if (!state.edgeOn[model.edgeKind[e]] || added >= 300) return;
        state.pinned.add(other);
        added++;
      });
      state.pinned.add(i);
      refresh({ fit: false });
    }

    // ---- search box
    var hits = [], active = -1;
    function closeSuggest() {
      suggest.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function renderSuggest() {
      ng.clear(suggest);
      hits.forEach(function (hit, k) {
        var option = el("li", { role: "option", id: "ng-opt-" + k, "aria-selected": k === active ? "true" : "false" }, [
          model.label[hit.node],
          el("span", { class: "ng-meta", text: model.kindLabels[model.kindOf(hit.node)] + (hit.alias ? " · " + hit.alias : "") })
        ]);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); choose(k); });
        suggest.appendChild(option);
      });
      suggest.hidden = !hits.length;
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
      if (active >= 0) input.setAttribute("aria-activedescendant", "ng-opt-" + active);
    }
    function choose(k) {
      var hit = hits[k >= 0 ? k : 0];
      closeSuggest();
      if (!hit) { status.textContent = "‘" + input.value + "’에 맞는 노드가 없습니다."; return; }
      input.value = model.label[hit.node];
      focusOn(hit.node, parseInt(depth.value, 10));
    }
    input.addEventListener("input", function () {
      hits = input.value.trim() ? model.search(input.value, 12) : [];
      active = -1;
      renderSuggest();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!hits.length) return;
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
        renderSuggest();
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (!hits.length && input.value.trim()) hits = model.search(input.value, 12);
        choose(active);
      } else if (event.key === "Escape") {
        closeSuggest();
      }
    });
    input.addEventListener("blur", function () { setTimeout(closeSuggest, 150); });

    // ---- buttons
    depth.addEventListener("change", function () {
      state.depth = parseInt(depth.value, 10);
      if (state.focus !== null) focusOn(state.focus, state.depth);
    });
    focusButton.addEventListener("click", function () {
      if (state.selected !== null) focusOn(state.selected, parseInt(depth.value, 10));
    });
    servicesOnly.addEventListener("click", function () {
      state.kindOn = model.kinds.map(function (k) { return k === "service"; });
      kindBoxes.forEach(function (box, ki) { box.checked = state.kindOn[ki]; });
      state.edgeOn = model.edgeKinds.map(function (k) { return !!ng.RELATIONAL[k]; });
      edgeBoxes.forEach(function (box, ki) { box.checked = state.edgeOn[ki]; });
      state.focus = null;
      state.pinned.clear();
      refresh();
    });
    reset.addEventListener("click", function () {
      state.focus = null;
      state.selected = null;
      state.pinned.clear();
      state.kindOn = defaults.kindOn.slice();
      state.edgeOn = defaults.edgeOn.slice();
      kindBoxes.forEach(function (box, ki) { box.checked = state.kindOn[ki]; });
      edgeBoxes.forEach(function (box, ki) { box.checked = state.edgeOn[ki]; });
      input.value = "";
      focusButton.disabled = true;
      network.unselectAll();
      ng.clear(panel).appendChild(el("p", { class: "ng-meta", text: "노드를 누르거나 이름으로 찾으면 여기에 자세한 내용이 나옵니다." }));
      refresh();
    });

    network.on("click", function (params) { if (params.nodes.length) select(params.nodes[0]); });
    network.on("doubleClick", function (params) {
      if (params.nodes.length) focusOn(params.nodes[0], parseInt(depth.value, 10));
    });
    network.once("afterDrawing", function () {
      timings.firstDraw = performance.now();
      root.dataset.ngDrawn = String(timings.firstDraw);
    });

    var stop = ng.onScheme(function () {
      pal = ng.palette();
      nodes.update(nodes.getIds().map(nodeObject));
      edges.update(edges.getIds().map(edgeObject));
    });
    ng.track(root, function () { stop(); network.destroy(); });

    refresh();
    (window.requestIdleCallback || setTimeout)(function () { model.prepareSearch(); });
    var wanted = new URLSearchParams(location.hash.slice(1)).get("node");
    if (wanted && model.index[wanted] !== undefined) focusOn(model.index[wanted], 1);
  }

  ng.explorer = { mount: mount, Model: Model };
})();
