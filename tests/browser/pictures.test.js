'use strict';
// Issue 13, "done when", in a real browser: a pupil sends a phone photo (stored sideways, with its
// GPS position, camera, XMP, IPTC and a comment) from the editor's Picture button and places it in
// Lion with a caption; readers see neither the picture nor the edit; the teacher sees the picture
// large in the review queue and approves both; the reader then sees a resized, upright picture
// whose bytes carry none of the photo's metadata.
const assert = require('node:assert/strict');
const path = require('node:path');
const {after, before, test} = require('node:test');
const {submit} = require('./forms');
const {msg} = require('./messages');
const session = require('./session');

const kPhoto = path.join(__dirname, '..', 'data', 'images', 'phone.jpg');
const kName = 'Lion au zoo.jpg';
const kCaption = 'Un lion qui dort';
// What phone.jpg carries (tests/data/images/make-fixtures.sh): none of it may reach a reader.
const kSecrets = ['Exif', 'GPS', 'KidPhone', 'Secret', 'secret', 'http://ns.adobe.com',
                  'Photoshop 3.0'];

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();
});

// Logs the page's browser context in through the API as well, for the set-up calls a person
// would make through forms that other tests already cover; resolves to the CSRF token.
async function apiToken(page, account) {
  const answer = await page.request.post('/api/v1/session',
                                         {data: {username: account.name, password: account.password}});
  assert.equal(answer.status(), 200, await answer.text());
  return (await answer.json()).csrf_token;
}

async function apiPost(page, token, url, data) {
  const answer = await page.request.post(url, {data, headers: {'X-CSRF-Token': token}});
  assert.equal(answer.status(), 201, `${url}: ${await answer.text()}`);
  return answer.json();
}

// An admin makes a teacher; the teacher makes a class with one pupil.
async function classroom() {
  const admin = await wiki.newPage();
  const adminToken = await apiToken(admin, wiki.admin);
  const made = await apiPost(admin, adminToken, '/api/v1/users',
                             {username: 'Mme Photo', role: 'teacher'});
  const teacherAccount = {name: made.username, password: made.password};
  const teacher = await wiki.newUserPage(teacherAccount);
  const teacherToken = await apiToken(teacher, teacherAccount);
  const cls = await apiPost(teacher, teacherToken, '/api/v1/classes', {name: 'CM1 Photo', lang: 'fr'});
  const pupils = await apiPost(teacher, teacherToken, `/api/v1/classes/${cls.id}/pupils`,
                               {names: ['Léo']});
  const pupil = {name: pupils.pupils[0].username, password: pupils.pupils[0].password};
  return {teacher, pupil};
}

function textbox(page) {
  return page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
}

// The pupil opens Lion's editor, sends the photo from the Picture button and saves.
async function placePhoto(pupil) {
  await pupil.goto('/fr/wiki/Lion?action=edit');
  await pupil.getByRole('button', {name: msg('web-toolbar-picture')}).click();
  const panel = pupil.getByRole('group', {name: msg('web-picture-panel-heading')});
  await panel.getByLabel(msg('upload-file-label')).setInputFiles(kPhoto);
  const name = panel.getByRole('textbox', {name: msg('upload-name-label')});
  assert.equal(await name.inputValue(), 'phone.jpg', 'the name comes from the file');
  await name.fill(kName);
  await panel.getByRole('textbox', {name: msg('upload-description-label')})
      .fill('Un lion qui dort à l’ombre.');
  await panel.getByRole('textbox', {name: msg('web-picture-caption-label')}).fill(kCaption);
  // Without the promise that nobody is in the picture, nothing is sent, and the panel says why.
  await panel.getByRole('button', {name: msg('web-picture-insert')}).click();
  await panel.getByText(msg('upload-error-confirm')).waitFor();
  await panel.getByRole('checkbox', {name: msg('upload-confirm')}).check();
  await wiki.screenshot(pupil, 'picture-panel');
  await panel.getByRole('button', {name: msg('web-picture-insert')}).click();
  await pupil.getByRole('status').getByText(msg('web-picture-sent-pending')).waitFor();
  const text = (await textbox(pupil).inputValue()).replace(/\r\n/g, '\n');
  const line = `![${kCaption}](Fichier:${kName.replace(/ /g, '_')})`;
  assert.ok(text.split('\n').includes(line), `on a line of its own: ${text.slice(0, 300)}`);
  await pupil.getByRole('textbox', {name: msg('web-edit-summary-label')}).fill('Une photo');
  assert.equal((await submit(pupil, msg('web-edit-save'))).status(), 303);
}

async function readerSeesNoPicture(reader) {
  await reader.goto('/fr/wiki/Lion');
  assert.equal(await reader.locator(`.content img[alt*="${kCaption}"]`).count(), 0);
  const file = await reader.request.get(`/api/v1/fr/files/${encodeURIComponent(kName)}`);
  assert.equal(file.status(), 404, 'the pending picture is not shown to readers');
}

// The queue holds the picture, shown large with the reminder, and the edit of Lion.
async function teacherApproves(teacher) {
  await teacher.goto('/fr/special/review');
  const picture = teacher.locator('.review-item').filter({has: teacher.locator('.review-picture')});
  assert.equal(await picture.count(), 1);
  await picture.getByText(msg('review-picture-check')).waitFor();
  const shown = await picture.locator('.review-picture img').boundingBox();
  // Stored sideways at 64 × 48, the photo is shown upright, and large however small it is.
  assert.ok(shown.height > shown.width, `upright: ${shown.width} × ${shown.height}`);
  assert.ok(shown.width >= 300, `large: ${shown.width} × ${shown.height}`);
  await wiki.screenshot(teacher, 'review-picture');
  assert.equal((await submit(teacher, msg('review-approve'), picture)).status(), 303);
  const edit = teacher.locator('.review-item').filter({has: teacher.getByRole('heading', {name: 'Lion'})});
  assert.equal((await submit(teacher, msg('review-approve'), edit)).status(), 303);
  await teacher.getByText(msg('review-queue-empty')).waitFor();
}

// Every size the reader's browser may load, fetched as it would be: no metadata in any.
async function readerSeesCleanPicture(reader) {
  await reader.goto('/fr/wiki/Lion');
  const figure = reader.locator('.content figure').filter({hasText: kCaption});
  const picture = figure.locator('img');
  await picture.waitFor();
  const width = Number(await picture.getAttribute('width'));
  const height = Number(await picture.getAttribute('height'));
  assert.ok(height > width, `the photo is upright: ${width} × ${height}`);
  assert.equal(await picture.getAttribute('loading'), 'lazy');
  const urls = new Set([await picture.getAttribute('src')]);
  for (const candidate of (await picture.getAttribute('srcset') || '').split(',')) {
    if (candidate.trim()) urls.add(candidate.trim().split(/\s+/)[0]);
  }
  for (const url of urls) {
    assert.match(url, /^\/media\/[0-9a-f]{64}\//);
    const answer = await reader.request.get(url);
    assert.equal(answer.status(), 200, url);
    assert.match(answer.headers()['cache-control'], /immutable/);
    const bytes = (await answer.body()).toString('latin1');
    for (const secret of kSecrets) assert.ok(!bytes.includes(secret), `${url} carries ${secret}`);
  }
  await wiki.screenshot(reader, 'article-with-photo');
}

test('a phone photo from the editor to the reader, through the teacher, without its metadata',
     async () => {
       const {teacher, pupil: pupilAccount} = await classroom();
       const pupil = await wiki.newUserPage(pupilAccount);
       await placePhoto(pupil);
       const reader = await wiki.newPage();
       await readerSeesNoPicture(reader);
       await teacherApproves(teacher);
       await readerSeesCleanPicture(reader);
     });
