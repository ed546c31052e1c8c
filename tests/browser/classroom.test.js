'use strict';
// Issue 3, "done when", in real browsers, each person in a browser context of their own: an admin
// creates a teacher; the teacher creates a class of 25 pupils and gets their login cards; a pupil
// logs in with a card and edits Cheval; a reader still sees the old text; the pupil's phone
// number is refused kindly and their text stays in the editor; the teacher sends the edit back
// with a message, the pupil reads it, fixes the edit, the teacher approves, and the reader sees
// the fix. The class dashboard follows the edit's state on the way.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {submit} = require('./forms');
const {msg} = require('./messages');
const {pathOf} = require('./paths');
const session = require('./session');

const kTeacher = 'Mme Martin';
const kClass = 'CM2 B';
const kPupils = 25;
const kFirstLine = 'Le cheval dort debout.';
const kPhoneLine = 'Appelle-moi au 06 12 34 56 78 !';
const kReviewMessage = 'Dis pourquoi le cheval dort debout.';
const kFixedLine = 'Le cheval dort debout : ses jambes se bloquent.';

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

function textbox(page) {
  return page.getByRole('textbox', {name: msg('web-edit-textbox-label')});
}

// Browsers send a textarea's line breaks as CRLF; the comparison is about the words.
async function textOf(box) {
  return (await box.inputValue()).replace(/\r\n/g, '\n');
}

function status(page) {
  return page.getByRole('status');
}

// The admin fills in the staff accounts form and reads the password it shows this once.
async function createTeacher(admin) {
  await admin.goto('/fr/special/users');
  await admin.getByRole('textbox', {name: msg('classes-users-name-label'), exact: true})
      .fill(kTeacher);
  await admin.getByRole('combobox', {name: msg('classes-users-role-label')}).selectOption({
    label: msg('classes-role-teacher')
  });
  assert.equal((await submit(admin, msg('classes-users-submit'))).status(), 200);
  const created = status(admin).filter({hasText: msg('classes-users-password-once')});
  const role = msg('classes-role-teacher');
  await created.getByText(msg('classes-users-created', {name: kTeacher, role})).waitFor();
  assert.equal(await created.locator('.card-username').textContent(), kTeacher);
  const password = await created.locator('.card-password').textContent();
  assert.ok(password.length >= 8, `a generated password: ${password}`);
  await wiki.screenshot(admin, 'staff-account-created');

  await admin.goto('/fr/special/users');
  assert.equal(await admin.locator('.card-password').count(), 0, 'the password is shown once');
  return {name: kTeacher, password};
}

// The teacher creates the class from "My classes" and lands on its dashboard.
async function createClass(teacher) {
  await teacher.getByRole('link', {name: msg('classes-link'), exact: true}).click();
  await teacher.waitForURL((url) => url.pathname === '/fr/special/classes');
  await teacher.getByText(msg('classes-none')).waitFor();
  await teacher.getByRole('textbox', {name: msg('classes-name-label')}).fill(kClass);
  const review = teacher.getByRole('checkbox', {name: msg('classes-review-label')});
  assert.ok(await review.isChecked(), 'pupils\' edits wait for review by default');
  assert.equal((await submit(teacher, msg('classes-create-submit'))).status(), 303);
  assert.match(pathOf(teacher), /^\/fr\/special\/class\/\d+$/);
  const heading = msg('classes-dashboard-heading', {name: kClass});
  await teacher.getByRole('heading', {level: 1, name: heading}).waitFor();
  await teacher.getByText(msg('classes-no-pupils')).waitFor();
  return pathOf(teacher);
}

// 25 generated pseudonyms, and the sheet of login cards that shows their passwords this once.
async function addPupils(teacher) {
  await teacher.getByRole('spinbutton', {name: msg('classes-count-label')}).fill(String(kPupils));
  assert.equal((await submit(teacher, msg('classes-add-submit'))).status(), 200);
  const heading = msg('classes-cards-heading', {name: kClass});
  await teacher.getByRole('heading', {level: 1, name: heading}).waitFor();
  const cards = teacher.locator('.login-card');
  assert.equal(await cards.count(), kPupils);
  await wiki.screenshot(teacher, 'login-cards');
  const names = await cards.locator('.card-username').allTextContents();
  const passwords = await cards.locator('.card-password').allTextContents();
  assert.equal(new Set(names).size, kPupils, 'every pupil has a name of their own');
  assert.ok(passwords.every((password) => password.length > 0));
  const address = await cards.first().locator('.card-address').textContent();
  assert.ok(address.includes(new URL(wiki.url).host), `the card's address: ${address}`);
  return {name: names[7], password: passwords[7]};
}

// The class dashboard lists every pupil, and under `pupil` their edit of Cheval in `state`
// (pending, rejected, approved) with the reviewer's message when it was sent back.
async function dashboardShows(teacher, dashboard, pupil, state) {
  await teacher.goto(dashboard);
  assert.equal(await teacher.locator('.pupil-list > li').count(), kPupils);
  const row = teacher.locator('.pupil-list > li').filter({
    has: teacher.locator('.pupil-name').getByText(pupil, {exact: true})
  });
  const edit = row.locator('.pupil-edits > li').first();
  assert.equal(await edit.locator('.page-title').textContent(), 'Cheval');
  assert.equal(await edit.locator('.badge').textContent(), msg(`review-state-${state}`));
  if (state === 'rejected') {
    assert.equal((await edit.locator('blockquote').textContent()).trim(), kReviewMessage);
  }
}

// Opens Cheval's edit form from its Edit tab, adds `line` at the end and saves.
async function addLine(page, line) {
  await page.goto('/fr/wiki/Cheval');
  const tabs = page.getByRole('navigation', {name: msg('web-tabs-label')});
  await tabs.getByRole('link', {name: msg('web-tab-edit'), exact: true}).click();
  await page.waitForURL((url) => url.searchParams.get('action') === 'edit');
  const text = await textOf(textbox(page));
  await textbox(page).fill(`${text.trimEnd()}\n\n${line}\n`);
  return submit(page, msg('web-edit-save'));
}

// The author sees their own pending version, with a banner saying that it waits for review.
async function seesOwnPending(pupil, line) {
  assert.equal(pathOf(pupil), '/fr/wiki/Cheval');
  await status(pupil).filter({hasText: msg('review-banner-author')}).waitFor();
  await pupil.locator('.content').getByText(line).waitFor();
}

async function readerSees(reader, line, shown) {
  await reader.goto('/fr/wiki/Cheval');
  const text = await reader.locator('.content').textContent();
  assert.equal(text.includes(line), shown, `the reader ${shown ? 'sees' : 'does not see'} ${line}`);
  assert.equal(await reader.locator('.pending-banner').count(), 0, 'readers get no banner');
}

// The teacher's review queue, from the header's link, holds Cheval's pending edit.
async function openQueue(teacher, line) {
  await teacher.goto('/fr/wiki/Accueil');
  // The link's name is "Relire", then how many edits wait ("Relire (1 modification …)").
  const waiting = msg('review-waiting-count').replace(/\{count, plural, one \{# ([^}]*)\}.*/, '1 $1');
  const link = teacher.getByRole('link', {name: `${msg('review-queue-link')} (${waiting})`});
  await link.click();
  await teacher.waitForURL((url) => url.pathname === '/fr/special/review');
  const item =
      teacher.locator('.review-item').filter({has: teacher.getByRole('heading', {name: 'Cheval'})});
  assert.equal(await item.count(), 1);
  const inserted = await item.locator('table.diff ins').allTextContents();
  assert.ok(inserted.join(' ').includes(line.split(' ').pop()), `marked: ${inserted.join(' ')}`);
  return item;
}

async function sendBack(teacher, pupilName) {
  const item = await openQueue(teacher, kFirstLine);
  assert.equal(await item.locator('.author').textContent(), pupilName);
  await wiki.screenshot(teacher, 'review-queue');
  await item.getByRole('textbox', {name: msg('review-send-back-label')}).fill(kReviewMessage);
  assert.equal((await submit(teacher, msg('review-send-back'), item)).status(), 303);
  await status(teacher).getByText(msg('review-done-rejected', {title: 'Cheval'})).waitFor();
  await teacher.getByText(msg('review-queue-empty')).waitFor();
}

// On their next visit the pupil finds the notice, and the message among "My edits".
async function readsMessage(pupil) {
  await pupil.goto('/fr/wiki/Accueil');
  const notice = status(pupil).filter({hasText: msg('review-notice-heading')});
  await notice.getByText(kReviewMessage, {exact: false}).waitFor();
  await notice.getByRole('link', {name: msg('review-notice-link')}).click();
  await pupil.waitForURL((url) => url.pathname === '/fr/special/my-edits');
  const edit = pupil.locator('.my-edit').filter({hasText: msg('review-state-rejected')});
  assert.equal((await edit.locator('blockquote').textContent()).trim(), kReviewMessage);
  await wiki.screenshot(pupil, 'my-edits-sent-back');
  await edit.getByRole('link', {name: msg('review-my-edits-edit-again')}).click();
  await pupil.waitForURL((url) => url.searchParams.get('action') === 'edit');
}

// The pupil replaces the sent-back line with a better one, from the form "edit again" opened.
async function fixEdit(pupil) {
  const text = await textOf(textbox(pupil));
  assert.ok(text.includes(kFirstLine), 'the form holds the pupil\'s sent-back text');
  await textbox(pupil).fill(text.replace(kFirstLine, kFixedLine));
  assert.equal((await submit(pupil, msg('web-edit-save'))).status(), 303);
  await seesOwnPending(pupil, kFixedLine);
}

async function approve(teacher) {
  const item = await openQueue(teacher, kFixedLine);
  assert.equal((await submit(teacher, msg('review-approve'), item)).status(), 303);
  await status(teacher).getByText(msg('review-done-approved', {title: 'Cheval'})).waitFor();
  await teacher.getByText(msg('review-queue-empty')).waitFor();
}

test(
    'a class from its teacher\'s account to a pupil\'s approved edit, as people do it',
    async () => {
      const admin = await wiki.newEditorPage();
      const teacher = await wiki.newUserPage(await createTeacher(admin));
      const dashboard = await createClass(teacher);
      const card = await addPupils(teacher);

      const pupil = await wiki.newUserPage(card);
      const greeting = msg('login-logged-in-as', {name: card.name});
      assert.equal(await pupil.locator('.site-user .user-name').textContent(), greeting);
      assert.ok([302, 303].includes((await addLine(pupil, kFirstLine)).status()));
      await seesOwnPending(pupil, kFirstLine);
      await wiki.screenshot(pupil, 'pupil-pending');
      const reader = await wiki.newPage();
      await readerSees(reader, kFirstLine, false);
      await dashboardShows(teacher, dashboard, card.name, 'pending');

      // The refusal keeps everything the pupil wrote in the editor.
      assert.equal((await addLine(pupil, kPhoneLine)).status(), 422);
      await pupil.getByRole('alert').getByText(msg('filter-phone')).waitFor();
      const kept = await textOf(textbox(pupil));
      assert.ok(kept.includes(kPhoneLine) && kept.includes(kFirstLine), 'the text is kept');
      await wiki.screenshot(pupil, 'phone-refused');

      await sendBack(teacher, card.name);
      await readerSees(reader, kFirstLine, false);
      await dashboardShows(teacher, dashboard, card.name, 'rejected');
      await readsMessage(pupil);
      await fixEdit(pupil);
      await readerSees(reader, kFixedLine, false);
      await approve(teacher);
      await dashboardShows(teacher, dashboard, card.name, 'approved');

      await reader.reload();
      await reader.locator('.content').getByText(kFixedLine).waitFor();
      await wiki.screenshot(reader, 'reader-sees-fix');
    });
