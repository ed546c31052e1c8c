// The title search of a folder copy (kidwiki export html): it works from file://, where a page may
// not fetch anything, so the titles come from titles.js, loaded by a <script> tag before this
// one, as window.kidwikiTitles = [[title, path], ...] (a redirect's title with its target's path).
// Titles match from their start, without regard to case or accents ("ele" finds "Éléphant").
(function () {
  "use strict";
  var kMaxResults = 12;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/_/g, " ");
  }

  function start() {
    var box = document.getElementById("search-box");
    var list = document.getElementById("search-results");
    var form = box && box.closest(".offline-search");
    if (!box || !list || !form || !window.kidwikiTitles) return;
    var root = form.getAttribute("data-root") || "./";
    var none = form.getAttribute("data-none") || "";
    var titles = window.kidwikiTitles.map(function (entry) {
      return { title: entry[0], path: entry[1], key: fold(entry[0]) };
    });

    function item(content) {
      var li = document.createElement("li");
      li.appendChild(content);
      return li;
    }

    function show() {
      var query = fold(box.value.trim());
      list.textContent = "";
      if (!query) {
        list.hidden = true;
        return;
      }
      var found = titles.filter(function (t) { return t.key.indexOf(query) === 0; });
      found.slice(0, kMaxResults).forEach(function (t) {
        var a = document.createElement("a");
        a.href = root + t.path.split("/").map(encodeURIComponent).join("/");
        a.textContent = t.title;
        list.appendChild(item(a));
      });
      if (!found.length) list.appendChild(item(document.createTextNode(none)));
      list.hidden = false;
    }

    box.addEventListener("input", show);
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
