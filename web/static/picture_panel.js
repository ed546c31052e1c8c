// The editor's Picture button (issue 13): a panel to place a picture already on the wiki, or to
// send a new one from the computer or tablet, then write `![caption](File:Name.jpg)` in the text.
// The upload goes through the same API as any client (POST /api/v1/{lang}/files/{name}), so the
// engine cleans and holds it exactly as from the upload page. Nothing here is needed: without
// this file, the help under the text box links to the upload page.
(function () {
  "use strict";

  var box = document.querySelector('form.edit-form textarea[name="wpTextbox"]');
  var button = document.querySelector('.editor-toolbar [data-tool="picture"]');
  var template = document.querySelector("template#picture-panel-template");
  if (!box || !button || !template || !template.content || !window.FormData) return;
  var form = box.form;
  var panel = null;

  function word(name) {
    var words = document.querySelector("template#picture-panel-words");
    var found = words && words.content.querySelector('[data-word="' + name + '"]');
    return found ? found.textContent : "";
  }

  function close() {
    if (!panel) return;
    panel.remove();
    panel = null;
    box.focus();
  }

  // "IMG_2041.JPG" → "IMG_2041.jpg": the wiki wants a known ending in small letters.
  function nameFromFile(file) {
    var name = file.name.replace(/[\[\]|#<>{}]/g, " ").trim();
    var dot = name.lastIndexOf(".");
    var ending = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
    if (ending === "jpeg") ending = "jpg";
    var stem = dot > 0 ? name.slice(0, dot) : name;
    return stem + "." + (/^(jpg|png|webp|gif)$/.test(ending) ? ending : "jpg");
  }

  // The text written in the article: on its own line, so that it shows as a figure.
  function insert(title, caption) {
    var at = box.selectionEnd;
    box.focus();
    var value = box.value;
    var before = at === 0 ? "" : value.slice(Math.max(0, at - 2), at) === "\n\n" ? "" :
      value.charAt(at - 1) === "\n" ? "\n" : "\n\n";
    var after = at >= value.length ? "\n" : value.charAt(at) === "\n" ? "\n" : "\n\n";
    // A Markdown address has no spaces: the wiki reads "_" as a space in a picture's name.
    var address = title.replace(/[()<>]/g, "").trim().replace(/\s+/g, "_");
    var text = before + "![" + caption.replace(/[\[\]]/g, "") + "](" + address + ")" + after;
    box.setSelectionRange(at, at);
    var done = false;
    try {
      done = document.execCommand && document.execCommand("insertText", false, text);
    } catch (e) {
      done = false;
    }
    if (!done) {
      box.setRangeText(text, at, at, "end");
      box.dispatchEvent(new Event("input", {bubbles: true}));
    }
  }

  function open() {
    close();
    panel = template.content.firstElementChild.cloneNode(true);
    var toolbar = button.closest(".editor-toolbar");
    toolbar.parentNode.insertBefore(panel, toolbar.nextSibling);
    var ns = panel.getAttribute("data-file-ns");
    var existing = panel.querySelector('[name="picture-existing"]');
    var file = panel.querySelector('[name="picture-file"]');
    var name = panel.querySelector('[name="picture-name"]');
    var description = panel.querySelector('[name="picture-description"]');
    var confirm = panel.querySelector('[name="picture-confirm"]');
    var caption = panel.querySelector('[name="picture-caption"]');
    var status = panel.querySelector(".picture-panel-status");
    var send = panel.querySelector('[data-panel="insert"]');
    existing.value = ns + ":";
    if (window.kidwikiSuggest) window.kidwikiSuggest(existing);

    if (file) {
      file.addEventListener("change", function () {
        if (file.files.length && name.value.trim() === "") name.value = nameFromFile(file.files[0]);
      });
    }

    function say(text, bad) {
      status.textContent = text;
      status.className = "picture-panel-status" + (bad ? " missing" : "");
    }

    function upload() {
      var wanted = name.value.trim();
      if (wanted === "") return name.focus();
      if (!confirm.checked) {
        say(word("confirm-first"), true);
        return confirm.focus();
      }
      var body = new FormData();
      body.append("file", file.files[0]);
      body.append("description", description.value);
      body.append("confirm", "1");
      var token = form.querySelector('input[name="wpCsrf"]');
      send.disabled = true;
      say(word("sending"), false);
      fetch(panel.getAttribute("data-files-url") + encodeURIComponent(wanted), {
        method: "POST",
        credentials: "same-origin",
        headers: {Accept: "application/json", "X-CSRF-Token": token ? token.value : ""},
        body: body
      })
        .then(function (res) {
          return res.json().then(function (answer) { return {ok: res.ok, answer: answer}; },
                                 function () { return {ok: false, answer: null}; });
        })
        .then(function (result) {
          send.disabled = false;
          if (!result.ok) {
            var error = result.answer && result.answer.error;
            return say(error && error.message ? error.message : word("failed"), true);
          }
          insert(ns + ":" + result.answer.name, caption.value.trim() || description.value.trim());
          var pending = result.answer.status === "pending";
          close();
          announce(word(pending ? "sent-pending" : "sent"));
        })
        .catch(function () {
          send.disabled = false;
          say(word("failed"), true);
        });
    }

    function apply() {
      if (file && file.files.length) return upload();
      var title = existing.value.trim();
      if (title === "" || title === ns + ":") {
        say(word("choose"), true);
        return existing.focus();
      }
      if (title.indexOf(":") < 0) title = ns + ":" + title;
      insert(title, caption.value.trim());
      close();
    }

    send.addEventListener("click", apply);
    panel.querySelector('[data-panel="cancel"]').addEventListener("click", close);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      } else if (event.key === "Enter" && event.target.tagName === "INPUT" &&
                 event.target.type !== "file" && event.target.type !== "checkbox" &&
                 !event.defaultPrevented) {
        // Enter inside the edit form would save the page: here it places the picture.
        event.preventDefault();
        apply();
      }
    });
    existing.focus();
  }

  // What happened, said where the writer looks and read out by screen readers.
  function announce(text) {
    var note = document.querySelector(".picture-note");
    if (!note) {
      note = document.createElement("p");
      note.className = "message notice picture-note";
      note.setAttribute("role", "status");
      var toolbar = button.closest(".editor-toolbar");
      toolbar.parentNode.insertBefore(note, toolbar.nextSibling);
    }
    note.textContent = text;
  }

  button.addEventListener("click", open);
})();
