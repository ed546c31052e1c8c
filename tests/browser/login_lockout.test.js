'use strict';
// Issue 15, fair login protection, in real browsers with their own cookies: a classmate typing a
// pupil's name with wrong passwords is told to wait, the pupil on their own computer still logs
// in, the teacher sees the pupil locked for other computers and unlocks them with one button.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {classWithOnePupil} = require('./classes');
const {submit} = require('./forms');
const {msg} = require('./messages');
const session = require('./session');

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();  // unset when before() failed: that failure is reported
});

// Types `name` and `password` in the login form of `page`; resolves to the answer's status.
async function tryLogin(page, name, password) {
  await page.goto('/fr/special/login');
  await page.getByRole('textbox', {name: msg('login-name-label')}).fill(name);
  await page.locator('form.login-form').getByLabel(msg('login-password-label')).fill(password);
  return (await submit(page, msg('login-submit'))).status();
}

// A classmate's browser: wrong passwords for `name` until it is told to wait.
async function guessUntilTold(name) {
  const classmate = await wiki.newPage();
  let tries = 0;
  while ((await tryLogin(classmate, name, 'pas-le-bon-mot')) === 401) {
    assert.ok(++tries <= 5, 'the classmate is told to wait after five wrong passwords');
  }
  assert.equal(tries, 5);
  await classmate.getByRole('alert').waitFor();
  return classmate;
}

function lockedBadge(teacher) {
  return teacher.locator('.pupil-list .badge.pupil-locked');
}

test('a classmate\'s guesses lock the classmate out, never the pupil; the teacher unlocks',
     async () => {
       const teacher = await wiki.newEditorPage();
       const {dashboard, pupil} = await classWithOnePupil(teacher, 'CM1 Serrures');

       // The pupil logs in on their own computer, then logs out at the end of the lesson.
       const own = await wiki.newPage();
       assert.equal(await tryLogin(own, pupil.name, pupil.password), 303);
       await submit(own, msg('login-logout'));

       // Two classmates guess on two computers: each is told to wait, and computers the pupil
       // never used are now locked for the pupil's name, even with the right password.
       const first = await guessUntilTold(pupil.name);
       await wiki.screenshot(first, 'classmate-told-to-wait');
       assert.equal(await tryLogin(first, pupil.name, pupil.password), 429);
       await guessUntilTold(pupil.name);
       const library = await wiki.newPage();
       assert.equal(await tryLogin(library, pupil.name, pupil.password), 429);

       // The teacher sees it on the class page.
       await teacher.goto(dashboard);
       await lockedBadge(teacher).waitFor();
       await wiki.screenshot(teacher, 'class-page-pupil-locked');

       // The pupil on their own computer logs in at once.
       assert.equal(await tryLogin(own, pupil.name, pupil.password), 303);

       // Locked again by two more classmates; the teacher presses Unlock, and the library
       // computer lets the pupil in.
       await guessUntilTold(pupil.name);
       await guessUntilTold(pupil.name);
       const another = await wiki.newPage();
       assert.equal(await tryLogin(another, pupil.name, pupil.password), 429);
       await teacher.goto(dashboard);
       assert.equal((await submit(teacher, msg('classes-pupil-unlock'))).status(), 303);
       assert.equal(await lockedBadge(teacher).count(), 0);
       assert.equal(await tryLogin(another, pupil.name, pupil.password), 303);
     });
