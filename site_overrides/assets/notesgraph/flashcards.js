/* notesgraph flashcards: limits as questions, ==highlights== as cloze cards.

   Cards and decks come from assets/generated/graph/review.json (reviewdata.py). What the
   user knows is kept in localStorage (scoped to the site, like Material's own settings):
   { known: {cardId: time}, again: {cardId: count} }, so progress survives reloads and new
   builds (card ids are graph node ids). */
(function () {
  "use strict";
  var ng = window.ngMaps;
  var el = ng.el, append = ng.append;

  function mount(container) {
    container.appendChild(el("p", { class: "ng-status", text: "카드를 불러오는 중…" }));
    ng.json(ng.GRAPH + "review.json").then(function (data) {
      ng.clear(container);
      build(container, data);
    }).catch(function (error) { ng.fail(container, error); });
  }

  function build(container, data) {
    var progress = ng.load("cards", null) || { known: {}, again: {} };
    var decks = data.decks;
    var deck = decks.filter(function (d) { return d.id === ng.load("deck", "all"); })[0] || decks[0];
    var queue = [], revealed = false;

    var select = el("select", { "aria-label": "덱 고르기" }, decks.map(function (d) {
      return el("option", { value: d.id, text: d.label + " (" + d.cards.length + ")" });
    }));
    select.value = deck.id;
    var count = el("p", { class: "ng-status", role: "status" });
    var bar = el("span");
    var kind = el("p", { class: "ng-meta" });
    var question = el("div", { class: "ng-card-question" });
    var answer = el("div", { class: "ng-card-answer", hidden: true });
    var card = el("div", { class: "ng-card", tabindex: "0", "aria-live": "polite",
      "aria-label": "카드. 스페이스: 정답 보기, 1: 알아요, 2: 다시" }, [kind, question, answer]);
    var reveal = el("button", { type: "button", class: "ng-button ng-primary", text: "정답 보기" });
    var know = el("button", { type: "button", class: "ng-button", text: "알아요", disabled: true });
    var again = el("button", { type: "button", class: "ng-button", text: "다시", disabled: true });
    var shuffle = el("button", { type: "button", class: "ng-button", text: "섞기" });
    var reset = el("button", { type: "button", class: "ng-button", text: "진행 초기화" });
    var wrapper = el("div", { class: "ng-cards" });
    append(container, append(wrapper, [
      el("div", { class: "ng-toolbar" }, [el("label", null, ["덱 ", select]), shuffle, reset]),
      count, el("div", { class: "ng-progress", "aria-hidden": "true" }, bar), card,
      el("div", { class: "ng-card-actions" }, [reveal, know, again]),
      el("p", { class: "ng-meta", text: "단축키: 스페이스 = 정답 보기, 1 = 알아요, 2 = 다시" })
    ]));

    function save() { ng.save("cards", progress); }
    function knownIn(d) { return d.cards.filter(function (c) { return progress.known[data.cards[c].id]; }).length; }

    function start() {
      queue = deck.cards.filter(function (c) { return !progress.known[data.cards[c].id]; });
      show();
    }
    function show() {
      revealed = false;
      var known = knownIn(deck);
      count.textContent = "알아요 " + known + " / " + deck.cards.length + " · 남은 카드 " + queue.length;
      bar.style.width = (deck.cards.length ? 100 * known / deck.cards.length : 0) + "%";
      ng.clear(question);
      ng.clear(answer);
      ng.clear(kind);
      answer.hidden = true;
      know.disabled = again.disabled = true;
      if (!queue.length) {
        kind.textContent = deck.label;
        question.textContent = deck.cards.length ? "이 덱의 카드를 모두 알아요!" : "이 덱에는 카드가 없습니다.";
        reveal.disabled = true;
        return;
      }
      reveal.disabled = false;
      var c = data.cards[queue[0]];
      if (c.type === "limit") {
        kind.textContent = "한도";
        question.textContent = c.q;
        append(answer, [el("p", null, el("strong", { text: c.a })),
          el("p", { class: "ng-quote-text" }, ["원문: ", c.quote]), ng.link(c.url, c.where + " · " + c.line + "행", "ng-source")]);
      } else {
        kind.textContent = "빈칸 채우기 · " + c.where;
        question.appendChild(ng.marked(c.before + c.answer + c.after, c.before.length,
          c.before.length + c.answer.length, true));
        append(answer, [el("p", null, ng.marked(c.before + c.answer + c.after, c.before.length,
          c.before.length + c.answer.length, false)), el("p", null, ["정답: ", el("strong", { text: c.answer })]),
          ng.link(c.url, c.where + " · " + c.line + "행", "ng-source")]);
      }
    }
    function flip() {
      if (!queue.length) return;
      revealed = true;
      answer.hidden = false;
      know.disabled = again.disabled = false;
      know.focus();
    }
    function grade(knew) {
      if (!revealed || !queue.length) return;
      var index = queue.shift(), id = data.cards[index].id;
      if (knew) progress.known[id] = Date.now();
      else { progress.again[id] = (progress.again[id] || 0) + 1; queue.push(index); }
      save();
      show();
      card.focus();
    }

    reveal.addEventListener("click", flip);
    know.addEventListener("click", function () { grade(true); });
    again.addEventListener("click", function () { grade(false); });
    shuffle.addEventListener("click", function () {
      for (var i = queue.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1)), t = queue[i];
        queue[i] = queue[j];
        queue[j] = t;
      }
      show();
    });
    reset.addEventListener("click", function () {
      deck.cards.forEach(function (c) { delete progress.known[data.cards[c].id]; delete progress.again[data.cards[c].id]; });
      save();
      start();
      count.textContent += " · 진행을 초기화했습니다.";
    });
    select.addEventListener("change", function () {
      deck = decks.filter(function (d) { return d.id === select.value; })[0] || decks[0];
      ng.save("deck", deck.id);
      start();
    });
    wrapper.addEventListener("keydown", function (event) {
      if (/^(SELECT|INPUT|TEXTAREA)$/.test(event.target.tagName)) return;
      if (event.target === card && (event.key === " " || event.key === "Enter")) { event.preventDefault(); flip(); }
      else if (event.key === "1") grade(true);
      else if (event.key === "2") grade(false);
    });
    start();
  }

  ng.flashcards = { mount: mount };
})();
