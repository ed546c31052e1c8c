// Title autocomplete for the search boxes (progressive enhancement: without this file the boxes
// are plain forms that open the results page). Follows the ARIA combobox pattern with a listbox
// popup. Titles come from the server and are only ever inserted with textContent.
(function () {
  "use strict";

  var DEBOUNCE_MS = 120;
  var LIMIT = 8;

  // The address of a title: spaces as underscores, every other byte percent-encoded except the
  // characters titles commonly hold, so that the address is the one the server links to.
  function titleUrl(wikiPath, title, uselang) {
    var segment = encodeURIComponent(title.replace(/ /g, "_")).replace(/%3A/gi, ":");
    return wikiPath + segment + (uselang ? "?uselang=" + encodeURIComponent(uselang) : "");
  }

  function enhance(input, index) {
    var suggestUrl = input.getAttribute("data-suggest");
    var wikiPath = input.getAttribute("data-wiki");
    if (!suggestUrl || (!wikiPath && !input.hasAttribute("data-suggest-fill"))) return;
    var form = input.form;
    var uselangField = form ? form.querySelector('input[name="uselang"]') : null;
    var uselang = uselangField ? uselangField.value : "";
    var listId = "search-suggestions-" + index;

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.appendChild(list);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var titles = [];
    var active = -1;
    var timer = 0;
    var asked = 0;  // number of the latest request; older answers are dropped

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(next) {
      var options = list.children;
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = next;
      if (active < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    // A search box opens the chosen article; a field marked data-suggest-fill (the editor's link
    // panel) takes the title and tells its page with a "change" event.
    function choose(i) {
      if (input.hasAttribute("data-suggest-fill")) {
        input.value = titles[i];
        close();
        input.dispatchEvent(new Event("change", { bubbles: true }));
        return;
      }
      window.location.assign(titleUrl(wikiPath, titles[i], uselang));
    }

    function show(found) {
      titles = found;
      while (list.firstChild) list.removeChild(list.firstChild);
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (titles.length === 0) return close();
      titles.forEach(function (title, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = title;
        // mousedown, not click: the field would lose focus first and close the list.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(i);
        });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function fetchTitles() {
      var prefix = input.value;
      var mine = ++asked;
      if (prefix.trim() === "") return show([]);
      var url = suggestUrl + "?q=" + encodeURIComponent(prefix) + "&limit=" + LIMIT;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { titles: [] }; })
        .then(function (body) {
          if (mine === asked) show(Array.isArray(body.titles) ? body.titles : []);
        })
        .catch(function () {
          if (mine === asked) close();  // offline or refused: the form still works
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchTitles, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && titles.length > 0;
      if (event.key === "ArrowDown" && open) {
        event.preventDefault();
        setActive(active + 1 < titles.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        setActive(active > 0 ? active - 1 : titles.length - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();  // a chosen title opens the article, not the results page
        choose(active);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  var enhanced = 0;
  function start() {
    var inputs = document.querySelectorAll("input[data-suggest]");
    for (var i = 0; i < inputs.length; i++) enhance(inputs[i], enhanced++);
  }

  // For fields made later (the editor's link panel, toolbar.js).
  window.kidwikiSuggest = function (input) { enhance(input, enhanced++); };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
