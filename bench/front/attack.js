'use strict';
// Hostile clients against kidwiki, straight and through the shipped nginx (deploy/nginx): how
// long each refusal takes, how much kidwiki's memory grows, and how fast a reader on another
// connection is served meanwhile. Figures for docs/scaling.md ("Tried as an attacker would").
// Usage: node bench/front/attack.js [refusals|slow|render]...   (all three by default;
//        KIDWIKI_BINARY defaults to build/kidwiki)
const fs = require('node:fs');
const net = require('node:net');
const {Worker, isMainThread, parentPort, workerData} = require('node:worker_threads');
const kidwiki = require('../../tests/browser/kidwiki_server');
const nginx = require('../../tests/nginx/nginx_server');
const {request, json, floodChunked, slowClient} = require('../../tests/nginx/http_client');

const kMiB = 1024 * 1024;
const kArticle = '/fr/wiki/' + encodeURIComponent('Éléphant');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function rss(pid) {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
}

// Sends `head` (and then `body` bytes generated as fast as taken, if any) on a raw connection and
// resolves to the answer's status line and the milliseconds until it arrived.
function raw(port, head, {bodyBytes = 0, bodyChunk = 'a'} = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let done = false;
    const chunk = Buffer.alloc(64 * 1024, bodyChunk);
    let sent = 0;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({status: answer.split('\r\n')[0], ms: Number(process.hrtime.bigint() - started) / 1e6});
    };
    const pump = () => {
      while (!done && sent < bodyBytes) {
        sent += chunk.length;
        if (!socket.write(chunk)) return socket.once('drain', pump);
      }
    };
    socket.on('connect', () => { socket.write(head); pump(); });
    socket.on('data', (data) => { answer += data.toString('latin1'); if (answer.includes('\r\n\r\n')) finish(); });
    socket.on('error', finish);
    socket.on('close', finish);
  });
}

// Header lines, 40 bytes each, as fast as taken, until the server answers: the 87 MB case.
function headerFlood(port, totalBytes) {
  const line = 'X-Flood: ' + 'a'.repeat(29) + '\r\n';
  return raw(port, 'GET / HTTP/1.1\r\nHost: x\r\n', {bodyBytes: totalBytes, bodyChunk: line});
}

async function readerLatencies(url, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    const res = await request(url + kArticle);
    if (res.status !== 200) throw new Error(`reader got ${res.status}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return {p50: times[Math.floor(count / 2)], max: times[count - 1]};
}

async function refusals(name, url, pid) {
  const port = new URL(url).port;
  const cases = [
    ['Content-Length 50 GB declared', () => raw(port, 'POST /api/v1/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000000\r\n\r\n', {bodyBytes: 64 * kMiB})],
    ['chunked body of 300 MB', async () => {
      const started = process.hrtime.bigint();
      const {statusLine} = await floodChunked(port, '/api/v1/render', 300 * kMiB);
      return {status: statusLine, ms: Number(process.hrtime.bigint() - started) / 1e6};
    }],
    ['87 MB of small headers', () => headerFlood(port, 87 * kMiB)],
    ['a 20 KB address', () => raw(port, `GET /${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`)],
    ['Content-Length with Transfer-Encoding', () => raw(port, 'POST /api/v1/render HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')],
    ['Content-Length: +5', () => raw(port, 'POST /api/v1/render HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello')],
    ['a negative chunk size', () => raw(port, 'POST /api/v1/render HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n')],
    ['a PATCH without body', () => raw(port, 'PATCH /api/v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')],
    ['{"x":1e400}', () => raw(port, 'POST /api/v1/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 11\r\nConnection: close\r\n\r\n{"x":1e400}')],
  ];
  console.log(`\n### ${name}\n\n| attack | answer | time to answer | kidwiki RSS growth |\n|---|---|---|---|`);
  for (const [label, run] of cases) {
    const before = rss(pid);
    const {status, ms} = await run();
    const grown = (rss(pid) - before) / kMiB;
    console.log(`| ${label} | ${status.replace(/^HTTP\/1\.1 /, '') || '(closed)'} | ${ms.toFixed(0)} ms | ${grown.toFixed(1)} MiB |`);
  }
}

async function slowFlood(name, url, pid) {
  const port = new URL(url).port;
  const quiet = await readerLatencies(url, 30);
  const before = rss(pid);
  const closers = [];
  for (let i = 0; i < 200; i++) closers.push(slowClient(port, 1000));
  const idle = [];
  for (let i = 0; i < 128; i++) idle.push(net.connect(port, '127.0.0.1').on('error', () => {}));
  await sleep(1000);
  const during = await readerLatencies(url, 50);
  const grown = (rss(pid) - before) / kMiB;
  closers.forEach((close) => close());
  idle.forEach((socket) => socket.destroy());
  console.log(`| ${name} | ${quiet.p50.toFixed(1)} ms | ${during.p50.toFixed(1)} ms | ${during.max.toFixed(1)} ms | ${grown.toFixed(1)} MiB |`);
}

// The flooders run in a worker thread: sharing the reader's event loop, they would measure
// node's own lag, not kidwiki's.
async function floodRenders(url, markdown, addresses) {
  let stop = false;
  parentPort.once('message', () => { stop = true; });
  const answers = {};
  await Promise.all(Array.from({length: 32}, async (_, i) => {
    // One address for all, or one each (X-Real-IP, as nginx would pass 32 machines' addresses).
    const headers = addresses ? {'X-Real-IP': `10.0.0.${i + 1}`} : {};
    while (!stop) {
      const res = await json(`${url}/api/v1/render`, 'POST', {lang: 'fr', markdown}, headers).catch(() => ({status: 0}));
      answers[res.status] = (answers[res.status] || 0) + 1;
    }
  }));
  parentPort.postMessage(answers);
}

async function renderFlood(wiki, url, addresses) {
  const text = fs.readFileSync('tests/data/vikidia-fr/Chat.md', 'utf8');
  let big = text;
  while (big.length < 130000) big += '\n\n' + text;
  const flood = new Worker(__filename, {workerData: {url, markdown: big, addresses}});
  const answers = new Promise((resolve) => flood.once('message', resolve));
  await sleep(1000);
  const during = await readerLatencies(url, 50);
  const session = await json(`${url}/api/v1/session`, 'POST', {username: wiki.admin.name, password: wiki.admin.password});
  const cookie = session.headers['set-cookie'][0].split(';')[0];
  const csrf = JSON.parse(session.body).csrf_token;
  const saves = [];
  for (let i = 0; i < 7; i++) {
    const started = process.hrtime.bigint();
    const res = await json(`${url}/api/v1/fr/pages/Flood_${Date.now()}_${i}`, 'PUT',
                           {markdown: big, summary: 'flood', base_revision_id: null}, {Cookie: cookie, 'X-CSRF-Token': csrf});
    saves.push(`${res.status} in ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);
  }
  flood.postMessage('stop');
  const from = addresses ? '32 addresses' : 'one address';
  console.log(`\n32 clients posting 130 KB to /api/v1/render without a session, from ${from}:`);
  console.log(`- their answers: ${JSON.stringify(await answers)}`);
  console.log(`- a reader meanwhile: p50 ${during.p50.toFixed(1)} ms, max ${during.max.toFixed(1)} ms`);
  console.log(`- seven 130 KB saves by an admin meanwhile: ${saves.join(', ')}`);
  await flood.terminate();
}

async function main() {
  console.log(`load before: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
  const wiki = await kidwiki.start(['--trust-proxy', 'X-Real-IP']);
  const front = await nginx.start(new URL(wiki.url).port);
  const parts = process.argv.length > 2 ? process.argv.slice(2) : ['refusals', 'slow', 'render'];
  try {
    if (parts.includes('refusals')) {
      await refusals('straight to kidwiki', wiki.url, wiki.pid);
      await refusals('through nginx (deploy/nginx)', front.url, wiki.pid);
    }
    if (parts.includes('slow')) {
      console.log('\n### 200 slow clients and 128 idle connections, a reader on another connection\n');
      console.log('| path | reader p50, quiet | reader p50, during | reader max, during | kidwiki RSS growth |\n|---|---|---|---|---|');
      await slowFlood('straight to kidwiki', wiki.url, wiki.pid);
      await slowFlood('through nginx', front.url, wiki.pid);
    }
    if (parts.includes('render')) {
      await renderFlood(wiki, wiki.url, false);
      await renderFlood(wiki, wiki.url, true);
    }
  } finally {
    await front.stop();
    await wiki.stop();
  }
  console.log(`\nload after: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

if (isMainThread) {
  main().catch((error) => { console.error(error); process.exit(1); });
} else {
  floodRenders(workerData.url, workerData.markdown, workerData.addresses);
}
