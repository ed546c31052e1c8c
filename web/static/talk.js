// Discussions on a talk page (docs/discussions.md): a "Reply" button under each signed comment
// opens a form that answers it. A comment ends with the signature the server wrote,
// " — <strong>Léa</strong>, 6 décembre 2026 à 20:30"; the form sends the name and the time, which
// name the comment, and the server puts the reply under it, signed. Without this file the
// "New topic" form still works.
(function () {
  "use strict";

  var content = document.querySelector("main .content");
  var buttonTemplate = document.getElementById("talk-reply-button");
  var formTemplate = document.getElementById("talk-reply-template");
  if (!content || !buttonTemplate || !formTemplate) return;

  // The block's own nodes: a list item's nested replies are theirs, not its.
  function ownNodes(block) {
    var nodes = [];
    for (var node = block.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 1 && /^(UL|OL|P)$/.test(node.tagName)) break;
      nodes.push(node);
    }
    while (nodes.length && nodes[nodes.length - 1].nodeType === 3 &&
           !nodes[nodes.length - 1].textContent.trim()) {
      nodes.pop();
    }
    return nodes;
  }

  // {name, time} of the signature ending `block`, or null.
  function signatureOf(block) {
    var nodes = ownNodes(block);
    if (nodes.length < 3) return null;
    var time = nodes[nodes.length - 1], name = nodes[nodes.length - 2];
    var before = nodes[nodes.length - 3];
    if (time.nodeType !== 3 || name.nodeType !== 1 || name.tagName !== "STRONG") return null;
    if (before.nodeType !== 3 || !/ — $/.test(before.textContent)) return null;
    var found = /^, (.+)$/.exec(time.textContent.replace(/\s+$/, ""));
    return found ? {name: name.textContent, time: found[1]} : null;
  }

  function open(button, signature) {
    var form = formTemplate.content.firstElementChild.cloneNode(true);
    form.querySelector('input[name="wpReplyTo"]').value = signature.name + "\n" + signature.time;
    form.querySelector(".talk-reply-cancel").addEventListener("click", function () {
      form.remove();
      button.hidden = false;
      button.focus();
    });
    button.hidden = true;
    button.insertAdjacentElement("afterend", form);
    form.querySelector("textarea").focus();
  }

  Array.prototype.forEach.call(content.querySelectorAll("p, li"), function (block) {
    var signature = signatureOf(block);
    if (!signature) return;
    var button = buttonTemplate.content.firstElementChild.cloneNode(true);
    button.addEventListener("click", function () { open(button, signature); });
    var nested = block.tagName === "LI" ? block.querySelector(":scope > ul, :scope > ol") : null;
    if (nested) block.insertBefore(button, nested);
    else if (block.tagName === "LI") block.appendChild(button);
    else block.insertAdjacentElement("afterend", button);
  });
})();
