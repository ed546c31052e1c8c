'use strict';
// What one machine serves: article views through the shipped nginx cache (deploy/nginx) and
// straight from kidwiki, search queries, and saves by many editors at once. Figures for
// docs/scaling.md. wrk drives the reads; the saves come from this script (each editor saves its
// own page, its next base being the revision it just made).
// Usage: node bench/front/scaling.js [SECONDS] [views|search|saves|churn]...   (default 10 and
//        all four; KIDWIKI_BINARY as in tests/). churn: article views at 32 connections, alone
//        and while other pages are saved every 100 ms.
const {execFile} = require('node:child_process');
const {promisify} = require('node:util');
const fs = require('node:fs');
const kidwiki = require('../../tests/browser/kidwiki_server');
const nginx = require('../../tests/nginx/nginx_server');
const {json} = require('../../tests/nginx/http_client');

const seconds = Number(process.argv[2] || 10);
const parts = process.argv.length > 3 ? process.argv.slice(3) : ['views', 'search', 'saves', 'churn'];
const kArticle = '/fr/wiki/' + encodeURIComponent('Éléphant');
const kEditors = Number(process.env.EDITORS || 16);

// Asynchronous: this process must go on reading kidwiki's request log, or the full pipe would
// stall the server.
async function wrk(url, connections) {
  const threads = connections < 2 ? 1 : 2;
  const {stdout: out} = await promisify(execFile)(
      'wrk', [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--latency', url]);
  const pick = (re) => (re.exec(out) || [])[1] || '?';
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  return {rps: pick(/Requests\/sec:\s+([\d.]+)/), p50: pick(/\s50%\s+(\S+)/), p99: pick(/\s99%\s+(\S+)/),
          errors: errors ? errors[1] : '0'};
}

async function row(label, url, connections) {
  const r = await wrk(url, connections);
  console.log(`| ${label} | ${connections} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`);
}

async function login(base, username, password) {
  const res = await json(`${base}/api/v1/session`, 'POST', {username, password});
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  return {Cookie: res.headers['set-cookie'][0].split(';')[0], 'X-CSRF-Token': JSON.parse(res.body).csrf_token};
}

async function editors(base, admin) {
  const result = [];
  for (let i = 0; i < kEditors; i++) {
    const username = `Bench ${i}`;
    const password = `bench-password-${i}`;
    const made = await json(`${base}/api/v1/users`, 'POST', {username, role: 'teacher', password}, admin);
    if (made.status !== 201) throw new Error(`create ${username}: ${made.status} ${made.body}`);
    result.push(await login(base, username, password));
  }
  return result;
}

// Each editor saves its own page (Vikidia's "Chat" with a changing last line) as fast as it is
// answered, for `seconds`.
async function saves(base, sessions) {
  const text = fs.readFileSync('tests/data/vikidia-fr/Chat.md', 'utf8');
  const times = [];
  const statuses = {};
  const until = Date.now() + seconds * 1000;
  await Promise.all(sessions.map(async (headers, i) => {
    const api = `${base}/api/v1/fr/pages/Chat_${i}`;
    let base_revision_id = null;
    for (let n = 0; Date.now() < until; n++) {
      const started = process.hrtime.bigint();
      const res = await json(api, 'PUT', {markdown: `${text}\n\nMesure ${n}.\n`, summary: 'bench', base_revision_id}, headers);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      statuses[res.status] = (statuses[res.status] || 0) + 1;
      if (res.status === 200 || res.status === 201) base_revision_id = JSON.parse(res.body).revision_id;
    }
  }));
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
  const ok = (statuses[200] || 0) + (statuses[201] || 0);
  console.log(`| ${kEditors} editors, each its own page | ${(ok / seconds).toFixed(1)} | ${at(0.5)} ms | ${at(0.99)} ms | ${JSON.stringify(statuses)} |`);
}

// Views of one article while the editors save other pages, one save every 100 ms in all.
async function churn(wiki, sessions) {
  const url = wiki.url + kArticle;
  const quiet = await wrk(url, 32);
  let stop = false;
  let saved = 0;
  const text = fs.readFileSync('tests/data/vikidia-fr/Chat.md', 'utf8');
  const saver = (async () => {
    const bases = new Map();
    for (let n = 0; !stop; n++) {
      const i = n % sessions.length;
      const started = Date.now();
      const res = await json(`${wiki.url}/api/v1/fr/pages/Churn_${i}`, 'PUT',
                             {markdown: `${text}\n\nMesure ${n}.\n`, summary: 'bench', base_revision_id: bases.get(i) ?? null},
                             sessions[i]);
      if (res.status === 200 || res.status === 201) {
        bases.set(i, JSON.parse(res.body).revision_id);
        saved++;
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - started))));
    }
  })();
  const busy = await wrk(url, 32);
  stop = true;
  await saver;
  console.log(`| no saves | ${quiet.rps} | ${quiet.p50} | ${quiet.p99} |`);
  console.log(`| a save every 100 ms (${saved} saves) | ${busy.rps} | ${busy.p50} | ${busy.p99} |`);
  recordFigure('views_churn', busy.rps / quiet.rps, `${quiet.rps}/s without saves, ${busy.rps}/s with ${saved}`);
}

// For the targets table (bench/targets.py): the line format of bench/figures.h.
function recordFigure(key, value, comparator) {
  const file = process.env.KIDWIKI_BENCH_FIGURES;
  if (file) fs.appendFileSync(file, `${key}\t0\t${value.toPrecision(4)}\t${comparator}\n`);
}

async function main() {
  console.log(`load before: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}; ${seconds} s per run`);
  const wiki = await kidwiki.start(['--trust-proxy', 'X-Real-IP']);
  const front = await nginx.start(new URL(wiki.url).port);
  try {
    if (parts.includes('views')) {
      console.log('\n| article view | connections | requests/s | p50 | p99 | non-2xx |\n|---|---|---|---|---|---|');
      for (const c of [1, 32, 256]) {
        await row('through nginx, cached', front.url + kArticle, c);
        await row('straight from kidwiki', wiki.url + kArticle, c);
      }
    }
    if (parts.includes('search')) {
      console.log('\n| search | connections | requests/s | p50 | p99 | non-2xx |\n|---|---|---|---|---|---|');
      for (const c of [1, 32]) {
        await row('API, "animaux"', `${wiki.url}/api/v1/fr/search?q=animaux`, c);
        await row('suggest, "él"', `${wiki.url}/api/v1/fr/suggest?q=${encodeURIComponent('él')}`, c);
      }
    }
    if (parts.includes('saves') || parts.includes('churn')) {
      const admin = await login(wiki.url, wiki.admin.name, wiki.admin.password);
      const sessions = await editors(wiki.url, admin);
      if (parts.includes('saves')) {
        console.log('\n| saves | saves/s | p50 | p99 | answers |\n|---|---|---|---|---|');
        await saves(wiki.url, sessions);
      }
      if (parts.includes('churn')) {
        console.log('\n| views at 32 connections, straight from kidwiki | requests/s | p50 | p99 |\n|---|---|---|---|');
        await churn(wiki, sessions);
      }
    }
  } finally {
    await front.stop();
    await wiki.stop();
  }
  console.log(`\nload after: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

main().catch((error) => { console.error(error); process.exit(1); });
