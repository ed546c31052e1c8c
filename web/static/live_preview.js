// The live preview (issue 12): the page as readers will see it, beside the text box (below it on a
// phone), following the typing. The server renders it (POST /api/v1/render) with the renderer a
// save uses, red and blue links included: there is no second Markdown implementation here. The
// HTML it answers is the server's safe page HTML, as any article shows.
//
// Pace: a render once typing pauses (300 ms), never more than one at a time nor more than one a
// second, which stays within the server's preview limit (60 a minute per account). A refusal or
// an error only says so: the text box is never touched.
(function () {
  "use strict";

  var PAUSE_MS = 300;
  var MIN_GAP_MS = 1000;

  var box = document.querySelector('form.edit-form textarea[name="wpTextbox"]');
  var template = document.querySelector("template#live-preview-template");
  if (!box || !template || !template.content) return;
  var url = box.getAttribute("data-live-preview");
  var form = box.form;
  if (!url || !form) return;

  var pane = template.content.firstElementChild.cloneNode(true);
  var panes = box.closest(".edit-panes");
  panes.appendChild(pane);
  panes.classList.add("with-preview");
  var content = pane.querySelector(".content");
  var status = pane.querySelector(".live-preview-status");
  var lang = content.getAttribute("lang");

  function word(name) {
    var words = document.querySelector("template#live-preview-words");
    var found = words && words.content.querySelector('[data-word="' + name + '"]');
    return found ? found.textContent : "";
  }

  // The writing help under the preview: the server's messages and the parts they name, always
  // as text (textContent), never as HTML.
  var help = pane.querySelector(".writing-help");
  function showAdvice(advice) {
    if (!help || !advice || !Array.isArray(advice.items)) return;
    help.querySelector(".writing-help-summary").textContent = advice.summary || "";
    var list = help.querySelector(".writing-help-items");
    while (list.firstChild) list.removeChild(list.firstChild);
    advice.items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "advice-" + item.kind;
      var p = document.createElement("p");
      p.textContent = item.message;
      li.appendChild(p);
      var parts = item.kind === "long_sentences" ? (item.sentences || []).map(function (s) { return s.start; })
        : item.kind === "rare_words" ? (item.words || []) : [];
      if (parts.length) {
        var quoted = document.createElement("ul");
        parts.forEach(function (part) {
          var q = document.createElement("li");
          q.textContent = part;
          q.setAttribute("lang", lang);
          quoted.appendChild(q);
        });
        li.appendChild(quoted);
      }
      list.appendChild(li);
    });
    help.hidden = advice.words === 0;
  }

  var busy = false;
  var again = false;
  var lastSent = 0;
  var timer = 0;
  var shown = null;  // the text the preview shows

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(render, delay);
  }

  function render() {
    if (busy) {
      again = true;
      return;
    }
    if (form.hasAttribute("data-logged-out")) return;
    var wait = lastSent + MIN_GAP_MS - Date.now();
    if (wait > 0) return schedule(wait);
    var text = box.value;
    if (text === shown) return;
    busy = true;
    again = false;
    lastSent = Date.now();
    var token = form.querySelector('input[name="wpCsrf"]');
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": token ? token.value : ""},
      body: JSON.stringify({lang: lang, markdown: text, advice: true})
    }).then(function (res) {
      if (res.status === 429) {
        status.textContent = word("too-fast");
        var seconds = Number(res.headers.get("Retry-After")) || 5;
        lastSent = Date.now() + seconds * 1000 - MIN_GAP_MS;
        again = true;
        return null;
      }
      if (!res.ok) {
        status.textContent = word("unavailable");
        return null;
      }
      return res.json();
    }).then(function (body) {
      if (!body || typeof body.html !== "string") return;
      // Safe by construction: the server's page HTML, as every article is served.
      content.innerHTML = body.html;
      showAdvice(body.advice);
      shown = text;
      status.textContent = "";
      pane.setAttribute("data-rendered", String(Date.now()));
    }).catch(function () {
      status.textContent = word("unavailable");
    }).then(function () {
      busy = false;
      // Typing during the render (or a limit's wait) asks for another; a failure alone does
      // not, so that a server in trouble is not asked again and again.
      if (again) schedule(PAUSE_MS);
    });
  }

  box.addEventListener("input", function () { schedule(PAUSE_MS); });
  render();
})();
