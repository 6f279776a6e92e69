// Suggestions for the home page's search box: names from /search.json fill its <datalist>.
// The form works without this file (a GET to /search).
(function () {
  "use strict";
  var input = document.getElementById("search-text");
  var list = document.getElementById("search-suggestions");
  if (!input || !list) { return; }
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
        .then(function (hits) {
          if (text !== asked) { return; }
          list.textContent = "";
          hits.forEach(function (hit) {
            var option = document.createElement("option");
            option.value = hit.matched || hit.label;
            option.label = hit.label + " (" + hit.kind + ")";
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are a convenience: the form still works */ });
    }, 200);
  });
}());
