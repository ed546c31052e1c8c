// The editor never loses a word (issue 12). Progressive enhancement over the plain form, which
// works without this file:
// - a draft of the text and summary is kept in this browser (localStorage) as the writer types,
//   per account, edition and page, and offered back when the page is opened again;
// - leaving the page with text that was neither saved nor kept as a draft asks first;
// - the session is renewed while the writer types, so that a long edit never meets its expiry;
// - after a refusal, the refused words are selected in the box and scrolled into view.
// Messages come from <template> elements of the page: every word shown is the server's.
(function () {
  "use strict";

  var PREFIX = "kidwiki-draft:";
  var SENT = "kidwiki-draft-sent";  // sessionStorage: the draft of the form this tab just sent
  var KEEP_DAYS = 7;        // a draft left longer is forgotten (docs/privacy.md)
  var SAVE_DELAY_MS = 400;  // a draft is written once typing pauses
  var RENEW_EVERY_MS = 10 * 60 * 1000;

  // A save answers with a redirect to its page: arriving there by a redirect from the form this
  // tab sent means the text was saved, and its draft is forgotten at once (on a shared computer
  // it must not wait for the next visit to the editor). A form the server sent back instead
  // keeps it (below); a failed connection shows no page of ours at all.
  function forgetSentDraft(onForm) {
    var sent = null;
    try {
      sent = JSON.parse(window.sessionStorage.getItem(SENT) || "null");
      window.sessionStorage.removeItem(SENT);
    } catch (e) {
      return;
    }
    if (!sent || onForm) return;
    var navigation = window.performance && performance.getEntriesByType &&
      performance.getEntriesByType("navigation")[0];
    if (navigation && navigation.redirectCount > 0 && window.location.pathname === sent.path) {
      try {
        window.localStorage.removeItem(sent.key);
      } catch (e) {}
    }
  }

  var form = document.querySelector("form.edit-form[data-draft-key]");
  forgetSentDraft(!!form);
  if (!form) return;
  var box = form.querySelector('textarea[name="wpTextbox"]');
  var summary = form.querySelector('input[name="wpSummary"]');
  var base = form.querySelector('input[name="wpBaseRevId"]');
  if (!box) return;

  var key = PREFIX + form.getAttribute("data-draft-owner") + ":" + form.getAttribute("data-draft-key");
  var initialText = box.value;
  var initialSummary = summary ? summary.value : "";
  var submitting = false;
  // The server sent the writer's own text back (preview, refusal, conflict, expired session, rate
  // limit): it is not saved yet, even where it equals what the page came with.
  var sentBack = form.hasAttribute("data-unsaved");

  // The server keeps NFC text with "\n" line ends and no trailing spaces at the very end: two texts
  // that differ only there are the same text.
  function same(a, b) {
    function norm(s) {
      s = String(s).replace(/\r\n?/g, "\n").replace(/\s+$/, "");
      return s.normalize ? s.normalize("NFC") : s;
    }
    return norm(a) === norm(b);
  }

  // localStorage can be missing, full or forbidden (private windows): the editor then works as
  // the plain form does.
  function readDraft(name) {
    try {
      var raw = window.localStorage.getItem(name);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function writeDraft(draft) {
    try {
      window.localStorage.setItem(key, JSON.stringify(draft));
    } catch (e) {
      // Full or forbidden: nothing more this page can do; the beforeunload question remains.
    }
  }

  function forgetDraft() {
    try {
      window.localStorage.removeItem(key);
    } catch (e) {}
  }

  function forgetOldDrafts() {
    try {
      var oldest = Date.now() - KEEP_DAYS * 24 * 3600 * 1000;
      for (var i = window.localStorage.length - 1; i >= 0; i--) {
        var name = window.localStorage.key(i);
        if (!name || name.indexOf(PREFIX) !== 0) continue;
        var draft = readDraft(name);
        if (!draft || !(draft.time > oldest)) window.localStorage.removeItem(name);
      }
    } catch (e) {}
  }

  function changed() {
    return sentBack || !same(box.value, initialText) || (summary && summary.value !== initialSummary);
  }

  function keep() {
    if (!changed()) {
      // Back to the text the page came with: nothing left to keep.
      forgetDraft();
      return;
    }
    writeDraft({
      text: box.value,
      summary: summary ? summary.value : "",
      base: base ? base.value : "",
      time: Date.now()
    });
  }

  var timer = 0;
  function keepSoon() {
    clearTimeout(timer);
    timer = setTimeout(keep, SAVE_DELAY_MS);
  }

  // "You have text that was not saved. Use it / Throw it away."
  function offer(draft) {
    var template = document.querySelector("template#draft-offer-template");
    if (!template || !template.content) return;
    var notice = template.content.firstElementChild.cloneNode(true);
    form.parentNode.insertBefore(notice, form);
    notice.querySelector('[data-draft="use"]').addEventListener("click", function () {
      box.value = draft.text;
      if (summary && draft.summary) summary.value = draft.summary;
      // Saved on the revision it was written on: the server merges it with what changed since,
      // or shows both texts side by side.
      if (base) base.value = draft.base || "";
      notice.remove();
      box.focus();
      box.dispatchEvent(new Event("input", {bubbles: true}));
    });
    notice.querySelector('[data-draft="discard"]').addEventListener("click", function () {
      forgetDraft();
      notice.remove();
      box.focus();
    });
    notice.querySelector('[data-draft="use"]').focus();
  }

  function offerKeptDraft() {
    var draft = readDraft(key);
    if (!draft || typeof draft.text !== "string") return;
    if (same(draft.text, box.value)) {
      // Saved (or shown again by the server with the writer's text in it): nothing is lost.
      forgetDraft();
      return;
    }
    offer(draft);
  }

  // Characters as the server counts them (code points) to positions in the box (UTF-16 units).
  function utf16Offset(text, codePoints) {
    var i = 0;
    for (var n = 0; n < codePoints && i < text.length; n++) {
      var c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return i;
  }

  function selectRefused() {
    var field = form.getAttribute("data-refused-field");
    if (!field) return;
    var target = field === "summary" ? summary : field === "text" ? box : null;
    if (!target) return;
    var start = Number(form.getAttribute("data-refused-start"));
    var length = Number(form.getAttribute("data-refused-length"));
    var value = target.value.replace(/\r\n?/g, "\n");
    var from = utf16Offset(value, start);
    var to = utf16Offset(value, start + length);
    // The words themselves decide when the box holds another text than the one measured.
    var excerpt = form.getAttribute("data-refused-excerpt") || "";
    if (excerpt && value.slice(from, to) !== excerpt && value.indexOf(excerpt) >= 0) {
      from = value.indexOf(excerpt);
      to = from + excerpt.length;
    }
    target.focus();
    target.setSelectionRange(from, to);
    if (target === box) {
      // Scroll the box so that the selected line shows, a few lines from the top.
      var lineHeight = parseFloat(window.getComputedStyle(box).lineHeight) || 20;
      var line = value.slice(0, from).split("\n").length - 1;
      box.scrollTop = Math.max(0, (line - 3) * lineHeight);
      box.scrollIntoView({block: "center"});
    }
  }

  // Renews the session while the writer types; tells them once if it has ended.
  var renewUrl = form.getAttribute("data-renew-url");
  var lastRenew = 0;  // the first keystroke renews: the session may have little time left
  var toldLoggedOut = false;
  function renewIfDue() {
    if (!renewUrl || Date.now() - lastRenew < RENEW_EVERY_MS) return;
    lastRenew = Date.now();
    var token = form.querySelector('input[name="wpCsrf"]');
    fetch(renewUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {"X-CSRF-Token": token ? token.value : ""}
    }).then(function (res) {
      if (res.status !== 401 || toldLoggedOut) return;
      toldLoggedOut = true;
      // The live preview stops: as a reader it would spend the whole school's per-address budget.
      form.setAttribute("data-logged-out", "");
      var template = document.querySelector("template#logged-out-template");
      if (template && template.content) {
        form.parentNode.insertBefore(template.content.firstElementChild.cloneNode(true), form);
      }
    }).catch(function () {});
  }

  function onInput() {
    keepSoon();
    renewIfDue();
  }

  box.addEventListener("input", onInput);
  if (summary) summary.addEventListener("input", onInput);

  form.addEventListener("submit", function () {
    submitting = true;
    // Kept until the edit form shows this text as the page's own: a lost connection, a closed
    // tab or a server error loses nothing.
    clearTimeout(timer);
    keep();
    try {
      // form.action would be the form's field named "action", not its address.
      var path = new URL(form.getAttribute("action"), window.location.href).pathname;
      window.sessionStorage.setItem(SENT, JSON.stringify({key: key, path: path}));
    } catch (e) {}
  });

  window.addEventListener("beforeunload", function (event) {
    if (submitting || !changed()) return;
    clearTimeout(timer);
    keep();
    event.preventDefault();
    event.returnValue = "";
  });

  // The page can come back from the browser's cache (Back): it is a new start for the question.
  window.addEventListener("pageshow", function () { submitting = false; });

  forgetOldDrafts();
  if (sentBack) {
    keep();
    selectRefused();
  } else {
    offerKeptDraft();
  }
})();
