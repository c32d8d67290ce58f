/* /dia-phuong/tra-ma/: find a unit's code by name, with or without diacritics (folded as vntext does). No lookbehind,
   nothing newer than the browsers editors have (Chrome 90, Safari 15). */
(function () {
  "use strict";
  var input = document.getElementById("td-codes-q");
  if (!input) return;
  var rows = document.getElementById("td-codes-rows");
  var count = document.getElementById("td-codes-count");
  var places = null;
  var folded = null;
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function show() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    rows.textContent = "";
    if (!words.length || !places) { count.textContent = ""; return; }
    var shown = 0;
    var total = 0;
    for (var i = 0; i < places.length; i++) {
      var hit = true;
      for (var w = 0; w < words.length; w++) if (folded[i].indexOf(words[w]) < 0) { hit = false; break; }
      if (!hit) continue;
      total++;
      if (shown >= 100) continue;
      var li = document.createElement("li");
      var c = document.createElement("code");
      c.textContent = places[i][0];
      li.appendChild(c);
      var what = document.createElement("span");
      what.textContent = places[i][1] + " · " + (places[i][2] || "đang tồn tại");
      li.appendChild(what);
      rows.appendChild(li);
      shown++;
    }
    count.textContent = total ? (total > shown ? "Có " + total + " đơn vị; đang hiện " + shown + " đầu tiên, gõ thêm để thu hẹp."
      : "Có " + total + " đơn vị.") : "Không tìm thấy đơn vị nào; thử gõ ít chữ hơn.";
  }
  fetch(input.getAttribute("data-source")).then(function (r) { return r.json(); }).then(function (data) {
    places = data;
    folded = data.map(function (row) { return fold(row[1] + " " + row[0]); });
    show();
  });
  input.addEventListener("input", show);
})();
