// The query page: YASGUI when it was vendored, a textarea and a plain results table otherwise.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("query-config").textContent);
  const stored = JSON.parse(document.getElementById("stored-query-data").textContent);
  const byName = Object.fromEntries(stored.map((q) => [q.name, q.text]));
  let setQuery;

  if (window.Yasgui) {
    const yasgui = new window.Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint: config.endpoint, method: "POST" },
      copyEndpointOnNewTab: false,
      persistenceId: null,
    });
    setQuery = (text) => yasgui.getTab().setQuery(text);
    window.spkgYasgui = yasgui;
  } else {
    const textarea = document.getElementById("query-text");
    const form = document.getElementById("fallback-form");
    setQuery = (text) => { textarea.value = text; };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      runFallback(textarea.value);
    });
  }

  function cell(binding) {
    const td = document.createElement("td");
    if (!binding) return td;
    if (binding.type === "uri") {
      const a = document.createElement("a");
      const local = binding.value.startsWith(config.base) ? "/" + binding.value.slice(config.base.length) : null;
      a.href = local && local.startsWith("/id/") ? local : binding.value;
      a.textContent = binding.value;
      td.appendChild(a);
    } else {
      td.textContent = binding.value;  // textContent: never parsed as HTML
    }
    return td;
  }

  async function runFallback(text) {
    const results = document.getElementById("results");
    results.textContent = "Running…";
    const response = await fetch(config.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: "application/sparql-results+json" },
      body: text,
    });
    const body = await response.text();
    results.textContent = "";
    if (!response.ok) {
      const pre = document.createElement("pre");
      pre.className = "error";
      pre.textContent = response.status + " " + body;
      results.appendChild(pre);
      return;
    }
    const data = JSON.parse(body);
    if (data.boolean !== undefined) { results.textContent = String(data.boolean); return; }
    const table = document.createElement("table");
    table.id = "results-table";
    const head = table.createTHead().insertRow();
    data.head.vars.forEach((v) => { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
    const tbody = table.createTBody();
    data.results.bindings.forEach((row) => {
      const tr = tbody.insertRow();
      data.head.vars.forEach((v) => tr.appendChild(cell(row[v])));
    });
    if (data.truncated) {
      const p = document.createElement("p");
      p.className = "note";
      p.textContent = "The result was cut at the row limit.";
      results.appendChild(p);
    }
    results.appendChild(table);
  }

  document.querySelectorAll("a.stored-query").forEach((link) => {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      setQuery(byName[link.dataset.name]);
    });
  });
  const wanted = new URLSearchParams(window.location.search).get("stored");
  if (wanted && byName[wanted]) setQuery(byName[wanted]);
})();
