'use strict';
// Issue 4, search from the header's search box: autocomplete offers titles as the pupil types,
// a submitted query lists articles with highlighted snippets, a misspelling still finds the
// article.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {msg} = require('./messages');
const {pathOf} = require('./paths');
const session = require('./session');

let wiki;
before(async () => {
  wiki = await session.open();
  await wiki.waitForSearchIndex();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

function searchBox(page) {
  return page.getByRole('search').first().getByRole('combobox', {name: msg('search-box-label')});
}

async function search(page, query) {
  const box = searchBox(page);
  await box.fill(query);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
}

test('typing "ele" in the search box offers Éléphant, which opens the article', async () => {
  const page = await wiki.newPage();
  await page.goto('/fr/wiki/Accueil');
  const box = searchBox(page);
  await box.pressSequentially('ele');
  const option = page.getByRole('listbox').getByRole('option', {name: 'Éléphant', exact: true});
  await option.waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  await wiki.screenshot(page, 'autocomplete');
  await option.click();
  await page.waitForURL((url) => decodeURIComponent(url.pathname) === '/fr/wiki/Éléphant');
  await page.getByRole('heading', {level: 1, name: 'Éléphant'}).waitFor();
});

test('"les chevaux sauvages" finds Cheval with a highlighted snippet', async () => {
  const page = await wiki.newPage();
  await page.goto('/fr/wiki/Lune');
  await search(page, 'les chevaux sauvages');
  assert.equal(pathOf(page), '/fr/special/search');
  const results = page.locator('ol.search-results > li');
  const cheval = results.filter({has: page.getByRole('link', {name: 'Cheval', exact: true})});
  assert.equal(await cheval.count(), 1);
  const marked = await cheval.locator('.snippet mark').allTextContents();
  assert.ok(marked.some((word) => /^chevaux$/i.test(word)), `marked: ${marked.join(', ')}`);
  await wiki.screenshot(page, 'search-results');
  await cheval.getByRole('link', {name: 'Cheval', exact: true}).click();
  await page.getByRole('heading', {level: 1, name: 'Cheval'}).waitFor();
});

test('the misspelt "elefant" still leads to Éléphant', async () => {
  const page = await wiki.newPage();
  await page.goto('/fr/wiki/Accueil');
  await search(page, 'elefant');
  const first = page.locator('ol.search-results > li').first();
  await first.getByRole('link', {name: 'Éléphant', exact: true}).waitFor();
  await wiki.screenshot(page, 'search-corrected');
});
