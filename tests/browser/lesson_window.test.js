'use strict';
// Issue 15, lesson windows, "done when": a lesson window closes editing outside class hours
// without losing a draft. In real browsers, each person in a context of their own: the teacher
// switches editing off for the class from the class page; the pupil, typing an article, opens the
// editor to a kind notice, presses Save and is told kindly when editing opens, with the text
// still in the box; the teacher switches editing on, and the same text is saved. The teacher's
// form of weekly lessons and holidays says when editing opens next.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {violations} = require('./axe');
const {classWithOnePupil} = require('./classes');
const {submit} = require('./forms');
const {msg} = require('./messages');
const session = require('./session');

const kArticle = '/fr/wiki/Cheval?action=edit';
const kPupilLine = 'Le cheval peut dormir debout, et il rêve couché.';

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
async function textOf(page) {
  return (await textbox(page).inputValue()).replace(/\r\n/g, '\n');
}

function lessonSection(teacher) {
  return teacher.getByRole('region', {name: msg('classes-lesson-heading')});
}

test('editing switched off keeps the pupil\'s text, and saves it once switched on', async () => {
  const teacher = await wiki.newEditorPage();
  const {dashboard, pupil} = await classWithOnePupil(teacher, 'CM1 Horaires');
  await teacher.goto(dashboard);
  await lessonSection(teacher).getByText(msg('classes-lesson-open-now')).waitFor();

  // The pupil starts writing during the lesson.
  const writer = await wiki.newUserPage(pupil);
  await writer.goto(kArticle);
  assert.equal(await writer.locator('.lesson-closed-notice').count(), 0);
  const typed = (await textOf(writer)).trimEnd() + '\n\n' + kPupilLine + '\n';
  await textbox(writer).fill(typed);

  // The bell rings: the teacher switches editing off with one button.
  assert.equal((await submit(teacher, msg('classes-lesson-switch-off'))).status(), 303);
  await lessonSection(teacher).getByText(msg('classes-lesson-closed-off')).waitFor();
  assert.deepEqual(await violations(teacher), [], 'the class page with editing switched off');
  await wiki.screenshot(teacher, 'class-page-editing-off');

  // Another computer of the pupil: the editor still opens, with the kind notice.
  const library = await wiki.newUserPage(pupil);
  await library.goto(kArticle);
  await library.getByRole('alert').filter({hasText: msg('edit-error-editing-off')}).waitFor();
  assert.equal(await textbox(library).isEditable(), true);

  // Saving is refused kindly, and the text stays in the box.
  assert.equal((await submit(writer, msg('web-edit-save'))).status(), 403);
  await writer.getByRole('alert').filter({hasText: msg('edit-error-editing-off')}).waitFor();
  assert.equal(await textOf(writer), typed);
  assert.deepEqual(await violations(writer), [], 'the editor with a closed window\'s notice');
  await wiki.screenshot(writer, 'editor-editing-off');

  // Readers still see the article without the pupil's line.
  const reader = await wiki.newPage();
  await reader.goto('/fr/wiki/Cheval');
  assert.equal(await reader.getByText(kPupilLine).count(), 0);

  // Editing opens again: the same text, saved with the same button.
  await teacher.goto(dashboard);
  assert.equal((await submit(teacher, msg('classes-lesson-switch-on'))).status(), 303);
  await lessonSection(teacher).getByText(msg('classes-lesson-open-now')).waitFor();
  assert.equal((await submit(writer, msg('web-edit-save'))).status(), 303);
  // The editor opens on the pupil's own version, waiting for review: the same words (the server
  // keeps no trailing line break).
  await writer.goto(kArticle);
  assert.equal(await textOf(writer), typed.trimEnd());
  assert.equal(await writer.locator('.lesson-closed-notice').count(), 0);
});

test('the teacher sets weekly lessons and holidays; a mistake keeps what was typed', async () => {
  const teacher = await wiki.newEditorPage();
  await teacher.goto('/fr/special/classes');
  await teacher.getByRole('textbox', {name: msg('classes-name-label')}).fill('CE2 Semaine');
  assert.equal((await submit(teacher, msg('classes-create-submit'))).status(), 303);
  const section = lessonSection(teacher);
  await section.getByRole('radio', {name: msg('classes-lesson-mode-lessons')}).check();
  const day = (n) => section.getByRole('combobox', {name: msg('classes-lesson-day')}).nth(n);
  const from = (n) => section.getByLabel(msg('classes-lesson-start'), {exact: true}).nth(n);
  const to = (n) => section.getByLabel(msg('classes-lesson-end'), {exact: true}).nth(n);
  await day(0).selectOption({label: msg('classes-weekday-1')});
  await from(0).fill('09:00');
  await to(0).fill('10:30');
  await day(1).selectOption({label: msg('classes-weekday-1')});
  await from(1).fill('10:00');
  await to(1).fill('11:00');
  await section.getByLabel(msg('classes-lesson-holiday-first')).first().fill('2026-12-19');
  await section.getByLabel(msg('classes-lesson-holiday-last')).first().fill('2027-01-03');

  // Two lessons of one Monday overlap: refused, with the form as typed.
  assert.equal((await submit(teacher, msg('classes-lesson-save'))).status(), 400);
  await teacher.getByRole('alert').filter({
    hasText: msg('classes-error-lesson-overlap', {first: 1, second: 2}),
  }).waitFor();
  assert.equal(await from(1).inputValue(), '10:00');
  assert.equal(await section.getByLabel(msg('classes-lesson-holiday-first')).first().inputValue(),
               '2026-12-19');

  await from(1).fill('13:30');
  await to(1).fill('15:00');
  assert.equal((await submit(teacher, msg('classes-lesson-save'))).status(), 303);
  // Open now, or closed until the next Monday lesson: either way the state is said in words.
  const state = await section.locator('.lesson-state').textContent();
  assert.ok(state.length > 10, `the state in words: ${state}`);
  assert.equal(await day(0).inputValue(), '1');
  assert.equal(await from(0).inputValue(), '09:00');
  assert.equal(await from(1).inputValue(), '13:30');
  assert.equal(await section.getByRole('radio', {name: msg('classes-lesson-mode-lessons')})
                   .isChecked(), true);
  assert.deepEqual(await violations(teacher), [], 'the class page with lessons');
  await wiki.screenshot(teacher, 'class-page-lessons');
});
