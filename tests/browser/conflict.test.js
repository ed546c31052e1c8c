'use strict';
// Issue 2, edit conflicts: two pupils edit the same line of one article at once. The second save
// gets the conflict screen with both texts and keeps the pupil's own text; saving again works.
const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');
const { msg } = require('./messages');
const session = require('./session');

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  await wiki.finish();
});

const kFirst = 'La Lune tourne autour de la Terre, écrit Alice.';
const kSecond = 'La Lune tourne autour de la Terre, écrit Bruno.';
const kAgreed = 'La Lune tourne autour de la Terre, écrivent Alice et Bruno.';

function textbox(page) {
  return page.getByRole('textbox', { name: msg('web-edit-textbox-label') });
}

// Replaces the article's first line (its opening paragraph) and returns the whole new text.
async function changeFirstLine(box, line) {
  const text = (await box.inputValue()).replace(/\r\n/g, '\n');
  const changed = [line, ...text.split('\n').slice(1)].join('\n');
  await box.fill(changed);
  return changed;
}

async function save(page) {
  await page.getByRole('button', { name: msg('web-edit-save') }).click();
  await page.waitForLoadState();
}

function sameText(actual, expected) {
  assert.equal(actual.replace(/\r\n/g, '\n').trim(), expected.trim());
}

test('a conflicting save shows both texts, keeps the pupil\'s own and saves the next time', async () => {
  const alice = await wiki.newPage();
  const bruno = await wiki.newPage();
  await alice.goto('/fr/wiki/Lune?action=edit');
  await bruno.goto('/fr/wiki/Lune?action=edit');
  const alicesText = await changeFirstLine(textbox(alice), kFirst);
  const brunosText = await changeFirstLine(textbox(bruno), kSecond);

  await save(alice);
  await alice.waitForURL((url) => !url.searchParams.has('action'));
  assert.ok((await alice.locator('.content').textContent()).includes(kFirst));

  const conflictAnswer = bruno.waitForResponse((response) => response.request().method() === 'POST');
  await save(bruno);
  assert.equal((await conflictAnswer).status(), 409);
  const warning = bruno.getByRole('alert').filter({ hasText: msg('web-conflict-explanation') });
  await warning.waitFor();
  const yours = bruno.getByRole('textbox', { name: msg('web-conflict-yours-heading') });
  const current = bruno.getByRole('textbox', { name: msg('web-conflict-current-heading') });
  sameText(await yours.inputValue(), brunosText);
  sameText(await current.inputValue(), alicesText);
  assert.ok(await current.getAttribute('readonly') !== null, 'the current text is for reading');
  await wiki.screenshot(bruno, 'conflict');

  await changeFirstLine(yours, kAgreed);
  await save(bruno);
  await bruno.waitForURL((url) => !url.searchParams.has('action'));
  const text = await bruno.locator('.content').textContent();
  assert.ok(text.includes(kAgreed), 'the second save went through');
  assert.ok(!text.includes(kFirst) && !text.includes(kSecond));
});
