'use strict';
// Issue 9, "done when": an admin switches off a moderator's account from the browser, and the
// moderator's open session is refused at once; switched on again, the moderator logs back in.
// Each person in a browser context of their own.
const assert = require('node:assert/strict');
const {after, before, test} = require('node:test');
const {submit} = require('./forms');
const {msg} = require('./messages');
const session = require('./session');

const kModerator = 'Modo Dupont';
const kPassword = 'un mot de passe de modo';

let wiki;
before(async () => {
  wiki = await session.open();
});
after(async () => {
  if (wiki) await wiki.finish();
});

// The row of the staff list whose name cell is exactly `name`.
function accountRow(admin, name) {
  return admin.locator('table.staff-list tbody tr')
      .filter({has: admin.getByRole('cell', {name, exact: true})});
}

async function createModerator(admin) {
  await admin.goto('/fr/special/users');
  await admin.getByRole('textbox', {name: msg('classes-users-name-label'), exact: true})
      .fill(kModerator);
  await admin.getByRole('combobox', {name: msg('classes-users-role-label')}).first().selectOption({
    label: msg('classes-role-moderator')
  });
  await admin.getByLabel(msg('classes-users-password-label')).fill(kPassword);
  assert.equal((await submit(admin, msg('classes-users-submit'))).status(), 200);
  await accountRow(admin, kModerator).waitFor();
}

test('an admin switches off a moderator, whose open session stops at once', async () => {
  const admin = await wiki.newEditorPage();
  await createModerator(admin);
  const moderator = await wiki.newUserPage({name: kModerator, password: kPassword});
  assert.equal((await moderator.goto('/fr/special/blocks')).status(), 200);

  // The admin's own row has no buttons: an admin cannot switch themselves off here.
  const own = accountRow(admin, wiki.admin.name);
  assert.equal(await own.getByRole('button').count(), 0);
  await own.getByText(msg('classes-users-self')).waitFor();

  const row = accountRow(admin, kModerator);
  const answer = await submit(admin, msg('classes-users-disable'), row);
  assert.equal(answer.status(), 303);
  await admin.getByRole('status').getByText(msg('classes-users-changed')).waitFor();
  await accountRow(admin, kModerator).getByText(msg('classes-users-state-off')).waitFor();

  // The moderator's next request has no session: the safety tools ask for a login.
  await moderator.goto('/fr/special/blocks');
  assert.match(new URL(moderator.url()).pathname, /\/fr\/special\/login$/);
  const refused = moderator.locator('form.login-form');
  await refused.waitFor();
  await moderator.getByRole('textbox', {name: msg('login-name-label')}).fill(kModerator);
  await refused.getByLabel(msg('login-password-label')).fill(kPassword);
  assert.equal((await submit(moderator, msg('login-submit'))).status(), 403);
  await moderator.getByText(msg('error-account-disabled')).waitFor();

  // Switched on again, the moderator logs in and works.
  const enabled = await submit(admin, msg('classes-users-enable'), accountRow(admin, kModerator));
  assert.equal(enabled.status(), 303);
  await wiki.logIn(moderator, {name: kModerator, password: kPassword});
  assert.equal((await moderator.goto('/fr/special/blocks')).status(), 200);
});

test('an admin gives a staff account a new password, shown once', async () => {
  const admin = await wiki.newEditorPage();
  await admin.goto('/fr/special/users');
  const answer = await submit(admin, msg('classes-users-new-password'), accountRow(admin, kModerator));
  assert.equal(answer.status(), 200);
  const shown = admin.getByRole('status').filter({hasText: msg('classes-users-password-once')});
  await shown.waitFor();
  const password = await shown.locator('.card-password').textContent();
  assert.ok(password.length >= 8, `a generated password: ${password}`);
  const moderator = await wiki.newUserPage({name: kModerator, password});
  assert.equal((await moderator.goto('/fr/special/reports')).status(), 200);
});
