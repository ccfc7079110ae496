// Search, as an enhancement: filters the build's index of this language in the browser.
// Without JavaScript the page lists the browsing pages instead. Nothing leaves the site.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var results = document.getElementById("results");
  if (!form || !results || !window.fetch) { return; }
  var input = form.querySelector("input[name=q]");
  var note = document.querySelector(".no-js-note");
  if (note) { note.parentNode.removeChild(note); }
  var index = null;

  // The same folding as the build (src/search.rs): lowercase, Serbian Cyrillic to Latin,
  // no diacritics, single spaces.
  var CYR = { "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ж": "z", "з": "z", "и": "i",
    "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz", "ш": "s" };
  function fold(text) {
    var lower = text.toLowerCase().replace(/đ/g, "dj");
    var latin = "";
    for (var i = 0; i < lower.length; i++) { var c = lower[i]; latin += CYR[c] !== undefined ? CYR[c] : c; }
    return latin.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function show(query) {
    var words = fold(query).split(" ").filter(function (w) { return w.length > 0; });
    while (results.firstChild) { results.removeChild(results.firstChild); }
    if (words.length === 0) { return; }
    var hits = index.filter(function (e) { return words.every(function (w) { return e.f.indexOf(w) !== -1; }); });
    var summary = document.createElement("p");
    summary.textContent = hits.length === 0 ? results.dataset.none : results.dataset.count.replace("COUNT", String(hits.length));
    results.appendChild(summary);
    var list = document.createElement("ol");
    hits.slice(0, 100).forEach(function (e) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = e.u;
      link.textContent = e.t;
      item.appendChild(link);
      if (e.s) {
        var snippet = document.createElement("p");
        snippet.textContent = e.s.length >= 160 ? e.s + "…" : e.s;
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function run(query) {
    if (index) { show(query); return; }
    // The index comes in parts (one per top folder of the site), listed in data-index.
    var parts = form.dataset.index.split(" ").filter(function (u) { return u.length > 0; });
    Promise.all(parts.map(function (url) {
      return fetch(url).then(function (r) { return r.json(); });
    })).then(function (lists) {
      index = [].concat.apply([], lists);
      show(query);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    run(query);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
