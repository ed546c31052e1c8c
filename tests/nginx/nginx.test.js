'use strict';
// The shipped nginx configuration (deploy/nginx) in front of the real kidwiki, as docs/deploy.md
// installs it: what it caches, what it must never cache, and what it keeps away from kidwiki.
// No test measures a duration (a busy machine would fail it): the figures are in
// docs/scaling.md, from bench/. Loops that wait for a state have a bound only against a hang.
const {test, before, after} = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const kidwiki = require('../browser/kidwiki_server');
const nginx = require('./nginx_server');
const {request, json, floodChunked, slowClient} = require('./http_client');

const kArticle = '/fr/wiki/' + encodeURIComponent('Éléphant');
const kMiB = 1024 * 1024;

let wiki;
let front;

before(async () => {
  wiki = await kidwiki.start(['--trust-proxy', 'X-Real-IP']);
  front = await nginx.start(new URL(wiki.url).port);
});

after(async () => {
  if (front) await front.stop();
  if (wiki) await wiki.stop();
});

function residentBytes(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) * 1024;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function login(base) {
  const res = await json(`${base}/api/v1/session`, 'POST',
                         {username: wiki.admin.name, password: wiki.admin.password});
  assert.equal(res.status, 200, res.body);
  const cookie = res.headers['set-cookie'][0].split(';')[0];
  return {cookie, csrf: JSON.parse(res.body).csrf_token};
}

test('an anonymous article is served from the cache after the first view', async () => {
  const first = await request(front.url + kArticle);
  assert.equal(first.status, 200);
  assert.match(first.headers['cache-control'], /public/);
  assert.ok(first.headers.etag, 'an anonymous view carries an ETag');
  let hit = false;
  for (let i = 0; i < 50 && !hit; i++) {
    const again = await request(front.url + kArticle);
    assert.equal(again.status, 200);
    assert.equal(again.body, first.body);
    hit = again.headers['x-cache-status'] === 'HIT';
  }
  assert.ok(hit, 'nginx answered the article from its cache');
});

test('kidwiki answers a revalidation with 304', async () => {
  const first = await request(wiki.url + kArticle);
  const again = await request(wiki.url + kArticle, {headers: {'If-None-Match': first.headers.etag}});
  assert.equal(again.status, 304);
  assert.equal(again.body, '');
});

test('a save reaches readers through the cache', async () => {
  await request(front.url + kArticle);  // in the cache now
  const admin = await login(front.url);
  const api = `${front.url}/api/v1/fr/pages/${encodeURIComponent('Éléphant')}`;
  const page = await request(api, {headers: {Cookie: admin.cookie}});
  assert.equal(page.status, 200, page.body);
  const current = JSON.parse(page.body);
  const word = `Marqueur${Date.now()}`;
  const saved = await json(api, 'PUT', {
    markdown: `${current.markdown}\n\n${word}\n`,
    summary: 'nginx test',
    base_revision_id: current.revision_id,
  }, {Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf});
  assert.equal(saved.status, 200, saved.body);
  const savedAt = Date.now();
  let seen = false;
  for (let i = 0; i < 300 && !seen; i++) {
    seen = (await request(front.url + kArticle)).body.includes(word);
    if (!seen) await sleep(50);
  }
  assert.ok(seen, 'readers see the save');
  test.diagnostic?.(`save visible through nginx after ${Date.now() - savedAt} ms`);
});

test("a pupil's logged-in view is never cached nor served to anyone else", async () => {
  const admin = await login(front.url);
  for (let i = 0; i < 3; i++) {
    const mine = await request(front.url + kArticle, {headers: {Cookie: admin.cookie}});
    assert.equal(mine.status, 200);
    assert.equal(mine.headers['x-cache-status'], 'BYPASS');
    assert.match(mine.headers['cache-control'], /no-store/);
    assert.match(mine.body, /special\/logout/);
  }
  const reader = await request(front.url + kArticle);
  assert.doesNotMatch(reader.body, /special\/logout/);
});

for (const [name, target] of [['through nginx', () => front.url], ['straight to kidwiki', () => wiki.url]]) {
  test(`a 300 MB chunked body is refused without kidwiki's memory growing (${name})`, async () => {
    const before = residentBytes(wiki.pid);
    const port = new URL(target()).port;
    const {statusLine, sent} = await floodChunked(port, '/api/v1/render', 300 * kMiB);
    assert.match(statusLine, / 413 /);
    assert.ok(sent < 300 * kMiB, `refused before the end (${sent} bytes sent)`);
    const grown = residentBytes(wiki.pid) - before;
    assert.ok(grown < 32 * kMiB, `kidwiki grew by ${grown} bytes`);
  });

  test(`200 slow clients do not stop a reader (${name})`, async () => {
    const port = new URL(target()).port;
    const closers = [];
    for (let i = 0; i < 200; i++) closers.push(slowClient(port, 500));
    try {
      await sleep(500);  // every slow client has begun its request
      for (let i = 0; i < 5; i++) {
        const res = await request(target() + kArticle);
        assert.equal(res.status, 200);
      }
    } finally {
      closers.forEach((close) => close());
    }
  });
}

test('nginx refuses an oversized request head before kidwiki', async () => {
  const headers = {};
  for (let i = 0; i < 20; i++) headers[`X-Filler-${i}`] = 'x'.repeat(16 * 1024);
  const res = await request(front.url + kArticle, {headers}).catch((error) => ({status: 0, error}));
  assert.ok(res.status === 400 || res.status === 431 || res.status === 0, `status ${res.status}`);
});
