// Draw each <figure class="chart"> with Chart.js from the table inside it: the labels are the
// row headers, one bar series per value column. The table stays on the page (it is the chart's
// fallback and its keyboard- and screen-reader-readable form), so the two cannot disagree.
"use strict";

(function () {
  // Okabe–Ito colours (told apart with any colour vision), each with its own fill pattern and
  // a dark outline (3:1 against the page), so no series is known by its colour alone.
  var COLOURS = ["#0072B2", "#E69F00", "#D55E00", "#009E73", "#CC79A7"];
  var PATTERNS = ["solid", "stripes", "cross", "dots", "stripes"];

  function pattern(colour, kind) {
    if (kind === "solid") return colour;
    var tile = document.createElement("canvas");
    tile.width = tile.height = 8;
    var pen = tile.getContext("2d");
    pen.fillStyle = colour;
    pen.fillRect(0, 0, 8, 8);
    pen.strokeStyle = "rgba(255,255,255,0.85)";
    pen.fillStyle = "rgba(255,255,255,0.85)";
    pen.lineWidth = 2;
    pen.beginPath();
    if (kind === "stripes" || kind === "cross") {
      pen.moveTo(0, 8); pen.lineTo(8, 0);
      pen.moveTo(-2, 2); pen.lineTo(2, -2);
      pen.moveTo(6, 10); pen.lineTo(10, 6);
    }
    if (kind === "cross") {
      pen.moveTo(0, 0); pen.lineTo(8, 8);
      pen.moveTo(6, -2); pen.lineTo(10, 2);
      pen.moveTo(-2, 6); pen.lineTo(2, 10);
    }
    pen.stroke();
    if (kind === "dots") {
      pen.beginPath(); pen.arc(4, 4, 1.6, 0, 2 * Math.PI); pen.fill();
    }
    return pen.createPattern(tile, "repeat");
  }

  function readTable(table) {
    var series = Array.prototype.slice.call(table.querySelectorAll("thead th"), 1)
      .map(function (th) { return th.textContent.trim(); });
    var labels = [];
    var values = series.map(function () { return []; });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      labels.push(row.querySelector("th").textContent.trim());
      row.querySelectorAll("td[data-value]").forEach(function (cell, i) {
        values[i].push(Number(cell.getAttribute("data-value")));
      });
    });
    return { labels: labels, series: series, values: values };
  }

  function draw(figure) {
    var table = figure.querySelector("table.chart-data");
    var holder = figure.querySelector(".chart-canvas");
    if (!table || !holder) return;
    var data = readTable(table);
    var horizontal = figure.hasAttribute("data-horizontal");
    var stacked = figure.hasAttribute("data-stacked");
    var colours = (figure.getAttribute("data-colours") || "").split(" ").filter(Boolean);
    if (!colours.length) colours = COLOURS;
    var canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-labelledby", figure.id + "-caption");
    canvas.textContent = figure.querySelector(".summary").textContent;
    holder.style.height = Math.max(160, data.labels.length * (horizontal ? 30 : 0) + 90) + "px";
    holder.appendChild(canvas);
    holder.hidden = false;
    var chart = new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (name, i) {
          return {
            label: name, data: data.values[i],
            backgroundColor: pattern(colours[i % colours.length], PATTERNS[i % PATTERNS.length]),
            borderColor: "#1a1a1a", borderWidth: 1
          };
        })
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        animation: false,  // no motion; and a screenshot shows the finished chart
        maintainAspectRatio: false,
        responsive: true,
        scales: {
          x: { stacked: stacked, beginAtZero: true, ticks: { precision: 0, color: "#1a1a1a" } },
          y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0, color: "#1a1a1a" } }
        },
        plugins: {
          // the legend only names the series: nothing a mouse can do that a keyboard cannot
          legend: { display: data.series.length > 1, onClick: function () {},
                    labels: { color: "#1a1a1a" } }
        }
      }
    });
    figure.setAttribute("data-drawn", "true");
    return chart;
  }

  function start() {
    if (typeof window.Chart !== "function") return;  // not vendored: the tables stand alone
    window.Chart.defaults.color = "#1a1a1a";
    document.querySelectorAll("figure.chart[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
