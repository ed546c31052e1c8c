'use strict';
// Issue 2, reading: a French reader lands on the main page, follows links, uses the table of
// contents, finds a red link that offers to create the page (after logging in: editing needs an
// account), and reaches the English article.
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

// A red link offers to create the page; writing needs an account, so a reader is asked to log in
// first and comes back to the empty edit form, which an editor reaches at once.
async function followRedLink(page) {
  await page.goto('/fr/wiki/Éléphant');
  const red = page.locator('.content a.new').first();
  const missing = await red.textContent();
  const href = await red.getAttribute('href');
  await red.click();
  return {missing, href};
}

async function emptyEditForm(page, missing) {
  await page.waitForURL((url) => url.searchParams.get('action') === 'edit');
  assert.equal(pathOf(page), `/fr/wiki/${missing}`);
  await page.getByRole('heading', {level: 1}).filter({hasText: missing}).waitFor();
  const textbox = page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
  assert.equal(await textbox.inputValue(), '', 'a missing page starts empty');
  await page.getByRole('button', {name: msg('web-edit-save')}).waitFor();
}

test(
    'a red link on Éléphant asks a reader to log in, then opens the missing page\'s form',
    async () => {
      const page = await wiki.newPage();
      const {missing, href} = await followRedLink(page);
      await page.waitForURL((url) => url.pathname === '/fr/special/login');
      const back = paramOf(page, 'returnto');
      assert.equal(decodeURIComponent(back), decodeURIComponent(href), 'it comes back to the form');
      await page.getByRole('heading', {level: 1, name: msg('login-heading')}).waitFor();
      assert.equal(
          await page.getByRole('textbox', {name: msg('web-edit-textbox-label')}).count(), 0);
      await wiki.screenshot(page, 'login-for-red-link');

      await wiki.logIn(page, wiki.admin);
      await emptyEditForm(page, missing);
    });

test('a red link on Éléphant opens the edit form of the missing page for an editor', async () => {
  const page = await wiki.newEditorPage();
  const {missing} = await followRedLink(page);
  await emptyEditForm(page, missing);
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
