'use strict';
// A class made as a teacher makes it, on the "My classes" page, for tests whose subject is
// something else (a lockout, a lesson window).
const assert = require('node:assert/strict');
const {submit} = require('./forms');
const {msg} = require('./messages');

// `teacher` (a page logged in as a teacher or admin) makes the class `name` with one pupil and
// reads the pupil's login card: {dashboard (the class page's path), pupil: {name, password}}.
async function classWithOnePupil(teacher, name) {
  await teacher.goto('/fr/special/classes');
  await teacher.getByRole('textbox', {name: msg('classes-name-label')}).fill(name);
  assert.equal((await submit(teacher, msg('classes-create-submit'))).status(), 303);
  const dashboard = new URL(teacher.url()).pathname;
  await teacher.getByRole('spinbutton', {name: msg('classes-count-label')}).fill('1');
  assert.equal((await submit(teacher, msg('classes-add-submit'))).status(), 200);
  const card = teacher.locator('.login-card').first();
  const pupil = {
    name: await card.locator('.card-username').textContent(),
    password: await card.locator('.card-password').textContent(),
  };
  return {dashboard, pupil};
}

module.exports = {classWithOnePupil};
