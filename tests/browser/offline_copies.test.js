'use strict';
// Issue 16, offline copies, "done when": the classroom pack downloads from the class page, and a
// folder copy reads from a USB stick. In a real browser: a teacher makes a class, types two
// article titles in the pack form of the class page and downloads a ZIM file named after the
// class; a title that readers cannot see is refused on the page itself. Then the wiki is copied
// with `kidwiki export html`, opened from file://, and its title search finds "Éléphant" from
// "elep", without accents, and opens the page.
const assert = require('node:assert/strict');
const {execFileSync} = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {pathToFileURL} = require('node:url');
const {after, before, test} = require('node:test');
const {violations} = require('./axe');
const {classWithOnePupil} = require('./classes');
const {submit} = require('./forms');
const {binary} = require('./kidwiki_server');
const {msg} = require('./messages');
const session = require('./session');

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

function packSection(page) {
  return page.getByRole('region', {name: msg('offline-pack-heading')});
}

test('a teacher downloads the class pack from the class page', async () => {
  const teacher = await wiki.newEditorPage();
  const {dashboard} = await classWithOnePupil(teacher, 'CM2 Savane');
  await teacher.goto(dashboard);
  const pack = packSection(teacher);
  await pack.getByRole('textbox', {name: msg('offline-pack-titles')}).fill('Lion\nGirafe');
  assert.deepEqual(await violations(teacher), [], 'the class page with its pack form');
  await wiki.screenshot(teacher, 'class-page-pack-form');

  const [download] = await Promise.all([
    teacher.waitForEvent('download'),
    pack.getByRole('button', {name: msg('offline-pack-download')}).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'CM2 Savane.zim');
  const bytes = fs.readFileSync(await download.path());
  assert.equal(bytes.readUInt32LE(0), 72173914, 'a ZIM file starts with its magic number');
  assert.ok(bytes.includes(Buffer.from('Girafe')));

  await teacher.goto(dashboard);
  await packSection(teacher).getByRole('textbox', {name: msg('offline-pack-titles')}).fill('Licorne');
  assert.equal((await submit(teacher, msg('offline-pack-download'))).status(), 422);
  await teacher.getByRole('alert')
      .filter({hasText: msg('offline-pack-error-missing', {title: 'Licorne'})})
      .waitFor();
});

test('a folder copy opens from file:// and its title search finds a page', async () => {
  const stick = fs.mkdtempSync(path.join(os.tmpdir(), 'kidwiki-stick-'));
  const copy = path.join(stick, 'wiki-fr');
  try {
    execFileSync(binary(), ['export', 'html', '--lang', 'fr', '--data', wiki.dataDir, copy]);
    const reader = await wiki.newPage();
    await reader.goto(pathToFileURL(path.join(copy, 'index.html')).href);
    await reader.getByRole('searchbox', {name: msg('offline-search-label')}).fill('elep');
    await reader.getByRole('link', {name: 'Éléphant'}).first().click();
    await reader.getByRole('heading', {level: 1, name: 'Éléphant'}).waitFor();
    assert.match(reader.url(), /^file:.*\/wiki\/%C3%89l%C3%A9phant\.html$/);
    await wiki.screenshot(reader, 'folder-copy-page');
    // Pages read from a file come with no HTTP headers at all: that is the only thing the watch
    // may find on them.
    const problems = wiki.takeProblems(reader)
        .filter((p) => !/^no Content-Security-Policy header on file:/.test(p));
    assert.deepEqual(problems, []);
  } finally {
    fs.rmSync(stick, {recursive: true, force: true});
  }
});
