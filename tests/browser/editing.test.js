'use strict';
// Issue 2, editing: a reader changes Cheval through the Edit tab with a preview, finds the change
// in the history and in a diff with the changed words marked, and reverts it from the history.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {submit} = require('./forms');
const {msg} = require('./messages');
const {pathOf} = require('./paths');
const session = require('./session');

const kOldLine = 'Le cheval a de longues jambes.';
const kNewLine = 'Le cheval a de très longues jambes fines.';

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

function tab(page, id) {
  const tabs = page.getByRole('navigation', {name: msg('web-tabs-label')});
  return tabs.getByRole('link', {name: msg(id), exact: true});
}

async function openTab(page, id, action) {
  await tab(page, id).click();
  await page.waitForURL((url) => url.searchParams.get('action') === action);
}

// Browsers send a textarea's line breaks as CRLF; the comparison is about the words.
function lines(text) {
  return text.replace(/\r\n/g, '\n').trim();
}

// A save answers with a redirect to the article (so that reloading never sends the form again),
// which then shows under its Read tab.
async function savedAndShown(page, answer) {
  assert.ok([302, 303].includes(answer.status()), `a save answers ${answer.status()}`);
  const read = tab(page, 'web-tab-read');
  assert.equal(await read.getAttribute('aria-current'), 'page');
}

async function editWithPreview(page) {
  await openTab(page, 'web-tab-edit', 'edit');
  const textbox = page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
  const original = await textbox.inputValue();
  assert.ok(original.includes(kOldLine), 'the form holds the current text');
  const changed = original.replace(kOldLine, kNewLine);
  await textbox.fill(changed);

  assert.equal((await submit(page, msg('web-edit-preview'))).status(), 200);
  const preview = page.getByRole('region', {name: msg('web-preview-heading')});
  await preview.waitFor();
  assert.ok((await preview.textContent()).includes(kNewLine), 'the preview shows the new text');
  assert.equal(lines(await textbox.inputValue()), lines(changed), 'the textarea keeps the text');
  await wiki.screenshot(page, 'edit-preview');

  await page.getByRole('textbox', {name: msg('web-edit-summary-label')}).fill('jambes fines');
  await savedAndShown(page, await submit(page, msg('web-edit-save')));
}

async function checkDiff(page) {
  await openTab(page, 'web-tab-history', 'history');
  const revisions = page.locator('.revision-list > li');
  assert.equal(await revisions.count(), 2, 'the demo revision and ours');
  await wiki.screenshot(page, 'history');

  await revisions.first().getByRole('link', {name: msg('web-history-diff-previous')}).click();
  await page.waitForURL((url) => url.searchParams.has('diff'));
  const inserted = await page.locator('table.diff ins').allTextContents();
  const deleted = await page.locator('table.diff del').allTextContents();
  const marked = inserted.join(' ');
  assert.match(marked, /très/, 'the added word is marked');
  assert.match(marked, /fines/, 'the added word is marked');
  assert.doesNotMatch(marked, /jambes/, 'the unchanged words are not marked');
  assert.doesNotMatch(deleted.join(' '), /longues/, 'nothing of the old line is marked deleted');
  await wiki.screenshot(page, 'diff');
}

async function revertToFirst(page) {
  await page.goto('/fr/wiki/Cheval?action=history');
  const revisions = page.locator('.revision-list > li');
  await revisions.last().getByRole('link', {name: msg('web-history-revert')}).click();
  await page.waitForURL((url) => url.searchParams.get('action') === 'revert');
  await wiki.screenshot(page, 'revert');
  await savedAndShown(page, await submit(page, msg('web-revert-confirm')));
}

test('Cheval is edited with a preview, diffed in its history and reverted', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Cheval');
  await editWithPreview(page);
  const content = page.locator('.content');
  assert.ok((await content.textContent()).includes(kNewLine), 'the saved article shows the change');

  await checkDiff(page);

  await revertToFirst(page);
  assert.equal(pathOf(page), '/fr/wiki/Cheval');
  const text = await content.textContent();
  assert.ok(text.includes(kOldLine), 'the first text is back');
  assert.ok(!text.includes(kNewLine), 'the change is gone');
  await page.goto('/fr/wiki/Cheval?action=history');
  assert.equal(await page.locator('.revision-list > li').count(), 3, 'a revert is a new revision');
});
