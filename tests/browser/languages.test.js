'use strict';
// Issue 14: an admin creates the Spanish and Arabic editions from the browser; a Spanish pupil's
// browser lands on the Spanish main page in Spanish; the Arabic interface is mirrored, readable
// and never wider than the screen, on a computer and on a phone.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {msg, msgIn} = require('./messages');
const {pathOf} = require('./paths');
const session = require('./session');

const kComputer = {width: 1280, height: 800};
const kPhone = {width: 375, height: 740};

let wiki;
const mainPages = {};  // lang -> the path of the new edition's main page
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

async function createEdition(admin, lang) {
  await admin.goto('/fr/special/editions');
  await admin.getByRole('textbox', {name: msg('edition-page-code-label')}).fill(lang);
  await admin.getByRole('button', {name: msg('edition-page-submit')}).click();
  await admin.waitForURL((url) => url.pathname.startsWith(`/${lang}/wiki/`));
  return pathOf(admin);
}

// Where the header's parts are, and whether anything is wider than the window.
async function layout(page) {
  return page.evaluate(() => {
    const box = (selector) => document.querySelector(selector).getBoundingClientRect();
    const name = box('.site-name');
    const search = box('.site-search');
    const heading = box('h1.page-heading');
    return {
      dir: document.documentElement.dir,
      nameCentre: name.left + name.width / 2,
      searchCentre: search.left + search.width / 2,
      headingLeft: heading.left,
      headingRight: heading.right,
      contentDirection: getComputedStyle(document.querySelector('main')).direction,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      width: document.documentElement.clientWidth,
    };
  });
}

test('an admin creates the Spanish and Arabic editions from the editions page', async () => {
  const admin = await wiki.newEditorPage();
  mainPages.es = await createEdition(admin, 'es');
  assert.equal(decodeURIComponent(mainPages.es), '/es/wiki/Portada');
  mainPages.ar = await createEdition(admin, 'ar');
  assert.equal(await admin.locator('html').getAttribute('dir'), 'rtl');
  await wiki.screenshot(admin, 'arabic-edition-created');
});

test('a Spanish pupil\'s browser lands on the Spanish main page, in Spanish', async () => {
  const page = await wiki.newPage({
    locale: 'es-ES',
    extraHTTPHeaders: {'Accept-Language': 'es-ES,es;q=0.9,en;q=0.5'},
  });
  await page.goto('/');
  assert.equal(decodeURIComponent(pathOf(page)), '/es/wiki/Portada');
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  await page.locator('header').getByRole('button', {name: msgIn('es', 'search-button')}).waitFor();
  await page.getByRole('link', {name: msgIn('es', 'web-nav-recent-changes')}).waitFor();
  await wiki.screenshot(page, 'spanish-main-page');
});

test('the Arabic interface is mirrored and fits a computer and a phone', async () => {
  const french = await wiki.newPage({viewport: kComputer});
  await french.goto('/fr/wiki/Accueil');
  const ltr = await layout(french);
  assert.equal(ltr.dir, 'ltr');
  assert.ok(ltr.nameCentre < ltr.searchCentre, 'in French the site name is left of the search');

  for (const [device, viewport] of [['computer', kComputer], ['phone', kPhone]]) {
    const page = await wiki.newPage({
      viewport,
      locale: 'ar',
      extraHTTPHeaders: {'Accept-Language': 'ar'},
    });
    await page.goto('/');
    assert.equal(pathOf(page), mainPages.ar, 'an Arabic browser lands on the Arabic edition');
    const rtl = await layout(page);
    assert.equal(rtl.dir, 'rtl');
    assert.equal(rtl.contentDirection, 'rtl');
    assert.equal(rtl.overflow, 0, `nothing is wider than the ${device}'s screen`);
    await page.locator('header').getByRole('button', {name: msgIn('ar', 'search-button')}).waitFor();
    if (device === 'computer') {
      assert.ok(rtl.nameCentre > rtl.searchCentre, 'in Arabic the site name is right of the search');
      // The heading starts at the right edge, as the French one starts at the left.
      assert.ok(rtl.width - rtl.headingRight < rtl.width / 4, 'the heading sits on the right');
      assert.ok(
          Math.abs((rtl.width - rtl.headingRight) - ltr.headingLeft) < 24,
          'the Arabic heading is as far from the right as the French one is from the left');
    }
    await wiki.screenshot(page, `arabic-main-page-${device}`);
  }
});

test('an Arabic article with a Latin-named author reads right in both directions', async () => {
  const admin = await wiki.newEditorPage({viewport: kComputer});
  const title = 'قطة';
  const response = await admin.request.put(`/api/v1/ar/pages/${encodeURIComponent(title)}`, {
    data: {markdown: '**القطة** حيوان أليف يحب اللعب.\n\n## الغذاء\n\nتأكل القطة 3 مرات في اليوم.',
      summary: 'مقالة جديدة عن Felis catus', base_revision_id: null},
    headers: {'X-CSRF-Token': await admin.locator('input[name=wpCsrf]').first().inputValue()},
  });
  assert.equal(response.status(), 201);
  await admin.goto(`/ar/wiki/${encodeURIComponent(title)}?action=history`);
  const rtl = await layout(admin);
  assert.equal(rtl.dir, 'rtl');
  assert.equal(rtl.overflow, 0);
  // The admin's Latin name is isolated, so it cannot pull the Arabic words around it.
  assert.equal(await admin.locator('bdi.author').first().textContent(), wiki.admin.name);
  await wiki.screenshot(admin, 'arabic-history');

  await admin.goto(`/ar/wiki/${encodeURIComponent(title)}?action=history&uselang=en`);
  const mixed = await layout(admin);
  assert.equal(mixed.dir, 'ltr', 'an English interface on the Arabic edition is left-to-right');
  assert.equal(await admin.locator('h1.page-heading bdi').textContent(), title);
  assert.equal(await admin.locator('.summary').first().getAttribute('dir'), 'rtl');
  await wiki.screenshot(admin, 'arabic-history-english-interface');
});
