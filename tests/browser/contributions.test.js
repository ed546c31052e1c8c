'use strict';
// Issue 15, contributions, in real browsers: two pupils write one article together, their teacher
// approves both edits, opens the class's "who wrote what" page from the class page, reads each
// pupil's pages, edits and words still in the text, and opens a pupil's Special:Contributions;
// a reader sees the published edits there, not a pupil's edit that waits for review.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {violations} = require('./axe');
const {submit} = require('./forms');
const {msg} = require('./messages');
const {pathOf} = require('./paths');
const session = require('./session');

const kClass = 'CM1 Abeilles';
const kTitle = 'Les abeilles';
const kFirst = 'Les abeilles font du miel.';          // 5 words
const kSecond = 'Elles vivent dans une ruche en bois.';  // 7 words
const kWaiting = 'Elles piquent parfois.';

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

// The admin, as a teacher, makes a class of two pupils and reads their cards.
async function classOfTwo(teacher) {
  await teacher.goto('/fr/special/classes');
  await teacher.getByRole('textbox', {name: msg('classes-name-label')}).fill(kClass);
  assert.equal((await submit(teacher, msg('classes-create-submit'))).status(), 303);
  const dashboard = pathOf(teacher);
  await teacher.getByRole('spinbutton', {name: msg('classes-count-label')}).fill('2');
  assert.equal((await submit(teacher, msg('classes-add-submit'))).status(), 200);
  const cards = teacher.locator('.login-card');
  const pupils = [];
  for (let i = 0; i < 2; ++i) {
    pupils.push({
      name: await cards.nth(i).locator('.card-username').textContent(),
      password: await cards.nth(i).locator('.card-password').textContent(),
    });
  }
  return {dashboard, pupils};
}

function textbox(page) {
  return page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
}

// The pupil opens the article's edit form, adds `line` at the end and saves (waits for review).
async function write(pupil, line) {
  await pupil.goto(`/fr/wiki/${encodeURIComponent(kTitle.replace(/ /g, '_'))}?action=edit`);
  const text = (await textbox(pupil).inputValue()).replace(/\r\n/g, '\n').trimEnd();
  await textbox(pupil).fill(text ? `${text}\n\n${line}\n` : `${line}\n`);
  assert.equal((await submit(pupil, msg('web-edit-save'))).status(), 303);
}

async function approve(teacher) {
  await teacher.goto('/fr/special/review');
  const item = teacher.locator('.review-item').filter({has: teacher.getByRole('heading', {name: kTitle})});
  assert.equal((await submit(teacher, msg('review-approve'), item)).status(), 303);
  await teacher.getByText(msg('review-queue-empty')).waitFor();
}

// The cells of the pupil's row in the "who wrote what" table.
async function rowOf(teacher, name) {
  const row = teacher.locator('tr.pupil-contributions').filter({
    has: teacher.locator('.pupil-name').getByText(name, {exact: true})
  });
  assert.equal(await row.count(), 1, `one row for ${name}`);
  return {
    pages: (await row.locator('.pupil-pages .count').textContent()).trim(),
    edits: (await row.locator('.pupil-edits').textContent()).trim(),
    words: (await row.locator('.pupil-words').textContent()).trim(),
  };
}

test('a teacher follows group work: pages, edits and words per pupil, then a pupil\'s contributions',
     async () => {
       const teacher = await wiki.newEditorPage();
       const {dashboard, pupils: [lea, noah]} = await classOfTwo(teacher);
       const first = await wiki.newUserPage(lea);
       await write(first, kFirst);
       await approve(teacher);
       const second = await wiki.newUserPage(noah);
       await write(second, kSecond);
       await approve(teacher);
       await write(second, kWaiting);  // waits for review: an edit, no words yet

       // From the class page to "who wrote what".
       await teacher.goto(dashboard);
       await teacher.getByRole('link', {name: msg('contributions-class-link')}).click();
       await teacher.getByRole('heading', {level: 1, name: msg('contributions-class-heading', {name: kClass})})
           .waitFor();
       assert.deepEqual(await rowOf(teacher, lea.name), {pages: '1', edits: '1', words: '5'});
       assert.deepEqual(await rowOf(teacher, noah.name), {pages: '1', edits: '2', words: '7'});
       const page = teacher.locator('.group-page').filter({has: teacher.getByRole('heading', {name: kTitle})});
       const shares = await page.locator('tr.page-share .pupil-name').allTextContents();
       assert.deepEqual(shares, [noah.name, lea.name], 'the most words first');
       assert.deepEqual(await violations(teacher), [], 'the page passes axe\'s WCAG checks');
       await wiki.screenshot(teacher, 'class-contributions');

       // Sorted by words, Noah comes first in the pupils' table too.
       await teacher.getByRole('link', {name: msg('contributions-col-words')}).click();
       await teacher.waitForURL((url) => url.searchParams.get('sort') === 'words');
       const order = await teacher.locator('tr.pupil-contributions .pupil-name').allTextContents();
       assert.deepEqual(order, [noah.name, lea.name]);

       // A pupil's name opens their Special:Contributions: both edits, the waiting one marked.
       await teacher.locator('tr.pupil-contributions').getByRole('link', {name: noah.name}).click();
       await teacher.getByRole('heading', {level: 1, name: msg('contributions-heading', {name: noah.name})})
           .waitFor();
       const items = teacher.locator('li.contribution');
       assert.equal(await items.count(), 2);
       await items.first().locator('.badge').getByText(msg('review-state-pending')).waitFor();
       assert.equal(await items.nth(1).locator('.page-title').textContent(), kTitle);
       await items.nth(1).locator('.badge').getByText(msg('contributions-current')).waitFor();
       assert.deepEqual(await violations(teacher), []);
       await wiki.screenshot(teacher, 'pupil-contributions');

       // Its "changes" link shows what the edit did.
       await items.nth(1).getByRole('link', {name: msg('contributions-diff')}).click();
       await teacher.waitForURL((url) => url.searchParams.has('diff'));
       await teacher.locator('table.diff ins').first().waitFor();

       // A reader sees Noah's published edit only, and reaches it from the history's names.
       const reader = await wiki.newPage();
       await reader.goto(`/fr/wiki/${encodeURIComponent(kTitle.replace(/ /g, '_'))}?action=history`);
       await reader.getByRole('link', {name: noah.name}).first().click();
       await reader.getByRole('heading', {level: 1, name: msg('contributions-heading', {name: noah.name})})
           .waitFor();
       assert.equal(await reader.locator('li.contribution').count(), 1);
       assert.equal(await reader.getByText(msg('review-state-pending')).count(), 0);
     });
