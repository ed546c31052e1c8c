'use strict';
// Issue 2, 3 and 4: the wiki needs no JavaScript. A reader whose browser runs none reads, an
// editor edits with a preview, both search; every page, a reader's or a logged-in person's,
// carries a Content-Security-Policy that forbids inline script and style, and has none. (Script
// errors and policy violations on pages with JavaScript are watched for in every test file by
// session.js; here a logged-in person's pages are checked one by one.)
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

// Pages of every kind a reader sees: article, history, special pages, search, a 404, and the
// login page that the edit and move tabs lead a reader to.
const kReaderPages = [
  '/fr/wiki/Accueil',
  '/fr/wiki/Cheval?action=history',
  '/fr/special/recent',
  '/fr/special/all',
  '/fr/special/search?q=lune',
  '/fr/wiki/Cat%C3%A9gorie:Animaux',
  '/fr/wiki/Page_qui_n%E2%80%99existe_pas',
  '/en/wiki/Horse',
  '/fr/wiki/Cheval?action=edit',
  '/fr/special/login',
];

// The pages only a logged-in person reaches (here the first admin, who reaches them all): forms,
// the review queue, classes, staff accounts and the safety tools.
const kEditorPages = [
  '/fr/wiki/Cheval',
  '/fr/wiki/Cheval?action=edit',
  '/fr/wiki/Cheval?action=move',
  '/fr/special/review',
  '/fr/special/my-edits',
  '/fr/special/classes',
  '/fr/special/users',
  '/fr/special/settings',
  '/fr/special/reports',
  '/fr/special/blocks',
  '/fr/special/audit',
  '/fr/special/filters',
  '/fr/special/restore',
  '/fr/special/protect/Cheval',
  '/fr/special/delete/Cheval',
  '/fr/special/report/Cheval',
];

async function checkStrictPolicy(page, address) {
  const response = await page.goto(address);
  const policy = response.headers()['content-security-policy'] || '';
  assert.match(policy, /script-src 'self'/, `${address}: ${policy}`);
  assert.match(policy, /style-src 'self'/, `${address}: ${policy}`);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/, `${address}: ${policy}`);
  assert.equal(await page.locator('script:not([src]), style, [style]').count(), 0, address);
  assert.equal(
      await page.locator('[onclick], [onload], [onerror], [onsubmit]').count(), 0, address);
  return response;
}

test(
    'every kind of page a reader sees has a strict CSP and no inline script or style', async () => {
      const page = await wiki.newPage();
      for (const address of kReaderPages) await checkStrictPolicy(page, address);
    });

test(
    'a logged-in person\'s pages have a strict CSP, no console error and no CSP violation',
    async () => {
      const page = await wiki.newEditorPage();
      for (const address of kEditorPages) {
        const response = await checkStrictPolicy(page, address);
        assert.equal(response.status(), 200, address);
        assert.equal(
            `${pathOf(page)}${new URL(page.url()).search}`, decodeURI(address),
            'not sent to the login page');
        await page.locator('.site-user').getByRole('button', {name: msg('login-logout')}).waitFor();
        assert.deepEqual(wiki.takeProblems(page), [], address);
      }
    });

// The check above relies on Chromium reporting a policy violation as a console error: a script
// written into the page is refused, and the watch sees it.
test('the page watch reports a Content-Security-Policy violation', async () => {
  const page = await wiki.newEditorPage();
  await page.goto('/fr/special/review');
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.title = "inline";';
    document.body.append(script);
  });
  await page.waitForTimeout(200);
  assert.notEqual(await page.title(), 'inline', 'the policy stopped the inline script');
  const problems = wiki.takeProblems(page);
  assert.ok(
      problems.some((problem) => /Content Security Policy/.test(problem)),
      `problems: ${problems.join('\n')}`);
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
