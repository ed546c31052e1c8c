'use strict';
// One browser and one kidwiki server for a test file, with a watch on every page the tests open:
// a script error, a console error (a Content-Security-Policy violation shows up as one) or an
// HTML page without a Content-Security-Policy header is recorded as a problem, and finish()
// fails the test file if there was any.
const assert = require('node:assert/strict');
const path = require('node:path');
const { chromium } = require('playwright-core');
const server = require('./kidwiki_server');

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

// Chromium asks for /favicon.ico by itself; no page links to it, so its 404 is not the page's.
function isFaviconMiss(message) {
  return new URL(message.location().url || 'about:blank').pathname === '/favicon.ico';
}

function watch(page, problems) {
  page.on('pageerror', (error) => problems.push(`script error on ${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' || isFaviconMiss(message)) return;
    const source = message.location().url;
    problems.push(`console error on ${page.url()} (${source}): ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document') return;
    if (!response.headers()['content-security-policy']) {
      problems.push(`no Content-Security-Policy header on ${response.url()}`);
    }
  });
}

class Session {
  constructor(kidwiki, browser) {
    this.url = kidwiki.url;
    this.kidwiki_ = kidwiki;
    this.browser_ = browser;
    this.problems = [];
    this.visited = [];
  }

  // A new reader: a browser context of its own (its own cookies) that asks for French, as a
  // French-speaking pupil's browser does. Pass {javaScriptEnabled: false} for a reader without
  // JavaScript.
  async newPage(options = {}) {
    const context = await this.browser_.newContext({
      baseURL: this.url,
      locale: 'fr-FR',
      extraHTTPHeaders: { 'Accept-Language': 'fr' },
      ...options,
    });
    context.setDefaultTimeout(kTimeoutMs);
    const page = await context.newPage();
    watch(page, this.problems);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.visited.push(frame.url());
    });
    return page;
  }

  // Saves a full-page screenshot when KIDWIKI_SCREENSHOTS names a folder, for a person to look
  // at the layout; does nothing otherwise.
  async screenshot(page, name) {
    const folder = process.env.KIDWIKI_SCREENSHOTS;
    if (folder) await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
  }

  async finish() {
    await this.browser_.close();
    await this.kidwiki_.stop();
    assert.deepEqual(this.problems, [], 'pages visited:\n' + this.visited.join('\n'));
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
    throw error;
  }
}

module.exports = { open };
