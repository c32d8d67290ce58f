/* Dates that depend on the day the page is read, not the day it was built (issue 19).
   The page's text is the build date's and reads without JavaScript; this redoes it for the reader's day from
   data-td-* attributes (ISO days, compared as text):
   - [data-td-today]: the day's date (dd/mm/yyyy, datetime="yyyy-mm-dd");
   - [data-td-live=window] li[data-td-from][data-td-to]: shown while the window covers the day;
   - [data-td-live=deadline] li[data-td-to]: the first data-td-limit not yet over;
   - [data-td-state-to]: a task's state (quá hạn / đến hạn / sắp tới) from its deadline's days, and the counts
     [data-td-count=state] of the list it is in.
   - .td-tl-chart[data-td-year]: the timeline's day line (.td-tl-today) on the reader's day, in its year only;
   - before printing, folded parts (details.td-fold) open, so paper has them. No network, no dependencies. */
(function () {
  "use strict";
  if (window.tdLiveDates) return;  // a page may load it twice (a plan with its timeline)
  window.tdLiveDates = true;
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function iso(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function addDays(day, n) {
    var p = day.split("-"), d = new Date(+p[0], +p[1] - 1, +p[2] + n);
    return iso(d);
  }
  var now = new Date(), today = iso(now);
  var shown = pad(now.getDate()) + "/" + pad(now.getMonth() + 1) + "/" + now.getFullYear();
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  all("[data-td-today]").forEach(function (t) { t.setAttribute("datetime", today); t.textContent = shown; });

  all("[data-td-live]").forEach(function (box) {
    var items = all("li", box), limit = +(box.getAttribute("data-td-limit") || 0), visible = 0;
    items.forEach(function (li) {
      var from = li.getAttribute("data-td-from"), to = li.getAttribute("data-td-to");
      var on = (!from || from <= today) && (!to || today <= to) && (!limit || visible < limit);
      li.hidden = !on;
      if (on) visible++;
    });
    all("ul", box).forEach(function (ul) { ul.hidden = visible === 0; });
    all("[data-td-empty]", box).forEach(function (p) { p.hidden = visible > 0; });
  });

  var LABELS = { "qua-han": "quá hạn", "den-han": "đến hạn", "sap-toi": "sắp tới" };
  all("[data-td-state-to]").forEach(function (span) {
    var from = span.getAttribute("data-td-state-from"), to = span.getAttribute("data-td-state-to");
    var soon = +(span.getAttribute("data-td-soon") || 7);
    var state = today > to ? "qua-han" : today >= addDays(from, -soon) ? "den-han" : "sap-toi";
    span.className = span.className.replace(/\btd-state-[\w-]+/, "td-state-" + state);
    span.textContent = LABELS[state];
    var item = span.closest("[data-state]");
    if (item) item.setAttribute("data-state", state);
  });
  all("[data-td-counts]").forEach(function (line) {
    var list = document.getElementById(line.getAttribute("data-td-counts"));
    if (!list) return;
    all("[data-td-count]", line).forEach(function (part) {
      var state = part.getAttribute("data-td-count");
      var n = all("[data-state='" + state + "']", list).length;
      part.hidden = n === 0;
      var number = part.querySelector("[data-td-n]");
      if (number) number.textContent = n;
    });
  });
  all("[data-td-as-of]").forEach(function (t) { t.setAttribute("datetime", today); t.textContent = shown; });

  // The timeline's day line: where timeline.py puts it, ((day - 1 January) + 0.5) / days of the year, in percent.
  all(".td-tl-chart[data-td-year]").forEach(function (chart) {
    var year = +chart.getAttribute("data-td-year"), here = year === now.getFullYear();
    var start = Date.UTC(year, 0, 1), days = (Date.UTC(year + 1, 0, 1) - start) / 864e5;
    var day = (Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) - start) / 864e5;
    var left = Math.round((day + 0.5) / days * 100 * 1000) / 1000;
    all(".td-tl-track", chart).forEach(function (track) {
      var line = track.querySelector(".td-tl-today");
      if (!here) { if (line) line.parentNode.removeChild(line); return; }
      if (!line) {
        line = document.createElement("span");
        line.className = "td-tl-today";
        line.setAttribute("aria-hidden", "true");
        track.appendChild(line);
      }
      line.style.left = left + "%";
      line.title = "Ngày " + shown;
    });
  });

  window.addEventListener("beforeprint", function () {
    all("details.td-fold:not([open])").forEach(function (d) { d.setAttribute("open", ""); d.setAttribute("data-td-printed", ""); });
  });
  window.addEventListener("afterprint", function () {
    all("details[data-td-printed]").forEach(function (d) { d.removeAttribute("open"); d.removeAttribute("data-td-printed"); });
  });
})();
