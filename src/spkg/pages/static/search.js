// The home page's search box. On the server: names from /search.json?q= fill the <datalist>
// (the form itself is a plain GET to /search and works without this file). In the static site
// there is no server: this file loads the site's search.json once, shows the form, and lists
// the things whose names contain the text.
(function () {
  "use strict";
  var form = document.getElementById("search");
  var input = document.getElementById("search-text");
  var list = document.getElementById("search-suggestions");
  if (!form || !input || !list) { return; }
  var indexUrl = form.getAttribute("data-index");

  function fill(hits) {
    list.textContent = "";
    hits.slice(0, 10).forEach(function (hit) {
      var option = document.createElement("option");
      option.value = hit.matched || hit.label;
      option.label = hit.label + " (" + hit.kind + ")";
      list.appendChild(option);
    });
  }

  if (indexUrl) {  // the static site
    var entries = null;
    var shown = document.getElementById("static-hits");
    var find = function (text) {
      var needle = text.trim().toLowerCase();
      var hits = [];
      if (!needle || !entries) { return hits; }
      entries.forEach(function (entry) {
        var best = null;
        entry.names.forEach(function (name) {
          var lowered = name.toLowerCase();
          var rank = lowered === needle ? 0 : lowered.indexOf(needle) === 0 ? 1 :
            lowered.indexOf(needle) >= 0 ? 2 : -1;
          if (rank >= 0 && (best === null || rank < best.rank)) { best = { rank: rank, name: name }; }
        });
        if (best !== null) {
          hits.push({ rank: best.rank, label: entry.label, kind: entry.kind, href: entry.href,
                      matched: best.name === entry.label ? "" : best.name });
        }
      });
      hits.sort(function (a, b) { return a.rank - b.rank || a.label.localeCompare(b.label); });
      return hits;
    };
    fetch(indexUrl).then(function (response) { return response.json(); }).then(function (data) {
      entries = data;
      form.hidden = false;
    }).catch(function () { /* opened from disk: browsers refuse the fetch; no search then */ });
    input.addEventListener("input", function () { fill(find(input.value)); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      shown.textContent = "";
      find(input.value).slice(0, 50).forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = hit.href.replace(/^\//, "") + "/index.html";
        link.textContent = hit.label;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" (" + hit.kind + (hit.matched ? ", as " + hit.matched : "") + ")"));
        shown.appendChild(item);
      });
      if (!shown.firstChild) { shown.textContent = "Nothing found."; }
    });
    return;
  }

  var timer = null;
  var asked = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = input.value.trim();
      if (text.length < 2 || text === asked) { return; }
      asked = text;
      fetch("/search.json?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (hits) { if (text === asked) { fill(hits); } })
        .catch(function () { /* suggestions are a convenience: the form still works */ });
    }, 200);
  });
}());
