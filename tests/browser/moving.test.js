'use strict';
// Issue 2, renaming: a page moved through the Move tab keeps its text under the new title, and
// its old title leads there with "Redirected from".
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {submit} = require('./forms');
const {msg} = require('./messages');
const {pathOf} = require('./paths');
const session = require('./session');

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

test('a page moved through the Move tab is reached from its old title', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/wiki/Girafe');
  const firstParagraph = await page.locator('.content p').first().textContent();
  const tabs = page.getByRole('navigation', {name: msg('web-tabs-label')});
  await tabs.getByRole('link', {name: msg('web-tab-move'), exact: true}).click();
  await page.waitForURL((url) => url.searchParams.get('action') === 'move');
  await page.getByRole('textbox', {name: msg('web-move-new-title-label')}).fill('Girafe du Kenya');
  const redirect = page.getByRole('checkbox', {name: msg('web-move-leave-redirect-label')});
  assert.ok(await redirect.isChecked(), 'leaving a redirect is the default');
  await page.getByRole('textbox', {name: msg('web-move-reason-label')}).fill('titre plus précis');
  await wiki.screenshot(page, 'move-form');
  await submit(page, msg('web-move-submit'));
  assert.equal(pathOf(page), '/fr/wiki/Girafe_du_Kenya');

  // As in MediaWiki, the old address stays in the address bar and shows the new page.
  await page.goto('/fr/wiki/Girafe');
  await page.getByRole('heading', {level: 1, name: 'Girafe du Kenya'}).waitFor();
  const note = page.locator('.redirect-note');
  const expected = msg('web-redirected-from', {title: 'Girafe'});
  assert.equal((await note.textContent()).trim(), expected);
  assert.equal(await page.locator('.content p').first().textContent(), firstParagraph);
  await wiki.screenshot(page, 'redirected');

  // The note's link shows the redirect itself instead of following it.
  await note.getByRole('link', {name: 'Girafe', exact: true}).click();
  await page.locator('.redirect-target').getByRole('link', {name: 'Girafe du Kenya'}).waitFor();
});
