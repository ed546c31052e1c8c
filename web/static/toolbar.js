// The editor's toolbar (issue 12): bold, italic, heading, list, link to a page, category, table and
// the characters a language's pupils need, each with a tooltip saying what it does and what it
// writes. It only ever edits the text box, which stays a plain text box: without this file the
// form is as it always was. Follows the ARIA toolbar pattern (one Tab stop, arrow keys inside);
// Ctrl+B, Ctrl+I and Ctrl+K work in the box. Every word shown comes from the page's templates.
(function () {
  "use strict";

  var box = document.querySelector('form.edit-form textarea[name="wpTextbox"]');
  var template = document.querySelector("template#toolbar-template");
  if (!box || !template || !template.content) return;

  var toolbar = template.content.firstElementChild.cloneNode(true);
  box.parentNode.insertBefore(toolbar, box);
  var allButtons = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
  var characters = toolbar.querySelector(".toolbar-characters");
  // The buttons the arrow keys go through: the characters only while they are shown.
  var buttons = [];
  function listButtons() {
    buttons = allButtons.filter(function (b) { return !characters || !characters.contains(b) || !characters.hidden; });
  }
  listButtons();

  function word(name) {
    var words = document.querySelector("template#link-panel-words");
    var found = words && words.content.querySelector('[data-word="' + name + '"]');
    return found ? found.textContent : "";
  }

  // Replaces the selection with `before + middle + after` and selects `middle`, through the
  // browser's own editing where it can, so that Ctrl+Z undoes the toolbar like typing.
  function replaceSelection(before, middle, after) {
    var start = box.selectionStart, end = box.selectionEnd;
    box.focus();
    box.setSelectionRange(start, end);
    var text = before + middle + after;
    var done = false;
    try {
      done = document.execCommand && document.execCommand("insertText", false, text);
    } catch (e) {
      done = false;
    }
    if (!done) {
      box.setRangeText(text, start, end, "end");
      box.dispatchEvent(new Event("input", {bubbles: true}));
    }
    box.setSelectionRange(start + before.length, start + before.length + middle.length);
  }

  function selected() {
    return box.value.slice(box.selectionStart, box.selectionEnd);
  }

  function wrap(mark, sample) {
    var inside = selected() || sample;
    // "**word **" does not render bold: the spaces go outside the marks.
    var lead = inside.match(/^\s*/)[0], trail = inside.match(/\s*$/)[0];
    var core = inside.slice(lead.length, inside.length - trail.length) || sample;
    replaceSelection(lead + mark, core, mark + trail);
  }

  // Extends the selection to whole lines, so that a line prefix lands at the start of each.
  function selectWholeLines() {
    var value = box.value;
    var start = value.lastIndexOf("\n", box.selectionStart - 1) + 1;
    var end = value.indexOf("\n", box.selectionEnd);
    if (end === -1) end = value.length;
    box.setSelectionRange(start, end);
  }

  // A block (heading, list, table) stands apart from the paragraphs around it.
  function blankLinesAround(start, end) {
    var value = box.value;
    var before = start === 0 ? "" : value.slice(Math.max(0, start - 2), start) === "\n\n" ? "" :
      value.charAt(start - 1) === "\n" ? "\n" : "\n\n";
    var after = end >= value.length ? "\n" : value.slice(end, end + 2) === "\n\n" ? "" :
      value.charAt(end) === "\n" ? "\n" : "\n\n";
    return {before: before, after: after};
  }

  function heading(sample) {
    selectWholeLines();
    var line = selected().replace(/^#+\s*/, "") || sample;
    var around = blankLinesAround(box.selectionStart, box.selectionEnd);
    replaceSelection(around.before + "## ", line, around.after);
  }

  function list(sample) {
    selectWholeLines();
    var lines = (selected() || sample).split("\n").map(function (line) {
      return /^\s*[-*+]\s/.test(line) ? line : "- " + line;
    });
    var around = blankLinesAround(box.selectionStart, box.selectionEnd);
    replaceSelection(around.before, lines.join("\n"), around.after);
  }

  function table(headingWord, cellWord) {
    var rows = [
      "| " + headingWord + " 1 | " + headingWord + " 2 |",
      "| --- | --- |",
      "| " + cellWord + " | " + cellWord + " |",
      "| " + cellWord + " | " + cellWord + " |"
    ];
    box.setSelectionRange(box.selectionEnd, box.selectionEnd);
    var around = blankLinesAround(box.selectionStart, box.selectionEnd);
    replaceSelection(around.before, rows.join("\n"), around.after);
    // The first heading selected: the writer types over it.
    var first = box.selectionStart + 2;
    box.setSelectionRange(first, first + headingWord.length + 2);
  }

  // The link and category panels: a title field with the search box's suggestions, whether the
  // page exists, and Insert / Cancel. Escape closes it and returns to the text.
  var panel = null;
  function closePanel() {
    if (!panel) return;
    panel.remove();
    panel = null;
    box.focus();
  }

  // Titles as the wiki keeps them: spaces for underscores, one space at a time, a capital first
  // letter.
  function normalTitle(title) {
    var t = title.replace(/_/g, " ").replace(/\s+/g, " ").trim();
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  // Whether a page has this title, from the titles autocomplete knows (answer(null) when the
  // server cannot say). Asking the page itself would log a 404 in the browser for every title
  // that is not a page yet, which is the case this check is for.
  function pageExists(title, answer) {
    var wanted = normalTitle(title);
    var url = box.getAttribute("data-suggest") + "?q=" + encodeURIComponent(wanted) + "&limit=20";
    fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (body) {
        if (!body || !Array.isArray(body.titles)) return answer(null);
        answer(body.titles.some(function (t) { return normalTitle(t) === wanted; }));
      })
      .catch(function () { answer(null); });
  }

  function openPanel(kind) {
    closePanel();
    var panelTemplate = document.querySelector("template#link-panel-template");
    if (!panelTemplate || !panelTemplate.content) return;
    var chosen = selected();
    var range = {start: box.selectionStart, end: box.selectionEnd};
    panel = panelTemplate.content.firstElementChild.cloneNode(true);
    panel.querySelector(".link-panel-heading").textContent = word(kind + "-heading");
    panel.setAttribute("aria-label", word(kind + "-heading"));
    panel.querySelector(".link-panel-label").textContent = word(kind + "-label");
    var insert = panel.querySelector('[data-panel="insert"]');
    insert.textContent = word(kind + "-insert");
    var field = panel.querySelector("input");
    var status = panel.querySelector(".link-panel-status");
    toolbar.parentNode.insertBefore(panel, toolbar.nextSibling);
    if (kind === "link") {
      field.value = chosen.trim();
      if (window.kidwikiSuggest) window.kidwikiSuggest(field);
    } else {
      field.removeAttribute("data-suggest");
    }

    var asked = 0;
    function check() {
      if (kind !== "link" || field.value.trim() === "") {
        status.textContent = "";
        return;
      }
      var mine = ++asked;
      status.textContent = word("checking");
      pageExists(field.value, function (exists) {
        if (mine !== asked) return;
        status.textContent = exists === true ? word("exists") : exists === false ? word("missing") : "";
        status.className = "link-panel-status" + (exists === false ? " missing" : "");
      });
    }
    var timer = 0;
    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    });
    field.addEventListener("change", check);

    function apply() {
      var title = field.value.trim().replace(/[\[\]|]/g, "");
      if (title === "") return field.focus();
      box.focus();
      if (kind === "link") {
        box.setSelectionRange(range.start, range.end);
        // The selected words stay the link's words when they differ from the title.
        var shown = chosen.trim();
        var inside = shown && shown !== title ? title + "|" + shown : title;
        replaceSelection("[[", inside, "]]");
      } else {
        var ns = box.getAttribute("data-category-ns") || "Category";
        var end = box.value.length;
        box.setSelectionRange(end, end);
        var lead = box.value === "" || /\n$/.test(box.value) ? "" : "\n";
        replaceSelection(lead + "[[" + ns + ":", title, "]]");
      }
      closePanel();
    }
    insert.addEventListener("click", apply);
    panel.querySelector('[data-panel="cancel"]').addEventListener("click", closePanel);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        closePanel();
      } else if (event.key === "Enter" && event.target === field && !event.defaultPrevented) {
        // Enter inside the edit form would save the page: here it adds the link.
        event.preventDefault();
        apply();
      }
    });
    field.focus();
    check();
  }

  function use(button) {
    var tool = button.getAttribute("data-tool");
    var sample = button.getAttribute("data-sample") || "";
    if (tool === "bold") wrap("**", sample);
    else if (tool === "italic") wrap("*", sample);
    else if (tool === "heading") heading(sample);
    else if (tool === "list") list(sample);
    else if (tool === "table") table(button.getAttribute("data-heading"), button.getAttribute("data-cell"));
    else if (tool === "link" || tool === "category") openPanel(tool);
    else if (tool === "characters") {
      characters.hidden = !characters.hidden;
      button.setAttribute("aria-expanded", String(!characters.hidden));
      listButtons();
    }
    else if (tool === "character") {
      replaceSelection("", button.getAttribute("data-text"), "");
      var at = box.selectionEnd;
      box.setSelectionRange(at, at);
    }
  }

  // Roving tabindex: the toolbar is one Tab stop; arrows, Home and End move inside it.
  var current = 0;
  function focusButton(i) {
    allButtons.forEach(function (b) { b.setAttribute("tabindex", "-1"); });
    current = (i + buttons.length) % buttons.length;
    buttons[current].setAttribute("tabindex", "0");
    buttons[current].focus();
  }
  allButtons.forEach(function (button, i) {
    button.setAttribute("tabindex", i === 0 ? "0" : "-1");
    // mousedown would take the focus (and the selection) from the text box first.
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    button.addEventListener("click", function () {
      current = Math.max(0, buttons.indexOf(button));
      use(button);
    });
  });
  // Wherever the focus lands (a click, a script), the arrows go on from there.
  toolbar.addEventListener("focusin", function (event) {
    var at = buttons.indexOf(event.target);
    if (at < 0) return;
    allButtons.forEach(function (b) { b.setAttribute("tabindex", "-1"); });
    current = at;
    event.target.setAttribute("tabindex", "0");
  });
  toolbar.addEventListener("keydown", function (event) {
    var horizontal = {ArrowRight: 1, ArrowLeft: -1};
    if (event.key in horizontal) {
      event.preventDefault();
      var step = horizontal[event.key] * (getComputedStyle(toolbar).direction === "rtl" ? -1 : 1);
      focusButton(current + step);
    } else if (event.key === "Home") {
      event.preventDefault();
      focusButton(0);
    } else if (event.key === "End") {
      event.preventDefault();
      focusButton(buttons.length - 1);
    }
  });

  var shortcuts = {b: "bold", i: "italic", k: "link"};
  box.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    var tool = shortcuts[event.key.toLowerCase()];
    if (!tool) return;
    event.preventDefault();
    use(toolbar.querySelector('[data-tool="' + tool + '"]'));
  });
})();
