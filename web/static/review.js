// Keyboard shortcuts on the review queue (issue 15), for a teacher with many edits to judge:
// J or N goes to the next edit, K or P to the previous one, A approves the edit in view, S opens
// its message box to send it back (Ctrl+Enter sends), X ticks it for the several-at-once form.
// Keys typed in a text box stay text. A acts only on an edit the teacher went to (with J, K, a
// click or Tab), never on one the page happened to scroll to. Without this file every button and
// form works as before.
(function () {
  "use strict";

  var items = Array.prototype.slice.call(document.querySelectorAll("section.review-item"));
  if (items.length === 0) return;
  var help = document.querySelector(".review-shortcuts");
  if (help) help.hidden = false;
  var current = -1;

  function choose(index) {
    if (index < 0 || index >= items.length) return;
    if (current >= 0) items[current].classList.remove("current");
    current = index;
    items[current].classList.add("current");
    items[current].focus({ preventScroll: true });
    items[current].scrollIntoView({ block: "start", behavior: "smooth" });
  }

  // A click or Tab into an edit makes it the one the keys act on.
  items.forEach(function (item, index) {
    item.addEventListener("focusin", function () {
      if (current === index) return;
      if (current >= 0) items[current].classList.remove("current");
      current = index;
      item.classList.add("current");
    });
  });

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "textarea" || tag === "select" || target.isContentEditable ||
      (tag === "input" && target.type !== "checkbox" && target.type !== "radio");
  }

  function submit(form) {
    if (!form) return;
    if (form.requestSubmit) form.requestSubmit(); else form.submit();
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.metaKey) return;
    if (event.key === "Enter" && event.ctrlKey && event.target.tagName === "TEXTAREA") {
      var form = event.target.form;
      if (form && form.classList.contains("send-back-form")) {
        event.preventDefault();
        submit(form);
      }
      return;
    }
    if (event.ctrlKey || typing(event.target)) return;
    var key = event.key.toLowerCase();
    var item = current >= 0 ? items[current] : null;
    if (key === "j" || key === "n") {
      choose(current + 1);
    } else if (key === "k" || key === "p") {
      choose(Math.max(current - 1, 0));
    } else if (key === "a" && item) {
      submit(item.querySelector("form.approve-form"));
    } else if (key === "s" && item) {
      var box = item.querySelector("form.send-back-form textarea");
      if (box) box.focus();
    } else if (key === "x" && item) {
      var tick = item.querySelector('input[type="checkbox"][name="wpRevision"]');
      if (tick) tick.checked = !tick.checked;
    } else {
      return;
    }
    event.preventDefault();
  });
})();
