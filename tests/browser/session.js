'use strict';
// One browser and one kidwiki server for a test file, with a watch on every page the tests open:
// a script error, a console error (a Content-Security-Policy violation shows up as one) or an
// HTML page without a Content-Security-Policy header is recorded as a problem, and finish()
// fails the test file if there was any. takeProblems(page) tells a test about one page at once.
const assert = require('node:assert/strict');
const http = require('node:http');
const path = require('node:path');
const {chromium} = requirePlaywright();
const {submit} = require('./forms');
const server = require('./kidwiki_server');
const {msg} = require('./messages');

function requirePlaywright() {
  try {
    return require('playwright-core');
  } catch (error) {
    throw new Error(
        `${error.message}\nInstall the tests' packages: scripts/install-browser-test-deps.sh`);
  }
}

const kChromium = process.env.KIDWIKI_CHROMIUM || '/usr/bin/chromium';
// Playwright adds --headless and gives each launch a fresh profile directory of its own. The
// machine may have no outside network: without the networking switches Chromium waits on
// refused connections to Google's services.
const kChromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const kTimeoutMs = 15000;
const kIndexWaitMs = 20000;

// The titles the suggest API offers for `prefix`; none while the server cannot answer. No
// keep-alive agent (node 19 and later keep connections by default): an idle connection would
// hold up the server's stop.
function suggest(baseUrl, prefix) {
  const url = `${baseUrl}/api/v1/fr/suggest?q=${encodeURIComponent(prefix)}`;
  return new Promise((resolve, reject) => {
    http.get(url, {agent: false}, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => (body += chunk));
          response.on(
              'end', () => resolve(response.statusCode === 200 ? JSON.parse(body).titles : []));
        }).on('error', reject);
  });
}

// Chromium asks for /favicon.ico by itself; no page links to it, so its 404 is not the page's.
function isFaviconMiss(source) {
  return new URL(source || 'about:blank').pathname === '/favicon.ico';
}

// Records what goes wrong on one page. Chromium also logs an error when a page itself answers
// 404 or 409 (a missing article, an edit conflict): those are the server's deliberate answers,
// which the tests check, so console errors are judged at the end, once every page is known.
function watch(page) {
  const documentUrls = new Set();
  const problems = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => problems.push(`script error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    consoleErrors.push({page: page.url(), source: message.location().url, text: message.text()});
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document') return;
    documentUrls.add(response.url());
    if (!response.headers()['content-security-policy']) {
      problems.push(`no Content-Security-Policy header on ${response.url()}`);
    }
  });
  return () => {
    const isPageStatus = (error) =>
        error.text.startsWith('Failed to load resource') && documentUrls.has(error.source);
    const unexpected = consoleErrors.filter((e) => !isFaviconMiss(e.source) && !isPageStatus(e));
    return problems.concat(
        unexpected.map((e) => `console error on ${e.page} (${e.source}): ${e.text}`));
  };
}

// Logs in through the login form on screen, else the edition's. Success is the form's 303 to the
// page the person came from; any other answer is a refusal, whose message the failure quotes.
async function logIn(page, {name, password}) {
  const form = page.locator('form.login-form');
  if (!(await form.count())) await page.goto('/fr/special/login');
  await page.getByRole('textbox', {name: msg('login-name-label')}).fill(name);
  await form.getByLabel(msg('login-password-label')).fill(password);
  const answer = await submit(page, msg('login-submit'));
  if (answer.status() !== 303) {
    assert.fail(`${name} could not log in (${answer.status()}): ${await page.textContent('main')}`);
  }
}

class Session {
  constructor(kidwiki, browser) {
    this.url = kidwiki.url;
    this.kidwiki_ = kidwiki;
    this.browser_ = browser;
    this.watches_ = new Map();  // page -> the problems its watch recorded so far
    this.taken_ = new Map();    // page -> the problems a test took (takeProblems)
    this.visited = [];
  }

  // A new reader: a browser context of its own (its own cookies) that asks for French, as a
  // French-speaking pupil's browser does. Pass {javaScriptEnabled: false} for a reader without
  // JavaScript.
  async newPage(options = {}) {
    const context = await this.browser_.newContext({
      baseURL: this.url,
      locale: 'fr-FR',
      extraHTTPHeaders: {'Accept-Language': 'fr'},
      ...options,
    });
    context.setDefaultTimeout(kTimeoutMs);
    const page = await context.newPage();
    this.watches_.set(page, watch(page));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.visited.push(frame.url());
    });
    return page;
  }

  // The server's data directory, for a test that runs another kidwiki command on the same wiki.
  get dataDir() {
    return this.kidwiki_.dataDir;
  }

  // The wiki's first admin, {name, password}, as the server printed it at its start.
  get admin() {
    return this.kidwiki_.admin;
  }

  // Logs `page` in as `account` ({name, password}) through the login form, the one on screen if
  // the page shows it (after a reader was asked to log in), else the edition's.
  async logIn(page, account) {
    await logIn(page, account);
  }

  // A new person logged in as `account` in a browser context of their own.
  async newUserPage(account, options = {}) {
    const page = await this.newPage(options);
    await logIn(page, account);
    return page;
  }

  // A new page logged in as the wiki's first admin: an editor whose edits are published at once.
  // Editing needs an account (anonymous editing is off by default).
  async newEditorPage(options = {}) {
    return this.newUserPage(this.admin, options);
  }

  // What went wrong on `page` so far (see watch()), an empty list when all is well; a test that
  // takes a page's problems answers for them, so finish() does not report them again.
  takeProblems(page) {
    const taken = this.taken_.get(page) || new Set();
    this.taken_.set(page, taken);
    const fresh = this.watches_.get(page)().filter((problem) => !taken.has(problem));
    fresh.forEach((problem) => taken.add(problem));
    return fresh;
  }

  // A fresh data directory's demo pages are indexed in the background just after start; resolves
  // once autocomplete knows the French Éléphant, so that search tests do not race the indexer.
  async waitForSearchIndex() {
    const deadline = Date.now() + kIndexWaitMs;
    while (!(await suggest(this.url, 'ele')).includes('Éléphant')) {
      if (Date.now() > deadline) throw new Error('the demo pages were not indexed in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  // Saves a full-page screenshot when KIDWIKI_SCREENSHOTS names a folder, for a person to look
  // at the layout; does nothing otherwise.
  async screenshot(page, name) {
    const folder = process.env.KIDWIKI_SCREENSHOTS;
    if (folder) await page.screenshot({path: path.join(folder, `${name}.png`), fullPage: true});
  }

  async finish() {
    await this.browser_.close();
    await this.kidwiki_.stop();
    const problems = [...this.watches_.keys()].flatMap((page) => this.takeProblems(page));
    assert.deepEqual(problems, [], 'pages visited:\n' + this.visited.join('\n'));
  }
}

// Starts kidwiki on a fresh data directory and Chromium; call finish() in an after() hook.
async function open() {
  const kidwiki = await server.start();
  try {
    const browser = await chromium.launch({
      executablePath: kChromium,
      headless: true,
      args: kChromiumArgs,
    });
    return new Session(kidwiki, browser);
  } catch (error) {
    await kidwiki.stop();
    throw new Error(`${error.message}\nChromium comes from Debian: scripts/install-deps.sh test`);
  }
}

module.exports = {open};
