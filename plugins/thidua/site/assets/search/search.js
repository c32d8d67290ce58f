/* The /tra-cuu/ page: loads the manifest, fetches only the index shards the query words fall in, ranks with rank.js
   (lunr's scoring over the postings search.py builds), narrows by facets and renders results. All state lives in the
   query string (?q=…&loai=…&dia-phuong=…&phong-trao=…&nam=…): typing replaces the history entry, a submitted search or
   a facet pushes a new one, Back restores. Everything printed from the index goes through textContent: entry data is
   untrusted. */
(function () {
  "use strict";

  var T = window.thiduaText, R = window.thiduaRank;
  var root = document.getElementById("td-search");
  if (!root || !T || !R) return;

  var FACETS = [
    { param: "loai", legend: "Loại" },
    { param: "dia-phuong", legend: "Địa phương" },
    { param: "phong-trao", legend: "Phong trào" },
    { param: "nam", legend: "Năm" }
  ];
  var PAGE = 10, FACET_SHOWN = 8;
  var manifestUrl = root.getAttribute("data-manifest");
  var siteRoot = root.getAttribute("data-site-root").replace(/\/?$/, "/");
  var indexBase = manifestUrl.replace(/[^\/]*$/, "");
  var form = document.getElementById("td-search-form");
  var input = document.getElementById("td-q");
  var status = document.getElementById("td-status");
  var list = document.getElementById("td-results");
  var more = document.getElementById("td-more");
  var facetBox = document.getElementById("td-facets");
  var heading = document.getElementById("td-results-heading");

  var manifest = null, docValues = null, facetsReady = null, kindLabels = {}, labels = {}, samples = {};
  var shardCache = {}, chunkCache = {};
  var state = readUrl(), current = { ids: [], shown: 0 }, run = 0, expanded = {};

  // ----- state <-> URL --------------------------------------------------------------------------------------
  function readUrl() {
    var params = new URLSearchParams(window.location.search), s = { q: params.get("q") || "", f: {} };
    FACETS.forEach(function (facet) { s.f[facet.param] = params.getAll(facet.param).filter(Boolean); });
    return s;
  }

  function urlOf(s) {
    var params = new URLSearchParams();
    if (s.q.trim()) params.set("q", s.q.trim());
    FACETS.forEach(function (facet) { s.f[facet.param].forEach(function (v) { params.append(facet.param, v); }); });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function commit(mode) {
    var url = urlOf(state);
    if (mode === "push" && url !== window.location.pathname + window.location.search) {
      window.history.pushState(null, "", url);
    } else if (mode === "replace") {
      window.history.replaceState(null, "", url);
    }
  }

  // ----- loading ------------------------------------------------------------------------------------------
  function getJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  /** The manifest (shards, chunks, kinds); the facet table is requested at once but waited for only where needed. */
  function loadManifest() {
    return getJson(manifestUrl).then(function (m) {
      manifest = m;
      m.kinds.forEach(function (k) { kindLabels[k[0]] = k[1]; });
      ((m.doc && m.doc.s) || []).forEach(function (n) { samples[n] = true; });
      labels = { "loai": kindLabels, "dia-phuong": {}, "phong-trao": {}, "nam": {} };
      facetsReady = getJson(indexBase + m.facets).then(function (f) {
        f.places.forEach(function (p) { labels["dia-phuong"][p[0]] = p[1]; });
        f.movements.forEach(function (p) { labels["phong-trao"][p[0]] = p[1]; });
        var values = [];
        for (var i = 0; i < m.count; i++) {
          values.push({
            "loai": [m.kinds[f.doc.k[i]][0]],
            "dia-phuong": f.doc.p[i].map(function (n) { return f.places[n][0]; }),
            "phong-trao": f.doc.m[i].map(function (n) { return f.movements[n][0]; }),
            "nam": f.doc.y[i] ? [String(f.doc.y[i])] : []
          });
        }
        docValues = values;
      });
    });
  }

  function shardFor(word) {
    var key = T.fold(word), shards = manifest.shards, lo = 0, hi = shards.length - 1;
    while (lo < hi) {  // the last shard whose first key is <= key
      var mid = (lo + hi + 1) >> 1;
      if (shards[mid][0] <= key) lo = mid; else hi = mid - 1;
    }
    return shards[lo][1];
  }

  /** A shard, parsed and prepared; `arrived` is when its last byte came, before parsing (the timing counts parsing). */
  function loadShard(file) {
    if (!shardCache[file]) {
      shardCache[file] = fetch(indexBase + file).then(function (response) {
        if (!response.ok) throw new Error(file + ": " + response.status);
        return response.text();
      }).then(function (text) {
        var arrived = performance.now();
        return { terms: R.prepare(JSON.parse(text)), arrived: arrived };
      });
    }
    return shardCache[file];
  }

  function loadChunk(n) {
    if (!chunkCache[n]) chunkCache[n] = getJson(indexBase + manifest.chunks[n]);
    return chunkCache[n];
  }

  // ----- searching ----------------------------------------------------------------------------------------
  /** The query's words as the index has them (canonical), in order, repeats kept: the pairs come from these. */
  function querySequence(q) {
    return T.words(q).map(T.canonical).filter(Boolean);
  }

  function queryWords(q) {
    var seen = {}, out = [];
    querySequence(q).forEach(function (c) {
      if (!seen[c]) { seen[c] = true; out.push(c); }
    });
    return out;
  }

  /** A test of an entry number against the chosen facets (but `except`), or null when none is chosen. */
  function facetTest(except) {
    var active = FACETS.filter(function (f) { return f.param !== except && state.f[f.param].length; });
    if (!active.length) return null;
    return function (n) {
      return active.every(function (facet) {
        var chosen = state.f[facet.param];
        return docValues[n][facet.param].some(function (v) { return chosen.indexOf(v) >= 0; });
      });
    };
  }

  function search(mode) {
    var mine = ++run, words = queryWords(state.q), phrase = R.pairs(querySequence(state.q)), started = performance.now();
    root.setAttribute("data-state", "loading");
    commit(mode);
    var ready = manifest ? Promise.resolve() : loadManifest();
    ready.then(function () {
      var files = [];
      words.concat(phrase).forEach(function (w) { var f = shardFor(w); if (files.indexOf(f) < 0) files.push(f); });
      files.sort();
      var filtered = FACETS.some(function (f) { return state.f[f.param].length; });
      // Facets chosen: the entries must be filtered before the first is shown, so the table is waited for.
      var loads = files.map(loadShard).concat(filtered ? [facetsReady] : []);
      return Promise.all(loads).then(function (shards) {
        if (mine !== run) return;
        shards = shards.slice(0, files.length);
        var arrived = Math.max.apply(null, [started].concat(shards.map(function (s) { return s.arrived; }))), found;
        if (words.length === 0) {
          found = { ids: [], partial: false };
          for (var n = 0; n < manifest.count; n++) found.ids.push(n);
        } else {
          found = R.rank(words, T.fold, function (term) {
            for (var i = 0; i < shards.length; i++) if (shards[i].terms[term]) return shards[i].terms[term];
            return null;
          }, manifest.count, phrase, manifest.pairBoost);
        }
        var ranked = performance.now();
        var test = facetTest(null), ids = test ? found.ids.filter(test) : found.ids;
        current = { ids: ids, shown: 0, words: words, partial: found.partial, base: found.ids };
        // Results first, then the facets: the first result does not wait for counting over every match.
        var rendered = null;
        return showMore(true, function () { rendered = performance.now(); }).then(function () {
          if (rendered === null) rendered = performance.now();  // no results: the empty list is what is shown
          return facetsReady;
        }).then(function () {
          if (mine !== run) return;
          renderFacets();
          announce();
          window.thiduaSearchTiming = { q: state.q, started: started, arrived: arrived, ranked: ranked,
                                        rendered: rendered, done: performance.now(), shards: files.length,
                                        results: ids.length };
          root.setAttribute("data-state", "ready");
        });
      });
    }).catch(function (error) {
      if (mine !== run) return;
      status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy tải lại trang và thử lại.";
      root.setAttribute("data-state", "error");
      if (window.console) console.warn(error);
    });
  }

  function announce() {
    var n = current.ids.length, q = state.q.trim(), filtered = FACETS.some(function (f) { return state.f[f.param].length; });
    var text;
    if (!q) {
      text = n + " mục" + (filtered ? " theo bộ lọc đã chọn" : " trên cổng thông tin") + ". Nhập từ khóa để tìm.";
    } else if (!current.words.length) {
      text = "“" + q + "” không có chữ hay số nào để tìm. Đang hiện " + n + " mục" +
        (filtered ? " theo bộ lọc đã chọn" : " trên cổng thông tin") + "; hãy gõ từ khóa bằng chữ hoặc số.";
    } else if (n === 0) {
      text = "Không tìm thấy kết quả cho “" + q + "”" + (filtered ? " với bộ lọc đã chọn" : "") + ".";
    } else {
      text = "Tìm thấy " + n + " kết quả cho “" + q + "”" + (filtered ? " (đã lọc)" : "") + "." +
        (current.partial ? " Không mục nào có đủ mọi từ; đây là các mục có một phần." : "");
    }
    status.textContent = text;
  }

  // ----- rendering ----------------------------------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function isWordChar(ch) { return T.isWordChar(ch); }  // the build's word characters (chardata.py)

  /** Ranges [start, end) of `text` where a query word stands as a whole word, compared without diacritics. */
  function hits(text, words) {
    var folded = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = T.fold(text.charAt(i));
      for (var j = 0; j < f.length; j++) { folded += f.charAt(j); map.push(i); }
    }
    map.push(text.length);
    var ranges = [];
    words.forEach(function (w) {
      var needle = T.fold(w), from = 0, at;
      if (!needle) return;
      while ((at = folded.indexOf(needle, from)) >= 0) {
        var end = at + needle.length;
        if ((at === 0 || !isWordChar(folded.charAt(at - 1))) && (end === folded.length || !isWordChar(folded.charAt(end)))) {
          ranges.push([map[at], map[end]]);
        }
        from = at + 1;
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    return ranges.reduce(function (out, r) {
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else out.push(r.slice());
      return out;
    }, []);
  }

  function highlighted(node, text, words) {
    var at = 0;
    hits(text, words).forEach(function (r) {
      node.appendChild(document.createTextNode(text.slice(at, r[0])));
      node.appendChild(el("mark", null, text.slice(r[0], r[1])));
      at = r[1];
    });
    node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  /** About 220 characters of the excerpt, around the first match when there is one. */
  function excerpt(text, words) {
    if (!text) return "";
    var first = hits(text, words)[0], start = 0;
    if (first && first[0] > 100) {
      start = text.lastIndexOf(" ", first[0] - 60);
      start = start < 0 ? 0 : start + 1;
    }
    var end = Math.min(text.length, start + 220);
    if (end < text.length) { var cut = text.lastIndexOf(" ", end); if (cut > start + 120) end = cut; }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function resultItem(n, row) {
    var li = el("li", "td-result"), words = current.words || [];
    var kind = manifest.kinds[row[6]];
    li.appendChild(el("span", "td-result__kind td-kind-" + kind[0], kind[1]));
    if (samples[n]) li.appendChild(el("span", "td-sample-tag", "Dữ liệu mẫu"));
    var title = el("h3", "td-result__title"), link = el("a");
    link.href = siteRoot + row[0];
    highlighted(link, row[1], words);
    title.appendChild(link);
    li.appendChild(title);
    var meta = el("p", "td-result__meta");
    [[row[2], "td-number"], [row[3], "td-place"], [row[4], "td-date"]].filter(function (p) { return p[0]; })
      .forEach(function (p, i) {
        if (i) meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(highlighted(el("span", p[1]), p[0], words));
      });
    li.appendChild(meta);
    var text = excerpt(row[5], words);
    if (text) li.appendChild(highlighted(el("p", "td-result__excerpt"), text, words));
    return li;
  }

  /**
   * The next page of results (the first when `reset`). The chunks with their titles are all requested at once, and
   * each result is shown as soon as it and those above it have arrived, so the first one waits for one chunk only.
   * `onFirst` runs when the first is on screen. Nothing is drawn once a newer search (`run`) has started.
   */
  function showMore(reset, onFirst) {
    var mine = run, from = reset ? 0 : current.shown, ids = current.ids.slice(from, from + PAGE);
    var rows = ids.map(function (n) { return loadChunk(Math.floor(n / manifest.chunk)); });
    if (reset && !ids.length) list.textContent = "";
    var shown = Promise.resolve();
    ids.forEach(function (n, i) {
      shown = shown.then(function () { return rows[i]; }).then(function (chunk) {
        if (mine !== run) return;
        if (reset && i === 0) list.textContent = "";
        list.appendChild(resultItem(n, chunk[n % manifest.chunk]));
        if (i === 0 && onFirst) onFirst();
      });
    });
    return shown.then(function () {
      if (mine !== run) return;
      current.shown = from + ids.length;
      more.hidden = current.shown >= current.ids.length;
    });
  }

  function renderFacets() {
    var active = document.activeElement, focus = active && active.type === "checkbox" && facetBox.contains(active)
      ? [active.name, active.value] : null;
    FACETS.forEach(function (facet) {
      var counts = {}, chosen = state.f[facet.param], test = facetTest(facet.param);
      current.base.forEach(function (n) {
        if (test && !test(n)) return;
        docValues[n][facet.param].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
      });
      var values = Object.keys(counts);
      chosen.forEach(function (v) { if (!(v in counts)) { counts[v] = 0; values.push(v); } });
      values.sort(function (a, b) {
        if (facet.param === "nam") return Number(b) - Number(a);
        return counts[b] - counts[a] || String(labels[facet.param][a] || a).localeCompare(labels[facet.param][b] || b, "vi");
      });
      var box = facetBox.querySelector('[data-facet="' + facet.param + '"]'), ul = box.querySelector("ul");
      var toggle = box.querySelector("button");
      var limit = expanded[facet.param] ? values.length : FACET_SHOWN;
      var shown = values.filter(function (v, i) { return i < limit || chosen.indexOf(v) >= 0; });
      ul.textContent = "";
      box.hidden = values.length === 0;
      shown.forEach(function (v) {
        var li = el("li"), label = el("label"), box2 = el("input");
        box2.type = "checkbox";
        box2.name = facet.param;
        box2.value = v;
        box2.checked = chosen.indexOf(v) >= 0;
        label.appendChild(box2);
        label.appendChild(el("span", "td-facet__label", (labels[facet.param][v] || v)));
        label.appendChild(el("span", "td-facet__count", String(counts[v])));
        li.appendChild(label);
        ul.appendChild(li);
      });
      toggle.hidden = values.length <= FACET_SHOWN;
      toggle.textContent = expanded[facet.param] ? "Thu gọn" : "Xem tất cả (" + values.length + ")";
      toggle.setAttribute("aria-expanded", expanded[facet.param] ? "true" : "false");
    });
    // The boxes were rebuilt: keep keyboard focus on the one the person just toggled.
    if (focus) {
      var again = [].filter.call(facetBox.querySelectorAll("input"), function (b) {
        return b.name === focus[0] && b.value === focus[1];
      })[0];
      if (again) again.focus();
    }
  }

  // ----- events -------------------------------------------------------------------------------------------
  var typing = null;
  input.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(function () { state.q = input.value; search("replace"); }, 250);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typing);
    state.q = input.value;
    search("push");
  });
  facetBox.addEventListener("change", function (event) {
    var target = event.target;
    if (!target || target.type !== "checkbox") return;
    var chosen = state.f[target.name];
    if (target.checked && chosen.indexOf(target.value) < 0) chosen.push(target.value);
    if (!target.checked) state.f[target.name] = chosen.filter(function (v) { return v !== target.value; });
    state.q = input.value;
    search("push");
  });
  facetBox.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-toggle]");
    if (!button) return;
    var param = button.getAttribute("data-toggle");
    expanded[param] = !expanded[param];
    renderFacets();
  });
  more.addEventListener("click", function () {
    var first = current.shown;
    showMore(false).then(function () {
      var next = list.children[first];
      if (next) { var a = next.querySelector("a"); if (a) a.focus(); }
    });
  });
  window.addEventListener("popstate", function () {
    state = readUrl();
    input.value = state.q;
    search(null);
  });

  // Folded on a phone, so results start right under the box; open beside the results on a wide screen.
  if (window.matchMedia && window.matchMedia("(min-width: 60em)").matches) facetBox.open = true;
  input.value = state.q;
  search(null);
})();
