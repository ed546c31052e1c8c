'use strict';
// Issue 2 and 4: the wiki needs no JavaScript. A reader whose browser runs none reads, edits
// with a preview and searches; every page carries a Content-Security-Policy that forbids inline
// script and style, and has none. (Script errors on pages with JavaScript are watched for in
// every test file by session.js.)
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {submit} = require('./forms');
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

test('without JavaScript an editor follows links, previews and saves an edit', async () => {
  const page = await wiki.newEditorPage({javaScriptEnabled: false});
  await page.goto('/');
  await page.locator('.content').getByRole('link', {name: 'Soleil', exact: true}).click();
  await page.waitForURL((url) => url.pathname === '/fr/wiki/Soleil');
  const tabs = page.getByRole('navigation', {name: msg('web-tabs-label')});
  await tabs.getByRole('link', {name: msg('web-tab-edit'), exact: true}).click();
  await page.waitForURL((url) => url.searchParams.get('action') === 'edit');

  const textbox = page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
  const line = 'Le Soleil se lève à l’est, même sans JavaScript.';
  await textbox.fill(`${await textbox.inputValue()}\n\n${line}\n`);
  await submit(page, msg('web-edit-preview'));
  await page.getByRole('region', {name: msg('web-preview-heading')}).getByText(line).waitFor();
  await submit(page, msg('web-edit-save'));
  assert.equal(pathOf(page), '/fr/wiki/Soleil');
  assert.equal(await page.getByRole('region', {name: msg('web-preview-heading')}).count(), 0);
  await page.locator('.content').getByText(line).waitFor();
});

test('without JavaScript the header\'s search box is a plain form that lists results', async () => {
  const page = await wiki.newPage({javaScriptEnabled: false});
  await page.goto('/fr/wiki/Lune');
  const box =
      page.getByRole('search').first().getByRole('searchbox', {name: msg('search-box-label')});
  await box.fill('chevaux');
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'chevaux');
  await page.locator('ol.search-results')
      .getByRole('link', {name: 'Cheval', exact: true})
      .waitFor();
});

// Pages of every kind: article, edit form, history, diff, special pages, search, a 404.
const kPages = [
  '/fr/wiki/Accueil',
  '/fr/wiki/Cheval?action=edit',
  '/fr/wiki/Cheval?action=history',
  '/fr/wiki/Cheval?action=move',
  '/fr/special/recent',
  '/fr/special/all',
  '/fr/special/search?q=lune',
  '/fr/wiki/Cat%C3%A9gorie:Animaux',
  '/fr/wiki/Page_qui_n%E2%80%99existe_pas',
  '/en/wiki/Horse',
];

test('every kind of page has a strict CSP and no inline script or style', async () => {
  const page = await wiki.newPage();
  for (const address of kPages) {
    const response = await page.goto(address);
    const policy = response.headers()['content-security-policy'] || '';
    assert.match(policy, /script-src 'self'/, `${address}: ${policy}`);
    assert.match(policy, /style-src 'self'/, `${address}: ${policy}`);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, `${address}: ${policy}`);
    assert.equal(await page.locator('script:not([src]), style, [style]').count(), 0, address);
    assert.equal(
        await page.locator('[onclick], [onload], [onerror], [onsubmit]').count(), 0, address);
  }
});

test('a narrow phone screen shows an article', async () => {
  const page = await wiki.newPage({viewport: {width: 390, height: 844}});
  await page.goto('/fr/wiki/Éléphant');
  const overflow =
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await wiki.screenshot(page, 'phone-elephant');
  await page.goto('/fr/wiki/Cheval?action=history');
  await wiki.screenshot(page, 'phone-history');
});
