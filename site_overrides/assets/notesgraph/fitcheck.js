/* notesgraph fit check: does a workload fit a service, and which limit decides?

   Reads the "fit" part of assets/generated/graph/review.json (reviewdata.py): workload
   fields (memory, run time, sizes, concurrency, rate …), every service or feature with
   the limits those fields are checked against (upper bound in base units, the note's
   words, a link to the section), and the exercises the notes contain
   ("RAM 30GB, 실행 시간 30분, 3GB 파일 → Lambda 부적합") as presets. */
(function () {
  "use strict";
  var ng = window.ngMaps;
  var el = ng.el, append = ng.append;

  function mount(container) {
    container.appendChild(el("p", { class: "ng-status", text: "한도를 불러오는 중…" }));
    ng.json(ng.GRAPH + "review.json").then(function (data) {
      ng.clear(container);
      build(container, data.fit);
    }).catch(function (error) { ng.fail(container, error); });
  }

  var BYTES = [["TB", Math.pow(1024, 4)], ["GB", Math.pow(1024, 3)], ["MB", Math.pow(1024, 2)], ["KB", 1024], ["B", 1]];
  function number(v) { return (Math.round(v * 100) / 100).toLocaleString("ko-KR"); }
  /** A workload value for people: 30 GB, 30분, 1,000. */
  function show(field, v) {
    if (field.unit === "bytes") {
      for (var i = 0; i < BYTES.length; i++) if (v >= BYTES[i][1]) return number(v / BYTES[i][1]) + " " + BYTES[i][0];
      return number(v) + " B";
    }
    if (field.unit === "seconds") {
      if (v >= 86400 && v % 86400 === 0) return number(v / 86400) + "일";
      if (v >= 3600 && v % 3600 === 0) return number(v / 3600) + "시간";
      if (v >= 60) return number(v / 60) + "분";
      return number(v) + "초";
    }
    return number(v) + (field.id === "rate" ? "건/초" : "");
  }
  /** The shown unit that writes v as a round number (largest first). */
  function bestScale(field, v) {
    var fits = field.scales.filter(function (s) { return v >= s[1] && Math.abs(v / s[1] * 100 - Math.round(v / s[1] * 100)) < 1e-6; });
    fits.sort(function (a, b) { return b[1] - a[1]; });
    return fits[0] || field.scales[0];
  }

  /** Verdict for one option: each limit checked against the workload field it measures. */
  function evaluate(option, fields, workload) {
    var checks = [], unknown = [];
    fields.forEach(function (field) {
      var v = workload[field.id];
      if (!(v > 0)) return;
      var limits = option.limits.filter(function (l) { return l.field === field.id; });
      if (!limits.length) { unknown.push(field.label); return; }
      limits.forEach(function (l) {
        var over = l.strict ? v >= l.max : v > l.max;
        checks.push({ field: field, limit: l, value: v, status: over ? (l.soft ? "soft" : "fail") : "pass" });
      });
    });
    var has = function (s) { return checks.some(function (c) { return c.status === s; }); };
    var verdict = has("fail") ? "fails" : has("soft") ? "maybe" : checks.length ? "fits" : "unknown";
    return { verdict: verdict, checks: checks, unknown: unknown };
  }
  var VERDICTS = { fails: "부적합", maybe: "조건부 (한도 증가 요청 필요)", fits: "적합", unknown: "판단할 한도 없음" };
  var MARKS = { fail: "✗", soft: "△", pass: "✓" };

  function build(container, fit) {
    var inputs = {};
    var fieldBox = el("div", { class: "ng-fit-fields" }, fit.fields.map(function (field) {
      var amount = el("input", { type: "number", min: "0", step: "any", inputmode: "decimal",
        "aria-label": field.label, "data-field": field.id });
      var unit = el("select", { "aria-label": field.label + " 단위", "data-unit": field.id }, field.scales.map(function (s) {
        return el("option", { value: s[1], text: s[0] });
      }));
      inputs[field.id] = { amount: amount, unit: unit };
      return el("label", null, [field.label, el("span", { class: "ng-pair" }, [amount, unit])]);
    }));

    var boxes = {};
    var filter = el("input", { type: "search", placeholder: "서비스 거르기", "aria-label": "서비스 거르기" });
    var optionBox = el("div", { class: "ng-fit-options", role: "group", "aria-label": "확인할 서비스" },
      fit.options.map(function (option) {
        var box = el("input", { type: "checkbox", value: option.id, "data-option": option.id });
        boxes[option.id] = box;
        return el("label", { "data-name": ng.norm(option.label) }, [box, " " + option.label,
          el("span", { class: "ng-meta", text: " 한도 " + option.limits.length })]);
      }));
    var clear = el("button", { type: "button", class: "ng-button", text: "선택 해제" });

    var exerciseInfo = el("div", { class: "ng-meta", "aria-live": "polite" });
    var exerciseRow = null;
    if (fit.exercises.length) {
      var picker = el("select", { "aria-label": "노트의 예제" }, [el("option", { value: "", text: "노트의 예제 고르기…" })]
        .concat(fit.exercises.map(function (e, i) { return el("option", { value: i, text: e.text }); })));
      var load = el("button", { type: "button", class: "ng-button", text: "불러오기" });
      load.addEventListener("click", function () { if (picker.value !== "") loadExercise(fit.exercises[+picker.value]); });
      exerciseRow = el("div", { class: "ng-toolbar" }, [el("label", null, ["노트의 예제 ", picker]), load]);
    }

    var results = el("div", { class: "ng-fit-results", "aria-live": "polite" });
    append(container, el("div", { class: "ng-fit" }, [
      el("p", { class: "ng-meta", text: "워크로드를 적고 서비스를 고르면, 노트에 적힌 한도로 맞는지 봅니다." }),
      exerciseRow, exerciseInfo,
      el("h3", { text: "워크로드" }), fieldBox,
      el("h3", { text: "서비스" }), el("div", { class: "ng-toolbar" }, [filter, clear]), optionBox,
      el("h3", { text: "결과" }), results
    ]));

    function workload() {
      var values = {};
      fit.fields.forEach(function (field) {
        var raw = parseFloat(inputs[field.id].amount.value);
        if (raw > 0) values[field.id] = raw * parseFloat(inputs[field.id].unit.value);
      });
      return values;
    }

    function render() {
      var values = workload();
      var chosen = fit.options.filter(function (o) { return boxes[o.id].checked; });
      ng.clear(results);
      if (!chosen.length || !Object.keys(values).length) {
        results.appendChild(el("p", { class: "ng-meta", text: "워크로드 값을 하나 이상 적고 서비스를 고르세요." }));
        return;
      }
      chosen.forEach(function (option) {
        var outcome = evaluate(option, fit.fields, values);
        var deciding = outcome.checks.filter(function (c) { return c.status === (outcome.verdict === "fails" ? "fail" : "soft"); });
        var box = el("div", { class: "ng-fit-result ng-" + outcome.verdict, "data-option": option.id }, [
          el("p", null, [el("strong", { text: option.label }), " — ", el("span", { class: "ng-verdict", text: VERDICTS[outcome.verdict] })])
        ]);
        if (deciding.length) {
          box.appendChild(el("p", { class: "ng-deciding" }, ["결정한 한도: ", deciding.map(function (c) { return c.limit.name; })
            .filter(function (n, i, all) { return all.indexOf(n) === i; }).join(", ")]));
        }
        box.appendChild(el("ul", null, outcome.checks.map(function (c) {
          var relation = c.status === "pass" ? (c.limit.strict ? " < " : " ≤ ") : (c.limit.strict ? " ≥ " : " > ");
          return el("li", { class: "ng-" + c.status }, [
            el("span", { class: "ng-mark", "aria-hidden": "true", text: MARKS[c.status] + " " }),
            el("strong", { text: c.limit.name }), ": 필요 " + show(c.field, c.value) + relation + "한도 " + c.limit.value,
            c.status === "soft" ? " (기본값이라 늘릴 수 있음)" : "",
            el("span", { class: "ng-quote-text" }, ["원문: “", c.limit.text, "” "]),
            ng.link(c.limit.url, c.limit.where + " · " + c.limit.line + "행", "ng-source")
          ]);
        })));
        if (outcome.unknown.length) {
          box.appendChild(el("p", { class: "ng-meta", text: "노트에 한도가 없어 판단하지 못한 항목: " + outcome.unknown.join(", ") }));
        }
        results.appendChild(box);
      });
    }

    function loadExercise(exercise) {
      fit.fields.forEach(function (field) {
        var v = exercise.values[field.id];
        if (v > 0) {
          var scale = bestScale(field, v);
          inputs[field.id].unit.value = String(scale[1]);
          inputs[field.id].amount.value = String(Math.round(v / scale[1] * 100) / 100);
        } else {
          inputs[field.id].amount.value = "";
        }
      });
      Object.keys(boxes).forEach(function (id) { boxes[id].checked = exercise.options.indexOf(id) >= 0; });
      ng.clear(exerciseInfo);
      append(exerciseInfo, ["노트의 판단: ", el("strong", { text: exercise.fits ? "적합" : "부적합" }), " — “", exercise.text, "” ",
        ng.link(exercise.url, exercise.where + " · " + exercise.line + "행", "ng-source")]);
      render();
    }

    container.addEventListener("input", function (event) {
      if (event.target === filter) {
        var forms = ng.queryForms(filter.value);
        optionBox.querySelectorAll("label").forEach(function (label) {
          var name = label.getAttribute("data-name");
          label.hidden = forms.length > 0 && !forms.some(function (f) { return name.indexOf(f) >= 0; });
        });
        return;
      }
      render();
    });
    container.addEventListener("change", render);
    clear.addEventListener("click", function () {
      Object.keys(boxes).forEach(function (id) { boxes[id].checked = false; });
      render();
    });
    render();
  }

  ng.fitcheck = { mount: mount, evaluate: evaluate };
})();
