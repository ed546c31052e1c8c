'use strict';
// Issue 2, reading: a French reader lands on the main page, follows links, uses the table of
// contents, finds a red link that offers to create the page, and reaches the English article.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {msg} = require('./messages');
const {pathOf, paramOf} = require('./paths');
const session = require('./session');

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

test('/ leads a French reader to the French main page', async () => {
  const page = await wiki.newPage();
  await page.goto('/');
  assert.equal(pathOf(page), '/fr/wiki/Accueil');
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.getByRole('heading', {level: 1, name: 'Accueil'}).waitFor();
  await wiki.screenshot(page, 'main-page');
});

test('a link leads to Éléphant, which has a table of contents', async () => {
  const page = await wiki.newPage();
  await page.goto('/');
  await page.locator('.content').getByRole('link', {name: 'Éléphant', exact: true}).click();
  await page.waitForURL((url) => decodeURIComponent(url.pathname) === '/fr/wiki/Éléphant');
  await page.getByRole('heading', {level: 1, name: 'Éléphant'}).waitFor();
  const toc = page.locator('.content nav.toc');
  await toc.waitFor();
  const entries = toc.getByRole('link');
  assert.ok((await entries.count()) >= 3, 'three headings or more make a table of contents');
  await wiki.screenshot(page, 'elephant');

  // Each entry leads to its section.
  const entry = entries.nth(1);
  const target = decodeURIComponent((await entry.getAttribute('href')).slice(1));
  await entry.click();
  await page.waitForURL((url) => decodeURIComponent(url.hash) === `#${target}`);
  const heading = page.locator('.content h2').filter({hasText: await entry.textContent()});
  assert.equal(await heading.getAttribute('id'), target);
});

test('a red link on Éléphant opens the edit form of the missing page', async () => {
  const page = await wiki.newPage();
  await page.goto('/fr/wiki/Éléphant');
  const red = page.locator('.content a.new').first();
  const missing = await red.textContent();
  await red.click();
  await page.waitForURL((url) => url.searchParams.get('action') === 'edit');
  assert.equal(pathOf(page), `/fr/wiki/${missing}`);
  assert.equal(paramOf(page, 'action'), 'edit');
  await page.getByRole('heading', {level: 1}).filter({hasText: missing}).waitFor();
  const textbox = page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
  assert.equal(await textbox.inputValue(), '', 'a missing page starts empty');
  await page.getByRole('button', {name: msg('web-edit-save')}).waitFor();
  await wiki.screenshot(page, 'create-form');
});

test('"In other languages" leads from Éléphant to the English Elephant', async () => {
  const page = await wiki.newPage();
  await page.goto('/fr/wiki/Éléphant');
  const languages = page.getByRole('navigation', {name: msg('web-other-languages-heading')});
  await languages.getByRole('link', {name: 'English'}).click();
  await page.waitForURL('**/en/wiki/Elephant');
  await page.getByRole('heading', {level: 1, name: 'Elephant'}).waitFor();
  assert.equal(await page.locator('.content').getAttribute('lang'), 'en');
  assert.match(await page.locator('.content').textContent(), /elephant/i);
  await wiki.screenshot(page, 'english-elephant');
});
