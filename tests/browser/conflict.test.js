'use strict';
// Issue 2, edit conflicts: two pupils edit the same line of one article at once. The second save
// gets the conflict screen with both texts and keeps the pupil's own text; saving again works.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {submit} = require('./forms');
const {msg} = require('./messages');
const session = require('./session');

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

const kFirst = 'La Lune tourne autour de la Terre, écrit Alice.';
const kSecond = 'La Lune tourne autour de la Terre, écrit Bruno.';
const kAgreed = 'La Lune tourne autour de la Terre, écrivent Alice et Bruno.';

function textbox(page) {
  return page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
}

// Replaces the article's first line (its opening paragraph) and returns the whole new text.
async function changeFirstLine(box, line) {
  const text = (await box.inputValue()).replace(/\r\n/g, '\n');
  const changed = [line, ...text.split('\n').slice(1)].join('\n');
  await box.fill(changed);
  return changed;
}

function save(page) {
  return submit(page, msg('web-edit-save'));
}

function sameText(actual, expected) {
  assert.equal(actual.replace(/\r\n/g, '\n').trim(), expected.trim());
}

test('a second save shows both texts, keeps its own and works the next time', async () => {
  const alice = await wiki.newEditorPage();
  const bruno = await wiki.newEditorPage();
  await alice.goto('/fr/wiki/Lune?action=edit');
  await bruno.goto('/fr/wiki/Lune?action=edit');
  const alicesText = await changeFirstLine(textbox(alice), kFirst);
  const brunosText = await changeFirstLine(textbox(bruno), kSecond);

  assert.ok((await save(alice)).status() < 400);
  assert.equal(alice.url(), `${wiki.url}/fr/wiki/Lune`);
  assert.ok((await alice.locator('.content').textContent()).includes(kFirst));

  assert.equal((await save(bruno)).status(), 409);
  const warning = bruno.getByRole('alert').filter({hasText: msg('web-conflict-explanation')});
  await warning.waitFor();
  const yours = bruno.getByRole('textbox', {name: msg('web-conflict-yours-heading')});
  const current = bruno.getByRole('textbox', {name: msg('web-conflict-current-heading')});
  sameText(await yours.inputValue(), brunosText);
  sameText(await current.inputValue(), alicesText);
  assert.ok(await current.getAttribute('readonly') !== null, 'the current text is for reading');
  await wiki.screenshot(bruno, 'conflict');

  await changeFirstLine(yours, kAgreed);
  assert.ok((await save(bruno)).status() < 400, 'the second save goes through');
  const text = await bruno.locator('.content').textContent();
  assert.ok(text.includes(kAgreed));
  assert.ok(!text.includes(kFirst) && !text.includes(kSecond));
});
